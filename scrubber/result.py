"""Cleaned: the rich result of clean_and_explain()."""

from __future__ import annotations

from dataclasses import dataclass, field

from .blocks import Block
from .trace import Removal, Trace


@dataclass
class Cleaned:
    """The article as text and as blocks, its title, and the trace of what was removed.

    ``blocks`` include the title block (kind ``title``) when there is one, whatever
    ``include_title`` says; ``text`` follows ``include_title``.
    """

    text: str
    title: str | None
    blocks: list[Block]
    trace: Trace = field(default_factory=Trace)
    mode: str = "text"
    lang: str = "en"
    url: str | None = None

    @property
    def removed(self) -> list[Removal]:
        return self.trace.removals

    def counts(self):
        """Removed pieces per rule id (a ``collections.Counter``)."""
        return self.trace.counts()

    def as_dict(self) -> dict:
        """A JSON-ready view, as the CLI's ``--format json`` prints it."""
        return {
            "url": self.url,
            "title": self.title,
            "mode": self.mode,
            "lang": self.lang,
            "text": self.text,
            "blocks": [{"kind": b.kind, "text": b.text, **({"level": b.level} if b.level else {})} for b in self.blocks],
            "removed": [{"text": r.text, "rule": r.rule, "stage": r.stage, "reason": r.reason} for r in self.removed],
            "counts": dict(self.counts()),
        }
