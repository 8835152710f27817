"""Reject rule regexes that are open to catastrophic backtracking before they ever run."""

from __future__ import annotations

import regex

# A group that is a single repeated atom, itself repeated without bound, like (a+)+ or
# (\w*)*: the classic exponential-backtracking shape. Matching is also bounded by a timeout
# at run time, so a pattern this misses can slow a job but not hang it.
_ATOM = r"(?:\\.|\[(?:[^\]\\]|\\.)*\]|[^()\\|])"
_NESTED_QUANTIFIER = regex.compile(r"\((?:\?:)?" + _ATOM + r"[+*]\)[+*]|\((?:\?:)?" + _ATOM + r"[+*]\)\{\d+,\}")


def check_pattern(pattern: str) -> str | None:
    """Return why a pattern is unsafe, or None.

    >>> check_pattern(r"^\\d+ views$") is None
    True
    >>> check_pattern(r"(a+)+$")
    'pattern open to catastrophic backtracking (nested quantifier): (a+)+'
    """
    found = _NESTED_QUANTIFIER.search(pattern)
    if found:
        return f"pattern open to catastrophic backtracking (nested quantifier): {found.group(0)}"
    return None
