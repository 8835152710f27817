"""Main-content scoring: how strongly each container of the pruned tree looks like the article.

Every paragraph-like element (``p``, ``pre``, ``td``, ``blockquote``, or any block holding 25+
characters of its own inline text) scores 1 + its commas + one per 100 characters (at most 3),
and passes that score to its parent (in full), grandparent (half) and three more ancestors
(less). A container's score then grows with its tag (``div`` +5, ``article`` +10, schema.org
``articleBody`` +40), its class/id words, and shrinks with its link density. One iterative
pass over the tree, so nesting depth and page size cost no recursion; ``_walk_content.pxi`` holds
the same pass compiled, which runs when the install built it (``compiled.py``). Which containers are
then taken for the article is ``selection.py``'s business.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from lxml import etree

from . import compiled
from .blocks import BLOCK_TAGS, is_link
from .names import naming_words, scoring_hints

PARAGRAPHS = frozenset(("p", "pre", "td", "blockquote", "dd"))
MIN_PARAGRAPH_CHARS = 25
# Two lines of text: less cannot be the article, however well its one sentence scores.
MIN_CANDIDATE_CHARS = 140
TAG_SCORES = {"div": 5, "article": 10, "main": 5, "section": 2, "pre": 3, "td": 3, "blockquote": 3,
              "address": -3, "ol": -3, "ul": -3, "dl": -3, "dd": -3, "dt": -3, "li": -3, "form": -3,
              "h1": -5, "h2": -5, "h3": -5, "h4": -5, "h5": -5, "h6": -5, "th": -5}
ARTICLE_BODY_BONUS = 40
NAME_WEIGHT = 25
# A promising name ("content", "post") counts in full for a container that collects at least
# this many paragraph points (one paragraph of a few lines), in proportion below: a box named
# "bottom-content" around an address line must not outrank the article.
FULL_NAME_POINTS = 2
ANCESTOR_LEVELS = 5
# Points passed to the parent, grandparent and three more ancestors are divided by these.
_DIVIDERS = (1, 2, 6, 9, 12)
_COMMA_CHARS = ",،、，﹐︐︑﹑"


# Elements whose text the walk measures on their own: blocks (for the scores and selection)
# and anchors (for link density). Other inline elements only add their text to the totals.
_MEASURED = BLOCK_TAGS | {"a"}
# A measured element's frame: the element, the walk's totals when it started (text, link text,
# commas), the text and commas of its block children (which are not its inline text), its tag.
# A list, not an object: building a list costs a fraction of a call.
_ELEMENT, _CHARS_BEFORE, _LINKS_BEFORE, _COMMAS_BEFORE, _NESTED_CHARS, _NESTED_COMMAS, _TAG = range(7)


class Scores:
    """Content scores and text statistics of the containers of one tree. ``score`` holds each
    container that collected paragraph points, with its final score (see _final); ``chars``
    and ``links`` hold the block elements that contain text: an element missing has none."""

    def __init__(self):
        self.score: dict = {}
        self.chars: dict = {}
        self.links: dict = {}
        self.table = None  # the compiled walk's TallyTable, which answers best_inside

    def link_density(self, element) -> float:
        chars = self.chars.get(element, 0)
        return self.links.get(element, 0) / chars if chars else 0.0

    def final(self, element) -> float:
        """``element``'s score; one that collected no points scores by its name alone."""
        score = self.score.get(element)
        if score is None:
            positive = name_weights(element.get("class"), element.get("id"))[1]
            score = _final(0.0, 0.0, positive, self.chars.get(element, 0), self.links.get(element, 0))
        return score

    def best_inside(self, element) -> tuple[float, object]:
        """(score, element) of the best candidate in ``element``'s subtree, itself included:
        the first in document order of those scoring best above 0; (0.0, None) if none does."""
        if self.table is not None:
            return self.table.best_inside(element, MIN_CANDIDATE_CHARS)
        best, found = 0.0, None
        for inner in element.iter():
            score = self.score.get(inner)
            if score is not None and score > best and self.chars.get(inner, 0) >= MIN_CANDIDATE_CHARS:
                best, found = score, inner
        return best, found


def _final(score, points, positive, chars, links) -> float:
    """A container's score once its name's promise is weighed against the points it collected
    (see FULL_NAME_POINTS) and its link density is taken off. ``_walk_content.pxi`` computes
    it with the same operations, in the same order, so that both round alike."""
    if points < FULL_NAME_POINTS:
        score -= positive * (1 - points / FULL_NAME_POINTS)
    return score * (1 - (links / chars if chars else 0.0))


def score_tree(body) -> Scores:
    """One pass over ``body``: text statistics of every block element and content scores.

    The walk keeps running totals of the (stripped) text, link text and commas it has passed,
    so an element's counts are the difference between the totals at its end and its start:
    only blocks and links need a frame, and no count is passed up from child to parent.
    A link's text is credited to the link total when the link closes, replacing what links
    nested in it credited, so nested links count once.
    """
    scores = Scores()
    if compiled.walk is not None:
        compiled.walk.score_walk(body, scores, walk_rules())
        return scores
    block_chars, block_links = scores.chars, scores.links
    tallies: dict = {}  # container -> [score, points, positive name weight], in order of first credit
    lineage: list = []  # body down to the current element: the ancestors that paragraphs score
    frames: list[list] = []
    current = None  # the innermost open block or link
    chars = links = commas = 0
    for event, element in etree.iterwalk(body, events=("start", "end")):
        if event == "start":
            lineage.append(element)
            tag = element.tag
            if tag in _MEASURED and (tag != "a" or is_link(element)):
                frames.append([element, chars, links, commas, 0, 0, tag])
                current = element
            text = element.text
            if text:
                text = text.strip()
                if text and tag.__class__ is str:  # a comment's text is not the page's
                    chars += len(text)
                    commas += text.count(",") if text.isascii() else _rare_commas(text)
            continue
        if element is current:
            frame = frames.pop()
            current = frames[-1][_ELEMENT] if frames else None
            own_chars = chars - frame[_CHARS_BEFORE]
            tag = frame[_TAG]
            if tag == "a":
                links = frame[_LINKS_BEFORE] + own_chars
            elif own_chars:  # a block without text has nothing to record or pass on
                own_commas = commas - frame[_COMMAS_BEFORE]
                block_chars[element] = own_chars
                block_links[element] = links - frame[_LINKS_BEFORE]
                if tag in PARAGRAPHS:
                    if own_chars >= MIN_PARAGRAPH_CHARS:
                        _score_paragraph(tallies, lineage, 1, own_chars, own_commas)
                elif own_chars - frame[_NESTED_CHARS] >= MIN_PARAGRAPH_CHARS:
                    _score_paragraph(tallies, lineage, 0, own_chars - frame[_NESTED_CHARS],
                                     own_commas - frame[_NESTED_COMMAS])
                if current is not None and current is lineage[-2]:
                    frames[-1][_NESTED_CHARS] += own_chars
                    frames[-1][_NESTED_COMMAS] += own_commas
        lineage.pop()
        tail = element.tail
        if tail:
            tail = tail.strip()
            if tail:
                chars += len(tail)
                commas += tail.count(",") if tail.isascii() else _rare_commas(tail)
    scores.score = {element: _final(score, points, positive, block_chars.get(element, 0), block_links.get(element, 0))
                    for element, (score, points, positive) in tallies.items()}
    return scores


def _rare_commas(text: str) -> int:
    """Commas of any script in a non-ASCII text (str.count per comma: faster than a regex)."""
    count = 0
    for comma in _COMMA_CHARS:
        if comma in text:
            count += text.count(comma)
    return count


def _score_paragraph(tallies, lineage, skip, chars, commas):
    """Score a paragraph of ``chars`` characters and ``commas`` commas for the elements of
    ``lineage`` above its last ``skip``: its container (in full), the container's parent
    (half), and so on up."""
    points = 1 + commas + min(chars // 100, 3)
    for level in range(min(ANCESTOR_LEVELS, len(lineage) - skip)):
        element = lineage[-1 - skip - level]
        share = points / _DIVIDERS[level]
        tally = tallies.get(element)
        if tally is None:
            score, positive = _initial_score(element)
            tallies[element] = [score + share, share, positive]
        else:
            tally[0] += share
            tally[1] += share


def _initial_score(element) -> tuple[int, int]:
    """The score a container starts from (its tag, its name's words, schema.org's
    articleBody) and the positive weight of its name (see _final)."""
    weight, positive = name_weights(element.get("class"), element.get("id"))
    score = TAG_SCORES.get(element.tag, 0) + weight
    if element.get("itemprop") == "articleBody":
        score += ARTICLE_BODY_BONUS
    return score, positive


@lru_cache(maxsize=8192)
def name_weights(class_name, id_name) -> tuple[int, int]:
    """Points a container's class and id words earn: +25 for a content word ("post", "story"),
    -25 for a chrome word ("sidebar", "promo"), for each of the two names; and the points of
    the content words alone.

    >>> name_weights("post sidebar", "story")
    (25, 50)
    """
    positive, negative = scoring_hints()
    weight = promise = 0
    for name in (class_name, id_name):
        if not name:
            continue
        words = set(naming_words(name))
        if words & negative:
            weight -= NAME_WEIGHT
        if words & positive:
            weight += NAME_WEIGHT
            promise += NAME_WEIGHT
    return weight, promise


class WalkRules(NamedTuple):
    """What the compiled twin of score_tree (``_walk_content.pxi``) needs to score exactly as it does."""

    tags: object  # a compiled TagCodes: 1 for a tag of _MEASURED, +2 for a paragraph's, +4 for <a>
    is_link: object
    name_weights: object
    initial_score: object
    tag_scores: dict
    article_body_bonus: int
    full_name_points: int
    min_paragraph_chars: int
    dividers: tuple[int, ...]
    comma_chars: str
    scoring_words: tuple[tuple[bytes, int], ...]  # name_weights' words, each with kind 1 (see _walk_name_words.pxi)


@lru_cache(maxsize=1)
def walk_rules() -> WalkRules:
    """The rules, built on first use (only an install with the compiled walks has any)."""
    tags = compiled.walk.TagCodes({tag: 1 | (2 if tag in PARAGRAPHS else 0) | (4 if tag == "a" else 0)
                                   for tag in _MEASURED})
    positive, negative = scoring_hints()
    return WalkRules(tags, is_link, name_weights, _initial_score, TAG_SCORES, ARTICLE_BODY_BONUS,
                     FULL_NAME_POINTS, MIN_PARAGRAPH_CHARS, _DIVIDERS[:ANCESTOR_LEVELS], _COMMA_CHARS,
                     tuple(sorted((word.encode(), 1) for word in positive | negative)))
