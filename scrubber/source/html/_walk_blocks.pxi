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
    """blocks.py's tag sets and kinds as one code per tag (see the enum above)."""

    cdef TagCodes codes
    cdef readonly tuple kinds
    cdef int paragraph, heading
    cdef bint inherited[32]

    def __init__(self, block_tags, dict kinds, inherited, blocky, layout):
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


cdef Py_ssize_t _clean_line(Text* text, Py_ssize_t* chars) except -2:
    """normalise.whitespace.clean_line of the text, written to ``text.clean``: invisible
    characters deleted, controls and whitespace between words made one space, none at the
    ends. ``chars`` gets the length of the text in characters. -1 when the text holds a ``<br>``
    (the Python writer splits it into lines) or is not UTF-8 (Python's decoder raises on it)."""
    cdef const unsigned char* byte = <const unsigned char*>text.data
    cdef const unsigned char* end = byte + text.length
    cdef Py_ssize_t written = 0, count = 0
    cdef bint space = False
    cdef unsigned int point
    cdef int length
    while byte < end:
        count += 1
        if byte[0] < 0x80:
            if byte[0] <= 0x20 or byte[0] == 0x7F:  # whitespace or a control
                space = True
            else:
                if space and written:
                    text.clean[written] = 32
                    written += 1
                space = False
                text.clean[written] = byte[0]
                written += 1
            byte += 1
            continue
        length = _sequence(byte, end, &point)
        if length == 0 or point == 0x2029:
            return -1
        if point <= 0x9F or Py_UNICODE_ISSPACE(<Py_UCS4>point):  # a C1 control or Unicode whitespace
            space = True
        elif not _invisible(point):
            if space and written:
                text.clean[written] = 32
                written += 1
            space = False
            memcpy(text.clean + written, byte, length)
            written += length
        byte += length
    chars[0] = count
    return written


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


cdef int _flush(Text* text, Block* block, writer, emit, BlockTags tags, _Element top) except -1:
    """Write out the text read so far as blocks of ``block`` and start a new text. The layout
    whitespace between blocks is dropped here, and text without a ``<br>`` is cleaned here and
    handed to ``emit`` (``writer.emit``, looked up once a walk); ``writer.write`` does the rest
    as for the Python walk."""
    cdef Py_ssize_t position, chars, length
    cdef long link_chars = text.link_chars
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
    length = _clean_line(text, &chars)
    if length < 0:
        writer.write(PyUnicode_DecodeUTF8(text.data, text.length, NULL), link_chars, element, kind, level)
    elif length:  # _Writer.write's link density, its min(1.0, ...) included
        emit(PyUnicode_DecodeUTF8(text.clean, length, NULL), kind, element,
                    min(1.0, <double>link_chars / <double>chars), level)
    text.length = 0
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
    """blocks._Writer's walk over each of ``containers`` and the last flush: call
    ``writer.write(text, link_chars, element, kind, level)`` for each block's text and
    ``writer.special(element, tag)`` for each ``<pre>`` and data row, exactly where the Python
    walk does, so that the writer makes the same blocks. Only those calls make Python objects."""
    cdef _Element top
    cdef tree.xmlNode* node
    cdef tree.xmlNode* child
    cdef Block* blocks = <Block*>malloc(64 * sizeof(Block))
    cdef Py_ssize_t depth = 0, capacity = 64
    cdef Text text
    cdef int code = 0, links_open
    emit = writer.emit
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
                        _flush(&text, &blocks[depth - 1] if depth else NULL, writer, emit, tags, top)
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
                                _flush(&text, &blocks[depth - 1], writer, emit, tags, top)
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
        _flush(&text, NULL, writer, emit, tags, None)
    finally:
        free(blocks)
        free(text.data)
        free(text.clean)
