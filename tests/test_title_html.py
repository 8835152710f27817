"""The title of an HTML page: og:title, unless it is only the site's name. Pages invented."""

from scrubber.source.html.metadata import page_title
from scrubber.source.html.parse import parse

BODY = "<h1>Lighthouse Keeper Retires After Forty Years</h1><p>She climbed the stairs every night.</p>"


def test_og_title_is_the_title():
    head = '<meta property="og:title" content="Keeper of the Light Retires"><title>Lighthouse Keeper Retires | The Harbour Post</title>'
    assert page_title(parse(head + BODY)) == "Keeper of the Light Retires"


def test_og_title_that_is_the_site_name_gives_way_to_the_headline():
    head = ('<meta property="og:title" content="The Harbour Post"><meta property="og:site_name" content="The Harbour Post">'
            '<title>Lighthouse Keeper Retires After Forty Years | The Harbour Post</title>')
    assert page_title(parse(head + BODY)) == "Lighthouse Keeper Retires After Forty Years"


def test_og_title_that_is_the_last_part_of_the_title_element_is_the_site_name():
    head = '<meta property="og:title" content="Harbour Post"><title>Lighthouse Keeper Retires After Forty Years - Harbour Post</title>'
    assert page_title(parse(head + BODY)) == "Lighthouse Keeper Retires After Forty Years"


def test_a_short_og_title_that_opens_the_title_element_is_kept():
    # "Title | Site" with a title shorter than the site's name: the first part is the title.
    head = '<meta property="og:title" content="Rye (2)"><title>Rye (2) | Notes From A Small Kitchen Garden</title>'
    assert page_title(parse(head + "<h1>Notes From A Small Kitchen Garden</h1>")) == "Rye (2)"
