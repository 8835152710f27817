# Included by _walk.pyx (after _walk_keys.pxi and _walk_text.pxi, whose functions it calls): a
# text dump cut into its lines and made into Blocks in one pass (source.text.text_blocks). The
# Python twin makes a str for every physical line, asks str.isprintable of it, zips the lines
# with their blank flags and runs the dataclass's __init__ for every Block; here a line is read
# in place, and each Block is allocated and its slots filled directly, its key (_walk_keys.pxi)
# kept on it from the start.

from cpython.object cimport PyObject, PyTypeObject
from cpython.unicode cimport Py_UNICODE_ISPRINTABLE, PyUnicode_Substring

cdef extern from *:
    """
    static PyObject* scrubber_allocate(PyTypeObject* type) { return type->tp_alloc(type, 0); }
    """
    PyObject* _allocate "scrubber_allocate"(PyTypeObject* type)

# a Block's fields in the order its __init__ takes them (tests/test_blocks.py keeps the order)
cdef tuple _BLOCK_FIELDS = ("text", "kind", "index", "line", "level", "link_density", "hints", "after_blank",
                            "_key_of", "_key")

# source.text._UNFINISHED's answers for characters beyond ASCII (the regex module's Unicode
# tables, which may be of another version than Python's)
cdef dict _unfinished_of = {}


cdef bint _made_in_place(block_type, const _BlockSlots* slots) except -1:
    """Whether a Block can be allocated and its slots (``slots``) filled here: False when Block
    is not the plain dataclass of those slots (then it is called to make each Block)."""
    if getattr(block_type, "__post_init__", None) is not None \
            or tuple(getattr(block_type, "__dataclass_fields__", ())) != _BLOCK_FIELDS:
        return False
    return min(slots.text, slots.kind, slots.index, slots.line, slots.level, slots.link_density, slots.hints,
               slots.after_blank, slots.key_of, slots.key) >= 0


cdef object _new_block(block_type, const _BlockSlots* slots, bint in_place, str text, Py_ssize_t index, line,
                       bint after_blank):
    """``block_type(text, "paragraph", index, line, None, 0.0, (), after_blank)`` with its key kept."""
    cdef object key = _line_key(text)
    cdef PyObject* made
    cdef object block
    if not in_place:
        block = block_type(text, "paragraph", index, line, None, 0.0, (), after_blank)
        if key is not None:
            block._key = key
            block._key_of = text
        return block
    made = _allocate(<PyTypeObject*>block_type)
    if made == NULL:
        raise MemoryError()
    block = <object>made
    Py_XDECREF(made)  # (the cast took a reference of its own)
    _set_slot(block, slots.text, text)
    _set_slot(block, slots.kind, "paragraph")
    _set_slot(block, slots.index, index)
    _set_slot(block, slots.line, line)
    _set_slot(block, slots.level, None)
    _set_slot(block, slots.link_density, 0.0)
    _set_slot(block, slots.hints, ())
    _set_slot(block, slots.after_blank, after_blank)
    _set_slot(block, slots.key_of, None if key is None else text)
    _set_slot(block, slots.key, "" if key is None else key)
    return block


cdef inline bint _line_break(Py_UCS4 point) noexcept:
    # str.splitlines' breaks: \n \v \f \r, \x1c-\x1e, NEL and the Unicode line and paragraph
    # separators (tests/test_dump_walk.py checks every character against Python's own answer)
    if point < 0x80:
        return 10 <= point <= 13 or 0x1C <= point <= 0x1E
    return point == 0x85 or point == 0x2028 or point == 0x2029


cdef bint _unfinished(Py_UCS4 point, unfinished) except -1:
    # source.text._UNFINISHED: [\p{L}\p{N},\-–(]
    if point < 128:
        return (48 <= point <= 57 or 65 <= point <= 90 or 97 <= point <= 122
                or point == 44 or point == 45 or point == 40)
    found = _unfinished_of.get(point)
    if found is None:
        found = unfinished.match(chr(point)) is not None
        if len(_unfinished_of) >= _MAX_REMEMBERED_CHARS:
            _unfinished_of.clear()
        _unfinished_of[point] = found
    return found


cdef bint _printable(unsigned int kind, const void* data, Py_ssize_t start, Py_ssize_t end) except -1:
    cdef Py_ssize_t i
    cdef Py_UCS4 point
    for i in range(start, end):
        point = PyUnicode_READ(kind, data, i)
        if point < 127:
            if point < 32:
                return False
        elif point < _FOLD_TABLE_SIZE:
            if not _fold_entry(point) & _FOLD_PRINTABLE:
                return False
        elif not Py_UNICODE_ISPRINTABLE(point):
            return False
    return True


def dump_blocks(str text not None, block_type, unfinished, long_line_pieces, Py_ssize_t short_page):
    """``source.text.text_blocks(text)``: ``block_type`` is ``Block``, ``unfinished`` the pattern
    of a last character that an indented line goes on from (``text._UNFINISHED``), and
    ``long_line_pieces`` gives the pieces of a line longer than ``short_page``."""
    cdef unsigned int kind = PyUnicode_KIND(text)
    cdef const void* data = PyUnicode_DATA(text)
    cdef Py_ssize_t length = PyUnicode_GET_LENGTH(text), i = 0, start, end, k
    cdef _BlockSlots slots = _block_slots(block_type)
    cdef bint in_place = _made_in_place(block_type, &slots)
    cdef list lines = [], blanks = [], parts = None, blocks = [], pieces
    cdef bint blank = False, spaced
    cdef Py_UCS4 point, first, last = 0
    cdef str line
    # the logical lines: each physical line cleaned (as source.text._logical_lines), indented
    # lines that go on from an unfinished one joined to it
    while i < length:
        start = i
        while i < length and not _line_break(PyUnicode_READ(kind, data, i)):
            i += 1
        end = i
        if i < length:
            i += 2 if PyUnicode_READ(kind, data, i) == 13 and i + 1 < length \
                and PyUnicode_READ(kind, data, i + 1) == 10 else 1
        if start == end:
            blank = True
            continue
        if _printable(kind, data, start, end):
            # (a printable line's only whitespace is the plain space)
            spaced = PyUnicode_READ(kind, data, start) == 32 or PyUnicode_READ(kind, data, end - 1) == 32
            k = start + 1
            while not spaced and k < end:
                spaced = PyUnicode_READ(kind, data, k) == 32 and PyUnicode_READ(kind, data, k - 1) == 32
                k += 1
            line = PyUnicode_Substring(text, start, end)
            if spaced:
                line = " ".join(line.split())
        else:
            line = clean_unprintable(PyUnicode_Substring(text, start, end))
        if not line:
            blank = True
            continue
        first = PyUnicode_READ(kind, data, start)
        if (first == 32 or first == 9 or first == 0xA0) and lines and not blank and _unfinished(last, unfinished):
            if parts is None:
                parts = [lines[len(lines) - 1]]
            parts.append(line)
        else:
            if parts is not None:
                lines[len(lines) - 1] = " ".join(parts)
                parts = None
            lines.append(line)
            blanks.append(blank)
        last = line[len(line) - 1]
        blank = False
    if parts is not None:
        lines[len(lines) - 1] = " ".join(parts)
    # the Blocks: one for each line but the long ones, which may be cut into pieces
    for k in range(len(lines)):
        line = lines[k]
        blank = blanks[k]
        if len(line) <= short_page:
            blocks.append(_new_block(block_type, &slots, in_place, line, len(blocks), None, blank))
            continue
        pieces = long_line_pieces(line)
        shared_line = k if len(pieces) > 1 else None
        for piece in pieces:
            blocks.append(_new_block(block_type, &slots, in_place, piece, len(blocks), shared_line, blank))
            blank = False
    return blocks
