"""Tracker and consent-vendor names left behind as lines of text."""

from .base import RuleFilter


class Trackers(RuleFilter):
    """Drops lines that are only the name of a tracker or consent vendor.

    Rules: ``scrubber/rules/packs/trackers.toml``.

    >>> from scrubber.testing import judge
    >>> judge(Trackers, 'Quantcast')
    'trackers/quantcast'
    >>> judge(Trackers, 'Quantcast measures audiences for many publishers.') is None
    True
    >>> judge(Trackers, 'Consentement géré par Didomi')
    'trackers/consent-powered-by'
    >>> judge(Trackers, 'Hotjar records how visitors scroll, which worried the regulator.') is None
    True
    """

    name = "trackers"
