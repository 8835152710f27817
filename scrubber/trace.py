"""What was removed, by which rule, and why: the explanation half of clean_and_explain()."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import chain, starmap


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


class Trace:
    """Every removal of one document, in the order they happened.

    The pipeline notes most removals as the fields of a ``Removal`` and the records are built
    when ``removals`` is first read: ``clean()`` reads none, and a frozen record costs several
    attribute stores to build, for most lines of a text dump.

    >>> t = Trace()
    >>> t.add(Removal("Quantcast", "trackers/quantcast", "trackers"))
    >>> t.note("Home", "navigation/home", "navigation", "a menu", 4)
    >>> len(t), list(t.marks())
    (2, [('trackers/quantcast', -1), ('navigation/home', 4)])
    >>> t.removals[1]
    Removal(text='Home', rule='navigation/home', stage='navigation', reason='a menu', index=4)
    """

    __slots__ = ("_removals", "_noted")
    __match_args__ = ("removals",)
    __hash__ = None  # mutable, as the dataclass it replaces was

    def __init__(self, removals: list[Removal] | None = None):
        self._removals = [] if removals is None else removals
        self._noted: list[tuple] = []  # the fields of the removals after ``_removals``, in order

    @property
    def removals(self) -> list[Removal]:
        """The records, in order (one list: additions made after reading it show in it)."""
        if self._noted:
            self._build()
        return self._removals

    def _build(self):
        self._removals.extend(starmap(Removal, self._noted))
        self._noted.clear()

    def add(self, removal: Removal) -> None:
        if self._noted:  # those noted before it go first
            self._build()
        self._removals.append(removal)

    def note(self, text: str, rule: str, stage: str, reason: str, index: int) -> None:
        """Add ``Removal(text, rule, stage, reason, index)``, built when it is read."""
        self._noted.append((text, rule, stage, reason, index))

    def note_each(self, fields) -> None:
        """``note(*f)`` of each ``f`` in ``fields``, in order."""
        self._noted.extend(fields)

    def marks(self):
        """``(rule, index)`` of every removal in order, read without building the records."""
        return chain(((r.rule, r.index) for r in self._removals), ((n[1], n[4]) for n in self._noted))

    def counts(self) -> Counter:
        """How many pieces each rule removed.

        >>> t = Trace()
        >>> t.add(Removal("Quantcast", "trackers/quantcast", "trackers"))
        >>> t.counts()
        Counter({'trackers/quantcast': 1})
        """
        return Counter(rule for rule, _ in self.marks())

    def __iter__(self):
        return iter(self.removals)

    def __len__(self):
        return len(self._removals) + len(self._noted)

    def __eq__(self, other):
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self.removals == other.removals

    def __repr__(self):
        return f"{type(self).__name__}(removals={self.removals!r})"
