"""Selector rules: HTML elements a pack names by CSS selector -- removed before blocks are
judged (``[[drop]]``), or named as the article's container (``[[keep]]``)."""

from __future__ import annotations

from functools import lru_cache

from lxml.cssselect import CSSSelector

from ..source.html.parse import remove, text_of


@lru_cache(maxsize=256)
def _compiled(selector: str) -> CSSSelector:
    return CSSSelector(selector)


def drop_selected(root, rules) -> list[tuple[str, object]]:
    """Remove every element a ``selector`` rule matches from the parsed page, keeping the text
    that follows it; returns ``(text, rule)`` for each removed element with text.

    >>> import lxml.html
    >>> from scrubber.rules import load_pack
    >>> pack = load_pack({"pack": {"name": "example-news"}, "drop": [{"id": "promo", "selector": "div.promo-box"}]})
    >>> root = lxml.html.fromstring('<div><p>Story.</p><div class="promo-box">Buy now</div>After.</div>')
    >>> [(text, rule.id) for text, rule in drop_selected(root, pack.rules)]
    [('Buy now', 'example-news/promo')]
    >>> lxml.html.tostring(root)
    b'<div><p>Story.</p>After.</div>'
    """
    removed = []
    for rule in rules:
        for element in _compiled(rule.selector)(root):
            if element is root or element.getroottree().getroot() is not root.getroottree().getroot():
                continue  # the page itself, or inside an element removed already
            text = " ".join(text_of(element).split())
            remove(element)
            if text:
                removed.append((text, rule))
    return removed


def select_article(root, rules) -> list:
    """The elements ``keep`` selector rules name as the article, outermost ones only, in
    document order; empty when no rule matches this page (content scoring decides then).

    >>> import lxml.html
    >>> from scrubber.rules import load_pack
    >>> pack = load_pack({"pack": {"name": "example-news"}, "keep": [{"id": "story", "selector": "div.story"}]})
    >>> root = lxml.html.fromstring('<div><div class="story"><div class="story">Rain.</div></div><p>Promo</p></div>')
    >>> [e.get("class") for e in select_article(root, pack.rules)]
    ['story']
    """
    chosen = {element for rule in rules for element in _compiled(rule.selector)(root)}
    outermost = [e for e in chosen if not any(a in chosen for a in e.iterancestors())]
    order = {element: position for position, element in enumerate(root.iter())}
    return sorted(outermost, key=order.__getitem__)
