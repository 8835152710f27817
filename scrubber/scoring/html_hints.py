"""Content scoring for HTML input: main-content detection has already chosen the article's
containers, so the blocks inside them are article unless they read like chrome on their own."""

from __future__ import annotations

import regex

from ..filters.base import Drop

# A block whose text is mostly link text is a menu, a tag row or a "read more" list.
MAX_LINK_DENSITY = 0.5
# Prose that happens to link a lot (a sentence of citations) stays when it is this long.
PROSE_WORDS = 30
# Reading time and dates on a short line of their own: post metadata, not article text.
METADATA_WORDS = 10
# A paragraph of digits alone (a clap or like counter): table cells, where numbers are content,
# arrive as table_row blocks, and list items keep their kind, so only paragraphs are judged.
_NUMBER_ONLY = regex.compile(r"[\d.,\s]+[kKmM]?")
_READING_TIME = regex.compile(r"\b\d+\s*(?i:min|minute|minutes|mins)\.?\s+(?i:read)(?!\p{Ll})")


class HtmlScorer:
    """Drops link lists and reading-time lines left inside the main content, and headings at
    its end that head nothing. Kept: prose that mentions "a 5 min read", a lone link between
    paragraphs.

    >>> from scrubber.blocks import Block
    >>> blocks = [Block("Home", link_density=1.0), Block("News", link_density=1.0), Block("6 min read · Feb 8, 2026"),
    ...           Block("The river rose by a metre overnight, a 5 min read for the council."),
    ...           Block("See the flood map", link_density=1.0), Block("It fell again by noon."), Block("312"),
    ...           Block("Related", kind="heading")]
    >>> [(d.index, d.rule) for d in HtmlScorer().select(blocks, None)]
    [(0, 'score/link-dense'), (1, 'score/link-dense'), (2, 'score/reading-time'), (6, 'score/bare-number'), (7, 'score/trailing-heading')]
    """

    name = "scoring"

    def select(self, blocks, page):
        kept = []
        linky = [b.link_density > MAX_LINK_DENSITY and len(b.text.split()) < PROSE_WORDS for b in blocks]
        for position, block in enumerate(blocks):
            words = len(block.text.split())
            if linky[position] and _in_link_run(linky, position):
                yield Drop(position, "score/link-dense", "mostly link text inside the main content")
            elif words <= METADATA_WORDS and _READING_TIME.search(block.text):
                yield Drop(position, "score/reading-time", "a reading-time line of the post metadata")
            elif block.kind == "paragraph" and _NUMBER_ONLY.fullmatch(block.text):
                yield Drop(position, "score/bare-number", "a number alone: a like or clap counter")
            else:
                kept.append(position)
        if all(blocks[i].kind == "heading" for i in kept):
            return
        while blocks[kept[-1]].kind == "heading":
            yield Drop(kept.pop(), "score/trailing-heading", "a heading with nothing after it")


def _in_link_run(linky, position) -> bool:
    """Part of a list of links (a link-dense neighbour), or a menu line above the article; a
    lone link between paragraphs or after them is a citation."""
    before = position > 0 and linky[position - 1]
    after = position + 1 < len(linky) and linky[position + 1]
    return before or after or position == 0
