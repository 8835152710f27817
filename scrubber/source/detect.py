"""Is this document HTML or plain text a scraper already dumped?"""

from __future__ import annotations

import regex

_DOCUMENT_TAG = regex.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<\?xml[^>]*>\s*<(?:!doctype\s+)?html", regex.IGNORECASE)
_COMMON_TAG = regex.compile(
    r"</?(?:p|div|span|a|br|li|ul|ol|table|tr|td|h[1-6]|article|section|main|header|footer|nav|meta|script|style|img|em|strong|b|i)(?:\s[^<>]{0,500})?/?>",
    regex.IGNORECASE,
)


def looks_like_html(text: str) -> bool:
    """True when the text is markup rather than prose.

    A document tag near the start decides at once; otherwise several common tags must appear,
    so prose that mentions one ``<p>`` tag stays text.

    >>> looks_like_html("<!DOCTYPE html><title>x</title>")
    True
    >>> looks_like_html("<div><p>Hello</p><p>World</p></div>")
    True
    >>> looks_like_html("Use the <p> tag for paragraphs, and close it.")
    False
    """
    head = text[:4096]
    if _DOCUMENT_TAG.search(head.lstrip()[:1024]):
        return True
    tags = 0
    for _ in _COMMON_TAG.finditer(text[:20000]):
        tags += 1
        if tags >= 4:
            return True
    return False
