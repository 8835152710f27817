# Included by _walk.pyx: what every walk reads of libxml2's nodes (tag codes, attribute
# values, text runs as lxml joins them, UTF-8 sequences) and the growth of C arrays.

cdef enum:
    _SLOTS = 256  # TagCodes' hash table: a power of two, at least twice its tags


# Texts read 16 bytes at a time where the compiler offers SSE2 (every x86-64 one does), in C as
# Cython cannot spell vector instructions; elsewhere these read nothing and the byte loops after
# them do all the work.
cdef extern from *:
    """
    #if defined(__SSE2__) || defined(_M_X64) || (defined(_M_IX86_FP) && _M_IX86_FP >= 2)
    #include <emmintrin.h>
    static inline int scrubber_bits_16(unsigned int mask) {
        mask = mask - ((mask >> 1) & 0x5555);
        mask = (mask & 0x3333) + ((mask >> 2) & 0x3333);
        mask = (mask + (mask >> 4)) & 0x0F0F;
        return (int)((mask + (mask >> 8)) & 0x1F);
    }
    /* Add to ``count`` the bytes of the first 16-byte blocks of ``text`` that are neither
       ASCII whitespace (space, newline, tab, return) nor a continuation byte of a UTF-8
       sequence; return how many bytes that read (a multiple of 16). */
    static inline size_t scrubber_counted_16(const unsigned char* text, size_t length, long* count) {
        size_t done = 0;
        for (; done + 16 <= length; done += 16) {
            __m128i bytes = _mm_loadu_si128((const __m128i*)(text + done));
            __m128i skipped = _mm_or_si128(
                _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8(' ')), _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\\n'))),
                _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('\\t')),
                                          _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\\r'))),
                             _mm_cmplt_epi8(bytes, _mm_set1_epi8((char)0xC0)))); /* signed: 0x80-0xBF */
            *count += 16 - scrubber_bits_16((unsigned int)_mm_movemask_epi8(skipped));
        }
        return done;
    }
    /* Add to ``commas`` the commas of the 16-byte blocks at the start of ``text`` that are all
       ASCII; return how many bytes that read (a multiple of 16). */
    static inline size_t scrubber_ascii_commas_16(const unsigned char* text, size_t length, long* commas) {
        size_t done = 0;
        for (; done + 16 <= length; done += 16) {
            __m128i bytes = _mm_loadu_si128((const __m128i*)(text + done));
            if (_mm_movemask_epi8(bytes)) break;
            *commas += scrubber_bits_16((unsigned int)_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, _mm_set1_epi8(','))));
        }
        return done;
    }
    #else
    #define scrubber_counted_16(text, length, count) ((size_t)0)
    #define scrubber_ascii_commas_16(text, length, commas) ((size_t)0)
    #endif
    """
    size_t scrubber_counted_16(const unsigned char* text, size_t length, long* count) noexcept
    size_t scrubber_ascii_commas_16(const unsigned char* text, size_t length, long* commas) noexcept


cdef Py_ssize_t _characters(const char* data, Py_ssize_t length) noexcept:
    # how long Python finds the (UTF-8) text: every byte but continuation bytes
    cdef Py_ssize_t position, count = 0
    for position in range(length):
        if not 0x80 <= <unsigned char>data[position] < 0xC0:
            count += 1
    return count


# Whether a str holds ASCII only (CPython's flag on the str, read without a call): the text
# walks take their byte loops for such texts.
cdef extern from "Python.h":
    bint PyUnicode_IS_ASCII(object text)


# FNV-1a, the hash of every C table of the walks (tags, names, words): a few instructions a
# byte, and their keys are short. Its start, as a C constant the compiler folds in.
cdef extern from *:
    """
    #define SCRUBBER_FNV_START 2166136261U
    """
    const unsigned int _FNV_START "SCRUBBER_FNV_START"


cdef inline unsigned int _fnv_step(unsigned int hash, unsigned char byte) noexcept:
    return (hash ^ byte) * 16777619U


cdef inline unsigned int _hash_word(const unsigned char* word, size_t length) noexcept:
    cdef unsigned int hash = _FNV_START
    cdef size_t i
    for i in range(length):
        hash = _fnv_step(hash, word[i])
    return hash


cdef inline unsigned int _name_hash(const char* name) noexcept:
    # _hash_word of a NUL-terminated name
    cdef unsigned int hash = _FNV_START
    while name[0]:
        hash = _fnv_step(hash, <unsigned char>name[0])
        name += 1
    return hash


@cython.auto_pickle(False)  # it points into its own bytes
cdef class TagCodes:
    """Tag names -> int codes (none: 0), found by hashing the tag's name: one lookup per
    element instead of a string comparison with each of 60 block tags."""

    cdef const char* names[_SLOTS]
    cdef int codes[_SLOTS]
    cdef list spelled  # the names' bytes, which ``names`` points into

    def __init__(self, dict codes):
        cdef unsigned int slot
        if 2 * len(codes) > _SLOTS:
            raise ValueError(f"at most {_SLOTS // 2} tags")
        self.spelled = []
        for tag, code in codes.items():
            name = tag.encode()
            self.spelled.append(name)
            slot = _name_hash(name) & (_SLOTS - 1)
            while self.names[slot] is not NULL:
                slot = (slot + 1) & (_SLOTS - 1)
            self.names[slot] = name
            self.codes[slot] = code

    cdef inline int code(self, tree.xmlNode* node):
        """The code of an element's tag; 0 for a namespaced tag (its Python name is
        ``{uri}name``, which no table holds)."""
        cdef const char* name = <const char*>node.name
        cdef unsigned int slot = _name_hash(name) & (_SLOTS - 1)
        if node.ns is not NULL:
            return 0
        while self.names[slot] is not NULL:
            if strcmp(self.names[slot], name) == 0:
                return self.codes[slot]
            slot = (slot + 1) & (_SLOTS - 1)
        return 0


cdef inline bint _in(const char* name, tuple names):
    cdef bytes known
    for known in names:
        if name[0] == (<const char*>known)[0] and strcmp(name, known) == 0:  # the first byte settles most
            return True
    return False


cdef inline const char* _plain_value(tree.xmlAttr* attr, bint* plain):
    """The attribute's value as UTF-8 ("" when it has none); NULL, with ``plain`` turned
    false, when it is not one plain text node (lxml's ``get`` joins such values)."""
    cdef tree.xmlNode* text = attr.children
    if text is NULL:
        return b""
    if text.next is not NULL or text.type != tree.XML_TEXT_NODE or text.content is NULL:
        plain[0] = False
        return NULL
    return <const char*>text.content


cdef const char* _attribute(tree.xmlNode* node, const char* name, bint* plain):
    """The value of an element's attribute (no namespace) as _plain_value reads it, NULL when
    it has none."""
    cdef tree.xmlAttr* attr = node.properties
    while attr is not NULL:
        if attr.ns is NULL and strcmp(<const char*>attr.name, name) == 0:
            return _plain_value(attr, plain)
        attr = attr.next
    return NULL


cdef inline tree.xmlNode* _first_element(tree.xmlNode* node):
    # the first tag among ``node`` and its next siblings (comments and texts hold no tags)
    while node is not NULL and node.type != tree.XML_ELEMENT_NODE:
        node = node.next
    return node


# What _value returns for an attribute that is not one plain text node (lxml's ``get`` joins
# such values; the Python walk judges the element instead).
cdef object _NOT_PLAIN = object()


cdef object _value(tree.xmlAttr* attr):
    """The attribute's value as lxml's ``get`` gives it, or _NOT_PLAIN."""
    cdef bint plain = True
    cdef const char* value = _plain_value(attr, &plain)
    if not plain:
        return _NOT_PLAIN
    try:
        return PyUnicode_DecodeUTF8(value, strlen(value), NULL)
    except UnicodeDecodeError:
        return _NOT_PLAIN


cdef int _link_state(tree.xmlNode* node):
    """blocks.is_link of an anchor where its href decides alone: 1 (leads somewhere, an empty
    href too), 0 (no href, or a ``javascript:`` handler), -1 (starting with a space or a
    non-ASCII character, or not one plain text: ask is_link)."""
    cdef bint plain = True
    cdef const unsigned char* value = <const unsigned char*>_attribute(node, b"href", &plain)
    if not plain:
        return -1
    if value is NULL:
        return 0
    if value[0] == 0:  # an href without a value too: lxml reads it as ""
        return 1
    if value[0] >= 0x80 or _ascii_space(value[0]):
        return -1
    if value[0] == 106 or value[0] == 74:  # j, J
        return _not_javascript(value)
    return 1


cdef int _not_javascript(const unsigned char* href):
    """_link_state of an href starting with a j: 0 when it starts with "javascript:" in any
    case, else 1; -1 when a non-ASCII character comes before that is settled (Python folds
    its case). Many pages' anchors are such handlers."""
    cdef const char* handler = b"javascript:"
    cdef unsigned char byte
    cdef int position
    for position in range(11):
        byte = href[position]
        if byte == 0:
            return 1
        if byte >= 0x80:
            return -1
        if 65 <= byte <= 90:  # A-Z: casefold is lower in ASCII
            byte += 32
        if byte != <unsigned char>handler[position]:
            return 1
    return 0


cdef inline bint _is_link(tree.xmlNode* node, _Element top, is_link) except -1:
    cdef int state = _link_state(node)
    if state < 0:
        return bool(is_link(elementFactory(top._doc, node)))
    return state


# str.isspace of an ASCII character (tab to return, the separators 0x1C-0x1F, space). Of UTF-8
# text only these bytes are tested: any text starting or ending with a byte of 0x80 or more is
# stripped by Python itself.
cdef inline bint _ascii_space(unsigned char byte):
    return byte == 32 or 9 <= byte <= 13 or 28 <= byte <= 31


cdef inline bint _text_like(tree.xmlNode* node):
    return node is not NULL and (node.type == tree.XML_TEXT_NODE or node.type == tree.XML_CDATA_SECTION_NODE)


cdef inline bint _element_like(tree.xmlNode* node):
    # lxml's elements: tags, comments, processing instructions and entity references
    return (node.type == tree.XML_ELEMENT_NODE or node.type == tree.XML_COMMENT_NODE
            or node.type == tree.XML_PI_NODE or node.type == tree.XML_ENTITY_REF_NODE)


cdef tree.xmlNode* _next_element(tree.xmlNode* node):
    while node is not NULL and not _element_like(node):
        node = node.next
    return node


cdef int _not_utf8(tree.xmlNode* text) except -1:
    # raise as lxml would on reading the text (libxml2 only stores UTF-8: never seen)
    PyUnicode_DecodeUTF8(<const char*>text.content, strlen(<const char*>text.content), NULL)
    raise UnicodeDecodeError("utf-8", b"", 0, 1, "invalid UTF-8 in a text node")


cdef void* _doubled(void* items, Py_ssize_t* capacity, size_t size) except NULL:
    """``items`` (``capacity`` of ``size`` bytes each) moved to twice the room; ``capacity``
    follows. On failure ``items`` is left as it was, for its owner to free."""
    cdef void* grown = realloc(items, 2 * capacity[0] * size)
    if grown is NULL:
        raise MemoryError()
    capacity[0] *= 2
    return grown


cdef inline int _sequence(const unsigned char* byte, const unsigned char* end, unsigned int* point):
    """The length of the UTF-8 sequence at ``byte`` (not ASCII) with its code point in ``point``,
    or 0 when it is not well-formed UTF-8 (as Python's strict decoder judges it)."""
    cdef int length, position
    cdef unsigned char low = 0x80, high = 0xBF
    if 0xC2 <= byte[0] <= 0xDF:
        length, point[0] = 2, byte[0] & 0x1F
    elif 0xE0 <= byte[0] <= 0xEF:
        length, point[0] = 3, byte[0] & 0x0F
        if byte[0] == 0xE0:
            low = 0xA0
        elif byte[0] == 0xED:  # no surrogates
            high = 0x9F
    elif 0xF0 <= byte[0] <= 0xF4:
        length, point[0] = 4, byte[0] & 0x07
        if byte[0] == 0xF0:
            low = 0x90
        elif byte[0] == 0xF4:
            high = 0x8F
    else:
        return 0
    if end - byte < length or not low <= byte[1] <= high:
        return 0
    for position in range(1, length):
        if not 0x80 <= byte[position] <= 0xBF:
            return 0
        point[0] = (point[0] << 6) | (byte[position] & 0x3F)
    return length
