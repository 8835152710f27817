"""Which of several stages, asked in turn, a line's first matching rule belongs to, read from
the answer of the slot of all stages (``RuleSet.first_of_stages`` asks this).

A stage's rules are some of the rules of all stages, in the same order. When the first rule of
all stages matching a line is a pattern, no text rule matches the line, nor any pattern before
that one: the stages before the one holding that rule can only match the line with a pattern
after it. Asked together, those stages are one slot (``StagePlan.before``): one search for a
line, not one per stage -- and that search finds nothing for most lines.
"""

from __future__ import annotations

from .model import Rule
from .slots import Slot

# Plans of recently seen slots and stage lists: most pages of a job share one pack combination.
MAX_CACHED_PLANS = 64


class StagePlan:
    """The stages of one list, in order, for the slot of all stages of one action (``whole``).

    ``order``: each rule id with the place of the first stage holding it; ``before[o]``: a slot
    of the patterns of the stages before place ``o`` (``o`` up to the number of stages: a rule
    of none of them), None where they have none; ``verdicts``: the answer of each short line
    (``RuleSet.first_of_stages``) remembered across pages, as ``Slot.answers`` keeps a slot's.
    """

    __slots__ = ("order", "before", "verdicts")

    def __init__(self, whole: Slot, stages: list[Slot | None]):
        self.order: dict[int, int] = {}
        for place, slot in enumerate(stages):
            for member in () if slot is None else slot.members:
                self.order.setdefault(member, place)
        self.before: list[Slot | None] = []
        members: set[int] = set()
        for place in range(len(stages) + 1):
            self.before.append(_slot_of(whole, members) if members else None)
            slot = stages[place] if place < len(stages) else None
            if slot is not None:
                members = members | {id(entry[0]) for entry in slot.entries}
        self.verdicts: dict[str, tuple[int, Rule] | None] = {}


def _slot_of(whole: Slot, members: set[int]) -> Slot | None:
    """A slot of the patterns of ``whole`` whose rules are ``members``, narrowed as a stage's
    slot is (by what ``whole`` found for a line's start); None when there are none. It holds
    no text rules: it is asked only about lines whose first rule of all stages is a pattern."""
    slot = Slot()
    slot.whole = whole
    slot.members = members
    slot.entries = [entry for entry in whole.entries if id(entry[0]) in members]
    if not slot.entries:
        return None
    slot.most_words = max(entry[4] for entry in slot.entries)
    slot.prefix_chars = whole.prefix_chars
    slot.trusted = whole.trusted
    return slot


_PLANS: dict[tuple, StagePlan] = {}


def plan_for(whole: Slot, names: tuple[str, ...], stages: list[Slot | None]) -> StagePlan:
    """The plan of the stages ``names`` (their slots ``stages``), kept across pages.

    >>> from scrubber.rules import RuleSet, builtin_packs
    >>> rules = RuleSet(builtin_packs())
    >>> names = ("trackers", "page_anchors")
    >>> plan = plan_for(rules._slots[("*", "drop")], names, [rules._slots[(n, "drop")] for n in names])
    >>> plan.order[id(rules.match("top of page"))], plan.before[0], plan.before[1] is not None
    (1, None, True)
    """
    key = (whole, names)  # the slot itself, not its id: kept alive, its id is not reused
    plan = _PLANS.get(key)
    if plan is None:
        if len(_PLANS) >= MAX_CACHED_PLANS:
            _PLANS.clear()
        plan = _PLANS[key] = StagePlan(whole, stages)
    return plan
