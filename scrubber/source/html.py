"""HTML -> blocks: the minimal path (tags stripped, block structure kept). Main-content
detection for HTML is a separate stage; this module only turns markup into blocks."""

from __future__ import annotations

import lxml.html
from lxml import etree

from ..blocks import Block
from ..normalise.whitespace import clean_line

_DROP = {"script", "style", "noscript", "template", "svg", "iframe", "head", "object", "embed", "canvas"}
_KINDS = {"h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading", "h6": "heading",
          "p": "paragraph", "li": "list_item", "blockquote": "quote", "pre": "code", "tr": "table_row",
          "dt": "paragraph", "dd": "paragraph", "figcaption": "paragraph", "caption": "paragraph"}
_BLOCK_TAGS = set(_KINDS) | {"div", "section", "article", "main", "header", "footer", "nav", "aside", "ul", "ol",
                             "table", "tbody", "thead", "form", "body", "html", "figure", "address", "dl", "td", "th"}


def parse(html: str):
    """Parse markup with lxml; never resolves entities or touches the network."""
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, recover=True,
                                  huge_tree=True, default_doctype=False)
    try:
        root = lxml.html.document_fromstring(html, parser=parser)
    except (etree.ParserError, ValueError):
        root = lxml.html.fromstring("<html><body></body></html>")
    return root


def page_title(root) -> str | None:
    for xpath in ('//meta[@property="og:title"]/@content', "//title//text()", "//h1//text()"):
        found = root.xpath(xpath)
        if found:
            title = clean_line(" ".join(found))
            if title:
                return title
    return None


def html_blocks(root) -> list[Block]:
    """Blocks of the document in reading order, one per block-level element's own text."""
    blocks: list[Block] = []
    buffer: list[str] = []
    kinds = ["paragraph"]

    def flush():
        text = clean_line(" ".join(buffer))
        buffer.clear()
        if text:
            blocks.append(Block(text, kind=kinds[-1], index=len(blocks)))

    def walk(element):
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _DROP:
            if element.tail:
                buffer.append(element.tail)
            return
        is_block = tag in _BLOCK_TAGS or tag == "br"
        if is_block:
            flush()
            kinds.append(_KINDS.get(tag, kinds[-1] if tag in ("td", "th") else "paragraph"))
        if element.text and tag:
            buffer.append(element.text)
        for child in element:
            walk(child)
        if is_block:
            if tag == "tr":
                buffer[:] = [" | ".join(c for c in (clean_line(x) for x in buffer) if c)]
            flush()
            kinds.pop()
        if element.tail:
            buffer.append(element.tail)

    walk(root)
    flush()
    return blocks
