"""Text features of one block, computed once and read by the classifier."""

from __future__ import annotations

from dataclasses import dataclass

import regex

# Tokens as the shingle metric counts them; CJK runs are one token, so length also counts characters.
_WORD = regex.compile(r"\w+")
_CAPITAL = regex.compile(r"\b\p{Lu}")
_TERMINAL = regex.compile(r"[.!?…。！？:;][\"'”’»)\]]*$")
# Languages written without spaces: a run of these characters is many words long.
_UNSPACED = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}]")
CHARS_PER_UNSPACED_WORD = 2


@dataclass(slots=True)
class Features:
    """What the scorer knows about one block.

    >>> f = Features.of("The council met on Monday.", frozenset({"the", "on"}))
    >>> (f.words, f.stopwords, f.capitalised, f.terminal)
    (5, 2, 2, True)
    """

    words: int
    stopwords: int
    capitalised: int
    terminal: bool
    link_density: float = 0.0

    @property
    def stopword_density(self) -> float:
        return self.stopwords / self.words if self.words else 0.0

    @classmethod
    def of(cls, text: str, stopwords: frozenset, link_density: float = 0.0) -> "Features":
        folded = _WORD.findall(text.casefold())
        count = len(folded)
        stop = sum(map(stopwords.__contains__, folded)) if count else 0
        if count and len(text) > 8 * count:
            count = max(count, len(_UNSPACED.findall(text)) // CHARS_PER_UNSPACED_WORD)
        return cls(count, stop, len(_CAPITAL.findall(text)), _TERMINAL.search(text) is not None, link_density)
