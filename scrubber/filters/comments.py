"""Comment sections, comment forms and their counters."""

from .base import RuleFilter


class Comments(RuleFilter):
    """Drops lines that belong to a comment section: its header, counters and form labels.

    Rules: ``scrubber/rules/packs/comments.toml``.

    >>> from scrubber.testing import judge
    >>> judge(Comments, 'Your email address will not be published.')
    'comments/form-labels'
    >>> judge(Comments, 'Your email address will not be published, the council promised residents.') is None
    True
    >>> judge(Comments, 'Kommentar abschicken')
    'comments/de-form'
    >>> judge(Comments, 'Los comentarios del ministro provocaron críticas.') is None
    True
    """

    name = "comments"
