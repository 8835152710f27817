"""Text features of one block, computed once and read by the classifier."""

from __future__ import annotations

from dataclasses import dataclass

import regex

_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’-]*")
_TERMINAL = regex.compile(r"[.!?…:][\"'”’»)\]]*$")


@dataclass(slots=True)
class Features:
    words: int
    chars: int
    stopword_density: float
    capitalised: float
    digits: float
    terminal: bool
    link_density: float

    @classmethod
    def of(cls, text: str, stopwords: frozenset, link_density: float = 0.0) -> "Features":
        words = _WORD.findall(text)
        count = len(words)
        if count == 0:
            return cls(0, len(text), 0.0, 0.0, 0.0, False, link_density)
        stop = sum(1 for w in words if w.casefold() in stopwords)
        caps = sum(1 for w in words if w[0].isupper())
        digits = sum(1 for w in words if w[0].isdigit())
        return cls(count, len(text), stop / count, caps / count, digits / count,
                   bool(_TERMINAL.search(text)), link_density)
