# Included by _walk.pyx, after _walk_flattened.pxi (whose screen of the words that open a list
# header it runs) and _walk_heads.pxi (whose reading of a piece's words in place it shares): the
# cut of the headers of teaser, comment and sign-up lists out of a flattened page's pieces
# (scrubber.source.flattened: cut_list_heads' loop over the pieces and _cut_at_heads). A piece
# costs a Python call only where an opener meets a second word its memory does not hold yet:
# flattened._may_open tells that word and fills the memory, as in the Python twin. Words are
# read in place (no split, no joins): the header and the parts around it are slices of the piece.

from cpython.dict cimport PyDict_GetItem
from cpython.object cimport PyObject
from cpython.unicode cimport Py_UNICODE_ISUPPER, PyUnicode_Substring


# flattened.MIN_LIST_HEAD_WORDS, which tests/test_flattened_list_heads.py checks
cdef enum:
    _MIN_LIST_HEAD_WORDS = 2


def list_head_constants():
    """The constants the cut reads, by the names of those they copy, for the test comparing them."""
    return {"MIN_LIST_HEAD_WORDS": _MIN_LIST_HEAD_WORDS, "MAX_PHRASE_TOKENS": _MAX_PHRASE_TOKENS}


def cut_list_heads(list blocks not None, dict openers not None, bytes ascii_filter not None, may_open, split):
    """``flattened.cut_list_heads`` with the openers of its packs and their filter
    (``flattened._list_heads_of``): ``may_open`` is ``flattened._may_open``, asked about a second
    word its opener's memory does not hold, and ``split`` ``flattened._split``, called for a block
    cut in parts; ``blocks`` itself when no piece holds a header."""
    cdef list cut_at = []  # the positions of the pieces cut, in order, each with its parts
    cdef list cut_parts = []
    for position, places in list_head_pieces(blocks, openers, ascii_filter):
        parts = _cut_list_heads_of(blocks[position].text, openers, places, may_open)
        if parts is not None:
            cut_at.append(position)
            cut_parts.append(parts)
    if not cut_at:
        return blocks
    cdef Py_ssize_t first = cut_at[0], position_at, cut = 0, cuts = len(cut_at)
    cdef list out = blocks[:first]  # numbered by their place already (peel_chrome_heads made them so)
    for position_at in range(first, len(blocks)):
        block = blocks[position_at]
        if cut < cuts and <Py_ssize_t>cut_at[cut] == position_at:
            out.extend(split(block, cut_parts[cut], len(out)))
            cut += 1
        else:  # (renumbered as split would, without a call and a list for each block)
            block.index = len(out)
            out.append(block)
    return out


def cut_at_list_heads(str text not None, dict openers not None, list places not None, may_open):
    """``flattened._cut_at_heads(text, openers, places)``, ``may_open`` being ``flattened._may_open``."""
    return _cut_list_heads_of(text, openers, places, may_open)


cdef list _cut_list_heads_of(str text, dict openers, list places, may_open):
    """``flattened._cut_at_heads``: ``text`` cut before and after each header in it, None when it
    holds none."""
    if text is None:
        raise TypeError("a piece's text is a str")
    cdef _PieceWords words
    _start_piece_words(&words)
    try:
        return _cut_list_head_words(text, PyUnicode_KIND(text), PyUnicode_DATA(text), PyUnicode_GET_LENGTH(text),
                                    &words, openers, places, may_open)
    finally:
        _end_piece_words(&words)


cdef list _cut_list_head_words(str text, int kind, const void* data, Py_ssize_t length, _PieceWords* words,
                               dict openers, list places, may_open):
    cdef Py_ssize_t last = 0, position, reach, end, i, spans, span_length
    # where each word of the folded span ends in it (a fold makes no space and takes none away)
    cdef Py_ssize_t folded_ends[_MAX_PHRASE_TOKENS]
    cdef PyObject* known
    cdef list parts = None
    cdef bint matched
    cdef int span_kind
    cdef const void* span_data
    for place in places:
        position = place
        if position < last:
            continue
        # (only the words a header can span are folded: a header's piece is mostly prose)
        reach = position + 1
        while reach < position + _MAX_PHRASE_TOKENS and _has_word(words, kind, data, length, reach):
            reach += 1
        if not _has_word(words, kind, data, length, position):
            raise IndexError("a place past the piece's last word")
        span = <str>_folded(text, words.starts[position], words.starts[reach] - 1)
        span_length = PyUnicode_GET_LENGTH(span)
        span_kind = PyUnicode_KIND(span)
        span_data = PyUnicode_DATA(span)
        spans = 0
        for i in range(span_length):
            if PyUnicode_READ(span_kind, span_data, i) == 32:
                if spans == reach - position - 1:
                    raise ValueError("a case folding that made a space")
                folded_ends[spans] = i
                spans += 1
        folded_ends[spans] = span_length
        if spans == 0:
            raise IndexError("an opener's place at the piece's last word")
        first = PyUnicode_Substring(span, 0, folded_ends[0])
        patterns, seconds, screened = openers[first]
        # Most openers are common words that open no header where they stand: their memory of
        # second words tells, and a word it does not hold is told by flattened._may_open.
        second = PyUnicode_Substring(span, folded_ends[0] + 1, folded_ends[1])
        known = PyDict_GetItem(<dict?>seconds, second)
        if not (<object>known if known != NULL else may_open(patterns, seconds, screened, first, second)):
            continue
        for end in range(reach, position + _MIN_LIST_HEAD_WORDS - 1, -1):
            # the header ends its piece, or the list's first item starts with a capital after it
            if _has_word(words, kind, data, length, end) and not (
                    words.starts[end + 1] - words.starts[end] > 1
                    and Py_UNICODE_ISUPPER(PyUnicode_READ(kind, data, words.starts[end]))):
                continue
            phrase = PyUnicode_Substring(span, 0, folded_ends[end - position - 1])
            matched = False
            for pattern in patterns:
                if pattern.fullmatch(phrase) is not None:
                    matched = True
                    break
            if matched:
                if parts is None:
                    parts = []
                if words.starts[position] - 1 > words.starts[last]:  # (an empty part is left out)
                    parts.append(PyUnicode_Substring(text, words.starts[last], words.starts[position] - 1))
                parts.append(PyUnicode_Substring(text, words.starts[position], words.starts[end] - 1))
                last = end
                break
    if parts is None:
        return None
    if words.starts[last] < length:
        parts.append(PyUnicode_Substring(text, words.starts[last], length))
    return parts
