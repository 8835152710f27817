"""Repetition inside a page: how often each block's line, or the template it follows, occurs.
The content scorer charges repeated lines (a menu in the header and the footer, "Reply" under
every comment) and reads a stretch of prose with a label repeated through it as a list."""

from __future__ import annotations

from collections import Counter

from ..blocks import line_keys
from ..source.html import compiled
from .structure import CLOCK, COUNTER, COUNTER_MAX_CHARS

# Short lines sharing their first words are one template ("Click to share on X").
TEMPLATE_WORDS = 3
MIN_TEMPLATE_COPIES = 3
MAX_TEMPLATE_WORDS = 15


def copies(blocks) -> list[int]:
    """How often each block's line, or the template it follows, occurs in the page.

    Chrome repeats: a menu in the header and the footer, "Reply" under every comment, "Click
    to share on X" once per network. A template is the first words of a short line.

    >>> from scrubber.blocks import Block
    >>> copies([Block(t) for t in ["Reply", "Nice post.", "Reply", "Click to share on X", "Click to share on Y",
    ...                            "Click to share on Z", "Click to go"]])
    [2, 1, 2, 3, 3, 3, 1]

    A slideshow numbers its captions ("1/30", "2 of 30"): each counter is a copy of the others.

    >>> copies([Block(t) for t in ["1/30", "The mayor opens the fair.", "2/30", "Rain on the parade.", "3 of 30", "23/16"]])
    [3, 1, 3, 1, 3, 1]

    A live ticker stamps each item with its time ("14:44"); three or more stamps are one
    template, while a time or two in an article (a kick-off, a deadline) stay unique.

    >>> copies([Block(t) for t in ["14:44", "Rain in the north.", "14:32", "Polls closed.", "9.05 am", "Kick-off", "20:45"]])
    [4, 1, 4, 1, 4, 1, 4]
    >>> copies([Block(t) for t in ["Doors open", "19:30", "Kick-off", "20:45"]])
    [1, 1, 1, 1]
    """
    # a counter or a clock starts with a digit: most lines need no match (the keys are read
    # at once, in C where it is built, not by a call of ``Block.key`` per line; and picked in C)
    if compiled.walk is not None:
        keys = compiled.walk.stamped_keys(line_keys(blocks), _counter_key, _CLOCK_KEY, COUNTER_MAX_CHARS,
                                          MIN_TEMPLATE_COPIES)
        return _key_copies(keys)
    keys = [_counter_key(key) if key[:1].isdigit() else key for key in line_keys(blocks)]
    if 0 < keys.count(_CLOCK_KEY) < MIN_TEMPLATE_COPIES:
        keys = [b.key() if k == _CLOCK_KEY else k for k, b in zip(keys, blocks)]
    return _key_copies(keys)


def _key_copies(keys: list[str]) -> list[int]:
    """How often each of ``keys`` occurs in the page, or the template it follows. In C
    (``key_copies``) when the compiled walks are built: every line of a page is counted.

    >>> _key_copies(["reply", "click to share on x", "click to share on y", "click to share on z", "reply", "nice"])
    [2, 3, 3, 3, 2, 1]
    """
    if compiled.walk is not None:
        return compiled.walk.key_copies(keys, TEMPLATE_WORDS, MAX_TEMPLATE_WORDS, MIN_TEMPLATE_COPIES)
    exact = Counter(keys)
    # (the spaces are counted in place: most lines have too few or too many for a template)
    heads = [_template(k) if TEMPLATE_WORDS <= k.count(" ") < MAX_TEMPLATE_WORDS else None for k in keys]
    templates = Counter(filter(None, heads))
    out = list(map(exact.__getitem__, keys))
    # a unique line counts the copies of its template, when that has enough: on most pages none has
    common = {head for head, n in templates.items() if n >= MIN_TEMPLATE_COPIES}
    if common:
        for position, head in enumerate(heads):
            if head in common and out[position] < 2:
                out[position] = templates[head]
    return out


_CLOCK_KEY = "<clock>"


def _counter_key(key: str) -> str:
    if len(key) > COUNTER_MAX_CHARS:  # a dateline, a figure in a sentence: no stamp (CLOCK_MAX_CHARS is less)
        return key
    if CLOCK.fullmatch(key):
        return _CLOCK_KEY
    found = COUNTER.fullmatch(key)
    return f"<counter of {found[1]}>" if found else key


def _template(key: str) -> str:
    """The first words of a line of a few words: "click to share on x" -> "click to share"."""
    return " ".join(key.split(" ", TEMPLATE_WORDS)[:TEMPLATE_WORDS])
