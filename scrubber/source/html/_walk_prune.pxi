# Included by _walk.pyx, after _walk_prose.pxi: the compiled twin of prune's walk (the elements a
# rule could call chrome), which settles itself the verdicts that need no Python.

# Attributes that chrome_reason reads besides class and id (prune._STATE_ATTRIBUTES): hidden,
# aria-hidden and role always get the element judged; style and itemprop only for values that
# can make it chrome. A style hides an element only with "none" or "hidden" in it
# (prune._HIDDEN_STYLE), or with an "İ" (UTF-8 C4 B0), the one character besides their letters
# that its IGNORECASE matches to one of them ("hİdden"); itemprop matters only as "author". Two
# pages in five style dozens of elements.
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
    cdef size_t start = 0
    while text[start]:
        if _starts_folded(text + start, word):
            return True
        start += 1
    return False


cdef inline bint _starts_folded(const unsigned char* text, const unsigned char* word):
    # ``text`` starts with ``word`` once its ASCII capitals are lower-cased
    cdef size_t i = 0
    while word[i] and (text[i] + 32 if 65 <= text[i] <= 90 else text[i]) == word[i]:
        i += 1
    return not word[i]


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
    if not _starts_folded(text, name):
        return False
    cdef size_t i = strlen(<const char*>name)
    while text[i] == 32 or 9 <= text[i] <= 13:
        i += 1
    if text[i] != 58:  # ":"
        return False
    i += 1
    while text[i] == 32 or 9 <= text[i] <= 13:
        i += 1
    return _starts_folded(text + i, value)


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
