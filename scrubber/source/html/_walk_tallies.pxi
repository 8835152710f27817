# Included by _walk.pyx, before _walk_content.pxi: the score walk's table of elements by node,
# which outlives the walk as the text counts selection reads (content.Scores.chars, .links).


cdef struct Tally:
    # a container's score and paragraph points so far and the positive weight of its name
    # (``scored``: it has had points), and a block's text and link text (0 until it closes,
    # and for what is no block with text)
    tree.xmlNode* node
    double score, points, positive
    long chars, links
    bint scored


cdef struct Tallies:
    # The elements scored or measured so far, in the order they came, and an open-addressing
    # table of them by node address, at most half full: slot -> 1 + the tally's position, 0
    # when free. A Python dict by address cost an int object per credit.
    Tally* items
    Py_ssize_t count, capacity
    Py_ssize_t* slots
    size_t mask


cdef inline size_t _slot_of(tree.xmlNode* node, size_t mask):
    return ((<size_t>node >> 4) * <size_t>0x9E3779B97F4A7C15) >> 20 & mask


cdef Py_ssize_t _tally(Tallies* tallies, tree.xmlNode* node) except -1:
    """The position of ``node``'s tally, added if it has none."""
    cdef size_t slot = _slot_of(node, tallies.mask)
    cdef Py_ssize_t position
    while tallies.slots[slot]:
        position = tallies.slots[slot] - 1
        if tallies.items[position].node is node:
            return position
        slot = (slot + 1) & tallies.mask
    if tallies.count == tallies.capacity:
        tallies.items = <Tally*>_doubled(tallies.items, &tallies.capacity, sizeof(Tally))
    position = tallies.count
    tallies.items[position].node = node
    tallies.items[position].chars = tallies.items[position].links = 0
    tallies.items[position].scored = False
    tallies.count += 1
    tallies.slots[slot] = position + 1
    if 2 * <size_t>tallies.count > tallies.mask:
        _grow_slots(tallies)
    return position


cdef Py_ssize_t _found(Tallies* tallies, tree.xmlNode* node):
    """The position of ``node``'s tally, -1 if it has none."""
    cdef size_t slot = _slot_of(node, tallies.mask)
    cdef Py_ssize_t position
    while tallies.slots[slot]:
        position = tallies.slots[slot] - 1
        if tallies.items[position].node is node:
            return position
        slot = (slot + 1) & tallies.mask
    return -1


cdef int _grow_slots(Tallies* tallies) except -1:
    cdef size_t size = 2 * (tallies.mask + 1), slot
    cdef Py_ssize_t* grown = <Py_ssize_t*>calloc(size, sizeof(Py_ssize_t))
    cdef Py_ssize_t position
    if grown is NULL:
        raise MemoryError()
    free(tallies.slots)
    tallies.slots, tallies.mask = grown, size - 1
    for position in range(tallies.count):
        slot = _slot_of(tallies.items[position].node, tallies.mask)
        while grown[slot]:
            slot = (slot + 1) & tallies.mask
        grown[slot] = position + 1
    return 0


@cython.final
@cython.auto_pickle(False)
cdef class TallyTable:
    """The Tallies of one score walk, kept with the tree they point into."""

    cdef Tallies tallies
    cdef _Element body  # keeps the document, and so the nodes, alive

    def __cinit__(self, _Element body):
        self.body = body
        self.tallies.count, self.tallies.capacity, self.tallies.mask = 0, 64, 127
        self.tallies.items = <Tally*>malloc(self.tallies.capacity * sizeof(Tally))
        self.tallies.slots = <Py_ssize_t*>calloc(self.tallies.mask + 1, sizeof(Py_ssize_t))
        if self.tallies.items is NULL or self.tallies.slots is NULL:
            raise MemoryError()

    def __dealloc__(self):
        free(self.tallies.items)
        free(self.tallies.slots)

    def best_inside(self, _Element element, long min_chars):
        """content.Scores.best_inside: (score, element) of the scored element with at least
        ``min_chars`` of text that scores best (above 0, the first in document order among
        equals) in ``element``'s subtree, itself included; (0.0, None) when there is none.
        Each tally's ``score`` is its final score once the walk is over."""
        cdef tree.xmlNode* top = element._c_node
        cdef tree.xmlNode* node = top
        cdef tree.xmlNode* found = NULL
        cdef double best = 0.0
        cdef Py_ssize_t position
        cdef Tally* tally
        while True:
            if node.type == tree.XML_ELEMENT_NODE:
                position = _found(&self.tallies, node)
                if position >= 0:
                    tally = &self.tallies.items[position]
                    if tally.scored and tally.chars >= min_chars and tally.score > best:
                        best, found = tally.score, node
            # the next node in document order: the first child, else the next sibling of the
            # node or of its nearest ancestor with one, below ``top``
            if node.children is not NULL and node.type == tree.XML_ELEMENT_NODE:
                node = node.children
                continue
            while node is not top and node.next is NULL:
                node = node.parent
            if node is top:
                break
            node = node.next
        return best, (None if found is NULL else elementFactory(self.body._doc, found))


@cython.final
@cython.auto_pickle(False)
cdef class TextCounts:
    """The text (``links`` false) or link text of each block element holding text, as a
    read-only mapping of elements: what content.Scores.chars and .links hold (a dict in the
    Python walk), read from a TallyTable without an element object or a dict entry per block."""

    cdef TallyTable table
    cdef bint links

    def __cinit__(self, TallyTable table, bint links):
        self.table, self.links = table, links

    cdef Tally* _of(self, element):
        # NULL for what is no element or holds no text (a dict of elements answers None too)
        cdef Py_ssize_t position
        if not isinstance(element, _Element):
            return NULL
        position = _found(&self.table.tallies, (<_Element>element)._c_node)
        if position < 0 or not self.table.tallies.items[position].chars:
            return NULL
        return &self.table.tallies.items[position]

    def get(self, element, default=None):
        cdef Tally* tally = self._of(element)
        if tally is NULL:
            return default
        return tally.links if self.links else tally.chars

    def __getitem__(self, element):
        cdef Tally* tally = self._of(element)
        if tally is NULL:
            raise KeyError(element)
        return tally.links if self.links else tally.chars

    def __contains__(self, element):
        return self._of(element) is not NULL

    def __len__(self):
        cdef Py_ssize_t position, count = 0
        for position in range(self.table.tallies.count):
            count += self.table.tallies.items[position].chars != 0
        return count

    def items(self):
        """(element, count) pairs; not in the order the blocks closed (the Python walk's)."""
        cdef Tallies* tallies = &self.table.tallies
        cdef Py_ssize_t position
        return [(elementFactory(self.table.body._doc, tallies.items[position].node),
                 tallies.items[position].links if self.links else tallies.items[position].chars)
                for position in range(tallies.count) if tallies.items[position].chars]
