"""How much of a page's prose an element holds: an element holding much of it is the article, not
chrome, whatever its name, role or tag says."""

from __future__ import annotations

from lxml import etree

from . import compiled

# A pruned element may hold at most this share of the page's prose (text outside links);
# smaller elements are never protected. A class or id name is stronger evidence than a tag
# (a 50-slide "widget" gallery can outweigh the article beside it), so it needs a larger share.
MAX_TEXT_SHARE = {"tag": 0.4, "name": 0.75}
MIN_GUARDED_CHARS = 200
_LINK_TEXTS = etree.XPath("str:concat(descendant-or-self::a)", namespaces={"str": "http://exslt.org/strings"})
# UTF-8 bytes that _non_space does not count: whitespace, and each byte of a character but its first.
_NOT_COUNTED = b" \n\t\r" + bytes(range(0x80, 0xC0))


class PageProse:
    """The page's prose: characters outside links, measured once and only when needed."""

    def __init__(self, body):
        self.body = body
        self._total = None

    @property
    def total(self) -> int:
        if self._total is None:
            self._total = prose_chars(self.body)
        return self._total


def prose_chars(element) -> int:
    """Non-space characters outside links.

    >>> from scrubber.source.html.parse import parse
    >>> prose_chars(parse("<p>Two words <a href=/>and link</a></p>").find(".//p"))
    8
    """
    if compiled.walk is not None:
        chars, link_chars = compiled.walk.prose_counts(element)
        return chars - link_chars
    return _chars(element) - _link_chars(element)


def _link_chars(element) -> int:
    """Non-space characters of the links' texts, a link inside a link counted in both.

    >>> from scrubber.source.html.parse import parse
    >>> _link_chars(parse("<p>Go <a href=/>home <b>now</b></a> or <a href=/a>back</a></p>").find(".//p"))
    11
    """
    # The texts are gathered in C, into one string (EXSLT's str:concat of each link's text):
    # a Python step per link cost more than all the rest.
    return _non_space(_LINK_TEXTS(element).encode("utf-8"))


def _chars(element) -> int:
    return _non_space(etree.tostring(element, method="text", encoding="utf-8", with_tail=False))


def _non_space(utf8: bytes) -> int:
    # Counted in UTF-8, where one bytes.translate drops the spaces and the continuation bytes
    # of multi-byte characters: several times faster than counting in a str.
    return len(utf8.translate(None, _NOT_COUNTED))


def holds_article(element, prose: PageProse, by: str = "tag") -> bool:
    """Too much of the page's prose to be chrome, whatever its name, role or tag says (an
    ASP.NET page inside one ``<form>``, an article in ``<div class="article-with-rail">``)."""
    if element.get("itemprop") == "articleBody":
        return True
    if compiled.walk is not None:  # both counts in one walk, without serialising the text
        chars, link_chars = compiled.walk.prose_counts(element)
        return chars >= MIN_GUARDED_CHARS and chars - link_chars >= MAX_TEXT_SHARE[by] * prose.total
    chars = _chars(element)
    # Counting the link text costs a call per link: only when the element could hold enough
    # prose with no links at all.
    if chars < MIN_GUARDED_CHARS or chars < MAX_TEXT_SHARE[by] * prose.total:
        return False
    return chars - _link_chars(element) >= MAX_TEXT_SHARE[by] * prose.total
