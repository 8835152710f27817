"""Advertisement labels and 'Read more:' teasers."""

from .base import RuleFilter


class Ads(RuleFilter):
    """Drops lines that are an advertisement label, a sponsored marker or a 'Read more' teaser.

    Rules: ``scrubber/rules/packs/ads.toml``.

    >>> from scrubber.testing import judge
    >>> judge(Ads, 'Advertisement')
    'ads/advertisement'
    >>> judge(Ads, 'Advertisement spending grew by a third last year.') is None
    True
    >>> judge(Ads, 'Anzeige')
    'ads/advertisement'
    >>> judge(Ads, 'La publicité pour les boissons sucrées sera interdite.') is None
    True
    """

    name = "ads"
