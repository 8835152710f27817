"""Newsletter and sign-up boxes."""

from .base import RuleFilter


class Newsletters(RuleFilter):
    """Drops lines that are a newsletter sign-up prompt, an email field label or its button.

    Rules: ``scrubber/rules/packs/newsletters.toml``.

    >>> from scrubber.testing import judge
    >>> judge(Newsletters, 'Subscribe to our newsletter')
    'newsletters/subscribe-to-newsletter'
    >>> judge(Newsletters, 'Readers who subscribe to our newsletter will get the report first.') is None
    True
    >>> judge(Newsletters, 'Suscríbete a nuestro boletín y recibe las noticias cada mañana.')
    'newsletters/es'
    """

    name = "newsletters"
