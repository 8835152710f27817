"""Fragments of one sentence cut onto lines of their own: joined again, and the lines in the
middle of a sentence found; the compiled loops (``_walk_dumps.pxi``) answer as the Python ones."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scrubber.blocks import Block
from scrubber.normalise import fragments
from scrubber.source.html import compiled
from scrubber.source.html.compiled import python_walks

needs_walks = pytest.mark.skipif(compiled.walk is None, reason="compiled walks not built")

# Words and marks the answers turn on: small words ("of", casefolded from "OF" or the long s of
# "ſ"), sentence ends, closing and opening marks, lower- and upper-case starts.
PIECES = ["of", "OF", "Of", "the", "aſ", "für", "d'", "Harbour", "storm", "Newsletter", "İ", "ß",
          ".", ",", "!", "?", ":", "…", "”", "(", "-", "–", "/", ")", "%", " ", "  ", "\t", "3"]
texts = st.lists(st.sampled_from(PIECES), min_size=1, max_size=7).map("".join).filter(bool)
lines = st.lists(st.tuples(texts, st.booleans(), st.sampled_from([None, None, None, 4]),
                           st.sampled_from(["paragraph", "paragraph", "heading"])), max_size=12)


def _blocks(rows):
    return [Block(text, kind, index, line, None, 0.0, (), blank) for index, (text, blank, line, kind) in enumerate(rows)]


def test_fragments_of_a_sentence_are_joined_and_a_new_sentence_is_not():
    parts = _blocks([("Ten years of the", False, None, "paragraph"), ("Harbour Festival", False, None, "paragraph"),
                     (", in pictures.", False, None, "paragraph"), ("Share", False, None, "paragraph"),
                     ("More news", True, None, "paragraph")])
    assert [b.text for b in fragments.join_fragments(parts)] == [
        "Ten years of the Harbour Festival, in pictures.", "Share", "More news"]


def test_a_line_inside_a_sentence_is_a_middle_unless_a_neighbour_is_chrome():
    parts = _blocks([("Please", False, None, "paragraph"), ("share this", False, None, "paragraph"),
                     ("with friends.", False, None, "paragraph"), ("Home", False, None, "paragraph")])
    assert fragments.mid_sentence(parts) == [parts[1]]
    assert fragments.mid_sentence(parts, {id(parts[2]): parts[2]}) == []


@needs_walks
@settings(max_examples=400, deadline=None)
@given(lines, st.sets(st.integers(0, 11)))
def test_the_compiled_loops_answer_as_the_python_ones(rows, chrome_at):
    blocks = _blocks(rows)
    chrome = {id(b): b for i, b in enumerate(blocks) if i in chrome_at}
    joined, middles = fragments.join_fragment_runs(blocks), fragments.mid_sentence(blocks, chrome)
    with python_walks():
        assert fragments.join_fragment_runs(blocks) == joined
        assert [id(b) for b in fragments.mid_sentence(blocks, chrome)] == [id(b) for b in middles]
