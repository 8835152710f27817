"""Join the fragments of one paragraph that a scraper cut at inline elements.

``BeautifulSoup.get_text("\\n")`` puts every text node on its own line, so "Read <a>the
report</a>, then decide." arrives as three lines. Joined again, the paragraph reads as
prose for the scorer and for the reader.
"""

from __future__ import annotations

from ..blocks import Block
from ..data import small_words

_CLOSING = ",.;:!?)]}%»”’…"
_OPEN_END = ",(-–—/"


def join_fragments(blocks: list[Block]) -> list[Block]:
    """Join consecutive blocks that continue one sentence.

    >>> parts = [Block("So you are"), Block("testing your code"), Block("? Great!"), Block("Home")]
    >>> [b.text for b in join_fragments(parts)]
    ['So you are testing your code? Great!', 'Home']
    """
    out: list[Block] = []
    for block in blocks:
        previous = out[-1] if out else None
        if (previous is not None and not block.after_blank and block.line is None and previous.line is None
                and block.kind == previous.kind == "paragraph" and continues(previous.text, block.text)):
            glue = "" if block.text[0] in _CLOSING else " "
            out[-1] = Block(previous.text + glue + block.text, kind=previous.kind, index=previous.index,
                            after_blank=previous.after_blank)
        else:
            out.append(block)
    return out


def continues(previous: str, line: str) -> bool:
    """Whether ``line`` is the rest of the sentence ``previous`` was cut from.

    >>> continues("Read", "the report, then decide.")
    True
    >>> continues("It rained.", "the end")
    False
    """
    first, last = line[0], previous[-1]
    if first in _CLOSING:
        return True
    if last in ".!?:…\"”":
        return False
    if first.islower():
        return True
    if last in _OPEN_END:
        return True
    # (the last word sliced off rather than split off: rsplit copies the whole line before it;
    # and the words counted up to four, not all split out)
    last_word = previous[previous.rfind(" ") + 1:].casefold()
    return last_word in small_words() and len(previous.split(None, 3)) == 4
