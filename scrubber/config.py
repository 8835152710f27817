"""CleanConfig: every knob of the pipeline in one frozen dataclass."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace


@dataclass(frozen=True)
class CleanConfig:
    """Settings for one cleaning run. Override any field with keyword arguments to ``clean()``.

    Fields (default):

    - ``include_title`` (True): put the page title first in the output.
    - ``filters`` (None): names of the filters to run, in registry order; None runs them all.
    - ``disabled`` (empty): filter names, pack names or rule ids (``trackers/quantcast``) to switch off.
    - ``rules`` (empty): extra rule packs (paths to TOML files, or loaded ``Pack`` objects),
      applied after the built-ins; their ``keep`` rules protect lines from built-in drops.
    - ``scoring`` (True): classify what the rules left with the content scorer.
    - ``language`` (None): ISO code of the page language; None guesses it from stopwords.
    - ``max_input_bytes`` (64 MiB): larger documents (str counted as UTF-8) raise
      ``InputTooLargeError``; None for no limit.
    - ``time_budget`` (60.0): seconds one document may take before ``BudgetExceededError``;
      None for no limit. Checked inside every stage's per-block loop.
    - ``regex_timeout`` (0.05): seconds one rule regex may spend on one block.

    Limits of the wrong type raise TypeError, negative ones ValueError:

    >>> CleanConfig(time_budget="soon")
    Traceback (most recent call last):
    ...
    TypeError: time_budget must be a number or None, not str
    """

    include_title: bool = True
    filters: tuple[str, ...] | None = None
    disabled: frozenset[str] = field(default_factory=frozenset)
    rules: tuple = ()
    scoring: bool = True
    language: str | None = None
    max_input_bytes: int | None = 64 * 1024 * 1024
    time_budget: float | None = 60.0
    regex_timeout: float = 0.05

    def __post_init__(self):
        _check_limit("max_input_bytes", self.max_input_bytes, int)
        _check_limit("time_budget", self.time_budget, (int, float))
        _check_limit("regex_timeout", self.regex_timeout, (int, float), optional=False)
        if self.regex_timeout == 0:  # every pattern would time out at once: all regex rules off, silently
            raise ValueError("regex_timeout must be more than 0")

    def with_overrides(self, **overrides) -> "CleanConfig":
        """A copy with some fields replaced; unknown names raise TypeError.

        >>> CleanConfig().with_overrides(include_title=False).include_title
        False
        """
        known = {f.name for f in fields(self)}
        unknown = sorted(set(overrides) - known)
        if unknown:
            raise TypeError(f"unknown option(s) {', '.join(unknown)}; valid: {', '.join(sorted(known))}")
        if "disabled" in overrides and not isinstance(overrides["disabled"], frozenset):
            overrides["disabled"] = frozenset(_as_tuple(overrides["disabled"], "disabled"))
        for name in ("filters", "rules"):
            if name in overrides and overrides[name] is not None:
                overrides[name] = _as_tuple(overrides[name], name)
        return replace(self, **overrides)


def _as_tuple(value, name):
    if isinstance(value, (str, bytes)) or not hasattr(value, "__iter__"):
        value = [value]
    return tuple(value)


def _check_limit(name, value, types, optional=True):
    if value is None and optional:
        return
    if isinstance(value, bool) or not isinstance(value, types):
        kind = "an integer" if types is int else "a number"
        raise TypeError(f"{name} must be {kind}{' or None' if optional else ''}, not {type(value).__name__}")
    if value < 0:
        raise ValueError(f"{name} must not be negative, got {value}")
