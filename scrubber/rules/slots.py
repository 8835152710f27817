"""Slots: the rules of one stage and action, and the patterns that can start like a line.

``matching.py`` groups a page's rules into slots; a slot narrows its patterns by the first
characters of a line, and a pattern's screens (``screens.py``) turn away lines that lack the
characters it needs, so that few lines cost a full match.
"""

from __future__ import annotations

from functools import lru_cache

from ..source.html import compiled
from .heads import AMBIGUOUS, HEAD_CHARS, allows, ends_for, walk_heads
from .model import Rule
from .screens import MAX_REMEMBERED_PATTERNS, literal_characters

# Patterns are sorted by the first characters of the line they could match, so a line is
# only tried against the few patterns that can start the way it starts. The first character
# narrows all patterns, the first two what is left of them, the first three what is left then.
PREFIX_STEPS = (1, 2, 3)
SHORT_PREFIX_CHARS = 2
MAX_CACHED_PREFIXES = 20_000


class Slot:
    """The rules of one stage and action: a dict of exact line keys and a list of patterns.

    ``possible(key)`` narrows the patterns to those that can match a line starting like
    ``key`` (a partial match of the pattern on the first characters), remembered per prefix:
    most lines are prose, and no pattern can start like them. It tells the most words any of
    them looks at too: a sentence has more than the few patterns starting like it allow. Each
    pattern comes with whether it is a built-in one (trusted to run without a timeout on short
    lines), its screens (``screens.py``: characters a line must hold for the pattern to match
    it, as ``screen_test`` gives them), the class of characters it can start with (a first
    character is tried against that, not the pattern), the most words it looks at, its place
    among the patterns of all stages, its heads (``heads.py``: the starts of the lines it can
    match, looked up instead of a partial match when the pattern's first characters are plain),
    the copy of it that is matched (``screens.uncaptured``: no capturing groups), its line ends
    (``line_ends``), the fewest words its matches have (``bounds.fewest_words``), their
    fewest and most characters (``bounds.length_bounds``), and the characters a match of
    fewer words needs (``bounds.fewer_words_need``).
    A stage's slot narrows its patterns by what the slot of all stages (``whole``) found for the prefix.
    """

    __slots__ = ("exact", "longest_text", "entries", "most_words", "prefix_chars", "trusted", "answers", "whole",
                 "members", "positions", "_by_prefix", "_shorter")

    def __init__(self):
        self.exact: dict[str, Rule] = {}
        self.longest_text = 0  # the longest exact line: longer lines are left to the patterns
        self.entries: list[tuple[Rule, bool, tuple, object, int, int, tuple | None, object, tuple | None,
                                 int, int, int, tuple[int, tuple[str, ...]] | None]] = []
        self.most_words = 0  # no pattern looks at a line of more words
        # Whether every pattern is a built-in one: then a short line's answer depends on the
        # line alone (no timeout can skip a rule), and is remembered for every page sharing
        # these packs -- a site repeats its menu and footer on each of its pages.
        self.trusted = True
        self.answers: dict[str, Rule | None] = {}
        self.prefix_chars = PREFIX_STEPS[-1]
        self.whole: Slot | None = None
        self.members: set[int] = set()  # the ids of its rules
        self.positions: dict[int, int] = {}  # rule id -> its first place among the patterns (slot of all stages)
        self._by_prefix: dict[str, tuple[int, tuple[tuple, ...]]] = {}
        self._shorter: dict[str, tuple[tuple, ...]] = {}

    def possible(self, key: str, timeout: float) -> tuple[int, tuple[tuple, ...]]:
        prefix = key[:self.prefix_chars]
        found = self._by_prefix.get(prefix)
        if found is None:
            # (the compiled twin does _starting's steps, and _may_start_all's for each prefix
            # step: where the walks are built, _starting runs only through it)
            found = self._starting(prefix, timeout) if compiled.walk is None else compiled.walk.possible(self, key, timeout)
        return found

    def _starting(self, prefix: str, timeout: float):
        if self.whole is not None:
            mine = self.members
            found = tuple(entry for entry in self.whole.possible(prefix, timeout)[1] if id(entry[0]) in mine)
        else:
            # each step narrows what the shorter prefix left: a new line start costs a partial
            # match of a few patterns, not of all
            found = self.entries
            for chars in PREFIX_STEPS:
                if chars >= len(prefix):
                    break
                shorter = prefix[:chars]
                narrowed = self._shorter.get(shorter)
                if narrowed is None:
                    narrowed = self._shorter[shorter] = _may_start_all(found, shorter, timeout)
                found = narrowed
            found = _may_start_all(found, prefix, timeout)
        if len(self._by_prefix) >= MAX_CACHED_PREFIXES:
            self._by_prefix.clear()
            self._shorter.clear()
        most_words = 0
        for entry in found:
            if entry[4] > most_words:
                most_words = entry[4]
        known = self._by_prefix[prefix] = (most_words, found)
        return known


# Whether each built-in pattern (or heads with classes: ``heads.walk_heads``) can start like a
# prefix, per prefix, shared by the indexes of all pack combinations: pages differ in their
# scoped packs, not in the line starts they show.
_STARTS: dict[str, dict] = {}
MAX_CACHED_STARTS = 20_000
# A pattern starting with a class (its heads walked) or without heads is narrowed by a line's
# first two characters only: the third turns away few lines (its classes take most letters) and
# costs a walk or a regex call per new line start, more than the few full matches it saves.
PARTIAL_MAX_CHARS = 2


def _may_start_all(entries, prefix: str, timeout: float) -> tuple:
    # One loop without a call per pattern: a page of new line starts (a CJK page, whose every
    # line starts with a new character) asks this of dozens of patterns per line.
    kept = []
    alphabet = folded = starts = None
    for entry in entries:
        heads = entry[6]
        if heads is not None:  # the pattern's heads (``heads.py``): set lookups, no regex call
            if heads[3] is not None:  # heads with classes in them, walked as heads.allows does
                if len(prefix) > PARTIAL_MAX_CHARS:
                    kept.append(entry)
                    continue
                if starts is None:
                    starts = _starts_of(prefix)
                known = starts.get(entry[7])
                if known is None:
                    known = starts[entry[7]] = walk_heads(heads, prefix)
                if known:
                    kept.append(entry)
                continue
            if heads[0] is not alphabet:
                alphabet = heads[0]
                folded = alphabet.fold(prefix)
            if folded is not AMBIGUOUS:
                if folded in heads[1] or (heads[2] and folded.startswith(heads[2])):  # as heads.allows
                    kept.append(entry)
                continue
        if len(prefix) > PARTIAL_MAX_CHARS:
            kept.append(entry)
            continue
        pattern = entry[7]
        if len(prefix) == 1 and entry[3] is not None:
            # a character class costs a fraction of a partial match of the whole pattern
            known = entry[3].fullmatch(prefix, None, None, False) is not None
        elif entry[1]:  # trusted; the pattern object is the key: no other can take its id
            if starts is None:
                starts = _starts_of(prefix)
            known = starts.get(pattern)
            if known is None:
                known = starts[pattern] = pattern.fullmatch(prefix, None, None, False, True) is not None
        else:
            known = start_match(pattern, prefix, timeout) is not None
        if known:
            kept.append(entry)
    return tuple(kept)


def _starts_of(prefix: str) -> dict:
    starts = _STARTS.get(prefix)
    if starts is None:
        if len(_STARTS) >= MAX_CACHED_STARTS:
            _STARTS.clear()
        starts = _STARTS[prefix] = {}
    return starts


# A word no chrome phrase starts with: a pattern that can start a line with it can start one
# with any word ("<name> says:", a date line).
ANY_WORD = "qxzv "


def start_match(pattern, prefix: str, timeout: float | None) -> bool | None:
    """How ``pattern`` can match a line starting with ``prefix``: None when it cannot, True
    when it matches the line ``prefix`` itself (or is too slow to tell), False when it can
    match only a longer line. (``regex`` reports a partial match only where no complete one
    exists.)

    >>> import regex
    >>> [start_match(regex.compile("read more"), prefix, None) for prefix in ("rea", "read more", "x")]
    [False, True, None]
    """
    try:
        found = pattern.fullmatch(prefix, None, None, False, True, timeout)
    except TimeoutError:
        return True
    return None if found is None else not found.partial


if compiled.walk is not None:
    compiled.walk.share_rule_state(_STARTS, AMBIGUOUS, start_match)


# Line ends folded (``heads.Alphabet.fold``) per alphabet: a few thousand occur, most of them
# again and again.
MAX_FOLDED_ENDS = 20_000
# Ends of prose lines in the languages of the built-in packs. Tails that allow most of them
# (a pattern ending in ``.{1,80}`` or ``[\p{L} ]+``) would turn few lines away, for a lookup
# on every line that starts like the pattern: such a pattern is left to its full match.
PROSE_ENDS = ("the", "ing", "ed.", "ion", "and", "es.", "ent", "ly.", "er.", "ers", "ung", "en.", "ich",
              "que", "ait", "nte", "ado", "os.", "ía.", "s a", "e's", "at.", "it!", "te?")


@lru_cache(maxsize=MAX_REMEMBERED_PATTERNS)
def line_ends(pattern) -> tuple | None:
    """``(folded ends, alphabet, tails, stems)``: the pattern's tails (``heads.ends_for``), and
    the line ends its alphabet folded (shared by the patterns of the alphabet); None when the
    pattern has no tails, tails with classes (walked at several times the cost of a lookup), or
    tails that allow most prose."""
    found = ends_for(pattern)
    if found is None or found[3] is not None \
            or 3 * sum(allows(found, end[::-1]) is not False for end in PROSE_ENDS) > len(PROSE_ENDS):
        return None
    alphabet, tails, stems, _ = found
    return alphabet.ends, alphabet, tails, stems


def ends_allow(ends, key: str) -> bool:
    """Whether the line key may end as a pattern's matches end (``ends``: its ``line_ends``).
    ``first_pattern`` writes this out, with ``fold_end`` for an end not folded yet.

    >>> import regex
    >>> ends = line_ends(regex.compile(r"(one|no) comments?", regex.I))
    >>> ends_allow(ends, "no comments"), ends_allow(ends, "no comments today")
    (True, False)
    """
    end = key[-HEAD_CHARS:]
    folded = ends[0].get(end)
    if folded is None:
        folded = fold_end(ends, end)
    return folded in ends[2] or bool(ends[3] and folded.startswith(ends[3]))


def fold_end(ends, end: str) -> str:
    """The line end read backwards and folded as the tails are, remembered; "" (the start of
    every tail) when a character is AMBIGUOUS: the full match tells."""
    folded_ends = ends[0]
    if len(folded_ends) >= MAX_FOLDED_ENDS:
        folded_ends.clear()
    folded = ends[1].fold(end[::-1])
    folded = folded_ends[end] = "" if folded is AMBIGUOUS else folded
    return folded


def screen_test(screen):
    """What a line is searched for: the one character a literal screen looks for, a tuple of
    its characters when it looks for several, or the compiled screen itself."""
    characters = literal_characters(screen)
    if characters is None:
        return screen
    return characters if len(characters) == 1 else tuple(characters)


def passes(screens, key: str) -> bool:
    """Whether the line key holds what each screen test (``screen_test``) looks for.

    >>> import regex
    >>> tests = tuple(map(screen_test, (regex.compile(r"\\?"), regex.compile(r"[›»]"), regex.compile(r"\\d"))))
    >>> passes(tests, "page 2 »?"), passes(tests, "page two »?")
    (True, False)
    """
    for screen in screens:
        kind = screen.__class__
        if kind is str:
            if screen not in key:
                return False
        elif kind is tuple:
            for wanted in screen:
                if wanted in key:
                    break
            else:
                return False
        elif screen.search(key, None, None, False) is None:
            return False
    return True


def first_pattern(possible, key: str, end: str, words: int, failed: int, short: bool, start: int) -> int:
    """The place in ``possible`` (``Slot.possible``'s entries), from ``start`` on, of the first
    pattern a line key may match, -1 when none: a pattern is passed over when it looks at fewer
    words than the line has (``words``), when its matches have more words or another length
    (``bounds.fewest_words``, ``bounds.length_bounds``) or the line has too few words for
    lacking a character (``bounds.fewer_words_need``), when its place among the patterns of
    all stages is ``failed`` or before, when the line ends (``end``: its last HEAD_CHARS
    characters) unlike it or lacks what its screens need; a built-in pattern on a ``short`` line (of up to
    TRUSTED_MAX_CHARS) is matched here, and passed over when it fails. Any other pattern's place
    is returned unmatched: the caller matches it within the timeout. ``fold`` folds a line end
    its pattern's alphabet has not folded yet (``fold_end``). ``compiled.walk`` has the same
    loop in C.

    >>> import regex
    >>> entry = (None, True, (), None, 5, 0, None, regex.compile("read more"), None, 2, 9, 9, None)
    >>> [first_pattern((entry,), key, key[-3:], len(key.split()), -1, True, 0) for key in ("read more", "read on")]
    [0, -1]
    """
    length = len(key)
    for at in range(start, len(possible)):
        _, trusted, screens, _, most_words, position, _, pattern, ends, fewest, shortest, longest, needs = possible[at]
        if words > most_words or words < fewest or position <= failed or not shortest <= length <= longest:
            continue
        if needs is not None and words < needs[0] and not any(map(key.__contains__, needs[1])):
            continue
        if ends is not None:  # most lines that start like a pattern end like prose (as ends_allow)
            folded = ends[0].get(end)
            if folded is None:
                folded = fold_end(ends, end)
            if folded not in ends[2] and not (ends[3] and folded.startswith(ends[3])):
                continue
        if screens and not passes(screens, key):
            continue
        if not (trusted and short) or pattern.fullmatch(key, None, None, False):
            return at
    return -1
