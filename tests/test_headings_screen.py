"""The glance at a sentence's first words (``_may_open_heading``) never passes over a sentence
that ``_heading_at`` would find a heading at: paragraphs split the same with or without it."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scrubber.data import stopwords
from scrubber.normalise import headings
from scrubber.normalise.headings import Vocabulary, _heading_at, _may_open_heading, split_run_in_headings

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
        assert split_run_in_headings(text, Vocabulary.of([text], stopwords(lang))) == screened


def test_a_sentence_of_lower_case_words_is_passed_over():
    tokens = "The council met on Monday and agreed.".split()
    assert not _may_open_heading(tokens, 0, bytes(map(str.isupper, (t[0] for t in tokens))), False, False)
    tokens = "Security Guarantees Under Discussion Significant attention is paid.".split()
    assert _may_open_heading(tokens, 0, bytes(map(str.isupper, (t[0] for t in tokens))), False, False)
