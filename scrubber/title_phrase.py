"""The title inside a flattened page: the phrase at its head that the page repeats further down.

A page flattened onto one line starts with its ``<title>`` text ("Kicker: Title | Site"),
runs on into the menus and shows the headline again above the article; the pieces the line
is cut into follow sentence ends, not the title's edges, so the title is found in the words.
"""

from __future__ import annotations

from collections import defaultdict

import regex

from .data import small_words

_WORD = regex.compile(r"[\p{L}\p{N}]+")
# What stands between a site name, a section or a kicker and the title.
_SEPARATOR = regex.compile(r"[|–—»·~:]|\s-\s|::")
# ... of them, those that stand before a site's name (a colon ends a kicker, not the title).
_SITE_SEPARATOR = regex.compile(r"\s[|–—»·~]\s|\s-\s|::")
# The <title> text stands within the first words of the page ...
HEAD_WORDS = 40
# ... and the headline repeats it within these.
SEARCH_WORDS = 4000
MIN_PHRASE_WORDS = 3
_CLOSING = "?!\"'”’»)…"


def repeated_head_phrase(texts: list[str]) -> tuple[str, int, int] | None:
    """``(phrase, head, repeat)``: the longest phrase starting among the first words of the
    joined ``texts`` (at the very start or after a separator) that the text repeats further on,
    as the head shows it, and the numbers of the texts in which it and its repeat start. A
    phrase has three words at least; a site name alone (two words) is no title.

    >>> repeated_head_phrase(["Travel: Night Trains Return to the Alps | The Rail Journal Home",
    ...                       "Europe Tickets The Rail Journal Night Trains Return to the Alps",
    ...                       "The first sleeper left Zurich on Sunday."])
    ('Night Trains Return to the Alps', 0, 1)
    >>> repeated_head_phrase(["Rail Journal Home Europe", "The ferry runs again. Rail Journal"]) is None
    True
    """
    text = " ".join(texts)
    starts, total = [], 0
    for piece in texts:
        starts.append(total)
        total += len(piece) + 1
    tokens = []
    for match in _WORD.finditer(text):
        tokens.append((match.group().casefold(), match.start(), match.end()))
        if len(tokens) >= SEARCH_WORDS:
            break
    words = [t[0] for t in tokens]
    later = defaultdict(list)
    for position, word in enumerate(words):
        later[word].append(position)
    best = None  # (length, start, repeat)
    for start in range(min(HEAD_WORDS, len(words))):
        if start and not _SEPARATOR.search(text, tokens[start - 1][2], tokens[start][1]):
            continue
        for repeat in later[words[start]]:
            length = 0
            while repeat + length < len(words) and start + length < repeat and words[start + length] == words[repeat + length]:
                length += 1
            # The run may go on a word or two past the title ("... the Alps" + "The"): the
            # longest part of it that can end there.
            while length >= MIN_PHRASE_WORDS and not (_ends(text, tokens, start + length)
                                                      or _ends(text, tokens, repeat + length)):
                length -= 1
            if length >= MIN_PHRASE_WORDS and (best is None or length > best[0]):
                best = (length, start, repeat)
    if best is None:
        return None
    length, start, repeat = best
    end = tokens[start + length - 1][2]
    while end < len(text) and text[end] in _CLOSING:
        end += 1
    phrase = text[tokens[start][1]:end]
    cut = _SITE_SEPARATOR.search(phrase)  # the phrase runs on into the site's name ("Title | Site")
    if cut and len(_WORD.findall(phrase[:cut.start()])) >= MIN_PHRASE_WORDS:
        phrase = phrase[:cut.start()].rstrip()
    def number(at):
        return max(n for n, offset in enumerate(starts) if offset <= at)
    return phrase, number(tokens[start][1]), number(tokens[repeat][1])


def _ends(text, tokens, after):
    """Whether a phrase may end before token ``after``: not when a lower-case word goes on
    with it or it ends in a small word ("and", "the") -- unless a separator follows. A phrase that goes on so at its head and at its repeat is the start of a sentence
    twice, not a title."""
    if after >= len(tokens):
        return True
    gap = text[tokens[after - 1][2]:tokens[after][1]]
    if _SEPARATOR.search(gap):
        return True
    return not text[tokens[after][1]].islower() and tokens[after - 1][0] not in small_words()
