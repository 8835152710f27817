"""A (pruned) subtree -> blocks that keep their kind: headings with their level, paragraphs,
list items, quotes, code with its line breaks, table rows with cells joined by `` | ``.

Text nodes are joined exactly as a browser would lay them out inline: "word<b>x</b>" is
"wordx", "word <b>x</b>" is "word x". Block elements, table cells and ``<br>`` always
separate words. The walk is iterative, so nesting depth costs nothing.
"""

from __future__ import annotations


import regex
from lxml import etree

from ...blocks import Block
from ...normalise.whitespace import clean_line

KINDS = {"h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading", "h6": "heading",
         "p": "paragraph", "li": "list_item", "blockquote": "quote", "pre": "code", "tr": "table_row",
         "dt": "paragraph", "dd": "paragraph", "figcaption": "paragraph", "caption": "paragraph"}
# Kinds a nested block takes from its container: a <p> inside a quote is still the quote.
INHERITED = {"quote", "list_item"}
BLOCK_TAGS = frozenset(KINDS) | {
    "div", "section", "article", "main", "header", "footer", "nav", "aside", "ul", "ol", "dl", "table", "tbody",
    "thead", "tfoot", "td", "th", "form", "fieldset", "figure", "address", "center", "details", "summary", "hr",
    "body", "html", "hgroup", "noscript", "legend", "picture", "video", "audio", "title", "option"}
# Permalink marks that sites put after a heading's text.
_HEADING_MARKS = " ¶#§🔗"
# <br> inside the text being collected; source newlines are just spaces.
_BREAK = "\u2029"
_PARAGRAPH_BREAK = regex.compile(r"\u2029\s*\u2029")
_BLOCKY = ("p", "div", "table", "ul", "ol", "dl", "section", "article", "blockquote", "pre",
           "h1", "h2", "h3", "h4", "h5", "h6", "li")
# Never inside a data cell: a row holding these is page layout.
_LAYOUT = frozenset(("table", "ul", "ol", "dl", "section", "article", "blockquote", "pre",
                     "h1", "h2", "h3", "h4", "h5", "h6"))


def blocks_of(containers) -> tuple[list[Block], list]:
    """Blocks of the containers, in document order, and the element each block came from.

    >>> from scrubber.source.html.parse import parse
    >>> page = parse("<h2>Bread</h2><p>Flour,<br>water<b>y</b> and <i>salt</i>.</p>"
    ...              "<table><tr><td>a</td><td>b</td></tr></table><pre>x = 1\\n\\n  y = 2</pre>")
    >>> [(b.kind, b.level, b.text) for b in blocks_of([page.find("body")])[0]]
    [('heading', 2, 'Bread'), ('paragraph', None, 'Flour,\\nwatery and salt.'), ('table_row', None, 'a | b'), ('code', None, 'x = 1\\n  y = 2')]
    """
    writer = _Writer()
    for container in containers:
        writer.walk(container)
    writer.flush()
    return writer.blocks, writer.origins


class _Writer:
    def __init__(self):
        self.blocks: list[Block] = []
        self.origins: list = []
        self.parts: list[str] = []
        self.chars = 0
        self.link_chars = 0
        self.stack: list[tuple[object, str, int | None]] = []
        self.links_open = 0

    def add(self, text):
        if text:
            self.parts.append(text)
            self.chars += len(text)
            if self.links_open:
                self.link_chars += len(text)

    def walk(self, container):
        walker = etree.iterwalk(container, events=("start", "end"))
        for event, element in walker:
            tag = element.tag
            if not isinstance(tag, str):
                if event == "start":
                    self.add(element.tail)
                continue
            if event == "start":
                if tag in BLOCK_TAGS:
                    self.flush()
                    if tag == "pre" or (tag == "tr" and _simple_row(element)):
                        self.special(element, tag)
                        walker.skip_subtree()
                        continue
                    _, parent_kind, level = self.stack[-1] if self.stack else (None, "paragraph", None)
                    kind = KINDS.get(tag) or parent_kind
                    if parent_kind in INHERITED and kind == "paragraph":
                        kind = parent_kind
                    if kind == "heading" and tag in KINDS:
                        level = int(tag[1])
                    self.stack.append((element, kind, level if kind == "heading" else None))
                    self.add(element.text)
                elif tag == "br":
                    self.add(_BREAK)
                else:
                    if tag == "a" and is_link(element):
                        self.links_open += 1
                    self.add(element.text)
            else:
                if tag in BLOCK_TAGS:
                    if not self.stack or self.stack[-1][0] is not element:  # pre, data rows: done at start
                        self.add(element.tail)
                        continue
                    self.flush()
                    self.stack.pop()
                elif tag == "a" and self.links_open and is_link(element):
                    self.links_open -= 1
                self.add(element.tail)

    def special(self, element, tag):
        if tag == "pre":
            lines = [line.rstrip() for line in "".join(element.itertext()).splitlines()]
            self.emit("\n".join(line for line in lines if line.strip()), "code", element)
        else:
            cells = (clean_line("".join(cell.itertext())) for cell in element if cell.tag in ("td", "th"))
            self.emit(" | ".join(c for c in cells if c), "table_row", element)

    def flush(self):
        if not self.parts:
            return
        text = "".join(self.parts)
        density = min(1.0, self.link_chars / self.chars) if self.chars else 0.0
        self.parts.clear()
        self.chars = self.link_chars = 0
        element, kind, level = self.stack[-1] if self.stack else (None, "paragraph", None)
        if _BREAK not in text:
            self.emit(clean_line(text), kind, element, density, level)
            return
        for piece in _PARAGRAPH_BREAK.split(text):
            lines = [clean_line(line) for line in piece.split(_BREAK)]
            self.emit("\n".join(line for line in lines if line), kind, element, density, level)

    def emit(self, text, kind, element, density=0.0, level=None):
        if kind == "heading":
            text = text.rstrip(_HEADING_MARKS)
        if not text:
            return
        self.blocks.append(Block(text, kind=kind, index=len(self.blocks), level=level,
                                 link_density=density))
        self.origins.append(element)


def is_link(anchor) -> bool:
    """An anchor that leads somewhere: not a named anchor, not a ``javascript:`` handler.

    >>> from scrubber.source.html.parse import parse
    >>> [is_link(a) for a in parse('<a href="/x">x</a><a name="top">t</a><a href="javascript:void(0)">j</a>').iter("a")]
    [True, False, False]
    """
    href = anchor.get("href")
    return href is not None and not href.lstrip()[:11].casefold().startswith("javascript:")


def _simple_row(row) -> bool:
    """A data row: each cell holds inline text or a single paragraph (a layout table's row,
    with lists, headings or several paragraphs in a cell, is a container)."""
    for cell in row:
        blocks = 0
        for element in cell.iter(*_BLOCKY):
            if element is cell:
                continue
            blocks += 1
            if blocks > 1 or element.tag in _LAYOUT:
                return False
    return True
