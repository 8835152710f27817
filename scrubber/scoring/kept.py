"""What the content scorer is sure to keep, told from the last blocks of a page alone.

The HTML scorer asks the text scorer only where an article ends, and scoring every block of a
long article for that is the dearer part of HTML scoring. Each block's region value lies above
a bound read from its own text, whatever the rest of the page holds; where the bounds of the
last blocks add up to a paragraph or two of prose (``region.surely_spanned``), the article
reaches them, and the rest of the page need not be scored.
"""

from __future__ import annotations

import itertools
from bisect import bisect_right

from ..data import stopwords
from .classifier import (FULL_STOPLIST, MIN_TEMPLATE_COPIES, PROSE_CAPITALS_MAX, SECOND_SPAN_ENOUGH, TITLE_CASE_MARGIN,
                         TITLE_CASE_SHARE, _label, _value)
from .features import page_features
from .region import FLAT_LIST_HEAD_COST, LIST_HEAD_COST, surely_spanned
from .structure import is_token

# The lowest and highest bar a page's capitalised words can set for a heading (``classify``:
# ``max(TITLE_CASE_SHARE, TITLE_CASE_MARGIN + prose capitals)``, the capitals at most PROSE_CAPITALS_MAX).
TITLE_CASE_BARS = (TITLE_CASE_SHARE, TITLE_CASE_MARGIN + PROSE_CAPITALS_MAX)
# Blocks scored at once going back from the end (then twice as many): articles end in prose.
FIRST_READ = 4


def surely_keeps(blocks, page, ends, counts: list[int]) -> bool:
    """Whether ``ContentScorer().select(blocks, page)`` is sure to keep one of the blocks at
    ``ends`` (consecutive positions from the last back), told from at most half of ``blocks``
    (``counts``: their ``copies``). A sufficient test: False may mean "not known".

    ``select`` keeps a block that a span of ``article_spans`` covers, unless that span is cut
    off: ``start_below_title`` moves the first span's start below the title (only up to a block
    after the title's index), a later span is dropped below a comment list's head or when a
    repeated label runs through it (``_listed``), and ``_trim_pieces`` trims pieces of a
    flattened line. Each is ruled out here from the page's metadata and repeats, before any
    block's bound is trusted.

    >>> from scrubber.blocks import Block
    >>> from scrubber.page import Page
    >>> prose = "The council said that the new bridge over the river would open in the spring of next year."
    >>> blocks = [Block("Home", index=0), *(Block(prose.replace("new", f"new {i}"), index=i) for i in range(1, 21))]
    >>> surely_keeps(blocks, Page(blocks, None), [20], [1] * 21), surely_keeps(blocks[:7], Page(blocks[:7], None), [6], [1] * 7)
    (True, False)
    """
    # where a later span would begin is not known here: no repeated label may run through any
    if any(n >= MIN_TEMPLATE_COPIES and not is_token(b.text) for n, b in zip(counts, blocks)):
        return False
    title = min(page.meta.get("title_at", ()), default=None)
    heads = page.meta.get("comment_heads", ())
    bounds = []  # the lower bounds of the last blocks' values, the last first
    backward = _lower_values(blocks, page, counts, len(blocks) // 2)
    for position in ends:
        block = blocks[position]
        if block.line is not None or title is not None and title >= block.index:
            return False  # the span may be trimmed, or start below this block (and any before it)
        back = len(blocks) - 1 - position
        if back == len(bounds) and not _read(bounds, backward, 1):
            return False
        if bounds[back] > 0.0 and not any(blocks[0].index < head < block.index for head in heads) \
                and surely_spanned(_read_back(bounds, backward, back), SECOND_SPAN_ENOUGH):
            return True
    return False


def _read(bounds, backward, count) -> bool:
    """Read ``count`` more bounds from ``backward`` onto ``bounds``; False when it has no more."""
    for bound in itertools.islice(backward, count):
        bounds.append(bound)
        count -= 1
    return not count


def _read_back(bounds, backward, offset):
    """``bounds`` from ``offset`` on, read further from ``backward`` as far as they are asked for."""
    while offset < len(bounds) or _read(bounds, backward, 1):
        yield bounds[offset]
        offset += 1


def _lower_values(blocks, page, counts, limit):
    """Lower bounds of the region values ``select`` gives ``blocks`` (``counts``: their
    ``copies``), the last first. A block's label depends on the page only through whether its
    stoplist judges it (``full``) and its title-case bar: the lowest value over both and over
    the bar's two ends bounds it. Structure rules only raise values; a list head's charge is
    taken whether or not prose comes before it. The blocks are scored a few at a time, as far
    back as the bounds are read, and no more than ``limit`` of them: a page must be scored
    whole when the end of its article is not sure from its last half."""
    stop = stopwords(page.lang) or stopwords("en")
    judged = len(stop) > FULL_STOPLIST
    fulls = (False, True) if judged else (False,)
    charges = _head_charges(blocks, page.meta.get("list_heads", ()))
    end, size = len(blocks), FIRST_READ
    last_read = len(blocks) - limit
    while end > last_read:
        start = max(end - size, last_read)
        features = page_features(blocks[start:end], stop if judged else frozenset())
        for position in range(end - 1, start - 1, -1):
            f, block = features[position - start], blocks[position]
            piece = block.line is not None
            lowest = min(_value(_label(f, full, bar, piece), f, counts[position], block.text, piece)
                         for full in fulls for bar in TITLE_CASE_BARS)
            yield lowest - charges.get(position, 0.0)
        end, size = start, 2 * size


def _head_charges(blocks, heads) -> dict[int, float]:
    """The most ``charge_list_heads`` can take from each position's value."""
    charges = {}
    indexes = [b.index for b in blocks] if heads else []
    for head in heads:
        position = bisect_right(indexes, head)
        if position < len(blocks):
            cost = FLAT_LIST_HEAD_COST if blocks[position].line is not None else LIST_HEAD_COST
            charges[position] = charges.get(position, 0.0) + cost
    return charges
