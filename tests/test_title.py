"""The title of a text dump: the head line the page repeats, site names and chrome left out.

Every page here is invented. A scraper's dump (``get_text("\\n")``) starts with the ``<title>``
line, then the site's menus, then the headline again above the story.
"""

from hypothesis import given, strategies as st

import scrubber
from scrubber.blocks import Block
from scrubber.title import find_title
from scrubber.title_phrase import repeated_head_phrase
from scrubber.title_words import TITLE_WORD, title_words, title_words_up_to

STORY = ["The ferry to the island will run every twenty minutes in summer, the harbour board decided on Monday.",
         "Tickets stay at the old price, and bicycles travel free until the end of September this year."]
MENU = ["Home", "Harbour & Ferries", "Open Navigation Menu", "Our Topics", "Weather", "Contact"]


def lines(*texts):
    return [Block(t, index=i) for i, t in enumerate(texts)]


def clean(*texts):
    return scrubber.clean_and_explain("\n".join(texts))


def test_the_repeated_headline_is_the_title_not_the_kicker_or_site():
    result = clean("Island: New Ferry Runs Every Twenty Minutes | The Harbour Post", *MENU, "The Harbour Post",
                   "New Ferry Runs Every Twenty Minutes", "By Ann Gale", *STORY)
    assert result.title == "New Ferry Runs Every Twenty Minutes"
    assert result.text.startswith("New Ferry Runs Every Twenty Minutes\n\n")
    assert result.text.count("Every Twenty Minutes") == 1  # the <title> line is dropped as its carrier
    assert STORY[0] in result.text


def test_a_menu_label_repeated_in_the_footer_is_no_title():
    result = clean("Ferry Timetable Changes for the Summer - The Harbour Post", *MENU, *STORY, *MENU)
    assert result.title == "Ferry Timetable Changes for the Summer"


def test_the_site_name_repeated_alone_is_no_title():
    guess = find_title(lines("The Harbour Post » News » Summer Timetable for the Island Ferry", "The Harbour Post",
                             *MENU, *STORY))
    assert guess.text == "Summer Timetable for the Island Ferry"
    guess = find_title(lines("The Harbour Post » News » Summer Timetable for the Island Ferry", "The Harbour Post",
                             *MENU, "Summer Timetable for the Island Ferry", *STORY))
    assert (guess.text, guess.index, guess.carriers) == ("Summer Timetable for the Island Ferry", 8, (0,))


def test_prose_that_mentions_the_title_words_is_not_its_repeat():
    page = lines("Summer Timetable for the Island Ferry | The Harbour Post", *MENU,
                 "The summer timetable for the island ferry starts in June.", *STORY)
    assert find_title(page).text == "Summer Timetable for the Island Ferry"
    assert find_title(page).carriers == ()


def test_an_authors_name_repeated_is_less_sure_than_a_headline():
    guess = find_title(lines("Harbour Board Approves the New Island Ferry", "Ann Gale", "12 May 2026", *STORY,
                             "Ann Gale", "About the author", "Ann Gale"))
    assert guess.text == "Harbour Board Approves the New Island Ferry"


def test_a_teaser_listed_twice_below_the_title_line_is_no_title():
    teaser = "Lighthouse Keeper Retires After Forty Years on the Rock"
    guess = find_title(lines("Harbour Board Approves the New Island Ferry", "Trending", teaser, "Most read",
                             *STORY, "Trending", teaser))
    assert guess.text == "Harbour Board Approves the New Island Ferry"


def test_chrome_lines_the_rules_drop_never_become_the_title():
    page = lines("Skip to main content", "Harbour Board Approves the New Island Ferry", *STORY, "Skip to main content")
    assert find_title(page, chrome={id(page[0]), id(page[-1])}).text == "Harbour Board Approves the New Island Ferry"


def test_a_title_line_ending_in_a_small_word_is_not_joined_to_the_next_line():
    # "of" at the end would make the byline read as the rest of the title's sentence.
    result = clean("Ferry Timetable for the Summer of | The Harbour Post", *MENU, "Ferry Timetable for the Summer of",
                   "Ann Gale", *STORY)
    assert result.title == "Ferry Timetable for the Summer of"
    assert "Summer of Ann Gale" not in result.text


def test_two_sentences_on_a_line_are_no_title():
    guess = find_title(lines("I am a ferry captain. I sail to the island", *MENU, "I am a ferry captain. I sail to the island",
                             *STORY))
    assert guess is None or guess.text != "I am a ferry captain. I sail to the island"


def test_a_flattened_page_gets_the_head_phrase_it_repeats():
    page = ("Island: New Ferry Runs Every Twenty Minutes | The Harbour Post Home Harbour & Ferries Weather "
            "Contact Our Topics The Harbour Post New Ferry Runs Every Twenty Minutes By Ann Gale " + " ".join(STORY))
    result = scrubber.clean_and_explain(page + " " + " ".join(STORY[::-1]) * 4)
    assert result.title == "New Ferry Runs Every Twenty Minutes"
    assert result.text.startswith("New Ferry Runs Every Twenty Minutes\n\n")


def test_a_short_site_name_repeated_is_no_head_phrase():
    # A name of three words or more would pass for a title: a flattened page's <title> text
    # at its head is what finds the title there.
    pieces = ["Harbour Post Home Harbour & Ferries Weather Contact", *STORY, "Harbour Post", *STORY[::-1]]
    assert repeated_head_phrase(pieces) is None


def test_a_phrase_of_the_menu_after_the_title_is_not_the_title():
    pieces = ["New Ferry Runs Every Twenty Minutes | Harbour Post Home Weather Contact Our Topics", *STORY,
              "Home Weather Contact Our Topics", *STORY[::-1]]
    assert repeated_head_phrase(pieces) is None  # no separator before "Home": no start of a title


def test_a_question_inside_a_title_and_a_site_name_ending_in_a_full_stop():
    result = clean("On or off? How to Heat the Cabin While You Are Away - Harbour Heating Co.", *MENU,
                   "On or off? How to Heat the Cabin While You Are Away", *STORY)
    assert result.title == "On or off? How to Heat the Cabin While You Are Away"


def test_a_piece_of_the_headline_cut_at_a_link_is_not_its_repeat():
    # The headline's first words were a link: the dump cut the line there.
    guess = find_title(lines("New Island Ferry Runs Every Twenty Minutes | Harbour Post", *MENU, "New Island Ferry",
                             "runs every twenty minutes", *STORY))
    assert guess.text == "New Island Ferry Runs Every Twenty Minutes"


@given(st.text(alphabet=st.characters(max_codepoint=127)), st.integers(min_value=0, max_value=6))
def test_ascii_title_words_are_the_unicode_words(text, most):
    # title_words reads ASCII text with a cheaper pattern: it must find the same words
    unicode_words = [w.casefold() for w in TITLE_WORD.findall(text)]
    assert title_words(text) == unicode_words
    assert title_words_up_to(text, most) == (unicode_words if len(unicode_words) <= most else None)
