"""Heads: the first characters of the lines a pattern can match, read from the pattern itself.

``slots.py`` narrows a slot's patterns to those that can start like a line. Asking ``regex``
(a partial match) costs a call per pattern and new line start; most patterns begin with
plain words (``(read more|continue reading|...)``), and the first three characters of every
line they can match can be listed once, when the pattern is indexed. A line start is then
looked up in that set instead.

Characters are compared folded: each character of a pattern's heads stands for the case
variants the pattern's flags let it match (``Alphabet``). A line character is folded only
when every pattern character matching it folds the same way; otherwise ``regex`` is asked.
A character class (``\\d``, ``\\s``) ends a head early: any line going on from there may
match (a stem). A pattern starting with a class is asked with ``regex``: a partial match
turns away more lines, and a full match of such a pattern on a line it cannot start (a
sentence, for ``[\\p{L} ]+ says:``) costs more than the partial one. Lookarounds and word
boundaries are read as matching nothing, so the heads may allow more than the pattern does,
never less: a pattern is only ever passed over when it cannot match.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from .screens import MAX_REMEMBERED_PATTERNS, _parsed

# Heads are this many characters long: the longest line prefix ``slots.py`` narrows by.
HEAD_CHARS = 3
# A pattern that can start in more ways than this is asked with ``regex`` instead.
MAX_HEADS = 4096
# A repeat whose heads are not settled after this many rounds is asked with ``regex`` instead.
MAX_ROUNDS = 64
# A line character that folds differently for different pattern characters it matches.
AMBIGUOUS = object()
# How a line character that matches no pattern character folds (no pattern character may be it).
NO_FOLD = "\uffff"
_PLAIN = frozenset(".^$*+?{}()|[]\\" + NO_FOLD)


class _TooMany(Exception):
    """More heads than MAX_HEADS, or a repeat that does not settle: asked with ``regex``."""


class Alphabet:
    """The pattern characters heads are made of, for one set of ``regex`` flags, and how a
    line character folds: to the fold of the pattern characters it matches, NO_FOLD when it
    matches none of them, AMBIGUOUS when they fold differently. Learnt per line character
    with one ``regex`` call, and learnt again when patterns bring new characters."""

    def __init__(self, flags: int):
        self.flags = flags
        # pattern character -> its fold; replaced whole when characters are added, and so is
        # the state learnt from it: a reader never mixes what it learnt of other characters
        self._folds: dict[str, str] = {}
        # (the folds it was learnt from, the ``regex`` telling which folds a character matches,
        # their order, what is learnt, a class of all pattern characters)
        self._state: tuple | None = None

    def fold_of(self, char: str) -> str:
        if not self.flags & regex.IGNORECASE:
            return char
        folded = char.casefold()
        return folded if len(folded) == 1 else char

    def learn(self, chars) -> None:
        new = {c: self.fold_of(c) for c in chars if c not in self._folds}
        if new:
            self._folds = {**self._folds, **new}

    def fold(self, prefix: str):
        """The folded prefix (NO_FOLD for a character no pattern character matches), or
        AMBIGUOUS."""
        state = self._state
        if state is None or state[0] is not self._folds:
            state = self._restart()
        known = state[3]
        out = []
        for char in prefix:
            folded = known.get(char)
            if folded is None:
                folded = known[char] = self._fold_line_char(char, state)
            if folded is AMBIGUOUS:
                return AMBIGUOUS
            out.append(folded)
        return "".join(out)

    def _restart(self) -> tuple:
        folds = self._folds
        by_fold: dict[str, list[str]] = {}
        for char, folded in folds.items():
            by_fold.setdefault(folded, []).append(char)
        order = sorted(by_fold)
        # one optional lookahead per fold: a match tells every fold the character matches
        which = regex.compile("".join("(?:(?=(%s))|)" % "|".join(map(regex.escape, by_fold[f])) for f in order),
                              self.flags)
        # most new line characters (a CJK text's) match no pattern character: one class tells
        chars = "".join(map(regex.escape, folds))
        any_char = regex.compile(f"[{chars}]" if chars else "(?!)", self.flags)
        state = self._state = (folds, which, order, {}, any_char)
        return state

    @staticmethod
    def _fold_line_char(char: str, state) -> object:
        _, which, order, _, any_char = state
        if any_char.match(char) is None:
            return NO_FOLD
        folds = {order[i] for i, found in enumerate(which.match(char).groups()) if found is not None}
        if not folds:
            return NO_FOLD
        return folds.pop() if len(folds) == 1 else AMBIGUOUS


_ALPHABETS: dict[int, Alphabet] = {}


def heads_for(pattern):
    """``(alphabet, heads, stems)`` for a compiled pattern, or None when it must be asked with
    ``regex``. ``heads`` holds the first up to HEAD_CHARS characters, folded, of every line the
    pattern can match whole, and each shorter start of them; ``stems`` the heads that a class
    ends, which any line may go on from.

    >>> alphabet, heads, stems = heads_for(regex.compile(r"(read|see) more\\.?|pp\\d+", regex.I))
    >>> sorted(heads), stems
    (['', 'p', 'pp', 'r', 're', 'rea', 's', 'se', 'see'], ('pp',))
    >>> [allows(heads_for(regex.compile(r"(read|see) more\\.?|pp\\d+", regex.I)), start)
    ...  for start in ("REA", "rez", "pp7", "über")]
    [True, False, True, False]
    >>> heads_for(regex.compile(r"\\d+ comments", regex.I)) is None
    True
    """
    return _heads_for(pattern.pattern, pattern.flags)


def allows(found, prefix: str):
    """Whether a line starting with ``prefix`` may match the pattern ``heads_for`` gave
    ``found`` for, or AMBIGUOUS when ``regex`` must tell."""
    alphabet, heads, stems = found
    folded = alphabet.fold(prefix[:HEAD_CHARS])
    if folded is AMBIGUOUS:
        return AMBIGUOUS
    return folded in heads or folded.startswith(stems)


@lru_cache(maxsize=MAX_REMEMBERED_PATTERNS)
def _heads_for(source, flags: int):
    node = _parsed(source, flags)
    if node is None:
        return None
    alphabet = _ALPHABETS.get(flags)
    if alphabet is None:
        alphabet = _ALPHABETS[flags] = Alphabet(flags)
    reader = _Reader(alphabet)
    try:
        whole, cut, stems = reader.starts(node, HEAD_CHARS)
    except _TooMany:
        return None
    if "" in stems:
        return None  # a class starts it
    heads = {line[:size] for line in whole | cut | stems for size in range(len(line) + 1)}
    if len(heads) > MAX_HEADS:
        return None
    alphabet.learn(reader.chars)
    return alphabet, frozenset(heads), tuple(sorted(stems))


_EMPTY = frozenset()


class _Reader:
    """Reads a parsed pattern (``safety.PatternParser``) for its heads."""

    def __init__(self, alphabet: Alphabet):
        self.alphabet = alphabet
        self.chars: set[str] = set()  # the plain characters the heads are made of
        self._known: dict[tuple[int, int], tuple[frozenset, frozenset, frozenset]] = {}

    def starts(self, node, room: int) -> tuple[frozenset, frozenset, frozenset]:
        """(whole, cut, stems): the folded lines of up to ``room`` characters ``node`` matches
        whole, the first ``room`` characters of the longer ones, and the starts a class ends."""
        key = (id(node), room)
        found = self._known.get(key)
        if found is None:
            found = self._known[key] = self._starts(node, room)
        if sum(map(len, found)) > MAX_HEADS:
            raise _TooMany(node.text)
        return found

    def _starts(self, node, room: int):
        kind = node.kind
        if kind == "anchor":
            return frozenset([""]), _EMPTY, _EMPTY
        if kind == "atom":
            if room == 0:
                return _EMPTY, frozenset([""]), _EMPTY
            chars = _plain_characters(node.text)
            if chars is None:
                return _EMPTY, _EMPTY, frozenset([""])
            self.chars.update(chars)
            return frozenset(map(self.alphabet.fold_of, chars)), _EMPTY, _EMPTY
        if kind == "group":
            return self.starts(node.items[0], room)
        if kind == "alt":
            found = [self.starts(branch, room) for branch in node.items]
            return tuple(frozenset().union(*(f[part] for f in found)) for part in range(3))
        if kind == "seq":
            found = (frozenset([""]), _EMPTY, _EMPTY)
            for item in node.items:
                if not found[0]:
                    break  # every start is already cut or a stem: what follows cannot change them
                found = self._then(found, item, room)
            return found
        return self._repeat(node, room)

    def _repeat(self, node, room: int):
        item = node.items[0]
        times = (frozenset([""]), _EMPTY, _EMPTY)
        found = times if node.low == 0 else (_EMPTY, _EMPTY, _EMPTY)
        count = 0
        while node.high is None or count < node.high:
            count += 1
            if count > MAX_ROUNDS:
                raise _TooMany(node.text)
            more = self._then(times, item, room)
            if count >= node.low:
                found = tuple(a | b for a, b in zip(found, more))
                if more == times:
                    break  # settled: more rounds add nothing
            times = more
        return found

    def _then(self, found, item, room: int):
        whole, cut, stems = set(), set(found[1]), set(found[2])
        for size in {len(line) for line in found[0]}:
            item_whole, item_cut, item_stems = self.starts(item, room - size)
            for line in found[0]:
                if len(line) == size:
                    whole.update(line + rest for rest in item_whole)
                    cut.update(line + rest for rest in item_cut)
                    stems.update(line + rest for rest in item_stems)
        return frozenset(whole), frozenset(cut), frozenset(stems)


def _plain_characters(atom: str) -> str | None:
    """The characters an atom stands for, if plain: a character, an escaped symbol, or a
    bracket list of symbols and letters without ranges, escapes or negation; None for a class."""
    if len(atom) == 1 and atom not in _PLAIN:
        return atom
    if len(atom) == 2 and atom[0] == "\\" and not atom[1].isalnum() and atom[1] != NO_FOLD:
        return atom[1]
    if len(atom) > 2 and atom[0] == "[" and atom[-1] == "]" and not any(c in _PLAIN or c in "^-" for c in atom[1:-1]):
        return atom[1:-1]
    return None
