"""Navigation menus, breadcrumbs and search boxes."""

from .base import RuleFilter


class Navigation(RuleFilter):
    """Drops lines that are a menu entry, a breadcrumb trail or a search prompt.

    Rules: ``scrubber/rules/packs/navigation.toml``.

    >>> from scrubber.testing import judge
    >>> judge(Navigation, 'Home > Blog > Recipes')
    'navigation/breadcrumb'
    >>> judge(Navigation, 'We drove home after the game.') is None
    True
    >>> judge(Navigation, 'Startseite › Ratgeber › Garten')
    'navigation/breadcrumb'
    """

    name = "navigation"
