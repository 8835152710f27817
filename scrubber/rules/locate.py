"""Where each table and key of a TOML file starts, so a rule file error can name its line."""

from __future__ import annotations

import regex

_HEADER = regex.compile(r"\[\[\s*([\w.-]+)\s*\]\]|\[\s*([\w.-]+)\s*\]")
_KEY = regex.compile(r"""([\w-]+|"[^"]*"|'[^']*')\s*=\s*""")


class TomlLines:
    """Line numbers of the tables (``[pack]``, the n-th ``[[drop]]``) and keys of a TOML text.

    The n-th ``[[drop]]`` header belongs to the n-th entry of the parsed ``drop`` array, so a
    problem with one rule points at that rule's own lines, not at the first line that happens
    to contain the same words.

    >>> lines = TomlLines('[pack]\\nname = "x"\\n\\n[[drop]]\\nid = "a"\\n[[drop]]\\nid = "b"\\ntext = "B"\\n')
    >>> lines.line("pack", 0, "name"), lines.line("drop", 1), lines.line("drop", 1, "text")
    (2, 6, 8)
    """

    def __init__(self, raw: str | None):
        self.tables: dict[str, list[tuple[int, dict[str, int]]]] = {}
        self.top: dict[str, int] = {}
        current, closing = self.top, None
        for number, text in enumerate((raw or "").splitlines(), 1):
            stripped = text.strip()
            if closing:  # inside a multi-line string: nothing here is a key
                if closing in stripped:
                    closing = None
                continue
            header = _HEADER.match(stripped)
            if header:
                current = {}
                self.tables.setdefault(header.group(1) or header.group(2), []).append((number, current))
                continue
            key = _KEY.match(stripped)
            if key:
                current.setdefault(key.group(1).strip("\"'"), number)
                rest = stripped[key.end():]
                for quotes in ('"""', "'''"):
                    if rest.startswith(quotes) and rest.count(quotes) == 1:
                        closing = quotes

    def line(self, table: str, index: int = 0, key: str | None = None) -> int | None:
        """The line of ``key`` in the ``index``-th ``table`` (its header line when the key is not
        written there), or of ``table = ...`` when the table is written inline."""
        found = self.tables.get(table, [])
        if index < len(found):
            header, keys = found[index]
            return keys.get(key, header) if key else header
        return self.top.get(table)
