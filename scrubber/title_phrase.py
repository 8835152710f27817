"""The title inside a flattened page: the phrase at its head that the page repeats further down.

A page flattened onto one line starts with its ``<title>`` text ("Kicker: Title | Site"),
runs on into the menus and shows the headline again above the article; the pieces the line
is cut into follow sentence ends, not the title's edges, so the title is found in the words.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import islice

import regex

from .data import small_words
from .source.html import compiled

# Letters and digits (as [\p{L}\p{N}]+): the standard library's engine reads a page's 20,000
# characters in half the time.
_WORD = re.compile(r"[^\W_]+")
_TOKEN = re.compile(r"([\W_]*)([^\W_]+)")  # (what stands before, the word)
_NEXT_TWO = re.compile(r"[\W_]+([^\W_]+)[\W_]+([^\W_]+)")
# What stands between a site name, a section or a kicker and the title.
_SEPARATOR = regex.compile(r"[|–—»·~:]|\s-\s|::")
# ... of them, those that stand before a site's name (a colon ends a kicker, not the title).
_SITE_SEPARATOR = regex.compile(r"\s[|–—»·~]\s|\s-\s|::")
# The <title> text stands within the first words of the page ...
HEAD_WORDS = 40
# ... and the headline repeats it within these (on the corpus: 18,000 at most).
SEARCH_CHARS = 20000
MIN_PHRASE_WORDS = 3
MAX_PHRASE_WORDS = 30
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
    size, taken, starts = 0, [], []  # (starts: where each piece starts in the joined text)
    for piece in texts:
        taken.append(piece)
        starts.append(size)
        size += len(piece) + 1
        if size >= SEARCH_CHARS:
            break
    text = " ".join(taken)
    # Words are compared in lower case, found in the lowered text (unless lowering changed its
    # length: a dotted capital I) by one search per place a phrase may start.
    lowered, lower = compiled.walk.lower_text(text) if compiled.walk is not None else text.lower(), str.lower
    if len(lowered) != len(text):
        lowered, lower = text, str
    head = _words(text, 0, HEAD_WORDS + MAX_PHRASE_WORDS)
    best = None  # (length, start, where its repeat starts)
    for start in range(min(HEAD_WORDS, len(head) - MIN_PHRASE_WORDS + 1)):
        if start and not _separated(head[start][0]):
            continue
        first = [lower(head[n][1]) for n in range(start, start + MIN_PHRASE_WORDS)]
        for at in _repeats(lowered, first, head[start + MIN_PHRASE_WORDS - 1][3]):
            length, repeat = _common_run(head, start, text, at, lower)
            if length == MAX_PHRASE_WORDS:
                continue  # a menu the page repeats, not a title
            # The run may go on a word or two past the title ("... the Alps" + "The"): the
            # longest part of it that can end there.
            while length >= MIN_PHRASE_WORDS and not (_ends(head, start + length) or _ends(repeat, length)):
                length -= 1
            if length >= MIN_PHRASE_WORDS and (best is None or length > best[0]):
                best = (length, start, at)
    if best is None:
        return None
    length, start, repeat = best
    end = head[start + length - 1][3]
    while end < len(text) and text[end] in _CLOSING:
        end += 1
    phrase = text[head[start][2]:end]
    cut = _SITE_SEPARATOR.search(phrase)  # the phrase runs on into the site's name ("Title | Site")
    if cut and len(_WORD.findall(phrase[:cut.start()])) >= MIN_PHRASE_WORDS:
        phrase = phrase[:cut.start()].rstrip()
    return phrase, bisect_right(starts, head[start][2]) - 1, bisect_right(starts, repeat) - 1


def _repeats(lowered, first, at):
    """Where the words ``first`` (three, lower case) stand again in ``lowered`` from ``at`` on:
    the first word found as a literal (at C speed), the next two read right after it."""
    word, following = first[0], first[1:]
    while True:
        at = lowered.find(word, at)
        if at < 0:
            return
        end = at + len(word)
        # (a letter right after the word fails _NEXT_TWO, which starts with a non-letter;
        # [^\W_] is what str.isalnum() says of a character)
        if not (at and lowered[at - 1].isalnum()):
            then = _NEXT_TWO.match(lowered, end)
            if then is not None and list(then.groups()) == following:
                yield at
        at = end


def _separated(before):
    """Whether a separator stands in ``before`` (what stands before a word): most words stand
    after a single space, which holds none.

    >>> _separated(" "), _separated(" | ")
    (False, True)
    """
    return before != " " and _SEPARATOR.search(before) is not None


def _words(text, at, count):
    """``(what stands before, word, start, end)`` of the first ``count`` words from ``at`` on."""
    return [m.groups() + m.span(2) for m in islice(_TOKEN.finditer(text, at), count)]


def _common_run(head, start, text, at, lower):
    """``(length, repeat)``: how many words of ``head`` from ``start`` on (those before ``at``)
    the text repeats at ``at``, up to MAX_PHRASE_WORDS, compared as ``lower`` gives them; and the
    repeat's words as ``_words(text, at, MAX_PHRASE_WORDS)`` gives them, but read only as far as
    the run and one word past it (the one _ends asks for): most repeats part after a few words.

    >>> text = "Night Trains Return | Rail Journal. Night Trains Return to the Alps"
    >>> length, repeat = _common_run(_words(text, 0, 10), 0, text, 36, str.lower)
    >>> length, [word for _, word, _, _ in repeat]
    (3, ['Night', 'Trains', 'Return', 'to'])
    """
    tokens, repeat = islice(_TOKEN.finditer(text, at), MAX_PHRASE_WORDS), []
    length = 0
    while start + length < len(head) and head[start + length][2] < at:
        if length == len(repeat) and not _read(tokens, repeat):
            break
        if lower(head[start + length][1]) != lower(repeat[length][1]):
            break
        length += 1
    if length == len(repeat):
        _read(tokens, repeat)
    return length, repeat


def _read(tokens, words):
    """Whether one more word could be read from ``tokens`` (matches of _TOKEN) onto ``words``,
    as ``_words`` gives them."""
    m = next(tokens, None)
    if m is None:
        return False
    words.append(m.groups() + m.span(2))
    return True


def _ends(words, after):
    """Whether a phrase may end before ``words[after]``: not when a lower-case word goes on
    with it or it ends in a small word ("and", "the"), unless a separator follows. A phrase
    that goes on so at its head and at its repeat is the start of a sentence twice, not a
    title."""
    if after >= len(words) or _separated(words[after][0]):
        return True
    return not words[after][1][:1].islower() and words[after - 1][1].lower() not in small_words()
