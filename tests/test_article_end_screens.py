"""article_end reads less than every line: the prose before each line is counted in C where the
compiled walks are built (as its Python twin counts it), and markers are matched only from the
first line with enough prose above it (every line below it has, none above it has)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scrubber.blocks import Block
from scrubber.filters import article_end
from scrubber.filters.article_end import MIN_WORDS_BEFORE, _prose_words_before
from scrubber.source.html import compiled
from scrubber.source.html.compiled import python_walks

# Words, sentence ends and whitespace of every kind str.split knows (ASCII and beyond).
PIECES = ["bread " * 5, "bread", "Brot", "été", "a", "\x85", "𝔅", " ", "  ", "\t", "\n", "\x1f", "\xa0", "\u2009", "\u3000", ".", "!", ".”",
          "”", '."', "…", "?", ",", "13"]
texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@pytest.mark.skipif(compiled.walk is None, reason="compiled walks not built")
@settings(max_examples=300, deadline=None)
@given(st.lists(texts, max_size=12), st.sampled_from([None, 0, 5, MIN_WORDS_BEFORE]))
def test_the_compiled_count_of_prose_words_is_the_pythons(lines, enough):
    blocks = [Block(text) for text in lines]
    with python_walks():
        expected = _prose_words_before(blocks, enough)
    assert _prose_words_before(blocks, enough) == expected
    if enough is None:
        assert expected[-1] == sum(len(text.split()) for text in lines if len(text.split()) >= 8
                                   or (len(text.split()) >= 3 and text.rstrip().endswith(article_end._SENTENCE_END)))


@settings(max_examples=300, deadline=None)
@given(st.lists(texts, max_size=12))
def test_markers_are_matched_from_the_first_line_with_enough_prose_above_it(lines):
    blocks = [Block(text) for text in lines]
    prose = _prose_words_before(blocks)
    first = len(_prose_words_before(blocks, MIN_WORDS_BEFORE)) - 1
    for position in range(len(blocks)):
        assert (prose[position] >= MIN_WORDS_BEFORE) == (position >= first)


@settings(max_examples=300, deadline=None)
@given(st.lists(texts, max_size=12))
def test_markers_are_matched_from_the_first_line_both_prose_guards_pass(lines):
    blocks = [Block(text) for text in lines]
    prose = _prose_words_before(blocks)
    passing = [position for position in range(len(blocks))
               if prose[position] >= MIN_WORDS_BEFORE and prose[-1] - prose[position + 1] < prose[position]]
    first = article_end._first_end(prose)
    assert passing == list(range(first, len(blocks)))
