# Included by _walk.pyx, after _walk_scoring.pxi: screens that pass over the lines the scorer's
# structure, token and figure tests (scoring.structure) surely answer no, so that only the rest
# are asked in Python.

def structure_screen(list texts not None, Py_ssize_t min_chars):
    """The positions in ``texts`` of those ``scoring.structure.is_structure`` may find to be
    structure: all but the ASCII texts with fewer than ``min_chars`` visible characters, or with
    a third of those letters or more (most lines), which it surely finds are not."""
    cdef Py_ssize_t position
    out = []
    for position in range(len(texts)):
        if _may_be_structure(texts[position], min_chars):
            out.append(position)
    return out


def structure_candidates(list values not None, list blocks not None, double cost, Py_ssize_t min_chars):
    """The positions of the lines of the dump (a block whose ``line`` is None) that cost more
    than ``cost`` (a value below ``-cost``) and that ``structure_screen`` keeps: the lines
    ``scoring.structure.cheapen_structure`` asks ``is_structure``."""
    cdef Py_ssize_t position
    if len(blocks) != len(values):
        raise ValueError("a value for each block")
    out = []
    for position in range(len(values)):
        if -cost > <double>values[position]:
            block = blocks[position]
            if block.line is None and _may_be_structure(block.text, min_chars):
                out.append(position)
    return out


cdef bint _may_be_structure(object text, Py_ssize_t min_chars) except -1:
    # all but an ASCII text with fewer than ``min_chars`` visible characters, or with a third of
    # those letters or more
    cdef Py_ssize_t i, length, visible, letters
    cdef const uint8_t* data
    if type(text) is not str or not PyUnicode_IS_ASCII(text):
        return True
    length, data = PyUnicode_GET_LENGTH(text), <const uint8_t*>PyUnicode_DATA(text)
    visible, letters = length, 0
    for i in range(length):
        if data[i] == 0x20:
            visible -= 1
        elif 0x61 <= (data[i] | 0x20) <= 0x7A:  # an ASCII letter, either case
            letters += 1
    return visible >= min_chars and letters * 3 < visible


def token_screen(list texts not None):
    """The positions in ``texts`` of those ``scoring.structure.is_token`` may find to be a token:
    all but the ASCII texts that start with no bracket, hold no code symbol, no capital as their
    second character and two visible characters side by side (most lines), which it surely
    finds are none."""
    cdef Py_ssize_t position
    out = []
    for position in range(len(texts)):
        if _may_be_token(texts[position]):
            out.append(position)
    return out


def token_candidates(list positions not None, object blocks not None, Py_ssize_t side):
    """The ``positions`` whose neighbour in ``blocks`` on ``side`` (-1 before, 1 after) is a
    line of the dump (its ``line`` is None) that ``token_screen`` keeps: those
    ``scoring.structure._tokens_among`` asks ``is_token`` about."""
    out = []
    for position in positions:
        block = blocks[position + side]
        if block.line is None and _may_be_token(block.text):
            out.append(position)
    return out


cdef bint _may_be_token(object text) except -1:
    cdef Py_ssize_t i, length
    cdef const uint8_t* data
    cdef uint8_t unit, first
    cdef bint two_visible, before_visible, symbol
    if type(text) is not str or not PyUnicode_IS_ASCII(text):
        return True
    length, data = PyUnicode_GET_LENGTH(text), <const uint8_t*>PyUnicode_DATA(text)
    first, two_visible, before_visible, symbol = 0, False, False, False
    for i in range(length):
        unit = data[i]
        if _ascii_space(unit):
            before_visible = False
            continue
        if not first:
            first = unit
        two_visible = two_visible or before_visible
        before_visible = True
        if unit == 0x5F or unit == 0x3B or unit == 0x3D or unit == 0x7B or unit == 0x7D or unit == 0x5B or unit == 0x5D:
            symbol = True  # _CODE_SYMBOL: _ ; = { } [ ]
    return (first == 0x28 or first == 0x5B or first == 0x7B or symbol or not two_visible
            or length > 1 and 0x41 <= data[1] <= 0x5A)


def figure_screen(object short not None, object blocks not None):
    """``scoring.structure.figured_lines`` in two lists: the positions in ``short`` of the lines
    of the dump (a block whose ``line`` is None) with an ASCII digit, and those of the lines
    beyond ASCII without one, whose text must be searched for another script's digit."""
    cdef Py_ssize_t i, length
    cdef unsigned int kind
    cdef const void* data
    found, asked = [], []
    for position in short:
        block = blocks[position]
        if block.line is not None:
            continue
        text = block.text
        if type(text) is not str:
            asked.append(position)
            continue
        length, kind, data = PyUnicode_GET_LENGTH(text), PyUnicode_KIND(text), PyUnicode_DATA(text)
        for i in range(length):
            if 0x30 <= PyUnicode_READ(kind, data, i) <= 0x39:
                found.append(position)
                break
        else:
            if not PyUnicode_IS_ASCII(text):
                asked.append(position)
    return found, asked
