"""Main-content choice: which container of a page holds the article."""

from scrubber.source.html.content import main_content
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
