# Included by _walk.pyx, after _walk_scoring.pxi: screens that pass over the lines the scorer's
# structure and figure tests (scoring.structure) surely answer no, so that only the rest are
# asked in Python; and its token test, told here of ASCII lines.

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


def structure_candidates(list values not None, list blocks not None, double cost, Py_ssize_t min_chars,
                         Py_ssize_t counter_chars, Py_ssize_t clock_chars, bytes classes not None):
    """The lines ``scoring.structure.cheapen_structure`` asks ``is_structure`` about, in two
    lists of positions: the lines of the dump (a block whose ``line`` is None) that cost more
    than ``cost`` (a value below ``-cost``) and that ``structure_screen`` keeps, those that
    surely are structure (no stamp: no figure first, or longer than ``counter_chars`` with more
    than ``clock_chars`` once stripped, as ``is_stamp`` reads them), and the rest. A line beyond
    ASCII is judged here too, its letters told by ``classes`` (``LineCounter``'s, a byte for
    each character of the Basic Multilingual Plane)."""
    cdef Py_ssize_t position
    cdef int judged
    if len(blocks) != len(values):
        raise ValueError("a value for each block")
    if len(classes) != 0x10000:
        raise ValueError("a class for each character of the Basic Multilingual Plane")
    cdef const uint8_t* letters = <const uint8_t*><const char*>classes
    sure, asked = [], []
    for position in range(len(values)):
        if -cost > <double>values[position]:
            block = blocks[position]
            if block.line is None:
                text = block.text
                if type(text) is str and not PyUnicode_IS_ASCII(text):
                    judged = _structure_beyond_ascii(<str>text, min_chars, letters)
                elif _may_be_structure(text, min_chars):
                    judged = 1
                else:
                    continue
                if judged == 2 or judged > 0 and _no_stamp(text, counter_chars, clock_chars):
                    sure.append(position)
                elif judged:
                    asked.append(position)
    return sure, asked


cdef int _structure_beyond_ascii(str text, Py_ssize_t min_chars, const uint8_t* classes):
    # is_structure of a text beyond ASCII but for its stamp: 1 drawn with box-drawing rules
    # (``BOX``), or at least ``min_chars`` visible characters, under a third of them letters;
    # 0 else; -1 when a character beyond the plane leaves its letters to ``is_structure``
    cdef Py_ssize_t length = PyUnicode_GET_LENGTH(text), i, visible, letters = 0
    cdef unsigned int kind = PyUnicode_KIND(text)
    cdef const void* data = PyUnicode_DATA(text)
    cdef Py_UCS4 point
    cdef bint beyond = False
    visible = length
    for i in range(length):
        point = PyUnicode_READ(kind, data, i)
        if 0x2500 <= point <= 0x257F:
            return 2  # (structure, even a stamp)
        if point == 0x20:
            visible -= 1
        elif point > 0xFFFF:
            beyond = True
        elif classes[point] & _LETTER_CHAR:
            letters += 1
    if beyond:
        return -1
    return visible >= min_chars and letters * 3 < visible


cdef bint _no_stamp(object text, Py_ssize_t counter_chars, Py_ssize_t clock_chars):
    # a text scoring.structure.is_stamp surely finds is none: its first visible character is an
    # ASCII character but a figure, or it is longer than a counter with more than a clock's
    # characters stripped
    cdef Py_ssize_t length, start = 0, end
    cdef unsigned int kind
    cdef const void* data
    cdef Py_UCS4 first
    if type(text) is not str:
        return False
    length, kind, data = PyUnicode_GET_LENGTH(text), PyUnicode_KIND(text), PyUnicode_DATA(text)
    while start < length and Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, start)):
        start += 1
    if start == length:
        return True
    first = PyUnicode_READ(kind, data, start)
    if first < 0x80 and not 0x30 <= first <= 0x39:
        return True
    end = length
    while Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, end - 1)):
        end -= 1
    return length > counter_chars and end - start > clock_chars


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


def tokens(list texts not None, is_token):
    """The positions in ``texts`` of the tokens ``scoring.structure.is_token`` (``is_token``)
    finds: an ASCII text is told here, any other asked."""
    cdef Py_ssize_t position
    return [position for position in range(len(texts)) if _token(texts[position], is_token)]


def code_token_lines(object short not None, list values not None, object blocks not None, double cost, is_token):
    """The positions in ``short`` of the lines ``scoring.structure.cheapen_code_tokens`` cheapens:
    those costing more than ``cost`` (a value below ``-cost``) between two lines of the dump
    (a block whose ``line`` is None) that are tokens (``is_token``, told here of an ASCII
    line). The line before is read first: it rules out most of them."""
    cdef Py_ssize_t last = len(blocks) - 1, position
    if len(values) != last + 1:
        raise ValueError("a value for each block")
    out = []
    for position in short:
        if 0 < position < last and <double>values[position] < -cost:
            block = blocks[position - 1]
            if block.line is None and _token(block.text, is_token):
                block = blocks[position + 1]
                if block.line is None and _token(block.text, is_token):
                    out.append(position)
    return out


cdef bint _token(object text, is_token) except -1:
    # is_token(text), told here of an ASCII text: a bracket first, code (``has_code``), or
    # words of one character each with a letter among them
    cdef Py_ssize_t i, start = 0, length
    cdef const uint8_t* data
    cdef bint before_visible = False, letter = False
    if type(text) is not str or not PyUnicode_IS_ASCII(text):
        return is_token(text)
    length, data = PyUnicode_GET_LENGTH(text), <const uint8_t*>PyUnicode_DATA(text)
    while start < length and _ascii_space(data[start]):
        start += 1
    if start < length and (data[start] == 0x28 or data[start] == 0x5B or data[start] == 0x7B):
        return True
    if _ascii_has_code(<str>text):
        return True
    for i in range(start, length):
        if _ascii_space(data[i]):
            before_visible = False
        elif before_visible:
            return False  # two visible characters side by side
        else:
            before_visible = True
            letter = letter or 0x41 <= (data[i] & 0xDF) <= 0x5A
    return letter


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
