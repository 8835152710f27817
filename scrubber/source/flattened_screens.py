"""Which pieces of a flattened page the cuts of ``flattened`` can change, told in one pass.

Each cut of ``flattened`` reads every piece of a page and leaves nearly all of them whole: a
piece without a stamp, a piece without a word that opens a list header, a piece whose head is
prose. These screens tell those pieces apart without the cut's own work (a split and a case
fold of the piece, a question per word), in one compiled pass over the page's pieces
(``_walk_flattened.pxi``) or in their Python twins here. A screen may let through a piece its
cut leaves whole, never turn away one it cuts.

>>> from scrubber.blocks import Block
>>> stamp_pieces([Block("Photo 1/30 Rain.", line=0), Block("The mill reopened.", line=0), Block("9:15 Rain.")])
[0]
"""

from __future__ import annotations

import re
from itertools import compress, count

from .html import compiled

# Text holding no digit before a slash, "of", a colon or an "h" holds no stamp (the standard re
# scans for that far faster than ``flattened._STAMP`` with its lookarounds).
_MAY_HOLD_STAMP = re.compile(r"\d ?(?:/|of)|\d[:h]")
# The same for ASCII text, whose only digits are 0-9: a range is scanned far faster than \d,
# which asks the Unicode tables about each character.
_MAY_HOLD_ASCII_STAMP = re.compile(r"[0-9] ?(?:/|of)|[0-9][:h]")
# A head is judged from this many words at most (flattened.MAX_PHRASE_TOKENS).
HEAD_PHRASE_WORDS = 5
# The buckets of ``ascii_word_filter``: a power of two.
FILTER_BITS = 1 << 16


def stamp_pieces(blocks: list) -> list[int]:
    """The positions of the pieces of a line (``line`` not None) that may hold a stamp
    (``flattened.cut_stamps``): a decimal digit before a slash, "of", a colon or an "h"."""
    if compiled.walk is not None:
        return compiled.walk.stamp_pieces(blocks)
    return [position for position, block in enumerate(blocks) if block.line is not None and
            (_MAY_HOLD_ASCII_STAMP if block.text.isascii() else _MAY_HOLD_STAMP).search(block.text) is not None]


def list_head_pieces(blocks: list, openers: dict, ascii_filter: bytes) -> list[tuple[int, list[int]]]:
    """The pieces of a line that ``flattened._cut_at_heads`` may cut, each as its position and the
    places of its words that may open a header: a word, case-folded, that is a key of ``openers``
    and stands before a word its memory (``_may_follow``) does not rule out. ``ascii_filter``:
    ``ascii_word_filter`` of the keys, which the compiled pass looks ASCII words up in before it
    folds one."""
    if compiled.walk is not None:
        return compiled.walk.list_head_pieces(blocks, openers, ascii_filter)
    found = []
    for position, block in enumerate(blocks):
        if block.line is None or " " not in block.text:
            continue
        folded = block.text.casefold().split(" ")  # (casefold folds each character alone, to no space)
        if openers.keys().isdisjoint(folded):
            continue
        # a word that ends its piece opens no header: one of two words or more ends after it
        places = [at for at in compress(count(), map(openers.__contains__, folded[:-1]))
                  if _may_follow(openers[folded[at]], folded[at + 1])]
        if places:
            found.append((position, places))
    return found


def _may_follow(opener: tuple, second: str) -> bool:
    """Whether the memory of an opener (``openers[word]``: ``flattened._may_open`` fills it) leaves
    a header open to start with it and ``second``: False when it holds False for the word, or
    for its first letter (``flattened.SECOND_PREFIX``, 1) when the opener's patterns tell by a start."""
    seconds = opener[1]
    known = seconds.get(second)
    if known is None and opener[2] and len(second) > 1:
        known = seconds.get(" " + second[0])
    return known is not False


def ascii_word_filter(words) -> bytes:
    """A bit for each bucket (``_bucket``) that an ASCII word of ``words`` falls in: an ASCII word
    whose bucket is clear is none of them."""
    bits = bytearray(FILTER_BITS // 8)
    for word in words:
        if word.isascii():
            bucket = _bucket(word)
            bits[bucket >> 3] |= 1 << (bucket & 7)
    return bytes(bits)


def _bucket(word: str) -> int:
    """The word's 32-bit FNV-1a hash (of its bytes, ASCII), cut to FILTER_BITS: the compiled
    pass hashes each ASCII word of a piece, lowered, as it reads it."""
    hashed = 2166136261
    for byte in word.encode("ascii"):
        hashed = ((hashed ^ byte) * 16777619) & 0xFFFFFFFF
    return hashed & (FILTER_BITS - 1)


def quiet_head(text: str, quiet: dict, section_names) -> bool:
    """Whether ``flattened.split_known_head`` leaves ``text`` whole whatever drop rules are asked:
    it opens lower-case, or each head it would judge (at its first word, and at its second when
    both open with a capital) is quiet. A head of words is quiet when its first word or first two
    (case-folded) are a key of ``quiet`` (``HeadScreen.quiet``) whose RareCharacters it holds
    none of, when no word of it is empty, it is printable, and its first word is no section name."""
    if compiled.walk is not None:
        return compiled.walk.quiet_head(text, quiet, section_names)
    if text[:1].islower():
        return True
    tokens = text.split(" ", HEAD_PHRASE_WORDS + 1)
    if not _quiet_at(tokens, 0, quiet, section_names):
        return False
    # a first word of no capital ends the head; so does a second that opens lower-case
    if not text[:1].isupper() or len(tokens) == 1 or tokens[1][:1].islower():
        return True
    # an unknown word at the second place ends the head too: only one may stand before a known one
    return _quiet_at(tokens, 1, quiet, section_names)


def _quiet_at(tokens: list[str], position: int, quiet: dict, section_names) -> bool:
    head = tokens[position:position + HEAD_PHRASE_WORDS]
    key = " ".join(head)
    if "" in head or not key.isprintable():
        return False  # (split_known_head asks each length of such a head)
    first = head[0].casefold()
    if first in section_names:
        return False
    rare = quiet.get(first)
    if rare is None and len(head) > 1:
        rare = quiet.get(f"{first} {head[1].casefold()}")
    return rare is not None and not rare.search(key.casefold())
