# Included by _walk_prune.pxi: what the class and id of an element name (prune._named_concept),
# remembered by their raw bytes, and settled in C for the names that can name nothing.

from cpython.bytes cimport PyBytes_FromStringAndSize
from libc.string cimport memcmp

# named_concept's answers, by the raw bytes of a class and id pair: one slot per hash of the
# pair, a new pair taking the slot of an old one. Pages repeat the same names on hundreds of
# elements and sites across pages; a look-up here costs a tenth of decoding the two values and
# asking the Python cache.
cdef enum:
    _NAME_SLOTS = 4096  # a power of two
cdef list _named_slots = [None] * _NAME_SLOTS

# The telling words (names.telling_words, in UTF-8): a name none of whose words is one names
# no concept. Most names of a page seen for the first time are such names ("col-md-6",
# "entry-meta"); splitting them here spares a Python split and look-up (~20K instructions).
# An open-addressing set of the words, at most half full.
cdef enum:
    _TELLING_SLOTS = 2048  # a power of two
    _LONGEST_WORD = 64
cdef list _telling_slots = [None] * _TELLING_SLOTS
cdef bint _telling_loaded = False

# The named_concept and telling words both tables were made for: others empty them.
cdef object _names_owner = None


cdef inline unsigned int _hash_bytes(unsigned int hash, const unsigned char* text, size_t* length):
    # FNV-1a over ``text``, which it measures on the way
    cdef const unsigned char* start = text
    while text[0]:
        hash = (hash ^ text[0]) * 16777619U
        text += 1
    length[0] = text - start
    return hash


cdef inline unsigned int _hash_word(const unsigned char* word, size_t length):
    cdef unsigned int hash = 2166136261U
    cdef size_t i
    for i in range(length):
        hash = (hash ^ word[i]) * 16777619U
    return hash


cdef void _own_names(named_concept, tuple telling_words):
    """Empty both tables unless they were made for this named_concept and these words."""
    global _names_owner, _telling_loaded
    owner = (named_concept, telling_words)
    if _names_owner is not None and _names_owner[0] is named_concept and _names_owner[1] is telling_words:
        return
    _names_owner = owner
    _named_slots[:] = [None] * _NAME_SLOTS
    _telling_slots[:] = [None] * _TELLING_SLOTS
    _telling_loaded = False
    if 2 * len(telling_words) > _TELLING_SLOTS:
        return  # every name goes to named_concept
    cdef bytes word
    cdef size_t slot
    for word in telling_words:
        if len(word) > _LONGEST_WORD:
            _telling_slots[:] = [None] * _TELLING_SLOTS
            return
        slot = _hash_word(word, len(word)) & (_TELLING_SLOTS - 1)
        while _telling_slots[slot] is not None:
            slot = (slot + 1) & (_TELLING_SLOTS - 1)
        _telling_slots[slot] = word
    _telling_loaded = True


cdef bint _is_telling(const unsigned char* text, size_t length):
    """Whether the ASCII word ``text[:length]``, lower-cased, is a telling word."""
    cdef unsigned char word[_LONGEST_WORD]
    cdef size_t i, slot
    cdef object entry
    if length > _LONGEST_WORD:
        return False
    for i in range(length):
        word[i] = text[i] + 32 if 65 <= text[i] <= 90 else text[i]
    slot = _hash_word(word, length) & (_TELLING_SLOTS - 1)
    while True:
        entry = _telling_slots[slot]
        if entry is None:
            return False
        if len(<bytes>entry) == length and memcmp(<const char*>(<bytes>entry), word, length) == 0:
            return True
        slot = (slot + 1) & (_TELLING_SLOTS - 1)


cdef inline bint _lower(unsigned char c):
    return 97 <= c <= 122


cdef inline bint _upper(unsigned char c):
    return 65 <= c <= 90


cdef inline bint _digit(unsigned char c):
    return 48 <= c <= 57


cdef int _tells(const unsigned char* text):
    """1 when a word of the class or id value ``text`` is telling, 0 when none is, -1 when it
    is not ASCII. The words are names.name_words's: runs of digits, of lower-case letters
    after at most one capital, and of capitals not followed by a lower-case letter (the
    pattern of names._WORDS); anything else parts them."""
    cdef size_t i = 0, end
    cdef unsigned char c
    while text[i]:
        c = text[i]
        end = i + 1
        if c >= 0x80:
            return -1
        if _digit(c):
            while _digit(text[end]):
                end += 1
        elif _lower(c):
            while _lower(text[end]):
                end += 1
        elif _upper(c):
            while _upper(text[end]):
                end += 1
            if _lower(text[end]):
                # "HTMLParser": the last capital starts the next word ("HTML", "Parser")
                if end - i > 1 and _is_telling(text + i, end - 1 - i):
                    return 1
                i = end - 1
                while _lower(text[end]):
                    end += 1
        else:
            i = end
            continue
        if _is_telling(text + i, end - i):
            return 1
        i = end
    return 0


cdef object _named(const char* class_text, const char* id_text, named_concept):
    """``named_concept(class, id)`` of an element's raw class and id (NULL: it has none), or
    _NOT_PLAIN when one of them is no UTF-8 (_own_names has made the tables for it)."""
    cdef unsigned char present = (class_text is not NULL) | (id_text is not NULL) << 1
    cdef size_t class_length = 0, id_length = 0
    cdef unsigned int hash = (2166136261U ^ present) * 16777619U
    if class_text is not NULL:
        hash = _hash_bytes(hash, <const unsigned char*>class_text, &class_length)
    hash *= 16777619U  # the NUL between the two
    if id_text is not NULL:
        hash = _hash_bytes(hash, <const unsigned char*>id_text, &id_length)
    cdef size_t slot = hash & (_NAME_SLOTS - 1)
    # the key: which of the two there are, the class, a NUL, the id
    cdef object entry = _named_slots[slot]
    cdef bytes key
    cdef char* stored
    if entry is not None:
        key = (<tuple>entry)[0]
        stored = key
        if (len(key) == class_length + id_length + 2 and <unsigned char>stored[0] == present
                and memcmp(stored + 1, class_text, class_length) == 0 and stored[class_length + 1] == 0
                and memcmp(stored + class_length + 2, id_text, id_length) == 0):
            return (<tuple>entry)[1]
    cdef object class_name = None, element_id = None, concept = None
    if not (_telling_loaded and (class_text is NULL or _tells(<const unsigned char*>class_text) == 0)
            and (id_text is NULL or _tells(<const unsigned char*>id_text) == 0)):
        try:
            if class_text is not NULL:
                class_name = PyUnicode_DecodeUTF8(class_text, class_length, NULL)
            if id_text is not NULL:
                element_id = PyUnicode_DecodeUTF8(id_text, id_length, NULL)
        except UnicodeDecodeError:
            return _NOT_PLAIN
        concept = named_concept(class_name, element_id)
    key = PyBytes_FromStringAndSize(NULL, class_length + id_length + 2)
    stored = key
    stored[0] = <char>present
    memcpy(stored + 1, class_text, class_length)
    stored[class_length + 1] = 0
    memcpy(stored + class_length + 2, id_text, id_length)
    _named_slots[slot] = (key, concept)
    return concept
