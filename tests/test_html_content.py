"""Main-content choice: which container of a page holds the article."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scrubber.source.html import extract
from scrubber.source.html.blocks import BLOCK_TAGS, is_link
from scrubber.source.html.content import score_tree
from scrubber.source.html.selection import main_content
from scrubber.source.html.parse import parse
from scrubber.source.html.prune import prune


def chosen(html: str) -> str:
    root = parse(html)
    prune(root)
    body = root.find("body")
    return " ".join(" ".join(e.itertext()) for e in main_content(body))


ARTICLE = ("<div class=col-8><h1>The ferry returns</h1>"
           + "<p>The island ferry sails again from Monday after a winter in the dry dock at the "
           "harbour, where its engines were rebuilt and its deck was painted for the summer "
           "season that the village has waited for since the storms of last year.</p>" * 2
           + "</div>")


def test_a_promising_name_around_a_line_of_text_does_not_outrank_the_article():
    # "content" in a class name is a hint, not proof: the box at the bottom holds an address.
    page = ("<html><body>" + ARTICLE
            + "<div class='bottom-content'><div class=row><div class=col><div class=box>"
            "<p>Harbour Office, Quay Street 4, Port Ellen</p><div>Open Monday to Friday</div>"
            "<div>Phone 555 0100</div><div>office@example.org</div></div></div></div></div></body></html>")
    text = chosen(page)
    assert "dry dock" in text
    assert "Quay Street" not in text


def test_a_promising_name_still_helps_a_container_with_paragraphs():
    page = ("<html><body><div class=teaser-list>" + "<p>Short note, with a comma, and another one here.</p>" * 3
            + "</div><div class='post-content'>" + ARTICLE + "</div></body></html>")
    assert "dry dock" in chosen(page)


def test_a_container_without_points_scores_by_its_name_alone():
    # _climb and _with_siblings can land on a container no paragraph passed points to
    body = parse("<html><body><div class=story></div><div id=sidebar></div>" + ARTICLE + "</body></html>").find("body")
    scores = score_tree(body)
    story, sidebar = body[0], body[1]
    assert story not in scores.score and sidebar not in scores.score
    assert scores.final(story) < 0 == scores.final(sidebar)  # a promise unkept costs; chrome needs no points


def test_a_one_sentence_box_is_never_the_article_however_it_scores():
    # One comma-heavy sentence in a well-named box outscores plain paragraphs, but two lines
    # of text cannot be the article.
    box = ("<section><div class='post-summary'><p>Snow, ice, wind, frost, hail, sleet, fog: "
           "the solar panels carry it all, say the engineers.</p></div></section>")
    article = ("<section><div>" + "<p>Solar panels on barn roofs carry more than their own weight "
               "when snow lies on them for weeks, and the frames were not built for that load in "
               "the valleys where winters are long and wet.</p>" * 2 + "</div></section>")
    text = chosen("<html><body>" + box + article + "</body></html>")
    assert "barn roofs" in text


def test_a_page_builders_text_widgets_are_not_scored_as_sidebar_widgets():
    # Elementor names every block "elementor-widget-<type>": the text widgets hold the article,
    # and the small sidebar box with a plain "widget" class must not win over them.
    def text_widget(words):
        return ("<div class='elementor-widget elementor-widget-text-editor'><div class='elementor-widget-container'>"
                f"<p>{words}, and the volunteers who rebuilt the mill race met every Saturday, whatever the "
                "weather, until the wheel turned again in the spring.</p></div></div>")
    page = ("<html><body><div class='elementor-widget-wrap'>" + text_widget("The mill opened in 1820")
            + text_widget("The flood of 1952 broke the dam") + text_widget("The trust bought the ruin in 1990")
            + "</div><div class='widget'><p>Opening hours, prices, parking, and how to find the mill by bus.</p>"
            "</div></body></html>")
    text = chosen(page)
    assert "The mill opened in 1820" in text and "The trust bought the ruin" in text
    assert "Opening hours" not in text


PARAGRAPH = ("<p>The mill wheel, rebuilt by volunteers over three winters, turned again in May, and "
             "half the village came down to the river to watch it.</p>")


def builder_section(inner: str, heading: str = "") -> str:
    return (f"<section class=builder-section>{heading}<div class=builder-row><div class=builder-column>"
            f"<div class=builder-text>{inner}</div></div><div class=builder-column><img src=mill.jpg></div>"
            "</div></section>")


def test_an_article_split_over_page_builder_sections_is_read_whole():
    page = ("<html><body><main>" + builder_section(PARAGRAPH * 3)
            + builder_section("<p>The miller's daughter, now ninety, remembered the last harvest it ground, "
                              "before the flood of 1952 broke the weir.</p>" + PARAGRAPH, "<h2>Memories</h2>")
            + "</main></body></html>")
    text = chosen(page)
    assert "last harvest it ground" in text and "Memories" in text and "half the village" in text


def test_a_teaser_list_beside_the_article_is_not_a_section():
    # One teaser's summary scores like a section of the article, but it is a small part of a
    # long list of stories: the list is not a section of the article.
    summary = ("<li><div class=entry-summary><p>" + "Another story from the valley, with the ferry, the mill, "
               "and the school, " * 2 + "</p></div></li>")
    teaser = "<li><h3>Valley news in brief</h3><span>12 May</span> <span>The school fete moves indoors</span></li>"
    teasers = "<section class=builder-section><ul>" + summary + teaser * 15 + "</ul></section>"
    page = "<html><body><main>" + builder_section(PARAGRAPH * 3) + teasers + "</main></body></html>"
    text = chosen(page)
    assert "half the village" in text and "Another story" not in text and "school fete" not in text


def test_a_section_named_like_chrome_does_not_join_the_article():
    # "comment" alone prunes nothing (forum posts are content on their own pages), but beside
    # an article a comment thread is not one of its sections.
    thread = ("<section class=comment-thread><div class=builder-row><div class=builder-column><div class=builder-text>"
              + PARAGRAPH.replace("mill wheel", "ferry") * 3 + "</div></div></div></section>")
    page = "<html><body><main>" + builder_section(PARAGRAPH * 3) + thread + "</main></body></html>"
    text = chosen(page)
    assert "mill wheel" in text and "ferry" not in text


def test_small_teasers_named_like_content_do_not_pull_the_article_up_to_the_page():
    # Three teaser boxes score near the article by their "content" name and their commas; they
    # share an ancestor with it, but a few lines each are not parts of the article.
    article = ("<div class=node><div class=article-text>" + "<p>The council met on Monday, and after a long debate "
               "it agreed that the new library, in the old mill by the river, opens in May.</p>" * 8 + "</div></div>")
    teaser = ("<div class=teaser><div class=field-content><p>This week: ferry, bus, train, school, fete, market, "
              "fair, choir, band, club, pool, park, gym, shop, cafe, pub, inn, mill, farm, barn, and more dates, "
              "soon.</p></div></div>")
    page = ("<html><body><div class=layout><div class=region>" + article + "<div class=date>4 May</div></div>"
            "<div class=region><div class=view>" + teaser * 3 + "</div></div></div></body></html>")
    text = chosen(page)
    assert "opens in May" in text and "ferry, bus" not in text


@pytest.mark.parametrize("lead_class", ["texto-bajada", "nota-copete", "entradilla"])
def test_a_spanish_standfirst_outside_the_text_container_is_kept(lead_class):
    prose = "".join(f"<p>Párrafo {i}: el río creció durante la noche, el pueblo se inundó y la ayuda llegó tarde.</p>"
                    for i in range(6))
    html = (f"<html><body><article><header><h1>Inundación</h1><div class='{lead_class}'><p>Por qué las alertas "
            f"llegaron dos horas tarde al barrio bajo.</p></div></header><div class='cuerpo'>{prose}</div></article>"
            "</body></html>")
    texts = [b.text for b in extract(html).blocks]
    assert texts[0] == "Por qué las alertas llegaron dos horas tarde al barrio bajo."
    assert texts[-1].startswith("Párrafo 5")


PROSE = "".join(f"<p>Paragraph {i}: the council said the bridge would open in spring, and that the cost was fair.</p>"
                for i in range(6))


def test_prose_between_the_headline_and_the_text_is_the_articles_start():
    html = ("<html><body><article><div class=hero><h1>The bridge opens</h1><p>After six years of work and two "
            "floods, the new bridge over the Wend carries its first traffic on Monday.</p></div>"
            f"<div class=body-copy>{PROSE}</div></article></body></html>")
    texts = [b.text for b in extract(html).blocks]
    assert texts[0].startswith("After six years of work")
    assert texts[-1].startswith("Paragraph 5")


def test_before_the_headline_short_and_linked_lines_are_no_standfirst():
    html = ("<html><body><article><div class=hero><p>Our town's paper since 1887, written by neighbours for "
            "neighbours, every weekday morning.</p><h1>The bridge opens</h1><p>By Ana Ruiz, 3 May.</p>"
            "<p>Read <a href=/a>our whole series on the river crossings and the floods of the last ten "
            "years</a> here.</p></div>"
            f"<div class=body-copy>{PROSE}</div></article></body></html>")
    texts = [b.text for b in extract(html).blocks]
    assert texts[0].startswith("Paragraph 0")
    assert not any("1887" in t or "Ana Ruiz" in t or "whole series" in t for t in texts)


# Random small trees for the text statistics: blocks, paragraphs, links (real and named) and
# inline elements nested any way, with texts that have edge spaces and commas.
_TEXTS = st.sampled_from(["", " ", "\n  ", "word", " two words ", "a, b, c", "café, 、ok", "\u00a0x\u00a0"])
_TAGS = st.sampled_from(["div", "p", "td", "blockquote", "li", "span", "b", "a href=/x", "a name=n",
                         "a href='javascript:go()'"])
_TREES = st.recursive(_TEXTS, lambda children: st.tuples(_TAGS, st.lists(children, max_size=4)), max_leaves=25)


def _markup(tree) -> str:
    if isinstance(tree, str):
        return tree
    tag, children = tree
    return f"<{tag}>{''.join(_markup(child) for child in children)}</{tag.split()[0]}>"


def _reference_chars(element) -> int:
    """The text of an element's subtree as the scorer counts it, by the definition: every text
    node stripped, the element's own tail left out."""
    return len((element.text or "").strip()) + sum(
        _reference_chars(child) + len((child.tail or "").strip()) for child in element)


def _outer_links(element):
    """The links inside ``element`` (itself included) that no other link inside it holds."""
    found = []
    for anchor in element.iter("a"):
        if is_link(anchor) and not any(a in found for a in anchor.iterancestors("a")):
            found.append(anchor)
    return found


@given(st.lists(_TREES, max_size=4))
def test_text_statistics_of_every_block_match_their_definition(trees):
    # Link text is the text of the links inside a block: a block inside a link is not link
    # text for itself (its container's link density counts it).
    body = parse("<html><body>" + "".join(_markup(t) for t in trees) + "</body></html>").find("body")
    scores = score_tree(body)
    for element in body.iter(*BLOCK_TAGS):
        chars = _reference_chars(element)
        links = sum(_reference_chars(a) for a in _outer_links(element))
        assert (scores.chars.get(element, 0), scores.links.get(element, 0)) == (chars, links)


def test_nested_links_count_their_text_once():
    body = parse("<html><body><div><p>See <a href=/a>the <b><a href=/b>map</a></b> here</a>.</p></div></body></html>").find("body")
    paragraph = body.find(".//p")
    scores = score_tree(body)
    assert scores.chars[paragraph] == len("See" "the" "map" "here" ".")
    assert scores.links[paragraph] == len("the" "map" "here")
