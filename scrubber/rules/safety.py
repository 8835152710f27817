"""Reject rule regexes that are open to catastrophic backtracking before they ever run.

A backtracking engine takes exponential time when a repeated piece of a pattern can match the
same text in more than one way, and the line then fails to match: ``(a+)+$``, ``(\\w+\\s?)+``,
``(.*,)*``, ``(a|a)*``, ``(\\w|\\d)+``. The check parses the pattern into a small tree and looks
for those shapes inside every group repeated without a small bound. It is a guard, not a proof:
matching is also bounded by a timeout at run time (``RuleSet``), so a pattern this misses can
slow a job but never hang it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import regex

# Characters an atom is tried against to learn which characters it matches; enough to tell
# word characters, digits, spaces, punctuation and a few non-ASCII letters and marks apart.
_PROBES = "".join(chr(c) for c in range(32, 127)) + "\t\n\u00a0éßüöЖ中٣•·—–…«»©"
# A repeat bounded at this many times or fewer cannot blow up, whatever it contains.
_SMALL_BOUND = 10
_ZERO_WIDTH_ESCAPES = set("bBAZzG")


@dataclass
class Node:
    """One piece of a parsed pattern: ``atom`` (one character), ``anchor`` (zero width), ``seq``,
    ``alt``, ``group`` (``atomic`` groups never backtrack) or ``repeat`` (``low``..``high``, None:
    unbounded; ``possessive`` repeats never backtrack)."""

    kind: str
    text: str = ""
    items: list = field(default_factory=list)
    low: int = 1
    high: int | None = 1
    atomic: bool = False


def check_pattern(pattern: str) -> str | None:
    """Return why a pattern is unsafe, or None.

    >>> check_pattern(r"^\\d+ views$") is None
    True
    >>> check_pattern(r"((home|about|blog)[ |•·]*){3,}") is None
    True
    >>> check_pattern(r"(a+)+$")
    'pattern open to catastrophic backtracking (nested quantifier): (a+)+'
    >>> check_pattern(r"(a|a)*")
    'pattern open to catastrophic backtracking (overlapping alternatives): (a|a)*'
    """
    try:
        tree = parse_pattern(pattern)
    except (ValueError, IndexError):
        return None  # not our syntax to judge: the compile step reports real syntax errors
    for node in _walk(tree):
        if node.kind != "repeat" or node.atomic or (node.high is not None and node.high <= _SMALL_BOUND):
            continue
        body = node.items[0]
        if _ambiguous_alternation(body):
            return f"pattern open to catastrophic backtracking (overlapping alternatives): {node.text}"
        if _nested_repeat(body):
            return f"pattern open to catastrophic backtracking (nested quantifier): {node.text}"
    return None


def _walk(node):
    yield node
    for child in node.items:
        yield from _walk(child)


def _nested_repeat(node) -> bool:
    """Whether a variable-length repeat inside ``node`` can share its text with the rest of it."""
    if node.kind == "group":
        return not node.atomic and _nested_repeat(node.items[0])
    if node.kind == "alt":
        return any(_nested_repeat(branch) for branch in node.items)
    if node.kind == "repeat":
        return not node.atomic and (node.high is None or node.high > max(node.low, 1))
    if node.kind != "seq":
        return False
    for position, item in enumerate(node.items):
        if not _nested_repeat(item):
            continue
        inner = _chars(item)
        others = [o for i, o in enumerate(node.items) if i != position and not _nullable(o)]
        if all(_first_chars(o) & inner for o in others):
            return True
    return False


def _ambiguous_alternation(node) -> bool:
    """Whether ``node`` holds an alternation two of whose branches can match the same text."""
    for alt in (n for n in _walk(node) if n.kind == "alt"):
        branches = [_unwrap(b) for b in alt.items]
        texts = [b.text.casefold() for b in branches]
        if len(set(texts)) < len(texts):
            return True
        singles = [_chars(b) for b in branches if b.kind == "atom"]
        if any(a & b for i, a in enumerate(singles) for b in singles[i + 1:]):
            return True
        literals = [_literal(b) for b in branches]
        words = [w for w in literals if w]
        if any(_composed(word, [w for w in words if w != word]) for word in words):
            return True
    return False


def _unwrap(node):
    while (node.kind == "group" and not node.atomic) or (node.kind == "seq" and len(node.items) == 1):
        node = node.items[0]
    return node


def _literal(node) -> str | None:
    items = node.items if node.kind == "seq" else [node]
    if all(i.kind == "atom" and len(i.text) == 1 and i.text not in ".[" for i in items):
        return "".join(i.text for i in items).casefold()
    return None


def _composed(word, parts) -> bool:
    """Whether ``word`` is a concatenation of two or more of ``parts`` (with repeats)."""
    reachable = {0}
    for end in range(1, len(word) + 1):
        if any(start in reachable and word[start:end] in parts for start in range(end)):
            reachable.add(end)
    return bool(parts) and len(word) in reachable


def _nullable(node) -> bool:
    if node.kind == "anchor":
        return True
    if node.kind == "atom":
        return False
    if node.kind == "repeat":
        return node.low == 0 or _nullable(node.items[0])
    if node.kind == "alt":
        return any(_nullable(b) for b in node.items)
    return all(_nullable(i) for i in node.items)


def _chars(node) -> frozenset:
    """Every character ``node`` can consume."""
    if node.kind == "atom":
        return _atom_chars(node.text)
    return frozenset().union(*(_chars(i) for i in node.items)) if node.items else frozenset()


def _first_chars(node) -> frozenset:
    if node.kind == "atom":
        return _atom_chars(node.text)
    if node.kind == "seq":
        found = frozenset()
        for item in node.items:
            found |= _first_chars(item)
            if not _nullable(item):
                break
        return found
    return frozenset().union(*(_first_chars(i) for i in node.items)) if node.items else frozenset()


@lru_cache(maxsize=512)
def _atom_chars(atom: str) -> frozenset:
    try:
        compiled = regex.compile(atom, regex.IGNORECASE | regex.V0)
    except regex.error:
        return frozenset(_PROBES)
    return frozenset(c for c in _PROBES if compiled.fullmatch(c))


# Compiled once: the regex module's cache lookup for a pattern given as a string costs more
# than the match, and every pack load and screen reads its patterns through this parser.
_BOUNDS = regex.compile(r"\{(\d*)(,?)(\d*)\}")
_GROUP_HEAD = regex.compile(r"\?(?:P?<[^>=!]+>|[aiLmsux-]*[:)]|>|[=!]|<[=!])")


# A few recent trees only: each reader of a pattern's tree remembers what it drew from it, and
# the readers of one pattern ask one after the other. Every built-in pattern's tree kept would
# be some 95,000 objects that live as long as the process, which each full collection of the
# garbage collector walks (on a long job it made up most of the objects it walked).
MAX_REMEMBERED_TREES = 64


@lru_cache(maxsize=MAX_REMEMBERED_TREES)
def parse_pattern(pattern: str) -> Node:
    """``PatternParser(pattern).parse()``, once for the few patterns read last: loading a pack
    checks each pattern, and the rule index and head screens read it again for screens and
    first characters. The tree is shared, so its readers never change it. Raises ValueError or
    IndexError as the parser does (those are not remembered).

    >>> parse_pattern(r"a+|b").kind, parse_pattern(r"a+|b") is parse_pattern(r"a+|b")
    ('alt', True)
    """
    return PatternParser(pattern).parse()


class PatternParser:
    """Just enough of the ``regex`` syntax to see groups, alternation, repeats and atoms: the
    backtracking check here and the screens (screens.py) both read a pattern through it."""

    def __init__(self, pattern):
        self.p, self.i = pattern, 0

    def parse(self) -> Node:
        node = self._alt()
        if self.i != len(self.p):
            raise ValueError("unbalanced parenthesis")
        return node

    def _alt(self) -> Node:
        start, branches = self.i, [self._seq()]
        while self.i < len(self.p) and self.p[self.i] == "|":
            self.i += 1
            branches.append(self._seq())
        node = branches[0] if len(branches) == 1 else Node("alt", items=branches)
        node.text = self.p[start:self.i]
        return node

    def _seq(self) -> Node:
        start, items = self.i, []
        while self.i < len(self.p) and self.p[self.i] not in "|)":
            items.append(self._repeat(self._atom()))
        return Node("seq", self.p[start:self.i], items)

    def _repeat(self, node) -> Node:
        start = self.i - len(node.text)
        bounds = self._quantifier()
        while bounds:
            low, high = bounds
            possessive = self.i < len(self.p) and self.p[self.i] == "+"
            if self.i < len(self.p) and self.p[self.i] in "?+":
                self.i += 1
            node = Node("repeat", self.p[start:self.i], [node], low, high, atomic=possessive)
            bounds = self._quantifier()
        return node

    def _quantifier(self):
        if self.i >= len(self.p):
            return None
        char = self.p[self.i]
        if char in "*+?":
            self.i += 1
            return {"*": (0, None), "+": (1, None), "?": (0, 1)}[char]
        found = _BOUNDS.match(self.p, self.i) if char == "{" else None
        if not found or not (found.group(1) or found.group(3)):
            return None
        self.i = found.end()
        low = int(found.group(1) or 0)
        high = low if not found.group(2) else (int(found.group(3)) if found.group(3) else None)
        return low, high

    def _atom(self) -> Node:
        p, start = self.p, self.i
        char = p[self.i]
        if char == "(":
            return self._group()
        if char in "^$":
            self.i += 1
            return Node("anchor", char)
        if char == "[":
            self.i += 2 if p[self.i + 1] == "^" else 1
            self.i += 1 if p[self.i] == "]" else 0  # a ] first in a class is a literal
            while p[self.i] != "]":
                self.i += 2 if p[self.i] == "\\" else 1
            self.i += 1
            return Node("atom", p[start:self.i])
        if char == "\\":
            self.i += 2
            letter = p[self.i - 1]
            if letter in "pPNx" and self.i < len(p) and p[self.i] == "{":
                self.i = p.index("}", self.i) + 1
            elif letter == "x":
                self.i += 2
            elif letter in "uU":
                self.i += 4 if letter == "u" else 8
            kind = "anchor" if letter in _ZERO_WIDTH_ESCAPES or letter.isdigit() else "atom"
            return Node(kind, p[start:self.i])
        self.i += 1
        return Node("atom", char)

    def _group(self) -> Node:
        p, start = self.p, self.i
        self.i += 1
        atomic = zero_width = False
        if p.startswith("?#", self.i):
            self.i = p.index(")", self.i) + 1
            return Node("anchor", p[start:self.i])
        if p.startswith("?", self.i):
            head = _GROUP_HEAD.match(p, self.i)
            if not head:
                raise ValueError("unknown group syntax")
            token = head.group(0)
            self.i += len(token)
            if token.endswith(")"):  # inline flags only, such as (?i)
                return Node("anchor", p[start:self.i])
            atomic = token == "?>"
            zero_width = token[-1] in "=!"
        inner = self._alt()
        if p[self.i] != ")":
            raise ValueError("unbalanced parenthesis")
        self.i += 1
        if zero_width:
            return Node("anchor", p[start:self.i])
        return Node("group", p[start:self.i], [inner], atomic=atomic)
