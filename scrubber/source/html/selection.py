"""Main-content selection: the best-scoring container of the pruned tree, and what joins it.

The best container wins, moved up when its parent scores higher or when several near-best
candidates share an ancestor; siblings that score well or read like prose join it, and so do
sections of the article that a page builder put in cousin rows and columns a few levels up,
and the standfirst that headline blocks often leave outside.
"""

from __future__ import annotations

from functools import lru_cache

from .content import MIN_CANDIDATE_CHARS, MIN_PARAGRAPH_CHARS, Scores, name_weights, score_tree
from .parse import text_of
from .names import lead_words, name_words

TOP_CANDIDATES = 5
# The standfirst is looked for in an <article> at most this many levels above the text, else
# in the text's grandparent (headline blocks often sit in a row of their own beside the text's).
ARTICLE_LEVELS = 4
LEAD_LEVELS = 2
# A paragraph between the headline and the chosen text that is link-free prose of at least
# this many characters, ending a sentence, is the standfirst or the article's first paragraph,
# whatever its class says.
STANDFIRST_CHARS = 80
# Near-best candidates with less text than this share of the best one's are not parts of the
# article that the best one shares an ancestor with (see _shared_ancestor).
SHARED_MIN_CHARS = 0.25
# Sections of an article beside its best container (see _with_sections).
SECTION_LEVELS = 6
SECTION_SHARE = 0.5
SECTION_CONCENTRATION = 0.5
SECTION_LINK_DENSITY = 0.3


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
    final = scores.score.__getitem__
    ranked = sorted((e for e in scores.score if scores.chars.get(e, 0) >= MIN_CANDIDATE_CHARS), key=final,
                    reverse=True) or sorted(scores.score, key=final, reverse=True)
    top = ranked[0]
    # The page's best candidate stays inside the containers chosen around it (the steps below
    # only move up from it), so its score is the best inside them: no subtree need be searched.
    best = max(0.0, scores.final(top)) if scores.chars.get(top, 0) >= MIN_CANDIDATE_CHARS else 0.0
    top = _shared_ancestor(top, ranked[1:TOP_CANDIDATES], scores, body)
    top = _climb(top, scores, body)
    return _with_lead(_with_sections(_with_siblings(top, scores, body), scores, body, best), scores, body)


def _with_lead(containers, scores, body):
    """The standfirst before the article's text: a paragraph or heading named ``lead``,
    ``teaser``, ``standfirst``... inside the enclosing ``<article>`` (or the grandparent) and
    before the chosen containers, which headline blocks often leave out; and, after the
    headline (``<h1>``), any paragraph that reads like one (see ``STANDFIRST_CHARS``).

    >>> from scrubber.source.html.parse import parse
    >>> para = "<p>The mill wheel, rebuilt by volunteers, turned again in May, and the village came to watch.</p>"
    >>> page = parse("<article><header><h1>The mill turns</h1><p>After forty years of silence, the wheel on the "
    ...              f"river Alde is grinding flour again.</p></header><div class=text>{para * 3}</div></article>")
    >>> [e.tag for e in main_content(page.find("body"))]
    ['p', 'div']
    """
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
    leads, chosen = [], set(containers)
    headline = False
    for element in scope.iter("h1", "p", "h2", "h3", "div", "span", top.tag):
        if element is top:
            break
        if element.tag == "h1":
            headline = True
            continue
        if element in around:
            continue
        if not _is_lead(element.get("class"), element.get("id")) and not (
                headline and element.tag == "p" and _reads_like_standfirst(element, scores)):
            continue
        if chosen.intersection(element.iterancestors()):
            continue  # a joined sibling or section before the text holds it already
        if leads and leads[-1] in set(element.iterancestors()):
            continue
        # Not a headline block or a lead image with its caption.
        if next(element.iterdescendants("h1", "img"), None) is not None:
            continue
        if len(text_of(element).strip()) >= MIN_PARAGRAPH_CHARS:
            leads.append(element)
    return leads + containers


def _reads_like_standfirst(paragraph, scores) -> bool:
    chars = scores.chars.get(paragraph, 0)
    return chars >= STANDFIRST_CHARS and scores.link_density(paragraph) == 0 and \
        text_of(paragraph).rstrip()[-1:] in ".!?"


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


def _with_sections(containers, scores, body, best):
    """The containers plus the article's other sections: page builders and grid layouts put
    each block of text in its own row > column > widget, so the best container holds one
    section and the next sits in a cousin several levels up. Going up at most
    ``SECTION_LEVELS`` ancestors, a sibling of the branch joins when the best candidate inside
    it scores at least ``SECTION_SHARE`` of the article's ``best``, makes up at least
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
    if name_weights(element.get("class"), element.get("id"))[0] < 0:
        return False
    score, candidate = scores.best_inside(element)
    return score >= SECTION_SHARE * best and \
        scores.chars.get(candidate, 0) >= SECTION_CONCENTRATION * scores.chars.get(element, 0)


def _reads_like_prose(paragraph, scores) -> bool:
    chars = scores.chars.get(paragraph, 0)
    density = scores.link_density(paragraph)
    if chars > 80:
        return density < 0.25
    if chars == 0 or density > 0:
        return False
    text = text_of(paragraph)
    return ". " in text or text.rstrip().endswith(".")
