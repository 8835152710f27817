"""Text features of one block, computed once and read by the classifier."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

# Tokens as the shingle metric counts them; CJK runs are one token, so length also counts characters.
_WORD = regex.compile(r"\w+")
_CAPITAL = regex.compile(r"\b\p{Lu}")
# searched from the end, where it is anchored: a long line is not scanned from its start
_TERMINAL = regex.compile(r"[.!?…。！？:;][\"'”’»)\]]*$", regex.REVERSE)
# Languages written without spaces: a run of these characters is many words long.
_UNSPACED = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}]")
CHARS_PER_UNSPACED_WORD = 2
# Minified script leaked into a dump: a long line of few spaces and many code symbols. Prose,
# even CJK prose without spaces, has few of these symbols; a code sample in an article has
# short lines with spaces around its operators.
SCRIPT_MIN_CHARS = 150
SCRIPT_MAX_SPACES = 0.1
SCRIPT_MIN_SYMBOLS = 0.08
_CODE_SYMBOL = regex.compile(r"[{}()\[\];=<>&|!\\+*/$_^~#@\"]")


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
    script: bool = False
    long_stopwords: int = 0
    unspaced: int = 0

    @property
    def stopword_density(self) -> float:
        return self.stopwords / self.words if self.words else 0.0

    @classmethod
    def of(cls, text: str, stopwords: frozenset, link_density: float = 0.0) -> "Features":
        folded = _WORD.findall(text.casefold())
        count = len(folded)
        stop = sum(map(stopwords.__contains__, folded)) if count else 0
        long_stop = sum(map(_long_words(stopwords).__contains__, folded)) if stop else 0
        # an ASCII line (most lines of most pages) holds none: it need not be searched
        unspaced = len(_UNSPACED.findall(text)) // CHARS_PER_UNSPACED_WORD if count and not text.isascii() else 0
        if len(text) > 8 * count:
            count = max(count, unspaced)
        return cls(count, stop, len(_CAPITAL.findall(text)), _TERMINAL.search(text) is not None, link_density,
                   script_like(text), long_stop, unspaced)

    @property
    def mostly_unspaced(self) -> bool:
        """Written mostly without spaces (Chinese, Japanese, Thai), which no stoplist can judge.

        >>> Features.of("委员会周一开会，决定图书馆明年五月开放。", frozenset()).mostly_unspaced
        True
        >>> Features.of("The council met on Monday.", frozenset()).mostly_unspaced
        False
        """
        return 2 * self.unspaced > self.words


@lru_cache(maxsize=32)
def _long_words(stopwords: frozenset) -> frozenset:
    """The stopwords of three letters or more: "a", "i", "to" are words of many languages."""
    return frozenset(w for w in stopwords if len(w) > 2)


# A tracking pixel's markup leaked from a <noscript> into a dump: an image or frame one pixel
# wide or hidden. Never prose, nor the kind of markup an article shows as an example.
_PIXEL = regex.compile(r"<(?:img|iframe)\b[^>]*?(?:display:\s*none|\b(?:width|height)=[\"']?[01][\"'\s/>])",
                       regex.IGNORECASE)


def script_like(text: str) -> bool:
    """Minified code: long, hardly a space, full of brackets and operators; or a tracking pixel.

    >>> script_like('function(e,t){return e&&t?(n.push([e,t]),r(n)):void 0};var o=window.x||{};' * 3)
    True
    >>> script_like("The council met on Monday (a day late) and agreed that the library will open in May; "
    ...              "the cafe & the archive follow in June, once the roof is done.")
    False
    >>> script_like('<img src="https://px.example.net/t.gif?id=42" width="1" height="1" alt="" />')
    True
    >>> script_like('<img src="photo.jpg" width="640" alt="The new library">')
    False
    """
    if "<" in text and _PIXEL.search(text):
        return True
    length = len(text)
    if length < SCRIPT_MIN_CHARS or text.count(" ") > SCRIPT_MAX_SPACES * length:
        return False
    return len(_CODE_SYMBOL.findall(text)) > SCRIPT_MIN_SYMBOLS * length
