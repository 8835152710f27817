"""The glance at a sentence's first words (``_may_open_heading``) never passes over a sentence
that ``_heading_at`` would find a heading at: paragraphs split the same with or without it. Its
compiled twin (``_walk_headings.pxi``), which glances at a whole paragraph before it is cut
into tokens, agrees with it on every paragraph."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scrubber.data import small_words, stopwords, word_list
from scrubber.normalise import headings
from scrubber.normalise.headings import Vocabulary, _heading_at, _may_open_heading, split_run_in_headings
from scrubber.normalise.words import STOP_OR_CLOSER, tokens_of
from scrubber.source.html import compiled

needs_walks = pytest.mark.skipif(compiled.walk is None, reason="compiled walks not built")

# words of every shape the heading tests read: capitalised common words and names, small words,
# sentence openers, list numbers, question and sentence ends, quotes and brackets
_WORDS = ["the", "The", "of", "a", "to", "Les", "les", "fabricants", "Un", "marché", "Die", "Neue", "Regeln",
          "für", "Mieter", "Ab", "Januar", "gilt", "There’s", "There's", "Why", "Does", "Dough", "Need", "Time?",
          "Security", "Guarantees", "Under", "Discussion", "Significant", "attention", "is", "paid", "said",
          "Mayor", "Janet", "Okafor", "Ana", "Ruiz,", "tenant,", "Budget", "Review", "Rents", "Keep", "Climbing",
          "3", "2.", "1)", "Ways", "U.S.", "Dr.", "ended.", "left.", "May.", "why?", "“Quoted", "word”", "(aside)",
          "&", "–", "2019", "New", "Zealand", "When", "In", "it", "week", "Cada", "año", "El"]
PARAGRAPHS = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=40).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(PARAGRAPHS, st.sampled_from(["en", "fr", "de"]))
def test_no_sentence_that_opens_a_heading_is_passed_over(text, lang):
    vocabulary = Vocabulary.of([text, "the budget of the tenant: Janet Okafor met Ana Ruiz in New Zealand."],
                               stopwords(lang))
    tokens = vocabulary.tokens(text)
    capitals = bytes(map(str.isupper, (t[0] for t in tokens)))
    questions = "?" in text
    for first in range(len(tokens)):
        if _heading_at(tokens, first, vocabulary, questions):
            assert _may_open_heading(tokens, first, capitals, questions, vocabulary.capitalises_nouns)


@settings(max_examples=200, deadline=None)
@given(PARAGRAPHS, st.sampled_from(["en", "de"]))
def test_paragraphs_split_the_same_without_the_glance(text, lang):
    screened = split_run_in_headings(text, Vocabulary.of([text], stopwords(lang)))
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setattr(headings, "_may_open_heading", lambda *_: True)
        monkeypatch.setattr(compiled, "walk", None)
        assert split_run_in_headings(text, Vocabulary.of([text], stopwords(lang))) == screened


def python_glance(text, questions, capitalises_nouns):
    """Where ``_may_open_heading`` holds: the paragraph's first token or one after a stop or closer."""
    tokens = tokens_of(text)
    capitals = bytes(map(str.isupper, (t[0] for t in tokens)))
    starts = [0] + [i for i in range(1, len(tokens)) if tokens[i - 1][-1] in STOP_OR_CLOSER]
    return [first for first in starts
            if first < len(tokens) and _may_open_heading(tokens, first, capitals, questions, capitalises_nouns)]


def compiled_glance(text, questions, capitalises_nouns):
    return compiled.walk.heading_openings(text, questions, capitalises_nouns, small_words(), headings._list_number,
                                          word_list("sentence_openers"), STOP_OR_CLOSER, headings.MIN_HEADING_WORDS,
                                          headings.MAX_SENTENCE_CASE_WORDS)


_SPACES = st.sampled_from([" ", " ", " ", "  ", "\t", "\n", "\x1c", "\x85", "\u00a0", "\u3000"])
SPACED = st.lists(st.tuples(st.one_of(st.sampled_from(_WORDS + ["FÜR", "tHe", "ﬁ", "Ǆ", "ǅ"]), st.text(min_size=1, max_size=3)),
                            _SPACES).map("".join), max_size=40).map("".join)


@needs_walks
@settings(max_examples=500, deadline=None)
@given(SPACED, st.booleans(), st.booleans())
def test_the_compiled_glance_at_a_paragraph_agrees_with_the_python_glance(text, questions, capitalises_nouns):
    assert compiled_glance(text, questions, capitalises_nouns) == python_glance(text, questions, capitalises_nouns)


def test_a_sentence_of_lower_case_words_is_passed_over():
    tokens = "The council met on Monday and agreed.".split()
    assert not _may_open_heading(tokens, 0, bytes(map(str.isupper, (t[0] for t in tokens))), False, False)
    tokens = "Security Guarantees Under Discussion Significant attention is paid.".split()
    assert _may_open_heading(tokens, 0, bytes(map(str.isupper, (t[0] for t in tokens))), False, False)
