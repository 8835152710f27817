# Included by _walk.pyx, before _walk_blocks.pxi: the text a block collects as the block walk
# reads it, and that text cleaned (normalise.whitespace.clean_line) and cut into lines and
# paragraphs at its <br> marks, as blocks._Writer.write does.


cdef struct Text:
    # the text of the block being read, in UTF-8, and how much of it (in characters) is link
    # text; ``clean`` is room for its cleaned copy
    char* data
    char* clean
    Py_ssize_t length, capacity
    long link_chars


cdef inline bint _invisible(unsigned int point):
    # normalise.whitespace._INVISIBLE: characters that clean_line deletes
    return (point == 0x200B or point == 0x200C or point == 0x200D or point == 0x2060 or point == 0xFEFF
            or point == 0x00AD or point == 0x180E)


# Most of a block's text is printable ASCII with single spaces between words, which clean_line
# leaves as it is: copied 16 bytes at a time where the compiler offers SSE2 (as in
# _walk_nodes.pxi), by the byte loop of _clean_line elsewhere and for all other text.
cdef extern from *:
    """
    #if defined(__SSE2__) || defined(_M_X64) || (defined(_M_IX86_FP) && _M_IX86_FP >= 2)
    #include <emmintrin.h>
    /* Copy to ``out + *written`` the 16-byte blocks at the start of ``text`` that hold only
       printable ASCII and spaces that stand alone (``*space``: a space comes before ``text``;
       the copy writes it, and leaves one pending when a block ends in a space); return how
       many bytes that read (a multiple of 16). ``*written`` must not be 0: a line's leading
       space is dropped, not copied. */
    static inline size_t scrubber_clean_16(const unsigned char* text, size_t length, char* out,
                                           Py_ssize_t* written, int* space) {
        size_t done = 0;
        for (; done + 16 <= length; done += 16) {
            __m128i bytes = _mm_loadu_si128((const __m128i*)(text + done));
            __m128i printable = _mm_and_si128(_mm_cmpgt_epi8(bytes, _mm_set1_epi8(0x1F)),
                                              _mm_cmplt_epi8(bytes, _mm_set1_epi8(0x7F)));
            unsigned int spaces = (unsigned int)_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, _mm_set1_epi8(' ')));
            if (_mm_movemask_epi8(printable) != 0xFFFF || (spaces & ((spaces << 1) | (unsigned int)(*space != 0))))
                break;
            if (*space)
                out[(*written)++] = ' ';
            _mm_storeu_si128((__m128i*)(out + *written), bytes);
            *space = (spaces & 0x8000) != 0;
            *written += *space ? 15 : 16;
        }
        return done;
    }
    #else
    #define scrubber_clean_16(text, length, out, written, space) ((size_t)0)
    #endif
    """
    size_t scrubber_clean_16(const unsigned char* text, size_t length, char* out, Py_ssize_t* written,
                             int* space) noexcept


cdef Py_ssize_t _clean_line(const unsigned char** at, const unsigned char* end, char* out) except -2:
    """normalise.whitespace.clean_line of the line starting at ``at[0]`` and ending at ``end``
    or at a ``<br>`` (U+2029), where ``at[0]`` is left, written to ``out``: invisible characters
    deleted, controls and whitespace between words made one space, none at the ends. Returns
    the length written; -1 when the text is not UTF-8 (Python's decoder raises on it)."""
    cdef const unsigned char* byte = at[0]
    cdef const unsigned char* retry = byte  # where the 16-byte copy may be tried again
    cdef Py_ssize_t written = 0
    cdef int space = False
    cdef unsigned int point
    cdef unsigned char first
    cdef int length
    while byte < end:
        if written and byte >= retry:
            byte += scrubber_clean_16(byte, end - byte, out, &written, &space)
            retry = byte + 16
            if byte == end:
                break
        first = byte[0]
        if <unsigned char>(first - 0x21) < 0x5E:  # ASCII but a space or a control: most bytes, in runs
            if space:
                if written:
                    out[written] = 32
                    written += 1
                space = False
            out[written] = first
            written += 1
            byte += 1
            while byte < end and <unsigned char>(byte[0] - 0x21) < 0x5E:
                out[written] = byte[0]
                written += 1
                byte += 1
            continue
        if first < 0x80:  # ASCII whitespace or a control
            space = True
            byte += 1
            continue
        length = _sequence(byte, end, &point)
        if length == 0:
            return -1
        if point == 0x2029:
            break
        if point <= 0x9F or Py_UNICODE_ISSPACE(<Py_UCS4>point):  # a C1 control or Unicode whitespace
            space = True
        elif not _invisible(point):
            if space and written:
                out[written] = 32
                written += 1
            space = False
            memcpy(out + written, byte, length)
            written += length
        byte += length
    at[0] = byte
    return written


cdef const unsigned char* _paragraph_break(const unsigned char* at, const unsigned char* end):
    """Where blocks._PARAGRAPH_BREAK's match ends when it starts at the ``<br>`` before ``at``:
    after the last U+2029 of the whitespace (regex's \\s: Python's but U+001C-U+001F) that
    follows; NULL when that holds none, and the ``<br>`` is a line break."""
    cdef const unsigned char* last = NULL
    cdef unsigned int point
    cdef int length
    while at < end:
        if at[0] < 0x80:
            if not (at[0] == 32 or 9 <= at[0] <= 13):
                break
            at += 1
            continue
        length = _sequence(at, end, &point)
        if length == 0 or not Py_UNICODE_ISSPACE(<Py_UCS4>point):
            break
        at += length
        if point == 0x2029:
            last = at
    return last


cdef int _add(Text* text, const char* data, Py_ssize_t length, bint in_link) except -1:
    cdef Py_ssize_t capacity
    while text.length + length > text.capacity:
        capacity = text.capacity
        text.clean = <char*>_doubled(text.clean, &capacity, 1)
        text.data = <char*>_doubled(text.data, &text.capacity, 1)
    memcpy(text.data + text.length, data, length)
    if in_link:
        text.link_chars += _characters(data, length)
    text.length += length
    return 0


cdef int _add_run(Text* text, tree.xmlNode* node, bint in_link) except -1:
    """Add the text run starting at ``node`` (an element's text or tail, as lxml joins it)."""
    while _text_like(node):
        if node.content is not NULL:
            _add(text, <const char*>node.content, strlen(<const char*>node.content), in_link)
        node = node.next
    return 0
