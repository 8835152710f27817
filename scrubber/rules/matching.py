"""RuleSet: the packs in force for one page, indexed for fast whole-line matching."""

from __future__ import annotations

from collections import defaultdict

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
        for rule in patterns:
            if rule.max_words is not None and words > rule.max_words:
                continue
            try:
                if rule.pattern.fullmatch(key, timeout=self.regex_timeout):
                    return rule
            except TimeoutError:
                continue
        return None

    def has(self, action: str, stage: str = "*") -> bool:
        return bool(self._exact.get((stage, action)) or self._patterns.get((stage, action)))
