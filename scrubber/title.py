"""The page title: known from HTML metadata, or guessed from the first title-like line of text."""

from __future__ import annotations

import regex

_WORD = regex.compile(r"[\p{L}\p{N}]+")
SEPARATORS = (" | ", " – ", " — ", " - ", " :: ", " · ", " » ", " ~ ")
MAX_TITLE_WORDS = 25


def title_words(text: str) -> list[str]:
    """Case-folded words, the form in which lines are compared with the title.

    >>> title_words("Bread, at Home!")
    ['bread', 'at', 'home']
    """
    return [w.casefold() for w in _WORD.findall(text)]


def strip_site_name(title: str) -> str:
    """'Article | Section | Site' -> 'Article': the longest part, when it has two words or more.

    >>> strip_site_name("Get your Code Covered | Code | Nicolas Perriault")
    'Get your Code Covered'
    >>> strip_site_name("Ukraine Crisis: Talks Soon")
    'Ukraine Crisis: Talks Soon'
    """
    for separator in SEPARATORS:
        if separator in title:
            parts = [p.strip() for p in title.split(separator) if p.strip()]
            best = max(parts, key=lambda p: len(p.split()))
            if len(best.split()) >= 2:
                return best
    return title


def looks_like_title(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= MAX_TITLE_WORDS and not text.rstrip().endswith((".", ",", ";", "!"))


def guess_title(blocks) -> str | None:
    """The first title-like line near the top of a text dump, site name stripped."""
    for block in blocks[:12]:
        if block.kind in ("title", "heading", "paragraph") and looks_like_title(block.text):
            return strip_site_name(block.text)
    return None
