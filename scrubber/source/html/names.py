"""Class and id names: the words they are made of, and which kind of chrome (or content) they
name. The words live in ``scrubber/data/chrome_tokens.toml``, grouped by concept (consent,
share, newsletter, related, comments...); pruning and content scoring both read them here.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import regex

from . import compiled

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

_WORDS = regex.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
# The same pattern in the standard library's engine splits ASCII names ("shareButtons",
# "h2-title") alike at a third of the cost: regex lets go of the GIL and takes it back on
# each call, which costs more than splitting a class name.
_ASCII_WORDS = re.compile(_WORDS.pattern)
# Pages carry thousands of distinct class names, so each is split once per page: most are
# lower-case ASCII words and numbers between dashes, which bytes.translate splits at a
# fifth of _WORDS's cost. _SHAPES marks each byte's kind (a letter, an upper-case letter, a
# digit, a separator) to recognise those names; _SPACES turns the separators into spaces.
_SHAPES = bytes(ord("a") if chr(b).islower() else ord("A") if chr(b).isupper() else ord("0") if chr(b).isdigit()
                else ord(" ") for b in range(128)) + bytes(128)
_SPACES = bytes(b if chr(b).isalnum() else ord(" ") for b in range(256))
# Words after which a class word names what the element holds or lacks, or where it sits
# ("above-footer" is the region over the footer), not what it is; "non-paywall" is the part of
# a story outside the paywall.
CONTAINS_MODIFIERS = frozenset(("has", "with", "without", "no", "non", "not", "above", "below", "before", "after",
                                "beside"))
# The words on which naming_words drops a word of a name: a modifier's next word, and a
# builder's "widget" (see _naming). The compiled walk leaves names holding one to Python.
RESHAPING_WORDS = CONTAINS_MODIFIERS | {"widget"}

# "related-content", "relatedContent": a content word right after one of these names the list
# of other articles, not content a site named oddly (as "share-content" or "comment-body" may be).
LIST_CONCEPTS = frozenset(("related",))


@lru_cache(maxsize=1)
def _token_data() -> dict:
    """The chrome token data file, parsed once for every reader below."""
    raw = (resources.files("scrubber.data") / "chrome_tokens.toml").read_text(encoding="utf-8")
    return tomllib.loads(raw)


@lru_cache(maxsize=1)
def token_groups() -> tuple[dict[str, str], frozenset[str]]:
    """(word -> concept, guard words) from the chrome token data file."""
    groups = dict(_token_data())  # a copy: the sections that are no concept come out of it
    groups.pop("hints")
    groups.pop("builders")
    groups.pop("compounds")
    guard = frozenset(groups.pop("guard")["words"])
    concepts = {word: concept for concept, group in groups.items() for word in group["words"]}
    return concepts, guard


@lru_cache(maxsize=1)
def caption_pairs() -> tuple[frozenset[str], frozenset[str]]:
    """(picture words, describing words): a class name holding one of each names a caption."""
    caption = _token_data()["caption"]
    return frozenset(caption["pictures"]), frozenset(caption["describing"])


@lru_cache(maxsize=1)
def scoring_hints() -> tuple[frozenset[str], frozenset[str]]:
    """(positive, negative) class/id words for main-content scoring."""
    hints = _token_data()["hints"]
    return frozenset(hints["positive"]), frozenset(hints["negative"])


@lru_cache(maxsize=1)
def lead_words() -> frozenset[str]:
    """Class/id words of a standfirst (the paragraph between headline and text)."""
    return frozenset(_token_data()["hints"]["lead"])


def name_words(name: str) -> list[str]:
    """Words of a class/id value, case-folded, split at punctuation and camelCase.

    >>> name_words("post-shareButtons main_2")
    ['post', 'share', 'buttons', 'main', '2']
    """
    if name.isascii():
        # in C when the compiled walks are built: a tenth of the cost of the splits below
        words = compiled.walk.ascii_name_words(name) if compiled.walk is not None else None
        if words is not None:
            return words
        data = name.encode()
        shape = data.translate(_SHAPES)
        # find, not "in": bytes.__contains__ first tries its argument as an integer, and the
        # TypeError it raises and drops costs more than the whole split
        if shape.find(b"A") < 0 and shape.find(b"a0") < 0 and shape.find(b"0a") < 0:
            return data.translate(_SPACES).decode().split()
        return " ".join(_ASCII_WORDS.findall(name)).lower().split()  # ASCII words fold by lower()
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
    return words_concept(name, name_words(name))


def words_concept(name: str, words: list[str]) -> str | None:
    """chrome_concept of a name whose words (``name_words(name)``) the caller has already split.

    >>> words_concept("news-letter", ["news", "letter"]), words_concept("post-item", ["post", "item"])
    ('newsletter', None)
    """
    # Pages carry thousands of distinct names and most hold no token: one look at the words,
    # in C, settles them before the word-by-word checks.
    return _concept_of(name, words) if _may_name_chrome(words) else None


def _concept_of(name: str, words: list[str]) -> str | None:
    """words_concept without its quick rejection of the names that hold no token."""
    concepts, guard = token_groups()
    words = _naming(words)
    if not guard.isdisjoint(words):
        return _list_of_content(words)
    for word in words:
        concept = concepts.get(word)
        if concept:
            return concept
    # The two-word checks look at the words already split and split the name into its class
    # names only on a likely hit.
    compounds = compound_tokens()
    if any(first + second in compounds for first, second in zip(words, words[1:])):
        for word in compound_words(name):
            if word in compounds:
                return concepts[word]
    pictures, describing = caption_pairs()
    if not pictures.isdisjoint(words) and not describing.isdisjoint(words) and _names_a_caption(name):
        return "caption"
    return None


def _may_name_chrome(words: list[str]) -> bool:
    """Whether _concept_of could find a concept in these words: one is a token or a picture
    word (of a caption), or two join into a compound token. It only ever drops words before it
    looks, so words that fail here name no chrome.

    >>> _may_name_chrome(["post", "item", "12"]), _may_name_chrome(["side", "bar"]), _may_name_chrome(["share"])
    (False, True, True)
    """
    signals, seconds = _signal_words()
    if not signals.isdisjoint(words):
        return True
    return any(not seconds[first].isdisjoint(words) for first in seconds.keys() & words)


# What a word can be to _may_name_chrome (bits of word_kinds): a token or a picture word; the
# first part of a compound token; the rest of one; a compound token.
SIGNAL, FIRST_PART, SECOND_PART, COMPOUND = 1, 2, 4, 8


@lru_cache(maxsize=1)
def word_kinds() -> dict[str, int]:
    """The words that can make _may_name_chrome true, each with its kind bits: words hold a
    SIGNAL, or a FIRST_PART and a SECOND_PART that make a COMPOUND, or name no chrome.

    >>> kinds = word_kinds(); kinds["share"] & SIGNAL, kinds["side"] & FIRST_PART, kinds["bar"] & SECOND_PART
    (1, 2, 4)
    """
    signals, seconds = _signal_words()
    second_parts = frozenset().union(*seconds.values())
    kinds: dict[str, int] = {}
    for words, kind in ((signals, SIGNAL), (seconds, FIRST_PART), (second_parts, SECOND_PART),
                        (compound_tokens(), COMPOUND)):
        for word in words:
            kinds[word] = kinds.get(word, 0) | kind
    return kinds


@lru_cache(maxsize=1)
def _signal_words() -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    """(tokens and picture words, each first part of a compound token -> its second parts)."""
    seconds: dict[str, set[str]] = {}
    for word in compound_tokens():
        for cut in range(1, len(word)):
            seconds.setdefault(word[:cut], set()).add(word[cut:])
    return (frozenset(token_groups()[0]) | caption_pairs()[0],
            {first: frozenset(rest) for first, rest in seconds.items()})


def _list_of_content(words: list[str]) -> str | None:
    """The concept of a list of other content ("related-content"), else None.

    >>> _list_of_content(["related", "content", "module"]), _list_of_content(["share", "content"])
    ('related', None)
    """
    concepts, guard = token_groups()
    for first, second in zip(words, words[1:]):
        if second in guard and concepts.get(first) in LIST_CONCEPTS:
            return concepts[first]
    return None


def _names_a_caption(name: str) -> bool:
    """Whether one class name joins a picture word and a describing word.

    >>> _names_a_caption("img_description"), _names_a_caption("media description-list")
    (True, False)
    """
    pictures, describing = caption_pairs()
    for part in name.split():
        words = set(naming_words(part))
        if words & pictures and words & describing:
            return True
    return False


@lru_cache(maxsize=1)
def compound_tokens() -> frozenset[str]:
    """Chrome tokens that sites also spell in two parts ("news-letter", "sideBar")."""
    return frozenset(_token_data()["compounds"]["words"])


def compound_words(name: str) -> list[str]:
    """Words that a class or id spells in two parts: camelCase or a hyphen inside one of the
    names splits "newsLetter", "side-bar" and "tagCloud", which are the tokens "newsletter",
    "sidebar" and "tagcloud". Parts of different names ("post share") never join.

    >>> compound_words("news-letter-box sideBar")
    ['newsletter', 'letterbox', 'sidebar']
    """
    joined = []
    for part in name.split():
        words = naming_words(part)
        joined.extend(first + second for first, second in zip(words, words[1:]))
    return joined


@lru_cache(maxsize=1)
def builder_prefixes() -> frozenset[str]:
    """Page builders that name every block ``<builder>-widget-<type>``."""
    return frozenset(_token_data()["builders"]["prefixes"])


@lru_cache(maxsize=1)
def content_widgets() -> frozenset[str]:
    """Widget types that hold the article ("widget Blog")."""
    return frozenset(_token_data()["builders"]["content_widgets"])


def naming_words(name: str) -> list[str]:
    """The words of a class/id value that say what the element is: without a "widget" that
    follows a page builder's prefix (in "elementor-widget-container" it wraps any block, text
    included; the type word after it, "elementor-widget-share-buttons", still names the
    block) or precedes a type that holds the article (Blogger's "widget Blog"), and without
    what a modifier says the element holds, lacks or sits next to ("section--has-ads",
    "layout-with-sidebar", "no-sidebar", "above-footer": a section beside an ad slot is not the ad).

    >>> naming_words("elementor-widget-share-buttons o-section--has-ads page-with-sidebar")
    ['elementor', 'share', 'buttons', 'o', 'section', 'has', 'page', 'with']
    >>> naming_words("widget Blog"), naming_words("widget LinkList")
    (['blog'], ['widget', 'link', 'list'])
    """
    return _naming(name_words(name))


def _naming(words: list[str]) -> list[str]:
    """naming_words of a name already split into its words."""
    if RESHAPING_WORDS.isdisjoint(words):
        return words
    prefixes, contents = builder_prefixes(), content_widgets()
    last = len(words) - 1
    return [w for i, w in enumerate(words)
            if not ((i and (words[i - 1] in CONTAINS_MODIFIERS or (w == "widget" and words[i - 1] in prefixes)))
                    or (w == "widget" and i < last and words[i + 1] in contents))]
