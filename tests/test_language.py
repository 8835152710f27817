"""The language guess takes the same sample of the page's sentences, and counts each language's
stopwords in it the same way, in the compiled walks' C table as in Python sets: the same words,
the same counts, the same guess."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scrubber.blocks import Block
from scrubber.data import LANGUAGES, any_stopwords
from scrubber import language
from scrubber.language import (LANGUAGE_FALLBACK_LINES, LANGUAGE_SAMPLE_CHARS, LANGUAGE_SAMPLE_MIN_WORDS, guess_language,
                               stopword_hits)
from scrubber.scoring.features import SCRIPT_MAX_SPACES, SCRIPT_MIN_CHARS, script_like
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


_WORDS = st.sampled_from(["the", "Die", "und", "Straße", "İstanbul", "ΣΟΦΙΑ", "𐐀", "ﬁn", "el", "de", "{x:1};", "a=b;",
                          "<img", 'width="1"', "/>", "", "  "])
SAMPLE_LINES = st.lists(st.lists(_WORDS, max_size=14).map(" ".join), max_size=12)


def _compiled_and_python_samples(texts):
    blocks = [Block(text) for text in texts]
    compiled_sample = compiled.walk.language_sample(blocks, Block, script_like, LANGUAGE_SAMPLE_MIN_WORDS,
                                                    LANGUAGE_SAMPLE_CHARS, LANGUAGE_FALLBACK_LINES)
    # ... the same when the compiled walk screens the texts script_like is asked about
    screened = compiled.walk.language_sample(blocks, Block, script_like, LANGUAGE_SAMPLE_MIN_WORDS,
                                             LANGUAGE_SAMPLE_CHARS, LANGUAGE_FALLBACK_LINES, SCRIPT_MIN_CHARS,
                                             SCRIPT_MAX_SPACES)
    assert screened == compiled_sample
    return compiled_sample, language._language_sample(blocks)


@needs_walks
@given(SAMPLE_LINES)
def test_the_compiled_sample_is_the_python_sample(texts):
    compiled_sample, python_sample = _compiled_and_python_samples(texts)
    assert compiled_sample == python_sample


@needs_walks
def test_the_compiled_sample_is_cut_and_folded_as_the_python_sample():
    lines = [f"Die Straße {chr(point)} und der Rat und die Stadt und das Amt" for point in range(0x20000)]
    compiled_sample, python_sample = _compiled_and_python_samples(lines)
    assert len(python_sample) >= LANGUAGE_SAMPLE_CHARS and compiled_sample == python_sample
    for start in range(0, 0x20000, 300):  # every character folded, a sample at a time
        compiled_sample, python_sample = _compiled_and_python_samples(lines[start:start + 300])
        assert compiled_sample == python_sample


@needs_walks
def test_the_screened_sample_leaves_out_the_same_scripts():
    script = "function(e,t){return e&&t?(n.push([e,t]),r(n)):void 0};var o=window.x||{};" * 5  # ten spaces
    lines = [script, "Die Straße und der Rat " * 8, "x " * 9 + "y" * 150, '<img src="p.gif" width="1"> und der Rat und die Stadt',
             "The council met on Monday and agreed that the library opens in May. " * 3, " " * 8 + "z" * 200]
    assert script_like(script) and not script_like(lines[2])
    compiled_sample, python_sample = _compiled_and_python_samples(lines)
    assert compiled_sample == python_sample and "function" not in compiled_sample and "p.gif" not in compiled_sample
