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


# name_weights' answers by the raw class and id (see _pair_answer), for the rules they were
# asked under: scoring asks for the same names on each page of a site. A name none of whose
# words is a scoring word (rules.scoring_words) weighs nothing: most new names are settled
# here without a Python split.
cdef enum:
    _WEIGHT_SLOTS = 4096  # a power of two
cdef list _weight_slots = [None] * _WEIGHT_SLOTS
cdef _WordTable _scoring_words
cdef object _weights_owner = None
cdef tuple _NO_WEIGHTS = (0, 0)


cdef extern from *:
    """
    /* A product the compiler may not fuse with the sum it feeds (a fused multiply-add rounds
       once, Python's float operations twice): content._final's answer must be Python's. */
    #if defined(__GNUC__) || defined(__clang__)
    __attribute__((noinline))
    #endif
    static double scrubber_unfused_product(double a, double b) { return a * b; }
    """
    double scrubber_unfused_product(double a, double b) noexcept


cdef double _initial_score(tree.xmlNode* node, _Element body, rules, name_weights, double* positive) except? -1:
    """content._initial_score of ``node``: its tag's score, its class and id words' weight, and
    the bonus of schema.org's articleBody (the first value of each attribute counts, as
    lxml's ``get`` reads it); the positive weight of its name goes to ``positive``."""
    global _weights_owner
    cdef tree.xmlAttr* attr = node.properties
    cdef const char* class_text = NULL
    cdef const char* id_text = NULL
    cdef const char* itemprop = NULL
    cdef const char* value
    cdef bint plain = True
    if node.ns is not NULL:  # a namespaced tag: let Python spell it
        return _python_initial_score(elementFactory(body._doc, node), rules, positive)
    while attr is not NULL:
        name = <const char*>attr.name
        if strcmp(name, b"class") == 0 and class_text is NULL \
                or strcmp(name, b"id") == 0 and id_text is NULL \
                or strcmp(name, b"itemprop") == 0 and itemprop is NULL:
            value = _plain_value(attr, &plain)
            if not plain:  # lxml joins such a value: let Python read it
                return _python_initial_score(elementFactory(body._doc, node), rules, positive)
            if name[0] == b"c":
                class_text = value
            elif name[1] == b"d":
                id_text = value
            else:
                itemprop = value
        attr = attr.next
    if _weights_owner is not rules:
        _weight_slots[:] = [None] * _WEIGHT_SLOTS
        _load_words(&_scoring_words, rules.scoring_words)
        _weights_owner = rules
    cdef _Pair pair = _pair(class_text, id_text, _WEIGHT_SLOTS)
    weights = _pair_answer(_weight_slots, &pair)
    if weights is _UNKNOWN and _scoring_words.loaded and not _holds_a_word(class_text, id_text, &_scoring_words):
        weights = _NO_WEIGHTS
        _keep_answer(_weight_slots, &pair, weights)
    elif weights is _UNKNOWN:
        try:
            class_name, element_id = _decoded(class_text, pair.class_length), _decoded(id_text, pair.id_length)
        except UnicodeDecodeError:  # lxml raises it on reading the value: let Python do so
            return _python_initial_score(elementFactory(body._doc, node), rules, positive)
        weights = name_weights(class_name, element_id)
        _keep_answer(_weight_slots, &pair, weights)
    positive[0] = <long>(<tuple>weights)[1]
    tag = PyUnicode_DecodeUTF8(<const char*>node.name, strlen(<const char*>node.name), NULL)
    score = (<dict?>rules.tag_scores).get(tag, 0) + (<tuple>weights)[0]
    if itemprop is not NULL and strcmp(itemprop, b"articleBody") == 0:
        score += rules.article_body_bonus
    return score


cdef double _python_initial_score(element, rules, double* positive) except? -1:
    score, weight = rules.initial_score(element)
    positive[0] = weight
    return score


def score_walk(_Element body, scores, rules):
    """content.score_tree's walk: fill ``scores`` (a content.Scores) exactly as the Python walk
    does: the text and link text of each block element holding text (``chars``, ``links``: two
    TextCounts of one TallyTable),
    and the final score of each container that paragraphs pass points to (``score``, in the
    order of their first points). ``rules`` (content.walk_rules()) holds the tags, weights
    and limits."""
    cdef tree.xmlNode* top = body._c_node
    cdef tree.xmlNode* node = top
    cdef tree.xmlNode* child
    cdef tree.xmlNode* ancestor
    cdef long chars = 0, links = 0, commas = 0, own_chars, own_commas, nested, paragraph_points
    cdef long min_paragraph_chars = rules.min_paragraph_chars
    cdef Py_ssize_t depth = 0, capacity = 64, position
    cdef Frame* frames = <Frame*>malloc(capacity * sizeof(Frame))
    cdef TallyTable table = TallyTable(body)
    cdef Tallies* tallies = &table.tallies
    cdef Frame* frame
    cdef bint anchor
    cdef int level, skip, levels = len(rules.dividers)
    cdef double share, final, full_name_points = rules.full_name_points
    cdef Tally* tally
    cdef double divider[8]
    cdef TagCodes tags = rules.tags
    cdef int code
    cdef Commas comma_chars
    is_link, name_weights = rules.is_link, rules.name_weights
    if frames is NULL:
        raise MemoryError()
    if levels > 8 or len(rules.comma_chars) > 16:
        free(frames)
        raise ValueError("at most 8 ancestor levels and 16 commas")
    for level in range(levels):
        divider[level] = rules.dividers[level]
    comma_chars.count = len(rules.comma_chars)
    for level in range(comma_chars.count):
        comma_chars.points[level] = ord(rules.comma_chars[level])
    elements = []  # the scored tallies' elements, in their order
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
                            # content._score_paragraph: the container in full, its parent half, and so on up
                            ancestor = node if skip == 0 else (NULL if node is top else node.parent)
                            level = 0
                            while ancestor is not NULL and level < levels:
                                share = paragraph_points / divider[level]
                                position = _tally(tallies, ancestor)
                                if not tallies.items[position].scored:
                                    tallies.items[position].scored = True
                                    elements.append(elementFactory(body._doc, ancestor))
                                    # the initial score first, then the share: the sums are
                                    # rounded as the Python walk rounds them
                                    tallies.items[position].score = _initial_score(
                                        ancestor, body, rules, name_weights, &tallies.items[position].positive) + share
                                    tallies.items[position].points = share
                                else:
                                    tallies.items[position].score += share
                                    tallies.items[position].points += share
                                if ancestor is top:
                                    break
                                ancestor = ancestor.parent
                                level += 1
                        # its counts, after any points it had (scored elements come in order)
                        position = _tally(tallies, node)
                        tallies.items[position].chars = own_chars
                        tallies.items[position].links = links - frame.links_before
                        if depth and node is not top and frames[depth - 1].node is node.parent:
                            frames[depth - 1].nested_chars += own_chars
                            frames[depth - 1].nested_commas += own_commas
                if node is top:
                    score, scored = scores.score, 0
                    for position in range(tallies.count):
                        # content._final, operation for operation
                        tally = &tallies.items[position]
                        if not tally.scored:
                            continue
                        final = tally.score
                        if tally.points < full_name_points:
                            final = final - scrubber_unfused_product(tally.positive, 1 - tally.points / full_name_points)
                        tally.score = final * (1 - (<double>tally.links / tally.chars if tally.chars else 0.0))
                        score[elements[scored]] = tally.score
                        scored += 1
                    scores.chars, scores.links = TextCounts(table, False), TextCounts(table, True)
                    scores.table = table
                    return
                _measure(node.next, &comma_chars, &chars, &commas)
                child = _next_element(node.next)
                if child is not NULL:
                    node = child
                    break
                node = node.parent
    finally:
        free(frames)
