# Included by _walk.pyx: the compiled twin of blocks_of's walk (tree -> blocks).

# What BlockTags codes say about a tag (blocks.py's sets); the kind's number is in the bits above.
cdef enum:
    _BLOCK = 1 << 0      # blocks.BLOCK_TAGS: starts and ends a block
    _PRE = 1 << 1        # read whole, line breaks kept
    _ROW = 1 << 2        # a table row: read whole when it is a data row
    _BREAK = 1 << 3      # <br>
    _ANCHOR = 1 << 4     # <a>: its text is link text when it leads somewhere
    _BLOCKY = 1 << 5     # blocks._BLOCKY: a block inside a table cell
    _LAYOUT = 1 << 6     # blocks._LAYOUT: never inside a data cell
    _KIND_SHIFT = 8      # blocks.KINDS: the kind's position in BlockTags.kinds, plus one
    _LEVEL_SHIFT = 16    # a heading tag's level


# U+2029, blocks._BREAK in UTF-8: what a <br> adds to the text being collected
cdef const char* _BREAK_UTF8 = b"\xe2\x80\xa9"


cdef class BlockTags:
    """blocks.py's tag sets and kinds as one code per tag (see the enum above), the marks a
    heading's text loses at its end (as UTF-8) and the type of the blocks written."""

    cdef TagCodes codes
    cdef readonly tuple kinds
    cdef int paragraph, heading
    cdef bint inherited[32]
    cdef tuple marks
    cdef object block_type

    def __init__(self, block_tags, dict kinds, inherited, blocky, layout, str heading_marks, block_type):
        self.kinds = tuple(sorted(set(kinds.values())))
        if len(self.kinds) >= 32:
            raise ValueError("at most 31 kinds")
        self.paragraph, self.heading = self.kinds.index("paragraph"), self.kinds.index("heading")
        for position, kind in enumerate(self.kinds):
            self.inherited[position] = kind in inherited
        codes = {}
        for tag in set(block_tags) | {"pre", "tr", "br", "a"} | set(blocky) | set(layout) | set(kinds):
            code = ((_BLOCK if tag in block_tags else 0) | (_PRE if tag == "pre" else 0)
                    | (_ROW if tag == "tr" else 0) | (_BREAK if tag == "br" else 0)
                    | (_ANCHOR if tag == "a" else 0) | (_BLOCKY if tag in blocky else 0)
                    | (_LAYOUT if tag in layout else 0))
            if tag in kinds:
                code |= (self.kinds.index(kinds[tag]) + 1) << _KIND_SHIFT
                if kinds[tag] == "heading":
                    code |= int(tag[1]) << _LEVEL_SHIFT  # h1 .. h6
            codes[tag] = code
        self.codes = TagCodes(codes)
        self.marks = tuple(mark.encode() for mark in heading_marks)
        self.block_type = block_type

    cdef inline int code(self, tree.xmlNode* node):
        return self.codes.code(node)


cdef bint _simple_row(tree.xmlNode* row, BlockTags tags):
    """blocks._simple_row: each cell holds at most one block, and no layout block."""
    cdef tree.xmlNode* cell = row.children
    cdef tree.xmlNode* node
    cdef int blocks, code
    while cell is not NULL:
        if cell.type == tree.XML_ELEMENT_NODE:
            blocks = 0
            node = cell.children
            while node is not NULL and node is not cell:
                if node.type == tree.XML_ELEMENT_NODE:
                    code = tags.code(node)
                    if code & _BLOCKY:
                        blocks += 1
                        if blocks > 1 or code & _LAYOUT:
                            return False
                    if node.children is not NULL:
                        node = node.children
                        continue
                while node is not cell and node.next is NULL:
                    node = node.parent
                if node is cell:
                    break
                node = node.next
        cell = cell.next
    return True


cdef struct Block:
    tree.xmlNode* node
    int kind, level  # level 0: not a heading


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


cdef Py_ssize_t _characters(const char* data, Py_ssize_t length):
    # how long Python finds the (UTF-8) text: every byte but continuation bytes
    cdef Py_ssize_t position, count = 0
    for position in range(length):
        if not 0x80 <= <unsigned char>data[position] < 0xC0:
            count += 1
    return count


cdef int _add(Text* text, const char* data, Py_ssize_t length, bint in_link) except -1:
    cdef Py_ssize_t position
    cdef Py_ssize_t capacity
    while text.length + length > text.capacity:
        capacity = text.capacity
        text.clean = <char*>_doubled(text.clean, &capacity, 1)
        text.data = <char*>_doubled(text.data, &text.capacity, 1)
    memcpy(text.data + text.length, data, length)
    if in_link:  # characters, as Python counts them: every byte but UTF-8's continuation bytes
        for position in range(text.length, text.length + length):
            if not 0x80 <= <unsigned char>text.data[position] < 0xC0:
                text.link_chars += 1
    text.length += length
    return 0


cdef int _add_run(Text* text, tree.xmlNode* node, bint in_link) except -1:
    """Add the text run starting at ``node`` (an element's text or tail, as lxml joins it)."""
    while _text_like(node):
        if node.content is not NULL:
            _add(text, <const char*>node.content, strlen(<const char*>node.content), in_link)
        node = node.next
    return 0


cdef int _flush(Text* text, Block* block, writer, list made, list origins, BlockTags tags, _Element top) except -1:
    """Write out the text read so far as blocks of ``block`` and start a new text, as
    blocks._Writer.write writes it: the layout whitespace between blocks dropped, each line
    (``<br>``) cleaned, the lines of each paragraph (``<br><br>``) joined by newlines into a
    block. Only a text that is not UTF-8 goes to ``writer.write`` (whose decoding raises)."""
    cdef Py_ssize_t position, written = 0, piece = 0, length
    cdef long link_chars = text.link_chars
    cdef const unsigned char* at = <const unsigned char*>text.data
    cdef const unsigned char* end = at + text.length
    cdef const unsigned char* after
    cdef bint gap
    cdef double density = 0.0
    if text.length == 0:
        return 0
    text.link_chars = 0
    for position in range(text.length):
        if not _ascii_space(<unsigned char>text.data[position]):
            break
    else:  # only ASCII spaces: Python's isspace would say so too
        text.length = 0
        return 0
    if block is NULL:
        element, kind, level = None, tags.kinds[tags.paragraph], None
    else:
        element, kind = elementFactory(top._doc, block.node), tags.kinds[block.kind]
        level = block.level or None
    # the paragraphs go to text.clean one after another, each ended by a NUL (no text holds one)
    while True:
        gap = written > piece  # a newline between the lines of a paragraph
        length = _clean_line(&at, end, text.clean + written + gap)
        if length < 0:
            writer.write(PyUnicode_DecodeUTF8(text.data, text.length, NULL), link_chars, element, kind, level)
            text.length = 0
            return 0
        if length:
            if gap:
                text.clean[written] = 10
            written += gap + length
        if at == end:
            break
        at += 3  # the <br>
        after = _paragraph_break(at, end)
        if after is not NULL:
            text.clean[written] = 0
            written += 1
            piece = written
            at = after
    if link_chars:  # _Writer.write's link density, its min(1.0, ...) included
        density = min(1.0, <double>link_chars / <double>_characters(text.data, text.length))
    if piece == 0:  # no <br><br>: one paragraph, as most texts are
        _emit(text.clean, written, kind, element, density, level, tags, made, origins)
    else:
        position = 0
        while True:
            piece = position
            while piece < written and text.clean[piece] != 0:
                piece += 1
            _emit(text.clean + position, piece - position, kind, element, density, level, tags, made, origins)
            if piece == written:
                break
            position = piece + 1
    text.length = 0
    return 0


cdef inline bint _ends_with(const char* data, Py_ssize_t length, const char* end, Py_ssize_t size):
    # a mark is a whole character in UTF-8: matching its bytes at the end is matching it
    cdef Py_ssize_t position
    for position in range(size):
        if data[length - size + position] != end[position]:
            return False
    return True


cdef int _emit(const char* data, Py_ssize_t length, kind, element, double density, level, BlockTags tags,
               list made, list origins) except -1:
    """blocks._Writer.emit of the cleaned text: a heading loses its permalink marks, and an
    empty text makes no block."""
    cdef bytes mark
    cdef Py_ssize_t size
    cdef bint stripped = True
    if kind is tags.kinds[tags.heading]:
        while stripped and length:
            stripped = False
            for mark in tags.marks:
                size = len(mark)
                if size <= length and _ends_with(data, length, mark, size):
                    length -= size
                    stripped = True
    if length == 0:
        return 0
    # text, kind, index, line, level, link_density, as _Writer.emit passes them
    made.append(tags.block_type(PyUnicode_DecodeUTF8(data, length, NULL), kind, len(made), None, level, density))
    origins.append(element)
    return 0


cdef int _open(Block** blocks, Py_ssize_t* depth, Py_ssize_t* capacity, tree.xmlNode* node, int code,
               BlockTags tags) except -1:
    """Push a block element with its kind and heading level, as the Python walk's stack does:
    a tag of blocks.KINDS has its own kind, other blocks take their parent's, and a paragraph
    inside a quote or list item is still the quote or list item."""
    cdef Block* parent
    cdef int own = (code >> _KIND_SHIFT) & 0xFF
    cdef int kind
    if depth[0] == capacity[0]:
        blocks[0] = <Block*>_doubled(blocks[0], capacity, sizeof(Block))
    parent = &blocks[0][depth[0] - 1] if depth[0] else NULL
    kind = own - 1 if own else (parent.kind if parent is not NULL else tags.paragraph)
    if parent is not NULL and tags.inherited[parent.kind] and kind == tags.paragraph:
        kind = parent.kind
    block = &blocks[0][depth[0]]
    block.node = node
    block.kind = kind
    if kind != tags.heading:
        block.level = 0
    elif own:
        block.level = code >> _LEVEL_SHIFT
    else:
        block.level = parent.level if parent is not NULL else 0
    depth[0] += 1
    return 0


def block_walk(containers, writer, BlockTags tags, is_link):
    """blocks._Writer's walk over each of ``containers`` and the last flush: add to
    ``writer.blocks`` and ``writer.origins`` the blocks of each block's text as the writer
    would write them, and call ``writer.special(element, tag)`` for each ``<pre>`` and data
    row, exactly where the Python walk does. Only the blocks written make Python objects."""
    cdef _Element top
    cdef tree.xmlNode* node
    cdef tree.xmlNode* child
    cdef Block* blocks = <Block*>malloc(64 * sizeof(Block))
    cdef Py_ssize_t depth = 0, capacity = 64
    cdef Text text
    cdef int code = 0, links_open
    cdef list made = writer.blocks, origins = writer.origins
    text.data, text.clean = <char*>malloc(256), <char*>malloc(256)
    text.length, text.capacity, text.link_chars = 0, 256, 0
    if blocks is NULL or text.data is NULL or text.clean is NULL:
        free(blocks)
        free(text.data)
        free(text.clean)
        raise MemoryError()
    try:
        for top in containers:
            node = top._c_node
            links_open = 0
            while node is not NULL:
                # start: a block flushes the text before it and opens; an anchor may open a link
                child = NULL
                if node.type != tree.XML_ELEMENT_NODE:  # a comment or PI: only its tail is text
                    _add_run(&text, node.next, links_open)
                else:
                    code = tags.code(node)
                    if code & _BLOCK:
                        _flush(&text, &blocks[depth - 1] if depth else NULL, writer, made, origins, tags, top)
                        if code & _PRE or (code & _ROW and _simple_row(node, tags)):
                            writer.special(elementFactory(top._doc, node), "pre" if code & _PRE else "tr")
                            code = 0  # read whole: its end neither flushes nor closes a block
                        else:
                            _open(&blocks, &depth, &capacity, node, code, tags)
                            _add_run(&text, node.children, links_open)
                            child = _next_element(node.children)
                    elif code & _BREAK:
                        _add(&text, _BREAK_UTF8, 3, links_open)
                        child = _next_element(node.children)
                    else:
                        if code & _ANCHOR and _is_link(node, top, is_link):
                            links_open += 1
                        _add_run(&text, node.children, links_open)
                        child = _next_element(node.children)
                if child is not NULL:
                    node = child
                    continue
                # end: close the element, and each ancestor whose last child it is
                while True:
                    if node.type == tree.XML_ELEMENT_NODE:
                        if code & _BLOCK:
                            if depth and blocks[depth - 1].node is node:
                                _flush(&text, &blocks[depth - 1], writer, made, origins, tags, top)
                                depth -= 1
                        elif code & _ANCHOR and links_open and _is_link(node, top, is_link):
                            links_open -= 1
                        _add_run(&text, node.next, links_open)
                    if node is top._c_node:
                        node = NULL
                        break
                    child = _next_element(node.next)
                    if child is not NULL:
                        node = child
                        break
                    node = node.parent
                    code = tags.code(node)
        _flush(&text, NULL, writer, made, origins, tags, None)
    finally:
        free(blocks)
        free(text.data)
        free(text.clean)
