# Included by _walk.pyx: the compiled twin of content.score_tree's walk.

# content.WalkRules.tags: what a tag's code says
cdef enum:
    _MEASURED = 1   # content._MEASURED: a block or an anchor, whose text is measured on its own
    _PARAGRAPH = 2  # content.PARAGRAPHS
    _LINK = 4       # <a>


cdef struct Frame:
    tree.xmlNode* node
    long chars_before, links_before, commas_before, nested_chars, nested_commas
    bint is_anchor, is_paragraph


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
