# cython: language_level=3, boundscheck=False, wraparound=False
"""Compiled tree walks for HTML mode: the same walks as the pure-Python code beside them, run
over libxml2's nodes directly, so that the elements no rule can judge never become Python
objects. Optional: ``walks.py`` falls back to Python when this module is not built, and
``tests/test_html_walks.py`` checks that both give the same answer.

Only fields of libxml2's node structs are read (no libxml2 function is called), so the module
links against nothing: lxml's headers describe the structs.
"""

from cpython.unicode cimport PyUnicode_DecodeUTF8
from libc.string cimport strcmp, strlen
from lxml.includes cimport tree
from lxml.includes.etreepublic cimport _Element, elementFactory, import_lxml__etree

import_lxml__etree()

# Attributes that chrome_reason reads besides class and id (prune._STATE_ATTRIBUTES).
cdef tuple _STATE = (b"hidden", b"aria-hidden", b"style", b"role", b"itemprop")


cdef inline bint _in(const char* name, tuple names):
    cdef bytes known
    for known in names:
        if strcmp(name, known) == 0:
            return True
    return False


# What _value returns for an attribute that is not one plain text node (lxml's ``get`` joins
# such values; the Python walk judges the element instead).
cdef object _NOT_PLAIN = object()


cdef object _value(tree.xmlAttr* attr):
    """The attribute's value as lxml's ``get`` gives it, or _NOT_PLAIN."""
    cdef tree.xmlNode* text = attr.children
    if text is NULL:
        return ""
    if text.next is not NULL or text.type != tree.XML_TEXT_NODE or text.content is NULL:
        return _NOT_PLAIN
    try:
        return PyUnicode_DecodeUTF8(<const char*>text.content, strlen(<const char*>text.content), NULL)
    except UnicodeDecodeError:
        return _NOT_PLAIN


def judged_descendants(_Element top, tuple judged_tags, named_concept, judge, bint by_name):
    """Call ``judge(element)`` on each element below ``top``, in document order, that
    ``prune.chrome_reason`` could call chrome: one with a tag of ``judged_tags``, a state
    attribute (hidden, aria-hidden, style, role, itemprop), or a class or id that
    ``named_concept(class, id)`` names a concept (only with ``by_name``). When ``judge`` returns
    true the element's subtree is not visited. Elements that carry only other attributes (a
    link's href, an image's src) or none cost a pointer step each."""
    cdef tree.xmlNode* stop = top._c_node
    cdef tree.xmlNode* node = stop.children
    cdef tree.xmlAttr* attr
    cdef bint full, named, descend
    cdef object class_name, element_id
    while node is not NULL and node is not stop:
        descend = True
        if node.type == tree.XML_ELEMENT_NODE:
            full = node.ns is not NULL or _in(<const char*>node.name, judged_tags)
            named = False
            class_name = element_id = None
            attr = node.properties
            while attr is not NULL and not full:
                if strcmp(<const char*>attr.name, b"class") == 0:
                    if class_name is None:
                        class_name = _value(attr)
                        full = class_name is _NOT_PLAIN
                        named = True
                elif strcmp(<const char*>attr.name, b"id") == 0:
                    if element_id is None:
                        element_id = _value(attr)
                        full = element_id is _NOT_PLAIN
                        named = True
                elif _in(<const char*>attr.name, _STATE):
                    full = True
                attr = attr.next
            if not full and named and by_name:
                full = named_concept(class_name, element_id) is not None
            if full and judge(elementFactory(top._doc, node)):
                descend = False
        else:
            descend = False
        if descend and node.children is not NULL:
            node = node.children
            continue
        while node is not stop and node.next is NULL:
            node = node.parent
        if node is stop:
            break
        node = node.next


cdef inline bint _is_link(tree.xmlNode* node):
    return node.type == tree.XML_ELEMENT_NODE and node.ns is NULL and strcmp(<const char*>node.name, b"a") == 0


cdef inline long _non_space(const unsigned char* text):
    # prune._non_space on UTF-8: neither whitespace nor a continuation byte of a character
    cdef long count = 0
    cdef unsigned char byte
    while text[0]:
        byte = text[0]
        if not (byte == 32 or byte == 10 or byte == 9 or byte == 13 or 0x80 <= byte < 0xC0):
            count += 1
        text += 1
    return count


def prose_counts(_Element top):
    """``(chars, link_chars)`` of ``top`` as prune counts them: the non-space characters of its
    text (its tail excluded), and of its links' texts, a link inside a link counted in both."""
    cdef tree.xmlNode* stop = top._c_node
    cdef tree.xmlNode* node = stop.children
    cdef long chars = 0, link_chars = 0, count
    cdef int links = 1 if _is_link(stop) else 0
    while node is not NULL and node is not stop:
        if node.type == tree.XML_TEXT_NODE or node.type == tree.XML_CDATA_SECTION_NODE:
            if node.content is not NULL:
                count = _non_space(node.content)
                chars += count
                link_chars += links * count
        elif node.type == tree.XML_ELEMENT_NODE and node.children is not NULL:
            if _is_link(node):
                links += 1
            node = node.children
            continue
        while node is not stop and node.next is NULL:
            node = node.parent
            if node is not stop and _is_link(node):
                links -= 1
        if node is stop:
            break
        node = node.next
    return chars, link_chars

