"""Whitespace and invisible characters: one space between words, nothing hidden."""

from __future__ import annotations

import re

# Zero-width characters, BOM, soft hyphen and word joiner carry no text; C0/C1 controls are
# debris from broken encodings, and so are lone surrogates (a str may carry them; no encoder
# will write them). Both go; NBSP and other Unicode spaces become plain spaces.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def clean_line(text: str) -> str:
    """One line with invisible characters removed and whitespace collapsed to single spaces.

    >>> clean_line("\\u00a0 Hello\\u200b\\tworld \\u00a0")
    'Hello world'
    >>> clean_line("\\u00a0")
    ''
    """
    # str.isprintable() is a C scan that is False for every invisible character, control and
    # whitespace other than the plain space, so most lines need no regex. (source/text.py
    # writes this branch out for every line of a dump, sparing a call per line: keep the two alike.)
    if text.isprintable():
        if "  " not in text and text[:1] != " " and text[-1:] != " ":
            return text  # already clean: about half of all lines
        return " ".join(text.split())
    collapsed = " ".join(text.split())
    if collapsed.isprintable():  # only line breaks, tabs or Unicode spaces were in the way
        return collapsed
    # each one replaced away on its own: str.translate looks up every character of the line
    # in a dict, many times slower on a long line than these scans
    for invisible in _INVISIBLE:
        if invisible in text:
            text = text.replace(invisible, "")
    if _CONTROL.search(text):
        text = _CONTROL.sub(" ", text)
    return " ".join(text.split())


def split_lines(text: str) -> list[str]:
    """Split on any newline convention (CRLF, CR, LF, Unicode line separators).

    >>> split_lines("a\\r\\nb\\rc\\u2028d")
    ['a', 'b', 'c', 'd']
    """
    return text.splitlines()


def render(paragraphs: list[str]) -> str:
    """Join finished blocks with exactly one blank line, ending in a single newline.

    >>> render(["Title", "Body text."])
    'Title\\n\\nBody text.\\n'
    >>> render([])
    ''
    """
    kept = [p for p in paragraphs if p]
    return "\n\n".join(kept) + "\n" if kept else ""
