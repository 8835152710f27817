"""Content scoring for HTML input: main-content detection has already chosen the article's
containers, so the blocks inside them are article unless they read like chrome on their own."""

from __future__ import annotations

from ..filters.base import Drop

# A block whose text is mostly link text is a menu, a tag row or a "read more" list.
MAX_LINK_DENSITY = 0.5
# Prose that happens to link a lot (a sentence of citations) stays when it is this long.
PROSE_WORDS = 30


class HtmlScorer:
    """Drops link lists left inside the main content, and headings at its end that head nothing.

    >>> from scrubber.blocks import Block
    >>> blocks = [Block("Home", link_density=1.0), Block("The river rose by a metre overnight."),
    ...           Block("Related", kind="heading")]
    >>> [d.rule for d in HtmlScorer().select(blocks, None)]
    ['score/link-dense', 'score/trailing-heading']
    """

    name = "scoring"

    def select(self, blocks, page):
        kept = []
        for position, block in enumerate(blocks):
            if block.link_density > MAX_LINK_DENSITY and len(block.text.split()) < PROSE_WORDS:
                yield Drop(position, "score/link-dense", "mostly link text inside the main content")
            else:
                kept.append(position)
        while kept and blocks[kept[-1]].kind == "heading":
            yield Drop(kept.pop(), "score/trailing-heading", "a heading with nothing after it")
