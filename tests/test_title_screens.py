"""The shortcuts the title stages take to read less of a line give the answers of the plain
reading they replace, on random text: a sentence end looked for from the last letter near the
end, words counted only as far as a prose line needs, a repeat's words read only as far as its
run with the head goes."""

from unittest.mock import patch

from hypothesis import given, settings
from hypothesis import strategies as st

from scrubber import title, title_phrase
from scrubber.title_phrase import MAX_PHRASE_WORDS, _common_run, _words

# Letters (ASCII and beyond), digits, sentence ends, closing quotes, symbols and spaces of
# every kind: the characters _SENTENCE_END tells apart.
PIECES = ["a", "Z", "7", "é", "ß", "٣", "İ", ".", "!", "?", "…", '"', "”", "’", "»", ")", "]", "*", "|", "-", "–",
          "_", ",", " ", "  ", "\n", "\t", "\xa0", "\u2009", "\x1f", "\x85", "word", "Word", "the", "end."]
# ... ending, often, in a sentence end followed by a long run of closing quotes, symbols and
# spaces (no ASCII letter or digit: where the screen must read further back), or in a few more
# characters of any kind.
ends = st.tuples(st.sampled_from(".!?…"), st.lists(st.sampled_from('"”’»)]'), max_size=4),
                 st.lists(st.sampled_from("*|-é"), max_size=4),
                 st.text(" \n\t\xa0\u2009\x85\x1f", max_size=10).flatmap(
                     lambda spaces: st.integers(0, 80).map(lambda width: [spaces, " " * width])),
                 st.lists(st.sampled_from(PIECES), max_size=3)).map(lambda parts: parts[0] + "".join(sum(parts[1:], [])))
lines = st.tuples(st.lists(st.sampled_from(PIECES), max_size=90), ends).map(lambda parts: "".join(parts[0]) + parts[1])


@settings(max_examples=500, deadline=None)
@given(lines)
def test_a_sentence_end_is_found_from_the_last_letter_near_the_end(text):
    assert title._ends_sentence(text) == (title._SENTENCE_END.search(text) is not None)


@settings(max_examples=300, deadline=None)
@given(lines)
def test_prose_counts_its_words_only_as_far_as_it_needs(text):
    plain = len(text.split()) >= title.PROSE_WORDS and title._SENTENCE_END.search(text) is not None \
        and not title._site_name_last(text)
    assert title._is_prose(text) == plain


WORDS = ["Night", "night", "Trains", "trains", "Return", "the", "Alps", "|", ":", "-", ".", "to", "İ"]
texts = st.lists(st.sampled_from(WORDS), min_size=1, max_size=50).flatmap(
    lambda words: st.sampled_from([" ", ", ", " | "]).map(lambda glue: glue.join(words)))


def _eager_run(head, start, text, at, lower):
    """The run as read before: the repeat's first MAX_PHRASE_WORDS words, all of them."""
    repeat = _words(text, at, MAX_PHRASE_WORDS)
    length = 0
    while (start + length < len(head) and length < len(repeat) and head[start + length][2] < at
           and lower(head[start + length][1]) == lower(repeat[length][1])):
        length += 1
    return length, repeat


@settings(max_examples=500, deadline=None)
@given(texts, st.integers(0, 10), st.integers(0, 400), st.sampled_from([str.lower, str]))
def test_a_repeat_is_read_only_as_far_as_its_run_goes(text, start, at, lower):
    head = _words(text, 0, title_phrase.HEAD_WORDS + MAX_PHRASE_WORDS)
    at = min(at, len(text))
    length, repeat = _common_run(head, start, text, at, lower)
    eager_length, eager = _eager_run(head, start, text, at, lower)
    assert length == eager_length
    assert repeat == eager[:len(repeat)]
    # every question _ends asks of the repeat, for each length the run may be cut back to
    for cut in range(title_phrase.MIN_PHRASE_WORDS, length + 1):
        assert title_phrase._ends(repeat, cut) == title_phrase._ends(eager, cut)


@settings(max_examples=300, deadline=None)
@given(st.lists(texts, min_size=1, max_size=4))
def test_the_head_phrase_is_the_same_when_repeats_are_read_whole(pieces):
    found = title_phrase.repeated_head_phrase(pieces)
    with patch.object(title_phrase, "_common_run", _eager_run):
        assert found == title_phrase.repeated_head_phrase(pieces)
