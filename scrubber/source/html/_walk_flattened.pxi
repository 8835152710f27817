# Included by _walk.pyx, after _walk_text.pxi: the screens of source.flattened_screens, which
# tell the pieces of a flattened page that a cut of source.flattened may change from the many it
# leaves whole, in one pass over each piece's characters (their Python twins split and fold
# each piece first).

from cpython.dict cimport PyDict_GetItem
from cpython.object cimport PyObject
from cpython.unicode cimport Py_UNICODE_ISDECIMAL, Py_UNICODE_ISPRINTABLE

# flattened_screens.HEAD_PHRASE_WORDS and FILTER_BITS, which its tests check these against
cdef enum:
    _HEAD_PHRASE_WORDS = 5
    _FILTER_MASK = (1 << 16) - 1


def stamp_pieces(list blocks not None):
    """``flattened_screens.stamp_pieces``: each block of a line whose text holds a decimal digit
    before a slash, "of", a colon or an "h", as its position and the places of those digits
    (None for a text beyond the Basic Multilingual Plane)."""
    found = []
    cdef Py_ssize_t position
    cdef list digits
    for position in range(len(blocks)):
        block = blocks[position]
        if block.line is None:
            continue
        digits = _stamp_digits(block.text)
        if digits is not None:
            found.append((position, None if _beyond_plane(block.text) else digits))
    return found


cdef list _stamp_digits(str text):
    """The places of the decimal digits of ``text`` before a slash, "of" (a space between or
    not), a colon or an "h": flattened_screens._MAY_HOLD_STAMP's matches, with no regex call;
    None when it has none (most pieces: no list is made for them)."""
    if text is None:
        raise TypeError("a piece's text is a str")
    cdef int kind = PyUnicode_KIND(text)
    cdef const void* data = PyUnicode_DATA(text)
    cdef Py_ssize_t length = PyUnicode_GET_LENGTH(text), i, at
    cdef Py_UCS4 point
    cdef list digits = None
    for i in range(length - 1):
        point = PyUnicode_READ(kind, data, i)
        if not (48 <= point <= 57 or (point >= 128 and Py_UNICODE_ISDECIMAL(point))):
            continue
        point = PyUnicode_READ(kind, data, i + 1)
        at = i + 2 if point == 32 else i + 1
        if point == 58 or point == 104 or (at < length and PyUnicode_READ(kind, data, at) == 47) or \
                (at + 1 < length and PyUnicode_READ(kind, data, at) == 111 and PyUnicode_READ(kind, data, at + 1) == 102):
            if digits is None:
                digits = []
            digits.append(i)
    return digits


cdef bint _beyond_plane(str text):
    cdef int kind = PyUnicode_KIND(text)
    cdef const void* data = PyUnicode_DATA(text)
    cdef Py_ssize_t i
    if kind == PyUnicode_4BYTE_KIND:
        for i in range(PyUnicode_GET_LENGTH(text)):
            if PyUnicode_READ(kind, data, i) > 0xFFFF:
                return True
    return False


cdef object _folded(str text, Py_ssize_t start, Py_ssize_t end):
    """The word from ``start`` to ``end`` case-folded: lowered here when it is ASCII."""
    cdef int kind = PyUnicode_KIND(text)
    cdef const void* data = PyUnicode_DATA(text)
    cdef Py_ssize_t i
    cdef unsigned int point
    for i in range(start, end):
        if PyUnicode_READ(kind, data, i) > 127:
            return PyUnicode_Substring(text, start, end).casefold()
    word = PyUnicode_New(end - start, 127)
    cdef unsigned char* out = PyUnicode_1BYTE_DATA(word)
    for i in range(start, end):
        point = PyUnicode_READ(kind, data, i)
        out[i - start] = point + 32 if 65 <= point <= 90 else point
    return word


cdef bint _maybe_opener(int kind, const void* data, Py_ssize_t start, Py_ssize_t end, const unsigned char* bits):
    """Whether the word from ``start`` to ``end`` may be one of the words of ``bits``
    (``flattened_screens.ascii_word_filter``): True for a word beyond ASCII."""
    cdef unsigned int hashed = _FNV_START, point  # (flattened_screens._bucket)
    cdef Py_ssize_t i
    for i in range(start, end):
        point = PyUnicode_READ(kind, data, i)
        if point > 127:
            return True
        if 65 <= point <= 90:
            point += 32
        hashed = _fnv_step(hashed, <unsigned char>point)
    hashed &= _FILTER_MASK
    return bits[hashed >> 3] >> (hashed & 7) & 1


def list_head_pieces(list blocks not None, dict openers not None, bytes ascii_filter not None):
    """``flattened_screens.list_head_pieces``: each block of a line holding a word that opens a
    header (a key of ``openers``) before a word its memory does not rule out, as its position and
    the places of those words."""
    if len(ascii_filter) * 8 != _FILTER_MASK + 1:
        raise ValueError("ascii_filter is no flattened_screens.ascii_word_filter")
    cdef const unsigned char* bits = ascii_filter
    found = []
    cdef Py_ssize_t position
    for position in range(len(blocks)):
        block = blocks[position]
        if block.line is not None:
            places = _list_head_places(block.text, openers, bits)
            if places is not None:
                found.append((position, places))
    return found


cdef object _list_head_places(str text, dict openers, const unsigned char* bits):
    """The places of the words of ``text`` that may open a header, or None."""
    if text is None:
        raise TypeError("a piece's text is a str")
    cdef int kind = PyUnicode_KIND(text)
    cdef const void* data = PyUnicode_DATA(text)
    cdef Py_ssize_t length = PyUnicode_GET_LENGTH(text), start = 0, end, place = 0
    cdef PyObject* entry
    places = None
    opener = None  # the entry of the word before, when it opens a header
    while start <= length:
        end = start
        while end < length and PyUnicode_READ(kind, data, end) != 32:
            end += 1
        if end == length and opener is None:
            break  # the last word: it opens no header, and follows no opener
        word = None
        if opener is not None:
            word = _folded(text, start, end)
            if _may_follow(opener, word):
                if places is None:
                    places = []
                places.append(place - 1)
            opener = None
        if end < length and _maybe_opener(kind, data, start, end, bits):
            if word is None:
                word = _folded(text, start, end)
            entry = PyDict_GetItem(openers, word)
            if entry != NULL:
                opener = <object>entry
        start = end + 1
        place += 1
    return places


cdef bint _may_follow(tuple opener, str second) except -1:
    """``flattened_screens._may_follow``: whether the memory of an opener leaves a header open to
    start with it and ``second``."""
    cdef dict seconds = opener[1]
    cdef PyObject* known = PyDict_GetItem(seconds, second)
    if known == NULL and opener[2] and PyUnicode_GET_LENGTH(second) > 1:
        known = PyDict_GetItem(seconds, " " + second[0])
    return known == NULL or <object>known is not False


def quiet_head(str text not None, dict quiet not None, section_names not None):
    """``flattened_screens.quiet_head``: whether ``flattened.split_known_head`` leaves ``text``
    whole, its heads quiet (a key of ``quiet``) and holding none of their rare characters."""
    return _quiet_head(text, quiet, section_names)


cdef bint _quiet_head(str text, dict quiet, section_names) except -1:
    if text is None:
        raise TypeError("a piece's text is a str")
    cdef int kind = PyUnicode_KIND(text)
    cdef const void* data = PyUnicode_DATA(text)
    cdef Py_ssize_t length = PyUnicode_GET_LENGTH(text), count = 0, i
    # where the first HEAD_PHRASE_WORDS + 1 words start, and where the word after them would
    cdef Py_ssize_t starts[_HEAD_PHRASE_WORDS + 2]
    cdef Py_UCS4 first
    if length == 0:
        return False
    first = PyUnicode_READ(kind, data, 0)
    if Py_UNICODE_ISLOWER(first):
        return True
    starts[0] = 0
    for i in range(length):
        if PyUnicode_READ(kind, data, i) == 32:
            count += 1
            starts[count] = i + 1
            if count == _HEAD_PHRASE_WORDS + 1:
                break
    count += 1  # words read
    if count <= _HEAD_PHRASE_WORDS + 1:
        starts[count] = length + 1
    if not _quiet_at(text, kind, data, starts, 0, count, quiet, section_names):
        return False
    if not Py_UNICODE_ISUPPER(first) or count == 1:
        return True
    if starts[2] - starts[1] > 1 and Py_UNICODE_ISLOWER(PyUnicode_READ(kind, data, starts[1])):
        return True
    return _quiet_at(text, kind, data, starts, 1, count, quiet, section_names)


cdef bint _quiet_at(str text, int kind, const void* data, Py_ssize_t* starts, Py_ssize_t position,
                    Py_ssize_t count, dict quiet, section_names) except -1:
    """Whether the head of words from ``position`` is quiet (``flattened_screens._quiet_at``)."""
    cdef Py_ssize_t last = min(position + _HEAD_PHRASE_WORDS, min(count, _HEAD_PHRASE_WORDS + 1)), i, end
    cdef PyObject* found
    cdef Py_UCS4 point
    for i in range(position, last):
        if starts[i + 1] - starts[i] == 1:
            return False  # an empty word
    end = starts[last] - 1
    first = _folded(text, starts[position], starts[position + 1] - 1)
    if first in section_names:
        return False
    found = PyDict_GetItem(quiet, first)
    if found == NULL and last - position > 1:
        found = PyDict_GetItem(quiet, first + " " + _folded(text, starts[position + 1], starts[position + 2] - 1))
    if found == NULL:
        return False
    rare = <object>found
    cdef const unsigned char* ascii = <bytes>rare.ascii
    others = None
    for i in range(starts[position], end):
        point = PyUnicode_READ(kind, data, i)
        if point < 128:
            if point < 32 or point == 127 or ascii[point]:
                return False
            continue
        if not Py_UNICODE_ISPRINTABLE(point):
            return False
        if others is None:
            others = rare.others
        known = PyDict_GetItem(others, chr(point))
        if known == NULL:
            if rare.finds(chr(point)):
                return False
        elif <object>known:
            return False
    return True
