"""Markers after which the article has ended (Wix's 'Post: Blog2_Post', a comment form)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from ..blocks import Block, line_keys
from ..source.html import compiled
from ..title import guess_title
from ..title_words import holds_title_words, title_words
from .base import Drop, Filter

# A marker only ends the article when at least this many words of prose came before it:
# a marker at the very top is a header, not an end.
MIN_WORDS_BEFORE = 40
# The lines under a headline that hold its byline, date and picture before the story starts.
HEADER_LINES = 8


_SENTENCE_END = (".", "!", "?", "…", ".”", "?”", '."', "”")


def _prose_words_before(blocks, enough=None):
    """``counts[i]``: words of prose in ``blocks[:i]``, summed once so that a page full of marker
    lines that fail the guards costs linear time, not quadratic. Prose is long lines, and
    shorter lines that end a sentence (a dump that cuts paragraphs at every link leaves many).
    With ``enough``, the counts stop at the first that reaches it.

    >>> lines = ["Menu", "Bread " * 8, "Home", "Bread is good.", "Bread " * 9]
    >>> _prose_words_before([Block(text) for text in lines], enough=10)
    [0, 0, 8, 8, 11]
    """
    if compiled.walk is not None:  # the same loop in C
        return compiled.walk.prose_words_before(blocks, Block, _SENTENCE_END, -1 if enough is None else enough)
    counts = [0]
    for block in blocks:
        words = len(block.text.split())
        prose = words >= 8 or (words >= 3 and block.text.rstrip().endswith(_SENTENCE_END))
        counts.append(counts[-1] + (words if prose else 0))
        if enough is not None and counts[-1] >= enough:
            break
    return counts


def _first_end(prose):
    """The first position where the article may end (``prose``: ``_prose_words_before`` of the
    page): ``MIN_WORDS_BEFORE`` words of prose or more above it, and fewer below it than above.
    The prose above a position only grows further down and the prose below it only shrinks, so
    every position from there on passes both guards and none before it does.

    >>> _first_end([0, 30, 30, 50, 60, 100]), _first_end([0, 10, 20, 30]), _first_end([0, 45, 46])
    (3, 3, 1)
    """
    lines = len(prose) - 1
    enough = bisect_left(prose, MIN_WORDS_BEFORE)  # (the prose counts never fall)
    # prose[p] > prose[-1] - prose[p + 1]: more prose above the line than below it
    more_above = bisect_right(range(lines), prose[-1], key=lambda p: prose[p] + prose[p + 1])
    return min(max(enough, more_above), lines)


def _headline_copies(blocks, keys, page):
    """Positions of the lines (their ``keys``) that repeat the page's headline word for word."""
    title = page.title or guess_title(blocks)
    wanted = title_words(title) if title else []
    if not wanted:
        return []
    longest = max(wanted, key=len)  # most lines lack it: asked before every title word
    return [i for i, key in enumerate(keys)
            if longest in key and holds_title_words(key, wanted) and title_words(blocks[i].text) == wanted]


def _in_article_header(position, copies, prose):
    """Whether the marker stands above the article rather than after it: the page's headline
    is repeated below it with prose right under that copy (the marker was a link in a teaser
    list or a widget above the story), or the marker follows the headline's last copy with no
    prose between them (a "12 Comments" link by the byline). Teasers above the headline may
    outweigh the article below it, so the prose guard alone would cut the article off."""
    end = len(prose) - 1
    if any(prose[min(i + 1 + HEADER_LINES, end)] - prose[i + 1] >= MIN_WORDS_BEFORE for i in copies if i > position):
        return True
    above = [i for i in copies if i < position]
    return bool(above) and prose[position] == prose[above[-1] + 1]


def _inside_sentence(blocks, position):
    """Whether the marker line continues the line before it ("There are / 13 / comments")."""
    if position == 0:
        return False
    text, previous = blocks[position].text.lstrip(), blocks[position - 1].text.rstrip()
    return bool(text) and text[0].islower() and not previous.endswith(_SENTENCE_END + (":",))


class ArticleEnd(Filter):
    """Drops everything from a ``cut_after`` marker line to the end of the page.

    Guarded so that a marker never cuts an article: the marker must be a whole line (never a
    phrase inside prose, nor a line that continues the sentence before it), enough prose must
    come before it, and less prose may follow it than came before. ``cut_before`` markers (rare) drop everything above them by the same guards.

    >>> from scrubber.testing import judge_page
    >>> story = ["Bread " * 50 + "is good.", "Post: Blog2_Post", "Motion to Vacate", "bottom of page"]
    >>> judge_page(ArticleEnd, story, page_lines=["Post: Blog2_Post"])
    [(1, 'wix/post-marker'), (2, 'wix/post-marker'), (3, 'wix/post-marker')]
    >>> judge_page(ArticleEnd, ["Post: Blog2_Post", "Bread " * 50 + "is good."], page_lines=["Post: Blog2_Post"])
    []
    >>> judge_page(ArticleEnd, ["Bread " * 50 + "is good.", "There are", "13", "comments", "on this post."])
    []
    """

    name = "article_end"

    def select(self, blocks, page):
        rules = page.rules
        if not (rules.has("cut_after") or rules.has("cut_before")):
            return
        prose = copies = None  # counted at the first marker: most pages have none
        if rules.has("cut_after"):
            known = page.meta.get("line_keys")  # (the pipeline keys the page before its filters)
            keys = known[1] if known is not None and known[0] is blocks else line_keys(blocks)
            # A marker ends the article only where enough prose came before it and less follows
            # it: the lines above the first such place are not matched at all (matching a line
            # costs far more than counting its words).
            prose = _prose_words_before(blocks)
            for position, rule in enumerate(rules.match_each(keys[(first := _first_end(prose)):], "cut_after"), first):
                if rule is None or _inside_sentence(blocks, position):
                    continue
                copies = _headline_copies(blocks, keys, page) if copies is None else copies
                if not _in_article_header(position, copies, prose):
                    for index in range(position, len(blocks)):
                        yield Drop(index, rule.id, rule.note or "the article ended at this marker")
                    return
        if rules.has("cut_before"):
            for position in range(len(blocks) - 1, -1, -1):
                rule = rules.match(blocks[position].key(), "cut_before")
                if rule is None:
                    continue
                prose = prose or _prose_words_before(blocks)
                before, after = prose[position], prose[-1] - prose[position + 1]
                if after >= MIN_WORDS_BEFORE and before < after:
                    for index in range(0, position + 1):
                        yield Drop(index, rule.id, rule.note or "the article starts after this marker")
                    return
