"""Word lists the normaliser and the scorer read: plain text files beside this module, and the
stop-words package for stopwords (a maintained source, rather than lists of our own)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

LANGUAGES = {"en": "english", "de": "german", "fr": "french", "es": "spanish", "it": "italian",
             "nl": "dutch", "pt": "portuguese"}


@lru_cache(maxsize=None)
def word_list(name: str) -> frozenset[str]:
    """Words of ``scrubber/data/<name>.txt`` (whitespace-separated), case-folded; ``#`` starts a comment."""
    raw = (resources.files(__name__) / f"{name}.txt").read_text(encoding="utf-8")
    return frozenset(word.casefold() for line in raw.splitlines() for word in line.split("#", 1)[0].split())


def small_words() -> frozenset[str]:
    """Function words that stay lower case inside a Title-Case heading ("3 Ways to Keep...")."""
    return word_list("small_words")


def honorifics() -> frozenset[str]:
    """Titles that open a name ("Mayor Janet Okafor"): they belong to the sentence, not the heading."""
    return word_list("honorifics")


def reporting_verbs() -> frozenset[str]:
    """Verbs that follow a speaker's name ("Okafor said")."""
    return word_list("reporting_verbs")


@lru_cache(maxsize=None)
def stopwords(lang: str) -> frozenset[str]:
    """Stopwords of a language (ISO 639-1 code); empty for languages we have none for.

    >>> "the" in stopwords("en") and "und" in stopwords("de")
    True
    """
    from stop_words import get_stop_words

    name = LANGUAGES.get(lang)
    if name is None:
        return frozenset()
    return frozenset(w.casefold() for w in get_stop_words(name))


@lru_cache(maxsize=1)
def any_stopwords() -> frozenset[str]:
    """The stopwords of every language we have a list for, in one set.

    >>> {"the", "und", "les"} <= any_stopwords()
    True
    """
    return frozenset().union(*map(stopwords, LANGUAGES))
