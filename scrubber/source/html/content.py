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
    """Content scores and text statistics of the containers of one tree. ``chars`` and
    ``links`` hold the block elements that contain text: an element missing has none."""

    def __init__(self):
        self.score: dict = {}
        self.chars: dict = {}
        self.links: dict = {}
        self.points: dict = {}

    def credit(self, elements, chars, commas) -> None:
        """Score a paragraph of ``chars`` characters and ``commas`` commas for ``elements``:
        its container (in full), the container's parent (half), and so on up."""
        points = 1 + commas + min(chars // 100, 3)
        score, collected = self.score, self.points
        for level, element in enumerate(elements):
            share = points / _DIVIDERS[level]
            value = score.get(element)
            if value is None:
                score[element] = _initial_score(element) + share
                collected[element] = share
            else:
                score[element] = value + share
                collected[element] += share

    def link_density(self, element) -> float:
        chars = self.chars.get(element, 0)
        return self.links.get(element, 0) / chars if chars else 0.0

    def final(self, element) -> float:
        score = self.score.get(element, 0.0)
        points = self.points.get(element, 0.0)
        if points < FULL_NAME_POINTS:
            score -= _positive_weight(element.get("class"), element.get("id")) * (1 - points / FULL_NAME_POINTS)
        return score * (1 - self.link_density(element))


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
                        _score_paragraph(scores, lineage, 1, own_chars, own_commas)
                elif own_chars - frame[_NESTED_CHARS] >= MIN_PARAGRAPH_CHARS:
                    _score_paragraph(scores, lineage, 0, own_chars - frame[_NESTED_CHARS],
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
    return scores


def _rare_commas(text: str) -> int:
    """Commas of any script in a non-ASCII text (str.count per comma: faster than a regex)."""
    count = 0
    for comma in _COMMA_CHARS:
        if comma in text:
            count += text.count(comma)
    return count


def _score_paragraph(scores, lineage, skip, chars, commas):
    """Pass a paragraph's points to the elements of ``lineage`` above its last ``skip``."""
    levels = min(ANCESTOR_LEVELS, len(lineage) - skip)
    scores.credit([lineage[-1 - skip - level] for level in range(levels)], chars, commas)


def _initial_score(element) -> float:
    score = TAG_SCORES.get(element.tag, 0) + name_weight(element.get("class"), element.get("id"))
    if element.get("itemprop") == "articleBody":
        score += ARTICLE_BODY_BONUS
    return score


@lru_cache(maxsize=8192)
def _positive_weight(class_name, id_name) -> int:
    positive, _ = scoring_hints()
    return sum(NAME_WEIGHT for name in (class_name, id_name) if name and set(naming_words(name)) & positive)


@lru_cache(maxsize=8192)
def name_weight(class_name, id_name) -> int:
    """Points a container's class and id words earn: +25 for a content word ("post", "story"),
    -25 for a chrome word ("sidebar", "promo"), for each of the two names."""
    positive, negative = scoring_hints()
    weight = 0
    for name in (class_name, id_name):
        if not name:
            continue
        words = set(naming_words(name))
        if words & negative:
            weight -= NAME_WEIGHT
        if words & positive:
            weight += NAME_WEIGHT
    return weight


class WalkRules(NamedTuple):
    """What the compiled twin of score_tree (``_walk_content.pxi``) needs to score exactly as it does."""

    tags: object  # a compiled TagCodes: 1 for a tag of _MEASURED, +2 for a paragraph's, +4 for <a>
    is_link: object
    name_weight: object
    initial_score: object
    tag_scores: dict
    article_body_bonus: int
    min_paragraph_chars: int
    dividers: tuple[int, ...]
    comma_chars: str
    scoring_words: tuple[tuple[bytes, int], ...]  # name_weight's words, each with kind 1 (see _walk_names.pxi)


@lru_cache(maxsize=1)
def walk_rules() -> WalkRules:
    """The rules, built on first use (only an install with the compiled walks has any)."""
    tags = compiled.walk.TagCodes({tag: 1 | (2 if tag in PARAGRAPHS else 0) | (4 if tag == "a" else 0)
                                   for tag in _MEASURED})
    positive, negative = scoring_hints()
    return WalkRules(tags, is_link, name_weight, _initial_score, TAG_SCORES, ARTICLE_BODY_BONUS,
                     MIN_PARAGRAPH_CHARS, _DIVIDERS[:ANCESTOR_LEVELS], _COMMA_CHARS,
                     tuple(sorted((word.encode(), 1) for word in positive | negative)))
