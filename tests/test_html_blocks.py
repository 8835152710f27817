"""HTML -> structured blocks: kinds, levels, spacing of inline text, line breaks, tables,
title and language; selector rules from packs drop blocks with their rule id."""

import pytest

import scrubber
from scrubber.source.html import extract
from scrubber.source.html.blocks import blocks_of
from scrubber.source.html.parse import parse


def blocks(body: str):
    return [(b.kind, b.text) for b in blocks_of([parse(f"<html><body>{body}</body></html>").find("body")])[0]]


@pytest.mark.parametrize("markup, text", [
    ("<p>word<b>x</b></p>", "wordx"),
    ("<p>word <b>x</b></p>", "word x"),
    ("<p>one<i> two</i>three</p>", "one twothree"),
    ("<p>a&nbsp;b</p>", "a b"),
    ("<p>line one<br>line two</p>", "line one\nline two"),
])
def test_inline_text_joins_as_written(markup, text):
    assert blocks(markup) == [("paragraph", text)]


def test_block_elements_and_cells_never_glue():
    assert blocks("<div>one</div><div>two</div><span>three</span>") == [
        ("paragraph", "one"), ("paragraph", "two"), ("paragraph", "three")]
    assert blocks("<table><tr><td>a</td><td>b</td></tr><tr><th>c</th><td><p>d</p></td></tr></table>") == [
        ("table_row", "a | b"), ("table_row", "c | d")]


def test_double_break_starts_a_new_paragraph():
    assert blocks("<div>first part<br><br>second part</div>") == [("paragraph", "first part"), ("paragraph", "second part")]


def test_kinds_and_levels():
    result = blocks_of([parse("<h3>Sub</h3><ul><li>one</li><li>two <ul><li>inner</li></ul></li></ul>"
                              "<blockquote><p>quoted</p></blockquote><pre>a\n\n b</pre>").find("body")])[0]
    assert [(b.kind, b.level, b.text) for b in result] == [
        ("heading", 3, "Sub"), ("list_item", None, "one"), ("list_item", None, "two"), ("list_item", None, "inner"),
        ("quote", None, "quoted"), ("code", None, "a\n b")]


def test_layout_table_cells_are_containers():
    got = blocks("<table><tr><td><p>first paragraph</p><p>second paragraph</p></td></tr></table>")
    assert got == [("paragraph", "first paragraph"), ("paragraph", "second paragraph")]


def test_link_density_is_measured_per_block():
    result = blocks_of([parse('<p><a href="/">Home</a></p><p>Plain text with <a href="/">a link</a>.</p>').find("body")])[0]
    assert result[0].link_density == 1.0
    assert 0 < result[1].link_density < 0.5


@pytest.mark.parametrize("head, title", [
    ('<meta property="og:title" content="From Open Graph"><title>Other | Site</title>', "From Open Graph"),
    ("<title>Winter Swimming Tips | Lake Club</title>", "Winter Swimming Tips"),
])
def test_title_sources(head, title):
    assert extract(f"<html><head>{head}</head><body><p>x</p></body></html>").title == title


def test_title_prefers_the_post_heading_over_a_blog_name_h1():
    doc = extract("<html><head><title>Lake Club: Winter Swimming Tips</title></head><body><h1>Lake Club</h1>"
                  "<h3>Winter Swimming Tips</h3><p>x</p></body></html>")
    assert doc.title == "Winter Swimming Tips"


def test_language_from_html_lang():
    html = '<html lang="fr-CA"><body><article><p>Il pleut sur la ville depuis trois jours, et la rivière monte encore.</p></article></body></html>'
    assert extract(html).lang == "fr"
    assert scrubber.clean_and_explain(html).lang == "fr"


def test_selector_rules_are_an_html_rule_kind_with_trace():
    html = ("<html><body><article><p>The mill reopened on Monday after a year of repairs to its wheel.</p>"
            '<div class="mug-offer"><p>The mill mugs are sold at the shop on Mill Lane.</p></div></article></body></html>')
    pack = {"pack": {"name": "mill-site"}, "drop": [{"id": "mug", "selector": "div.mug-offer"}]}
    result = scrubber.clean_and_explain(html, rules=[pack], include_title=False)
    assert "mill mugs" not in result.text and "The mill reopened" in result.text
    assert [r.rule for r in result.removed if "mugs" in r.text] == ["mill-site/mug"]
    assert "mill mugs" in scrubber.clean(html, include_title=False)


def test_selector_rules_do_nothing_to_text_input():
    pack = {"pack": {"name": "mill-site"}, "drop": [{"id": "mug", "selector": "div.mug-offer"}]}
    text = "The mill reopened on Monday after a year of repairs to its wheel, and the village turned out.\n"
    assert scrubber.clean(text, rules=[pack], include_title=False) == text
