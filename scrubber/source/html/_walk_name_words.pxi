# Included by _walk_names.pxi: the words of a class or id split in C as names.name_words splits
# them, looked up among the words that can make a name name chrome, so that most names need no
# Python call.

# The words that can make a name name chrome, with their kinds (names.word_kinds, in UTF-8):
# a name with no SIGNAL word and no FIRST_PART word that another (or the same) SECOND_PART
# word completes into a COMPOUND names no concept. Most names of a page seen for the first
# time are such names ("col-md-6", "sc-bdVaJa"); splitting them here spares a Python split and
# look-up (~20K instructions). An open-addressing set of the words, at most half full, that
# points into the bytes of the word_kinds tuple (_names_owner keeps it).
cdef enum:
    _SIGNAL = 1  # the bits of names.word_kinds
    _FIRST_PART = 2
    _SECOND_PART = 4
    _COMPOUND = 8
    _RESHAPING = 16  # prune._word_kinds adds: a guard word or one of names.RESHAPING_WORDS
    _HEADING_ANCHOR_WORDS = 4  # prune.HEADING_ANCHOR_WORDS
    _WORD_SLOTS = 4096  # a power of two
    _LONGEST_WORD = 64
    _MOST_WORDS = 64  # of a class and id pair; a pair with more goes to named_concept
    _WORD_BYTES = 1024


cdef struct _WordTable:
    const char* texts[_WORD_SLOTS]  # NULL: a free slot
    size_t lengths[_WORD_SLOTS]
    unsigned char kinds[_WORD_SLOTS]
    bint loaded


cdef _WordTable _chrome_words  # prune._word_kinds
# The concept (a str) each word of _chrome_words names, by slot: NULL for none. The word kinds
# tuple that _names_owner keeps holds them.
cdef PyObject* _chrome_concepts[_WORD_SLOTS]

# The named_concept and word kinds both tables were made for: others empty them.
cdef object _names_owner = None


cdef inline unsigned int _hash_bytes(unsigned int hash, const unsigned char* text, size_t* length):
    # FNV-1a over ``text``, which it measures on the way
    cdef const unsigned char* start = text
    while text[0]:
        hash = _fnv_step(hash, text[0])
        text += 1
    length[0] = text - start
    return hash


cdef void _own_names(named_concept, tuple word_kinds):
    """Empty both tables unless they were made for this named_concept and these word kinds
    (pairs of a word and its kind bits)."""
    global _names_owner
    if _names_owner is not None and _names_owner[0] is named_concept and _names_owner[1] is word_kinds:
        return
    _names_owner = (named_concept, word_kinds)
    _named_slots[:] = [None] * _NAME_SLOTS
    _load_words(&_chrome_words, word_kinds)
    memset(_chrome_concepts, 0, sizeof(_chrome_concepts))
    if not _chrome_words.loaded:
        return
    cdef bytes word
    for entry in word_kinds:
        if len(entry) > 2 and entry[2] is not None:
            word = entry[0]
            _chrome_concepts[_word_slot(&_chrome_words, word, len(word))] = <PyObject*>entry[2]


cdef void _load_words(_WordTable* table, tuple word_kinds):
    """Fill ``table`` with these pairs of a word (bytes, which the caller keeps alive) and its
    kind bits; it stays unloaded (every name goes to Python) when they do not fit."""
    memset(table.texts, 0, sizeof(table.texts))
    table.loaded = False
    if 2 * len(word_kinds) > _WORD_SLOTS:
        return
    cdef bytes word
    cdef size_t slot
    for entry in word_kinds:  # pairs, or triples whose third item _own_names reads
        word, kind = entry[0], entry[1]
        if len(word) > _LONGEST_WORD:
            return
        slot = _hash_word(word, len(word)) & (_WORD_SLOTS - 1)
        while table.texts[slot] is not NULL:
            slot = (slot + 1) & (_WORD_SLOTS - 1)
        table.texts[slot] = word
        table.lengths[slot] = len(word)
        table.kinds[slot] = kind
    table.loaded = True


cdef unsigned char _kind_in(_WordTable* table, const unsigned char* word, size_t length):
    """The kind bits of a lower-case word, 0 for a word of none."""
    cdef int slot = _word_slot(table, word, length)
    return table.kinds[slot] if slot >= 0 else 0


cdef int _word_slot(_WordTable* table, const unsigned char* word, size_t length):
    """The slot of a lower-case word in ``table``, -1 for a word it does not hold."""
    cdef size_t slot = _hash_word(word, length) & (_WORD_SLOTS - 1)
    while table.texts[slot] is not NULL:
        if table.lengths[slot] == length and memcmp(table.texts[slot], word, length) == 0:
            return slot
        slot = (slot + 1) & (_WORD_SLOTS - 1)
    return -1


cdef inline unsigned char _kind(const unsigned char* word, size_t length):
    return _kind_in(&_chrome_words, word, length)


cdef struct _Words:
    unsigned char text[_WORD_BYTES]  # the words, lower-cased, one after another
    size_t start[_MOST_WORDS]
    size_t length[_MOST_WORDS]
    size_t count
    size_t used


cdef inline bint _lower(unsigned char c):
    return 97 <= c <= 122


cdef inline bint _upper(unsigned char c):
    return 65 <= c <= 90


cdef inline bint _digit(unsigned char c):
    return 48 <= c <= 57


cdef bint _add_word(_Words* words, const unsigned char* text, size_t length):
    # false when ``words`` has no room left
    cdef size_t i
    if words.count == _MOST_WORDS or words.used + length > _WORD_BYTES:
        return False
    words.start[words.count] = words.used
    words.length[words.count] = length
    for i in range(length):
        words.text[words.used + i] = text[i] + 32 if _upper(text[i]) else text[i]
    words.used += length
    words.count += 1
    return True


cdef bint _split(const unsigned char* text, _Words* words):
    """Add the words of the class or id value ``text`` to ``words``, as names.name_words
    splits them: runs of digits, of lower-case letters after at most one capital, and of
    capitals not followed by a lower-case letter (the pattern of names._WORDS); anything else
    parts them. False for a value that is not ASCII, or when ``words`` runs out of room."""
    cdef size_t i = 0, end
    cdef unsigned char c
    while text[i]:
        c = text[i]
        end = i + 1
        if c >= 0x80:
            return False
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
                if end - i > 1 and not _add_word(words, text + i, end - 1 - i):
                    return False
                i = end - 1
                while _lower(text[end]):
                    end += 1
        else:
            i = end
            continue
        if not _add_word(words, text + i, end - i):
            return False
        i = end
    return True


cdef bint _split_pair(const char* class_text, const char* id_text, _Words* words, size_t* class_words):
    """The words of a class and id (NULL: none), those of the class first (``class_words`` of
    them); false for what _split cannot split."""
    words.count = words.used = 0
    if class_text is not NULL and not _split(<const unsigned char*>class_text, words):
        return False
    class_words[0] = words.count
    return id_text is NULL or _split(<const unsigned char*>id_text, words)


cdef bint _may_name(_Words* words):
    """Whether names._may_name_chrome could hold for the words of a class and id (all of
    them: _named_concept drops some, never adds one)."""
    cdef unsigned char joined[_LONGEST_WORD]
    cdef unsigned char kinds[_MOST_WORDS]
    cdef size_t i, j, first_length, length
    cdef bint firsts = False
    for i in range(words.count):
        kinds[i] = _kind(words.text + words.start[i], words.length[i]) if words.length[i] <= _LONGEST_WORD else 0
        if kinds[i] & _SIGNAL:
            return True
        firsts = firsts or kinds[i] & _FIRST_PART
    if not firsts:
        return False
    # a first part and any second part of the name (itself too) that make a compound token
    for i in range(words.count):
        if not kinds[i] & _FIRST_PART:
            continue
        first_length = words.length[i]
        memcpy(joined, words.text + words.start[i], first_length)
        for j in range(words.count):
            length = first_length + words.length[j]
            if kinds[j] & _SECOND_PART and length <= _LONGEST_WORD:
                memcpy(joined + first_length, words.text + words.start[j], words.length[j])
                if _kind(joined, length) & _COMPOUND:
                    return True
    return False


cdef bint _settled(_Words* words, size_t class_words, PyObject** concept):
    """Whether the words alone settle prune._named_concept of a class and id (``words``, the
    first ``class_words`` of them the class's; the id's may be dropped), which is then put in
    ``concept`` (NULL: None): no word reshapes the name (names._naming) or guards content, and the
    first word that names a concept names it; with no such word, none that could join a
    compound or be a picture's makes it None. Else Python answers."""
    cdef size_t i
    cdef int slot
    cdef unsigned char kind, kinds = 0
    cdef PyObject* named = NULL
    if words.count - class_words >= _HEADING_ANCHOR_WORDS:  # an anchor made from a heading (prune._id_words)
        words.count = class_words
    for i in range(words.count):
        if words.length[i] > _LONGEST_WORD:
            continue
        slot = _word_slot(&_chrome_words, words.text + words.start[i], words.length[i])
        if slot < 0:
            continue
        kind = _chrome_words.kinds[slot]
        if kind & _RESHAPING:
            return False
        kinds |= kind
        if named is NULL:
            named = _chrome_concepts[slot]
    concept[0] = named
    # without a concept word, a picture word or a part of a compound leaves it to Python
    return named is not NULL or not kinds & (_SIGNAL | _FIRST_PART)


cdef bint _holds_a_word(const char* class_text, const char* id_text, _WordTable* table):
    """Whether a word of this class or id is in ``table``; true for what _split cannot split."""
    cdef _Words words
    cdef size_t i, class_words
    if not _split_pair(class_text, id_text, &words, &class_words):
        return True
    for i in range(words.count):
        if words.length[i] <= _LONGEST_WORD and _kind_in(table, words.text + words.start[i], words.length[i]):
            return True
    return False


def ascii_name_words(str name):
    """names.name_words of an ASCII ``name``, split as _split splits it; None for a name it
    cannot split (one with a NUL, or more words than _Words holds): names.py splits those."""
    cdef Py_ssize_t size
    cdef const char* text = PyUnicode_AsUTF8AndSize(name, &size)
    cdef _Words words
    cdef size_t i
    words.count = words.used = 0
    if <size_t>size != strlen(text) or not _split(<const unsigned char*>text, &words):
        return None
    return [PyUnicode_DecodeASCII(<const char*>words.text + words.start[i], words.length[i], NULL)
            for i in range(words.count)]
