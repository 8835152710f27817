"""The heads of the drop rules' patterns read deep enough to tell first words, for ``head_screen``.

``HeadScreen`` asks, for each new start of a flattened piece's head (a prefix, a first word, a
first word and the letter after it), which patterns can start a line with it. A partial match
of each pattern costs a ``regex`` call; a built-in pattern's heads (``rules.heads``: the first
characters of every line it can match, folded) tell most of them by a set lookup.

>>> import regex
>>> heads = word_heads(regex.compile("(read more|continue reading)", regex.I))
>>> [entry[0].pattern for entry in may_start(((regex.compile("x"), None, None, True, heads),), "conti", True)]
['x']
>>> may_start(((regex.compile("x"), None, None, True, heads),), "contra", True)
()
"""

from __future__ import annotations

from ..rules.heads import AMBIGUOUS, HEAD_CHARS, heads_for
from ..rules.slots import start_match


def may_start(entries: tuple, prefix: str, every: bool) -> tuple:
    """Those of ``entries`` that may start a line with ``prefix``: a pattern with heads
    (``word_heads``) is looked up in them, the others asked (unless ``every`` is false, only
    those whose partial match tells: ``TELLS_BY_START``). The heads may let through a pattern
    that cannot start so, never turn away one that can: what is let through is matched against
    the whole head after (``HeadScreen._read_head``)."""
    kept = []
    alphabet = folded = None
    for entry in entries:
        heads = entry[4]
        if heads is not None:
            if heads[0] is not alphabet:
                alphabet = heads[0]
                folded = alphabet.fold(prefix[:WORD_HEAD_CHARS])
            if folded is not AMBIGUOUS:
                if allowed(heads, folded[:heads[3]]):
                    kept.append(entry)
                continue
        if (not every and not entry[3]) or start_match(entry[0], prefix, entry[1]) is not None:
            kept.append(entry)
    return tuple(kept)


def allowed(heads, folded: str) -> bool:
    """Whether a line that starts with ``folded`` (folded by the heads' alphabet, cut to their
    length) may match the pattern of ``heads``, as ``heads.allows`` tells."""
    return folded in heads[1] or folded.startswith(heads[2])


# A built-in pattern's heads are read this many characters deep, so that they tell most first
# words (and heads of two short ones) that the pattern cannot start with; a pattern whose heads
# that deep are too many is read shallower.
WORD_HEAD_CHARS = 10
_HEAD_DEPTHS = (WORD_HEAD_CHARS, 6, HEAD_CHARS)


def word_heads(pattern):
    """(alphabet, heads, stems, depth): ``heads.heads_for`` of ``pattern`` read as deep as they
    are few enough and looked up (not walked); None when they are not."""
    for depth in _HEAD_DEPTHS:
        found = heads_for(pattern, depth)
        if found is not None and found[3] is None:
            return found[0], found[1], found[2], depth
    return None
