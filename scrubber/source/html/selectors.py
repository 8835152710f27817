"""Selector rules: ``[[drop]] selector = "div.promo"`` entries of rule packs, an HTML-only rule
kind. A block goes when the element it came from, or one of its ancestors, matches."""

from __future__ import annotations

from functools import lru_cache

from lxml.cssselect import CSSSelector

from ...filters.base import Drop


@lru_cache(maxsize=256)
def _compiled(selector: str) -> CSSSelector:
    return CSSSelector(selector)


class SelectorRules:
    """Drops the blocks of elements that a pack's CSS ``selector`` rule names.

    >>> from scrubber.page import Page
    >>> from scrubber.rules import RuleSet, load_rules
    >>> from scrubber.source.html import extract
    >>> doc = extract("<article><p>Rain fell on the town all day long.</p><div class=mug-offer>Buy our mugs</div></article>")
    >>> pack = {"pack": {"name": "shop"}, "drop": [{"id": "promo", "selector": "div.mug-offer"}]}
    >>> page = Page(doc.blocks, RuleSet(load_rules(pack)), mode="html")
    >>> [(d.rule, doc.blocks[d.index].text) for d in SelectorRules(doc).select(doc.blocks, page)]
    [('shop/promo', 'Buy our mugs')]
    """

    name = "selectors"

    def __init__(self, document):
        self.document = document

    def select(self, blocks, page):
        rules = [r for r in page.rules.selectors if r.action == "drop"]
        if not rules or self.document.root is None:
            return
        matched: dict = {}
        for rule in rules:
            for element in _compiled(rule.selector)(self.document.root):
                for inside in element.iter():
                    matched.setdefault(inside, rule)
        for position, block in enumerate(blocks):
            origin = self._origin(block)
            rule = matched.get(origin) if origin is not None else None
            if rule is not None:
                yield Drop(position, rule.id, rule.note or f"inside an element matching {rule.selector!r}")

    def _origin(self, block):
        origins = self.document.origins
        return origins[block.index] if 0 <= block.index < len(origins) else None
