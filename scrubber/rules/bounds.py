"""Bounds: how many words, and characters, a whole-line match of a pattern rule can have.

A line key's only whitespace is single spaces (``Block.key``), so its words are its spaces
plus one; a pattern whose every match consumes three spaces cannot match a line of two words,
nor one of eleven characters a pattern of ten at most. The pattern's parse (``screens._parsed``:
the same reading and the same syntax turned away) tells these bounds; the pattern loop
(``slots.first_pattern``) passes a line over that falls outside them before its full match.
"""

from __future__ import annotations

import sys
from functools import lru_cache

import regex

from .screens import MAX_REMEMBERED_PATTERNS, _parsed


def fewest_words(pattern) -> int:
    """The fewest words of a line key a whole-line match of ``pattern`` can be: one more than
    the spaces every match consumes (a literal or escaped space, or ``\\s``, each time it must
    match). A line key's only whitespace is single spaces (``Block.key``), so its words are its
    spaces plus one, and a key of fewer words cannot match: most one-word lines (user names,
    numbers) are turned away before a full match. 1 for a pattern beyond this reading.

    >>> fewest_words(regex.compile(r"(leave a|post your) (reply|comment)|comments?\\s?:?", regex.I))
    1
    >>> fewest_words(regex.compile(r"\\p{L}+\\.?\\s+\\d{1,2},?\\s+\\d{4}"))
    3
    """
    return _fewest_spaces_of(pattern.pattern, pattern.flags) + 1


@lru_cache(maxsize=MAX_REMEMBERED_PATTERNS)
def _fewest_spaces_of(source, flags: int) -> int:
    node = _parsed(source, flags)
    return 0 if node is None else _fewest_spaces(node)


_SPACE_ATOMS = frozenset((" ", "\\ ", "\\s"))


def _fewest_spaces(node) -> int:
    if node.kind == "atom":
        return node.text in _SPACE_ATOMS
    if node.kind == "anchor":  # lookarounds too: they consume nothing
        return 0
    if node.kind == "group":
        return _fewest_spaces(node.items[0])
    if node.kind == "repeat":
        return node.low * _fewest_spaces(node.items[0])
    if node.kind == "seq":
        return sum(_fewest_spaces(item) for item in node.items)
    return min(_fewest_spaces(branch) for branch in node.items)


def fewer_words_need(pattern) -> tuple[int, tuple[str, ...]] | None:
    """``(words, characters)``: a whole-line match of ``pattern`` of fewer than ``words`` words
    holds one of ``characters``, or None when no such pair says more than ``fewest_words``.
    A pattern whose branches differ in spaces needs, on the way of few spaces, a character the
    other way does without: a date is "4 March 2025" (three words) or "04.03.2025" (one, with a
    dot, slash or dash), so a one-word user name or a two-word "April 2019" is turned away
    before a full match. The characters are those a screen could look for with ``in``: no
    case, no class of many.

    >>> fewer_words_need(regex.compile(r"\\d{1,2}\\s+\\p{L}+\\s+\\d{4}|\\d{1,2}[./-]\\d{1,2}[./-]\\d{4}", regex.I))
    (3, ('-', '.', '/'))
    >>> fewer_words_need(regex.compile(r"tags:|tagged \\w+", regex.I)), fewer_words_need(regex.compile(r"read more"))
    ((2, (':',)), None)
    """
    return _fewer_words_need(pattern.pattern, pattern.flags)


@lru_cache(maxsize=MAX_REMEMBERED_PATTERNS)
def _fewer_words_need(source, flags: int):
    node = _parsed(source, flags)
    if node is None:
        return None
    ways = _ways(node, flags)
    free = min((spaces for spaces, characters in ways if characters is None), default=None)
    if free is None:  # every way needs a character: the screens look for those
        return None
    needed = frozenset().union(*(characters for spaces, characters in ways if characters is not None and spaces < free))
    return (free + 1, tuple(sorted(needed))) if needed else None


# The ways through a pattern told apart at most: beyond, those needing a character are taken
# as one needing the fewest spaces of them and any of their characters (when these are few),
# and the others as one.
MAX_WAYS = 4
MAX_NEEDED_CHARACTERS = 8


def _ways(node, flags) -> list[tuple[int, frozenset | None]]:
    """``(spaces, characters)`` pairs: every whole-line match of ``node`` consumes, for one of
    them, at least ``spaces`` spaces and (unless None) one of ``characters``."""
    if node.kind == "atom":
        if node.text in _SPACE_ATOMS:
            return [(1, None)]
        return [(0, _literal_characters(node.text, flags))]
    if node.kind == "anchor":  # lookarounds too: they consume nothing
        return [(0, None)]
    if node.kind == "group":
        return _ways(node.items[0], flags)
    if node.kind == "repeat":
        if node.low == 0:
            return [(0, None)]
        return [(node.low * spaces, characters) for spaces, characters in _ways(node.items[0], flags)]
    if node.kind == "seq":
        ways = [(0, None)]
        for item in node.items:
            # a match goes both ways in turn: their spaces add up, and either character is
            # needed (the smaller choice kept, the surer screen)
            ways = _fewest_ways([(spaces + more, _either(characters, others))
                                 for spaces, characters in ways for more, others in _ways(item, flags)])
        return ways
    return _fewest_ways([way for branch in node.items for way in _ways(branch, flags)])


def _either(characters, others):
    if characters is None or (others is not None and len(others) < len(characters)):
        return others
    return characters


def _fewest_ways(ways):
    """``ways`` without those another asks less than, merged when they are too many."""
    kept = []
    for spaces, characters in sorted(set(ways), key=lambda way: (way[0], way[1] is not None, sorted(way[1] or ()))):
        if not any(fewer <= spaces and (needs is None or (characters is not None and needs >= characters))
                   for fewer, needs in kept):
            kept.append((spaces, characters))
    if len(kept) <= MAX_WAYS:
        return kept
    free = [spaces for spaces, characters in kept if characters is None]
    needing = [(spaces, characters) for spaces, characters in kept if characters is not None]
    characters = frozenset().union(*(characters for _, characters in needing))
    merged = [(min(spaces for spaces, _ in needing), characters if len(characters) <= MAX_NEEDED_CHARACTERS else None)]
    return _fewest_ways(merged + [(min(free), None)] if free else merged)


def _literal_characters(atom: str, flags: int) -> frozenset | None:
    """The characters a one-character atom matches, when it is a character or a bracket class
    of characters (no range, escape of a class, or negation) none of which has a case: the
    characters a line must hold to match it, whatever the flags. None otherwise."""
    if atom.startswith("["):
        body, characters, at = atom[1:-1], [], 0
        if not body or body[0] == "^":
            return None
        while at < len(body):
            char = body[at]
            if char == "\\":
                escaped = body[at + 1:at + 2]
                if not escaped or escaped.isalnum():
                    return None
                characters.append(escaped)
                at += 2
                continue
            if char in "[]" or (char == "-" and 0 < at < len(body) - 1):
                return None
            characters.append(char)
            at += 1
    elif atom.startswith("\\"):
        if len(atom) != 2 or atom[1].isalnum():
            return None
        characters = [atom[1]]
    elif len(atom) == 1 and atom not in ".^$*+?{}()|":
        characters = [atom]
    else:
        return None
    if any(c.isspace() or c.lower() != c or c.upper() != c or c.casefold() != c for c in characters):
        return None
    return frozenset(characters)


# The most characters of a pattern with an unbounded repeat.
UNBOUNDED = sys.maxsize


def length_bounds(pattern) -> tuple[int, int]:
    """The fewest and the most characters of a whole-line match of ``pattern`` (UNBOUNDED: no
    most), (0, UNBOUNDED) for a pattern beyond this reading (which turns away the syntax where
    one atom may match several characters: full case folding, grapheme clusters). A line key
    of another length is turned away before a full match.

    >>> length_bounds(regex.compile(r"(\\d )?comments?|no comments", regex.I))
    (7, 11)
    >>> length_bounds(regex.compile(r"share on \\w+"))[1] == UNBOUNDED
    True
    """
    return _length_bounds_of(pattern.pattern, pattern.flags)


@lru_cache(maxsize=MAX_REMEMBERED_PATTERNS)
def _length_bounds_of(source, flags: int) -> tuple[int, int]:
    node = _parsed(source, flags)
    return (0, UNBOUNDED) if node is None else _length_bounds(node)


def _length_bounds(node) -> tuple[int, int]:
    if node.kind == "atom":
        return 1, 1
    if node.kind == "anchor":  # lookarounds too: they consume nothing
        return 0, 0
    if node.kind == "group":
        return _length_bounds(node.items[0])
    if node.kind == "repeat":
        fewest, most = _length_bounds(node.items[0])
        unbounded = node.high is None or most == UNBOUNDED
        return node.low * fewest, UNBOUNDED if unbounded else node.high * most
    bounds = [_length_bounds(item) for item in node.items]
    if node.kind == "seq":
        most = sum(most for _, most in bounds)
        return sum(fewest for fewest, _ in bounds), UNBOUNDED if most >= UNBOUNDED else most
    return min(fewest for fewest, _ in bounds), max(most for _, most in bounds)
