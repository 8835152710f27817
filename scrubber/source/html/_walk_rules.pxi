# Included by _walk.pyx: the key rules compare each line by (scrubber.blocks.Block.key: case
# folded, whitespace collapsed), for a page of blocks at once; and the loop over the patterns
# that may match a line key (scrubber.rules.slots.first_pattern). Most lines of a page are printable
# with single spaces: their key is the line case-folded, told in one pass over its characters
# (an ASCII line's key is the line lowered, written here), where Block.key is a Python call
# making a printable test and a search for double spaces before the fold.

from cpython.unicode cimport (Py_UNICODE_ISPRINTABLE, PyUnicode_Contains, PyUnicode_1BYTE_DATA, PyUnicode_DATA, PyUnicode_GET_LENGTH,
                              PyUnicode_KIND, PyUnicode_New, PyUnicode_READ)


def line_keys(list blocks):
    """``[block.key() for block in blocks]``: each key worked out here when its text is
    printable without a space at either end or two in a row, by ``Block.key`` otherwise, and
    kept on its block as ``Block.key`` keeps it."""
    cdef list keys = []
    for block in blocks:
        text = block.text
        if block._key_of is text:
            keys.append(block._key)
            continue
        key = _simple_key(text) if type(text) is str else None
        if key is None:
            keys.append(block.key())
            continue
        block._key = key
        block._key_of = text
        keys.append(key)
    return keys


cdef object _simple_key(str text):
    """The text case-folded, or None when it is not printable with single inner spaces."""
    cdef Py_ssize_t length = PyUnicode_GET_LENGTH(text), i
    if length == 0:
        return None
    if PyUnicode_IS_ASCII(text):
        return _ascii_key(text, length)
    cdef unsigned int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef Py_UCS4 point, previous = 32  # (a space before the first character: a leading space fails)
    for i in range(length):
        point = PyUnicode_READ(kind, data, i)
        if point == 32:
            if previous == 32:
                return None
        elif point > 126 or point < 32:  # (most characters of such a line are printable ASCII)
            if point < 160 or not Py_UNICODE_ISPRINTABLE(point):
                return None
        previous = point
    if previous == 32:
        return None
    return text.casefold()


cdef object _ascii_key(str text, Py_ssize_t length):
    """The ASCII text lowered (as it folds), or None as ``_simple_key``."""
    cdef Py_ssize_t i
    cdef const unsigned char* data = PyUnicode_1BYTE_DATA(text)
    cdef unsigned char byte, previous = 32
    cdef bint upper = False
    for i in range(length):
        byte = data[i]
        if byte < 32 or byte == 127 or (byte == 32 and previous == 32):
            return None
        upper = upper or (65 <= byte <= 90)
        previous = byte
    if previous == 32:
        return None
    if not upper:
        return text  # (equal to what lower() would copy)
    key = PyUnicode_New(length, 127)
    cdef unsigned char* out = PyUnicode_1BYTE_DATA(key)
    for i in range(length):
        byte = data[i]
        out[i] = byte + 32 if 65 <= byte <= 90 else byte
    return key


def first_pattern(tuple possible, str key, str end, Py_ssize_t words, Py_ssize_t failed, bint short,
                  Py_ssize_t start, fold):
    """``scrubber.rules.slots.first_pattern``: the same tests in the same order, without the
    interpreter's work per pattern and test (a new line is shown several patterns)."""
    cdef Py_ssize_t at
    cdef tuple entry, ends
    for at in range(start, len(possible)):
        entry = <tuple>possible[at]
        if words > <Py_ssize_t>entry[4] or <Py_ssize_t>entry[5] <= failed:
            continue
        if entry[8] is not None:
            ends = <tuple>entry[8]
            folded = (<dict>ends[0]).get(end)
            if folded is None:
                folded = fold(ends, end)
            if folded not in ends[2] and not (ends[3] and folded.startswith(ends[3])):
                continue
        if entry[2] and not _passes(<tuple>entry[2], key):
            continue
        if not (entry[1] and short) or entry[7].fullmatch(key, None, None, False) is not None:
            return at
    return -1


cdef bint _passes(tuple screens, str key) except -1:
    """``scrubber.rules.slots.passes``."""
    for screen in screens:
        if type(screen) is str:
            if not PyUnicode_Contains(key, screen):
                return False
        elif type(screen) is tuple:
            for wanted in <tuple>screen:
                if PyUnicode_Contains(key, wanted):
                    break
            else:
                return False
        elif PyUnicode_IS_ASCII(key) and screen.pattern == "\\d":
            # (the screen of most date and counter patterns: on an ASCII line \d is 0-9, read
            # here rather than by a regex call)
            if not _ascii_digit_in(key):
                return False
        elif screen.search(key, None, None, False) is None:
            return False
    return True


cdef bint _ascii_digit_in(str key) noexcept:
    cdef const unsigned char* data = PyUnicode_1BYTE_DATA(key)
    cdef Py_ssize_t i
    for i in range(PyUnicode_GET_LENGTH(key)):
        if 48 <= data[i] <= 57:
            return True
    return False
