"""The content scorer on invented text dumps: what lies around the article goes, what is in it stays."""

import pytest

import scrubber
from scrubber.blocks import Block
from scrubber.scoring.repeats import copies
from scrubber.scoring.region import best_span
from scrubber.source.text import split_chrome_head, text_blocks
from scrubber.testing import score_lines

PARAGRAPHS = [
    "The harbour board voted on Thursday to rebuild the old stone pier, which has been closed to walkers since the storms of last winter.",
    "Engineers told the board that the work would take two summers and that the fishing boats could keep using the inner basin while it went on.",
    "The money comes from a fund that the town set up when the ferry company left, and from a grant that the county agreed to in the spring.",
    "Some members asked whether the pier was worth saving at all, but most of them said that the town would not look like itself without it.",
]
NAV = ["Home", "News", "Sport", "Weather", "What's On", "Contact Us"]
FOOTER = ["Privacy Policy", "Terms and Conditions", "Accessibility", "Site Map", "© 2024 Harbour Gazette"]


def clean_lines(lines):
    return scrubber.clean("\n".join(lines), include_title=False)


def test_nav_article_footer_keeps_only_the_article():
    out = clean_lines(NAV + PARAGRAPHS + FOOTER)
    assert out == "\n\n".join(PARAGRAPHS) + "\n"


def test_flattened_one_line_page_is_cut_where_the_article_starts_and_ends():
    menu = "Home News Sport Weather Local Business Opinion Contact Us"
    teasers = "Latest Stories Ferry Timetable Changes Town Hall Opening Hours Summer Fair Dates Privacy Policy Terms"
    page = " ".join([menu] + PARAGRAPHS + [teasers])
    out = scrubber.clean(page, include_title=False)
    assert out.strip() == " ".join(PARAGRAPHS)
    assert "Contact Us" not in out and "Privacy Policy" not in out


def test_short_pull_quote_inside_the_article_survives():
    quote = "“It is the heart of the town.”"
    lines = NAV + PARAGRAPHS[:2] + [quote] + PARAGRAPHS[2:] + FOOTER
    out = clean_lines(lines)
    assert quote in out
    assert out.index(PARAGRAPHS[1]) < out.index(quote) < out.index(PARAGRAPHS[2])


def test_list_between_prose_survives():
    items = ["new railings", "a wider slipway", "lights along the walk", "a shelter at the end"]
    lines = NAV + PARAGRAPHS[:2] + ["The plans include:"] + items + PARAGRAPHS[2:] + FOOTER
    out = clean_lines(lines)
    for item in items:
        assert item in out
    assert "The plans include:" in out


def test_heading_between_paragraphs_survives():
    lines = NAV + PARAGRAPHS[:2] + ["Where the Money Comes From"] + PARAGRAPHS[2:] + FOOTER
    assert "Where the Money Comes From" in clean_lines(lines)


def test_link_list_after_the_article_goes():
    related = ["Related Stories", "Ferry Timetable Changes for the Summer", "Town Hall Opening Hours Extended",
               "Lifeboat Crew Honoured at Annual Dinner", "Summer Fair Returns to the Green"]
    out = clean_lines(NAV + PARAGRAPHS + related + FOOTER)
    assert out == "\n\n".join(PARAGRAPHS) + "\n"


def test_comment_buttons_repeated_after_the_article_end_it():
    comments = []
    for name, text in [("Mary", "I walked on that pier every Sunday as a child and I am glad it is coming back."),
                       ("Tom", "It would have been cheaper to pull it down, but I think the board got this one right."),
                       ("Ann", "Will the cafe at the end of the pier open again once the work is done, does anyone know?")]:
        comments += [name, "2 days ago", text, "Reply", "Report"]
    out = clean_lines(NAV + PARAGRAPHS + ["3 Comments"] + comments + FOOTER)
    assert PARAGRAPHS[-1] in out
    assert "every Sunday as a child" not in out


def test_prose_that_mentions_cookies_and_sharing_survives():
    prose = ("The bakery on the quay says that its cookies sold out within an hour, and that people were keen "
             "to share a photo of the new pier on the town's page before the ribbon was even cut.")
    out = clean_lines(NAV + PARAGRAPHS[:2] + [prose] + PARAGRAPHS[2:] + FOOTER)
    assert prose in out


def test_page_without_prose_is_left_to_the_rules():
    lines = ["Opening Hours", "Monday 9-5", "Tuesday 9-5", "Wednesday closed"]
    assert score_lines(lines) == []


def test_best_span_bridges_a_short_gap_but_not_a_long_one():
    assert best_span([-1, 30, -2, 25, -1]) == (1, 4)
    assert best_span([-1, 30, -40, 25, -1]) == (1, 2)


def test_copies_counts_exact_repeats_and_templates():
    blocks = [Block(t) for t in ["Reply", "Reply", "Click to share on A", "Click to share on B",
                                 "Click to share on C", "A plain line of text here"]]
    assert copies(blocks) == [2, 2, 3, 3, 3, 1]


def test_menu_run_is_cut_off_a_flattened_sentence_but_names_are_not():
    head, rest = split_chrome_head("Home Shop Blog About Contact The shop opens at nine on weekdays and at ten on Sundays.")
    assert head == "Home Shop Blog About Contact"
    assert rest.startswith("The shop opens")
    sentence = "Councillor Ann Lee and Mayor Tom Price opened the pier in front of a crowd on the quay."
    assert split_chrome_head(sentence) == [sentence]


def test_long_lines_become_pieces_of_one_line():
    blocks = text_blocks(" ".join(PARAGRAPHS * 2))
    assert len(blocks) == 8
    assert {b.line for b in blocks} == {0}


def test_a_slideshow_after_the_article_goes_with_its_counters():
    captions = [
        "A crowd gathers at the market square on the first warm morning of the year to watch the parade go past.",
        "The brass band from the school marches behind the fire engine, which the children have covered in flowers.",
        "Stalls along the river sell bread, honey and cheese from the farms in the valley above the town.",
        "Two boys race their boats under the old bridge while their parents watch from the bank with ice creams.",
        "The mayor cuts a ribbon in front of the new library, which opens to readers next week after four years.",
        "Evening falls over the harbour as the last ferry of the day leaves for the island with its lights on.",
    ]
    gallery = [line for number, caption in enumerate(captions, 1) for line in (f"{number}/6", caption)]
    out = clean_lines(NAV + PARAGRAPHS + ["Pictures of the week"] + gallery + FOOTER)
    assert out == "\n\n".join(PARAGRAPHS) + "\n"


def test_a_table_of_figures_is_no_slideshow():
    # "12/4" and "15/6" are a table's pairs, not counters with one total: they stay in the article.
    table = ["Month | High/low", "March | 12/4", "April | 15/6", "May | 19/9"]
    lines = PARAGRAPHS[:2] + ["Average temperatures:"] + table + PARAGRAPHS[2:]
    out = clean_lines(NAV + lines + FOOTER)
    assert "April | 15/6" in out and PARAGRAPHS[3] in out


def test_a_row_of_teasers_run_into_a_flattened_page_is_not_prose():
    teasers = ("More from the Gazette How the old mill on the river was saved by its neighbours Why the bus to the "
               "coast is late again this summer What the new school will look like when it opens in the spring "
               "Ten walks along the cliffs for a long weekend in the autumn Where to eat fish on the quay")
    page = " ".join(["Home News Sport Weather"] + PARAGRAPHS + [teasers, "Privacy Policy Terms"])
    out = scrubber.clean(page, include_title=False)
    assert out.strip() == " ".join(PARAGRAPHS)


def test_a_tagline_above_the_title_is_not_the_article():
    lines = ["The Harbour Gazette", "News from the quay and the streets around it, every week.",
             "Old Pier to Be Rebuilt"] + PARAGRAPHS + FOOTER
    result = scrubber.clean_and_explain("\n".join(lines))
    assert result.title == "Old Pier to Be Rebuilt"
    assert scrubber.clean("\n".join(lines), include_title=False) == "\n\n".join(PARAGRAPHS) + "\n"



def test_a_repeated_lead_in_line_costs_less_than_a_repeated_label():
    from scrubber.data import stopwords
    from scrubber.scoring.classifier import SHORT, _value
    from scrubber.scoring.features import Features

    def cost(text, piece=False):
        return _value(SHORT, Features.of(text, stopwords("en")).words, 10, text, piece)

    # "Main article:" before a link in every section of an encyclopedia page is not a button;
    # a one-word field label ("Credit:") and a lead-in inside a flattened line are still labels.
    assert cost("Main article:") > cost("Credit:")
    assert cost("Main article:") > cost("Main article:", piece=True)
    assert cost("Credit:") == cost("Reply")


def test_prose_in_a_language_without_a_stoplist_is_judged_by_its_sentences():
    # Polish is full of "a", "i", "to", "na": English stopwords too, yet no English.
    article = [
        "Rada miasta zdecydowała we wtorek, że stary most na rzece zostanie odnowiony jeszcze przed zimą, a prace ruszą w przyszłym miesiącu.",
        "Most jest zamknięty dla pieszych od wiosny, kiedy to w czasie burzy woda uszkodziła dwa filary i część barierek.",
        "Na remont miasto przeznaczy pieniądze z własnego budżetu i z dotacji, o którą starało się od dwóch lat.",
        "Mieszkańcy pytali na spotkaniu, czy w czasie prac będzie kursował prom, i usłyszeli, że tak, co godzinę.",
    ]
    out = clean_lines(["Strona główna", "Wiadomości", "Sport", "Kontakt"] + article + ["Polityka prywatności", "© 2025 Gazeta Rzeczna"])
    assert out == "\n\n".join(article) + "\n"


def test_teasers_under_a_dropped_list_header_are_not_the_article():
    teasers = [
        "Ferry fares to rise in spring",
        "The company that runs the island ferry says that tickets will cost a little more from April, because fuel is dearer.",
        "School choir wins county prize",
        "The choir from the harbour school sang three songs at the festival and came home with the first prize for the second year.",
    ]
    # A long article: a short list after it no longer counts as a second part of it.
    article = PARAGRAPHS + [p.replace("The ", "This year the ", 1) for p in PARAGRAPHS]
    out = clean_lines(NAV + article + ["You may also like"] + teasers + FOOTER)
    assert out == "\n\n".join(article) + "\n"


def test_a_list_header_above_the_article_leaves_the_article_whole():
    sidebar = ["Most popular", "Ferry fares to rise in spring", "School choir wins county prize"]
    out = clean_lines(NAV + sidebar + PARAGRAPHS + FOOTER)
    assert out == "\n\n".join(PARAGRAPHS) + "\n"


@pytest.mark.parametrize("closing", [
    ["Sign up to our newsletter",
     "Every Friday we send a short letter with the week's news from the harbour and the streets around it."],
    ["Your email address will not be published.",
     "We read every comment before it appears, and we will not share your address with anyone else at all."],
], ids=["newsletter-box", "comment-form"])
def test_a_box_the_rules_drop_after_the_article_ends_it(closing):
    article = PARAGRAPHS + [p.replace("The ", "This year the ", 1) for p in PARAGRAPHS]
    out = clean_lines(NAV + article + closing + FOOTER)
    assert out == "\n\n".join(article) + "\n"


def test_a_live_ticker_after_the_article_ends_it():
    ticker = ["Live", "16:42", "Talks between the ferry company and the crews went on late into the night and the strike was called off.",
              "16:30", "The treasurer says that council tax bills will rise by four percent next April to pay for the new pier.",
              "16:05", "A lifeboat crew rescued two kayakers who had been blown out past the point by the wind this afternoon.",
              "15:51", "The coast road is closed because of a fallen tree.", "15:40", "There is a weather warning for the coast tonight."]
    out = clean_lines(NAV + PARAGRAPHS + ticker + FOOTER)
    assert out == "\n\n".join(PARAGRAPHS) + "\n"


def test_times_of_day_inside_an_article_stay():
    programme = ["The day runs as follows.", "10:30", "Boats leave the inner basin.", "14:00",
                 "The pier is opened by the harbour master."]
    out = clean_lines(NAV + PARAGRAPHS[:2] + programme + PARAGRAPHS[2:] + FOOTER)
    assert "10:30" in out and "14:00" in out and PARAGRAPHS[3] in out


def test_readers_comments_below_the_article_are_not_more_of_it():
    # No header the rules cut at, only the "Reply" and "Report" buttons between the comments.
    comments = [
        "Martha Quayle", "March 3, 2024 at 9:12 am",
        "The pier was where my grandfather taught me to fish, and I am glad that the town has finally decided that it is worth the money to save it for the children who come after us.",
        "Reply", "Report", "Tom Iredale", "March 3, 2024 at 11:40 am",
        "I walked out along it every morning before the storms, and I think that the two summers of work will be over before we know it, even if the boats have to squeeze into the basin for a while.",
        "Reply", "Report", "Ann Corlett", "March 4, 2024 at 8:05 pm",
        "My worry is the cost, because the fund was meant for the ferry and the grant from the county only covers a part of it, so the rest will have to come from the rates that we all pay every year.",
        "Reply", "Report"]
    out = clean_lines(NAV + PARAGRAPHS + comments + FOOTER)
    assert out.startswith("\n\n".join(PARAGRAPHS))
    assert "two summers of work" not in out and "My worry is the cost" not in out


def test_a_reply_link_above_the_article_leaves_it_whole():
    out = clean_lines(NAV + ["Leave a comment"] + PARAGRAPHS + FOOTER)
    assert out == "\n\n".join(PARAGRAPHS) + "\n"


WIKI_SECTIONS = {
    "History": [
        "The first pier was built of timber by the fishing families of the town, who paid for it by a toll on every barrel of herring that was landed there.",
        "It was rebuilt in stone after a great storm took the timber away, and the new pier was opened by the mayor on a wet morning with a band.",
    ],
    "Construction": [
        "The stone was cut from a quarry above the bay and brought down on carts, and the blocks were set in lime mortar by masons from the county town.",
        "A light was put on the end of the pier so that the boats could find the harbour at night, and a keeper lived in a cottage beside it.",
    ],
    "Later years": [
        "When the railway came the pier was used by the steamers that took visitors round the bay, and a tea room was built at its landward end.",
        "The storms of last winter cracked the outer wall, and the pier has been closed to walkers since then while the board decides what to do.",
    ],
}
WIKI_CONTENTS = ["Contents", "1", "History", "1.1", "Timber pier", "1.2", "Stone pier", "2",
                 "Construction", "2.1", "Quarry", "2.2", "Masons", "3", "Later years", "3.1",
                 "Steamers", "3.2", "Storms", "4", "See also", "5", "References"]


@pytest.mark.parametrize("link, kept", [("[edit]", True), ("Reply", False), ("reply", False)])
def test_a_wiki_article_below_its_contents_keeps_the_sections_with_edit_links(link, kept):
    # Each section heading of a wiki carries an "[edit]" link; repeated through the article
    # it is no "Reply" button of a comment list, so the sections below the contents stay.
    lines = ["The Old Pier"] + PARAGRAPHS + WIKI_CONTENTS
    for heading, paragraphs in WIKI_SECTIONS.items():
        lines += [heading, link, paragraphs[0]]
    out = clean_lines(NAV + lines + FOOTER)
    assert [paragraphs[0] in out for paragraphs in WIKI_SECTIONS.values()] == [kept] * len(WIKI_SECTIONS)
    assert out.startswith("\n\n".join(PARAGRAPHS))


BELOW_GAP = "Share Tweet Email Print Related Topics Harbour Council Ferry Pier Weather Fishing Boats"


def test_a_newsletter_box_below_a_flattened_article_is_not_more_of_it():
    box = ("Most Read Today Newsletter Sign up for our morning letter and we will send you the news from the harbour "
           "and the hills before you have had your breakfast. It is free and you can stop it at any time you like.")
    page = " ".join(["Home News Sport Weather"] + PARAGRAPHS + [BELOW_GAP, box, "Privacy Policy Terms"])
    out = scrubber.clean(page, include_title=False)
    assert PARAGRAPHS[-1] in out
    assert "morning letter" not in out


def test_the_same_stretch_above_a_flattened_article_is_its_lead():
    lead = ("The storm that closed the pier came in from the west on a night in January and took away the rail "
            "along its end.")
    page = " ".join(["Home News Sport Weather", lead, BELOW_GAP] + PARAGRAPHS + ["Privacy Policy Terms"])
    out = scrubber.clean(page, include_title=False)
    assert lead in out and PARAGRAPHS[-1] in out


TIDE_TABLE = ["Month", "High tide", "January 2023", "4.1", "February 2023", "4.3", "March 2023", "4.6", "April 2023",
              "4.4", "May 2023", "4.0", "June 2023", "3.8", "July 2023", "3.9", "August 2023", "4.2"]
AFTER_TABLE = ["The engineers said that the spring tides of the coming year would be the test of the new wall, and that they "
               "would measure it again in the autumn.",
               "If the water rose higher than the table shows, the board would have to find the money for a second wall "
               "behind the first one, and the work on the pier would have to wait for another year."]


def test_a_table_of_dates_and_figures_inside_the_article_does_not_end_it():
    lines = NAV + PARAGRAPHS * 3 + TIDE_TABLE + AFTER_TABLE + FOOTER
    dropped = score_lines(lines)
    kept = [line for n, line in enumerate(lines) if n not in dropped]
    assert kept == PARAGRAPHS * 3 + TIDE_TABLE + AFTER_TABLE


def test_lone_dates_between_teasers_after_the_article_still_go():
    teasers = []
    for month in ("May 2023", "June 2023", "July 2023", "August 2023"):
        teasers += [f"Harbour News For {month[:-5]}", month, "Read More"]
    lines = NAV + PARAGRAPHS * 3 + teasers + FOOTER
    dropped = score_lines(lines)
    assert [line for n, line in enumerate(lines) if n not in dropped] == PARAGRAPHS * 3


QUERY = ["WITH deep_berths", "AS", "( SELECT", "pier_id", "FROM", "( moorings)", "WHERE", "[ depth_m]", "AND",
         "[ tide_ok]", "GROUP", "( pier_id)", "HAVING", "( count_all)", "ORDER", "( pier_id)", "LIMIT", "( ten_rows)"]


def test_a_query_split_into_lines_inside_the_article_survives():
    lead = "The survey team counted the usable berths with this query over the mooring records of the last decade:"
    lines = NAV + PARAGRAPHS[:1] + [lead] + QUERY + PARAGRAPHS[1:2] + FOOTER
    out = clean_lines(lines)
    assert "HAVING" in out and "( count_all)" in out and PARAGRAPHS[1] in out
    assert "Privacy Policy" not in out and "Contact Us" not in out


def _result_table(rows):
    """A query's result printed with box-drawing rules, one row a line, as a terminal shows it."""
    head = ["surveyed_at │ berth │ depth_m │ tide_ok", "─────────────────┼───────┼─────────┼────────"]
    return head + [f"2023-05-{n:02d} 06:{n:02d} │ {n} │ {2 + n % 7}.{n % 10}{n % 3} │ {'t' if n % 4 else 'f'}"
                   for n in range(1, rows + 1)]


def test_prose_after_a_long_result_table_is_still_the_article():
    lead = "The survey team listed every berth with its depth at low water and whether the tide allowed a landing:"
    after = ("Only the berths at the seaward end were deep enough for the ferry at every tide, which is why the board "
             "wants the new pier to reach further out than the old one did.")
    lines = NAV + PARAGRAPHS * 3 + [lead] + _result_table(24) + [after] + PARAGRAPHS[2:3] + FOOTER
    out = clean_lines(lines)
    assert after in out and out.count(PARAGRAPHS[2]) == 4 and "2023-05-12 06:12 │ 12 │ 7.20 │ f" in out
    assert "Privacy Policy" not in out and "Contact Us" not in out


def test_a_menu_between_the_article_and_more_prose_still_ends_it():
    menu = ["Harbour News", "Pier Works", "Ferry Times", "Tide Tables", "Boat Sales", "Fishing Reports", "Events",
            "Letters", "Obituaries", "Photo Galleries", "Advertise With Us", "Jobs"]
    other = "Sign up to our weekly letter and we will send you the news from the harbour every Friday morning."
    lines = NAV + PARAGRAPHS + _result_table(3) + PARAGRAPHS[:1] + menu + [other] + FOOTER
    out = clean_lines(lines)
    assert PARAGRAPHS[3] in out and other not in out and "Photo Galleries" not in out


def test_dated_teaser_lines_are_not_table_rows():
    from scrubber.scoring.structure import is_structure
    assert not is_structure("12 May 2023 · 4 comments")
    assert not is_structure("Page 2 of 9")
    assert is_structure("2023-05-12 09:00 │ 41 │ 7")


CREW_TABLE = ["Most active crews", "By races", "Ann Marsh", "63", "16.6%", "Tom Reed", "56", "14.7%", "Ivo Lund", "41",
              "10.8%", "Mia Cole", "33", "8.7%", "Sam Ortiz", "21", "5.5%", "By miles", "Tom Reed", "4120", "31.2%",
              "Ann Marsh", "3990", "30.2%", "Mia Cole", "2210", "16.7%", "Ivo Lund", "1650", "12.5%", "Sam Ortiz", "930",
              "7.0%"]


def test_a_table_of_names_and_figures_inside_the_article_does_not_end_it():
    after = ("The two crews at the top of both lists sail for the harbour club, which is why the club asked the board "
             "to keep the inner basin open while the work on the pier goes on.")
    lines = NAV + PARAGRAPHS * 3 + CREW_TABLE + [after] + PARAGRAPHS[:2] + FOOTER
    dropped = score_lines(lines)
    kept = [line for n, line in enumerate(lines) if n not in dropped]
    assert kept[-3:] == [after] + PARAGRAPHS[:2] and "Mia Cole" in kept and "Privacy Policy" not in kept


def test_a_category_list_with_one_count_each_still_ends_the_article():
    categories = ["Categories", "Sailing", "12", "Rowing", "7", "Harbour Life", "31", "Fishing", "9", "Weather", "14",
                  "Ferries", "5", "Events", "22", "Letters", "3"]
    blurb = ["We are a small team of volunteers who have written about the harbour, its boats and the people who "
             "work on them for more than twenty years now.",
             "If you would like to write for us, or if you have a story that you think we should tell, we would be "
             "glad to hear from you."]
    lines = NAV + PARAGRAPHS * 3 + categories + blurb + FOOTER
    dropped = score_lines(lines)
    kept = [line for n, line in enumerate(lines) if n not in dropped]
    assert kept == PARAGRAPHS * 3


def test_structure_lines_count_letters_as_str_isalpha_does():
    from scrubber.scoring.structure import _few_letters
    for text in ["Bridge 12 │ 4.07", "Größe: 12 × 40 cm", "Ωμέγα 3,2 km", "年 2024 │ 17", "", "12 34 56", "ab 1 Ωμέγα"]:
        for visible in range(1, 12):
            assert _few_letters(text, visible) == (sum(c.isalpha() for c in text) * 3 < visible), (text, visible)
