"""What the content scorer is sure to keep, told from the last blocks of a page alone.

The HTML scorer asks the text scorer only where an article ends, and scoring every block of a
long article for that is the dearer part of HTML scoring. Each block's region value lies
between bounds read from its own text, whatever the rest of the page holds; where the lower
bounds of the last blocks add up to a paragraph or two of prose (``region.surely_spanned``),
the article reaches them (``surely_keeps``), and where no block after them may be prose, it
ends there (``surely_ends_at``): the rest of the page need not be scored.
"""

from __future__ import annotations

from .classifier import (GOOD, PROSE_CAPITALS_MAX, SECOND_SPAN_ENOUGH, TITLE_CASE_MARGIN, TITLE_CASE_SHARE, _label,
                         _value, judging_stoplist, page_bars)
from .features import FeatureColumns, Features, page_features
from .region import list_head_costs, surely_spanned
from .repeats import MIN_TEMPLATE_COPIES
from .structure import is_token

# The lowest and highest bar a page's capitalised words can set for a heading (``classify``:
# ``max(TITLE_CASE_SHARE, TITLE_CASE_MARGIN + prose capitals)``, the capitals at most PROSE_CAPITALS_MAX).
TITLE_CASE_BARS = (TITLE_CASE_SHARE, TITLE_CASE_MARGIN + PROSE_CAPITALS_MAX)
# Blocks scored at once going back from the end (then twice as many): articles end in prose.
FIRST_READ = 4
# A page of this many blocks or fewer is read whole at once: if its end is not sure, it is scored
# whole with the features read.
WHOLE_READ = 8


class ValueBounds:
    """Bounds of the region values ``select`` gives ``blocks`` (``counts``: their ``copies``),
    read from the last block back. A block's label depends on the page only through whether its
    stoplist judges it (``full``) and its title-case bar: the lowest and highest value over both
    and over the bar's two ends bound it. Structure rules only raise values, never above zero;
    a list head's charge is taken from the lower bound whether or not prose comes before it.
    The blocks are scored a few at a time, as far back as the bounds are read, and no further
    than half of them: a page must be scored whole when the end of its article is not sure from
    its last half. A page of at most ``WHOLE_READ`` blocks is read whole at once: then the
    page's stoplist and bar are known, and so is each block's label.

    ``bounds[back]`` is ``(lowest, highest, surely good)`` for the block ``back`` places before
    the last, or None beyond what is read; ``repeated`` says whether a label repeats on the page
    (``_listed``), which no bound can rule out. ``features()`` gives what scoring the whole page
    needs of the features read.
    """

    def __init__(self, blocks, page, counts):
        self.known = []
        self._blocks, self._stop = blocks, judging_stoplist(page.lang)
        # the features of the blocks read, the last blocks' first
        self._read = []
        # a repeated label anywhere: where a later span would begin is not known from the end
        self.repeated = any(n >= MIN_TEMPLATE_COPIES and not is_token(b.text) for n, b in zip(counts, blocks))
        # (a generator of its own: one reading ``self`` would hold the page's blocks in a cycle)
        self._backward = _bounds_back(blocks, page, counts, self._stop, self._read)

    def __getitem__(self, back):
        while back >= len(self.known):
            bound = next(self._backward, None)
            if bound is None:
                return None
            self.known.append(bound)
        return self.known[back]

    def lower(self, back):
        """The lower bounds from ``back`` on, as far as they are asked for and known."""
        while (bound := self[back]) is not None:
            yield bound[0]
            back += 1

    def features(self) -> list[Features]:
        """The ``page_features`` of all the blocks, those the bounds have not read computed now."""
        unread = len(self._blocks) - sum(map(len, self._read))
        features = page_features(self._blocks[:unread], self._stop) if unread else []
        for read in reversed(self._read):
            features += read
        return features


def _bounds_back(blocks, page, counts, stop, read):
    """``ValueBounds``' bounds, the last block first (``read``: where the features read go)."""
    fulls, bars = ((False, True) if stop else (False,)), TITLE_CASE_BARS
    charges = _head_charges(blocks, page.meta.get("list_heads", ()))
    end, size = len(blocks), FIRST_READ
    last_read = len(blocks) - len(blocks) // 2
    if len(blocks) <= WHOLE_READ:
        size, last_read = len(blocks), 0
    while end > last_read:
        start = max(end - size, last_read)
        features = page_features(blocks[start:end], stop)
        read.append(features)
        if not start:  # the whole page: its bars are known
            full, bar = page_bars(FeatureColumns.of(features), stop)
            fulls, bars = (full,), (bar,)
        for position in range(end - 1, start - 1, -1):
            f, block = features[position - start], blocks[position]
            piece = block.line is not None
            labels = {_label(f, full, bar, piece) for full in fulls for bar in bars}
            if len(labels) == 1:  # most blocks: one label whatever the page
                (label,) = labels
                low = high = _value(label, f.words, counts[position], block.text, piece)
            else:
                values = [_value(label, f.words, counts[position], block.text, piece) for label in labels]
                low, high = min(values), max(values)
            yield low - charges.get(position, 0.0), high, labels == {GOOD}
        end, size = start, 2 * size


def surely_keeps(blocks, page, ends, bounds: ValueBounds) -> bool:
    """Whether ``ContentScorer().select(blocks, page)`` is sure to keep one of the blocks at
    ``ends`` (consecutive positions from the last back), told from the ``bounds`` of its last
    blocks. A sufficient test: False may mean "not known".

    ``select`` keeps a block that a span of ``article_spans`` covers (``region.surely_spanned``),
    unless that span is cut off: ``start_below_title`` moves the first span's start below the
    title (only up to a block after the title's index), a later span is dropped below a comment
    list's head or when a repeated label runs through it (``_listed``), and ``_trim_pieces``
    trims pieces of a flattened line. Each is ruled out from the page's metadata and repeats
    before any bound is trusted. (With no prose at all ``select`` keeps every block.)

    >>> from scrubber.blocks import Block
    >>> from scrubber.page import Page
    >>> prose = "The council said that the new bridge over the river would open in the spring of next year."
    >>> blocks = [Block("Home", index=0), *(Block(prose.replace("new", f"new {i}"), index=i) for i in range(1, 21))]
    >>> page, counts = Page(blocks, None), [1] * 21
    >>> surely_keeps(blocks, page, [20], ValueBounds(blocks, page, counts))
    True
    >>> surely_keeps(blocks[:7], page, [6], ValueBounds(blocks[:7], page, counts))  # three paragraphs read: too few
    False
    """
    if bounds.repeated:
        return False
    for position in ends:
        if _cut_off(blocks, page, position):
            return False  # the span may be trimmed, or start below this block (and any before it)
        back = len(blocks) - 1 - position
        bound = bounds[back]
        if bound is None:
            return False
        if bound[0] > 0.0 and not _below_comments(blocks, page, position) \
                and surely_spanned(bounds.lower(back), SECOND_SPAN_ENOUGH):
            return True
    return False


def surely_ends_at(blocks, page, bounds: ValueBounds) -> int | None:
    """The last block ``ContentScorer().select(blocks, page)`` keeps, when the ``bounds`` of the
    last blocks tell it; None when they do not.

    A span of ``article_spans`` ends on a positive value, and no rule raises a value that is not
    above zero: no span reaches past the last block whose value may be positive. When that
    block is sure to be kept (as ``surely_keeps`` tells it, with prose surely on the page),
    the article ends there.

    >>> from scrubber.blocks import Block
    >>> from scrubber.page import Page
    >>> prose = "The council said that the new bridge over the river would open in the spring of next year."
    >>> blocks = [*(Block(prose.replace("new", f"new {i}"), index=i) for i in range(20)), Block("Share", index=20)]
    >>> page, counts = Page(blocks, None), [1] * 21
    >>> surely_ends_at(blocks, page, ValueBounds(blocks, page, counts))
    19
    """
    if blocks[-1].line is not None or bounds.repeated:
        return None
    back = 0
    while (bound := bounds[back]) is not None and bound[1] <= 0.0:
        back += 1
    position = len(blocks) - 1 - back
    # (the last block itself is what ``surely_keeps`` tries first: the proof would fail again)
    if bound is None or not back or _cut_off(blocks, page, position) or _below_comments(blocks, page, position):
        return None
    total, good = 0.0, False
    while (bound := bounds[back]) is not None:  # surely_spanned, and a block surely labelled good on the way
        total, good = total + bound[0], good or bound[2]
        if total <= 0.0:
            return None
        if total >= SECOND_SPAN_ENOUGH:
            return position if good else None
        back += 1
    return None


def _cut_off(blocks, page, position) -> bool:
    """Whether a span covering ``position`` may be trimmed there, or start below it."""
    title = min(page.meta.get("title_at", ()), default=None)
    return blocks[position].line is not None or title is not None and title >= blocks[position].index


def _below_comments(blocks, page, position) -> bool:
    """Whether a comment list's head stands between the first block and the one at ``position``."""
    first, index = blocks[0].index, blocks[position].index
    return any(first < head < index for head in page.meta.get("comment_heads", ()))


def _head_charges(blocks, heads) -> dict[int, float]:
    """The most ``charge_list_heads`` can take from each position's value."""
    charges = {}
    if heads:  # (most pages have none: no indexes to read)
        for position, cost in list_head_costs(blocks, heads):
            charges[position] = charges.get(position, 0.0) + cost
    return charges
