"""clean() and clean_and_explain(): the entry points."""

from __future__ import annotations

import os
from functools import lru_cache

from .config import CleanConfig
from .pipeline import Pipeline
from .result import Cleaned
from .rules.loader import RULES_DIR_ENV


@lru_cache(maxsize=32)
def _pipeline(config: CleanConfig, rules_dir: str | None) -> Pipeline:
    # rules_dir is part of the key so that setting $SCRUBBER_RULES_DIR takes effect at once.
    return Pipeline(config)


_DEFAULT_CONFIG = CleanConfig()


def _config(config, overrides) -> CleanConfig:
    if config is None:
        config = _DEFAULT_CONFIG
    elif not isinstance(config, CleanConfig):
        raise TypeError(f"config must be a CleanConfig, not {type(config).__name__}")
    if not overrides:
        return config
    # A job passes the same options with every page: their config is built and checked once.
    try:
        return _overridden(config, tuple((name, type(value), value) for name, value in overrides.items()))
    except TypeError:  # an unhashable value (rule packs given as dicts), or an unknown option
        return config.with_overrides(**overrides)


@lru_cache(maxsize=32)
def _overridden(config: CleanConfig, options: tuple) -> CleanConfig:
    # each value's type is part of the key: 1 == 1.0 == True, but a check may accept only one
    return config.with_overrides(**{name: value for name, _, value in options})


def _check_url(url):
    if url is not None and not isinstance(url, str):
        raise TypeError(f"url must be a str or None, not {type(url).__name__}")


def clean(doc, *, url: str | None = None, config: CleanConfig | None = None, **overrides) -> str:
    """The article in ``doc`` (HTML or scraped text, str or bytes) as clean text.

    Blocks are separated by one blank line and the text ends with a newline ("" when nothing
    is left). Keyword overrides are ``CleanConfig`` fields: ``include_title``, ``rules``,
    ``disabled``...

    >>> clean("Quantcast\\ntop of page\\nBread at Home\\n" + "We bake bread at home because it is cheaper and it tastes better than the bread from the shop. " * 2)
    'Bread at Home\\n\\nWe bake bread at home because it is cheaper and it tastes better than the bread from the shop. We bake bread at home because it is cheaper and it tastes better than the bread from the shop.\\n'
    """
    return clean_and_explain(doc, url=url, config=config, **overrides).text


def clean_and_explain(doc, *, url: str | None = None, config: CleanConfig | None = None, **overrides) -> Cleaned:
    """Like ``clean()``, but returns the blocks, the title and the trace of every removal."""
    _check_url(url)
    config = _config(config, overrides)
    try:
        pipeline = _pipeline(config, os.environ.get(RULES_DIR_ENV))
    except TypeError:  # unhashable overrides (rule packs given as dicts): no caching
        pipeline = Pipeline(config)
    return pipeline.run(doc, url=url)
