"""Summary: the closing report of a batch job (documents, errors, speed, top removal rules)."""

from __future__ import annotations

import time
from collections import Counter

from .documents import BatchResult


class Summary:
    """Running totals over a job's results, and the report printed when it ends.

    >>> s = Summary(started=0.0)
    >>> s.add(BatchResult("a", None, text="x", counts={"trackers/quantcast": 2}, size=2_000_000))
    >>> s.add(BatchResult("b", None, error="ValueError: bad", size=0))
    >>> print(s.report(now=2.0))
    2 documents, 1 errors in 2.0 s: 1.0 pages/s, 1.00 MB/s
    most frequent removals: trackers/quantcast 2
    """

    def __init__(self, started: float | None = None, top: int = 8):
        self.started = time.monotonic() if started is None else started
        self.documents = 0
        self.errors = 0
        self.bytes = 0
        self.skipped = 0
        self.removals: Counter = Counter()
        self.top = top

    def add(self, result: BatchResult) -> None:
        self.documents += 1
        self.errors += result.error is not None
        self.bytes += result.size
        self.removals.update(result.counts)

    def report(self, now: float | None = None) -> str:
        elapsed = max((time.monotonic() if now is None else now) - self.started, 1e-9)
        lines = [f"{self.documents} documents, {self.errors} errors in {elapsed:.1f} s: "
                 f"{self.documents / elapsed:.1f} pages/s, {self.bytes / 1e6 / elapsed:.2f} MB/s"]
        if self.skipped:
            lines.append(f"{self.skipped} documents skipped (already in the output)")
        if self.removals:
            top = ", ".join(f"{rule} {count}" for rule, count in self.removals.most_common(self.top))
            lines.append(f"most frequent removals: {top}")
        return "\n".join(lines)
