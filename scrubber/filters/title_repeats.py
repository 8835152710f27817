"""Lines that repeat the page title: URL slugs of it and 'Title | Site' copies."""

from __future__ import annotations

import regex

from ..title import SEPARATORS, guess_title, title_words
from .base import Drop, Filter

_SLUG = regex.compile(r"[\p{Ll}\p{N}]+(?:[-_][\p{Ll}\p{N}]*)+")


class TitleRepeats(Filter):
    """Drops URL-slug lines, ``Title | Site`` lines and later copies that repeat the title.

    The title is the page's known title or, for text, the first title-like line. A slug line
    has no spaces and its words are (nearly all) the title's words; a ``Title | Site`` line
    starts with the title and adds only a short site name. The first plain copy is kept.

    >>> from scrubber.testing import judge_page
    >>> judge_page(TitleRepeats, ["Bread at Home", "bread-at-home", "Bread at Home | The Crumb", "Bread at home is cheap."])
    [(1, 'title_repeats/slug'), (2, 'title_repeats/title-with-site')]
    """

    name = "title_repeats"

    def select(self, blocks, page):
        title = page.title or guess_title(blocks)
        wanted = title_words(title) if title else []
        if not wanted:
            return
        seen_title = False
        # "Title | Site" is a copy only when the title appears elsewhere: from the page's
        # metadata, or as a plain line. Otherwise it is the one line that carries the title.
        title_elsewhere = bool(page.title) or any(title_words(b.text) == wanted for b in blocks)
        for position, block in enumerate(blocks):
            words = title_words(block.text)
            if not words:
                continue
            text = block.text.strip()
            if " " not in text and _SLUG.fullmatch(text) and _mostly_title(words, wanted):
                yield Drop(position, "title_repeats/slug", "URL slug of the title")
            elif words == wanted:
                if seen_title:
                    yield Drop(position, "title_repeats/duplicate-title", "repeats the title")
                seen_title = True
            elif title_elsewhere and _is_title_with_site(text, wanted, words):
                yield Drop(position, "title_repeats/title-with-site", "title followed by a site name")


def _mostly_title(words, wanted):
    known = set(wanted)
    shared = sum(1 for w in words if w in known)
    return shared >= max(2, int(0.8 * len(words)))


def _is_title_with_site(text, wanted, words):
    for separator in SEPARATORS:
        if separator in text:
            parts = [title_words(part) for part in text.split(separator)]
            if wanted in parts and len(words) - len(wanted) <= 10:
                return True
    return False
