# Included by _walk.pyx: the key rules compare each line by (scrubber.blocks.Block.key: case
# folded, whitespace collapsed), for a page of blocks at once. Most lines of a page are printable
# ASCII with single spaces, whose key is the line lowered: one pass over its bytes, where
# Block.key costs a printable test, a search for double spaces and a case fold.

from cpython.unicode cimport PyUnicode_1BYTE_DATA, PyUnicode_GET_LENGTH, PyUnicode_New


cdef extern from "Python.h":
    bint PyUnicode_IS_ASCII(object text)


def line_keys(list blocks):
    """``[block.key() for block in blocks]``: each key worked out here when its text is
    printable ASCII without a space at either end or two in a row, by ``Block.key`` otherwise,
    and kept on its block as ``Block.key`` keeps it."""
    cdef list keys = []
    for block in blocks:
        text = block.text
        if block._key_of is text:
            keys.append(block._key)
            continue
        key = _ascii_key(text) if type(text) is str else None
        if key is None:
            keys.append(block.key())
            continue
        block._key = key
        block._key_of = text
        keys.append(key)
    return keys


cdef object _ascii_key(str text):
    """The text lowered, or None when it is not printable ASCII with single inner spaces."""
    if not PyUnicode_IS_ASCII(text):
        return None
    cdef Py_ssize_t length = PyUnicode_GET_LENGTH(text), i
    if length == 0:
        return None
    cdef const unsigned char* data = PyUnicode_1BYTE_DATA(text)
    cdef unsigned char byte, previous = 32  # (a space before the first byte: a leading space fails)
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
