"""RuleSet: the packs in force for one page, indexed for fast whole-line matching."""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

import regex

from .model import Pack, Rule

# Chrome lines are short. Longer lines are prose, and a broad rule must never eat prose that
# merely mentions "cookies" or "Quantcast", so pattern rules only look at lines up to this size.
MAX_RULE_WORDS = 40


class RuleSet:
    """Rules of the packs in force, grouped by the stage that applies them and by action.

    ``text`` rules are a dict lookup on the line key; ``regex`` rules run anchored to the
    whole line key with a timeout, so a slow user pattern cannot hang a job.
    """

    def __init__(self, packs, disabled=frozenset(), regex_timeout=0.05):
        self.packs: tuple[Pack, ...] = tuple(p for p in packs if p.name not in disabled)
        self.regex_timeout = regex_timeout
        self._exact = defaultdict(dict)
        self._patterns = defaultdict(list)
        self.selectors: list[Rule] = []
        self._joined: dict = {}
        self._any_stage: dict = {}
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
        if words > MAX_RULE_WORDS:
            return None
        if stage != "*" and not self._any_stage_may_match(key, action):
            return None
        if slot not in self._joined:
            self._joined[slot] = _combined(tuple(r.pattern for r in patterns))
        if not _any_may_match(self._joined[slot], key, self.regex_timeout):
            return None
        for rule in patterns:
            if rule.max_words is not None and words > rule.max_words:
                continue
            try:
                if rule.pattern.fullmatch(key, timeout=self.regex_timeout):
                    return rule
            except TimeoutError:
                continue
        return None

    def _any_stage_may_match(self, key: str, action: str) -> bool:
        # Every filter asks about every line: one joined check of all stages' patterns per
        # line, remembered, spares the other filters their regex calls.
        remembered = self._any_stage.get((key, action))
        if remembered is None:
            slot = ("*", action)
            if slot not in self._joined:
                self._joined[slot] = _combined(tuple(r.pattern for r in self._patterns.get(slot, ())))
            remembered = _any_may_match(self._joined[slot], key, self.regex_timeout)
            self._any_stage[(key, action)] = remembered
        return remembered

    def has(self, action: str, stage: str = "*") -> bool:
        return bool(self._exact.get((stage, action)) or self._patterns.get((stage, action)))


def _any_may_match(combined, key, timeout) -> bool:
    """One pass of all patterns of a slot joined as alternatives: most lines match none, and
    one regex call is much cheaper than one per rule. True when in doubt."""
    if combined is None:
        return True
    try:
        return combined.fullmatch(key, timeout=timeout) is not None
    except TimeoutError:
        return True


@lru_cache(maxsize=256)
def _combined(patterns):
    sources = []
    for pattern in patterns:
        source = getattr(pattern, "pattern", None)
        # Back-references would point at the wrong group once patterns are joined.
        if not isinstance(source, str) or regex.search(r"\\\d|\(\?P=|\(\?[a-zA-Z]+\)", source):
            return None
        if pattern.flags & ~(regex.IGNORECASE | regex.V0 | regex.UNICODE) & 0xFFFF:
            return None
        sources.append(f"(?:{source})")
    try:
        return regex.compile("|".join(sources), regex.IGNORECASE | regex.V0)
    except regex.error:
        return None
