"""Literals: strings a line key must hold before a pattern rule is worth running on it.

``screens.py`` finds the rare characters a pattern needs; most chrome patterns need a word
instead: ``(\\d+|one) (comments?|replies)`` matches no line without "comment" or "replies", and
most lines that start like it ("the", "one of") hold neither. A line key is searched for
such strings with ``in``, at a fraction of the cost of a failed full match.

The strings are read from the pattern's tree (``safety.PatternParser``): each piece is
over-read (a lookaround or word boundary as matching the empty string, a repeat of plain
characters up to a few times as each of its lengths), so the strings a piece is read to match
hold every string it can match, and the strings one of which each of its matches holds are
never too many to hold one of them. A class (``\\d``, ``[a-z]``, ``.``) is no literal: it ends one.

Under IGNORECASE an ASCII character of a pattern that is not a capital matches itself, and
beyond itself only characters ``UNFOLDED`` finds (its capital, and for "i", "k" and "s" the
dotted capital I, the Kelvin sign and the long s; the tests check this over all of Unicode): a
line without those holds the literal exactly where the pattern can match it. A line key
(case-folded) never holds one; another line is not turned away by its literals. Other
characters under IGNORECASE are read as classes (a capital I also matches the dotless i).
"""

from __future__ import annotations

from functools import lru_cache
from itertools import product

import re

import regex

from .heads import _plain_characters
from .screens import _COMMON, MAX_REMEMBERED_PATTERNS, _parsed

# A piece is read as the strings it matches while they are this few; more make it a class.
MAX_STRINGS = 64
# A line is searched for at most this many strings: more cost as much as the full match.
MAX_LITERALS = 16
# Strings are cut down to a part of them shared with others, at least this long, to be fewer.
SHARED_CHARS = 5
# The characters an ASCII character other than a capital matches under IGNORECASE, beyond itself.
UNFOLDED = re.compile("[A-Z\u0130\u017f\u212a]")
# Flags whose patterns' characters match as read here (others change what a character
# matches: full case folding, a locale's cases).
_READABLE_FLAGS = regex.IGNORECASE | regex.UNICODE | regex.ASCII | regex.DOTALL | regex.MULTILINE | regex.WORD | regex.V0


def required_literals(pattern) -> tuple[str, ...]:
    """Strings one of which every line ``pattern`` matches whole holds, when the line holds
    nothing ``UNFOLDED`` finds: () when the pattern needs none that is worth a search (or is
    beyond this reading).

    >>> required_literals(regex.compile(r"(\\d+|one) (comments?|replies)|no comments yet", regex.I))
    (' comment', ' replies')
    >>> required_literals(regex.compile(r"[\\p{L} ]+ says:", regex.I))
    (' says:',)
    >>> required_literals(regex.compile(r"\\d+ min", regex.I)), required_literals(regex.compile(r"(\\w+) \\1"))
    ((' min',), ())
    """
    return _required_literals(pattern.pattern, pattern.flags)


@lru_cache(maxsize=MAX_REMEMBERED_PATTERNS)
def _required_literals(source, flags: int) -> tuple[str, ...]:
    if flags & ~_READABLE_FLAGS:
        return ()
    node = _parsed(source, flags)
    if node is None:
        return ()
    found = _best(*_read(node, bool(flags & regex.IGNORECASE)))
    if found is None or all(len(string) == 1 for string in found):
        return ()  # (single characters are screens.py's)
    found = _fewer(found)
    if len(found) > MAX_LITERALS or any(len(string) == 1 and string in _COMMON for string in found):
        return ()
    return tuple(sorted(found))


def _read(node, folded: bool) -> tuple[frozenset | None, frozenset | None]:
    """(matched, needed): the strings ``node`` can match (None when not a few plain ones), and
    strings one of which each of its matches holds (None when none is known)."""
    kind = node.kind
    if kind == "anchor":
        return frozenset([""]), None
    if kind == "atom":
        chars = _plain_characters(node.text)
        if chars is None or (folded and not all(c.isascii() and c.casefold() == c for c in chars)):
            return None, None
        return frozenset(chars), None
    if kind == "group":
        return _read(node.items[0], folded)
    if kind == "alt":
        read = [_read(branch, folded) for branch in node.items]
        matched = None
        if all(strings is not None for strings, _ in read):
            matched = frozenset().union(*(strings for strings, _ in read))
        needed = [_best(*pair) for pair in read]
        return _few(matched), (None if None in needed else _minimal(frozenset().union(*needed)))
    if kind == "repeat":
        strings, needed = _read(node.items[0], folded)
        matched = None
        if strings is not None and node.high is not None and node.high - node.low < MAX_STRINGS \
                and sum(len(strings) ** times for times in range(node.low, node.high + 1)) <= MAX_STRINGS:
            matched = frozenset("".join(parts) for times in range(node.low, node.high + 1)
                                for parts in product(strings, repeat=times))
        return matched, (_best(strings, needed) if node.low >= 1 else None)
    # a sequence: each run of items read as strings is their strings joined, one of which
    # every match holds; so is what each other item needs
    candidates, run, whole = [], frozenset([""]), True
    for item in node.items:
        strings, needed = _read(item, folded)
        if strings is not None and len(run) * len(strings) <= MAX_STRINGS:
            run = frozenset(a + b for a in run for b in strings)
            continue
        whole = False
        candidates.append(run)
        if strings is None:
            candidates.append(needed)
            run = frozenset([""])
        else:
            run = strings
    candidates.append(run)
    return (run if whole else None), _best(*candidates)


def _few(strings):
    return strings if strings is not None and len(strings) <= MAX_STRINGS else None


def _minimal(strings: frozenset) -> frozenset:
    """The strings without those holding another: a line holds one of either set or of neither."""
    return frozenset(s for s in strings if not any(other != s and other in s for other in strings))


def _best(*choices) -> frozenset | None:
    """The set a line of prose is least likely to hold one of, of those holding no empty string."""
    usable = [_minimal(strings) for strings in choices if strings and "" not in strings]
    return min(usable, key=_chance, default=None)


def _chance(strings) -> float:
    # a rough chance that a line of prose holds one of the strings: a common character is in
    # all of them; each more character makes a string about four times rarer
    return sum(1.0 if len(s) == 1 and s in _COMMON else 4.0 ** -len(s) for s in strings)


def _fewer(strings: frozenset) -> frozenset:
    """As few strings as SHARED_CHARS-long parts shared between them allow, longest first: a line
    holding one of the strings holds one of these."""
    left = set(strings)
    kept = {s for s in left if len(s) <= SHARED_CHARS}
    left -= kept
    while len(left) + len(kept) > MAX_LITERALS and left:
        holders: dict[str, set] = {}
        for string in left:
            for start in range(len(string)):
                for stop in range(start + SHARED_CHARS, len(string) + 1):
                    holders.setdefault(string[start:stop], set()).add(string)
        part = max(sorted(holders), key=lambda p: (len(holders[p]), len(p)))
        if len(holders[part]) == 1:
            break  # no part is shared: each string stays whole
        kept.add(part)
        left -= holders[part]
    return _minimal(frozenset(kept | left))
