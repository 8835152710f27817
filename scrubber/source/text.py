"""Text a scraper already dumped -> blocks, one per line.

Two shapes occur: one text node per line (a paragraph with a link inside is cut into
fragments; ``normalise.fragments`` joins them again once the filters have judged each line),
and pages flattened onto very long lines, which are cut here into sentence pieces sharing one
``line`` number, so later stages can find where the article starts and ends inside the line.
"""

from __future__ import annotations

import regex

from ..blocks import Block
from ..normalise.whitespace import clean_line, split_lines

# A line longer than this, holding several sentences, is a flattened page or article.
LONG_LINE = 600
_SENTENCE_BREAK = regex.compile(r"(?<=[.!?…][\"'”’»)\]]*)\s+(?=[\"'“‘«(\[]?[\p{Lu}\p{N}])")


def text_blocks(text: str) -> list[Block]:
    """Blocks of a scraped text dump: one per non-blank line, long lines cut into sentences.

    >>> [(b.text, b.after_blank) for b in text_blocks("Home\\n\\n\\u00a0\\nAbout us")]
    [('Home', False), ('About us', True)]
    """
    blocks: list[Block] = []
    blank = False
    for line_number, raw in enumerate(split_lines(text)):
        line = clean_line(raw)
        if not line:
            blank = True
            continue
        pieces = _SENTENCE_BREAK.split(line) if len(line) > LONG_LINE else [line]
        shared_line = line_number if len(pieces) > 1 else None
        for piece in pieces:
            blocks.append(Block(piece, index=len(blocks), line=shared_line, after_blank=blank))
            blank = False
    return blocks
