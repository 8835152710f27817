"""Block.key(): the line key rules compare, whatever whitespace the text holds."""

import sys

import pytest
from hypothesis import given, strategies as st

from scrubber.blocks import Block, line_keys
from scrubber.rules import line_key
from scrubber.source.html import compiled

WHITESPACE = "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace())


@given(st.text(alphabet=st.sampled_from("aB ß\u00a0\t\nx.İ" + WHITESPACE)))
def test_key_is_the_line_key(text):
    assert Block(text).key() == line_key(text)


def test_every_whitespace_character_collapses():
    for char in WHITESPACE:
        assert Block(f"Top{char}of  page").key() == "top of page", repr(char)


def test_key_follows_a_new_text():
    block = Block("Share")
    assert block.key() == "share"
    block.text = "Read  MORE "
    assert block.key() == "read more"


def test_the_fields_keep_the_order_hot_paths_pass_them_in():
    # source/text.py and the compiled block walk build Blocks by position, a quarter cheaper
    # than by keyword: a reordered field would put values in the wrong places silently
    made = Block("Rain fell.", "heading", 3, 7, 2, 0.5, ("story",), True)
    assert made == Block(text="Rain fell.", kind="heading", index=3, line=7, level=2, link_density=0.5,
                         hints=("story",), after_blank=True)


# mostly printable ASCII (keyed in one pass where compiled), with the odd case fold and whitespace
LINES = st.text(alphabet=st.sampled_from("aZ09 .:\t\x7f\x1f~" + "üßİΣ\x85\u00a0\u200b"), max_size=12)


@given(st.lists(LINES, max_size=6))
def test_line_keys_are_the_keys_of_the_blocks(texts):
    # (the compiled line_keys where it is built, the Python one otherwise: both, over a test run each way)
    blocks = [Block(text) for text in texts]
    assert line_keys(blocks) == [line_key(text) for text in texts]
    assert [block.key() for block in blocks] == [line_key(text) for text in texts]  # as kept on the blocks


def test_line_keys_follow_a_new_text():
    block = Block("Share")
    assert line_keys([block]) == ["share"]
    block.text = "Read MORE"
    assert line_keys([block, Block(" Top  of PAGE")]) == ["read more", "top of page"]


needs_walks = pytest.mark.skipif(compiled.walk is None, reason="compiled walks not built")


@needs_walks
def test_the_compiled_keys_fold_every_character_as_str_casefold():
    # (the compiled walk folds each character below U+10000 from a table of its own)
    texts = [f"Ab{chr(point)}Z é" for point in range(0x20000)]
    keyed = line_keys([Block(text) for text in texts])
    with compiled.python_walks():
        assert keyed == line_keys([Block(text) for text in texts])


@needs_walks
@given(st.lists(st.text(max_size=8), max_size=6))
def test_the_compiled_keys_are_the_python_keys(texts):
    keyed = line_keys([Block(text) for text in texts])
    with compiled.python_walks():
        assert keyed == line_keys([Block(text) for text in texts])
