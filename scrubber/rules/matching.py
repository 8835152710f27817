"""RuleSet: the packs in force for one page, indexed for fast whole-line matching."""

from __future__ import annotations

import logging
from collections import Counter, defaultdict

from .model import Pack, Rule
from .screens import screens_for

# Chrome lines are short. Longer lines are prose, and a broad rule must never eat prose that
# merely mentions "cookies" or "Quantcast", so pattern rules only look at lines up to this size.
MAX_RULE_WORDS = 40
# A rule that timed out this many times is skipped for the rest of the page: a pattern that
# slow would otherwise cost a timeout on every similar line.
MAX_TIMEOUTS = 3
log = logging.getLogger("scrubber")
# Indexes of recently seen pack combinations: most pages of a job share one.
MAX_CACHED_INDEXES = 64
# Patterns are sorted by the first characters of the line they could match, so a line is
# only tried against the few patterns that can start the way it starts. The first two
# characters narrow all patterns, the first three narrow what is left of them: a new line
# start then costs a partial match of a few patterns, not of all.
SHORT_PREFIX_CHARS = 2
PREFIX_CHARS = 3
MAX_CACHED_PREFIXES = 20_000
# An action with this few patterns (most have none or one) is not worth a cache of long line starts.
FEW_PATTERNS = 2
# Built-in patterns pass the loader's backtracking check and run on every test page; on a line
# this short they finish in microseconds. The timeout costs more than such a match (``regex``
# reads the clock on each call: ~3 us against ~0.5 us for the match), so it guards user
# patterns and longer lines only.
TRUSTED_MAX_CHARS = 300


class _Index:
    """Rules grouped by (stage, action): a dict of exact line keys and a list of patterns.

    ``possible(slot, key)`` narrows a slot's patterns to those that can match a line starting
    like ``key`` (a partial match of the pattern on the first characters), remembered per
    prefix: most lines are prose, and no pattern can start like them. Each pattern comes with
    whether it is a built-in one (trusted to run without a timeout on short lines) and its
    screens (``screens.py``: characters a line must hold for the pattern to match it).
    """

    def __init__(self, packs, disabled):
        self.exact = defaultdict(dict)
        self.patterns = defaultdict(list)
        self.selectors: dict[str, list[Rule]] = defaultdict(list)  # per action
        self._entries = defaultdict(list)  # per action: (rule, trusted, screens) of every pattern
        for pack in packs:
            for rule in pack.rules:
                if rule.id in disabled:
                    continue
                slot = (pack.stage, rule.action)
                if rule.text is not None:
                    self.exact[slot].setdefault(rule.text, rule)
                    self.exact[("*", rule.action)].setdefault(rule.text, rule)
                elif rule.pattern is not None:
                    self.patterns[slot].append(rule)
                    self.patterns[("*", rule.action)].append(rule)
                    self._entries[rule.action].append((rule, pack.builtin, _screens(rule.pattern)))
                else:
                    self.selectors[rule.action].append(rule)
        self._stage_ids = {slot: frozenset(map(id, rules)) for slot, rules in self.patterns.items()}
        self._by_prefix: dict[tuple[str, str], tuple[tuple[Rule, bool, tuple], ...]] = {}

    def possible(self, slot, key: str, timeout: float) -> tuple[tuple[Rule, bool, tuple], ...]:
        # an action with few patterns keeps its cache small: its lines are narrowed by two characters
        prefix = key[:SHORT_PREFIX_CHARS if len(self._entries[slot[1]]) <= FEW_PATTERNS else PREFIX_CHARS]
        found = self._by_prefix.get((slot[1], prefix))
        if found is None:
            found = self._starting(slot[1], prefix, timeout)
        if slot[0] == "*":
            return found
        mine = self._stage_ids[slot]  # a stage's patterns are a subset of all patterns of the action
        return tuple(entry for entry in found if id(entry[0]) in mine)

    def _starting(self, action: str, prefix: str, timeout: float):
        shorter = prefix[:SHORT_PREFIX_CHARS]
        if len(prefix) > len(shorter):
            base = self._by_prefix.get((action, shorter))
            if base is None:
                base = self._starting(action, shorter, timeout)
        else:
            base = self._entries[action]
        found = tuple(entry for entry in base if _may_start(entry[0], entry[1], prefix, timeout))
        if len(self._by_prefix) >= MAX_CACHED_PREFIXES:
            self._by_prefix.clear()
        self._by_prefix[(action, prefix)] = found
        return found


# Whether a built-in pattern can start like a prefix, shared by the indexes of all pack
# combinations: pages differ in their scoped packs, not in the line starts they show.
_STARTS: dict[tuple, bool] = {}
MAX_CACHED_STARTS = 100_000


def _may_start(rule: Rule, trusted: bool, prefix: str, timeout: float) -> bool:
    if trusted:
        asked = (rule.pattern, prefix)  # the pattern object is the key: no other can take its id
        known = _STARTS.get(asked)
        if known is None:
            if len(_STARTS) >= MAX_CACHED_STARTS:
                _STARTS.clear()
            known = _STARTS[asked] = rule.pattern.fullmatch(prefix, partial=True) is not None
        return known
    try:
        return rule.pattern.fullmatch(prefix, partial=True, timeout=timeout) is not None
    except TimeoutError:
        return True


_SCREENS: dict[tuple, tuple] = {}
MAX_CACHED_SCREENS = 10_000


def _screens(pattern) -> tuple:
    """The pattern's screens, found once per pattern text: pack combinations, and user packs
    loaded again for each document, share their patterns."""
    asked = (pattern.pattern, pattern.flags)
    found = _SCREENS.get(asked)
    if found is None:
        if len(_SCREENS) >= MAX_CACHED_SCREENS:
            _SCREENS.clear()
        found = _SCREENS[asked] = screens_for(pattern)
    return found


def _passes(screens, key: str) -> bool:
    for screen in screens:
        if screen.search(key) is None:
            return False
    return True


_UNASKED = object()
_INDEXES: dict[tuple, tuple[tuple[Pack, ...], _Index]] = {}


def _index_for(packs: tuple[Pack, ...], disabled) -> _Index:
    key = (tuple(map(id, packs)), frozenset(disabled))
    cached = _INDEXES.get(key)
    if cached is None:
        if len(_INDEXES) >= MAX_CACHED_INDEXES:
            _INDEXES.clear()
        # the packs are kept with the index so that their ids cannot be reused by other packs
        cached = _INDEXES[key] = (packs, _Index(packs, disabled))
    return cached[1]


class RuleSet:
    """Rules of the packs in force, grouped by the stage that applies them and by action.

    ``text`` rules are a dict lookup on the line key; ``regex`` rules run anchored to the
    whole line key with a timeout, so a slow user pattern cannot hang a job; a rule that has
    timed out MAX_TIMEOUTS times is skipped for the rest of the page (with a logged warning).

    >>> from scrubber.rules import builtin_packs
    >>> rules = RuleSet(builtin_packs())
    >>> rules.match("top of page").id
    'page_anchors/top-of-page'
    >>> rules.match("we read the top of page one aloud") is None
    True
    """

    def __init__(self, packs, disabled=frozenset(), regex_timeout=0.05):
        self.packs: tuple[Pack, ...] = tuple(p for p in packs if p.name not in disabled)
        self.regex_timeout = regex_timeout
        self._index = _index_for(self.packs, disabled)
        # HTML elements to remove first, and elements that hold the article (``[[keep]]``).
        self.selectors = self._index.selectors["drop"]
        self.article_selectors = self._index.selectors["keep"]
        self._timeouts: Counter[str] = Counter()
        # One answer per line, stage and action for the whole page: stages ask again about the
        # same lines, and a rule skipped after its timeouts must not change an answer given.
        self._answers: dict[tuple[str, str, str], Rule | None] = {}

    def match(self, key: str, action: str = "drop", stage: str = "*") -> Rule | None:
        """The first rule of ``stage`` (``*``: any stage) and ``action`` matching the line key."""
        asked = (key, action, stage)
        rule = self._answers.get(asked, _UNASKED)
        if rule is _UNASKED:
            rule = self._answers[asked] = self._first_match(key, action, stage)
        return rule

    def _first_match(self, key: str, action: str, stage: str) -> Rule | None:
        index = self._index
        slot = (stage, action)
        exact = index.exact.get(slot)
        if exact:
            rule = exact.get(key)
            if rule is not None:
                return rule
        patterns = index.patterns.get(slot)
        if not patterns:
            return None
        words = key.count(" ") + 1
        if words > MAX_RULE_WORDS:
            return None
        short = len(key) <= TRUSTED_MAX_CHARS
        timeouts = self._timeouts
        for rule, trusted, screens in index.possible(slot, key, self.regex_timeout):
            if (rule.max_words is not None and words > rule.max_words) or (timeouts and timeouts[rule.id] >= MAX_TIMEOUTS):
                continue
            if screens and not _passes(screens, key):
                continue
            if trusted and short:
                if rule.pattern.fullmatch(key):
                    return rule
                continue
            try:
                if rule.pattern.fullmatch(key, timeout=self.regex_timeout):
                    return rule
            except TimeoutError:
                self._timeouts[rule.id] += 1
                if self._timeouts[rule.id] == MAX_TIMEOUTS:
                    log.warning("rule %s timed out (%ss) on %d lines; skipped for the rest of this page",
                                rule.id, self.regex_timeout, MAX_TIMEOUTS)
        return None

    def has(self, action: str, stage: str = "*") -> bool:
        index = self._index
        return bool(index.exact.get((stage, action)) or index.patterns.get((stage, action)))
