# Included by _walk.pyx: prune's removals done in C (unlinking chrome, putting it back for the
# retry without class and id names, stripping scripts and styles).


def remove_all(list elements):
    """``parse.remove`` of each element (none inside another): unlinked from its parent, the
    text after it left where it was. That text is then a text node of its own beside the text
    before the element, which lxml (``.text``, ``.tail``, serialising) and these walks read as
    one run with it: the Python ``remove`` joins the two strings instead, at the cost of a few
    Python objects and calls for each of the hundreds of elements a page loses. The element
    keeps its subtree, as lxml's ``remove`` leaves it, and lxml frees both with its last
    Python reference. Returns where each element stood, for ``restore_all``."""
    cdef _Element element
    cdef tree.xmlNode* node
    cdef tree.xmlNode* parent
    cdef Py_ssize_t i = 0
    places = bytearray(3 * sizeof(void*) * len(elements))
    cdef tree.xmlNode** place = <tree.xmlNode**><char*>places
    for element in elements:
        node = element._c_node
        parent = node.parent
        if parent is not NULL and parent.type == tree.XML_ELEMENT_NODE:  # else the root: getparent() is None
            place[i], place[i + 1], place[i + 2] = parent, node.prev, node.next
            _unlink(node)
        i += 3
    return bytes(places)


def restore_all(list elements, bytes places):
    """Undo ``remove_all(elements)``, which returned ``places``: each element back where it
    stood, the last removed first. Only while nothing else has changed the tree."""
    cdef _Element element
    cdef tree.xmlNode* node
    cdef tree.xmlNode* parent
    cdef const tree.xmlNode* const* place = <const tree.xmlNode* const*><const char*>places
    cdef Py_ssize_t i
    if len(places) != 3 * sizeof(void*) * len(elements):
        raise ValueError("places of other elements")
    for i in range(len(elements) - 1, -1, -1):
        element = elements[i]
        node, parent = element._c_node, <tree.xmlNode*>place[3 * i]
        if parent is NULL:
            continue
        node.parent, node.prev, node.next = parent, <tree.xmlNode*>place[3 * i + 1], <tree.xmlNode*>place[3 * i + 2]
        if node.prev is NULL:
            parent.children = node
        else:
            node.prev.next = node
        if node.next is NULL:
            parent.last = node
        else:
            node.next.prev = node


def strip(_Element top, TagCodes tags):
    """``etree.strip_elements(top, *tags, with_tail=False)`` (the tags as ``tags`` codes them,
    nonzero): take the elements below ``top`` with these tags out, with what is inside them,
    leaving the text after each where it was. One hash look-up per element where lxml
    compares its tag with each of the tags. The elements taken out hang under the first of
    them that Python holds no element of, and are freed with it when this returns."""
    cdef tree.xmlNode* stop = top._c_node
    cdef tree.xmlNode* node = stop.children
    cdef tree.xmlNode* gone
    cdef tree.xmlNode* grave = NULL
    while node is not NULL and node is not stop:
        if node.type == tree.XML_ELEMENT_NODE and tags.code(node):
            gone = node
            while node is not stop and node.next is NULL:
                node = node.parent
            node = NULL if node is stop else node.next
            _unlink(gone)
            if gone._private is NULL:  # no Python element: lxml would free it now
                if grave is NULL:
                    grave = gone
                else:
                    gone.parent = grave
                    gone.prev = grave.last
                    if grave.last is NULL:
                        grave.children = gone
                    else:
                        grave.last.next = gone
                    grave.last = gone
            continue
        if node.type == tree.XML_ELEMENT_NODE and node.children is not NULL:
            node = node.children
            continue
        while node is not stop and node.next is NULL:
            node = node.parent
        if node is stop:
            break
        node = node.next
    if grave is not NULL:
        elementFactory(top._doc, grave)  # its only reference: lxml frees the subtree as it goes


cdef inline void _unlink(tree.xmlNode* node):
    # xmlUnlinkNode for an element (this module calls no libxml2 function)
    cdef tree.xmlNode* parent = node.parent
    if node.prev is NULL:
        parent.children = node.next
    else:
        node.prev.next = node.next
    if node.next is NULL:
        parent.last = node.prev
    else:
        node.next.prev = node.prev
    node.parent = node.next = node.prev = NULL
