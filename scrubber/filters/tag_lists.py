"""Tag and category lists."""

from .base import RuleFilter


class TagLists(RuleFilter):
    """Drops lines that list tags or categories ('Tags: bread, baking').

    Rules: ``scrubber/rules/packs/tag_lists.toml``.

    >>> from scrubber.testing import judge
    >>> judge(TagLists, 'Tags: bread, baking, sourdough')
    'tag_lists/tags-line'
    >>> judge(TagLists, 'Tags on the luggage were printed in three languages.') is None
    True
    >>> judge(TagLists, 'Etiquetas: puerto, pesca, Galicia')
    'tag_lists/tags-line'
    """

    name = "tag_lists"
