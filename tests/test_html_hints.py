"""HTML content scoring: what goes from inside the chosen containers (scrubber/scoring/html_hints.py)."""

import regex
from hypothesis import given, settings, strategies as st

import scrubber
from scrubber.blocks import Block
from scrubber.scoring.html_hints import (_LABEL_TEXT, _READING_TIME, _SENTENCE_END, LABEL_WORDS, SIGN_OFF_WORDS, HtmlScorer,
                                         _closing_run, _section_heading, _sign_off)

PROSE = "".join(f"<p>Paragraph {i}: the council said that the bridge would open in the spring, and that the cost was fair.</p>"
                for i in range(5))
CHROME = "<div>Rate this story</div><div>★★★★☆ 4,2</div><div><a href='/share'>Share</a></div>"


def cleaned(inside_article: str) -> str:
    return scrubber.clean(f"<html lang='en'><body><article>{PROSE}{inside_article}</article></body></html>",
                          include_title=False)


def test_chrome_below_the_last_paragraph_goes():
    text = cleaned(CHROME)
    assert text.rstrip().endswith("the cost was fair.")
    assert "Rate this story" not in text


def test_a_closing_note_after_the_chrome_stays_and_the_chrome_before_it_goes():
    note = "<p>Corrections to this story can be sent to the city desk.</p>"
    text = cleaned(CHROME + note)
    assert text.rstrip().endswith("sent to the city desk.")
    assert "Rate this story" not in text and "4,2" not in text


def test_the_heading_over_a_closing_note_stays_with_it():
    text = cleaned(CHROME + "<h2>Correction</h2><p>An earlier version gave the wrong date for the vote.</p>")
    assert "Correction\n\nAn earlier version gave the wrong date" in text
    assert "Rate this story" not in text


def test_a_linked_heading_over_a_teaser_is_no_section_heading():
    teaser = "<h3><a href='/other-story'>Ferry fares rise again</a></h3><p>The operator blamed fuel prices for the rise.</p>"
    text = cleaned(CHROME + teaser)
    assert "Ferry fares rise again" not in text
    assert "Rate this story" not in text


def test_a_one_word_label_over_a_closing_note_stays_with_it():
    # Admonitions and updates carry their label in a paragraph of its own, not in a heading.
    text = cleaned(CHROME + "<div class=note><p>Update:</p><p>The vote was moved to Thursday.</p></div>")
    assert "Update:\n\nThe vote was moved to Thursday." in text
    assert "Rate this story" not in text


def test_the_authors_sign_off_after_the_last_sentence_stays():
    text = cleaned(CHROME + "<p>See you all at the market on Saturday.</p><p>Cheers, Anna</p>")
    assert text.rstrip().endswith("See you all at the market on Saturday.\n\nCheers, Anna")
    assert "Rate this story" not in text


def test_a_sign_off_straight_after_the_article_stays_and_a_label_for_what_was_dropped_goes():
    assert cleaned("<p>The editors</p>").rstrip().endswith("The editors")
    assert "More topics" not in cleaned("<p>More topics:</p>")


def test_a_closing_paragraph_that_cites_its_source_by_a_link_closes_the_article():
    words = ("The council will publish the full survey of the bridge in June, and residents can comment on it "
             "at the library or online until the end of the summer, says the report, before the final vote.")
    tail = [Block("Rate this story"), Block(words, link_density=0.05)]
    assert _closing_run(tail) == 1
    # A short line of links is a teaser or a menu entry, whatever its full stop says.
    assert _closing_run([Block("Rate this story"), Block("Read the report.", link_density=0.2)]) == 0


@settings(max_examples=300)
@given(st.text(alphabet="ab .!?:\"'”’»)\n5"))
def test_the_sentence_end_searched_from_the_end_finds_what_a_forward_search_finds(text):
    forward = regex.compile(_SENTENCE_END.pattern)
    assert bool(_SENTENCE_END.search(text)) == bool(forward.search(text))


@settings(max_examples=300)
@given(st.text(alphabet="ab :\t\n"))
def test_word_limits_read_with_a_bounded_split_as_with_a_whole_one(text):
    block = Block(text)
    words = len(text.split())
    assert _sign_off(block) == (words <= SIGN_OFF_WORDS and not text.rstrip().endswith(":"))
    assert _section_heading(block) == (words <= LABEL_WORDS and bool(_LABEL_TEXT.fullmatch(text)))


@settings(max_examples=300)
@given(st.lists(st.sampled_from(["5", " ", "\u00a0", "\t", "MIN", "min", "Mins", "minute", "read", "READ", "rEaD", "R",
                                 "ead", ".", "·", "ſ", "K", "x"]), max_size=8).map("".join))
def test_reading_times_are_asked_of_the_lines_whose_key_says_read_as_of_every_line(text):
    # the scorer asks the pattern only of lines whose case-folded key holds "read": none else can match
    expected = len(text.split()) <= 10 and _READING_TIME.search(text) is not None
    dropped = [d.rule for d in HtmlScorer().select([Block(text)], None)]
    assert ("score/reading-time" in dropped) == expected


def test_a_reading_time_in_capitals_goes():
    dropped = [d.rule for d in HtmlScorer().select([Block("The bridge opens in May."), Block("5 MIN READ")], None)]
    assert dropped == ["score/reading-time"]
