"""RuleSet: the packs in force for one page, indexed for fast whole-line matching."""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from functools import lru_cache

import regex

from .model import Pack, Rule

# Chrome lines are short. Longer lines are prose, and a broad rule must never eat prose that
# merely mentions "cookies" or "Quantcast", so pattern rules only look at lines up to this size.
MAX_RULE_WORDS = 40
MAX_TIMEOUTS = 3
# Rule patterns that refer to their own groups by number or name cannot be joined into one
# alternation (the numbers shift): an action with such a rule is matched rule by rule only.
_SELF_REFERENCE = regex.compile(r"\\[1-9]|\\g|\\k|\(\?P[=>]|\(\?\(|\(\?&|\(\?[+-]?\d|\(\?R\)")
_PLAIN_FLAGS = regex.compile("", regex.IGNORECASE | regex.V0).flags

log = logging.getLogger("scrubber")
_NEVER = regex.compile(r"(?!)")


class RuleSet:
    """Rules of the packs in force, grouped by the stage that applies them and by action.

    ``text`` rules are a dict lookup on the line key; ``regex`` rules run anchored to the
    whole line key with a timeout, so a slow user pattern cannot hang a job. A rule that has
    timed out MAX_TIMEOUTS times is skipped for the rest of the page (a warning is logged): a
    pattern that slow would otherwise cost a timeout on every similar line.
    """

    def __init__(self, packs, disabled=frozenset(), regex_timeout=0.05):
        self.packs: tuple[Pack, ...] = tuple(p for p in packs if p.name not in disabled)
        self.regex_timeout = regex_timeout
        self._exact = defaultdict(dict)
        self._patterns = defaultdict(list)
        self.selectors: list[Rule] = []
        self._screens: dict[tuple[str, int], object] = {}
        self._screened: dict[tuple[str, str], bool] = {}
        self._timeouts: Counter[str] = Counter()
        for pack in self.packs:
            for rule in pack.rules:
                if rule.id in disabled:
                    continue
                slot = (pack.stage, rule.action)
                if rule.text is not None:
                    self._exact[slot].setdefault(rule.text, rule)
                    self._exact[("*", rule.action)].setdefault(rule.text, rule)
                elif rule.pattern is not None:
                    self._patterns[slot].append(rule)
                    self._patterns[("*", rule.action)].append(rule)
                else:
                    self.selectors.append(rule)

    def match(self, key: str, action: str = "drop", stage: str = "*") -> Rule | None:
        """The first rule of ``stage`` (``*``: any stage) and ``action`` matching the line key."""
        slot = (stage, action)
        rule = self._exact[slot].get(key) if slot in self._exact else None
        if rule is not None:
            return rule
        patterns = self._patterns.get(slot)
        if not patterns:
            return None
        words = key.count(" ") + 1
        if words > MAX_RULE_WORDS or not self._may_match(key, action, words):
            return None
        for rule in patterns:
            if (rule.max_words is not None and words > rule.max_words) or self._timeouts[rule.id] >= MAX_TIMEOUTS:
                continue
            try:
                if rule.pattern.fullmatch(key, timeout=self.regex_timeout):
                    return rule
            except TimeoutError:
                self._timeouts[rule.id] += 1
                if self._timeouts[rule.id] == MAX_TIMEOUTS:
                    log.warning("rule %s timed out (%ss) on %d lines; skipped for the rest of this page", rule.id,
                                self.regex_timeout, MAX_TIMEOUTS)
        return None

    def _may_match(self, key: str, action: str, words: int) -> bool:
        """False when no pattern rule of ``action`` matches the line, whatever its stage.

        Every stage asks about every line, and most lines are prose that no rule matches: one
        run of all patterns joined into an alternation answers for all stages at once, and is
        remembered for the page. Rules whose ``max_words`` the line exceeds are left out of the
        alternation. A timeout or a pattern that cannot be joined means "maybe".
        """
        known = self._screened.get((action, key))
        if known is None:
            screen = self._screen(action, words)
            try:
                known = screen is None or screen.fullmatch(key, timeout=self.regex_timeout) is not None
            except TimeoutError:  # a slow pattern inside: match rule by rule, which skips it
                self._screens[(action, words)] = None
                known = True
            self._screened[(action, key)] = known
        return known

    def _screen(self, action: str, words: int):
        if (action, words) not in self._screens:
            rules = self._patterns.get(("*", action), [])
            fitting = tuple(r.pattern for r in rules if r.max_words is None or words <= r.max_words)
            self._screens[(action, words)] = _joined(fitting) if fitting else _NEVER
        return self._screens[(action, words)]

    def has(self, action: str, stage: str = "*") -> bool:
        return bool(self._exact.get((stage, action)) or self._patterns.get((stage, action)))


@lru_cache(maxsize=64)
def _joined(patterns: tuple) -> object | None:
    """All patterns as one alternation (compiled once per set of packs), or None if they cannot be joined."""
    if not patterns or any(p.flags != _PLAIN_FLAGS or _SELF_REFERENCE.search(p.pattern) for p in patterns):
        return None
    try:
        return regex.compile("|".join(f"(?:{p.pattern})" for p in patterns), _PLAIN_FLAGS)
    except regex.error:
        return None
