"""The compiled cut of a text dump into Blocks (``_walk_dump_lines.pxi``) gives exactly the
Blocks its Python twin (``source.text.text_blocks``) gives: the same lines, cleaned and joined
the same, with the same fields and keys."""

import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scrubber.blocks import Block
from scrubber.source.html import compiled
from scrubber.source.html.compiled import python_walks
from scrubber.source.text import text_blocks

needs_walks = pytest.mark.skipif(compiled.walk is None, reason="compiled walks not built")

# Words, spaces, indents and line breaks of every kind splitlines knows, controls, invisible
# characters, letters beyond ASCII (one that folds to two), and sentence ends for long lines.
_PARTS = st.sampled_from(["Home", "the", "ferry", "runs", "Straße", "Ünï", "İ", "é", "ǅ", "一", "𐐀", "2025", ",",
                          "-", "–", "(", ".", "?", "Top", "News", "The", "council", "met."])
_GAPS = st.sampled_from([" ", " ", " ", "  ", "\t", "\u00a0", "\u200b", "\x07", "\x1f", "\ud800", "\n", "\n",
                         "\n ", "\n\t", "\n\u00a0", "\r\n", "\r", "\x0b", "\x0c", "\x1c", "\x85", "\u2028",
                         "\u2029", "\n\n", "\n \n", ""])
DUMPS = st.lists(st.tuples(_PARTS, _GAPS), max_size=60).map(lambda parts: "".join(p + g for p, g in parts))
LONG_DUMPS = st.lists(DUMPS, min_size=1, max_size=4).map(lambda dumps: " Home News Sport Weather ".join(dumps) * 8)


def _fields(blocks):
    return [(b.text, b.kind, b.index, b.line, b.level, b.link_density, b.hints, b.after_blank, b.key())
            for b in blocks]


def _same_blocks(dump):
    made = text_blocks(dump)
    assert all(type(b) is Block for b in made)
    with python_walks():
        assert _fields(made) == _fields(text_blocks(dump))


@needs_walks
@settings(max_examples=400, deadline=None)
@given(DUMPS)
def test_the_compiled_dump_walk_makes_the_python_blocks(dump):
    _same_blocks(dump)


@needs_walks
@settings(max_examples=60, deadline=None)
@given(LONG_DUMPS)
def test_the_compiled_dump_walk_cuts_long_lines_as_python(dump):
    _same_blocks(dump)


@needs_walks
def test_the_compiled_dump_walk_reads_every_character_as_python():
    _same_blocks("\n".join(f"{chr(point)}a b" for point in range(0x20000)))
    # (an indented line goes on from a line that ends on a letter, a digit or some marks)
    _same_blocks("\n".join(f"It goes on {chr(point)}\n  and on" for point in range(0x20000)))


def test_the_line_breaks_are_those_of_splitlines():
    # (the compiled walk tells them by their code points)
    breaks = [c for c in map(chr, range(sys.maxunicode + 1)) if len(f"a{c}b".splitlines()) == 2]
    assert breaks == ["\n", "\v", "\f", "\r", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]


def test_a_printable_line_has_no_whitespace_but_the_space():
    # (the compiled walk collapses a printable line's spaces alone)
    assert [c for c in map(chr, range(sys.maxunicode + 1)) if c.isprintable() and c.isspace()] == [" "]
