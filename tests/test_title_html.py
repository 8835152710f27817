"""The title of an HTML page: og:title, unless it is only the site's name. Pages invented."""

from scrubber.source.html.metadata import json_ld_body, page_lang, page_metadata, page_title
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


def test_metadata_in_one_pass_is_what_each_reader_finds():
    page = parse('<html lang="pt-BR"><head><title>Faroleiro se aposenta | Diário do Porto</title>'
                 '<script type="application/ld+json">{"@type": "BreadcrumbList"}</script></head><body>'
                 + BODY + '<script type="application/ld+json">{"@graph": [{"articleBody": "Ela subia.\\n Todas as noites."}]}'
                 '</script></body></html>')
    assert page_metadata(page) == (page_title(page), page_lang(page), json_ld_body(page))
    assert page_metadata(page).json_ld_body == "Ela subia.\nTodas as noites."


def test_json_ld_body_under_an_escaped_key_is_found():
    # JSON may spell any character of a key as a \u escape; the quick "no articleBody here"
    # check must not skip such a script.
    page = parse('<script type="application/ld+json">{"\\u0061rticleBody": "It rained all day."}</script>')
    assert json_ld_body(page) == "It rained all day."
