"""Text features of one block, computed once and read by the classifier."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, repeat
from operator import add, attrgetter, contains, le, or_

import re
import regex

from ..source.html import compiled

# Tokens as the shingle metric counts them; CJK runs are one token, so length also counts characters.
_WORD = regex.compile(r"\w+")
_CAPITAL = regex.compile(r"\b\p{Lu}")
# A sentence end, and the closing quotes and brackets that may follow it at a line's end ...
_SENTENCE_ENDS = tuple(".!?…。！？:;")
_CLOSING = "\"'”’»)]"
# ... as one pattern, searched from the end, where it is anchored: a long line is not scanned
# from its start (page_features reads the same with str.rstrip and str.endswith)
_TERMINAL = regex.compile(f"[{regex.escape(''.join(_SENTENCE_ENDS))}][{regex.escape(_CLOSING)}]*$", regex.REVERSE)
# Languages written without spaces: a run of these characters is many words long.
_UNSPACED = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}]")
CHARS_PER_UNSPACED_WORD = 2
# Minified script leaked into a dump: a long line of few spaces and many code symbols. Prose,
# even CJK prose without spaces, has few of these symbols; a code sample in an article has
# short lines with spaces around its operators.
SCRIPT_MIN_CHARS = 150
SCRIPT_MAX_SPACES = 0.1
SCRIPT_MIN_SYMBOLS = 0.08
# The brackets and operators of code. Counted, not searched: a leaked script is long.
_CODE_SYMBOLS = "{}()[];=<>&|!\\+*/$_^~#@\""
_WITHOUT_CODE_SYMBOLS = str.maketrans("", "", _CODE_SYMBOLS)


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
        counts = _latin_counts(text, stopwords)
        if counts is not None:  # most lines of most pages: no unspaced script in them
            count, stop, long_stop, capitals = counts
            unspaced = 0
        else:
            folded = _WORD.findall(text.casefold())
            count, capitals = len(folded), len(_CAPITAL.findall(text))
            stop, long_stop = _stopwords_in(folded, stopwords, _long_words(stopwords))
            unspaced = _unspaced_chars(text) // CHARS_PER_UNSPACED_WORD if count else 0
        if len(text) > 8 * count:
            count = max(count, unspaced)
        return cls(count, stop, capitals, _TERMINAL.search(text) is not None, link_density,
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


def _unspaced_chars(text: str) -> int:
    """How many characters of ``text`` are of a script written without spaces (``_UNSPACED``).
    Its search costs hundreds of instructions a character, and those scripts lie in the Thai
    block or from U+2E80 up: most text beyond Latin-1 (Polish, Greek, Russian, with its
    quotes and dashes) has no character there, which ``re`` finds at a few instructions each.

    >>> _unspaced_chars("„Zażółć gęślą jaźń” – 5 €"), _unspaced_chars("東京 tower")
    (0, 2)
    """
    if _MAYBE_UNSPACED.search(text) is None:
        return 0
    return len(_UNSPACED.findall(text))


_MAYBE_UNSPACED = re.compile("[\u0e00-\u0e7f\u2e80-\U0010ffff]")


class FeatureColumns(Sequence):
    """The ``Features`` of a page's blocks, a list for each field: what the scorer reads of every
    block, without an object made for each. Indexing it gives one block's ``Features``.

    >>> from scrubber.blocks import Block
    >>> columns = page_columns([Block("The council met."), Block("Home")], frozenset({"the"}))
    >>> columns.words, columns[1] == Features.of("Home", frozenset({"the"}))
    ([3, 1], True)
    """

    __slots__ = _FIELDS = ("words", "stopwords", "capitalised", "terminal", "link_density", "script", "long_stopwords",
                           "unspaced")

    def __init__(self, words, stopwords, capitalised, terminal, link_density, script, long_stopwords, unspaced):
        self.words, self.stopwords, self.capitalised, self.terminal = words, stopwords, capitalised, terminal
        self.link_density, self.script, self.long_stopwords, self.unspaced = link_density, script, long_stopwords, unspaced

    @classmethod
    def of(cls, features) -> "FeatureColumns":
        """The columns of a list of ``Features``."""
        return cls(*(list(map(attrgetter(field), features)) for field in cls._FIELDS))

    def __len__(self) -> int:
        return len(self.words)

    def __getitem__(self, position: int) -> Features:
        return Features(*(getattr(self, field)[position] for field in self._FIELDS))

    def features(self) -> list[Features]:
        """Each block's ``Features``."""
        return list(map(Features, *(getattr(self, field) for field in self._FIELDS)))


def page_features(blocks, stopwords: frozenset) -> list[Features]:
    """The ``Features`` of each of a page's blocks, the same as ``Features.of`` gives one block
    at a time (``page_columns``, as one object for each block).

    >>> from scrubber.blocks import Block
    >>> blocks = [Block("The council met."), Block("Über „die Straße“"), Block("東京"), Block("Home", link_density=1.0)]
    >>> stop = frozenset({"the", "die"})
    >>> page_features(blocks, stop) == [Features.of(b.text, stop, b.link_density) for b in blocks]
    True
    """
    return page_columns(blocks, stopwords).features()


def page_columns(blocks, stopwords: frozenset) -> FeatureColumns:
    """The ``Features`` of each of a page's blocks as ``FeatureColumns``. The scorer asks about
    every block of every page, most of them a short line, so the lines are counted at once
    (``_page_counts``), and only those it cannot count are counted one by one."""
    texts = [b.text for b in blocks]
    densities = [b.link_density for b in blocks]
    counts = _page_counts(texts, stopwords)
    if counts is None:
        return FeatureColumns.of(list(map(Features.of, texts, repeat(stopwords), densities)))
    words, stops, long_stops, capitals, terminal, unspaced, apart, maybe_scripts = counts
    # minified code is long, and a tracking pixel has a tag: most lines are neither
    scripts = [False] * len(texts)
    for position in maybe_scripts:
        scripts[position] = script_like(texts[position])
    columns = FeatureColumns(words, stops, capitals, terminal, densities, scripts, long_stops, unspaced)
    for position in apart:
        f = Features.of(texts[position], stopwords, densities[position])
        for field in FeatureColumns._FIELDS:
            getattr(columns, field)[position] = getattr(f, field)
    return columns


def _page_counts(texts: list[str], stopwords: frozenset):
    """``(words, stopwords, long stopwords, capitals, terminal, unspaced, apart, maybe scripts)``
    of the ``texts`` of a page, as ``Features.of`` counts them: the first six, one for each text,
    meaningless for the texts at the positions ``apart``, which only ``Features.of`` can count;
    ``maybe scripts``, the positions of the texts long enough or with a tag to be a script.
    None when the texts are to be counted one by one (most of them apart).

    In C (``LineCounter``) when the compiled walks are built, one pass over each text (two for
    a text beyond Latin-1). Else the page is encoded, split into words and looked up in the
    stoplist at once, and each text's counts are read off in C (``map``), not in a Python call
    per text: then a text beyond Latin-1 is one ``apart``.

    >>> _page_counts(["The council met.", "Über „die Straße“", "Home"], frozenset({"the", "die"}))[:6]
    ([3, 3, 1], [1, 1, 0], [1, 1, 0], [1, 2, 1], [True, False, False], [0, 0, 0])
    """
    if compiled.walk is not None:
        return _line_counter(stopwords).count(texts)
    # Each text after a space, so that a word at its start counts as any other; a NUL between
    # texts, which no word contains, so that the page splits back into them.
    page = " " + "\0 ".join(texts)
    if not page.isascii():
        for mark in _PUNCTUATION:
            page = page.replace(mark, " ")
    # A character beyond Latin-1 becomes a reference ("&#8364;"): the texts holding one are
    # counted one by one, as are those a byte table cannot case-fold.
    raw = page.encode("latin-1", "xmlcharrefreplace")
    apart = set()
    # (``bytes.find`` and ``count``, not ``in``: that first reads its operand as an integer, and
    # formats the error it then clears, for every text)
    if any(raw.find(mark) != -1 for mark in _BEYOND_BYTE_TABLES):
        pieces = raw.split(b"\0")
        for mark in _BEYOND_BYTE_TABLES:
            apart.update(compress(range(len(pieces)), map(bytes.count, pieces, repeat(mark))))
    if 2 * len(apart) > len(texts):  # a page mostly beyond Latin-1: counting it at once would be work thrown away
        return None
    marks = raw.translate(_PAGE_CASE_BYTES).split(b"\0")  # the page at once: a NUL stays between its texts
    if len(marks) != len(texts):  # a NUL inside a text (or no text at all)
        return None
    capitals = list(map(bytes.count, marks, repeat(b" A")))
    if stopwords:
        folded = raw.translate(_PAGE_FOLD_BYTES)
        for byte, folding in _LONGER_FOLDS:
            folded = folded.replace(byte, folding)
        # One byte per word of the page: 1 for a stopword, 2 for a long stopword, 0 for any other,
        # and 3 for the NUL between two texts (a word of its own once spaced apart) ...
        kinds = _word_kinds(folded, stopwords)
        # ... so that each text's counts are lengths, read in C, of the page's kinds split at them
        words = list(map(len, kinds.split(_BETWEEN_TEXTS)))
        stops = list(map(len, kinds.translate(None, b"\0").split(_BETWEEN_TEXTS)))
        long_stops = list(map(len, kinds.translate(None, b"\0\1").split(_BETWEEN_TEXTS)))
    else:  # no word to look up
        words = list(map(add, capitals, map(bytes.count, marks, repeat(b" a"))))
        stops = long_stops = [0] * len(texts)
    # ``_TERMINAL`` read off in C: the last character once closing quotes are stripped ...
    terminal = list(map(str.endswith, map(str.rstrip, texts, repeat(_CLOSING)), repeat(_SENTENCE_ENDS)))
    if "\n" in page and ("\n\0" in page or page[-1:] == "\n"):
        # ... but ``$`` matches before a final newline too: a text ending in one is searched
        for position in compress(range(len(texts)), map(str.endswith, texts, repeat("\n"))):
            terminal[position] = _TERMINAL.search(texts[position]) is not None
    tagged = map(contains, texts, repeat("<")) if "<" in page else repeat(False)
    maybe_scripts = compress(range(len(texts)), map(or_, map(le, repeat(SCRIPT_MIN_CHARS), map(len, texts)), tagged))
    return words, stops, long_stops, capitals, terminal, [0] * len(texts), apart, maybe_scripts


def _latin_counts(text: str, stopwords: frozenset) -> tuple[int, int, int, int] | None:
    """How many words ``text`` has, how many of them are stopwords and long stopwords, and how
    many are capitalised, as ``_WORD`` and ``_CAPITAL`` find them in it, when ``text`` is written
    in Latin-1 once its curly quotes and dashes are spaces (English, German, French,
    Spanish...); None for other text. Every block of a page is asked, so the words are found
    and case-folded by byte tables in C, not by a regex, and stay bytes.

    >>> _latin_counts("Über „die Straße“ – don’t PANIC", frozenset({"die", "t", "über"}))
    (6, 3, 2, 3)
    """
    if not text.isascii():
        for mark in _PUNCTUATION:
            text = text.replace(mark, " ")
    try:
        raw = text.encode("latin-1")
    except UnicodeEncodeError:
        return None
    marks = raw.translate(_CASE_BYTES)
    capitals = marks.count(b" A") + marks.startswith(b"A")
    if any(map(raw.__contains__, _UNFOLDABLE)):
        words = raw.translate(_WORD_BYTES).decode("latin-1").casefold().split()
        return len(words), *_stopwords_in(words, stopwords, _long_words(stopwords)), capitals
    folded = raw.translate(_FOLD_BYTES)
    for byte, folding in _LONGER_FOLDS:
        folded = folded.replace(byte, folding)
    words = folded.split()
    return len(words), *_stopwords_in(words, *_latin_stopwords(stopwords)), capitals


def _stopwords_in(words: list, stopwords: frozenset, long_stopwords: frozenset) -> tuple[int, int]:
    """How many of ``words`` are stopwords, and how many are long stopwords."""
    found = list(filter(stopwords.__contains__, words))
    return len(found), sum(map(long_stopwords.__contains__, found)) if found else 0


# Punctuation of Latin-script prose outside Latin-1: none is a word character, so a space in
# its place leaves every word as it was (tests/test_scoring_features.py checks each).
_PUNCTUATION = "\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2026\u2022"
# Latin-1 bytes: a word character stays, any other byte becomes a space ...
_WORD_BYTES = bytes(i if _WORD.fullmatch(chr(i)) else 0x20 for i in range(256))
# ... or a word character becomes its case folding when that is one Latin-1 character; the
# longer foldings within Latin-1 ("ß" -> "ss") are replaced after it, and a text with a letter
# that folds beyond Latin-1 ("µ" -> a Greek letter) is left to str.casefold.
_FOLDED = [chr(i).casefold() if _WORD.fullmatch(chr(i)) else " " for i in range(256)]
_FOLD_BYTES = bytes(ord(c) if len(c) == 1 and ord(c) < 256 else i for i, c in enumerate(_FOLDED))
_LONGER_FOLDS = tuple((bytes([i]), c.encode("latin-1")) for i, c in enumerate(_FOLDED)
                      if len(c) > 1 and max(c) < "\u0100")
_UNFOLDABLE = bytes(i for i, c in enumerate(_FOLDED) if max(c) > "\u00ff")
# What a text's bytes must not hold for the byte tables to count it: a character beyond Latin-1
# (a reference to it, or a text that merely looks like one), or one of those.
_BEYOND_BYTE_TABLES = (b"&#", *(bytes([byte]) for byte in _UNFOLDABLE))
# ... and an upper-case letter becomes "A", another word character "a": " A" starts a capitalised word.
_CASE_BYTES = bytes((0x41 if regex.fullmatch(r"\p{Lu}", chr(i)) else 0x61) if _WORD.fullmatch(chr(i)) else 0x20
                    for i in range(256))
_PAGE_CASE_BYTES = b"\0" + _CASE_BYTES[1:]
# ... and a NUL stays between the page's texts when it is case-folded too, a word of kind 3.
_PAGE_FOLD_BYTES = b"\0" + _FOLD_BYTES[1:]
_BETWEEN_TEXTS = b"\3"


@lru_cache(maxsize=32)
def _latin_stopwords(stopwords: frozenset) -> tuple[frozenset, frozenset]:
    """The stopwords and long stopwords as the Latin-1 bytes of ``_latin_counts`` spell them: a
    stopword with a character beyond Latin-1 is no word of such text."""
    latin = frozenset(w.encode("latin-1") for w in stopwords if max(w, default="\0") < "\u0100")
    return latin, frozenset(w for w in latin if len(w) > 2)


@lru_cache(maxsize=32)
def _stopword_kinds(stopwords: frozenset) -> dict[bytes, int]:
    """The stopwords as ``_latin_stopwords`` spells them, each with its kind for ``page_features``:
    2 for a long stopword, 1 for another; and the NUL between texts, of kind 3 (``_BETWEEN_TEXTS``)."""
    latin, long = _latin_stopwords(stopwords)
    return {word: 2 if word in long else 1 for word in latin} | {b"\0": _BETWEEN_TEXTS[0]}


def _word_kinds(folded: bytes, stopwords: frozenset) -> bytes:
    """The kind (``_stopword_kinds``) of each word of the case-folded page, one byte a word; a
    NUL is a word of its own. In C when the compiled walks are built: the Python expression
    makes, hashes and looks up a bytes object for every word of the page."""
    if compiled.walk is not None:
        return _compiled_stopword_kinds(stopwords).kinds_of(folded)
    return bytes(map(_stopword_kinds(stopwords).get, folded.replace(b"\0", b" \0 ").split(), repeat(0)))


@lru_cache(maxsize=32)
def _compiled_stopword_kinds(stopwords: frozenset):
    """``_stopword_kinds`` as the compiled walks' C table."""
    return compiled.walk.WordKinds(_stopword_kinds(stopwords))


@lru_cache(maxsize=32)
def _line_counter(stopwords: frozenset):
    """The compiled walks' ``LineCounter`` for ``stopwords``, with this module's byte tables."""
    table = _compiled_stopword_kinds(stopwords) if stopwords else None
    return compiled.walk.LineCounter(table, _CASE_BYTES, _FOLD_BYTES, {byte[0]: folding for byte, folding in _LONGER_FOLDS},
                                     _UNFOLDABLE, _PUNCTUATION, _CLOSING, "".join(_SENTENCE_ENDS), SCRIPT_MIN_CHARS,
                                     plane_classes(), stopwords, max(map(len, stopwords), default=0))


@lru_cache(maxsize=1)
def plane_classes() -> bytes:
    """For each character of the Basic Multilingual Plane, the ``LineCounter`` classes its
    twins' regexes give it: 1 a word character (``_WORD``), 2 an upper-case letter (``_CAPITAL``,
    after no word character), 4 a character of an unspaced script (``_UNSPACED``); and 8 a
    letter, for ``scoring.structure``'s compiled screen (as its ``_LETTER_RUNS`` finds them).
    Built once, from the runs each regex finds in the plane: each class a byte string of 0 and
    1, and the four added up as numbers of 64K bytes."""
    plane = "".join(map(chr, range(0x10000)))
    classes = 0
    for pattern, bit in ((_WORD, 1), (regex.compile(r"\p{Lu}+"), 2), (regex.compile(_UNSPACED.pattern + "+"), 4),
                         (regex.compile(r"\p{L}+"), 8)):
        members = bytearray(0x10000)
        for found in pattern.finditer(plane):
            members[found.start():found.end()] = bytes([1]) * (found.end() - found.start())
        classes += bit * int.from_bytes(members, "big")
    return classes.to_bytes(0x10000, "big")


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
    return _code_symbols(text) > SCRIPT_MIN_SYMBOLS * length


def _code_symbols(text: str) -> int:
    """How many of ``text``'s characters are ``_CODE_SYMBOLS``: deleted at once from ASCII text
    (str.translate copies it in C), counted one symbol at a time in other text (where
    translate looks every character up in a dict).

    >>> _code_symbols("if (a[i] == b) { c++; }"), _code_symbols("café (“a” + b)")
    (11, 3)
    """
    if text.isascii():
        return len(text) - len(text.translate(_WITHOUT_CODE_SYMBOLS))
    return sum(map(text.count, _CODE_SYMBOLS))
