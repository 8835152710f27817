# Included by _walk.pyx: the loop over the patterns that may match a line key
# (scrubber.rules.slots.first_pattern), with the screens each pattern asks of the line. (The
# line keys themselves are worked out in _walk_keys.pxi.)

from cpython.unicode cimport PyUnicode_Contains, PyUnicode_1BYTE_DATA, PyUnicode_GET_LENGTH


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
