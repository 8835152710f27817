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
                # a mark is a whole character in UTF-8: matching its bytes at the end is matching it
                if size <= length and memcmp(data + length - size, <const char*>mark, size) == 0:
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
