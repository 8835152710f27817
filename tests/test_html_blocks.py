"""HTML -> structured blocks: kinds, levels, spacing of inline text, line breaks, tables,
title and language; selector rules from packs drop blocks with their rule id."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

import scrubber
from scrubber.normalise.whitespace import clean_line
from scrubber.source.html import extract
from scrubber.source.html.blocks import blocks_of, is_link
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


def test_json_ld_article_body_stands_in_for_a_script_rendered_page():
    body = "The harbour froze for the first time in forty years.\nFerries stayed in port for three days. " * 12
    html = ('<html><head><script type="application/ld+json">{"@type": "NewsArticle", "articleBody": '
            + __import__("json").dumps(body) + '}</script></head><body><div id="app"><p>Loading the story, please wait for a moment.</p></div></body></html>')
    doc = extract(html)
    assert doc.blocks[0].text == "The harbour froze for the first time in forty years."
    assert "Loading" not in " ".join(b.text for b in doc.blocks)


def test_json_ld_does_not_replace_a_real_article():
    prose = "<p>The council met on Monday and agreed the new library will open in May, with a cafe.</p>" * 10
    html = ('<html><head><script type="application/ld+json">{"articleBody": "A short summary."}</script></head>'
            f"<body><article>{prose}</article></body></html>")
    assert len(extract(html).blocks) == 10


def test_standfirst_outside_the_text_container_is_kept():
    prose = "".join(f"<p>Paragraph {i} of the report says the river rose, the town flooded, and help came late.</p>" for i in range(6))
    html = ("<html><body><article><header><h1>Flood report</h1><p class='article-lead'>Why the warnings came two hours "
            f"too late for the lower town.</p></header><div class='story-body'>{prose}</div></article></body></html>")
    texts = [b.text for b in extract(html).blocks]
    assert texts[0] == "Why the warnings came two hours too late for the lower town."
    assert texts[-1].startswith("Paragraph 5")


def test_standfirst_in_a_row_of_its_own_beside_the_texts_row_is_kept():
    # No <article>: the headline block and the text each sit in a grid row of one news item.
    prose = "".join(f"<p>Paragraph {i} of the report says the river rose, the town flooded, and help came late.</p>" for i in range(6))
    html = ("<html><body><div class=site><div class=site-intro><p>An unrelated introduction to the weather service.</p></div>"
            "<div class=news-item><div class=row><div class=col><h1>Flood report</h1>"
            "<div class=perex><p>Why the warnings came two hours too late for the lower town.</p></div></div></div>"
            f"<div class=row><div class=col>{prose}</div><div class=col><img src=map.png></div></div></div></div></body></html>")
    texts = [b.text for b in extract(html).blocks]
    assert texts[0] == "Why the warnings came two hours too late for the lower town."
    assert texts[-1].startswith("Paragraph 5")
    assert not any("unrelated" in t for t in texts)


def test_chrome_below_the_last_paragraph_inside_the_article_goes():
    prose = "".join(f"<p>Paragraph {i}: the council said that the bridge would open in the spring, and that the cost was fair.</p>"
                    for i in range(5))
    html = (f"<html lang='en'><body><article>{prose}<div class='x1'>Gefällt Ihnen der Beitrag</div>"
            "<div class='x2'>Bewerten</div><div class='x3'>★★★★☆ 4,2</div></article></body></html>")
    text = scrubber.clean(html, include_title=False)
    assert text.rstrip().endswith("the cost was fair.")
    assert "Bewerten" not in text


@given(st.text(alphabet=st.characters(max_codepoint=0x2100)) | st.text(alphabet=" \t\n\r\x0b\x7f\x85\xa0\u200b\u00ad\ud800ab.é"))
def test_clean_line_shortcut_agrees_with_the_full_cleaning(text):
    # clean_line skips its invisible/control-character pass for most lines; the answer must
    # be what that pass would give.
    invisible = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"), None)
    controls = "".join(chr(c) for c in [*range(0x00, 0x09), 0x0b, 0x0c, *range(0x0e, 0x20), *range(0x7f, 0xa0)])
    spaced = "".join(" " if ch in controls or "\ud800" <= ch <= "\udfff" else ch for ch in text.translate(invisible))
    assert clean_line(text) == " ".join(spaced.split())


@pytest.mark.parametrize("href, leads_somewhere", [
    ("/news/1", True), ("", True), ("#top", True), ("jobs.html", True), ("https://example.org/", True),
    ("javascript:void(0)", False), ("  JavaScript:open()", False), ("\u00a0javascript:x", False),
    ("\u01f0avascript:x", True),  # ǰ folds to j + caron, not to j
])
def test_script_handlers_are_no_links(href, leads_somewhere):
    anchor = parse(f'<a href="{href}">x</a>').find(".//a")
    assert is_link(anchor) is leads_somewhere
