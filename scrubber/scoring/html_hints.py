"""Content scoring for HTML input: main-content detection has already chosen the article's
containers, so the blocks inside them are article unless they read like chrome on their own."""

from __future__ import annotations

import itertools

import regex

from ..data import stopwords
from ..filters.base import Drop
from .classifier import ContentScorer
from .repeats import copies
from .kept import ValueBounds, surely_ends_at, surely_keeps

# A block whose text is mostly link text is a menu, a tag row or a "read more" list.
MAX_LINK_DENSITY = 0.5
# Prose that happens to link a lot (a sentence of citations) stays when it is this long.
PROSE_WORDS = 30
# Reading time and dates on a short line of their own: post metadata, not article text.
# (Split at most this many times: a paragraph's words need not all be counted to know it is longer.)
METADATA_WORDS = 10
# "See also: <a>...</a>": a label and a colon before a link.
_LABEL = regex.compile(r"[^:\n]{1,30}:\s")
# Prose of PROSE_WORDS or more whose links are under this share of its text cites a source.
CITING_LINK_DENSITY = 0.25
# A paragraph this short over the closing note is its label ("Note", "Editor's note").
LABEL_WORDS = 2
_LABEL_TEXT = regex.compile(r"\p{L}[\p{L}'’ ]*:?")
# The author's sign-off under the closing note: "Cheers, Anna", "The editors".
SIGN_OFF_WORDS = 3
# Headings nested deeper than this under one heading are not searched for its text.
HEADING_LOOKAHEAD = 50
# The blocks at the end of an article read back for a run that closes it (``_article_ends``).
CLOSING_LOOKBACK = 12
# Kinds that are article structure even when short and stopword-free.
STRUCTURE = ("code", "table_row", "list_item")
# A paragraph of digits alone (a clap or like counter): table cells, where numbers are content,
# arrive as table_row blocks, and list items keep their kind, so only paragraphs are judged.
_NUMBER_ONLY = regex.compile(r"[\d.,\s]+[kKmM]?")
# (searched from the end, where it is anchored: a paragraph is not scanned from its start)
_SENTENCE_END = regex.compile(r"\p{L}[.!?][\"'”’»)]*$", regex.REVERSE)
_READING_TIME = regex.compile(r"\b\d+\s*(?i:min|minute|minutes|mins)\.?\s+(?i:read)(?!\p{Ll})")


class HtmlScorer:
    """Drops link lists, reading-time lines and bare counters left inside the main content, what follows the
    article's last prose when it reads like chrome, and headings whose section has nothing left. Kept: prose that mentions "a 5 min read", a lone link between
    paragraphs.

    >>> from scrubber.blocks import Block
    >>> blocks = [Block("Home", link_density=1.0), Block("News", link_density=1.0), Block("6 min read · Feb 8, 2026"),
    ...           Block("The river rose by a metre overnight, a 5 min read for the council."),
    ...           Block("See the flood map", link_density=1.0), Block("It fell again by noon."), Block("312"),
    ...           Block("Related", kind="heading")]
    >>> [(d.index, d.rule) for d in HtmlScorer().select(blocks, None)]
    [(0, 'score/link-dense'), (1, 'score/link-dense'), (2, 'score/reading-time'), (6, 'score/bare-number'), (7, 'score/empty-heading')]
    """

    name = "scoring"
    text_scorer = ContentScorer()

    def select(self, blocks, page):
        kept = []
        linky = [b.link_density > MAX_LINK_DENSITY and len(b.text.split()) < PROSE_WORDS for b in blocks]
        for position, block in enumerate(blocks):
            text = block.text
            if linky[position] and _in_link_run(linky, position, text):
                yield Drop(position, "score/link-dense", "mostly link text inside the main content")
            # (a reading time says "read", as every line's case-folded key, read by the rules already, shows:
            # most lines need neither their words split nor the pattern)
            elif "read" in block.key() and len(text.split(None, METADATA_WORDS)) <= METADATA_WORDS \
                    and _READING_TIME.search(text):
                yield Drop(position, "score/reading-time", "a reading-time line of the post metadata")
            # a number starts with no letter: most paragraphs need no regex to tell
            elif block.kind == "paragraph" and not text[:1].isalpha() and _NUMBER_ONLY.fullmatch(text):
                yield Drop(position, "score/bare-number", "a number alone: a like or clap counter")
            else:
                kept.append(position)
        if all(blocks[i].kind == "heading" for i in kept):
            return
        tail = self._tail_after_article(blocks, kept, page)
        for position in tail:
            yield Drop(position, "score/after-article", "after the article's last prose, reads like chrome")
        kept = [i for i in kept if i not in tail]
        for position in _empty_headings(blocks, kept):
            yield Drop(position, "score/empty-heading", "a heading whose section has nothing left in it")

    def _tail_after_article(self, blocks, kept, page) -> set[int]:
        """Blocks after the span the text scorer calls the article: the calls to subscribe,
        rate or share that sit inside the article's container, below its last paragraph.
        Code, lists and table rows are structure, not chrome: the tail starts after them. Only for languages
        with a stoplist (without one, prose cannot be told from chrome)."""
        if page is None or not stopwords(page.lang):
            return set()
        inside = [blocks[i] for i in kept]
        if not inside or inside[-1].kind in STRUCTURE:
            return set()  # the tail starts after structure: nothing to look for, no text scoring
        # What the last blocks tell of where the article ends, before the whole of it is scored
        counts = copies(inside)
        bounds = ValueBounds(inside, page, counts)
        if surely_keeps(inside, page, _article_ends(inside), bounds):
            return set()  # the article reaches blocks after which all closes it: nothing follows it
        end = surely_ends_at(inside, page, bounds)
        if end is None:
            # the last block a span of the article covers (the spans, not a drop for each block
            # outside them: only the end is asked), every block when the page has no prose
            spans = self.text_scorer.article(inside, page, counts, bounds.features())[2]
            end = len(inside) - 1 if spans is None else max((e - 1 for s, e in spans if e > s), default=-1)
        last = max(itertools.chain((end,), (i for i in range(end + 1, len(inside)) if inside[i].kind in STRUCTURE)))
        tail = list(range(last + 1, len(inside)))  # (every block after the last kept one is outside)
        closing = len(tail) - _closing_run([inside[i] for i in tail])
        return {kept[i] for i in tail[:closing]}


def _article_ends(blocks):
    """The positions, the last first, at which the text scorer may end the article with no tail
    to drop: every stretch of ``blocks`` after them closes the article (``_closing_run`` keeps
    all of it). Only the last ``CLOSING_LOOKBACK`` are offered, each once asked for.

    >>> from scrubber.blocks import Block
    >>> list(_article_ends([Block("It rained."), Block("Share", link_density=1.0), Block("Note"),
    ...                     Block("Doors open at six."), Block("Cheers, Anna")]))
    [4, 3, 2, 1]
    """
    end = len(blocks)
    for start in range(end - 1, max(end - 1 - CLOSING_LOOKBACK, -1), -1):
        yield start
        if not start or _closing_run(blocks[start:]) < end - start:
            return


def _closing_run(tail) -> int:
    """How many blocks at the end of ``tail`` close the article rather than follow it: its last
    whole sentences without links ("Changes take effect after a restart."), the link-free
    heading or label over them ("Conclusion", "Note"), and the author's sign-off under them.
    Only the chrome between the article's last prose and this run goes. A linked heading is a
    teaser's title, not a section of the article.

    >>> from scrubber.blocks import Block
    >>> _closing_run([Block("Share", link_density=1.0), Block("Note"), Block("Doors open at six."), Block("Cheers, Anna")])
    3
    """
    end = len(tail)
    if end and _sign_off(tail[-1]) and (end == 1 or _closing_note(tail[-2])):
        end -= 1
    start = end
    while start and _closing_note(tail[start - 1]):
        start -= 1
    if start < end:
        while start and _section_heading(tail[start - 1]):
            start -= 1
    return len(tail) - start


def _closing_note(block) -> bool:
    """A whole sentence without links, or a paragraph of prose citing a source by a link: how an
    article ends ("Changes take effect after a restart.").

    >>> from scrubber.blocks import Block
    >>> _closing_note(Block("It fell again by noon.")), _closing_note(Block("Share this", link_density=1.0))
    (True, False)
    """
    if block.kind != "paragraph" or not _SENTENCE_END.search(block.text):
        return False
    return block.link_density == 0 or (block.link_density < CITING_LINK_DENSITY and
                                       len(block.text.split()) >= PROSE_WORDS)


def _sign_off(block) -> bool:
    """A few link-free words after the article's last sentences: the author's sign-off ("Cheers,
    Anna"), not a label introducing what was dropped below it ("More topics:")."""
    # (split no further than a sign-off's words: most blocks asked are paragraphs of prose)
    return block.kind == "paragraph" and block.link_density == 0 and \
        len(block.text.split(None, SIGN_OFF_WORDS)) <= SIGN_OFF_WORDS and not block.text.rstrip().endswith(":")


def _section_heading(block) -> bool:
    """A heading without links, or a one- or two-word label over a note ("Note", "Update")."""
    if block.link_density:
        return False
    return block.kind == "heading" or (block.kind == "paragraph" and len(block.text.split(None, LABEL_WORDS)) <= LABEL_WORDS
                                       and bool(_LABEL_TEXT.fullmatch(block.text)))


def _empty_headings(blocks, kept):
    """Headings with no kept text before the next heading of the same or a higher level
    ("Read next" over a dropped link list, "Related" at the end)."""
    for number, position in enumerate(kept):
        heading = blocks[position]
        if heading.kind != "heading":
            continue
        level = heading.level or 7
        empty = True
        for later in kept[number + 1:number + 1 + HEADING_LOOKAHEAD]:
            block = blocks[later]
            if block.kind != "heading":
                empty = False
                break
            if (block.level or 7) <= level:
                break
        else:
            empty = empty and number + 1 + HEADING_LOOKAHEAD >= len(kept)
        if empty:
            yield position


def _in_link_run(linky, position, labelled=None) -> bool:
    """Part of a list of links (a link-dense neighbour), or a menu line above the article; a
    lone link between paragraphs or after them is a citation, unless a label introduces it
    ("Read also: ...")."""
    before = position > 0 and linky[position - 1]
    after = position + 1 < len(linky) and linky[position + 1]
    return before or after or position == 0 or bool(labelled and _LABEL.match(labelled))
