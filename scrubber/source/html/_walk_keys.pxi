# Included by _walk.pyx (after _walk_dumps.pxi, whose Block slots it reads): the key of every
# line of a page (scrubber.blocks.line_keys), worked out and kept on its Block in place. A line
# beyond ASCII is case-folded here character by character from a table filled from Python's own
# str.casefold, one character the first time it is met: str.casefold spends scores of
# instructions on each character, looking up its case record twice and copying it through a
# buffer four bytes a character.

from cpython.object cimport PyObject
from cpython.ref cimport Py_INCREF, Py_XDECREF
from cpython.unicode cimport (Py_UNICODE_ISPRINTABLE, PyUnicode_1BYTE_DATA, PyUnicode_DATA, PyUnicode_GET_LENGTH,
                              PyUnicode_KIND, PyUnicode_New, PyUnicode_READ, PyUnicode_WRITE)
from libc.stdint cimport uint32_t

# What the table tells of a character below U+10000 (0: not looked up yet): that it is known,
# whether it is printable, and the one character it folds to, or that it folds to several.
cdef enum:
    _FOLD_KNOWN = 1 << 28
    _FOLD_PRINTABLE = 1 << 27
    _FOLD_SEVERAL = 1 << 26
    _FOLD_CHAR = (1 << 21) - 1
    _FOLD_TABLE_SIZE = 0x10000

cdef uint32_t* _fold_table = NULL


cdef uint32_t _fold_entry(Py_UCS4 point) except 0:
    global _fold_table
    cdef uint32_t entry
    if _fold_table == NULL:
        _fold_table = <uint32_t*>calloc(_FOLD_TABLE_SIZE, sizeof(uint32_t))
        if _fold_table == NULL:
            raise MemoryError()
    entry = _fold_table[point]
    if entry == 0:
        folded = chr(point).casefold()
        entry = _FOLD_KNOWN | (_FOLD_PRINTABLE if Py_UNICODE_ISPRINTABLE(point) else 0) \
            | (<uint32_t>ord(folded) if len(folded) == 1 else _FOLD_SEVERAL)
        _fold_table[point] = entry
    return entry


cdef object _ascii_line_key(str text, Py_ssize_t length):
    """The ASCII text lowered (as it folds), or None as ``_line_key``."""
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
    cdef str key = PyUnicode_New(length, 127)
    cdef unsigned char* out = PyUnicode_1BYTE_DATA(key)
    for i in range(length):
        byte = data[i]
        out[i] = byte + 32 if 65 <= byte <= 90 else byte
    return key


cdef object _line_key(str text):
    """``Block.key`` of a text that is printable, with no space at either end nor two in a
    row (its case folding); None for any other text, which ``Block.key`` keys itself."""
    cdef Py_ssize_t length = PyUnicode_GET_LENGTH(text), i
    if length == 0:
        return None
    if PyUnicode_IS_ASCII(text):
        return _ascii_line_key(text, length)
    cdef unsigned int kind = PyUnicode_KIND(text)
    cdef const void* data = PyUnicode_DATA(text)
    cdef uint32_t point, read, previous = 32, widest = 0, entry
    cdef Py_ssize_t size = length
    cdef bint astral = False
    for i in range(length):
        read = point = PyUnicode_READ(kind, data, i)
        if point < 127:
            if point == 32:
                if previous == 32:
                    return None
            elif point < 32:
                return None
            elif 65 <= point <= 90:
                point += 32
        elif point >= _FOLD_TABLE_SIZE:
            if not Py_UNICODE_ISPRINTABLE(point):
                return None
            astral = True  # (no table for them: str.casefold folds the line)
        else:
            entry = _fold_entry(point)
            if not entry & _FOLD_PRINTABLE:
                return None
            if entry & _FOLD_SEVERAL:
                size += _widen(point, &widest)
                point = 0
            else:
                point = entry & _FOLD_CHAR
        if point > widest:
            widest = point
        previous = read
    if previous == 32:
        return None
    if astral:
        return text.casefold()
    return _write_folded(text, length, size, widest)


# The case folding of each character below U+10000 that folds to several (a hundred or so).
cdef dict _several_of = {}


cdef str _several(uint32_t point):
    found = _several_of.get(point)
    if found is None:
        found = _several_of[point] = chr(point).casefold()
    return found


cdef Py_ssize_t _widen(uint32_t point, uint32_t* widest) except -1:
    """How many characters more than one the character folds to (one that folds to several),
    ``widest`` raised to the widest of them."""
    cdef str folded = _several(point)
    cdef Py_UCS4 c
    for c in folded:
        if <uint32_t>c > widest[0]:
            widest[0] = c
    return len(folded) - 1


cdef str _write_folded(str text, Py_ssize_t length, Py_ssize_t size, uint32_t widest):
    """The case folding of ``text``, of ``length`` characters all below U+10000: ``size``
    characters, none wider than ``widest``."""
    cdef unsigned int kind = PyUnicode_KIND(text)
    cdef const void* data = PyUnicode_DATA(text)
    cdef str folded = PyUnicode_New(size, widest)
    cdef unsigned int folded_kind = PyUnicode_KIND(folded)
    cdef void* folded_data = PyUnicode_DATA(folded)
    cdef Py_ssize_t i, j = 0
    cdef uint32_t point, entry
    cdef Py_UCS4 c
    for i in range(length):
        point = PyUnicode_READ(kind, data, i)
        if point < 128:
            if 65 <= point <= 90:
                point += 32
        else:
            entry = _fold_table[point]
            if entry & _FOLD_SEVERAL:
                for c in _several(point):
                    PyUnicode_WRITE(folded_kind, folded_data, j, c)
                    j += 1
                continue
            point = entry & _FOLD_CHAR
        PyUnicode_WRITE(folded_kind, folded_data, j, point)
        j += 1
    return folded


cdef inline void _set_slot(object block, Py_ssize_t offset, object value) noexcept:
    cdef PyObject** slot = <PyObject**>((<char*><PyObject*>block) + offset)
    cdef PyObject* old = slot[0]
    Py_INCREF(value)
    slot[0] = <PyObject*>value
    Py_XDECREF(old)


def kept_line_keys(list blocks, block_type):
    """``[block.key() for block in blocks]``, each key kept on its block as ``Block.key`` keeps
    it (``block_type``: ``Block``, whose slots are read and written in place)."""
    cdef _BlockSlots slots = _block_slots(block_type)
    cdef bint in_place = slots.text >= 0 and slots.key_of >= 0 and slots.key >= 0
    cdef list keys = []
    cdef object key
    for block in blocks:
        if not (in_place and (<PyObject*>block).ob_type == slots.type):
            keys.append(block.key())
            continue
        text = _field(block, &slots, slots.text, "text")
        if _field(block, &slots, slots.key_of, "_key_of") is text:
            keys.append(_field(block, &slots, slots.key, "_key"))
            continue
        key = _line_key(text) if type(text) is str else None
        if key is None:
            keys.append(block.key())
            continue
        _set_slot(block, slots.key, key)
        _set_slot(block, slots.key_of, text)
        keys.append(key)
    return keys


cdef str _case_folded(str text):
    """``text.casefold()``, from the table where every character is below U+10000."""
    cdef Py_ssize_t length = PyUnicode_GET_LENGTH(text), i, size = length
    cdef unsigned int kind = PyUnicode_KIND(text)
    cdef const void* data = PyUnicode_DATA(text)
    cdef uint32_t point, entry, widest = 0
    for i in range(length):
        point = PyUnicode_READ(kind, data, i)
        if point < 128:
            if 65 <= point <= 90:
                point += 32
        elif point >= _FOLD_TABLE_SIZE:
            return text.casefold()
        else:
            entry = _fold_entry(point)
            if entry & _FOLD_SEVERAL:
                size += _widen(point, &widest)
                point = 0
            else:
                point = entry & _FOLD_CHAR
        if point > widest:
            widest = point
    return _write_folded(text, length, size, widest)


def language_sample(list blocks, block_type, script_like, Py_ssize_t min_spaces, Py_ssize_t most_chars,
                    Py_ssize_t fallback_lines, Py_ssize_t script_chars=-1, double script_spaces=0.0):
    """``language.guess_language``'s sample of the blocks, case-folded: the texts of ``min_spaces``
    spaces or more that are not ``script_like``, joined by spaces as far as ``most_chars``
    (or, without any, the first ``fallback_lines`` texts). Given ``script_chars`` and
    ``script_spaces`` (``scoring.features``' SCRIPT_MIN_CHARS and SCRIPT_MAX_SPACES),
    ``script_like`` is asked only of a text it may be true of: one with a "<", or at least
    ``script_chars`` long with at most ``script_spaces`` of its characters spaces. Most
    sentences are neither, and their spaces are counted here anyway."""
    cdef _BlockSlots slots = _block_slots(block_type)
    cdef list sentences = []
    cdef Py_ssize_t length = 0, spaces, i, size
    cdef unsigned int kind
    cdef const void* data
    cdef Py_UCS4 point
    cdef bint tagged
    for block in blocks:
        if length >= most_chars:
            break  # the sample is cut there anyway
        text = _field(block, &slots, slots.text, "text")
        if type(text) is not str:
            if text.count(" ") < min_spaces:
                continue
        else:
            kind = PyUnicode_KIND(text)
            data = PyUnicode_DATA(text)
            size = PyUnicode_GET_LENGTH(text)
            spaces = 0
            tagged = False
            i = 0
            while i < size and spaces < min_spaces:
                point = PyUnicode_READ(kind, data, i)
                if point == 32:
                    spaces += 1
                elif point == 60:
                    tagged = True
                i += 1
            if spaces < min_spaces:
                continue
            if script_chars >= 0 and not tagged:
                # script_like's own tests, read in one pass: a "<" or few spaces may make a script
                while i < size:
                    point = PyUnicode_READ(kind, data, i)
                    if point == 32:
                        spaces += 1
                    elif point == 60:
                        tagged = True
                        break
                    i += 1
                if not tagged and (size < script_chars or <double>spaces > script_spaces * <double>size):
                    sentences.append(text)
                    length += size + 1
                    continue
        if not script_like(text):
            sentences.append(text)
            length += len(text) + 1
    if not sentences:
        sentences = [_field(block, &slots, slots.text, "text") for block in blocks[:fallback_lines]]
    sample = " ".join(sentences)[:most_chars]
    return _case_folded(sample) if type(sample) is str else sample.casefold()
