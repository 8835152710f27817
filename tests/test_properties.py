"""Properties of clean() over generated text and HTML (hypothesis).

- it returns a str or raises a ScrubberError subclass, and TypeError for wrong argument types;
- it is idempotent: cleaning clean text changes nothing;
- it never invents a word (case and invisible characters aside);
- removing chrome never removes article text: documents built from invented article sentences
  and chrome lines from the built-in rule packs keep every article sentence.
"""

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import scrubber
from scrubber import ScrubberError
from scrubber.rules import builtin_packs

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

WORDS = ["the", "river", "rose", "by", "a", "metre", "and", "council", "met", "on", "Monday", "library", "will",
         "open", "in", "May", "Home", "About", "Share", "cookies", "Subscribe", "top", "of", "page", "Read", "more",
         "Menu", "Privacy", "Policy", "2024", "café", "Straße", "naïve", "東京", "Москва", "it", "was", "not"]
PUNCTUATION = ["", "", "", ".", ",", "!", "?", ":", " |", " -", "…"]
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"), None)

word_runs = st.lists(st.sampled_from(WORDS), min_size=1, max_size=30).map(" ".join)
text_lines = st.lists(st.tuples(word_runs, st.sampled_from(PUNCTUATION)).map("".join), max_size=30)
scraped_text = st.tuples(text_lines, st.sampled_from(["\n", "\n\n", " ", "\r\n"])).map(lambda t: t[1].join(t[0]))
any_text = st.text(max_size=300)
TAGS = ["p", "div", "span", "b", "a", "li", "ul", "h2", "nav", "footer", "article", "table", "tr", "td", "br",
        "script", "style", "blockquote", "pre", "section", "aside", "header"]


def _element(children):
    return st.tuples(st.sampled_from(TAGS), st.lists(children, max_size=5)).map(
        lambda t: f"<{t[0]}> " + " ".join(t[1]) + f" </{t[0]}>")


markup = st.recursive(word_runs, _element, max_leaves=40)
html_pages = st.tuples(word_runs, st.lists(markup, min_size=1, max_size=6)).map(
    lambda t: f"<!DOCTYPE html><html><head><title>{t[0]}</title></head><body> " + " ".join(t[1]) + " </body></html>")
documents = st.one_of(any_text, scraped_text, html_pages, st.binary(max_size=300),
                      html_pages.map(lambda page: page.encode("utf-8")))


def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.translate(INVISIBLE).casefold()))


@SETTINGS
@given(documents)
def test_clean_returns_str_or_raises_a_scrubber_error(doc):
    try:
        out = scrubber.clean(doc)
    except ScrubberError:
        return
    assert isinstance(out, str)
    assert out == "" or (out.endswith("\n") and not out.endswith("\n\n\n"))


@SETTINGS
@given(st.one_of(st.none(), st.integers(), st.floats(), st.booleans(), st.lists(st.text(max_size=5)),
                 st.dictionaries(st.text(max_size=3), st.text(max_size=3)), st.tuples(st.text(max_size=5))))
def test_wrong_document_types_raise_type_error(doc):
    with pytest.raises(TypeError):
        scrubber.clean(doc)


@SETTINGS
@given(st.one_of(any_text, scraped_text))
def test_text_output_has_no_word_the_input_lacks(doc):
    assert words(scrubber.clean(doc)) <= words(doc)


@SETTINGS
@given(html_pages)
def test_html_output_has_no_word_the_page_text_lacks(page):
    page_text = re.sub(r"<[^>]*>", " ", page)
    assert words(scrubber.clean(page)) <= words(page_text)


# --- chrome never takes article text with it -------------------------------------------------

def chrome_vocabulary() -> list[str]:
    """Lines the built-in packs drop by exact text, from packs that apply to every page."""
    return sorted({rule.text for pack in builtin_packs() if not pack.scoped for rule in pack.rules
                   if rule.action == "drop" and rule.text})


CHROME = chrome_vocabulary()
SUBJECTS = ["The ferry captain", "Our neighbour", "A teacher from the valley", "The new librarian", "My grandmother"]
CLAUSES = ["the bridge needs a new coat of paint before the winter", "the orchard gave more apples than last year",
           "the market will move to the harbour while the hall is repaired", "the path along the cliffs is safe again"]

article_sentences = st.lists(
    st.tuples(st.sampled_from(SUBJECTS), st.sampled_from(["said that", "wrote that", "told us that"]),
              st.sampled_from(CLAUSES), st.integers(2, 999)),
    min_size=2, max_size=8, unique_by=lambda t: t[3],
).map(lambda parts: [f"{s} {v} {c}, and {n} people came to hear it." for s, v, c, n in parts])
chrome_lines = st.lists(st.sampled_from(CHROME), min_size=1, max_size=25)


@st.composite
def article_with_chrome(draw):
    """(document, article sentences): paragraphs of the article, chrome lines around and between."""
    sentences = draw(article_sentences)
    cuts = sorted(draw(st.sets(st.integers(1, len(sentences) - 1), max_size=len(sentences) - 1)))
    paragraphs = [" ".join(sentences[a:b]) for a, b in zip([0, *cuts], [*cuts, len(sentences)])]
    chrome = draw(chrome_lines)
    pieces = [("p", p) for p in paragraphs]
    for line in chrome:
        pieces.insert(draw(st.integers(0, len(pieces))), ("chrome", line))
    shape = draw(st.sampled_from(["lines", "blank-lines", "html"]))
    if shape == "html":
        body = "".join(f"<p>{text}</p>" if kind == "p" else f"<div class='widget'><a href='#'>{text}</a></div>"
                       for kind, text in pieces)
        return f"<html><body><main>{body}</main></body></html>", sentences
    joiner = "\n" if shape == "lines" else "\n\n"
    return joiner.join(text for _, text in pieces), sentences


@settings(max_examples=80, deadline=None)
@given(article_with_chrome())
def test_removing_chrome_lines_never_removes_an_article_sentence(case):
    doc, sentences = case
    out = " ".join(scrubber.clean(doc).split())
    missing = [s for s in sentences if s not in out]
    assert not missing


@SETTINGS
@given(st.one_of(any_text, st.binary(max_size=300), article_with_chrome().map(lambda case: case[0])))
def test_cleaning_clean_text_changes_nothing(doc):
    once = scrubber.clean(doc)
    assert scrubber.clean(once) == once


def test_recleaning_keeps_the_title_when_two_lines_tie():
    # Found by the property above: with "the later line wins a tie", the title moved to the
    # front lost the tie on the next pass. The first line now wins.
    once = scrubber.clean("Harbour News\nStorm Damage\n")
    assert scrubber.clean(once) == once


def test_recleaning_finds_the_same_title_when_fragments_spell_it_out():
    # Found by the property above: the title was looked for only before fragments were joined,
    # so "#", "a" gave no title while the output showed "# a", the title of the next pass.
    once = scrubber.clean(b"!\n#\na")
    assert once.startswith("# a\n")
    assert scrubber.clean(once) == once


def test_recleaning_does_not_take_a_single_token_for_the_title_repeated():
    # Found by the property above: "0:0" was read as the headline repeating the title line
    # "0:0 0", and the title line was dropped as its carrier on the second pass.
    once = scrubber.clean("0:0\r0:0\x1b0")
    assert scrubber.clean(once) == once


def test_recleaning_keeps_a_title_whose_kicker_line_stood_below_it():
    # The title line above its "Kicker: Title" carrier is the same pair as the other way round:
    # read either way, the output is read again as its source was.
    once = scrubber.clean("Storm Damage Along the Coast\nHarbour News: Storm Damage Along the Coast\n")
    assert once.startswith("Storm Damage Along the Coast\n")
    assert scrubber.clean(once) == once
    short = scrubber.clean("Storm Damage\nHarbour: Storm Damage\n")  # a short title, found by its repeat
    assert short == "Storm Damage\n" and scrubber.clean(short) == short


def test_fragments_joined_into_a_copy_of_the_title_are_dropped_as_a_repeat():
    # Found by the property above: "0" and ":0:0" joined into "0:0:0", a copy of the title
    # "0:0 0" that the next pass dropped. The joined copy now goes on the first pass.
    once = scrubber.clean("0:0\t0\r0\x1e:0:0")
    assert once == "0:0 0\n" and scrubber.clean(once) == once
    page = ("Storm damage on the coast\nHome\n\nStorm\ndamage on the coast\n\nThe storm broke the sea wall in "
            "three places on Sunday night, and the council closed the promenade.\n")
    explained = scrubber.clean_and_explain(page)
    assert [(r.rule, r.text) for r in explained.trace if r.rule.startswith("title_repeats/")] == [
        ("title_repeats/duplicate-title", "Storm damage on the coast")]
    assert explained.text.count("Storm damage on the coast") == 1
    assert scrubber.clean(explained.text) == explained.text


# Known exceptions to idempotence, found by the property above over word-salad documents.
def test_recleaning_keeps_an_html_title_that_is_a_chrome_word():
    once = scrubber.clean("<html><head><title>Privacy</title></head><body><p>the</p></body></html>")
    assert scrubber.clean(once) == once


@pytest.mark.xfail(strict=True, reason="the title is guessed before text-node fragments are joined (so they never "
                   "glue onto it); '1' and 'b' join into '1 b', a line with more title words than the title '0 ¡', "
                   "and the next pass takes it for the title. Guessing again after the join fixes these but moves "
                   "the title on real pages (4 corpus dumps changed, ehow-1 lost a tenth of its recall)")
@pytest.mark.parametrize("doc", ["0\t¡\x1e1\rb", b'!\x00"\n#\na0'])
def test_recleaning_keeps_a_title_that_joined_fragments_outrank(doc):
    once = scrubber.clean(doc)
    assert scrubber.clean(once) == once


@pytest.mark.xfail(strict=True, reason="a short line that occurs twice survives the first pass (each copy is "
                   "a separate block between prose); after the first pass joins the text around it, the scorer's "
                   "repeat penalty drops the second copy")
def test_recleaning_keeps_a_repeated_short_line():
    doc = ("Subscribe Straße Home May on | Policy naïve About of the Policy. Subscribe Straße Home May on | 東京 - "
           "was it rose 2024 more Subscribe it met council Straße in river a of")
    once = scrubber.clean(doc)
    assert scrubber.clean(once) == once
