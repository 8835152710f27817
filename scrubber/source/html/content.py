"""Main-content scoring: how strongly each container of the pruned tree looks like the article.

Every paragraph-like element (``p``, ``pre``, ``td``, ``blockquote``, or any block holding 25+
characters of its own inline text) scores 1 + its commas + one per 100 characters (at most 3),
and passes that score to its parent (in full), grandparent (half) and three more ancestors
(less). A container's score then grows with its tag (``div`` +5, ``article`` +10, schema.org
``articleBody`` +40), its class/id words, and shrinks with its link density. One iterative
pass over the tree, so nesting depth and page size cost no recursion. Which containers are
then taken for the article is ``selection.py``'s business.
"""

from __future__ import annotations

from functools import lru_cache

import regex
from lxml import etree

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
_COMMAS = regex.compile(r"[,،、，﹐︐︑﹑]")


# A frame of the walk's stack: the element and the counts of its subtree so far (text
# without the element's tail; inline text is what is not inside a nested block). A list, not
# an object: the walk makes one per element, and building a list costs a fraction of a call.
_ELEMENT, _CHARS, _LINKS, _COMMA_COUNT, _INLINE, _INLINE_COMMAS = range(6)


class Scores:
    """Content scores and text statistics of the containers of one tree."""

    def __init__(self):
        self.score: dict = {}
        self.chars: dict = {}
        self.links: dict = {}
        self.points: dict = {}

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
    """One pass over ``body``: text statistics of every block element and content scores."""
    scores = Scores()
    block_chars, block_links = scores.chars, scores.links
    stack: list[list] = []
    for event, element in etree.iterwalk(body, events=("start", "end")):
        tag = element.tag
        if event == "start":
            text = element.text
            if text and isinstance(tag, str):
                text = text.strip()
                chars = len(text)
                commas = _count_commas(text) if chars else 0
            else:
                chars = commas = 0
            stack.append([element, chars, 0, commas, chars, commas])
            continue
        frame = stack.pop()
        if tag == "a" and is_link(element):
            frame[_LINKS] = frame[_CHARS]
        block = tag in BLOCK_TAGS
        if block:
            block_chars[element] = frame[_CHARS]
            block_links[element] = frame[_LINKS]
            if tag in PARAGRAPHS:
                if frame[_CHARS] >= MIN_PARAGRAPH_CHARS:
                    _score_paragraph(scores, stack, frame[_CHARS], frame[_COMMA_COUNT])
            elif frame[_INLINE] >= MIN_PARAGRAPH_CHARS:
                stack.append(frame)
                _score_paragraph(scores, stack, frame[_INLINE], frame[_INLINE_COMMAS])
                stack.pop()
        if not stack:
            break
        parent = stack[-1]
        tail = element.tail
        if tail:
            tail = tail.strip()
            tail_chars = len(tail)
            tail_commas = _count_commas(tail) if tail_chars else 0
        else:
            tail_chars = tail_commas = 0
        parent[_CHARS] += frame[_CHARS] + tail_chars
        parent[_LINKS] += frame[_LINKS]
        parent[_COMMA_COUNT] += frame[_COMMA_COUNT] + tail_commas
        if block:
            parent[_INLINE] += tail_chars
            parent[_INLINE_COMMAS] += tail_commas
        else:
            parent[_INLINE] += tail_chars + frame[_CHARS]
            parent[_INLINE_COMMAS] += tail_commas + frame[_COMMA_COUNT]
    return scores


def _count_commas(text: str) -> int:
    return text.count(",") if text.isascii() else len(_COMMAS.findall(text))


def _score_paragraph(scores, ancestors, chars, commas):
    """Pass a paragraph's points to the elements of the last frames of ``ancestors``."""
    points = 1 + commas + min(chars // 100, 3)
    score, collected = scores.score, scores.points
    for level in range(min(ANCESTOR_LEVELS, len(ancestors))):
        divider = 1 if level == 0 else 2 if level == 1 else level * 3
        element = ancestors[-1 - level][_ELEMENT]
        if element not in score:
            score[element] = _initial_score(element)
            collected[element] = 0.0
        score[element] += points / divider
        collected[element] += points / divider


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
