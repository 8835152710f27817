"""Markdown rendering of cleaned blocks: ``#`` headings by level, ``-`` list items, ``>``
quotes, fenced code, table rows as pipe rows."""

from __future__ import annotations

from .result import Cleaned

FENCE = "```"


def block_markdown(kind: str, text: str, level: int | None = None) -> str:
    """One block as Markdown.

    >>> block_markdown("heading", "Bread", 2)
    '## Bread'
    >>> block_markdown("quote", "One\\nTwo")
    '> One\\n> Two'
    >>> block_markdown("code", "x = 1")
    '```\\nx = 1\\n```'
    >>> block_markdown("list_item", "Flour")
    '- Flour'
    """
    if kind == "title":
        return f"# {text}"
    if kind == "heading":
        return "#" * min(max(level or 2, 1), 6) + " " + text
    if kind == "list_item":
        return "- " + text.replace("\n", "\n  ")
    if kind == "quote":
        return "\n".join("> " + line for line in text.split("\n"))
    if kind == "code":
        fence = FENCE + "`" * _longest_backtick_run(text)
        return f"{fence}\n{text}\n{fence}"
    if kind == "table_row":
        return f"| {text} |"
    return text.replace("\n", "  \n")


def markdown(result: Cleaned, include_title: bool = True) -> str:
    """The cleaned article as Markdown; consecutive list items and table rows stay together.

    >>> from scrubber.blocks import Block
    >>> result = Cleaned(text="", title="Bread", blocks=[Block("Bread", kind="title"),
    ...     Block("Flour", kind="list_item"), Block("Water", kind="list_item"), Block("Mix well.")])
    >>> print(markdown(result), end="")
    # Bread
    <BLANKLINE>
    - Flour
    - Water
    <BLANKLINE>
    Mix well.
    """
    pieces: list[str] = []
    previous = None
    for block in result.blocks:
        if block.kind == "title" and not include_title:
            continue
        text = block_markdown(block.kind, block.text, block.level)
        tight = previous == block.kind and block.kind in ("list_item", "table_row")
        if pieces:
            pieces.append("\n" if tight else "\n\n")
        pieces.append(text)
        previous = block.kind
    return "".join(pieces) + "\n" if pieces else ""


def _longest_backtick_run(text: str) -> int:
    longest = run = 0
    for char in text:
        run = run + 1 if char == "`" else 0
        longest = max(longest, run)
    return max(0, longest - 2)
