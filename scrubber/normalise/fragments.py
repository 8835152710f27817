"""Join the fragments of one paragraph that a scraper cut at inline elements.

``BeautifulSoup.get_text("\\n")`` puts every text node on its own line, so "Read <a>the
report</a>, then decide." arrives as three lines. Joined again, the paragraph reads as
prose for the scorer and for the reader.
"""

from __future__ import annotations

from ..blocks import Block
from ..data import small_words

_CLOSING = ",.;:!?)]}%»”’…"
_STOPS = ".!?:…\"”"
_OPEN_END = ",(-–—/"
_SMALL_WORDS = small_words()
# A last word longer than every small word is none (casefold never shortens a word): a line
# whose last characters hold no space ends in one, as most lines do.
_LAST_SMALL_WORD = -1 - max(map(len, _SMALL_WORDS))


def join_fragments(blocks: list[Block]) -> list[Block]:
    """Join consecutive blocks that continue one sentence.

    >>> parts = [Block("So you are"), Block("testing your code"), Block("? Great!"), Block("Home")]
    >>> [b.text for b in join_fragments(parts)]
    ['So you are testing your code? Great!', 'Home']
    """
    out: list[Block] = []
    head, text, joined = None, "", False  # the last block out, its text with fragments joined on
    for block in blocks:
        if (head is not None and not block.after_blank and block.line is None and head.line is None
                and block.kind == head.kind == "paragraph" and continues(text, block.text)):
            text = text + ("" if block.text[0] in _CLOSING else " ") + block.text
            joined = True
            continue
        if joined:
            out[-1] = _joined(head, text)
        out.append(block)
        head, text, joined = block, block.text, False
    if joined:
        out[-1] = _joined(head, text)
    return out


def _joined(head: Block, text: str) -> Block:
    # one block for a whole run of fragments, made when the run ends
    return Block(text, kind=head.kind, index=head.index, after_blank=head.after_blank)


def continues(previous: str, line: str) -> bool:
    """Whether ``line`` is the rest of the sentence ``previous`` was cut from.

    >>> continues("Read", "the report, then decide.")
    True
    >>> continues("It rained.", "the end")
    False
    >>> continues("Ten years of the", "Harbour Festival"), continues("Ten years of", "Harbour Festival")
    (True, False)
    """
    first, last = line[0], previous[-1]
    if first in _CLOSING:
        return True
    if last in _STOPS:
        return False
    if first.islower() or last in _OPEN_END:
        return True
    if " " not in previous[_LAST_SMALL_WORD:]:
        return False
    # (the last word sliced off rather than split off: rsplit copies the whole line before it;
    # and the words counted up to four, not all split out)
    last_word = previous[previous.rfind(" ") + 1:].casefold()
    return last_word in _SMALL_WORDS and len(previous.split(None, 3)) == 4
