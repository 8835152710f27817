"""``Vocabulary`` reads a page's words in C when the compiled walks are built
(``_walk_headings.pxi``): the lower-case words, names and pairs of names it finds are those its
Python twin finds, for any text (tokens cut where ``tokens_of`` cuts them, words stripped as
``bare`` strips them, case folded as ``str.casefold`` folds it)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scrubber.data import small_words
from scrubber.normalise import words
from scrubber.normalise.words import Vocabulary, tokens_of
from scrubber.source.html import compiled

needs_walks = pytest.mark.skipif(compiled.walk is None, reason="compiled walks not built")


def python_read(texts):
    return words._page_vocabulary(map(tokens_of, texts))


def compiled_read(texts):
    return compiled.walk.page_vocabulary(texts, small_words(), words._BARE_EDGES, words._STOPS, words._CLOSERS)


_WORDS = ["we", "met", "the", "of", "in", "and", "Angela", "Merkel", "Berlin", "New", "Zealand", "ÉTÉ", "été",
          "Straße", "STRASSE", "İstanbul", "ǅemal", "ﬁle", "said", "Mayor", "2019", "—", "&", "x"]
_TOKENS = st.one_of(
    st.sampled_from(_WORDS),
    st.tuples(st.sampled_from(["", "“", "(", "'", "«"]), st.sampled_from(_WORDS),
              st.sampled_from(["", ".", ",", ":", "?", ".”", ")", "…", ".)”", "!»", ";"])).map("".join),
    st.text(alphabet="aZé.,:;!?\"'”’«»()…", min_size=1, max_size=3),
    st.text(min_size=1, max_size=3),
)
_SPACES = st.sampled_from([" ", " ", " ", "  ", "\t", "\n", "\x1c", "\x1f", "\x85", "\u00a0", "\u2003", "\u3000"])
TEXTS = st.lists(st.lists(st.tuples(_TOKENS, _SPACES).map("".join), max_size=25).map("".join), max_size=6)


@needs_walks
@settings(max_examples=500, deadline=None)
@given(TEXTS)
def test_the_compiled_pass_finds_what_the_python_pass_finds(texts):
    assert compiled_read(texts) == python_read(texts)


def test_names_are_capitalised_words_inside_a_running_sentence():
    texts = ["Berlin Update", "We met Angela Merkel in Berlin, then Olaf. Scholz left: Paris"]
    lower, midcap, pairs = python_read(texts)
    assert midcap == {"Angela", "Merkel", "Berlin", "Olaf"} and pairs == {("Angela", "Merkel")}
    assert lower == {"met", "in", "then", "left"}
    if compiled.walk is not None:
        assert compiled_read(texts) == (lower, midcap, pairs)


def test_either_pass_gives_the_vocabulary_the_same_answers(monkeypatch):
    texts = ["We met Angela Merkel in Berlin.", "Angela said the talks went well."]
    built = Vocabulary.of(texts)
    answers = (built.name("Merkel"), built.name("Angela"), built.common("Talks"), built.pairs)
    monkeypatch.setattr(compiled, "walk", None)
    pure = Vocabulary.of(texts)
    assert (pure.name("Merkel"), pure.name("Angela"), pure.common("Talks"), pure.pairs) == answers
    assert answers == (True, True, True, {("Angela", "Merkel")})
