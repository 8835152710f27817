"""The article region: the stretch of blocks where prose outweighs chrome.

Like the Body Text Extraction idea (Finn et al.), applied to blocks: each block has a value,
positive for prose and negative for chrome, and the article is the contiguous span with the
largest sum. Short lines inside the article (a heading, a dateline, a line of code) cost a
little, so they are bridged when prose follows; a long menu or a comment form costs more than
a short paragraph after it brings back, so it ends the span. Where the pipeline knows the
page's layout (the title's line, a list header the rules dropped) the span starts below the
title and pays for crossing into a list.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from ..source.html import compiled

# What a dropped list header ("Related posts", "12 comments") costs the line after it ...
LIST_HEAD_COST = 100.0
# ... and the piece after it on a page flattened onto one line, where each teaser's headline
# runs into its summary and reads as one more sentence.
FLAT_LIST_HEAD_COST = 300.0
MIN_PROSE_BEFORE_HEAD = 40.0
# The share of the article span that may stand above the title and still be cut off.
MAX_ABOVE_TITLE = 0.25


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


def article_spans(values: list[float], ratio: float, enough: float = float("inf"),
                  ratio_below: float | None = None) -> list[tuple[int, int]]:
    """The best span first, then spans on either side of it whose sum is at least ``ratio``
    times the best one's, or at least ``enough``: an article cut in two by a long table, or a
    gallery, or a list of links. A long article raises the ratio's bar; a section of it that is
    itself a few paragraphs long still clears ``enough``. ``ratio_below``, when given, is the
    only bar for spans below the best one: on a flattened page what follows the article's
    main stretch is mostly the teaser stream, the newsletter box and the comments.

    >>> article_spans([4, -9, 5, -9, 1], ratio=0.5)
    [(2, 3), (0, 1)]
    >>> article_spans([30, -50, 400, -50, 2], ratio=0.25, enough=25)
    [(2, 3), (0, 1)]
    >>> article_spans([30, -50, 100, -50, 30], ratio=0.25, ratio_below=0.5)
    [(2, 3), (0, 1)]
    """
    start, end = _best_span(values, 0, len(values))
    if end == start:
        return []
    floor = min(ratio * sum(values[start:end]), enough)
    floor_below = floor if ratio_below is None else ratio_below * sum(values[start:end])
    spans = [(start, end)]
    pending = [(0, start), (end, len(values))]
    while pending:
        low, high = pending.pop()
        if high - low <= 0:
            continue
        s, e = _best_span(values, low, high)
        if e > s and sum(values[low + s:low + e]) >= (floor_below if low >= end else floor):
            spans.append((low + s, low + e))
            pending += [(low, low + s), (low + e, high)]
    return spans


def _best_span(values, low, high) -> tuple[int, int]:
    """``best_span(values[low:high])``: in C where the compiled walks are built, since every
    value of a page is summed, and most of them again in the searches on either side."""
    if compiled.walk is not None:
        return compiled.walk.best_span(values, low, high)
    return best_span(values[low:high])


def surely_spanned(lower_bounds, enough: float) -> bool:
    """Whether ``article_spans(values, ratio, enough)`` (without ``ratio_below``) is sure to
    return a span covering a position ``q``, told from ``lower_bounds``: lower bounds of
    ``values[q]``, ``values[q - 1]``, ... (going back from ``q``, read only as far as needed).
    True when for some ``p <= q`` every sum of the bounds of ``p..q`` ending at ``q`` is
    positive and the sum from ``p`` reaches ``enough``; whatever the values elsewhere.

    Why: the stretch ``p..q`` then has every suffix sum ``values[j:q + 1]`` positive and a
    total of at least ``enough``. Every region ``article_spans`` searches that holds the stretch
    has a best span whose sum is at least the stretch's, so at least its floor (``min(ratio *
    best, enough)``), which is kept. That span covers ``q``, or lies wholly after ``q``, or ends
    at or before ``p``: ending inside ``p + 1..q`` it would gain the positive sum from its end
    to ``q + 1``, and no best span can be made larger. In the last two cases the region left
    on ``q``'s side still holds the stretch and is smaller, so the search ends with a span
    covering ``q``.

    >>> surely_spanned([60.0, -20.0, 70.0], enough=100.0), surely_spanned([-5.0, 200.0], enough=100.0)
    (True, False)
    >>> article_spans([300.0, -250.0, 70.0, -20.0, 60.0], ratio=0.25, enough=100.0)  # covers the last
    [(0, 1), (2, 5)]
    """
    total = 0.0
    for bound in lower_bounds:
        total += bound
        if total <= 0.0:
            return False
        if total >= enough:
            return True
    return False


def charge_list_heads(values, blocks, heads):
    """Charge the line after each header the rules dropped ("Related posts", "3 comments")
    with the header's cost: the rules took the header away, not the fact that a list of
    teasers or comments starts there. Prose after it must outweigh a hundred words to join
    the article, three hundred on a flattened page.

    >>> from scrubber.blocks import Block
    >>> values = [50.0, 20.0, 20.0]
    >>> charge_list_heads(values, [Block("a", index=0), Block("b", index=2), Block("c", index=3)], heads=[1, -1])
    >>> values
    [50.0, -80.0, 20.0]
    """
    if not heads:
        return
    costs = list(list_head_costs(blocks, heads))
    if compiled.walk is not None:  # summed in C up to the last head only
        before = compiled.walk.prose_before(values, [position for position, _ in costs])
    else:  # max(v, 0.0) as the comparison it makes, without a builtin call for every block
        prose = list(accumulate((v if v >= 0.0 else 0.0 for v in values), initial=0.0))
        before = [prose[position] for position, _ in costs]
    for (position, cost), prose_above in zip(costs, before):
        # A "Leave a comment" link beside the byline heads no list: prose must come first.
        if prose_above >= MIN_PROSE_BEFORE_HEAD:
            values[position] -= cost


def list_head_costs(blocks, heads):
    """``(position, cost)`` for each header the rules dropped (``heads``: line indexes): the
    first of ``blocks`` after it, and what crossing into its list costs there.

    >>> from scrubber.blocks import Block
    >>> list(list_head_costs([Block("a", index=0), Block("b", index=2), Block("c", index=3, line=0)], heads=[1, 2, 5]))
    [(1, 100.0), (2, 300.0)]
    """
    indexes = [b.index for b in blocks]
    for head in heads:
        position = bisect_right(indexes, head)
        if position < len(blocks):
            yield position, FLAT_LIST_HEAD_COST if blocks[position].line is not None else LIST_HEAD_COST


def start_below_title(start, end, values, blocks, title_at):
    """Where the article starts when the title line stands inside its span: below the title.
    What the span holds above it is the site's name and tagline or a kicker that read as
    prose. Only when that is the lesser part of the span (a title repeated further down, in a
    caption or a share line, does not move the start), and only in a dump of lines: the title
    guessed from a flattened page is less sure than its line of text.

    >>> from scrubber.blocks import Block
    >>> lines = [Block(t, index=i) for i, t in enumerate(["Notes from the ridge.", "one", "two", "three"])]
    >>> start_below_title(0, 4, [6.0, 9.0, 9.0, 9.0], lines, title_at=[0.5])
    1
    >>> start_below_title(0, 4, [20.0, 9.0, 9.0, 9.0], lines, title_at=[0.5])
    0
    """
    first = min(title_at, default=None)
    if first is None:
        return start
    for position in range(start, end - 1):
        if blocks[position].line is not None:
            return start
        if blocks[position].index < first < blocks[position + 1].index or blocks[position].index == first:
            above = sum(values[start:position + 1])
            return position + 1 if above < MAX_ABOVE_TITLE * sum(values[start:end]) else start
    return start
