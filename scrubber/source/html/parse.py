"""Markup -> an lxml tree, whatever the input: malformed tags, huge or deeply nested pages,
XML declarations, NUL bytes. The parser never loads entities, DTDs or anything from the network."""

from __future__ import annotations

import re

import regex
from lxml import etree

from . import compiled

# huge_tree lifts libxml2's depth and text-size limits, so 10,000-deep nesting and 20 MB pages
# parse instead of being cut short.
# collect_ids=False: nothing looks elements up by id, so no hash table of them (5% of the parse).
_OPTIONS = dict(remove_comments=True, remove_pis=True, no_network=True, recover=True, huge_tree=True,
                default_doctype=False, compact=True, collect_ids=False)
# Plain lxml elements: lxml.html's element classes cost a Python call per element touched.
# The page goes in as UTF-8 bytes: libxml2 reads them 15% faster than a str, and the declared
# encoding is overridden (a <meta charset> or XML declaration of a decoded page is stale).
_PARSER = etree.HTMLParser(encoding="utf-8", **_OPTIONS)
# libxml2 stops building the tree below depth 2048 even with huge_tree, and drops what is
# deeper. Such pages are parsed again with the excess nesting tags taken out.
MAX_DEPTH = 1000
# What libxml2 cannot hold in a text node: C0 controls other than tab, newline and return (a
# tree holding one raises ValueError as soon as a text is edited) and lone surrogates, which a
# str may carry (the parse silently stops at the first one, losing the rest of the page).
# Stdlib re: four times faster than regex on a character class over a whole page.
_NOT_XML_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")
# Every byte but those controls: deleting these from a page leaves only the controls, so the
# check writes next to nothing (a third faster than deleting the controls and comparing lengths).
_ALL_BUT_C0 = bytes(c for c in range(256) if c >= 32 or c in (9, 10, 13))
_TAG = regex.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(/?)>")
_VOID = frozenset(("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                   "source", "track", "wbr"))


def parse(html: str):
    """The document's root element (``<html>``), an empty document when nothing parses.

    >>> parse("<p>One<p>Two").xpath("string(//body)")
    'OneTwo'
    >>> parse('<?xml version="1.0" encoding="utf-8"?><html><body><p>x</p></body></html>').findtext(".//p")
    'x'
    >>> parse("").tag
    'html'
    """
    data = _utf8_if_safe(html)
    if data is None:
        html = _NOT_XML_TEXT.sub("", html)
        data = html.encode("utf-8")
    root = _parse(data)
    if root is not None and _too_deep():
        root = _parse(flatten_deep_nesting(html).encode("utf-8"))
    if root is None:
        return etree.fromstring(b"<html><body></body></html>", _PARSER)
    return root.getroottree().getroot() if root.getparent() is not None else root


def _utf8_if_safe(html: str) -> bytes | None:
    """The page in UTF-8, or None when it holds a character libxml2 cannot hold (a lone
    surrogate cannot be encoded; bytes.translate finds controls far faster than a search of
    the str). The compiled twin (``_walk_utf8.pxi``) encodes and checks in one pass.

    >>> _utf8_if_safe("<p>café</p>"), _utf8_if_safe("<p>a\\x00b</p>"), _utf8_if_safe("<p>\\ud800</p>")
    (b'<p>caf\\xc3\\xa9</p>', None, None)
    """
    if compiled.walk is not None:
        return compiled.walk.utf8_if_safe(html)
    try:
        data = html.encode("utf-8")
    except UnicodeEncodeError:
        return None
    return None if data.translate(None, _ALL_BUT_C0) else data


def _parse(data: bytes):
    try:
        return etree.fromstring(data, _PARSER)
    except (etree.ParserError, ValueError):
        return None


def _too_deep() -> bool:
    return any(e.type_name == "ERR_RESOURCE_LIMIT" for e in _PARSER.error_log)


def flatten_deep_nesting(html: str, limit: int = MAX_DEPTH) -> str:
    """Markup with opening tags deeper than ``limit`` (and their closing tags) replaced by a
    space, so the text inside survives parsing and words on either side stay apart. Only pages that hit libxml2's depth limit come here, so
    counting unclosed ``<p>`` and ``<li>`` as open (they may close implicitly) costs nothing
    on ordinary pages.

    >>> flatten_deep_nesting("<div><div><div>x</div></div></div>", limit=1)
    '<div>  x  </div>'
    """
    out, position, depth = [], 0, 0
    dropped: dict[str, int] = {}
    for match in _TAG.finditer(html):
        closing, name, self_closing = match.group(1), match.group(2).casefold(), match.group(3)
        if name in _VOID or self_closing:
            continue
        if closing:
            if dropped.get(name):
                dropped[name] -= 1
                out.append(html[position:match.start()] + " ")
                position = match.end()
            else:
                depth = max(0, depth - 1)
        elif depth >= limit:
            dropped[name] = dropped.get(name, 0) + 1
            out.append(html[position:match.start()] + " ")
            position = match.end()
        else:
            depth += 1
    out.append(html[position:])
    return "".join(out)


def body_of(root):
    """The ``<body>`` child of ``root``, or None.

    >>> body_of(parse("<p>x</p>")).tag, body_of(parse("<p>x</p>").find("body"))
    ('body', None)
    """
    # lxml's tag-filtered children, not root.find("body"): ElementPath's machinery costs twice
    # as much and its code is out of the processor's cache on every page
    return next(root.iterchildren("body"), None)


def text_of(element) -> str:
    """All text inside an element (its tail excluded).

    >>> text_of(parse("<p>One <b>two</b></p>tail").find(".//p"))
    'One two'
    """
    return etree.tostring(element, method="text", encoding=str, with_tail=False)


def remove(element) -> None:
    """Take an element out of the tree, keeping the text that follows it.

    >>> page = parse("<p>Rain <span>x</span>fell.</p>")
    >>> remove(page.find(".//span")); text_of(page.find(".//p"))
    'Rain fell.'
    """
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is None:
            parent.text = (parent.text or "") + element.tail
        else:
            previous.tail = (previous.tail or "") + element.tail
    parent.remove(element)
