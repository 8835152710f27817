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


def article_spans(values: list[float], ratio: float, enough: float = float("inf")) -> list[tuple[int, int]]:
    """The best span first, then spans on either side of it whose sum is at least ``ratio``
    times the best one's, or at least ``enough``: an article cut in two by a long table, or a
    gallery, or a list of links. A long article raises the ratio's bar; a section of it that is
    itself a few paragraphs long still clears ``enough``.

    >>> article_spans([4, -9, 5, -9, 1], ratio=0.5)
    [(2, 3), (0, 1)]
    >>> article_spans([30, -50, 400, -50, 2], ratio=0.25, enough=25)
    [(2, 3), (0, 1)]
    """
    start, end = best_span(values)
    if end == start:
        return []
    floor = min(ratio * sum(values[start:end]), enough)
    spans = [(start, end)]
    pending = [(0, start), (end, len(values))]
    while pending:
        low, high = pending.pop()
        if high - low <= 0:
            continue
        s, e = best_span(values[low:high])
        if e > s and sum(values[low + s:low + e]) >= floor:
            spans.append((low + s, low + e))
            pending += [(low, low + s), (low + e, high)]
    return spans
