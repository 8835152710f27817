"""Filter: the base of every chrome filter. A filter only drops blocks; it never rewrites text."""

from __future__ import annotations

from typing import Iterable, NamedTuple

from ..blocks import Block
from ..page import Page


class Drop(NamedTuple):
    """A filter's verdict on one block: drop it, because of ``rule`` (``pack/id``), with a reason.
    (A named tuple: the scorer makes one for most lines of a text dump, and a frozen dataclass
    costs twice as much to build.)"""

    index: int
    rule: str
    reason: str = ""


class Filter:
    """One kind of chrome. Subclasses set ``name`` and implement ``decide`` or ``select``.

    ``decide(block, page)`` judges one block at a time and returns a ``(rule, reason)`` pair to
    drop it or None to keep it. Filters that need the whole page (a marker after which the
    article has ended, a line repeating the title) override ``select`` instead.
    """

    name = "filter"

    def decide(self, block: Block, page: Page):  # pragma: no cover - overridden
        return None

    def select(self, blocks: list[Block], page: Page) -> Iterable[Drop]:
        for position, block in enumerate(blocks):
            page.deadline.check(self.name)
            verdict = self.decide(block, page)
            if verdict is not None:
                rule, reason = verdict
                yield Drop(position, rule, reason)


class RuleFilter(Filter):
    """A filter driven by its rule pack: drops every block whose whole text a ``drop`` rule matches.

    The pack is the built-in file ``scrubber/rules/packs/<name>.toml``; rules of user packs
    whose ``[pack] stage`` names this filter join it.
    """

    def decide(self, block, page):
        rule = page.rules.match(block.key(), "drop", self.name)
        if rule is None:
            return None
        return rule.id, self.reason(rule)

    def reason(self, rule) -> str:
        """Why a line this filter's ``rule`` matches is dropped (the pipeline, judging rule
        filters together, asks this too)."""
        return rule.note or f"whole line matches a {self.name} rule"


def rule_filter(name: str, doc: str) -> type[RuleFilter]:
    """Make a RuleFilter subclass for one concern; its docstring documents what it removes."""
    return type(name.title().replace("_", ""), (RuleFilter,), {"name": name, "__doc__": doc})
