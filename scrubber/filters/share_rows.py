"""Share rows and social counters."""

from .base import RuleFilter


class ShareRows(RuleFilter):
    """Drops lines that are share buttons, social network names or like/share counts.

    Rules: ``scrubber/rules/packs/share_rows.toml``.

    >>> from scrubber.testing import judge
    >>> judge(ShareRows, 'Share on Facebook')
    'share_rows/share-on-network'
    >>> judge(ShareRows, "Share prices fell sharply on Facebook's results day.") is None
    True
    >>> judge(ShareRows, 'Partager sur LinkedIn')
    'share_rows/share-on-network'
    """

    name = "share_rows"
