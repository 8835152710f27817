"""Block: one piece of a document (a line, a paragraph, a heading...) as it moves through the pipeline."""

from __future__ import annotations

from dataclasses import dataclass, field

KINDS = ("title", "heading", "paragraph", "list_item", "quote", "code", "table_row")


@dataclass(slots=True)
class Block:
    """A piece of text with its structural kind.

    ``index`` is the block's position in the source document, so removals can point back at it.
    ``line`` groups pieces that a scraper flattened onto one physical line: pieces of one line
    are joined again into one paragraph when they are rendered. ``link_density`` and
    ``hints`` (class/id tokens, tag name) come from HTML and stay empty for text input.
    ``after_blank`` says a blank line came before the block in a text dump: a sure paragraph
    boundary, where fragments of one paragraph are never joined.
    """

    text: str
    kind: str = "paragraph"
    index: int = 0
    line: int | None = None
    level: int | None = None
    link_density: float = 0.0
    hints: tuple[str, ...] = ()
    after_blank: bool = False
    # Every filter asks for the key of every block: computed once per text.
    _key_of: str | None = field(default=None, repr=False, compare=False)
    _key: str = field(default="", repr=False, compare=False)

    def key(self) -> str:
        """The text as rules compare it: case-folded, whitespace collapsed.

        >>> Block("  Top   of PAGE ").key()
        'top of page'
        """
        text = self.text
        if self._key_of is not text:
            # Most lines already have single spaces and no other whitespace (every whitespace
            # character but the space is unprintable): splitting them into words would copy
            # each word only to join the same line again.
            if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
                # (an ASCII text folds as it lowers, and lower() has a fast path for it)
                self._key = text.lower() if text.isascii() else text.casefold()
            else:
                self._key = " ".join(text.split()).casefold()
            self._key_of = text
        return self._key


def line_keys(blocks: list[Block]) -> list[str]:
    """``[block.key() for block in blocks]``, kept on the blocks as ``key`` keeps them: where
    the compiled module is built (``source/html/compiled.py``), a page's printable lines with
    single spaces (most of them) are keyed there, each in one pass over its characters.

    >>> line_keys([Block("Top of PAGE"), Block("  a  b "), Block("Ünï")])
    ['top of page', 'a b', 'ünï']
    """
    from .source.html import compiled  # (not at the top: that package builds blocks, and imports this module)

    if compiled.walk is None:
        return [block.key() for block in blocks]
    return compiled.walk.kept_line_keys(blocks, Block)
