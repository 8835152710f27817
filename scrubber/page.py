"""Page: what a filter may know about the document besides the block it is judging."""

from __future__ import annotations

from dataclasses import dataclass, field

from .blocks import Block
from .limits import NO_DEADLINE, Deadline
from .rules import RuleSet


@dataclass
class Page:
    """The document being cleaned: its blocks, where it came from, and the rules in force.

    ``mode`` is ``"html"`` or ``"text"``. ``title`` is the page title when the source knew it
    (HTML ``<title>``/og:title) or once the title stage has found it. A stage that loops over
    the blocks calls ``deadline.check(name)`` in the loop, so a slow page stops on time.
    """

    blocks: list[Block]
    rules: RuleSet
    mode: str = "text"
    url: str | None = None
    title: str | None = None
    lang: str = "en"
    meta: dict = field(default_factory=dict)
    deadline: Deadline = NO_DEADLINE
