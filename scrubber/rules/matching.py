"""RuleSet: the packs in force for one page, indexed for fast whole-line matching."""

from __future__ import annotations

import logging
from collections import Counter, defaultdict

import regex

from .model import Pack, Rule

# Chrome lines are short. Longer lines are prose, and a broad rule must never eat prose that
# merely mentions "cookies" or "Quantcast", so pattern rules only look at lines up to this size.
MAX_RULE_WORDS = 40
# A rule that timed out this many times is skipped for the rest of the page: a pattern that
# slow would otherwise cost a timeout on every similar line.
MAX_TIMEOUTS = 3
log = logging.getLogger("scrubber")
# Indexes of recently seen pack combinations: most pages of a job share one.
MAX_CACHED_INDEXES = 64
# Group references and named groups change meaning once patterns are joined into one.
_NOT_JOINABLE = regex.compile(r"\\[1-9g]|\(\?P?[<=]|\(\?[a-zA-Z]")


class _Index:
    """Rules grouped by (stage, action): a dict of exact line keys and a list of patterns,
    plus, per action, all patterns joined into one alternation: a line it does not match
    is matched by no pattern of any stage, so most lines cost one regex call in all."""

    def __init__(self, packs, disabled):
        self.exact = defaultdict(dict)
        self.patterns = defaultdict(list)
        self.selectors: list[Rule] = []
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
                else:
                    self.selectors.append(rule)
        self.joined = {}
        left_out = {}
        for (stage, action), rules in self.patterns.items():
            if stage == "*":
                self.joined[action], left_out[action] = _join(rules)
        # per slot, the patterns to try even when the joined pattern rules the line out
        self.unjoined = {slot: [r for r in rules if r.id in left_out[slot[1]]] for slot, rules in self.patterns.items()}


def _join(rules):
    """One pattern matching every line that one of ``rules`` might match, and the ids of the
    rules left out of it (checked one by one)."""
    joinable = [r for r in rules if not _NOT_JOINABLE.search(r.pattern.pattern)]
    left_out = frozenset(r.id for r in rules if r not in joinable)
    if not joinable:
        return None, left_out
    source = "|".join(f"(?:{r.pattern.pattern})" for r in joinable)
    try:
        return regex.compile(source, regex.IGNORECASE | regex.V0), left_out
    except regex.error:
        return None, frozenset(r.id for r in rules)


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
        self.selectors = self._index.selectors
        self._possible: dict[tuple[str, str], bool] = {}
        self._timeouts: Counter[str] = Counter()
        self._joined_too_slow = False

    def match(self, key: str, action: str = "drop", stage: str = "*") -> Rule | None:
        """The first rule of ``stage`` (``*``: any stage) and ``action`` matching the line key."""
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
        if not self._possibly(key, action):
            patterns = index.unjoined[slot]
        for rule in patterns:
            if (rule.max_words is not None and words > rule.max_words) or self._timeouts[rule.id] >= MAX_TIMEOUTS:
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

    def _possibly(self, key: str, action: str) -> bool:
        """Whether some pattern of ``action`` may match: False rules out every joined pattern."""
        known = self._possible.get((key, action))
        if known is None:
            joined = self._index.joined.get(action)
            if self._joined_too_slow:
                known = True
            else:
                try:
                    known = joined is not None and joined.fullmatch(key, timeout=self.regex_timeout) is not None
                except TimeoutError:  # a slow pattern inside: match rule by rule, which caps it
                    self._joined_too_slow = known = True
            self._possible[(key, action)] = known
        return known

    def has(self, action: str, stage: str = "*") -> bool:
        index = self._index
        return bool(index.exact.get((stage, action)) or index.patterns.get((stage, action)))
