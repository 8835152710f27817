"""Join the fragments of one paragraph that a scraper cut at inline elements.

``BeautifulSoup.get_text("\\n")`` puts every text node on its own line, so "Read <a>the
report</a>, then decide." arrives as three lines. Joined again, the paragraph reads as
prose for the scorer and for the reader.
"""

from __future__ import annotations

import re

from ..blocks import Block
from ..data import small_words
from ..source.html import compiled

_CLOSING = ",.;:!?)]}%»”’…"
_STOPS = ".!?:…\"”"
_OPEN_END = ",(-–—/"
_SMALL_WORDS = small_words()
# A last word longer than every small word is none (casefold never shortens a word): a line
# whose last characters hold no space ends in one, as most lines do.
_LONGEST_SMALL_WORD = max(map(len, _SMALL_WORDS))
_LAST_SMALL_WORD = -1 - _LONGEST_SMALL_WORD
# len(text.split(None, 3)) == 4: re's \s is str.split's whitespace (str.isspace)
_FOUR_WORDS = re.compile(r"\s*\S+\s+\S+\s+\S+\s+\S")


def join_fragments(blocks: list[Block]) -> list[Block]:
    """Join consecutive blocks that continue one sentence.

    >>> parts = [Block("So you are"), Block("testing your code"), Block("? Great!"), Block("Home")]
    >>> [b.text for b in join_fragments(parts)]
    ['So you are testing your code? Great!', 'Home']
    """
    return join_fragment_runs(blocks)[0]


def join_fragment_runs(blocks: list[Block]) -> tuple[list[Block], list[int]]:
    """``join_fragments(blocks)``, and the positions in it of the blocks the joins made.

    >>> joined, made = join_fragment_runs([Block("Home"), Block("Read"), Block("the report.")])
    >>> [b.text for b in joined], made
    (['Home', 'Read the report.'], [1])
    """
    if compiled.walk is not None:  # the same loop in C
        return compiled.walk.join_fragment_runs(blocks, Block, _SMALL_WORDS, _LONGEST_SMALL_WORD)
    out: list[Block] = []
    made: list[int] = []
    head, text, joined = None, "", False  # the last block out, its text with fragments joined on
    for block in blocks:
        if (head is not None and not block.after_blank and block.line is None and head.line is None
                and block.kind == head.kind == "paragraph" and continues(text, block.text)):
            # (+= on the name itself: CPython then grows the string in place instead of
            # copying the whole run at every fragment)
            text += ("" if block.text[0] in _CLOSING else " ") + block.text
            joined = True
            continue
        if joined:
            out[-1] = _joined(head, text)
            made.append(len(out) - 1)
        out.append(block)
        head, text, joined = block, block.text, False
    if joined:
        out[-1] = _joined(head, text)
        made.append(len(out) - 1)
    return out, made


def _joined(head: Block, text: str) -> Block:
    # one block for a whole run of fragments, made when the run ends (its fields by position:
    # tests/test_blocks.py keeps their order)
    return Block(text, head.kind, head.index, None, None, 0.0, (), head.after_blank)


def mid_sentence(blocks: list[Block], chrome=frozenset()) -> list[Block]:
    """Lines that sit inside a sentence (link text cut out of a paragraph): "Read", "Share this",
    "with friends." -- the middle line is prose, whatever a chrome rule says about it alone.

    A sentence is not made of chrome: when a neighbour is itself a chrome line ("bottom of
    page" three times over), the middle line is chrome too. ``chrome`` holds the ids of the
    blocks some drop rule matches.

    >>> lines = [Block("Please"), Block("share this"), Block("with friends."), Block("Home")]
    >>> [b.text for b in mid_sentence(lines)], mid_sentence(lines, {id(lines[0])})
    (['share this'], [])
    """
    if compiled.walk is not None:  # the same loop in C
        return compiled.walk.mid_sentence(blocks, Block, chrome, _SMALL_WORDS, _LONGEST_SMALL_WORD)
    middles = []
    ahead = None  # whether the last middle line continues into the line after it, when asked
    for previous, block, following in zip(blocks, blocks[1:], blocks[2:]):
        into, ahead = ahead, None  # each pair of lines is asked once, as the end and as the start of a triple
        if block.after_blank or following.after_blank or block.line is not None:
            continue
        if into is None:
            into = continues(previous.text, block.text)
        if into:
            ahead = continues(block.text, following.text)
            if ahead and id(previous) not in chrome and id(following) not in chrome:
                middles.append(block)
    return middles


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
    # and the words counted up to four, not split out: split(None, 3) copies the rest)
    last_word = previous[previous.rfind(" ") + 1:].casefold()
    return last_word in _SMALL_WORDS and _FOUR_WORDS.match(previous) is not None
