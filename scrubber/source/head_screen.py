"""Which heads of a flattened piece some drop rule could match, told without matching the rules.

``flattened.peel_chrome_heads`` asks, at each word of a piece's head, whether a drop rule
matches the next five, four ... one words as a whole line: five matches of the whole rule set
per word, on pages of prose ("The council met on Monday") that no rule can match. A pattern
can match a head only if it can start with the head's first word, then with its first two
words, and so on, and must match one of those heads whole; and only if the head holds every
character the pattern needs (its ``screens``). What a first word or a head of words can start
is remembered across pages: it depends on the rules alone, and prose comes back to the same
few hundred words.

Patterns that any word can start ("<name> says:", "<month> 4, 2025") are not asked that:
their screens (a ``:``, a digit) stand guard for them, and a head that holds what they need
is matched against them alone, not the whole rule set.

The heads (a first word, or first two words) that start no line of the other patterns and of
no rule's text are kept with the characters those screens find (``quiet``): a piece of a page
whose head starts so and holds none of them is told apart in one pass, without asking.
"""

from __future__ import annotations

import re
from functools import cached_property, lru_cache

import regex

from ..rules.heads import AMBIGUOUS
from ..rules.screens import first_class, literal_characters, screens_for, uncaptured
from ..rules.slots import ANY_WORD, start_match
from .html import compiled
from .word_heads import WORD_HEAD_CHARS, allowed, may_start, word_heads

# Lines a pattern that any word can start may match, when it needs no rare character at all.
_ANY_LINE = regex.compile("")
_UNASKED = object()
# Patterns are narrowed by each of a word's first characters up to this many; words repeat
# their prefixes, so most new words are tried against the few patterns their prefix left.
PREFIX_CHARS = 3
# What first characters, first words and heads of words can start is remembered up to this many of each.
MAX_REMEMBERED = 50_000
# Screens of this many sets of packs are kept: pages differ in their scoped packs.
MAX_SCREENS = 16
_BUILT: dict[tuple, tuple] = {}


class HeadScreen:
    """The drop rules of some packs, read for how a line they match can start and what it must hold.

    >>> from scrubber.rules import builtin_packs
    >>> screen = HeadScreen([p for p in builtin_packs() if p.stage != "platforms"])
    >>> screen.lengths("share on facebook the ferry")  # "Share", "Share on Facebook" may be chrome
    (3, 1)
    >>> screen.lengths("share the ferry made its")  # no rule's line starts "Share the ..."
    (1,)
    >>> screen.lengths("ferry crossings resumed on monday")
    ()
    >>> screen.lengths("ferry crossings resumed on 4")  # a digit, yet no date line
    ()
    >>> screen.lengths("march 4, 2025 the ferry")  # a date line
    (3,)
    """

    def __init__(self, packs, timeout: float | None = None):
        drops = [(rule, pack.builtin) for pack in packs for rule in pack.rules if rule.action == "drop"]
        self._texts = frozenset(rule.text for rule, _ in drops if rule.text is not None)
        self._text_openers = frozenset(text.split(" ", 1)[0] for text in self._texts if " " in text)
        self._drops, self._timeout = drops, timeout
        self._by_char: dict[str, tuple] = {}
        self._by_prefix: dict[str, tuple] = {}
        self._by_word: dict[str, tuple] = {}
        self._by_head: dict[str, tuple] = {}
        self._by_second_letter: dict[str, tuple] = {}
        # for each pattern any word can start, how it can start each head asked about: such a
        # head holds a digit or a rare mark ("In 2019, the ..."), and one partial match of a
        # long date pattern costs more than the rest of the screen
        self._any_word_starts: dict = {}
        # the folded heads of one or two words on which no line that none of their
        # RareCharacters reach can be matched by a drop rule: lengths() says () for such lines
        self.quiet: dict[str, RareCharacters] = {}

    @cached_property
    def _patterns(self) -> tuple:
        """Each pattern with the timeout it runs with (built-in patterns pass the loader's
        backtracking check: they run without one), the class of its first character and
        whether a start of a line it cannot start tells that no longer one can start it, and
        the heads of a built-in one when they are looked up (``word_heads.word_heads``); a
        built-in pattern is matched with its groups made non-capturing (``screens.uncaptured``:
        the same lines, so the same partial matches, without recording groups no one reads).
        Read at the first head of a flattened line: the word heads of every pattern are most of
        the time a process takes to clean its first page, and a dump of lines, which has no
        flattened line, never needs them."""
        return tuple((uncaptured(rule.pattern) if builtin else rule.pattern,
                      None if builtin else self._timeout, first_class(rule.pattern),
                      TELLS_BY_START.search(rule.pattern.pattern) is None,
                      word_heads(rule.pattern) if builtin else None)
                     for rule, builtin in self._drops if rule.pattern is not None)

    @classmethod
    def of(cls, packs, timeout: float | None = None) -> HeadScreen:
        """The screen of ``packs``, built once for all pages that share them."""
        key = (tuple(map(id, packs)), timeout)
        cached = _BUILT.get(key)
        if cached is None:
            if len(_BUILT) >= MAX_SCREENS:
                _BUILT.clear()
            # the packs are kept with the screen so that their ids cannot be reused by other packs
            cached = _BUILT[key] = (tuple(packs), cls(packs, timeout))
        return cached[1]

    def lengths(self, key: str) -> tuple[int, ...]:
        """How many first words of the line key ``key`` (words joined by single spaces) some drop
        rule could match, longest first: a length left out is certain to match none.

        (``flattened.peel_chrome_heads`` runs a compiled twin of this method and of those it calls,
        ``_walk_heads.pxi``, which fills the same memories in the same order: change both alike.)"""
        words = key.split(" ")
        first = words[0]
        if not first or first in self._text_openers:
            return tuple(range(len(words), 0, -1))
        found = self._by_word.get(first)
        if found is None:
            found = self._first_word(first)
        starting, alone, (screen, any_word, rare) = found
        if alone:
            rare = None  # no head that starts with this word is quiet
        elif rare is not None and not starting:  # (noted on each call: quiet may have been cleared)
            self._remember(self.quiet, first, rare)
        asked = set(self._continued(words, starting, rare)) if starting else set()
        # a pattern any word can start is told by its rare characters: a head that reaches one
        # of each is matched against it (most lines hold none, and one search tells)
        if screen is not None and screen.search(key) is not None:
            ends = None
            for entry, screens, starts_of in any_word:
                reach = 0  # the furthest of the first characters its screens find
                for needed in screens:
                    hit = needed.search(key)
                    if hit is None:
                        break
                    reach = max(reach, hit.start())
                else:
                    ends = ends or list(_head_lengths(words))
                    # one partial match per head, from the shortest that reaches every screen's
                    # character on, tells whether the pattern matches it whole; once it cannot
                    # start with a head it matches no longer one (most heads with a digit are
                    # prose: "Born In 1990 ...")
                    for k in range(key.count(" ", 0, reach + 1) + 1, len(words) + 1):
                        head = key[:ends[k - 1]]
                        starts = starts_of.get(head, _UNASKED)
                        if starts is _UNASKED:
                            starts = self._remember(starts_of, head, start_match(entry[0], head, entry[1]))
                        if starts is None:
                            break
                        if starts:
                            asked.add(k)
        if not asked:  # most heads: no length past one word
            return (1,) if alone else ()
        alone = alone or 1 in asked
        asked.discard(1)
        return tuple(sorted(asked, reverse=True)) + ((1,) if alone else ())

    def _continued(self, words: list[str], starting: tuple, rare) -> list[int]:
        """The lengths past one of the head ``words`` that the patterns ``starting`` (those that
        can start with its first word and more) could match: only those that can start with the
        words before may, and one of them must match the head whole. ``rare``: the rare
        characters of the first word's screen, when its first two words are quiet if the head of
        both can start none of the patterns and matches none whole (None else)."""
        asked, head = [], words[0]
        for k in range(2, len(words) + 1):
            head += " " + words[k - 1]
            # what a head of words can start depends on the words alone, and sentences of a
            # page (and of its site's other pages) open alike: "The council ..."
            found = self._by_head.get(head)
            if found is None:
                if k == 2 and len(words[1]) > 1:
                    starting = self._second_starting(head[:len(words[0]) + 2], starting)
                found = self._remember(self._by_head, head, self._read_head(head, starting))
            whole, starting = found
            if whole:
                asked.append(k)
            if not starting:
                if k == 2 and not whole and rare is not None:
                    self._remember(self.quiet, head, rare)
                break
        return asked

    def _first_word(self, word: str) -> tuple:
        """(patterns that can start a line of several words with ``word``, whether a rule may
        match ``word`` alone, (the screen of the patterns any word can start, those patterns,
        the RareCharacters of that screen or None))."""
        by_char = self._by_char.get(word[0]) or self._first_character(word[0])
        narrowed = self._starting(word[:PREFIX_CHARS])
        whole, starting = self._read_head(word, narrowed)
        return self._remember(self._by_word, word, (starting, whole or word in self._texts, by_char[1]))

    def _read_head(self, head: str, entries: tuple) -> tuple[bool, tuple]:
        """(whether one of ``entries`` may match the line ``head``, those that can start a line
        of more words with it). One partial match tells both for most entries: they cannot
        start with ``head`` at all."""
        whole, longer = False, []
        alphabet = folded = None
        for entry in entries:
            heads = entry[4]
            if heads is not None:
                # the heads tell most entries that cannot start with the head, or go on from it,
                # without a partial match (AMBIGUOUS: a character regex must tell about)
                if heads[0] is not alphabet:
                    alphabet = heads[0]
                    folded = alphabet.fold(head[:WORD_HEAD_CHARS] + " ")
                if folded is not AMBIGUOUS:
                    if not allowed(heads, folded[:min(len(head), heads[3])]):
                        continue  # no line it matches starts with the head
                    if not allowed(heads, folded[:min(len(head) + 1, heads[3])]):
                        # none goes on past it: whether it matches the head whole is all to ask
                        whole = whole or start_match(entry[0], head, entry[1]) is True
                        continue
            starts = start_match(entry[0], head, entry[1])
            if starts is None:
                continue
            whole = whole or starts
            if start_match(entry[0], head + " ", entry[1]) is not None:
                longer.append(entry)
        return whole, tuple(longer)

    def _second_starting(self, prefix: str, starting: tuple) -> tuple:
        """Those of ``starting`` (the patterns that can start a line of more words with its first
        word) that can start with ``prefix``, the first word and the first letter of the second,
        remembered: most new second words of prose start as none of them can go on."""
        found = self._by_second_letter.get(prefix)
        if found is None:
            found = self._remember(self._by_second_letter, prefix, may_start(starting, prefix, False))
        return found

    def _starting(self, prefix: str) -> tuple:
        """The patterns not any word can start that can start with ``prefix``, each character
        narrowing what the shorter prefix left: a new word costs a few partial matches, not one of each pattern."""
        found = self._by_prefix.get(prefix)
        if found is None:
            if len(prefix) == 1:
                found = (self._by_char.get(prefix) or self._first_character(prefix))[0]
            else:
                found = may_start(self._starting(prefix[:-1]), prefix, True)
            self._remember(self._by_prefix, prefix, found)
        return found

    def _first_character(self, char: str) -> tuple:
        """(patterns that can start with ``char`` and not with any word, (a screen for those that
        can: a line that it does not find anything in matches none of them, each of them with its
        screens, the screen's RareCharacters when it finds single characters: None else))."""
        entries = [entry for entry in self._patterns if entry[2] is None or entry[2].fullmatch(char)]
        any_word = [entry for entry in entries if start_match(entry[0], ANY_WORD, entry[1]) is not None]
        rarest = [screens[0] for screens in (screens_for(entry[0]) for entry in any_word) if screens]
        if len(rarest) < len(any_word) or len({screen.flags for screen in rarest}) > 1:
            screen = _ANY_LINE  # one needs no rare character, or their screens cannot be read as one
        elif rarest:
            # each pattern's rarest needed character: a line that holds none matches none of them
            screen = _ascii_searched(_caseless(rarest)) or \
                regex.compile("|".join(f"(?:{screen.pattern})" for screen in rarest), rarest[0].flags)
        else:
            screen = None
        closed = tuple(entry for entry in entries if all(entry is not other for other in any_word))
        screened = tuple((entry, _line_screens(entry[0]), self._any_word_starts.setdefault(entry[0], {}))
                         for entry in any_word)
        # (an _AsciiSearched screen here is one class of single characters: _caseless)
        rare = RareCharacters.of(screen) if screen is None or isinstance(screen, _AsciiSearched) else None
        return self._remember(self._by_char, char, (closed, (screen, screened, rare)))

    @staticmethod
    def _remember(memory: dict, key: str, value):
        if len(memory) >= MAX_REMEMBERED:
            memory.clear()
        memory[key] = value
        return value


# What may keep a pattern's partial match of a line's start from telling whether a longer start
# can go on to a match: look-arounds, word edges and anchors read past the end of the start, and
# an inline flag may fold one letter to two. (A "^" that opens a class negates it: no anchor.)
TELLS_BY_START = regex.compile(r"\\[bBGAZmMyY]|\(\?(?!:)|\$|(?<!(?<!\\)\[)\^")


def _head_lengths(words: list[str]):
    """The length of each head of ``words`` joined by spaces: of 1, 2, ... words."""
    total = -1
    for word in words:
        total += len(word) + 1
        yield total


@lru_cache(maxsize=1024)
def _line_screens(pattern) -> tuple:
    """The screens of ``pattern``, each searched without IGNORECASE where that finds the same
    (``_caseless``): worked out once per pattern, not for each first character that asks."""
    return tuple(_ascii_searched(_caseless((screen,))) or screen for screen in screens_for(pattern))


def _caseless(screens) -> regex.Pattern | None:
    """One pattern that finds what any of ``screens`` finds, compiled without IGNORECASE, when
    each looks for a digit or for characters that have no case (most do): then the
    case-insensitive search, which looks up the other cases of each character of a line,
    finds the same. None for other screens.

    >>> _caseless([regex.compile(r"\\d", regex.I), regex.compile("[·•|]", regex.I)]).findall("by ann · 4 min")
    ['·', '4']
    >>> _caseless([regex.compile("-|ú", regex.I)]) is None
    True
    """
    characters = []
    for screen in screens:
        if screen.pattern == r"\d":
            characters.append(screen.pattern)
        else:
            literal = literal_characters(screen)
            if literal is None:
                return None
            characters.append(regex.escape(literal))
    return regex.compile(f"[{''.join(characters)}]", screens[0].flags & ~regex.IGNORECASE)


class _AsciiSearched:
    """A caseless screen (``_caseless``) that searches ASCII lines with the standard ``re``: the
    same characters found at the same places (an ASCII digit is all ``\\d`` finds there), for
    half the cost of a ``regex`` search, which most heads of prose fail.

    >>> screen = _ascii_searched(regex.compile("[·\\\\d]"))
    >>> screen.search("march 4").start(), screen.search("née · 4").start(), screen.search("march")
    (6, 4, None)
    """

    __slots__ = ("_any", "_ascii")

    def __init__(self, screen: regex.Pattern, ascii_screen: re.Pattern):
        self._any = screen
        self._ascii = ascii_screen

    def search(self, line: str):
        return (self._ascii if line.isascii() else self._any).search(line)


class RareCharacters:
    """The characters of a line through which a pattern any word can start may match a head: those
    a screen of single characters (None, or ``_AsciiSearched``) finds in the line key. ``ascii``
    holds a byte per ASCII character (1: found once folded), ``others`` the other characters
    told so far (``finds``), ``search`` the screen's own answer on a line key.

    >>> rare = RareCharacters.of(_ascii_searched(regex.compile("[·\\\\d]")))
    >>> rare.ascii[ord("4")], rare.ascii[ord("a")], rare.finds("٣"), rare.finds("é"), rare.search("née · 4")
    (1, 0, True, False, True)
    """

    __slots__ = ("ascii", "others", "_screen")
    _OF: dict = {}

    def __init__(self, screen):
        self._screen = screen
        self.others: dict[str, bool] = {}
        # (an ASCII line is searched by re, others by regex: a character either finds counts)
        self.ascii = bytes(screen is not None and any(engine.search(chr(point).casefold()) is not None
                                                      for engine in (screen._ascii, screen._any))
                           for point in range(128))

    @classmethod
    def of(cls, screen) -> RareCharacters:
        """The characters of ``screen``, worked out once per pattern (the screens of many first
        characters share one)."""
        key = screen and (screen._any.pattern, screen._any.flags)
        found = cls._OF.get(key)
        if found is None:
            if len(cls._OF) >= MAX_REMEMBERED:
                cls._OF.clear()
            found = cls._OF[key] = cls(screen)
        return found

    def finds(self, char: str) -> bool:
        """Whether the screen finds something in ``char`` (beyond ASCII) folded, remembered."""
        found = self.others.get(char)
        if found is None:
            if len(self.others) >= MAX_REMEMBERED:
                self.others.clear()
            found = self.others[char] = self._screen is not None and self._screen._any.search(char.casefold()) is not None
        return found

    def search(self, key: str) -> bool:
        """Whether the screen finds something in the line key ``key`` (as ``HeadScreen.lengths`` asks)."""
        return self._screen is not None and self._screen.search(key) is not None


def _ascii_searched(screen: regex.Pattern | None):
    """``screen`` searched as ``_AsciiSearched`` does, when the standard ``re`` reads its pattern
    alike; None for no screen."""
    if screen is None:
        return None
    try:
        return _AsciiSearched(screen, re.compile(screen.pattern))
    except re.error:
        return screen


if compiled.walk is not None:
    compiled.walk.share_head_state(_UNASKED, _AsciiSearched)
