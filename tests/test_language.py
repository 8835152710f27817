"""The language guess counts each language's stopwords in the page's sample the same way in the
compiled walks' C table as in Python sets: the same words, the same counts, the same guess."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scrubber.blocks import Block
from scrubber.data import LANGUAGES, any_stopwords
from scrubber.language import guess_language, stopword_hits
from scrubber.source.html import compiled

needs_walks = pytest.mark.skipif(compiled.walk is None, reason="compiled walks not built")

# stopwords of several languages (some with letters beyond ASCII), their prefixes and
# extensions, and the separators str.split knows beside the space
_STOPWORDS = sorted(any_stopwords())
_PIECES = st.one_of(
    st.sampled_from(_STOPWORDS),
    st.sampled_from(_STOPWORDS).map(lambda word: word[:-1] or word),
    st.tuples(st.sampled_from(_STOPWORDS), st.sampled_from(["s", "é", "-", ".", "\u00a0"])).map("".join),
    st.sampled_from([" ", " ", " ", "\t", "\n", "\x1c", "\x85", "\u00a0", "\u2003", "\0"]),
    st.text(max_size=4),
)
SAMPLES = st.lists(_PIECES, max_size=40).map("".join)


def python_hits(sample, monkeypatch):
    with monkeypatch.context() as patched:
        patched.setattr(compiled, "walk", None)
        return stopword_hits(sample)


@needs_walks
@settings(max_examples=300, deadline=None)
@given(SAMPLES)
def test_the_compiled_count_is_the_python_count(sample):
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert stopword_hits(sample) == python_hits(sample, monkeypatch)


def test_each_language_counts_its_own_stopwords(monkeypatch):
    sample = "le chat et la souris dans the house of the mouse"
    hits = dict(zip(LANGUAGES, stopword_hits(sample)))
    assert hits["fr"] >= 4 and hits["en"] >= 3 and hits["de"] == 0
    assert stopword_hits(sample) == python_hits(sample, monkeypatch)


@needs_walks
def test_a_sample_with_other_spaces_is_split_as_str_split_splits_it(monkeypatch):
    sample = "the\u00a0cat\tsat on\x1cthe mat"
    assert stopword_hits(sample) == python_hits(sample, monkeypatch)
    assert dict(zip(LANGUAGES, stopword_hits(sample)))["en"] == 3  # the, on, the


@pytest.mark.parametrize("text, lang", [
    ("El consejo aprobó el lunes que la nueva biblioteca abra en mayo y que la sala de lectura esté arriba.", "es"),
    ("Le conseil a décidé lundi que la nouvelle bibliothèque ouvrira en mai et que la salle sera en haut.", "fr"),
    ("The council decided on Monday that the new library will open in May and that the reading room is upstairs.", "en"),
])
def test_the_guess_is_the_same_either_way(text, lang, monkeypatch):
    blocks = [Block("Home"), Block(text)]
    assert guess_language(blocks) == lang
    monkeypatch.setattr(compiled, "walk", None)
    assert guess_language(blocks) == lang
