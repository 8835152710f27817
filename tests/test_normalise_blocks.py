"""pipeline.normalise: the pieces of one flattened line are joined again, run-in headings are
split out of long paragraphs, and the blocks it was given are left as they were."""

from scrubber.blocks import Block
from scrubber.pipeline import normalise

LONG = "The council met on Monday and agreed that the new library will open in May next year."


def test_pieces_of_one_line_are_joined_and_other_blocks_kept_apart():
    blocks = [Block("Short line", index=0), Block("First piece.", index=1, line=7), Block("Second piece.", index=2, line=7),
              Block("Other line.", index=3, line=8), Block("Plain.", index=4), Block("Plain again.", index=5)]
    out = normalise(blocks)
    assert [(b.text, b.index, b.line) for b in out] == [
        ("Short line", 0, None), ("First piece. Second piece.", 1, 7), ("Other line.", 3, 8),
        ("Plain.", 4, None), ("Plain again.", 5, None)]
    assert blocks[1].text == "First piece."  # the given blocks are not changed


def test_a_long_paragraph_without_a_heading_comes_out_as_a_fresh_paragraph_block():
    given = Block(LONG, index=3, after_blank=True)
    (out,) = normalise([given])
    assert out == Block(LONG, kind="paragraph", index=3) and out is not given


def test_a_flattened_line_with_a_run_in_heading_is_split():
    pieces = [Block("Talks ended on Monday without a deal.", index=0, line=1),
              Block("Security Guarantees Under Discussion Significant attention is paid to the guarantees.",
                    index=1, line=1)]
    out = normalise(pieces)
    assert [(b.kind, b.text, b.line) for b in out] == [
        ("paragraph", "Talks ended on Monday without a deal.", None),
        ("heading", "Security Guarantees Under Discussion", None),
        ("paragraph", "Significant attention is paid to the guarantees.", None)]


def test_a_long_piece_of_a_flattened_line_loses_its_line_as_before():
    (out,) = normalise([Block(LONG, index=2, line=4)])
    assert (out.text, out.line, out.index) == (LONG, None, 2)
