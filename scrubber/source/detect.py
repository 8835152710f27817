"""Is this document HTML or plain text a scraper already dumped?"""

from __future__ import annotations

import regex

_DOCUMENT_TAG = regex.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<\?xml[^>]*>\s*<(?:!doctype\s+)?html", regex.IGNORECASE)
_COMMON_TAG = regex.compile(
    r"</?(?:p|div|span|a|br|li|ul|ol|table|tr|td|h[1-6]|article|section|main|header|footer|nav|meta|script|style|img|em|strong|b|i)(?:\s[^<>]{0,500})?/?>",
    regex.IGNORECASE,
)
SAMPLE = 20_000
MIN_TAGS = 4
# Markup is mostly tags; a text dump that kept a few leaked tags (a <noscript> image, an
# embed code quoted in an article) is mostly words. Share of the sample's characters in tags:
MIN_TAG_SHARE = 0.1
# ...and tags stand on most of its lines; in a dump, leaked markup sits on a few lines of its own.
MIN_TAGGED_LINES = 0.4
# A page flattened onto a few long lines is judged by stretches of this many characters, so
# that a <noscript> tag leaked into one of them does not mark the whole line as markup.
LINE_STRETCH = 400


def looks_like_html(text: str) -> bool:
    """True when the text is markup rather than prose.

    A document tag at the start decides at once. Otherwise several common tags must appear
    and, unless the text opens with a tag, make up a good share of it: prose that mentions a
    ``<p>`` tag, or a dump with a few tags leaked from ``<noscript>``, stays text.

    >>> looks_like_html("<!DOCTYPE html><title>x</title>")
    True
    >>> looks_like_html("<div><p>Hello</p><p>World</p></div>")
    True
    >>> looks_like_html("Use the <p> tag for paragraphs, and close it.")
    False
    >>> looks_like_html("Home\\nNews\\n" + "A long line of the article text that goes on. " * 40 + '<img src="a.png"><img src="b.png"><br><br>')
    False
    """
    opening = _opening(text)
    if _DOCUMENT_TAG.search(opening):
        return True
    sample = text[:SAMPLE]
    tags = tag_chars = 0
    for found in _COMMON_TAG.finditer(sample):
        tags += 1
        tag_chars += len(found.group())
    if tags < MIN_TAGS:
        return False
    if opening.startswith("<"):
        return True
    if tag_chars < MIN_TAG_SHARE * len(sample.strip()):
        return False
    lines = [line[start:start + LINE_STRETCH] for line in sample.splitlines() if line.strip()
             for start in range(0, len(line), LINE_STRETCH)]
    tagged = sum(1 for line in lines if "<" in line and ">" in line)
    return tagged >= MIN_TAGGED_LINES * len(lines)


def _opening(text: str, chars: int = 1024) -> str:
    """The first ``chars`` characters after leading whitespace, without copying the whole
    document to strip it (a page is often hundreds of kilobytes).

    >>> _opening("  \\n <p>x", 4)
    '<p>x'
    """
    head = text[:4 * chars].lstrip()
    if len(head) < chars and len(text) > 4 * chars:  # a long run of blank space: rare
        head = text.lstrip()
    return head[:chars]
