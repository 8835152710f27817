# cython: language_level=3, boundscheck=False, wraparound=False
"""Compiled tree walks for HTML mode: the same walks as the pure-Python code beside them, run
over libxml2's nodes directly, so that the elements no rule can judge never become Python
objects. Optional: ``compiled.py`` falls back to Python when this module is not built, and
``tests/test_html_walks.py`` checks that both give the same answer.

Only fields of libxml2's node structs are read (no libxml2 function is called), so the module
links against nothing: lxml's headers describe the structs.
"""

cimport cython
from cpython.unicode cimport Py_UNICODE_ISSPACE, PyUnicode_DecodeUTF8
from libc.stdlib cimport free, malloc, realloc
from libc.string cimport memcpy, strcmp, strlen, strstr
from lxml.includes cimport tree
from lxml.includes.etreepublic cimport _Element, elementFactory, import_lxml__etree

import_lxml__etree()


# tag codes ------------------------------------------------------------------------------------

cdef enum:
    _SLOTS = 256  # TagCodes' hash table: a power of two, at least twice its tags


cdef inline unsigned int _name_hash(const char* name):
    # FNV-1a: a few instructions a byte, and tag names are short
    cdef unsigned int hash = 2166136261
    while name[0]:
        hash = (hash ^ <unsigned char>name[0]) * 16777619
        name += 1
    return hash


@cython.auto_pickle(False)  # it points into its own bytes
cdef class TagCodes:
    """Tag names -> int codes (none: 0), found by hashing the tag's name: one lookup per
    element instead of a string comparison with each of 60 block tags."""

    cdef const char* names[_SLOTS]
    cdef int codes[_SLOTS]
    cdef list spelled  # the names' bytes, which ``names`` points into

    def __init__(self, dict codes):
        cdef unsigned int slot
        if 2 * len(codes) > _SLOTS:
            raise ValueError(f"at most {_SLOTS // 2} tags")
        self.spelled = []
        for tag, code in codes.items():
            name = tag.encode()
            self.spelled.append(name)
            slot = _name_hash(name) & (_SLOTS - 1)
            while self.names[slot] is not NULL:
                slot = (slot + 1) & (_SLOTS - 1)
            self.names[slot] = name
            self.codes[slot] = code

    cdef inline int code(self, tree.xmlNode* node):
        """The code of an element's tag; 0 for a namespaced tag (its Python name is
        ``{uri}name``, which no table holds)."""
        cdef const char* name = <const char*>node.name
        cdef unsigned int slot = _name_hash(name) & (_SLOTS - 1)
        if node.ns is not NULL:
            return 0
        while self.names[slot] is not NULL:
            if strcmp(self.names[slot], name) == 0:
                return self.codes[slot]
            slot = (slot + 1) & (_SLOTS - 1)
        return 0


cdef inline bint _in(const char* name, tuple names):
    cdef bytes known
    for known in names:
        if strcmp(name, known) == 0:
            return True
    return False


# metadata's search ----------------------------------------------------------------------------

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


cdef const char* _attribute(tree.xmlNode* node, const char* name, bint* plain):
    """The value of an element's attribute (no namespace) as UTF-8, NULL when it has none;
    ``plain`` turns false when the value is not one text node."""
    cdef tree.xmlAttr* attr = node.properties
    while attr is not NULL:
        if attr.ns is NULL and strcmp(<const char*>attr.name, name) == 0:
            if attr.children is NULL:
                return b""
            if attr.children.next is not NULL or attr.children.type != tree.XML_TEXT_NODE \
                    or attr.children.content is NULL:
                plain[0] = False
                return NULL
            return <const char*>attr.children.content
        attr = attr.next
    return NULL


cdef inline tree.xmlNode* _first_element(tree.xmlNode* node):
    # the first tag among ``node`` and its next siblings (comments and texts hold no tags)
    while node is not NULL and node.type != tree.XML_ELEMENT_NODE:
        node = node.next
    return node


# prune's walk and counts ----------------------------------------------------------------------

# Attributes that chrome_reason reads besides class and id (prune._STATE_ATTRIBUTES): these
# always get the element judged ...
cdef tuple _STATE = (b"hidden", b"aria-hidden", b"role")
# ... these only for values that can make it chrome. A style hides an element only with "none"
# or "hidden" in it (prune._HIDDEN_STYLE, whose IGNORECASE folds no other character to their
# letters); itemprop matters only as "author". Two pages in five style dozens of elements.
cdef tuple _WORDS_THAT_HIDE = (b"none", b"hidden")


# What _value returns for an attribute that is not one plain text node (lxml's ``get`` joins
# such values; the Python walk judges the element instead).
cdef object _NOT_PLAIN = object()


cdef bint _holds_any(tree.xmlAttr* attr, tuple words):
    """Whether the attribute's value holds one of the lower-case ASCII ``words``, in any case
    (an attribute that is not one plain text node is assumed to)."""
    cdef tree.xmlNode* text = attr.children
    if text is NULL:
        return False
    if text.next is not NULL or text.type != tree.XML_TEXT_NODE or text.content is NULL:
        return True
    cdef bytes value = (<const char*>text.content).lower()
    cdef bytes word
    for word in words:
        if word in value:
            return True
    return False


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
    attribute (hidden, aria-hidden, role; a style that may hide it; itemprop="author"), or a class or id that
    ``named_concept(class, id)`` names a concept (only with ``by_name``). When ``judge`` returns
    true the element's subtree is not visited. Elements that carry only other attributes (a
    link's href, an image's src) or none cost a pointer step each."""
    cdef tree.xmlNode* stop = top._c_node
    cdef tree.xmlNode* node = stop.children
    cdef tree.xmlAttr* attr
    cdef bint full, named, descend
    cdef object class_name, element_id, value
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
                elif strcmp(<const char*>attr.name, b"style") == 0:
                    full = _holds_any(attr, _WORDS_THAT_HIDE)
                elif strcmp(<const char*>attr.name, b"itemprop") == 0:
                    value = _value(attr)
                    full = value is _NOT_PLAIN or value == "author"
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


cdef inline bint _is_anchor(tree.xmlNode* node):
    # any <a>, as prune's link count reads them (blocks.is_link, which needs an href, is stricter)
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
    return chars, link_chars


cdef int _link_state(tree.xmlNode* node):
    """blocks.is_link of an anchor where its href decides alone: 1 (leads somewhere, an empty
    href too), 0 (no href), -1 (starting with a space, a j or a non-ASCII character, or not one
    plain text: ask is_link)."""
    cdef tree.xmlAttr* attr = node.properties
    cdef const unsigned char* value
    while attr is not NULL:
        if attr.ns is NULL and strcmp(<const char*>attr.name, b"href") == 0:
            if attr.children is NULL or attr.children.next is not NULL \
                    or attr.children.type != tree.XML_TEXT_NODE or attr.children.content is NULL:
                return -1
            value = attr.children.content
            if value[0] == 0:
                return 1
            if value[0] >= 0x80 or value[0] == 106 or value[0] == 74 or _ascii_space(value[0]):  # j, J
                return -1
            return 1
        attr = attr.next
    return 0


cdef inline bint _is_link(tree.xmlNode* node, _Element top, is_link) except -1:
    cdef int state = _link_state(node)
    if state < 0:
        return bool(is_link(elementFactory(top._doc, node)))
    return state


# score_tree's walk ----------------------------------------------------------------------------

# content.WalkRules.tags: what a tag's code says
cdef enum:
    _MEASURED = 1   # content._MEASURED: a block or an anchor, whose text is measured on its own
    _PARAGRAPH = 2  # content.PARAGRAPHS
    _LINK = 4       # <a>


cdef struct Frame:
    tree.xmlNode* node
    long chars_before, links_before, commas_before, nested_chars, nested_commas
    bint is_anchor, is_paragraph

# Whitespace that str.strip removes besides ASCII's, as UTF-8 lead bytes: any text starting or
# ending with a byte of 0x80 or more is stripped by Python itself.
cdef inline bint _ascii_space(unsigned char byte):
    return byte == 32 or 9 <= byte <= 13 or 28 <= byte <= 31


cdef inline bint _text_like(tree.xmlNode* node):
    return node is not NULL and (node.type == tree.XML_TEXT_NODE or node.type == tree.XML_CDATA_SECTION_NODE)


cdef inline bint _element_like(tree.xmlNode* node):
    # lxml's elements: tags, comments, processing instructions and entity references
    return (node.type == tree.XML_ELEMENT_NODE or node.type == tree.XML_COMMENT_NODE
            or node.type == tree.XML_PI_NODE or node.type == tree.XML_ENTITY_REF_NODE)


cdef tree.xmlNode* _next_element(tree.xmlNode* node):
    while node is not NULL and not _element_like(node):
        node = node.next
    return node


cdef struct Commas:
    # content._COMMA_CHARS as code points
    unsigned int points[16]
    int count


cdef int _measure(tree.xmlNode* text, Commas* comma_chars, long* chars, long* commas) except -1:
    """Add the stripped length and the commas of the text run starting at ``text`` (an
    element's text or its tail, as lxml joins it) to ``chars`` and ``commas``. One text node
    whose ends are ASCII (nearly all) is measured by a tight loop; any other run by
    _measure_run, which strips Unicode whitespace too."""
    cdef const unsigned char* content
    cdef const unsigned char* end
    cdef const unsigned char* byte
    cdef long comma_count = 0, extra_bytes = 0
    cdef unsigned int point
    cdef int length
    if not _text_like(text):
        return 0
    if _text_like(text.next):
        return _measure_run(text, comma_chars, chars, commas)
    content = text.content
    if content is NULL:
        return 0
    end = content + strlen(<const char*>content)
    while content < end and _ascii_space(content[0]):
        content += 1
    while end > content and _ascii_space((end - 1)[0]):
        end -= 1
    if content < end and (content[0] >= 0x80 or (end - 1)[0] >= 0x80):
        return _measure_run(text, comma_chars, chars, commas)
    byte = content
    while byte < end:
        if byte[0] < 0x80:
            comma_count += byte[0] == 44  # ","
            byte += 1
        else:
            length = _sequence(byte, end, &point)
            if length == 0:
                return _not_utf8(text)
            comma_count += _is_comma(point, comma_chars)
            extra_bytes += length - 1
            byte += length
    chars[0] += end - content - extra_bytes
    commas[0] += comma_count
    return 0


cdef inline bint _is_comma(unsigned int point, Commas* comma_chars):
    cdef int known
    for known in range(comma_chars.count):
        if point == comma_chars.points[known]:
            return True
    return False


cdef int _not_utf8(tree.xmlNode* text) except -1:
    # raise as lxml would on reading the text (libxml2 only stores UTF-8: never seen)
    PyUnicode_DecodeUTF8(<const char*>text.content, strlen(<const char*>text.content), NULL)
    raise UnicodeDecodeError("utf-8", b"", 0, 1, "invalid UTF-8 in a text node")


cdef int _measure_run(tree.xmlNode* text, Commas* comma_chars, long* chars, long* commas) except -1:
    """_measure of any text run, as content.score_tree measures a text: its length in
    characters once str.strip's whitespace is off both ends, and its commas of any script
    (all inside the stripped text: no comma is whitespace)."""
    cdef const unsigned char* byte
    cdef const unsigned char* end
    cdef long count = 0, first = -1, last = 0, comma_count = 0
    cdef unsigned int point
    cdef int length
    while _text_like(text):
        if text.content is not NULL:
            byte = text.content
            end = byte + strlen(<const char*>byte)
            while byte < end:
                if byte[0] < 0x80:
                    if not _ascii_space(byte[0]):
                        if first < 0:
                            first = count
                        last = count + 1
                        comma_count += byte[0] == 44  # ","
                    byte += 1
                else:
                    length = _sequence(byte, end, &point)
                    if length == 0:
                        return _not_utf8(text)
                    if not Py_UNICODE_ISSPACE(<Py_UCS4>point):
                        if first < 0:
                            first = count
                        last = count + 1
                        comma_count += _is_comma(point, comma_chars)
                    byte += length
                count += 1
        text = text.next
    if first >= 0:
        chars[0] += last - first
        commas[0] += comma_count
    return 0


cdef void* _doubled(void* items, Py_ssize_t* capacity, size_t size) except NULL:
    """``items`` (``capacity`` of ``size`` bytes each) moved to twice the room; ``capacity``
    follows. On failure ``items`` is left as it was, for its owner to free."""
    cdef void* grown = realloc(items, 2 * capacity[0] * size)
    if grown is NULL:
        raise MemoryError()
    capacity[0] *= 2
    return grown


cdef struct Tally:
    double score, points


cdef object _initial_score(tree.xmlNode* node, _Element body, rules, name_weight):
    """content._initial_score of ``node``: its tag's score, its class and id words' weight, and
    the bonus of schema.org's articleBody (the first value of each attribute counts, as
    lxml's ``get`` reads it)."""
    cdef tree.xmlAttr* attr = node.properties
    cdef object class_name = None, element_id = None, itemprop = None, value
    if node.ns is not NULL:  # a namespaced tag: let Python spell it
        return rules.initial_score(elementFactory(body._doc, node))
    while attr is not NULL:
        name = <const char*>attr.name
        if strcmp(name, b"class") == 0 and class_name is None \
                or strcmp(name, b"id") == 0 and element_id is None \
                or strcmp(name, b"itemprop") == 0 and itemprop is None:
            value = _value(attr)
            if value is _NOT_PLAIN:  # lxml joins such a value: let Python read it
                return rules.initial_score(elementFactory(body._doc, node))
            if name[0] == b"c":
                class_name = value
            elif name[1] == b"d":
                element_id = value
            else:
                itemprop = value
        attr = attr.next
    tag = PyUnicode_DecodeUTF8(<const char*>node.name, strlen(<const char*>node.name), NULL)
    score = rules.tag_scores.get(tag, 0) + name_weight(class_name, element_id)
    if itemprop == "articleBody":
        score += rules.article_body_bonus
    return score


def score_walk(_Element body, scores, rules):
    """content.score_tree's walk: fill ``scores`` (a content.Scores) exactly as the Python walk
    does: the text and link text of each block element holding text (``chars``, ``links``),
    and each paragraph's points shared out as Scores.credit shares them (``score``,
    ``points``). ``rules`` (content.walk_rules()) holds the tags, weights and limits."""
    cdef tree.xmlNode* top = body._c_node
    cdef tree.xmlNode* node = top
    cdef tree.xmlNode* child
    cdef tree.xmlNode* ancestor
    cdef long chars = 0, links = 0, commas = 0, own_chars, own_commas, nested, paragraph_points
    cdef long min_paragraph_chars = rules.min_paragraph_chars
    cdef Py_ssize_t depth = 0, capacity = 64, tallied = 0, tally_capacity = 64, position
    cdef Frame* frames = <Frame*>malloc(capacity * sizeof(Frame))
    cdef Tally* tallies = <Tally*>malloc(tally_capacity * sizeof(Tally))
    cdef Frame* frame
    cdef bint anchor
    cdef int level, skip, levels = len(rules.dividers)
    cdef double share
    cdef double divider[8]
    cdef TagCodes tags = rules.tags
    cdef int code
    cdef Commas comma_chars
    cdef dict block_chars = scores.chars, block_links = scores.links
    is_link, name_weight = rules.is_link, rules.name_weight
    if frames is NULL or tallies is NULL:
        free(frames)
        free(tallies)
        raise MemoryError()
    if levels > 8 or len(rules.comma_chars) > 16:
        free(frames)
        free(tallies)
        raise ValueError("at most 8 ancestor levels and 16 commas")
    for level in range(levels):
        divider[level] = rules.dividers[level]
    comma_chars.count = len(rules.comma_chars)
    for level in range(comma_chars.count):
        comma_chars.points[level] = ord(rules.comma_chars[level])
    tallied_at = {}  # node address -> its tally, in the order of first credit (the dicts' order)
    elements = []
    try:
        while True:
            # start: open a frame for a block or a link, count the element's text
            if node.type == tree.XML_ELEMENT_NODE:
                code = tags.code(node)
                if code & _MEASURED:
                    anchor = code & _LINK
                    if not anchor or _is_link(node, body, is_link):
                        if depth == capacity:
                            frames = <Frame*>_doubled(frames, &capacity, sizeof(Frame))
                        frame = &frames[depth]
                        depth += 1
                        frame.node = node
                        frame.chars_before, frame.links_before, frame.commas_before = chars, links, commas
                        frame.nested_chars = frame.nested_commas = 0
                        frame.is_anchor = anchor
                        frame.is_paragraph = code & _PARAGRAPH
                _measure(node.children, &comma_chars, &chars, &commas)
                child = _next_element(node.children)
                if child is not NULL:
                    node = child
                    continue
            # end: close the element (and each ancestor whose last child it is)
            while True:
                if depth and frames[depth - 1].node is node:
                    depth -= 1
                    frame = &frames[depth]
                    own_chars = chars - frame.chars_before
                    if frame.is_anchor:
                        links = frame.links_before + own_chars
                    elif own_chars:
                        own_commas = commas - frame.commas_before
                        element = elementFactory(body._doc, node)
                        block_chars[element] = own_chars
                        block_links[element] = links - frame.links_before
                        skip = -1
                        if frame.is_paragraph:
                            if own_chars >= min_paragraph_chars:
                                skip = 1
                                paragraph_points = 1 + own_commas + min(own_chars // 100, 3)
                        elif own_chars - frame.nested_chars >= min_paragraph_chars:
                            skip = 0
                            nested = frame.nested_chars
                            paragraph_points = (1 + own_commas - frame.nested_commas
                                                + min((own_chars - nested) // 100, 3))
                        if skip >= 0:
                            # Scores.credit: the container in full, its parent half, and so on up
                            ancestor = node if skip == 0 else (NULL if node is top else node.parent)
                            level = 0
                            while ancestor is not NULL and level < levels:
                                share = paragraph_points / divider[level]
                                address = <Py_ssize_t>ancestor
                                known = tallied_at.get(address)
                                if known is None:
                                    if tallied == tally_capacity:
                                        tallies = <Tally*>_doubled(tallies, &tally_capacity, sizeof(Tally))
                                    elements.append(elementFactory(body._doc, ancestor))
                                    # the initial score first, then the share: the sums are
                                    # rounded as the Python walk rounds them
                                    tallies[tallied].score = <double>_initial_score(ancestor, body, rules,
                                                                                     name_weight) + share
                                    tallies[tallied].points = share
                                    tallied_at[address] = tallied
                                    tallied += 1
                                else:
                                    position = known
                                    tallies[position].score += share
                                    tallies[position].points += share
                                if ancestor is top:
                                    break
                                ancestor = ancestor.parent
                                level += 1
                        if depth and node is not top and frames[depth - 1].node is node.parent:
                            frames[depth - 1].nested_chars += own_chars
                            frames[depth - 1].nested_commas += own_commas
                if node is top:
                    score, points = scores.score, scores.points
                    for position in range(tallied):
                        score[elements[position]] = tallies[position].score
                        points[elements[position]] = tallies[position].points
                    return
                _measure(node.next, &comma_chars, &chars, &commas)
                child = _next_element(node.next)
                if child is not NULL:
                    node = child
                    break
                node = node.parent
    finally:
        free(frames)
        free(tallies)


# blocks_of's walk -----------------------------------------------------------------------------

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


cdef inline int _sequence(const unsigned char* byte, const unsigned char* end, unsigned int* point):
    """The length of the UTF-8 sequence at ``byte`` (not ASCII) with its code point in ``point``,
    or 0 when it is not well-formed UTF-8 (as Python's strict decoder judges it)."""
    cdef int length, position
    cdef unsigned char low = 0x80, high = 0xBF
    if 0xC2 <= byte[0] <= 0xDF:
        length, point[0] = 2, byte[0] & 0x1F
    elif 0xE0 <= byte[0] <= 0xEF:
        length, point[0] = 3, byte[0] & 0x0F
        if byte[0] == 0xE0:
            low = 0xA0
        elif byte[0] == 0xED:  # no surrogates
            high = 0x9F
    elif 0xF0 <= byte[0] <= 0xF4:
        length, point[0] = 4, byte[0] & 0x07
        if byte[0] == 0xF0:
            low = 0x90
        elif byte[0] == 0xF4:
            high = 0x8F
    else:
        return 0
    if end - byte < length or not low <= byte[1] <= high:
        return 0
    for position in range(1, length):
        if not 0x80 <= byte[position] <= 0xBF:
            return 0
        point[0] = (point[0] << 6) | (byte[position] & 0x3F)
    return length


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


cdef int _flush(Text* text, Block* block, writer, BlockTags tags, _Element top) except -1:
    """Write out the text read so far as blocks of ``block`` and start a new text. The layout
    whitespace between blocks is dropped here, and text without a ``<br>`` is cleaned here and
    handed to ``writer.emit``; ``writer.write`` does the rest as for the Python walk."""
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
        writer.emit(PyUnicode_DecodeUTF8(text.clean, length, NULL), kind, element,
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
                        _flush(&text, &blocks[depth - 1] if depth else NULL, writer, tags, top)
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
                                _flush(&text, &blocks[depth - 1], writer, tags, top)
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
        _flush(&text, NULL, writer, tags, None)
    finally:
        free(blocks)
        free(text.data)
        free(text.clean)
