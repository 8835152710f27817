"""Page anchors and accessibility links: 'top of page', 'skip to content', 'back to top'."""

from .base import RuleFilter


class PageAnchors(RuleFilter):
    """Drops lines that are only an in-page anchor or accessibility link.

    Rules: ``scrubber/rules/packs/page_anchors.toml``.

    >>> from scrubber.testing import judge
    >>> judge(PageAnchors, 'top of page')
    'page_anchors/top-of-page'
    >>> judge(PageAnchors, 'Our ads run at the top of page one of the results.') is None
    True
    >>> judge(PageAnchors, 'Zum Inhalt springen')
    'page_anchors/skip-de'
    """

    name = "page_anchors"
