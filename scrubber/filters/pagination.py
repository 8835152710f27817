"""Pagination and previous/next-post links."""

from .base import RuleFilter


class Pagination(RuleFilter):
    """Drops lines that are a pagination control or a previous/next-post link.

    Rules: ``scrubber/rules/packs/pagination.toml``.

    >>> from scrubber.testing import judge
    >>> judge(Pagination, 'Next Post')
    'pagination/next-post'
    >>> judge(Pagination, 'The next post office opens in May.') is None
    True
    >>> judge(Pagination, 'Article suivant : La tarte aux pommes')
    'pagination/post-navigation'
    """

    name = "pagination"
