"""Rules from the user's own packs (``rules=[...]``, ``--rules FILE``, $SCRUBBER_RULES_DIR)."""

from .base import RuleFilter


class SiteRules(RuleFilter):
    """Drops lines matched by ``[[drop]]`` rules of user packs that name no built-in stage.

    User packs run after every built-in filter; their ``keep`` rules are checked before any
    filter runs, so a user can protect a line that a built-in rule would drop.

    >>> from scrubber.testing import judge
    >>> pack = {"pack": {"name": "example-news"}, "drop": [{"id": "views", "regex": r"\\d+ views"}]}
    >>> judge(SiteRules, "1,234 views", rules=[pack]) is None
    True
    >>> judge(SiteRules, "1234 views", rules=[pack])
    'example-news/views'
    """

    name = "site_rules"
