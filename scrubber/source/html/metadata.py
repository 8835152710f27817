"""What the page says about itself: title, language, and the article body of its JSON-LD.
Read before pruning, which removes ``<head>`` and scripts."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from ...normalise.whitespace import clean_line
from ...title_words import SEPARATORS, strip_site_name, title_words
from . import compiled
from .parse import text_of

_HEADINGS = ("h1", "h2", "h3")
# The <meta> kinds (property, else name) read: the title, and the site's name to tell it apart.
_META_KINDS = ("og:title", "og:site_name", "application-name")
# Headings compared with <title>: the article's is near the top.
MAX_HEADINGS = 50


class PageMetadata(NamedTuple):
    """What the page says about itself, for the article it holds."""

    title: str | None
    lang: str | None
    json_ld_body: str | None


@dataclass
class _Found:
    """The elements the metadata is read from, gathered in one pass over the tree."""

    og_title: str | None = None
    site_names: list[str] = field(default_factory=list)
    title_element: object = None
    headings: list = field(default_factory=list)
    json_ld: list[str] = field(default_factory=list)


def page_metadata(root) -> PageMetadata:
    """Title, language and JSON-LD article body (see ``page_title``, ``page_lang``,
    ``json_ld_body``), read in one pass over the tree.

    >>> from scrubber.source.html.parse import parse
    >>> page_metadata(parse('<html lang=en><title>Rain | Weather Desk</title><h1>Rain</h1>'
    ...                     '<script type="application/ld+json">{"articleBody": "It rained."}</script></html>'))
    PageMetadata(title='Rain', lang='en', json_ld_body='It rained.')
    """
    found = _find(root)
    return PageMetadata(_title(found), page_lang(root), _json_ld_body(found))


def _find(root) -> _Found:
    found = _Found()
    for element in _candidates(root):
        tag = element.tag
        if tag == "meta":
            kind = element.get("property") or element.get("name")
            if kind == _META_KINDS[0] and found.og_title is None and element.get("content") is not None:
                found.og_title = clean_line(element.get("content")) or ""
            elif kind in _META_KINDS[1:] and element.get("content"):
                found.site_names.append(clean_line(element.get("content")))
        elif tag == "script":
            if "ld+json" in (element.get("type") or ""):
                found.json_ld.append(element.text or "")
        elif tag == "title":
            if found.title_element is None:
                found.title_element = element
        elif len(found.headings) < MAX_HEADINGS:
            found.headings.append(element)
    return found


def _candidates(root):
    """The elements _find reads, in document order. Meta elements and JSON-LD scripts may sit
    anywhere, so the whole tree is read, but only once: by the compiled search when it is
    built, which also leaves out the many <meta> and <script> elements _find would pass over;
    else by lxml's tag-filtered iteration (an XPath "//" search is slower)."""
    if compiled.walk is not None:
        return compiled.walk.metadata_elements(root, *_compiled_search())
    return root.iter("meta", "title", "script", *_HEADINGS)


@lru_cache(maxsize=1)
def _compiled_search():
    # what metadata_elements makes of a tag (1 always read, 2 a <meta>, 3 a <script>), and
    # the <meta> kinds it keeps
    tags = compiled.walk.TagCodes({"title": 1, **dict.fromkeys(_HEADINGS, 1), "meta": 2, "script": 3})
    return tags, tuple(kind.encode() for kind in _META_KINDS)


def page_title(root) -> str | None:
    """og:title, unless it is only the site's name; else the longest heading that ``<title>`` contains (the post title on blogs
    whose ``<h1>`` is the blog's name); else the first ``<h1>``; else ``<title>``. Site name
    stripped.

    >>> from scrubber.source.html.parse import parse
    >>> page_title(parse("<title>Baking Sourdough Bread at Home | The Loaf</title><h1> </h1>"))
    'Baking Sourdough Bread at Home'
    >>> page_title(parse("<title>Loaf: Rye in Winter</title><h1>Loaf</h1><h3>Rye in Winter</h3>"))
    'Rye in Winter'
    """
    return _title(_find(root))


def _title(found: _Found) -> str | None:
    og_title = found.og_title
    title = clean_line(text_of(found.title_element)) if found.title_element is not None else ""
    if og_title and not _site_name(og_title, found.site_names, title):
        return strip_site_name(og_title)
    elements = found.headings
    headings = [clean_line(text_of(h)) for h in elements]
    folded = title.casefold()
    inside = [h for h in headings if len(h.split()) >= 2 and h.casefold() in folded]
    if inside:
        return max(inside, key=len)
    first_h1 = next((h for h, e in zip(headings, elements) if e.tag == "h1" and h), None)
    if first_h1:
        return strip_site_name(first_h1)
    return strip_site_name(title) if title else None


def _site_name(text: str, site_names: list[str], title: str) -> bool:
    """Whether an og:title is only the site's name: its og:site_name, or the last part of a
    ``Title | Site`` <title> (some sites put their name in every page's og:title).

    >>> _site_name("The Loaf", [], "Rye in Winter | The Loaf")
    True
    >>> _site_name("Rye in Winter", ["The Loaf"], "Rye in Winter | The Loaf")
    False
    """
    words = title_words(text)
    if any(words == title_words(name) for name in site_names):
        return True
    for separator in SEPARATORS:
        if separator in title:
            return words == title_words(title.rsplit(separator, 1)[1])
    return False


def page_lang(root) -> str | None:
    """The primary language subtag of ``<html lang>`` (or ``xml:lang``), lower case.

    >>> from scrubber.source.html.parse import parse
    >>> page_lang(parse('<html lang="de-AT"><p>Hallo</p></html>'))
    'de'
    >>> page_lang(parse('<p>Hi</p>')) is None
    True
    """
    value = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang") or ""
    primary = value.strip().replace("_", "-").split("-")[0].casefold()
    return primary if primary.isalpha() and 2 <= len(primary) <= 3 else None


def json_ld_body(root) -> str | None:
    """The ``articleBody`` of the page's JSON-LD, whitespace collapsed, or None.

    >>> from scrubber.source.html.parse import parse
    >>> page = parse('<script type="application/ld+json">{"@type": "NewsArticle", "articleBody": "It rained."}</script>')
    >>> json_ld_body(page)
    'It rained.'
    """
    return _json_ld_body(_find(root))


def _json_ld_body(found: _Found) -> str | None:
    for text in found.json_ld:
        # Without the key spelled out or a \u escape (the only way to write it otherwise),
        # there is no body to find: most pages' JSON-LD is only breadcrumbs and logos.
        if "articleBody" not in text and "\\u" not in text:
            continue
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):  # a page's JSON can nest deeper than the stack
            continue
        body = _find_body(data)
        if body:
            lines = (clean_line(line) for line in body.splitlines())
            return "\n".join(line for line in lines if line)
    return None


def _find_body(data):
    pending = [data]
    while pending:
        item = pending.pop()
        if isinstance(item, dict):
            body = item.get("articleBody")
            if isinstance(body, str) and body.strip():
                return body
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
    return None
