"""Screens: characters a line must contain before a pattern rule is worth running on it.

A pattern such as ``[\\p{L}]+ · \\d+ min read`` can only match a whole line that contains a
``·`` and a digit; most lines of prose contain neither. A screen is a small pattern made of
such a required piece of the rule's pattern (one character each, ``\\d|[0-9]``): searching a
line for it costs a fraction of a failed ``fullmatch``, and a line without it cannot match.

A piece is required when every way through the pattern consumes one character it matches:
it sits in the pattern's main sequence, in a group repeated at least once, or in every branch
of an alternation. A character class matched on its own, with the pattern's flags, matches
any character it matched inside the pattern, so a screen never turns a matching line away.
Patterns using syntax where that does not hold (backreferences, fuzzy matching, inline or
full case-folding flags, verbose mode) get no screen.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from .safety import parse_pattern

# A character class that matches one of these is no use as a screen: prose is full of them.
_COMMON = "etaoinsrhldcumfpgwybvkxjqz "
# A screen looks for at most this many required pieces, the rarest first.
MAX_SCREENS = 2
_ESCAPED_CLASS = frozenset("dDwWsSpPNxuU")
_ESCAPED_CHAR = frozenset("tnrfvae")
# Syntax whose single characters are not single characters of the line (a fuzzy repeat,
# a backreference, a named list, a scoped or inline flag other than a plain group).
_UNSUPPORTED = regex.compile(r"\\[0-9gLKmMX]|\(\?(?![:!=>]|<[=!]|P?<[^>=!]+>)")
_PROPERTY_BRACES = regex.compile(r"\\[pPNx]\{[^}]*\}")
_QUANTIFIER = regex.compile(r"\{\d*,?\d*\}")
_UNSUPPORTED_FLAGS = regex.VERBOSE | regex.FULLCASE | regex.V1


def screens_for(pattern) -> tuple:
    """Compiled screens for a compiled ``regex`` pattern: a line that one of them does not
    find anywhere in it cannot match the pattern as a whole line.

    >>> [s.pattern for s in screens_for(regex.compile(r"[\\p{L}]+ · \\d+ min read", regex.I))]
    ['\\\\d', '·']
    >>> screens_for(regex.compile(r"(\\w+) \\1", regex.I))
    ()
    """
    return _screens_for(pattern.pattern, pattern.flags)


# A screen made of single characters with no case and no special meaning: each escaped, alone,
# or in a bracket class without ranges, escapes or negation ("\\?", ":", "[·•|]").
_LITERAL_ATOM = r"\\([^\w\s])|([^\w\s\\\[\]\-^.|$*+?{}()])|\[([^\w\s\\\[\]\-^]+)\]"
_LITERAL_SCREEN = regex.compile(rf"(?:{_LITERAL_ATOM})(?:\|(?:{_LITERAL_ATOM}))*")
_LITERAL_ATOMS = regex.compile(_LITERAL_ATOM)


def literal_characters(screen) -> str | None:
    """The characters a compiled screen looks for, when it looks for nothing else (a line holds
    one of them exactly when the screen finds something): ``in`` tells that for a fraction of a
    regex search. None for screens with classes such as ``\\d`` or characters that have a case.

    >>> literal_characters(regex.compile(r"[·•|]", regex.I)), literal_characters(regex.compile(r"\\?|!"))
    ('·•|', '?!')
    >>> literal_characters(regex.compile(r"\\d")), literal_characters(regex.compile(r"-|ú", regex.I))
    (None, None)
    """
    if _LITERAL_SCREEN.fullmatch(screen.pattern) is None:
        return None
    characters = "".join(dict.fromkeys("".join("".join(atom) for atom in _LITERAL_ATOMS.findall(screen.pattern))))
    if any(c.lower() != c or c.upper() != c or c.casefold() != c for c in characters):
        return None
    return characters


# Screens and first classes are remembered per pattern text and flags: pack combinations, and
# users' packs loaded again for each document, share their patterns, and finding them costs a
# parse and a dozen compiles.
MAX_REMEMBERED_PATTERNS = 10_000


@lru_cache(maxsize=MAX_REMEMBERED_PATTERNS)
def _screens_for(source, flags: int) -> tuple:
    node = _parsed(source, flags)
    if node is None:
        return ()
    pieces = _required(node, flags)
    rare = sorted((len(piece), sorted(piece)) for piece in set(pieces) if _commonness(piece, flags) == 0)
    return tuple(regex.compile("|".join(atoms), flags) for _, atoms in rare[:MAX_SCREENS])


def branches(pattern) -> tuple | None:
    """The top-level alternatives of a compiled pattern, each compiled alone with its flags, or
    None when it has none or its syntax is beyond this reading. A line matches the pattern as
    a whole line exactly when it matches one of them as a whole line; each has first
    characters, heads and line ends of its own, where the pattern's are those of all its
    branches together (``(\\d+|one) comments?|no comments`` may start with a digit or "n",
    its first branch only with a digit or "o").

    >>> [b.pattern for b in branches(regex.compile(r"(\\d+|one) comments?|no comments", regex.I))]
    ['(\\\\d+|one) comments?', 'no comments']
    >>> branches(regex.compile(r"(a|b)c")) is None
    True
    """
    return _branches(pattern.pattern, pattern.flags)


@lru_cache(maxsize=MAX_REMEMBERED_PATTERNS)
def _branches(source, flags: int):
    node = _parsed(source, flags)
    if node is None or node.kind != "alt":
        return None
    try:
        return tuple(regex.compile(branch.text, flags) for branch in node.items)
    except regex.error:
        return None


def first_class(pattern):
    """A compiled class of the characters a whole-line match of ``pattern`` can start with, or
    None when the pattern is beyond this reading (see the module docstring). A line whose first
    character it does not match cannot match the pattern; it may match more than the pattern
    can start with (it does not read lookarounds), never less.

    >>> first_class(regex.compile(r"(read|see)? ?more[.:]?", regex.I)).pattern
    ' |m|r|s'
    >>> first_class(regex.compile(r"(\\w+) \\1", regex.I)) is None
    True
    """
    return _first_class(pattern.pattern, pattern.flags)


@lru_cache(maxsize=MAX_REMEMBERED_PATTERNS)
def _first_class(source, flags: int):
    node = _parsed(source, flags)
    try:
        atoms, _ = _first(node) if node is not None else ((), True)
    except ValueError:
        return None
    if not atoms:
        return None
    try:
        return regex.compile("|".join(sorted(atoms)), flags)
    except regex.error:
        return None


def uncaptured(pattern):
    """``pattern`` with every group made non-capturing, when its syntax is within this reading
    (the pattern itself otherwise): it matches the same lines, and ``regex`` spends no time
    recording groups that rule matching never reads.

    >>> print(uncaptured(regex.compile(r"(read|see) (more|\\(\\d+\\))[(]?", regex.I)).pattern)
    (?:read|see) (?:more|\\(\\d+\\))[(]?
    >>> backreference = regex.compile(r"(\\w+) \\1")
    >>> uncaptured(backreference) is backreference
    True
    """
    return _uncaptured(pattern.pattern, pattern.flags, pattern.groups) or pattern


@lru_cache(maxsize=MAX_REMEMBERED_PATTERNS)
def _uncaptured(source, flags: int, groups: int):
    if _parsed(source, flags) is None:
        return None
    out, i, made = [], 0, 0
    while i < len(source):
        char = source[i]
        if char == "\\":
            out.append(source[i:i + 2])
            i += 2
        elif char == "[":  # a class, where a parenthesis is a character
            end = i + 1
            end += source.startswith("^", end)
            end += source.startswith("]", end)
            while source[end] != "]":
                end += 2 if source[end] == "\\" else 1
            out.append(source[i:end + 1])
            i = end + 1
        else:
            plain_group = char == "(" and not source.startswith("(?", i)
            made += plain_group
            out.append("(?:" if plain_group else char)
            i += 1
    try:
        uncaptured = regex.compile("".join(out), flags)
    except regex.error:
        return None
    # each parenthesis made non-capturing was a group: none was a character of a class this
    # reading took to end early (``[[:alpha:]()]``)
    return uncaptured if uncaptured.groups == groups - made else None


def _parsed(source, flags: int):
    """The pattern read by ``PatternParser``, or None when its syntax is beyond what a screen
    or a first class can be drawn from."""
    if not isinstance(source, str) or flags & _UNSUPPORTED_FLAGS or _UNSUPPORTED.search(source) \
            or "{" in _QUANTIFIER.sub("", _PROPERTY_BRACES.sub("", source)):
        return None
    try:
        return parse_pattern(source)
    except (ValueError, IndexError):
        return None


def _first(node) -> tuple[set, bool]:
    """The atoms that can match the first character of a match of ``node``, and whether it can
    match the empty string; ValueError when an atom there is not a single character."""
    if node.kind == "atom":
        if not _single_character(node.text):
            raise ValueError(node.text)
        return {node.text}, False
    if node.kind == "anchor":  # zero-width (lookarounds too): the next item starts the match
        return set(), True
    if node.kind == "group":
        return _first(node.items[0])
    if node.kind == "repeat":
        atoms, empty = _first(node.items[0])
        return atoms, empty or node.low == 0
    atoms = set()
    if node.kind == "seq":
        for item in node.items:
            more, empty = _first(item)
            atoms |= more
            if not empty:
                return atoms, False
        return atoms, True
    empty = False  # an alternation: any branch may start it
    for branch in node.items:
        more, branch_empty = _first(branch)
        atoms |= more
        empty = empty or branch_empty
    return atoms, empty


def _required(node, flags) -> list[frozenset]:
    """Sets of atoms; a whole-line match consumes a character matched by some atom of each set."""
    if node.kind == "atom":
        return [frozenset([node.text])] if _single_character(node.text) else []
    if node.kind == "anchor":
        return []
    if node.kind == "group":
        return _required(node.items[0], flags)
    if node.kind == "repeat":
        return _required(node.items[0], flags) if node.low >= 1 else []
    if node.kind == "seq":
        return [piece for item in node.items for piece in _required(item, flags)]
    # an alternation: one set drawn from every branch, each branch's rarest
    union = set()
    for branch in node.items:
        pieces = _required(branch, flags)
        if not pieces:
            return []
        union |= min(pieces, key=lambda p: (_commonness(p, flags), len(p)))
    return [frozenset(union)]


def _single_character(atom: str) -> bool:
    if atom.startswith("["):
        return "[" not in atom[1:]
    if atom.startswith("\\"):
        letter = atom[1:2]
        return letter in _ESCAPED_CLASS or letter in _ESCAPED_CHAR or not letter.isalnum()
    return len(atom) == 1 and atom not in ".^$*+?{}()|"


@lru_cache(maxsize=4096)
def _commonness(atoms: frozenset, flags: int) -> int:
    """How many common prose characters the atoms match (all of them when they do not compile
    alone, so that they are never used). Remembered: the built-in patterns ask about 22,000
    times for 443 sets of atoms, and compiling each again made up most of the first clean()."""
    try:
        compiled = regex.compile("|".join(sorted(atoms)), flags)
    except regex.error:
        return len(_COMMON)
    return sum(1 for char in _COMMON if compiled.fullmatch(char))
