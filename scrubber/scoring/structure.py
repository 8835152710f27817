"""Lines of a table, a query or a formula split into lines of the dump: structure inside the
article, not chrome around it. A capitalised short line costs the scorer as much as a menu's
label; these rules let such lines cost no more than a line of code (``cost``) when the lines
around them show that they are cells, keywords or symbols, so that a long table or query does
not end the article.
"""

from __future__ import annotations

import re
import string
from itertools import compress, repeat
from operator import attrgetter, gt, is_, not_

import regex

from ..source.html import compiled
from .features import plane_classes


def cheapen_structure_lines(values, short, blocks, cost):
    """Apply every rule of this module to the region values of ``blocks`` (``short``: the
    positions, in order, of the lines the scorer labelled short). Every rule but one judges
    short lines only, so it visits only them, not every line of the page."""
    figures = figured_lines(short, blocks)
    cheapen_table_cells(values, figures, blocks, cost)
    cheapen_code_tokens(values, short, blocks, cost)
    cheapen_structure(values, blocks, cost)
    cheapen_row_heads(values, short, figures, blocks, cost)


def figured_lines(short, blocks) -> set[int]:
    """The positions in ``short`` of lines of the dump (not pieces of a flattened line) with a
    figure in them (``FIGURE``). Most short lines have none: the ASCII digits of all of them
    are found at once (in one pass over their characters where the compiled walks are built),
    and only a line beyond ASCII without one is searched for another script's digit.

    >>> from scrubber.blocks import Block
    >>> sorted(figured_lines([0, 1, 2, 3], [Block("May 2015"), Block("Home"), Block("Seite ٣"), Block("4", line=7)]))
    [0, 2]
    """
    if compiled.walk is not None:
        found, asked = compiled.walk.figure_screen(short, blocks)
        return set(found).union(compress(asked, map(FIGURE.search, map(_TEXT, map(blocks.__getitem__, asked)))))
    lines = list(compress(short, map(is_, map(_LINE, map(blocks.__getitem__, short)), repeat(None))))
    texts = list(map(_TEXT, map(blocks.__getitem__, lines)))
    digits = "\0".join(texts).encode("ascii", "ignore").translate(None, _NOT_DIGITS).split(b"\0")
    if len(digits) != len(texts):  # a NUL inside a text
        return {p for p, t in zip(lines, texts) if FIGURE.search(t) is not None}
    found = set(compress(lines, digits))
    for position, text in compress(zip(lines, texts), map(not_, map(str.isascii, texts))):
        if position not in found and FIGURE.search(text) is not None:
            found.add(position)
    return found


_LINE, _TEXT = attrgetter("line"), attrgetter("text")
_NOT_DIGITS = bytes(sorted(set(range(256)) - set(b"0123456789\0")))


def cheapen_table_cells(values, figures, blocks, cost):
    """A capitalised short line with a figure in it, beside another short line with a figure,
    is a table's cell split into a line of the dump ("April 2014", "4.3"; "Release 2.1",
    "12 May"; ``figures``: the short lines with a figure, as ``figured_lines`` finds them): it costs no more than a line of code, so that a table inside the article does
    not end it. Alone, such a line is a dateline or a teaser's date, and keeps its cost.

    >>> from scrubber.blocks import Block
    >>> lines = [Block(t) for t in ["Released", "March 2015", "2.4", "Notes", "June 2016"]]
    >>> values = [-5.0, -5.0, -1.0, -5.0, -5.0]
    >>> cheapen_table_cells(values, figured_lines(range(5), lines), lines, 1.0)
    >>> values
    [-5.0, -1.0, -1.0, -5.0, -5.0]
    """
    for position in figures:
        if blocks[position].text[:1].isupper() and (position - 1 in figures or position + 1 in figures):
            values[position] = max(values[position], -cost)


FIGURE = regex.compile(r"\d")


def cheapen_row_heads(values, short, figures, blocks, cost):
    """A short line between two lines of bare figures, with a second figure on one side, heads
    a row of a table split into lines of the dump ("Ann Marsh", "63", "16.6%", "Tom Reed", "56",
    "14.7%"): it costs no more than a line of code, even when the name recurs in a second
    table. A list of teasers or categories with one count each ("Sailing", "12", "Rowing",
    "7") has no such second figure and keeps its cost. (``figures``: the short lines with a
    figure, as ``figured_lines`` finds them; every bare figure is one of them.)

    >>> from scrubber.blocks import Block
    >>> lines = [Block(t) for t in ["Ann Marsh", "63", "16.6%", "Tom Reed", "56", "14.7%", "Clubs",
    ...                             "Sailing", "12", "Rowing", "7", "Diving"]]
    >>> values = [-13.0, -1.0, -1.0, -13.0, -1.0, -1.0, -5.0, -5.0, -1.0, -5.0, -1.0, -5.0]
    >>> cheapen_row_heads(values, range(12), figured_lines(range(12), lines), lines, 1.0)
    >>> values
    [-13.0, -1.0, -1.0, -1.0, -1.0, -1.0, -5.0, -5.0, -1.0, -5.0, -1.0, -5.0]
    """
    bare = {p for p in figures if BARE_FIGURE.fullmatch(blocks[p].text.strip()) is not None}
    # only a line between two bare figures is asked: on most pages there is none
    between = [p + 1 for p in bare if p + 2 in bare]
    if not between:
        return
    short = set(short)
    for position in between:
        if position in short and position >= 2 and (position - 2 in bare or position + 2 in bare):
            values[position] = max(values[position], -cost)


# A cell of figures alone: "63", "16.6%", "$40,266", "-0.5".
BARE_FIGURE = regex.compile(r"[-+−$€£]?\d[\d.,]*\s?%?")


def cheapen_code_tokens(values, short, blocks, cost):
    """A short line between two tokens of code or of a formula split into lines of the dump
    ("( SELECT", "AS", "( n)"; "x", "=", "y") is a token of it too, however it is capitalised: it
    costs no more than a line of code, so that a query or an equation does not end the article.

    >>> from scrubber.blocks import Block
    >>> lines = [Block(t) for t in ["( SELECT", "AS", "( n)", "Contact", "Home"]]
    >>> values = [-1.0, -5.0, -1.0, -5.0, -5.0]
    >>> cheapen_code_tokens(values, range(5), lines, 1.0)
    >>> values
    [-1.0, -1.0, -1.0, -5.0, -5.0]
    """
    if compiled.walk is not None:  # in C, which tells an ASCII line's tokens itself
        tokens = compiled.walk.code_token_lines(short, values, blocks, cost, is_token)
    else:  # only the neighbours of a short line that costs more are asked: most lines need no test
        dear = [p for p in short if values[p] < -cost and 0 < p < len(blocks) - 1]
        tokens = _tokens_among(_tokens_among(dear, -1, blocks), 1, blocks)
    for position in tokens:
        values[position] = -cost


def _tokens_among(positions, side, blocks) -> list[int]:
    """The ``positions`` whose neighbour on ``side`` (-1 before, 1 after) is a line of the dump
    and ``is_token``."""
    asked = [p for p in positions if blocks[p + side].line is None]
    return list(compress(asked, map(is_token, [blocks[p + side].text for p in asked])))


def cheapen_structure(values, blocks, cost):
    """A line of the dump made of figures and symbols, or drawn with box-drawing rules, is a
    row of a table or a piece of a formula printed in the article ("12 │ 4.07 │ t", "(31,2 km)"):
    it costs no more than a line of code, however many cells it has, so that the prose after a
    long result table still joins the article. A time stamp or a slideshow counter keeps its cost.

    >>> from scrubber.blocks import Block
    >>> lines = [Block(t) for t in ["12 │ 4.07 │ 0.51 │ 3.2 │ 9.1", "2019-04-01 10:00 │ 17 │ 3", "Home", "14:44"]]
    >>> values = [-9.0, -7.0, -5.0, -9.0]
    >>> cheapen_structure(values, lines, 1.0)
    >>> values
    [-1.0, -1.0, -5.0, -9.0]
    """
    # a line that costs no more already (most: prose has a positive value) need not be read
    if compiled.walk is not None:  # the lines found in C, most of them surely no structure left out
        sure, dear = compiled.walk.structure_candidates(values, blocks, cost, STRUCTURE_MIN_CHARS, COUNTER_MAX_CHARS,
                                                        CLOCK_MAX_CHARS, plane_classes())
        for position in sure:
            values[position] = -cost
    else:
        dear = [p for p in compress(range(len(values)), map(gt, repeat(-cost), values)) if blocks[p].line is None]
    for position in compress(dear, map(is_structure, [blocks[p].text for p in dear])):
        values[position] = -cost


def is_structure(text: str) -> bool:
    """Mostly figures and symbols, or box-drawing: a table row or a formula, not a label.

    >>> [is_structure(t) for t in ["3 │ 0.25 │ f", "(12,400 km)", "───┼───", "14:44", "Read more", "Top 10 tips"]]
    [True, True, True, False, False, False]
    """
    if not text.isascii() and BOX.search(text):
        return True
    visible = len(text) - text.count(" ")
    # a stamp is no structure, but only a line of few letters can be one: most lines need no match
    return visible >= STRUCTURE_MIN_CHARS and _few_letters(text, visible) and not is_stamp(text)


def _few_letters(text: str, visible: int) -> bool:
    """Whether under a third of the ``visible`` characters of ``text`` are letters (as
    ``str.isalpha`` has it), counted in C: every line of a page is asked, paragraphs too. The
    ASCII letters of a line are the fewest letters it can have: most lines have enough of them."""
    encoded = text.encode("utf-8")  # a character beyond ASCII is no byte of an ASCII letter
    ascii_letters = len(encoded) - len(encoded.translate(None, _ASCII_LETTERS))
    if ascii_letters * 3 >= visible or text.isascii():
        return ascii_letters * 3 < visible
    return (len(text) - len(_LETTER_RUNS.sub("", text))) * 3 < visible


# a range of code points, which ``re`` matches as ``regex`` does, with less work per call
BOX = re.compile(r"[\u2500-\u257f]")
_LETTER_RUNS = regex.compile(r"\p{L}+")  # what str.isalpha() calls letters
_ASCII_LETTERS = bytes(string.ascii_letters, "ascii")
# Below this a figure alone ("42", "2.5") may be a label's count or a price: left to the cells rule.
STRUCTURE_MIN_CHARS = 6


# A slideshow's counter over its captions, "3/30": the counters with one total are one template
# (a table's "23/16" and "74/60" are not).
COUNTER = regex.compile(r"\d{1,3} ?(?:/|of|von|de|sur|z|di) ?(\d{1,3})")


# A time of day alone on a line, "14:44", "9.05 am", "14h32": a ticker's or a feed's stamp.
CLOCK = regex.compile(r"(?:[01]?\d|2[0-3])[:.h][0-5]\d(?: ?(?:am|pm|uhr))?", regex.IGNORECASE)
# The longest lines they match ("999 sur 999", "23:59 uhr"; each character of the pattern
# matches one of the line): a longer line, such as a dateline or a sentence, needs no match.
COUNTER_MAX_CHARS, CLOCK_MAX_CHARS = 11, 9


def is_stamp(text: str) -> bool:
    """A slideshow's counter or a ticker's time alone on a line: an item's label, not a figure.

    >>> [is_stamp(t) for t in ["3/30", "14:44", " 9.05 am", "12 │ 4.07", "Top 10"]]
    [True, True, True, False, False]
    """
    # both start with a digit: a line starting with another ASCII character (most) needs no match
    first = text.lstrip()[:1]
    if first.isascii() and not first.isdigit():
        return False
    if len(text) <= COUNTER_MAX_CHARS and COUNTER.fullmatch(text):
        return True
    stripped = text.strip()
    return len(stripped) <= CLOCK_MAX_CHARS and CLOCK.fullmatch(stripped) is not None


def is_token(text: str) -> bool:
    """A token of code or of a formula split into text nodes ("( n)", "FROM orders", "H"), or a
    wiki's "[edit]" link or footnote back-links ("a b"): these repeat all through a technical
    article or a wiki page, unlike the labels of a teaser or comment list ("Reply", "REPLY",
    "1", "read more").

    >>> [is_token(t) for t in ["( n)", "H", "[ edit]", "FROM orders", "a b", "Reply", "REPLY", "1", "read more"]]
    [True, True, True, True, True, False, False, False, False]
    """
    if text.lstrip()[:1] in ("(", "[", "{"):
        return True
    # Code is written in ASCII; a site's name joined by an underscore in a list of blogs is not.
    if text.isascii() and has_code(text):
        return True
    # every word a single character: two visible characters side by side end it (a paragraph, at once)
    return _TWO_VISIBLE.search(text) is None and any(c.isalpha() for c in text)


def has_code(text: str) -> bool:
    """An upper-case keyword before a lower-case name, or a symbol no label uses.

    >>> [has_code(t) for t in ["SELECT name", "Total = a_b", "x[0]", "TV Guide", "Reply"]]
    [True, True, True, False, False]
    """
    if _CODE_SYMBOL.search(text):
        return True
    # a keyword's second letter is a capital: any other ASCII character there rules it out
    second = text[1:2]
    if second.isascii() and not "A" <= second <= "Z":
        return False
    # whitespace follows the keyword: a line without a space that prints whole has none
    # (every other whitespace character is unprintable), as "HOME" or "FAQ"
    if " " not in text and text.isprintable():
        return False
    return _CODE_KEYWORD.match(text) is not None


_CODE_KEYWORD = regex.compile(r"\p{Lu}{2,}\s+[\p{Ll}_]")
# a class of plain characters: the faster ``re`` finds what ``regex`` would
_CODE_SYMBOL = re.compile(r"[_;={}\[\]]")
# ``re`` spaces are what ``str.split`` splits on.
_TWO_VISIBLE = re.compile(r"\S\S")
