"""A (pruned) subtree -> blocks that keep their kind: headings with their level, paragraphs,
list items, quotes, code with its line breaks, table rows with cells joined by `` | ``.

Text nodes are joined exactly as a browser would lay them out inline: "word<b>x</b>" is
"wordx", "word <b>x</b>" is "word x". Block elements, table cells and ``<br>`` always
separate words. The walk is iterative, so nesting depth costs nothing; ``_walk_blocks.pxi`` holds
the same walk compiled, which runs when the install built it (``compiled.py``).
"""

from __future__ import annotations

from functools import lru_cache

import regex
from lxml import etree

from ...blocks import Block
from ...normalise.whitespace import clean_line
from . import compiled
from .parse import text_of

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
_BLOCKY = frozenset(("p", "div", "table", "ul", "ol", "dl", "section", "article", "blockquote", "pre",
                     "h1", "h2", "h3", "h4", "h5", "h6", "li"))
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
    if compiled.walk is not None:
        compiled.walk.block_walk(containers, writer, _compiled_tags(), is_link)
        return writer.blocks, writer.origins
    for container in containers:
        writer.walk(container)
    writer.flush(writer.link_chars)
    return writer.blocks, writer.origins


@lru_cache(maxsize=1)
def _compiled_tags():
    """The tag sets above, the heading marks and the Block type as the compiled walk reads
    them (built once, on first use)."""
    return compiled.walk.BlockTags(BLOCK_TAGS, KINDS, INHERITED, _BLOCKY, _LAYOUT, _HEADING_MARKS, Block)


class _Writer:
    """Collects the text of the block being read (``parts``) and writes it out as Blocks when
    a block boundary comes. The walk keeps its counters in local variables (the hot loop
    reads and writes them for every element) and leaves them on the writer between containers."""

    def __init__(self):
        self.blocks: list[Block] = []
        self.origins: list = []
        self.parts: list[str] = []
        self.link_chars = 0  # of the text in parts that is inside a link
        self.stack: list[tuple[object, str, int | None]] = []

    def walk(self, container):
        parts, stack = self.parts, self.stack
        add = parts.append
        link_chars = self.link_chars
        links_open = 0
        walker = etree.iterwalk(container, events=("start", "end"))
        for event, element in walker:
            tag = element.tag
            if event == "start":
                if tag in BLOCK_TAGS:
                    if parts:
                        self.flush(link_chars)
                        link_chars = 0
                    if tag == "pre" or (tag == "tr" and _simple_row(element)):
                        self.special(element, tag)
                        walker.skip_subtree()
                        continue
                    _, parent_kind, level = stack[-1] if stack else (None, "paragraph", None)
                    kind = KINDS.get(tag) or parent_kind
                    if parent_kind in INHERITED and kind == "paragraph":
                        kind = parent_kind
                    if kind == "heading" and tag in KINDS:
                        level = int(tag[1])
                    stack.append((element, kind, level if kind == "heading" else None))
                    text = element.text
                elif tag == "br":
                    text = _BREAK
                elif tag.__class__ is not str:  # a comment: only its tail is text
                    text = element.tail
                else:
                    if tag == "a" and is_link(element):
                        links_open += 1
                    text = element.text
            elif tag.__class__ is not str:
                continue
            elif tag in BLOCK_TAGS:
                text = element.tail
                if stack and stack[-1][0] is element:  # else pre or data row: written at its start
                    if parts:
                        self.flush(link_chars)
                        link_chars = 0
                    stack.pop()
            else:
                if tag == "a" and links_open and is_link(element):
                    links_open -= 1
                text = element.tail
            if text:
                add(text)
                if links_open:
                    link_chars += len(text)
        self.link_chars = link_chars

    def special(self, element, tag):
        if tag == "pre":
            lines = [line.rstrip() for line in text_of(element).splitlines()]
            self.emit("\n".join(line for line in lines if line.strip()), "code", element)
        else:
            cells = (clean_line(text_of(cell)) for cell in element if cell.tag in ("td", "th"))
            self.emit(" | ".join(c for c in cells if c), "table_row", element)

    def flush(self, link_chars=0):
        if not self.parts:
            return
        text = "".join(self.parts)
        self.parts.clear()
        self.link_chars = 0
        self.write(text, link_chars, *(self.stack[-1] if self.stack else (None, "paragraph", None)))

    def write(self, text, link_chars, element, kind, level):
        """Write out the text of one block (``link_chars`` of it inside links) as Blocks: one
        per paragraph that ``<br><br>`` separates, with single ``<br>`` as line breaks."""
        if text.isspace():  # the layout between blocks: most flushes
            return
        density = min(1.0, link_chars / len(text))
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
        # text, kind, index, line, level, link_density: keywords would cost a dict per block
        self.blocks.append(Block(text, kind, len(self.blocks), None, level, density))
        self.origins.append(element)


def is_link(anchor) -> bool:
    """An anchor that leads somewhere: not a named anchor, not a ``javascript:`` handler.

    >>> from scrubber.source.html.parse import parse
    >>> [is_link(a) for a in parse('<a href="/x">x</a><a name="top">t</a><a href="javascript:void(0)">j</a>').iter("a")]
    [True, False, False]
    """
    href = anchor.get("href")
    if href is None:
        return False
    first = href[:1]
    # Only a j can start "javascript:" once case-folded (U+01F0 folds to j + caron): most
    # links are told apart by their first character.
    if first not in "jJ" and not first.isspace():
        return True
    return not href.lstrip()[:11].casefold().startswith("javascript:")


def _simple_row(row) -> bool:
    """A data row: each cell holds inline text or a single paragraph (a layout table's row,
    with lists, headings or several paragraphs in a cell, is a container)."""
    for cell in row:
        blocks = 0
        # A Python loop: lxml's search for this many tags costs microseconds per call to set up.
        for element in cell.iterdescendants():
            tag = element.tag
            if tag in _BLOCKY:
                blocks += 1
                if blocks > 1 or tag in _LAYOUT:
                    return False
    return True
