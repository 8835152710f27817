# Included by _walk.pyx: the compiled twins of prune's walk (the elements a rule could call
# chrome) and of its character counts.

# Attributes that chrome_reason reads besides class and id (prune._STATE_ATTRIBUTES): hidden,
# aria-hidden and role always get the element judged; style and itemprop only for values that
# can make it chrome. A style hides an element only with "none" or "hidden" in it
# (prune._HIDDEN_STYLE), or with an "İ" (UTF-8 C4 B0), the one character besides their letters
# that its IGNORECASE matches to one of them ("hİdden"); itemprop matters only as "author". Two pages in five style dozens of elements.
cdef tuple _WORDS_THAT_HIDE = (b"none", b"hidden", b"\xc4\xb0")


cdef bint _holds_any(tree.xmlAttr* attr, tuple words):
    """Whether the attribute's value holds one of the lower-case ``words``, its ASCII letters
    in any case (an attribute that is not one plain text node is assumed to)."""
    cdef bint plain = True
    cdef const unsigned char* text = <const unsigned char*>_plain_value(attr, &plain)
    if not plain:
        return True
    cdef bytes word
    for word in words:
        if _holds_folded(text, <const unsigned char*>(<const char*>word)):
            return True
    return False


cdef bint _holds_folded(const unsigned char* text, const unsigned char* word):
    # ``word`` in ``text`` with its ASCII capitals lower-cased (as bytes.lower does), without a
    # copy: bytes' "in" would raise and drop a TypeError first (it tries the word as an integer)
    cdef size_t start = 0, i
    while text[start]:
        i = 0
        while word[i] and (text[start + i] + 32 if 65 <= text[start + i] <= 90 else text[start + i]) == word[i]:
            i += 1
        if not word[i]:
            return True
        start += 1
    return False


cdef bint _inside(tree.xmlNode* node, tuple tags):
    # prune._inside_article: an ancestor, up to the root, has one of ``tags``
    node = node.parent
    while node is not NULL and node.type == tree.XML_ELEMENT_NODE:
        if node.ns is NULL and _in(<const char*>node.name, tags):
            return True
        node = node.parent
    return False


include "_walk_names.pxi"


cdef int _style_hides(tree.xmlAttr* attr):
    """Whether prune._HIDDEN_STYLE finds ``display:none`` or ``visibility:hidden`` in an ASCII
    style (1 or 0), where its letters match only their two cases and its spaces are the ASCII
    ones around the colon; -1 for another style, which leaves the question to Python."""
    cdef bint plain = True
    cdef const unsigned char* text = <const unsigned char*>_plain_value(attr, &plain)
    if not plain:
        return -1
    cdef size_t start = 0
    while text[start]:
        if text[start] >= 0x80:
            return -1
        start += 1
    start = 0
    while text[start]:
        if _folded_at(text + start, b"display", b"none") or _folded_at(text + start, b"visibility", b"hidden"):
            return 1
        start += 1
    return 0


cdef bint _folded_at(const unsigned char* text, const unsigned char* name, const unsigned char* value):
    # ``name``, spaces, a colon, spaces and ``value`` at the start of ``text``, as _holds_folded
    # compares letters; the spaces are those that the pattern's \s takes in ASCII
    cdef size_t i = 0
    while name[0]:
        if (text[i] + 32 if 65 <= text[i] <= 90 else text[i]) != name[0]:
            return False
        i += 1
        name += 1
    while text[i] == 32 or 9 <= text[i] <= 13:
        i += 1
    if text[i] != 58:  # ":"
        return False
    i += 1
    while text[i] == 32 or 9 <= text[i] <= 13:
        i += 1
    while value[0]:
        if (text[i] + 32 if 65 <= text[i] <= 90 else text[i]) != value[0]:
            return False
        i += 1
        value += 1
    return True


cdef inline int _index_in(const char* name, tuple names):
    # _in, but where: the index of ``name`` in ``names``, -1 for none
    cdef bytes known
    cdef int index = 0
    for known in names:
        if name[0] == (<const char*>known)[0] and strcmp(name, known) == 0:
            return index
        index += 1
    return -1


def judged_descendants(_Element top, tuple judged_tags, tuple judged_concepts, tuple outside_tags, tuple article_tags,
                       named_concept,
                       tuple word_kinds, link_concepts, judge, bint by_name, list doomed, removal,
                       long min_guarded_chars):
    """Call ``judge(element)`` on each element below ``top``, in document order, that
    ``prune.chrome_reason`` could call chrome: one with a tag of ``judged_tags`` (naming the
    concept at the same place in ``judged_concepts``, None for a tag that needs a closer look),
    or of ``outside_tags`` (naming "navigation") with no ancestor of ``article_tags``, a state attribute (hidden,
    aria-hidden, role; a style that may hide it; itemprop="author"), or a class or id that
    ``named_concept(class, id)`` names a concept (only with ``by_name``; never asked about an
    ASCII name whose words ``word_kinds``, pairs of a word and its names.word_kinds bits, say
    can name nothing), unless the element is a link and the concept one of ``link_concepts``. ``judge(element, concept)`` gets that
    concept when nothing but the name could make the element chrome, else None. When ``judge``
    returns true the element's subtree is not visited. Elements that carry only other
    attributes (a link's href, an image's src) or none cost a pointer step each.

    The walk answers for ``judge`` where the answer is sure without Python: an element hidden
    by its ``hidden``, ``aria-hidden="true"`` or an ASCII ``display:none`` style, or one that
    its tag or name alone calls chrome and that holds fewer than ``min_guarded_chars``
    characters (prose.holds_article), not an article tag and without role or itemprop. It
    appends ``removal((concept, evidence, element))`` to ``doomed`` for each and skips its
    subtree, as ``judge`` does."""
    cdef tree.xmlNode* stop = top._c_node
    cdef tree.xmlNode* node = stop.children
    cdef tree.xmlAttr* attr
    cdef bint full, named, descend, plain, unsure, hidden, styled
    cdef const char* class_text
    cdef const char* id_text
    cdef const char* name
    cdef long chars, link_chars
    cdef int index, hides
    cdef object value, concept, reason, evidence
    _own_names(named_concept, word_kinds)
    while node is not NULL and node is not stop:
        descend = True
        if node.type == tree.XML_ELEMENT_NODE:
            # reason: what the tag alone says (None: ask judge), _UNKNOWN when it says nothing
            reason = _UNKNOWN
            if node.ns is NULL:
                index = _index_in(<const char*>node.name, judged_tags)
                if index >= 0:
                    reason = judged_concepts[index]
                elif _in(<const char*>node.name, outside_tags) and not _inside(node, article_tags):
                    reason = "navigation"
            full = node.ns is not NULL or reason is not _UNKNOWN
            # unsure: something only judge can weigh (a role, an itemprop, a style that may hide)
            unsure = node.ns is not NULL or _in(<const char*>node.name, article_tags)
            named = hidden = styled = False
            plain = True
            class_text = id_text = NULL
            attr = node.properties
            while attr is not NULL and not hidden and not (full and unsure):
                name = <const char*>attr.name  # its first byte settles most names before a call
                if attr.ns is not NULL:  # chrome_reason reads none, but judge's concept must be the plain class's
                    full = unsure = True
                elif name[0] == b"c" and strcmp(name, b"class") == 0:
                    if class_text is NULL:
                        class_text = _plain_value(attr, &plain)
                        full = full or not plain
                        unsure = unsure or not plain
                        named = True
                elif name[0] == b"i" and strcmp(name, b"id") == 0:
                    if id_text is NULL:
                        id_text = _plain_value(attr, &plain)
                        full = full or not plain
                        unsure = unsure or not plain
                        named = True
                elif name[0] == b"h" and strcmp(name, b"hidden") == 0:
                    full = hidden = True
                elif name[0] == b"a" and strcmp(name, b"aria-hidden") == 0:
                    # the first aria-hidden is the one prune.is_hidden reads: the loop ends here
                    full = True
                    value = _value(attr)
                    hidden = value == "true"
                    unsure = not hidden
                elif name[0] == b"r" and strcmp(name, b"role") == 0:
                    full = unsure = True
                elif name[0] == b"s" and strcmp(name, b"style") == 0:
                    if not styled and _holds_any(attr, _WORDS_THAT_HIDE):
                        hides = _style_hides(attr)
                        full = full or hides != 0
                        hidden = hides == 1
                        unsure = unsure or hides == -1
                    styled = True  # the first style is the one prune.is_hidden reads
                elif name[0] == b"i" and strcmp(name, b"itemprop") == 0:
                    value = _value(attr)
                    full = full or value is _NOT_PLAIN or value == "author"
                    unsure = True
                attr = attr.next
            concept = None
            if not full and named and by_name:
                concept = _named(class_text, id_text, named_concept)
                if concept is _NOT_PLAIN:
                    concept = None
                    full = unsure = True
                else:  # a link named after the overlay it opens is no overlay (prune.LINK_TARGET_CONCEPTS)
                    full = concept is not None and not (strcmp(<const char*>node.name, b"a") == 0
                                                        and concept in link_concepts)
            if full:
                evidence = None
                if hidden:
                    if not _in(<const char*>node.name, article_tags):
                        reason, evidence = "hidden", "hidden"
                elif not unsure:
                    if reason is not _UNKNOWN:
                        if reason is not None:
                            evidence = "tag"
                    elif concept is not None and concept != "caption":
                        reason, evidence = concept, "name"
                    if evidence is not None:
                        _prose_counts(node, &chars, &link_chars)
                        if chars >= min_guarded_chars:  # holds_article weighs it against the page
                            evidence = None
                if evidence is not None:
                    doomed.append(removal((reason, evidence, elementFactory(top._doc, node))))
                    descend = False
                elif judge(elementFactory(top._doc, node), concept):
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
    cdef const unsigned char* text
    cdef long count = 0
    while node is not NULL and node is not stop:
        if node.type == tree.XML_TEXT_NODE or node.type == tree.XML_CDATA_SECTION_NODE:
            text = <const unsigned char*>node.content
            if text is not NULL:
                while text[0]:
                    count += (text[0] & 0xC0) != 0x80
                    text += 1
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
