"""The compiled ``lower_text`` (``_walk_lower.pxi``) lowers as str.lower does: every character,
the capital sigma (whose case depends on its neighbours), characters that lower to several, and
a result stored as narrow as str.lower stores it."""

import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scrubber.source.html import compiled
from scrubber.title_phrase import repeated_head_phrase

pytestmark = pytest.mark.skipif(compiled.walk is None, reason="compiled walks not built")


def _same(text):
    lowered = compiled.walk.lower_text(text)
    assert lowered == text.lower()
    assert sys.getsizeof(lowered) == sys.getsizeof(text.lower())  # the same kind of str


def test_every_character():
    for start in range(0, 0x110000, 4096):
        chunk = "".join(map(chr, range(start, min(start + 4096, 0x110000))))
        for text in (chunk, "Ā" + chunk + " Ab"):
            _same(text)


@pytest.mark.parametrize("text", ["ΟΔΟΣ ΣΑΣ Ā", "İstanbul’s Ā", "Ÿes Ā", "\u212a Kelvin’s", "x\U0001D400Y ’", "Ā", "",
                                  "Plain ASCII", "Œuvre – Ÿ"])
def test_special_texts(text):
    _same(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("AbΣσİiŸÿ\u212a’ .|É\U0001D400"), max_size=30))
def test_random_texts(text):
    _same(text)


def test_title_phrase_as_python():
    pieces = ["Reisen: Nachtzüge kehren zurück | Die Bahn’s Zeitung", "Nachtzüge Kehren Zurück in die Alpen"]
    found = repeated_head_phrase(pieces)
    with compiled.python_walks():
        assert repeated_head_phrase(pieces) == found
    assert found is not None and found[0] == "Nachtzüge kehren zurück"
