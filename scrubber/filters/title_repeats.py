"""Lines that repeat the page title: URL slugs of it and 'Title | Site' copies."""

from __future__ import annotations

import regex

from ..blocks import Block
from ..source.html import compiled
from ..title import find_title
from ..title_words import (MAX_SITE_NAME_WORDS, RUNNING_TEXT_ENDS, SEPARATORS, holds_title_words, title_with_site,
                           title_words, title_words_up_to)
from .base import Drop, Filter

_SLUG = regex.compile(r"[\p{Ll}\p{N}]+(?:[-_][\p{Ll}\p{N}]*)+")


class TitleRepeats(Filter):
    """Drops URL-slug lines, ``Title | Site`` lines and later copies that repeat the title.

    The title is the page's known title or, for text, the first title-like line. A slug line
    has no spaces and its words are (nearly all) the title's words; a ``Title | Site`` line
    starts with the title and adds only a short site name. The first plain copy is kept, or, when
    there is none, the first ``Title | Site`` line (the pipeline shows it as the title alone).

    >>> from scrubber.testing import judge_page
    >>> judge_page(TitleRepeats, ["Bread at Home", "bread-at-home", "Bread at Home | The Crumb", "Bread at home is cheap."])
    [(1, 'title_repeats/slug'), (2, 'title_repeats/title-with-site')]
    >>> judge_page(TitleRepeats, ["Bread at Home | The Crumb", "Bread at home is cheap.", "Bread at Home | The Crumb"])
    [(2, 'title_repeats/title-with-site')]
    """

    name = "title_repeats"

    def select(self, blocks, page):
        title, carriers = page.title, ()
        if not title and page.mode == "text":
            guess = page.meta["title_guess"] = find_title(blocks, page.meta.get("rule_candidates", ()))
            if guess is not None:
                title, carriers = guess.text, guess.carriers
        wanted = title_words(title) if title else []
        if not wanted:
            return
        for position, (reason, why) in _repeats(blocks, wanted, carriers):
            yield Drop(position, reason, why)


# What a line that repeats the title is dropped as: (reason, message), by the kind of repeat.
_CARRIER = ("title_repeats/title-with-site", "the title with a site name or kicker")
_SLUG_LINE = ("title_repeats/slug", "URL slug of the title")
_DUPLICATE = ("title_repeats/duplicate-title", "repeats the title")
_WITH_SITE = ("title_repeats/title-with-site", "title followed by a site name")


def _repeats(blocks, wanted, carriers):
    """(position, (reason, message)) of each line to drop as a repeat of the title (``wanted``:
    its words; ``carriers``: the indexes of the lines the title was found in)."""
    # A "Title | Site" line is dropped when a plain copy of the title exists; without one it
    # is the title's only carrier, so the first such line is kept (and shown as the title).
    # Each line is read once, and only a line that can repeat the title: one holding every
    # title word, or a slug. Most lines lack the title's longest word: that is asked first.
    longest, most = max(wanted, key=len), len(wanted) + MAX_SITE_NAME_WORDS
    if compiled.walk is not None:  # the same two loops in C, with no Python call for most lines
        return compiled.walk.title_repeats(blocks, Block, wanted, longest, most, carriers, SEPARATORS,
                                           RUNNING_TEXT_ENDS, _SLUG,
                                           title_words, title_words_up_to, title_with_site,
                                           (_CARRIER, _SLUG_LINE, _DUPLICATE, _WITH_SITE))
    found = []  # (position, block, words) of the lines that can repeat the title
    for position in _lines_to_read(blocks, wanted, longest, carriers):
        block = blocks[position]
        if block.index in carriers:
            words = title_words(block.text)
        elif block.key().count(" ") >= most:
            # more words than a title and site name, most likely: none to compare, and a
            # paragraph holding every title word is read only that far
            words = title_words_up_to(block.text, most)
        else:
            words = title_words(block.text)
        if words:
            found.append((position, block, words))
    seen_title = any(words == wanted for _, _, words in found)
    seen_plain = False
    repeats = []
    for position, block, words in found:
        text = block.text.strip()
        if block.index in carriers:
            repeats.append((position, _CARRIER))
        elif " " not in text and _SLUG.fullmatch(text) and _mostly_title(words, wanted):
            repeats.append((position, _SLUG_LINE))
        elif words == wanted:
            if seen_plain:
                repeats.append((position, _DUPLICATE))
            seen_plain = True
        elif title_with_site(text, wanted):
            if seen_title:
                repeats.append((position, _WITH_SITE))
            seen_title = True
    return repeats


def _lines_to_read(blocks, wanted, longest, carriers):
    """Positions of the lines that can repeat the title: those ``carriers`` names (by index), those
    holding every title word (``longest`` is asked first: most lines lack it), and slugs (no
    space; words joined by dashes or underscores)."""
    found = []
    for position, block in enumerate(blocks):
        key = block.key()
        if (carriers and block.index in carriers) or (longest in key and holds_title_words(key, wanted)) \
                or (" " not in key and ("-" in key or "_" in key)):
            found.append(position)
    return found


def _mostly_title(words, wanted):
    known = set(wanted)
    shared = sum(1 for w in words if w in known)
    return shared >= max(2, int(0.8 * len(words)))

