# Included by _walk.pyx, before _walk_prune.pxi: the compiled twins of prose.py's character
# counts (what prune weighs a chrome element's text with) and of prune's swallowing-noscript check.


cdef inline bint _is_anchor(tree.xmlNode* node):
    # any <a>, as prune's link count reads them (blocks.is_link, which needs an href, is stricter)
    return node.type == tree.XML_ELEMENT_NODE and node.ns is NULL and strcmp(<const char*>node.name, b"a") == 0


# 1 for each byte prose._non_space counts in UTF-8: neither whitespace nor a continuation byte
# of a character.
cdef unsigned char _COUNTED[256]
cdef int _byte
for _byte in range(256):
    _COUNTED[_byte] = not (_byte in (32, 10, 9, 13) or 0x80 <= _byte < 0xC0)


cdef inline long _non_space(const unsigned char* text):
    # A table look-up per byte, four bytes a step: the pages' text is most of what prune reads,
    # and a test per kind of byte cost three times as much.
    cdef size_t length = strlen(<const char*>text), i
    cdef long count = 0
    i = scrubber_counted_16(text, length, &count)
    while i + 4 <= length:
        count += _COUNTED[text[i]] + _COUNTED[text[i + 1]] + _COUNTED[text[i + 2]] + _COUNTED[text[i + 3]]
        i += 4
    while i < length:
        count += _COUNTED[text[i]]
        i += 1
    return count


def prose_counts(_Element top):
    """``(chars, link_chars)`` of ``top`` as prune counts them: the non-space characters of its
    text (its tail excluded), and of its links' texts, a link inside a link counted in both."""
    cdef long chars, link_chars
    _prose_counts(top._c_node, &chars, &link_chars)
    return chars, link_chars


cdef void _prose_counts(tree.xmlNode* stop, long* chars_out, long* link_chars_out):
    cdef tree.xmlNode* node = stop.children
    cdef long chars = 0, link_chars = 0, count
    cdef int links = 1 if _is_anchor(stop) else 0
    while node is not NULL and node is not stop:
        if node.type == tree.XML_TEXT_NODE or node.type == tree.XML_CDATA_SECTION_NODE:
            if node.content is not NULL:
                count = _non_space(node.content)
                chars += count
                link_chars += links * count
        elif node.type == tree.XML_ELEMENT_NODE and node.children is not NULL:
            if _is_anchor(node):
                links += 1
            node = node.children
            continue
        while node is not stop and node.next is NULL:
            node = node.parent
            if node is not stop and _is_anchor(node):
                links -= 1
        if node is stop:
            break
        node = node.next
    chars_out[0], link_chars_out[0] = chars, link_chars


def swallowing(_Element top, bytes tag, long min_chars, double share):
    """The elements below ``top``, in document order, with the tag ``tag`` (no namespace, in
    UTF-8) whose text (``parse.text_of``) has at least ``min_chars`` characters and more than
    ``share`` of the characters of ``top``'s text: prune._unwrap_swallowing_noscript's
    question, answered by counting code points in the tree instead of copying out its text."""
    cdef tree.xmlNode* stop = top._c_node
    cdef tree.xmlNode* node = stop.children
    cdef const char* name = tag
    cdef long chars
    found = []
    while node is not NULL and node is not stop:
        if node.type == tree.XML_ELEMENT_NODE:
            if node.ns is NULL and strcmp(<const char*>node.name, name) == 0:
                chars = _text_length(node, NULL, 0, 0)
                # the text around it, counted only until it is too much: a page's whole text
                # is long, a noscript's mostly short
                if chars >= min_chars and chars > share * (chars + _text_length(stop, node, chars, share)):
                    found.append(elementFactory(top._doc, node))
            if node.children is not NULL:
                node = node.children
                continue
        while node is not stop and node.next is NULL:
            node = node.parent
        if node is stop:
            break
        node = node.next
    return found


cdef long _text_length(tree.xmlNode* stop, tree.xmlNode* skipped, long chars, double share):
    """len(parse.text_of(element)): the code points (UTF-8 bytes but continuation bytes) of
    the text and CDATA nodes below it, which lxml's text serialisation joins. Without the
    ``skipped`` element's text when there is one, and then only until that text's ``chars``
    are no more than ``share`` of all."""
    cdef tree.xmlNode* node = stop.children
    cdef const char* text
    cdef long count = 0
    while node is not NULL and node is not stop:
        if node.type == tree.XML_TEXT_NODE or node.type == tree.XML_CDATA_SECTION_NODE:
            text = <const char*>node.content
            if text is not NULL:
                count += _characters(text, strlen(text))
                if skipped is not NULL and chars <= share * (chars + count):
                    return count
        elif node.type == tree.XML_ELEMENT_NODE and node.children is not NULL and node is not skipped:
            node = node.children
            continue
        while node is not stop and node.next is NULL:
            node = node.parent
        if node is stop:
            break
        node = node.next
    return count
