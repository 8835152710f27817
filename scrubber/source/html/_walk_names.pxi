# Included by _walk_prune.pxi: what the class and id of an element name (prune._named_concept),
# remembered by their raw bytes, and settled in C for the names that can name nothing.

from cpython.bytes cimport PyBytes_FromStringAndSize
from cpython.ref cimport PyObject
from cpython.unicode cimport PyUnicode_AsUTF8AndSize, PyUnicode_DecodeASCII
from libc.string cimport memcmp, memset

# named_concept's answers, by the raw bytes of a class and id pair: one slot per hash of the
# pair, a new pair taking the slot of an old one. Pages repeat the same names on hundreds of
# elements and sites across pages; a look-up here costs a tenth of decoding the two values and
# asking the Python cache.
cdef enum:
    _NAME_SLOTS = 4096  # a power of two
cdef list _named_slots = [None] * _NAME_SLOTS

include "_walk_name_words.pxi"


# What _pair_answer returns for a pair its table does not hold.
cdef object _UNKNOWN = object()


cdef struct _Pair:
    # a class and id pair as a key of a table of answers: which of the two there are (bit 1:
    # a class, 2: an id), their raw values (NULL: none) and lengths, its slot in the table
    const char* class_text
    const char* id_text
    size_t class_length, id_length, slot
    unsigned char present


cdef inline _Pair _pair(const char* class_text, const char* id_text, size_t slots):
    cdef _Pair pair
    pair.class_text, pair.id_text = class_text, id_text
    pair.class_length = pair.id_length = 0
    pair.present = (class_text is not NULL) | (id_text is not NULL) << 1
    cdef unsigned int hash = _fnv_step(_FNV_START, pair.present)
    if class_text is not NULL:
        hash = _hash_bytes(hash, <const unsigned char*>class_text, &pair.class_length)
    hash = _fnv_step(hash, 0)  # the NUL between the two
    if id_text is not NULL:
        hash = _hash_bytes(hash, <const unsigned char*>id_text, &pair.id_length)
    pair.slot = hash & (slots - 1)
    return pair


cdef inline object _pair_answer(list table, _Pair* pair):
    """The answer ``table`` holds for the pair, or _UNKNOWN. A table has one slot per hash
    of a pair (a power of two of them), a new pair taking the slot of an old one."""
    cdef object entry = table[pair.slot]
    cdef bytes key
    cdef const char* stored
    if entry is None:
        return _UNKNOWN
    key = (<tuple>entry)[0]
    stored = key
    # the key: which of the two there are, the class, a NUL, the id
    if (len(key) == pair.class_length + pair.id_length + 2 and <unsigned char>stored[0] == pair.present
            and memcmp(stored + 1, pair.class_text, pair.class_length) == 0 and stored[pair.class_length + 1] == 0
            and memcmp(stored + pair.class_length + 2, pair.id_text, pair.id_length) == 0):
        return (<tuple>entry)[1]
    return _UNKNOWN


cdef int _keep_answer(list table, _Pair* pair, object answer) except -1:
    cdef bytes key = PyBytes_FromStringAndSize(NULL, pair.class_length + pair.id_length + 2)
    cdef char* stored = key
    stored[0] = <char>pair.present
    memcpy(stored + 1, pair.class_text, pair.class_length)
    stored[pair.class_length + 1] = 0
    memcpy(stored + pair.class_length + 2, pair.id_text, pair.id_length)
    table[pair.slot] = (key, answer)
    return 0


cdef object _decoded(const char* text, size_t length):
    # None for NULL; raises UnicodeDecodeError for a value that is no UTF-8
    return None if text is NULL else PyUnicode_DecodeUTF8(text, length, NULL)


cdef object _named(const char* class_text, const char* id_text, named_concept):
    """``named_concept(class, id)`` of an element's raw class and id (NULL: it has none), or
    _NOT_PLAIN when one of them is no UTF-8 (_own_names has made the tables for it)."""
    cdef _Pair pair = _pair(class_text, id_text, _NAME_SLOTS)
    cdef object concept = _pair_answer(_named_slots, &pair)
    if concept is not _UNKNOWN:
        return concept
    cdef PyObject* settled = NULL
    cdef _Words words
    cdef size_t class_words
    cdef bint asked = not _chrome_words.loaded
    if not asked:
        # (split once for both questions: what cannot be split goes to Python)
        if not _split_pair(class_text, id_text, &words, &class_words):
            asked = True
        elif _may_name(&words):
            asked = not _settled(&words, class_words, &settled)
    concept = None if settled is NULL else <object>settled
    if asked:
        try:
            class_name = _decoded(class_text, pair.class_length)
            element_id = _decoded(id_text, pair.id_length)
        except UnicodeDecodeError:
            return _NOT_PLAIN
        concept = named_concept(class_name, element_id)
    _keep_answer(_named_slots, &pair, concept)
    return concept
