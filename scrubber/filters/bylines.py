"""Bylines, dates, read times and view counts around the title."""

from .base import RuleFilter


class Bylines(RuleFilter):
    """Drops lines that are only a byline, a publication date, a read time or a view count.

    Rules: ``scrubber/rules/packs/bylines.toml``.

    >>> from scrubber.testing import judge
    >>> judge(Bylines, '5 min read')
    'bylines/read-time'
    >>> judge(Bylines, 'It takes 5 minutes to read the whole report, she said.') is None
    True
    >>> judge(Bylines, 'Publié le 4 mars 2025 à 10h30')
    'bylines/date-line'
    >>> judge(Bylines, 'Von Montag an gilt auf der Brücke Tempo 30.') is None
    True
    """

    name = "bylines"
