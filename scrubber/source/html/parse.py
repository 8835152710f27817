"""Markup -> an lxml tree, whatever the input: malformed tags, huge or deeply nested pages,
XML declarations, NUL bytes. The parser never loads entities, DTDs or anything from the network."""

from __future__ import annotations

import lxml.html
from lxml import etree

# huge_tree lifts libxml2's depth and text-size limits, so 10,000-deep nesting and 20 MB pages
# parse instead of being cut short.
_OPTIONS = dict(remove_comments=True, remove_pis=True, no_network=True, recover=True, huge_tree=True,
                default_doctype=False, compact=True)
_STR_PARSER = lxml.html.HTMLParser(**_OPTIONS)
_UTF8_PARSER = lxml.html.HTMLParser(encoding="utf-8", **_OPTIONS)


def parse(html: str):
    """The document's root element (``<html>``), an empty document when nothing parses.

    >>> parse("<p>One<p>Two").xpath("string(//body)")
    'OneTwo'
    >>> parse('<?xml version="1.0" encoding="utf-8"?><html><body><p>x</p></body></html>').findtext(".//p")
    'x'
    >>> parse("").tag
    'html'
    """
    html = html.replace("\x00", "")
    try:
        root = etree.fromstring(html, _STR_PARSER)
    except ValueError:
        # lxml refuses str input carrying an XML encoding declaration; bytes are fine.
        root = _parse_bytes(html)
    except etree.ParserError:
        root = None
    if root is None:
        return lxml.html.document_fromstring("<html><body></body></html>")
    return root.getroottree().getroot() if root.getparent() is not None else root


def _parse_bytes(html: str):
    try:
        return etree.fromstring(html.encode("utf-8", "surrogatepass"), _UTF8_PARSER)
    except (etree.ParserError, ValueError):
        return None
