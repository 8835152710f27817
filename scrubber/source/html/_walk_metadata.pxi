# Included by _walk.pyx: the compiled twin of metadata._find's search of the whole tree.

cdef enum:
    # metadata's TagCodes: what an element's tag says about it
    _TAKEN = 1   # <title> and headings: always read
    _META = 2    # read when its property (else name) is a kind metadata reads
    _SCRIPT = 3  # read when its type says ld+json


def metadata_elements(_Element root, TagCodes tags, tuple meta_kinds):
    """The elements ``metadata._find`` reads, in document order: ``root.iter(*tags)`` less the
    ``<meta>`` whose property (else name) is none of ``meta_kinds`` (bytes) and the
    ``<script>`` whose type does not say ld+json, which _find passes over. Most pages hold
    dozens of both; here they never become Python objects. An attribute that is not one
    plain text (lxml joins such values) leaves the element to Python."""
    cdef tree.xmlNode* node = root._c_node
    cdef tree.xmlNode* child
    cdef const char* value
    cdef bint plain = True
    cdef int code
    found = []
    while node is not NULL:
        code = tags.code(node)
        if code == _META:
            value = _attribute(node, b"property", &plain)
            if plain and (value is NULL or value[0] == 0):
                value = _attribute(node, b"name", &plain)
            code = not plain or value is not NULL and _in(value, meta_kinds)
        elif code == _SCRIPT:
            value = _attribute(node, b"type", &plain)
            code = not plain or value is not NULL and strstr(value, b"ld+json") is not NULL
        if code:
            found.append(elementFactory(root._doc, node))
        child = _first_element(node.children)
        if child is not NULL:
            node = child
            continue
        while node is not root._c_node and _first_element(node.next) is NULL:
            node = node.parent
        if node is root._c_node:
            break
        node = _first_element(node.next)
    return found
