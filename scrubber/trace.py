"""What was removed, by which rule, and why: the explanation half of clean_and_explain()."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Removal:
    """One removed piece of text.

    ``rule`` is ``<pack or scorer>/<id>`` (for example ``trackers/quantcast`` or
    ``score/link-list``); ``stage`` names the pipeline stage (a filter name, ``scoring``,
    ``normalise``...).
    """

    text: str
    rule: str
    stage: str
    reason: str = ""
    index: int = -1


@dataclass(slots=True)
class Trace:
    """Every removal of one document, in the order they happened."""

    removals: list[Removal] = field(default_factory=list)

    def add(self, removal: Removal) -> None:
        self.removals.append(removal)

    def counts(self) -> Counter:
        """How many pieces each rule removed.

        >>> t = Trace()
        >>> t.add(Removal("Quantcast", "trackers/quantcast", "trackers"))
        >>> t.counts()
        Counter({'trackers/quantcast': 1})
        """
        return Counter(r.rule for r in self.removals)

    def __iter__(self):
        return iter(self.removals)

    def __len__(self):
        return len(self.removals)
