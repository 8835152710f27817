"""Class and id names: the words they are made of, and which kind of chrome (or content) they
name. The words live in ``scrubber/data/chrome_tokens.toml``, grouped by concept (consent,
share, newsletter, related, comments...); pruning and content scoring both read them here.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import regex

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

_WORDS = regex.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
# Pages carry thousands of distinct class names, so each is split once per page: most are
# lower-case ASCII words and numbers between dashes, which bytes.translate splits at a
# fifth of _WORDS's cost. _SHAPES marks each byte's kind (a letter, an upper-case letter, a
# digit, a separator) to recognise those names; _SPACES turns the separators into spaces.
_SHAPES = bytes(ord("a") if chr(b).islower() else ord("A") if chr(b).isupper() else ord("0") if chr(b).isdigit()
                else ord(" ") for b in range(128)) + bytes(128)
_SPACES = bytes(b if chr(b).isalnum() else ord(" ") for b in range(256))
# Words after which a class word names what the element holds or lacks, or where it sits
# ("above-footer" is the region over the footer), not what it is.
CONTAINS_MODIFIERS = frozenset(("has", "with", "without", "no", "above", "below", "before", "after", "beside"))

@lru_cache(maxsize=1)
def token_groups() -> tuple[dict[str, str], frozenset[str]]:
    """(word -> concept, guard words) from the chrome token data file."""
    raw = (resources.files("scrubber.data") / "chrome_tokens.toml").read_text(encoding="utf-8")
    groups = tomllib.loads(raw)
    groups.pop("hints")
    groups.pop("builders")
    guard = frozenset(groups.pop("guard")["words"])
    concepts = {word: concept for concept, group in groups.items() for word in group["words"]}
    return concepts, guard


@lru_cache(maxsize=1)
def scoring_hints() -> tuple[frozenset[str], frozenset[str]]:
    """(positive, negative) class/id words for main-content scoring."""
    raw = (resources.files("scrubber.data") / "chrome_tokens.toml").read_text(encoding="utf-8")
    hints = tomllib.loads(raw)["hints"]
    return frozenset(hints["positive"]), frozenset(hints["negative"])


@lru_cache(maxsize=1)
def lead_words() -> frozenset[str]:
    """Class/id words of a standfirst (the paragraph between headline and text)."""
    raw = (resources.files("scrubber.data") / "chrome_tokens.toml").read_text(encoding="utf-8")
    return frozenset(tomllib.loads(raw)["hints"]["lead"])


def name_words(name: str) -> list[str]:
    """Words of a class/id value, case-folded, split at punctuation and camelCase.

    >>> name_words("post-shareButtons main_2")
    ['post', 'share', 'buttons', 'main', '2']
    """
    if name.isascii():
        data = name.encode()
        shape = data.translate(_SHAPES)
        if b"A" not in shape and b"a0" not in shape and b"0a" not in shape:
            return data.translate(_SPACES).decode().split()
    return [w.casefold() for w in _WORDS.findall(name)]


@lru_cache(maxsize=8192)
def chrome_concept(name: str) -> str | None:
    """The chrome concept a class/id value names, or None.

    >>> chrome_concept("post-share-buttons"), chrome_concept("shareButtons")
    ('share', 'share')
    >>> chrome_concept("article-comments-count") is None, chrome_concept("shared-ownership") is None
    (True, True)
    >>> chrome_concept("cookie-banner modal"), chrome_concept("comment-body") is None
    ('consent', True)
    >>> chrome_concept("entry__content steady-paywall-container") is None  # one content word is enough
    True
    """
    concepts, guard = token_groups()
    words = naming_words(name)
    if not guard.isdisjoint(words):
        return None
    return next(filter(None, map(concepts.get, words)), None)


@lru_cache(maxsize=1)
def builder_prefixes() -> frozenset[str]:
    """Page builders that name every block ``<builder>-widget-<type>``."""
    raw = (resources.files("scrubber.data") / "chrome_tokens.toml").read_text(encoding="utf-8")
    return frozenset(tomllib.loads(raw)["builders"]["prefixes"])


def naming_words(name: str) -> list[str]:
    """The words of a class/id value that say what the element is: without a "widget" that
    follows a page builder's prefix (in "elementor-widget-container" it wraps any block, text
    included; the type word after it, "elementor-widget-share-buttons", still names the
    block), and without what a modifier says the element holds, lacks or sits next to
    ("section--has-ads", "layout-with-sidebar", "no-sidebar", "above-footer": a section
    beside an ad slot is not the ad).

    >>> naming_words("elementor-widget-share-buttons o-section--has-ads page-with-sidebar")
    ['elementor', 'share', 'buttons', 'o', 'section', 'has', 'page', 'with']
    """
    words = name_words(name)
    if CONTAINS_MODIFIERS.isdisjoint(words) and "widget" not in words:
        return words  # the common case: nothing to take out
    prefixes = builder_prefixes()
    return [w for i, w in enumerate(words)
            if not (i and (words[i - 1] in CONTAINS_MODIFIERS or (w == "widget" and words[i - 1] in prefixes)))]
