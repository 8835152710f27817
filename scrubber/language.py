"""The page's language, when the markup does not say: the one whose stopwords its sentences use most."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from .blocks import Block
from .data import LANGUAGES, any_stopwords, stopwords
from .scoring.features import SCRIPT_MAX_SPACES, SCRIPT_MIN_CHARS, script_like
from .source.html import compiled

LANGUAGE_SAMPLE_MIN_WORDS = 8
LANGUAGE_SAMPLE_CHARS = 20000
# A page without such sentences is judged by its first lines.
LANGUAGE_FALLBACK_LINES = 200


def guess_language(blocks) -> str:
    """The language whose stopwords cover most words of the page's sentences (English by default).

    Sentences, not the first lines: a menu at the top may be in English on a German page; nor
    script that leaked into a dump, whose one-letter names read as stopwords.

    >>> from scrubber.blocks import Block
    >>> guess_language([Block("Startseite"), Block("Der Rat hat am Montag beschlossen, dass die neue Bibliothek "
    ...                                            "im Mai öffnet und der Lesesaal oben liegt.")])
    'de'
    >>> guess_language([])
    'en'
    """
    if compiled.walk is not None:  # the same sample, the spaces counted in C as far as needed
        sample = compiled.walk.language_sample(blocks, Block, script_like, LANGUAGE_SAMPLE_MIN_WORDS,
                                               LANGUAGE_SAMPLE_CHARS, LANGUAGE_FALLBACK_LINES, SCRIPT_MIN_CHARS,
                                               SCRIPT_MAX_SPACES)
    else:
        sample = _language_sample(blocks)
    best, best_hits = "en", 0
    for lang, hits in zip(LANGUAGES, stopword_hits(sample)):
        if hits > best_hits * 1.1:
            best, best_hits = lang, hits
    return best


def _language_sample(blocks) -> str:
    """The case-folded sentences ``guess_language`` reads, as far as LANGUAGE_SAMPLE_CHARS."""
    sentences, length = [], 0
    for block in blocks:
        if length >= LANGUAGE_SAMPLE_CHARS:
            break  # the sample is cut there anyway
        if block.text.count(" ") >= LANGUAGE_SAMPLE_MIN_WORDS and not script_like(block.text):
            sentences.append(block.text)
            length += len(block.text) + 1
    return " ".join(sentences or [b.text for b in blocks[:LANGUAGE_FALLBACK_LINES]])[:LANGUAGE_SAMPLE_CHARS].casefold()


def stopword_hits(sample: str) -> list[int]:
    """How many of the case-folded ``sample``'s words are stopwords of each language, in the
    order of ``LANGUAGES``.

    >>> dict(zip(LANGUAGES, stopword_hits("die katze und der hund")))
    {'en': 0, 'de': 3, 'fr': 0, 'es': 0, 'it': 0, 'nl': 2, 'pt': 0}
    """
    # A sample whose only space is the plain one splits into the same words at its UTF-8 bytes'
    # spaces: looked up in the compiled walks' C table, not a Python set for each word.
    if compiled.walk is not None and sample.isprintable():
        kinds = _compiled_language_kinds().kinds_of(sample.encode("utf-8"))
        return [len(kinds.translate(None, others)) for others in _OTHER_LANGUAGES_KINDS]
    # Only stopwords of some language are counted, and each language's are found by one set
    # intersection with them rather than a lookup per distinct word.
    counts = Counter(filter(any_stopwords().__contains__, sample.split()))
    return [sum(map(counts.__getitem__, stopwords(lang).intersection(counts))) for lang in LANGUAGES]


@lru_cache(maxsize=1)
def _language_kinds() -> dict[bytes, int]:
    """Each stopword (UTF-8) with its kind: one bit for each language it is a stopword of, the
    first of ``LANGUAGES`` the lowest."""
    kinds: dict[bytes, int] = {}
    for bit, lang in enumerate(LANGUAGES):
        for word in stopwords(lang):
            key = word.encode("utf-8")
            kinds[key] = kinds.get(key, 0) | 1 << bit
    return kinds


@lru_cache(maxsize=1)
def _compiled_language_kinds():
    """``_language_kinds`` as the compiled walks' C table."""
    return compiled.walk.WordKinds(_language_kinds())


# For each language, the kinds without its bit: deleted from a sample's kinds, they leave one
# byte for each of its stopwords.
_OTHER_LANGUAGES_KINDS = [bytes(kind for kind in range(256) if not kind >> bit & 1) for bit in range(len(LANGUAGES))]
