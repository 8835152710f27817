# Included by _walk.pyx: str.lower of a long text beyond ASCII (the head of a flattened page,
# searched for its title's words), lowered character by character from a table filled from
# Python's own str.lower, one character the first time it is met: str.lower looks up every
# character's case record, ASCII letters and spaces too, at scores of instructions each.

# What the table tells of a character below U+10000 (0: not looked up yet): that it is known,
# and the one character it lowers to, or that it lowers to several (U+0130, "İ" -> "i̇").
cdef enum:
    _LOWER_KNOWN = 1 << 28
    _LOWER_SEVERAL = 1 << 26
    _LOWER_CHAR = (1 << 21) - 1
    _LOWER_TABLE_SIZE = 0x10000
    _CAPITAL_SIGMA = 0x3A3  # lowers to a final or a medial sigma, by the letters around it

cdef uint32_t* _lower_table = NULL


cdef uint32_t _lower_entry(Py_UCS4 point) except 0:
    global _lower_table
    cdef uint32_t entry
    if point >= _LOWER_TABLE_SIZE:  # (beyond the table: rare, asked each time)
        lowered = chr(point).lower()
        return _LOWER_KNOWN | (<uint32_t>ord(lowered) if len(lowered) == 1 else _LOWER_SEVERAL)
    if _lower_table == NULL:
        _lower_table = <uint32_t*>calloc(_LOWER_TABLE_SIZE, sizeof(uint32_t))
        if _lower_table == NULL:
            raise MemoryError()
    entry = _lower_table[point]
    if entry == 0:
        lowered = chr(point).lower()
        entry = _LOWER_KNOWN | (<uint32_t>ord(lowered) if len(lowered) == 1 else _LOWER_SEVERAL)
        _lower_table[point] = entry
    return entry


def lower_text(str text):
    """``text.lower()``. A text with a capital sigma, or a character that lowers to several, is
    lowered by str.lower itself: the sigma's case depends on its neighbours."""
    cdef Py_ssize_t length = PyUnicode_GET_LENGTH(text), i
    if PyUnicode_IS_ASCII(text):
        return text.lower()
    cdef unsigned int kind = PyUnicode_KIND(text)
    cdef const void* data = PyUnicode_DATA(text)
    cdef uint32_t point, low, widest = 0, entry
    for i in range(length):  # the widest character lowered (a str is stored as narrow as it can be)
        point = PyUnicode_READ(kind, data, i)
        if point < 128:
            low = point + 32 if 65 <= point <= 90 else point
        else:
            entry = _lower_entry(point)
            if entry & _LOWER_SEVERAL or point == _CAPITAL_SIGMA:
                return text.lower()
            low = entry & _LOWER_CHAR
        if low > widest:
            widest = low
    cdef str lowered = PyUnicode_New(length, widest)
    cdef unsigned int out_kind = PyUnicode_KIND(lowered)
    cdef void* out = PyUnicode_DATA(lowered)
    for i in range(length):
        point = PyUnicode_READ(kind, data, i)
        if point < 128:
            low = point + 32 if 65 <= point <= 90 else point
        else:
            low = _lower_entry(point) & _LOWER_CHAR
        PyUnicode_WRITE(out_kind, out, i, low)
    return lowered
