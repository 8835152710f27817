"""The page's language, when the markup does not say: the one whose stopwords its sentences use most."""

from __future__ import annotations

from collections import Counter

from .data import LANGUAGES, any_stopwords, stopwords
from .scoring.features import script_like

LANGUAGE_SAMPLE_MIN_WORDS = 8
LANGUAGE_SAMPLE_CHARS = 20000


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
    sentences, length = [], 0
    for block in blocks:
        if length >= LANGUAGE_SAMPLE_CHARS:
            break  # the sample is cut there anyway
        if block.text.count(" ") >= LANGUAGE_SAMPLE_MIN_WORDS and not script_like(block.text):
            sentences.append(block.text)
            length += len(block.text) + 1
    sample = " ".join(sentences or [b.text for b in blocks[:200]])[:LANGUAGE_SAMPLE_CHARS].casefold().split()
    if not sample:
        return "en"
    best, best_hits = "en", 0
    # Only stopwords of some language are counted, and each language's are found by one set
    # intersection with them rather than a lookup per distinct word.
    counts = Counter(filter(any_stopwords().__contains__, sample))
    for lang in LANGUAGES:
        hits = sum(map(counts.__getitem__, stopwords(lang).intersection(counts)))
        if hits > best_hits * 1.1:
            best, best_hits = lang, hits
    return best
