"""Heads: the first characters of the lines a pattern can match, read from the pattern itself.

``slots.py`` narrows a slot's patterns to those that can start like a line. Asking ``regex``
(a partial match) costs a call per pattern and new line start; most patterns begin with
plain words (``(read more|continue reading|...)``), and the first three characters of every
line they can match can be listed once, when the pattern is indexed. A line start is then
looked up in that set instead.

Characters are compared folded: each character of a pattern's heads stands for the case
variants the pattern's flags let it match (``Alphabet``). A line character is folded only
when every pattern character matching it folds the same way; otherwise ``regex`` is asked.
A character class (``\\d``) ends a head early: any line going on from there may match (a
stem). A pattern starting with a class would have no heads but "" that way: its classes are
read as symbols of their own, and a line character stands for each class it is in
(``\\d+ comments`` heads ``"1 c"`` and ``"12 "`` but not ``"the"``); such heads are walked
(``walk_heads``), at several times the cost of a lookup. Lookarounds and word boundaries are
read as matching nothing, so the heads may allow more than the pattern does, never less: a
pattern is only ever passed over when it cannot match.

The same reading run from the end of the pattern gives its tails (``ends_for``): the last
characters of the lines it can match, read backwards. Most lines that start like a pattern
end like prose (``"menu" ... "mentions a storm."``), and a tail lookup turns them away
before a full match.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from .screens import MAX_REMEMBERED_PATTERNS, _parsed, _single_character

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
# Classes are symbols drawn from a private-use plane: no pattern character read as plain is one.
FIRST_CLASS_SYMBOL = 0xF0000
MAX_CLASSES = 0xFFFD
# Class memberships remembered per alphabet (class and line character).
MAX_MEMBERS = 100_000


class _TooMany(Exception):
    """More heads than MAX_HEADS, or a repeat that does not settle: asked with ``regex``."""


class Alphabet:
    """The pattern characters and classes heads are made of, for one set of ``regex`` flags.
    A line character folds (``fold``) to the fold of the pattern characters it matches,
    NO_FOLD when it matches none of them, AMBIGUOUS when they fold differently: learnt per
    line character with one ``regex`` call, and learnt again when patterns bring new
    characters. Whether it is in a class (``member``) is learnt per class and character."""

    def __init__(self, flags: int):
        self.flags = flags
        # pattern character -> its fold; replaced whole when characters are added, and so is
        # the state learnt from it: a reader never mixes what it learnt of other characters
        self._folds: dict[str, str] = {}
        # (the folds it was learnt from, the ``regex`` telling which folds a character matches,
        # their order, what is learnt, a class of all pattern characters)
        self._state: tuple | None = None
        # class atom -> its symbol, symbol -> the class compiled alone, symbol + character -> in it
        self._symbols: dict[str, str] = {}
        self._classes: dict[str, object] = {}
        self._members: dict[str, bool] = {}
        self.ends: dict[str, str] = {}

    def fold_of(self, char: str) -> str:
        if not self.flags & regex.IGNORECASE:
            return char
        folded = char.casefold()
        return folded if len(folded) == 1 else char

    def class_symbol(self, atom: str) -> str | None:
        """The symbol standing for a class atom in heads, or None when the atom does not match
        single characters alone (``\\X``, a nested class)."""
        symbol = self._symbols.get(atom)
        if symbol is None:
            if atom != "." and not _single_character(atom) or len(self._symbols) >= MAX_CLASSES:
                return None
            try:
                alone = regex.compile(atom, self.flags)
            except regex.error:
                return None
            symbol = self._symbols[atom] = chr(FIRST_CLASS_SYMBOL + len(self._symbols))
            self._classes[symbol] = alone
        return symbol

    def member(self, symbol: str, char: str) -> bool:
        """Whether the line character is in the class ``symbol`` stands for."""
        pair = symbol + char
        known = self._members.get(pair)
        if known is None:
            if len(self._members) >= MAX_MEMBERS:
                self._members.clear()
            known = self._members[pair] = self._classes[symbol].fullmatch(char) is not None
        return known

    def learn(self, chars) -> None:
        new = {c: self.fold_of(c) for c in chars if c not in self._folds}
        if new:
            self._folds = {**self._folds, **new}
            # line ends folded for patterns of other characters (``slots.line_ends``), which
            # those patterns keep: a character folds the same for the characters it knew
            self.ends: dict[str, str] = {}

    def fold(self, prefix: str):
        """The folded prefix (NO_FOLD for a character no pattern character matches), or
        AMBIGUOUS."""
        known = self._known()
        out = []
        for char in prefix:
            found = known.get(char)
            if found is None:
                found = known[char] = self._read_line_char(char, self._state)
            if found[0] is AMBIGUOUS:
                return AMBIGUOUS
            out.append(found[0])
        return "".join(out)

    def folds(self, char: str) -> frozenset:
        """Every fold of the pattern characters the line character matches."""
        known = self._known()
        found = known.get(char)
        if found is None:
            found = known[char] = self._read_line_char(char, self._state)
        return found[1]

    def _known(self) -> dict:
        state = self._state
        if state is None or state[0] is not self._folds:
            state = self._restart()
        return state[3]

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
    def _read_line_char(char: str, state) -> tuple:
        _, which, order, _, any_char = state
        if any_char.match(char) is None:
            return NO_FOLD, _EMPTY
        folds = frozenset(order[i] for i, found in enumerate(which.match(char).groups()) if found is not None)
        if not folds:
            return NO_FOLD, _EMPTY
        return (next(iter(folds)) if len(folds) == 1 else AMBIGUOUS), folds


_ALPHABETS: dict[int, Alphabet] = {}


def heads_for(pattern, chars: int = HEAD_CHARS):
    """``(alphabet, heads, stems, classes)`` for a compiled pattern, or None when it must be
    asked with ``regex``. ``heads`` holds the first up to ``chars`` characters, folded, of
    every line the pattern can match whole, and each shorter start of them; ``stems`` the
    heads that a class ends, which any line may go on from. A pattern that starts with a class
    has the class read as a symbol instead (it would have no heads but ""); ``classes`` then
    holds the class symbols each start of its heads goes on with (None for other patterns:
    their heads are looked up, not walked).

    >>> found = heads_for(regex.compile(r"(read|see) more\\.?|pp\\d+", regex.I))
    >>> sorted(found[1]), found[2], found[3]
    (['', 'p', 'pp', 'r', 're', 'rea', 's', 'se', 'see'], ('pp',), None)
    >>> [allows(found, start) for start in ("REA", "rez", "pp7", "über")]
    [True, False, True, False]
    >>> [allows(heads_for(regex.compile(r"\\d+ comments", regex.I)), start) for start in ("12 ", "1 c", "the")]
    [True, True, False]
    """
    return _heads_for(pattern.pattern, pattern.flags, False, chars)


def ends_for(pattern):
    """What ``heads_for`` gives, for the lines the pattern can match read backwards: the last
    characters of those lines, the last one first (``allows(found, line[::-1])``).

    >>> ends = ends_for(regex.compile(r"(\\d+|no) comments?", regex.I))
    >>> [allows(ends, line[::-1]) for line in ("12 comments", "no comment", "comments, he said")]
    [True, True, False]
    """
    return _heads_for(pattern.pattern, pattern.flags, True, HEAD_CHARS)


def allows(found, prefix: str):
    """Whether a line starting with ``prefix`` may match the pattern ``heads_for`` gave
    ``found`` for, or AMBIGUOUS when ``regex`` must tell."""
    alphabet, heads, stems, classes = found
    if classes is not None:
        return walk_heads(found, prefix[:HEAD_CHARS])
    folded = alphabet.fold(prefix[:HEAD_CHARS])
    if folded is AMBIGUOUS:
        return AMBIGUOUS
    return folded in heads or folded.startswith(stems)


def walk_heads(found, prefix: str) -> bool:
    """``allows`` for heads with classes in them: each start of the heads the line has started
    like so far goes on with the line character's folds and the classes it is in."""
    alphabet, heads, stems, classes = found
    # (what the alphabet knows is read here without a call per character and class: a new
    # line start or end is walked for dozens of patterns)
    known, members = alphabet._known(), alphabet._members
    starts = [""]
    for char in prefix:
        if stems and any(start in stems for start in starts):
            return True
        folds = known.get(char)
        folds = alphabet.folds(char) if folds is None else folds[1]
        more = []
        for start in starts:
            for folded in folds:
                if start + folded in heads:
                    more.append(start + folded)
            for symbol in classes.get(start, ()):
                member = members.get(symbol + char)
                if member or (member is None and alphabet.member(symbol, char)):
                    more.append(start + symbol)
        if not more:
            return False
        starts = more
    return True


@lru_cache(maxsize=MAX_REMEMBERED_PATTERNS)
def _heads_for(source, flags: int, backwards: bool, chars: int):
    node = _parsed(source, flags)
    if node is None:
        return None
    alphabet = _ALPHABETS.get(flags)
    if alphabet is None:
        alphabet = _ALPHABETS[flags] = Alphabet(flags)
    # Classes end the heads first (stems): such heads are looked up, where heads with classes
    # in them are walked, at several times the cost. Only a pattern that starts with a class
    # has its classes read as symbols.
    found = _read(node, alphabet, backwards, False, chars)
    return found if found is not None else _read(node, alphabet, backwards, True, chars)


def _read(node, alphabet: Alphabet, backwards: bool, classes: bool, chars: int):
    reader = _Reader(alphabet, backwards, classes)
    try:
        whole, cut, stems = reader.starts(node, chars)
    except _TooMany:
        return None
    if "" in stems:
        return None  # it starts with a class (read as a stem) or an atom of no single character
    heads = {line[:size] for line in whole | cut | stems for size in range(len(line) + 1)}
    if len(heads) > MAX_HEADS:
        return None
    alphabet.learn(reader.chars)
    following = None
    if reader.classes:  # the class symbols each start of the heads can go on with
        following = {}
        for head in heads:
            if head and ord(head[-1]) >= FIRST_CLASS_SYMBOL:
                following.setdefault(head[:-1], []).append(head[-1])
        following = {start: tuple(symbols) for start, symbols in following.items()}
    return alphabet, frozenset(heads), tuple(sorted(stems)), following


_EMPTY = frozenset()


class _Reader:
    """Reads a parsed pattern (``safety.PatternParser``) for its heads."""

    def __init__(self, alphabet: Alphabet, backwards: bool = False, classes: bool = True):
        self.alphabet = alphabet
        self.backwards = backwards  # read from the end of the pattern: its tails
        self.with_classes = classes  # a class is a symbol, not the end of a head (a stem)
        self.chars: set[str] = set()  # the plain characters the heads are made of
        self.classes: set[str] = set()  # and the class atoms
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
                symbol = self.alphabet.class_symbol(node.text) if self.with_classes else None
                if symbol is None:
                    return _EMPTY, _EMPTY, frozenset([""])
                self.classes.add(node.text)
                return frozenset([symbol]), _EMPTY, _EMPTY
            self.chars.update(chars)
            return frozenset(map(self.alphabet.fold_of, chars)), _EMPTY, _EMPTY
        if kind == "group":
            return self.starts(node.items[0], room)
        if kind == "alt":
            found = [self.starts(branch, room) for branch in node.items]
            return tuple(frozenset().union(*(f[part] for f in found)) for part in range(3))
        if kind == "seq":
            found = (frozenset([""]), _EMPTY, _EMPTY)
            for item in (reversed(node.items) if self.backwards else node.items):
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
    bracket list of symbols and letters without ranges, escapes or negation; None for a class
    (and for a character of the plane class symbols are drawn from, read as a class of one)."""
    if len(atom) == 1 and atom not in _PLAIN:
        chars = atom
    elif len(atom) == 2 and atom[0] == "\\" and not atom[1].isalnum() and atom[1] != NO_FOLD:
        chars = atom[1]
    elif len(atom) > 2 and atom[0] == "[" and atom[-1] == "]" and not any(c in _PLAIN or c in "^-" for c in atom[1:-1]):
        chars = atom[1:-1]
    else:
        return None
    return None if max(chars) >= chr(FIRST_CLASS_SYMBOL) else chars
