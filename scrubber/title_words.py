"""A line against the page title: the title's words, and whether a line is the title, or the
title with the site's name ("Bread at Home | The Crumb")."""

from __future__ import annotations

import re
from itertools import islice

import regex

# A word as lines and the title are compared: letters and digits, punctuation aside.
TITLE_WORD = regex.compile(r"[\p{L}\p{N}]+")
# The same words in ASCII text, which holds no other letters or digits (and whose casefold is
# lower): stdlib re finds them several times faster than regex's Unicode property sets.
ASCII_WORD = re.compile(r"[A-Za-z0-9]+")
SEPARATORS = (" | ", " – ", " — ", " - ", " :: ", " · ", " » ", " ~ ")
# A line ending so is running text (a sentence or a clause), never "Title | Site".
RUNNING_TEXT_ENDS = (".", "!", "?", "…", ",", ";")
# "Title | Section | Site": what follows the title in a title line is a few words at most.
MAX_SITE_NAME_WORDS = 10


def title_words(text: str) -> list[str]:
    """Case-folded words, the form in which lines are compared with the title.

    >>> title_words("Bread, at Home!")
    ['bread', 'at', 'home']
    """
    if text.isascii():
        return ASCII_WORD.findall(text.lower())
    return [w.casefold() for w in TITLE_WORD.findall(text)]


def title_words_up_to(text: str, most: int) -> list[str] | None:
    """``title_words(text)``, or None when it has more than ``most`` words: read only that far.

    >>> title_words_up_to("Bread, at Home!", 3), title_words_up_to("Bread at home is cheap.", 3)
    (['bread', 'at', 'home'], None)
    """
    words = ASCII_WORD if text.isascii() else TITLE_WORD
    found = list(islice(words.finditer(text), most + 1))
    return None if len(found) > most else [m.group().casefold() for m in found]


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


def title_text(line: str, wanted: list[str]) -> str | None:
    """The title as ``line`` shows it, when the line is the title (``wanted`` are its words) or
    the title with a site name ("Title | Site"); otherwise None.

    >>> title_text("Bread at Home | The Crumb", title_words("Bread at Home"))
    'Bread at Home'
    >>> title_text("Bread, at Home!", title_words("Bread at Home"))
    'Bread, at Home!'
    >>> title_text("Bread at home is cheap.", title_words("Bread at Home")) is None
    True
    """
    if not holds_title_words(line.casefold(), wanted):
        return None
    if title_words(line) == wanted:
        return line
    return title_with_site(line, wanted)


def holds_title_words(key: str, wanted: list[str]) -> bool:
    """Whether a line, case-folded (``Block.key()`` will do), holds every title word: only such a
    line can be the title or ``Title | Site``. A paragraph rarely does, and the substring test
    costs a fraction of splitting the paragraph into words.

    >>> holds_title_words("bread at home | the crumb", title_words("Bread at Home"))
    True
    """
    return all(map(key.__contains__, wanted))


def title_with_site(line: str, wanted: list[str]) -> str | None:
    """The title part of a ``Title | Site`` line, or None: one part must be the title, the rest a
    short name, and the line no sentence ("Crème brûlée – the burnt cream – needs four things.").

    >>> title_with_site("Sourdough Basics – The Crumb", title_words("Sourdough basics"))
    'Sourdough Basics'
    >>> title_with_site("Crème brûlée – the “burnt cream” – needs only four ingredients.", title_words("Crème brûlée")) is None
    True
    """
    if line.rstrip().endswith(RUNNING_TEXT_ENDS):
        return None
    for separator in SEPARATORS:
        if separator in line:
            parts = line.split(separator)
            for part in parts:
                if title_words(part) == wanted and len(title_words(line)) - len(wanted) <= MAX_SITE_NAME_WORDS:
                    return part.strip()
    return None
