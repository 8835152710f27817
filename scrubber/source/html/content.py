"""Main-content detection: which containers of the pruned tree hold the article.

Every paragraph-like element (``p``, ``pre``, ``td``, ``blockquote``, or any block holding 25+
characters of its own inline text) scores 1 + its commas + one per 100 characters (at most 3),
and passes that score to its parent (in full), grandparent (half) and three more ancestors
(less). A container's score then grows with its tag (``div`` +5, ``article`` +10, schema.org
``articleBody`` +40), its class/id words, and shrinks with its link density. The best container
wins, moved up when its parent scores higher or when several near-best candidates share an
ancestor; siblings that score well or read like prose join it, and so do sections of the
article that a page builder put in cousin rows and columns a few levels up. One iterative pass over the
tree, so nesting depth and page size cost no recursion.
"""

from __future__ import annotations

from functools import lru_cache

import regex
from lxml import etree

from .blocks import BLOCK_TAGS, is_link
from .parse import text_of
from .prune import lead_words, name_words, naming_words, scoring_hints

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
TOP_CANDIDATES = 5
# The standfirst is looked for in an <article> at most this many levels above the text, else
# in the text's grandparent (headline blocks often sit in a row of their own beside the text's).
ARTICLE_LEVELS = 4
LEAD_LEVELS = 2
# Near-best candidates with less text than this share of the best one's are not parts of the
# article that the best one shares an ancestor with (see _shared_ancestor).
SHARED_MIN_CHARS = 0.25
# Sections of an article beside its best container (see _with_sections).
SECTION_LEVELS = 6
SECTION_SHARE = 0.5
SECTION_CONCENTRATION = 0.5
SECTION_LINK_DENSITY = 0.3
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
    score = TAG_SCORES.get(element.tag, 0) + _name_weight(element.get("class"), element.get("id"))
    if element.get("itemprop") == "articleBody":
        score += ARTICLE_BODY_BONUS
    return score


@lru_cache(maxsize=8192)
def _positive_weight(class_name, id_name) -> int:
    positive, _ = scoring_hints()
    return sum(NAME_WEIGHT for name in (class_name, id_name) if name and set(naming_words(name)) & positive)


@lru_cache(maxsize=8192)
def _name_weight(class_name, id_name) -> int:
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


def main_content(body, scores: Scores | None = None) -> list:
    """The elements holding the article, in document order: the best container and the
    siblings that belong with it (``[body]`` when nothing scores).

    >>> from scrubber.source.html.parse import parse
    >>> page = parse("<body><div id=menu><a href=/>Home</a></div><div class=post>"
    ...              + "<p>It rained all day, and the river rose.</p>" * 3 + "</div></body>")
    >>> [e.get("class") for e in main_content(page.find("body"))]
    ['post']
    """
    scores = scores or score_tree(body)
    if not scores.score:
        return [body]
    # A container with less text than a short paragraph cannot be the article, however
    # promising its name ("page-title" around a headline).
    ranked = sorted((e for e in scores.score if scores.chars.get(e, 0) >= MIN_CANDIDATE_CHARS), key=scores.final,
                    reverse=True) or sorted(scores.score, key=scores.final, reverse=True)
    top = ranked[0]
    top = _shared_ancestor(top, ranked[1:TOP_CANDIDATES], scores, body)
    top = _climb(top, scores, body)
    return _with_lead(_with_sections(_with_siblings(top, scores, body), scores, body), scores, body)


def _with_lead(containers, scores, body):
    """The standfirst before the article's text: a paragraph or heading named ``lead``,
    ``teaser``, ``standfirst``... inside the enclosing ``<article>`` (or the grandparent) and
    before the chosen containers, which headline blocks often leave out."""
    top = containers[0]
    around = set(top.iterancestors())
    scope = next((a for level, a in enumerate(top.iterancestors()) if level < ARTICLE_LEVELS and a.tag == "article"), None)
    if scope is None:
        for level, ancestor in enumerate(top.iterancestors()):
            if ancestor is body or level >= LEAD_LEVELS:
                break
            scope = ancestor
    if scope is None or scope is body:
        return containers
    leads = []
    for element in scope.iter("p", "h2", "h3", "div", "span", top.tag):
        if element is top:
            break
        if element in around or not _is_lead(element.get("class"), element.get("id")):
            continue
        if leads and leads[-1] in set(element.iterancestors()):
            continue
        # Not a headline block or a lead image with its caption.
        if element.find(".//h1") is not None or element.find(".//img") is not None:
            continue
        if len(text_of(element).strip()) >= MIN_PARAGRAPH_CHARS:
            leads.append(element)
    return leads + containers


@lru_cache(maxsize=4096)
def _is_lead(class_name, id_name) -> bool:
    words = set(name_words(" ".join(filter(None, (class_name, id_name)))))
    return bool(words & lead_words())


def _shared_ancestor(top, others, scores, body):
    """When three near-best candidates sit under one ancestor, the article is that ancestor."""
    best = scores.final(top)
    if best <= 0:
        return top
    # A teaser scores like the article by its name, but holds a fraction of its text.
    least = SHARED_MIN_CHARS * scores.chars.get(top, 0)
    lineages = [set(o.iterancestors()) for o in others
                if scores.final(o) / best >= 0.75 and scores.chars.get(o, 0) >= least]
    if len(lineages) < 3:
        return top
    for ancestor in top.iterancestors():
        if ancestor is body:
            break
        if sum(1 for lineage in lineages if ancestor in lineage) >= 3:
            return ancestor
    return top


def _climb(top, scores, body):
    """Move up while the parent scores higher, then past parents with no other child."""
    last = scores.final(top)
    threshold = last / 3
    for parent in top.iterancestors():
        if parent is body:
            break
        if parent not in scores.score:
            continue
        score = scores.final(parent)
        if score < threshold:
            break
        if score > last:
            top = parent
            break
        last = score
    parent = top.getparent()
    while parent is not None and parent is not body and len(parent) == 1:
        top, parent = parent, parent.getparent()
    return top


def _with_siblings(top, scores, body):
    if top is body or top.getparent() is None:
        return [top]
    best = scores.final(top)
    threshold = max(10.0, best * 0.2)
    top_class = top.get("class")
    kept = []
    for sibling in top.getparent():
        if sibling is top:
            kept.append(sibling)
            continue
        if not isinstance(sibling.tag, str):
            continue
        bonus = best * 0.2 if top_class and sibling.get("class") == top_class else 0
        if sibling in scores.score and scores.final(sibling) + bonus >= threshold:
            kept.append(sibling)
        elif sibling.tag == "p" and _reads_like_prose(sibling, scores):
            kept.append(sibling)
    return kept


def _with_sections(containers, scores, body):
    """The containers plus the article's other sections: page builders and grid layouts put
    each block of text in its own row > column > widget, so the best container holds one
    section and the next sits in a cousin several levels up. Going up at most
    ``SECTION_LEVELS`` ancestors, a sibling of the branch joins when the best candidate inside
    it scores at least ``SECTION_SHARE`` of the article's best, makes up at least
    ``SECTION_CONCENTRATION`` of the sibling's text (one teaser in a long list of links does
    not make the list a section), and the sibling is neither link-dense nor named like
    chrome ("related", "comments").

    >>> from scrubber.source.html.parse import parse
    >>> para = "<p>The mill wheel, rebuilt by volunteers, turned again in May, and the village came to watch.</p>"
    >>> page = parse(f"<main><div class=row><div class=col><div class=text>{para * 3}</div></div></div>"
    ...              f"<div class=row><div class=col><div class=text>{para * 2}</div></div></div></main>")
    >>> [e.get("class") for e in main_content(page.find("body"))]
    ['row', 'row']
    """
    best = max(_best_inside(c, scores)[0] for c in containers)
    node = containers[0] if len(containers) == 1 else containers[0].getparent()
    for _ in range(SECTION_LEVELS):
        parent = node.getparent()
        if node is body or parent is None or parent is body:
            break
        before, after, seen = [], [], False
        for sibling in parent:
            if sibling is node:
                seen = True
            elif _is_section(sibling, scores, best):
                (after if seen else before).append(sibling)
        containers = before + containers + after
        node = parent
    return containers


def _is_section(element, scores, best) -> bool:
    if not isinstance(element.tag, str) or scores.link_density(element) > SECTION_LINK_DENSITY:
        return False
    if _name_weight(element.get("class"), element.get("id")) < 0:
        return False
    score, candidate = _best_inside(element, scores)
    return score >= SECTION_SHARE * best and \
        scores.chars.get(candidate, 0) >= SECTION_CONCENTRATION * scores.chars.get(element, 0)


def _best_inside(element, scores):
    """(score, element) of the best candidate in ``element``'s subtree, itself included."""
    best, found = 0.0, None
    for inner in element.iter():
        if inner in scores.score and scores.chars.get(inner, 0) >= MIN_CANDIDATE_CHARS:
            score = scores.final(inner)
            if score > best:
                best, found = score, inner
    return best, found


def _reads_like_prose(paragraph, scores) -> bool:
    chars = scores.chars.get(paragraph, 0)
    density = scores.link_density(paragraph)
    if chars > 80:
        return density < 0.25
    if chars == 0 or density > 0:
        return False
    text = text_of(paragraph)
    return ". " in text or text.rstrip().endswith(".")
