"""Limits of one cleaning run: the input size and the time budget, each with its typed error.

A job that feeds scrubber whatever the web returns needs a bad page to fail fast and
identifiably, not to exhaust memory or stall a worker.
"""

from __future__ import annotations

import time

from .errors import BudgetExceededError, InputTooLargeError


def check_size(doc, limit: int | None) -> None:
    """Raise ``InputTooLargeError`` when ``doc`` (bytes, or str measured as UTF-8) is over ``limit`` bytes.

    >>> check_size("café", 5)
    >>> check_size("café", 4)
    Traceback (most recent call last):
    ...
    scrubber.errors.InputTooLargeError: document of 5 bytes is larger than max_input_bytes=4
    """
    if limit is None:
        return
    size = len(doc)
    # A str takes 1 to 4 bytes per character in UTF-8: encode only when the answer depends on it.
    if isinstance(doc, str) and size <= limit < 4 * size:
        size = len(doc.encode("utf-8", "surrogatepass"))
    if size > limit:
        raise InputTooLargeError(f"document of {size} bytes is larger than max_input_bytes={limit}")


class Deadline:
    """The moment a run's time budget runs out; ``check()`` raises ``BudgetExceededError`` after it.

    A check is one clock read, cheap enough for the per-block loops of every stage, so a slow
    stage is stopped within one block of the budget rather than when it finally returns.

    >>> Deadline(None).check("scoring")
    >>> Deadline(-1.0).check("scoring")
    Traceback (most recent call last):
    ...
    scrubber.errors.BudgetExceededError: cleaning took longer than time_budget=-1.0s (stopped in scoring)
    """

    __slots__ = ("budget", "ends")

    def __init__(self, budget: float | None):
        self.budget = budget
        self.ends = None if budget is None else time.monotonic() + budget

    def check(self, stage: str = "") -> None:
        if self.ends is not None and time.monotonic() > self.ends:
            where = f" (stopped in {stage})" if stage else ""
            raise BudgetExceededError(f"cleaning took longer than time_budget={self.budget}s{where}")


NO_DEADLINE = Deadline(None)
