"""Cookie and consent banners and their buttons."""

from .base import RuleFilter


class CookieBanners(RuleFilter):
    """Drops lines that are a cookie-consent prompt or one of its buttons.

    Rules: ``scrubber/rules/packs/cookie_banners.toml``.

    >>> from scrubber.testing import judge
    >>> judge(CookieBanners, 'Accept all cookies')
    'cookie_banners/accept-all-cookies'
    >>> judge(CookieBanners, 'Cookie sales rose 4% in 2019.') is None
    True
    >>> judge(CookieBanners, 'Tout accepter')
    'cookie_banners/fr'
    >>> judge(CookieBanners, 'We use cookies baked the day before, because fresh ones crumble.') is None
    True
    """

    name = "cookie_banners"
