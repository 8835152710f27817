# Included by _walk.pyx: loops over every line of a text dump, in C. Whether a line goes on
# with the sentence of the line before it (normalise.fragments: join_fragment_runs,
# mid_sentence), asked of every pair of lines; which lines find_title needs to read at all
# (title_repeats' are found in _walk_titles.pxi); and the words of prose above each line
# (article_end), counted, not split. Their Python twins pay a call, subscripts and attribute
# lookups for each line; here a Block's slots are read in place, and Python is called only for
# the few lines that matter (a short last word that may be "of" or "the", a line holding the
# title's words).

from cpython.long cimport PyLong_AsVoidPtr, PyLong_FromVoidPtr
from libc.stdlib cimport qsort
from cpython.object cimport PyObject, PyTypeObject
from cpython.unicode cimport Py_UNICODE_ISSPACE, PyUnicode_1BYTE_KIND, PyUnicode_Tailmatch, PyUnicode_Contains, PyUnicode_DATA, PyUnicode_GET_LENGTH, PyUnicode_KIND, PyUnicode_READ

cdef extern from "Python.h":
    ctypedef struct PyMemberDef:
        int type
        Py_ssize_t offset
    ctypedef struct PyMemberDescrObject:
        PyMemberDef* d_member
    PyTypeObject PyMemberDescr_Type

DEF _T_OBJECT_EX = 16  # a __slots__ member holding an object


cdef struct _BlockSlots:
    # where a Block keeps its fields (-1: ask getattr)
    PyTypeObject* type
    Py_ssize_t text, kind, index, line, level, link_density, hints, after_blank, key_of, key


cdef Py_ssize_t _slot_offset(block_type, str name):
    descriptor = getattr(block_type, name, None)
    if descriptor is None or (<PyObject*>descriptor).ob_type != &PyMemberDescr_Type \
            or (<PyMemberDescrObject*><PyObject*>descriptor).d_member.type != _T_OBJECT_EX:
        return -1
    return (<PyMemberDescrObject*><PyObject*>descriptor).d_member.offset


cdef _BlockSlots _block_slots(block_type):
    cdef _BlockSlots slots
    slots.type = <PyTypeObject*>block_type
    slots.text, slots.kind = _slot_offset(block_type, "text"), _slot_offset(block_type, "kind")
    slots.index, slots.line = _slot_offset(block_type, "index"), _slot_offset(block_type, "line")
    slots.level, slots.link_density = _slot_offset(block_type, "level"), _slot_offset(block_type, "link_density")
    slots.hints, slots.after_blank = _slot_offset(block_type, "hints"), _slot_offset(block_type, "after_blank")
    slots.key_of, slots.key = _slot_offset(block_type, "_key_of"), _slot_offset(block_type, "_key")
    return slots


cdef inline object _field(object block, const _BlockSlots* slots, Py_ssize_t offset, str name):
    """``getattr(block, name)``, read in place for a Block."""
    cdef PyObject* value
    if offset >= 0 and (<PyObject*>block).ob_type == slots.type:
        value = (<PyObject**>((<char*><PyObject*>block) + offset))[0]
        if value != NULL:
            return <object>value
    return getattr(block, name)


cdef inline str _key(object block, const _BlockSlots* slots):
    """``block.key()``: the key it keeps for its text, when it has one (Block.key's cache)."""
    if slots.key_of >= 0 and slots.key >= 0 and (<PyObject*>block).ob_type == slots.type \
            and _field(block, slots, slots.key_of, "_key_of") is _field(block, slots, slots.text, "text"):
        return _field(block, slots, slots.key, "_key")
    return block.key()


def block_keys(list blocks, block_type):
    """``[b.key() for b in blocks]`` (for tests: the cached keys are read as Block.key reads them)."""
    cdef _BlockSlots slots = _block_slots(block_type)
    return [_key(block, &slots) for block in blocks]


cdef int _continues_tail(str previous, str line, frozenset small_words, Py_ssize_t longest) except -1:
    """``normalise.fragments.continues(previous, line)`` read from the end of ``previous`` only:
    1 or 0, or 2 when the answer is whether ``previous`` holds four words (its last word is a
    small one). ``previous`` may be cut to its last ``longest + 1`` characters; ``longest``: the
    length of the longest of ``small_words``, the case-folded words that leave a sentence open
    ("of", "the")."""
    cdef Py_ssize_t size = len(previous), at
    if size == 0 or len(line) == 0:
        raise IndexError("string index out of range")
    cdef Py_UCS4 first = line[0], last = previous[size - 1]
    if first in u",.;:!?)]}%»”’…":
        return 1
    if last in u".!?:…\"”":
        return 0
    if first.islower() or last in u",(-–—/":
        return 1
    # the last space, looked for only as far back as a small word reaches (casefold never
    # shortens a word)
    at = size - 1
    while at >= 0 and at >= size - 1 - longest:
        if previous[at] == u" ":
            return 2 if previous[at + 1:].casefold() in small_words else 0
        at -= 1
    return 0


cdef bint _four_words(str text):
    """``len(text.split(None, 3)) == 4``, read from the start and no further than the fourth word."""
    cdef Py_ssize_t at, size = len(text)
    cdef int words = 0
    cdef bint in_word = False
    for at in range(size):
        if Py_UNICODE_ISSPACE(text[at]):
            in_word = False
        elif not in_word:
            words += 1
            if words == 4:
                return True
            in_word = True
    return False


cdef bint _continues(str previous, str line, frozenset small_words, Py_ssize_t longest) except -1:
    """``normalise.fragments.continues(previous, line)``."""
    cdef int answer = _continues_tail(previous, line, small_words, longest)
    return answer == 1 or (answer == 2 and _four_words(previous))


def join_fragment_runs(list blocks, block_type, frozenset small_words, Py_ssize_t longest):
    """``normalise.fragments.join_fragment_runs(blocks)``; ``block_type``: ``Block``, whose fields
    are passed by position (tests/test_blocks.py keeps their order).

    A run's text is kept as its pieces and joined once, when the run ends: joined at every
    step, a page of a thousand fragments costs a million characters copied. Whether the next
    piece continues the run is read from the run's last characters (``tail``) and, once known,
    from whether it holds four words."""
    cdef _BlockSlots slots = _block_slots(block_type)
    cdef list out = [], made = [], parts = None
    cdef object head = None, block
    cdef str tail = None, piece, joint
    cdef bint open_head = False  # the head is a paragraph of no flattened line
    cdef bint four = False  # the run holds four words, known once asked and true
    cdef Py_ssize_t keep = longest + 1  # how much of a run's end _continues_tail reads
    cdef int answer
    for block in blocks:
        if open_head and not _field(block, &slots, slots.after_blank, "after_blank") \
                and _field(block, &slots, slots.line, "line") is None \
                and _field(block, &slots, slots.kind, "kind") == "paragraph":
            piece = _field(block, &slots, slots.text, "text")
            answer = _continues_tail(tail, piece, small_words, longest)
            if answer == 2:
                four = four or _four_words(tail if parts is None else "".join(parts))
                answer = four
            if answer:
                joint = u"" if piece[0] in u",.;:!?)]}%»”’…" else u" "
                if parts is None:
                    parts = [tail]
                parts.append(joint)
                parts.append(piece)
                tail = (tail + joint + piece)[-keep:]
                continue
        else:
            piece = _field(block, &slots, slots.text, "text")
        if parts is not None:
            out[len(out) - 1] = block_type("".join(parts), head.kind, head.index, None, None, 0.0, (),
                                           head.after_blank)
            made.append(len(out) - 1)
        out.append(block)
        head, tail, parts, four = block, piece, None, False
        open_head = _field(block, &slots, slots.line, "line") is None \
            and _field(block, &slots, slots.kind, "kind") == "paragraph"
    if parts is not None:
        out[len(out) - 1] = block_type("".join(parts), head.kind, head.index, None, None, 0.0, (), head.after_blank)
        made.append(len(out) - 1)
    return out, made


def mid_sentence(list blocks, block_type, chrome, frozenset small_words, Py_ssize_t longest):
    """``normalise.fragments.mid_sentence(blocks, chrome)``."""
    cdef _BlockSlots slots = _block_slots(block_type)
    cdef list middles = []
    cdef Py_ssize_t position
    cdef int into, ahead = -1  # -1: not asked
    for position in range(1, len(blocks) - 1):
        previous, block, following = blocks[position - 1], blocks[position], blocks[position + 1]
        into, ahead = ahead, -1
        if _field(block, &slots, slots.after_blank, "after_blank") \
                or _field(following, &slots, slots.after_blank, "after_blank") \
                or _field(block, &slots, slots.line, "line") is not None:
            continue
        if into < 0:
            into = _continues(_field(previous, &slots, slots.text, "text"), _field(block, &slots, slots.text, "text"),
                              small_words, longest)
        if into:
            ahead = _continues(_field(block, &slots, slots.text, "text"),
                               _field(following, &slots, slots.text, "text"), small_words, longest)
            if ahead and PyLong_FromVoidPtr(<void*>previous) not in chrome \
                    and PyLong_FromVoidPtr(<void*>following) not in chrome:
                middles.append(block)
    return middles


_MOST_ADDRESS = int(<size_t>-1)  # (SIZE_MAX)


def without_ids(list blocks, chrome):
    """``[b for b in blocks if id(b) not in chrome]``. The ids (all of them ints, as a page's
    rule candidates are keyed) are sorted once, and each block's address is looked for among
    them: no int is made and hashed for each block."""
    cdef Py_ssize_t count = len(chrome), i = 0, low, high, middle
    cdef size_t address
    cdef size_t* ids
    if count == 0 or not all(type(key) is int for key in chrome):
        return [block for block in blocks if PyLong_FromVoidPtr(<void*>block) not in chrome]
    ids = <size_t*>malloc(count * sizeof(size_t))
    if ids == NULL:
        raise MemoryError()
    cdef list found = []
    try:
        for key in chrome:
            if key < 0 or key > _MOST_ADDRESS:  # no address: never a block's id
                count -= 1
                continue
            ids[i] = <size_t>PyLong_AsVoidPtr(key)
            i += 1
        qsort(ids, count, sizeof(size_t), _compare_addresses)
        for block in blocks:
            address = <size_t><PyObject*>block
            low, high = 0, count
            while low < high:  # the first id not below the address
                middle = (low + high) >> 1
                if ids[middle] < address:
                    low = middle + 1
                else:
                    high = middle
            if low == count or ids[low] != address:
                found.append(block)
    finally:
        free(ids)
    return found


cdef int _compare_addresses(const void* a, const void* b) noexcept nogil:
    cdef size_t x = (<const size_t*>a)[0], y = (<const size_t*>b)[0]
    return (x > y) - (x < y)


cdef inline bint _ascii_alnum(Py_UCS4 c):
    return 97 <= c <= 122 or 65 <= c <= 90 or 48 <= c <= 57


def repeat_lines(list blocks, block_type, Py_ssize_t start, Py_ssize_t stop, Py_ssize_t longest, dict starts,
                 set known, title_word):
    """``title._repeat_lines(blocks, start, stop, longest, starts, known)``; ``title_word``: the
    pattern of a word in text beyond ASCII (``title_words.TITLE_WORD``)."""
    cdef _BlockSlots slots = _block_slots(block_type)
    cdef list found = []
    cdef Py_ssize_t position, at, end, size
    cdef str key, text
    cdef Py_UCS4 opening
    for position in range(start, min(stop, len(blocks))):
        block = blocks[position]
        key = _key(block, &slots)
        size = len(key)
        if size > longest or _field(block, &slots, slots.line, "line") is not None \
                or not PyUnicode_Contains(key, " "):
            continue
        opening = key[0]
        if _ascii_alnum(opening) and not key.startswith(starts.get(key[:1], ())):
            continue
        if PyUnicode_IS_ASCII(key):  # its first word: the first run of ASCII letters and digits
            at = 0
            while at < size and not _ascii_alnum(key[at]):
                at += 1
            end = at
            while end < size and _ascii_alnum(key[end]):
                end += 1
            if at == size or key[at:end] not in known:
                continue
        else:
            first = title_word.search(key)
            if first is None or first.group() not in known:
                continue
        text = _field(block, &slots, slots.text, "text")
        if len(text) == 0 or text[0].islower() or text[0] in u",;:)]":  # title._fragment
            continue
        found.append(position)
    return found


# 1 for the spaces among the Latin-1 characters (str.split's: the ASCII ones, 0x85 and 0xA0):
# a line of prose is counted a character at a time, with no branch on each.
cdef unsigned char _LATIN1_SPACE[256]
for _byte in range(256):
    _LATIN1_SPACE[_byte] = _ascii_space(_byte) or _byte == 0x85 or _byte == 0xA0


cdef Py_ssize_t _word_count(str text):
    """``len(text.split())``, counted without making the words."""
    cdef int kind = PyUnicode_KIND(text)
    cdef const void* data = PyUnicode_DATA(text)
    cdef const unsigned char* ascii
    cdef Py_ssize_t length = PyUnicode_GET_LENGTH(text), i, words = 0
    cdef bint inside = False, space
    cdef unsigned char in_word = 0, at_space
    cdef Py_UCS4 point
    if kind == PyUnicode_1BYTE_KIND:  # ASCII or Latin-1
        ascii = <const unsigned char*>data
        for i in range(length):  # a word ends at each space after a character that is none
            at_space = _LATIN1_SPACE[ascii[i]]
            words += in_word & at_space
            in_word = at_space ^ 1
        return words + in_word
    else:
        for i in range(length):
            point = PyUnicode_READ(kind, data, i)
            space = _ascii_space(point) if point < 0x80 else Py_UNICODE_ISSPACE(point)
            words += inside and space
            inside = not space
    return words + inside


cdef bint _ends_with(str text, tuple endings) except -1:
    """``text.rstrip().endswith(endings)``, without the copy rstrip makes."""
    cdef Py_ssize_t end = PyUnicode_GET_LENGTH(text)
    cdef int kind = PyUnicode_KIND(text)
    cdef const void* data = PyUnicode_DATA(text)
    while end > 0 and Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, end - 1)):
        end -= 1
    for ending in endings:
        if PyUnicode_Tailmatch(text, ending, 0, end, 1) == 1:
            return True
    return False


def prose_words_before(list blocks, block_type, tuple sentence_ends, Py_ssize_t enough):
    """``filters.article_end._prose_words_before(blocks, enough)`` (-1: None); ``sentence_ends``:
    its _SENTENCE_END."""
    cdef _BlockSlots slots = _block_slots(block_type)
    cdef list counts = [0]
    cdef Py_ssize_t total = 0, words
    cdef str text
    for block in blocks:
        text = _field(block, &slots, slots.text, "text")
        words = _word_count(text)
        if words >= 8 or (words >= 3 and _ends_with(text, sentence_ends)):
            total += words
        counts.append(total)
        if 0 <= enough <= total:
            break
    return counts
