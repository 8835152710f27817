"""The article region: the stretch of blocks where prose outweighs chrome.

Like the Body Text Extraction idea (Finn et al.), applied to blocks: each block has a value,
positive for prose and negative for chrome, and the article is the contiguous span with the
largest sum. Short lines inside the article (a heading, a dateline, a line of code) cost a
little, so they are bridged when prose follows; a long menu or a comment form costs more than
a short paragraph after it brings back, so it ends the span.
"""

from __future__ import annotations


def best_span(values: list[float]) -> tuple[int, int]:
    """``(start, end)`` (end exclusive) of the contiguous span with the largest sum; ``(0, 0)``
    when no value is positive.

    >>> best_span([-2, -1, 5, -1, 3, -4, 1])
    (2, 5)
    >>> best_span([-1, -2])
    (0, 0)
    """
    best, best_start, best_end = 0.0, 0, 0
    running, start = 0.0, 0
    for position, value in enumerate(values):
        if running <= 0:
            running, start = value, position
        else:
            running += value
        if running > best:
            best, best_start, best_end = running, start, position + 1
    return best_start, best_end
