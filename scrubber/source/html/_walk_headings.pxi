# Included by _walk.pyx: what a page says about its own words, for the run-in heading splitter
# (normalise.words.Vocabulary._read): one pass over every word of the page, read off the str's
# code units. The Python twin makes a token and its stripped copy for every word of the page.

from cpython.unicode cimport (PyUnicode_DATA, PyUnicode_GET_LENGTH, PyUnicode_KIND, PyUnicode_READ,
                              PyUnicode_Substring, Py_UNICODE_ISLOWER, Py_UNICODE_ISSPACE, Py_UNICODE_ISUPPER)


cdef struct _Chars:
    # a few characters, asked about for every word: the ASCII ones as bits, the others listed
    unsigned long long ascii[2]
    Py_UCS4 others[16]
    int n_others


cdef int _chars_of(_Chars* chars, str characters) except -1:
    cdef Py_UCS4 c
    cdef Py_ssize_t i
    chars.ascii[0] = chars.ascii[1] = 0
    chars.n_others = 0
    for i in range(PyUnicode_GET_LENGTH(characters)):
        c = PyUnicode_READ(PyUnicode_KIND(characters), PyUnicode_DATA(characters), i)
        if c < 128:
            chars.ascii[<unsigned int>c >> 6] |= (<unsigned long long>1) << (<unsigned int>c & 63)
        elif chars.n_others < 16:
            chars.others[chars.n_others] = c
            chars.n_others += 1
        else:
            raise ValueError("more than 16 characters beyond ASCII")
    return 0


cdef inline bint _among(Py_UCS4 point, const _Chars* chars) noexcept:
    cdef int i
    if point < 128:
        return (chars.ascii[<unsigned int>point >> 6] >> (<unsigned int>point & 63)) & 1
    for i in range(chars.n_others):
        if chars.others[i] == point:
            return True
    return False


cdef inline bint _between_tokens(Py_UCS4 point) noexcept:
    # words.tokens_of: runs of \S, where str.split also cuts at the controls \x1c-\x1f
    return Py_UNICODE_ISSPACE(point) and not 0x1C <= point <= 0x1F


def page_vocabulary(texts, frozenset small, str edges, str stops, str closers):
    """``(lower, midcap, pairs)`` of ``texts`` as ``Vocabulary._read`` finds them: ``edges`` are
    the characters ``bare`` strips from a token, ``stops`` and ``closers`` those ``ends_on_stop``
    reads, ``small`` the small words (which do not start a sentence)."""
    cdef set lower = set(), midcap = set(), pairs = set()
    cdef str text, word, folded
    cdef object previous_cap
    cdef bint in_sentence, plain
    cdef Py_ssize_t length, i, start, end, word_start, word_end, k
    cdef unsigned int kind
    cdef const void* data
    cdef Py_UCS4 first, last, point
    cdef _Chars edge_chars, stop_chars, closer_chars
    _chars_of(&edge_chars, edges)
    _chars_of(&stop_chars, stops)
    _chars_of(&closer_chars, closers)
    for text in texts:
        length = PyUnicode_GET_LENGTH(text)
        kind = PyUnicode_KIND(text)
        data = PyUnicode_DATA(text)
        in_sentence = False
        previous_cap = None
        i = 0
        while True:
            while i < length and _between_tokens(PyUnicode_READ(kind, data, i)):
                i += 1
            if i >= length:
                break
            start = i
            while i < length and not _between_tokens(PyUnicode_READ(kind, data, i)):
                i += 1
            end = i
            word_start, word_end = start, end
            while word_start < word_end and _among(PyUnicode_READ(kind, data, word_start), &edge_chars):
                word_start += 1
            while word_end > word_start and _among(PyUnicode_READ(kind, data, word_end - 1), &edge_chars):
                word_end -= 1
            if word_start < word_end:
                first = PyUnicode_READ(kind, data, word_start)
                if Py_UNICODE_ISLOWER(first):
                    word = PyUnicode_Substring(text, word_start, word_end)
                    # ASCII without capitals is its own case folding
                    plain = True
                    for k in range(word_start, word_end):
                        point = PyUnicode_READ(kind, data, k)
                        if point > 0x7F or 0x41 <= point <= 0x5A:
                            plain = False
                            break
                    folded = word if plain else word.casefold()
                    lower.add(folded)
                    if not in_sentence and folded not in small:
                        in_sentence = True
                    previous_cap = None
                elif in_sentence and Py_UNICODE_ISUPPER(first):
                    word = PyUnicode_Substring(text, word_start, word_end)
                    midcap.add(word)
                    if previous_cap is not None:
                        pairs.add((previous_cap, word))
                    previous_cap = word
            last = PyUnicode_READ(kind, data, end - 1)
            if last == u",":
                previous_cap = None
            elif last == u":":
                previous_cap = None
                in_sentence = False
            else:
                # ends_on_stop: a stop, then any closing quotes or brackets
                k = end
                while k > start and _among(PyUnicode_READ(kind, data, k - 1), &closer_chars):
                    k -= 1
                if k > start and _among(PyUnicode_READ(kind, data, k - 1), &stop_chars):
                    previous_cap = None
                    in_sentence = False
    return lower, midcap, pairs


cdef inline bint _may_head(str text, unsigned int kind, const void* data, Py_ssize_t start, Py_ssize_t end,
                           frozenset small, Py_ssize_t longest_small) except -1:
    # headings._may_open_heading's word that may stand in a heading: not lower case, or a small
    # word (which no longer token is: case folding never shortens a word)
    if not Py_UNICODE_ISLOWER(PyUnicode_READ(kind, data, start)):
        return True
    return end - start <= longest_small and PyUnicode_Substring(text, start, end).casefold() in small


cdef bint _opens_sentence(str text, Py_ssize_t start, Py_ssize_t end, frozenset openers) except -1:
    """``headings._opens_sentence`` of the token from ``start`` to ``end``: its case folding, up
    to its first apostrophe, is one of ``openers``."""
    cdef str word = PyUnicode_Substring(text, start, end).casefold()
    cdef Py_ssize_t cut = -1, i
    cdef Py_UCS4 point
    for i in range(len(word)):
        point = word[i]
        if point == u"'" or point == u"’":
            cut = i
            break
    return (word if cut < 0 else word[:cut]) in openers


# The small words' longest length, kept for the set it was measured on: the same set comes
# for every paragraph.
cdef object _measured_small = None
cdef Py_ssize_t _longest_small = 0


cdef Py_ssize_t _longest_of(frozenset small) except -1:
    global _measured_small, _longest_small
    if small is not _measured_small:
        _longest_small = max([len(word) for word in small], default=0)
        _measured_small = small
    return _longest_small


def heading_openings(str text, bint questions, bint capitalises_nouns, frozenset small, list_number,
                     frozenset openers, str stop_or_closer, Py_ssize_t nearest_opener, Py_ssize_t farthest_opener):
    """The sentence starts of ``text`` (its first token, or one after a token ending on a character
    of ``stop_or_closer``) where ``headings._may_open_heading`` is true, as token indices in order:
    an empty list means no heading can be split out of it, and its tokens need not be made.
    ``list_number`` is the Python predicate for a list number (asked only of a token of two or
    three characters that ends on "." or ")", as every list number does), ``openers`` the
    sentence openers, which end a sentence-case heading's first words from ``nearest_opener`` to
    ``farthest_opener`` words after its start."""
    cdef Py_ssize_t length = PyUnicode_GET_LENGTH(text), n = 0, i = 0, p, body, j, last
    cdef Py_ssize_t longest_small = _longest_of(small)
    cdef unsigned int kind = PyUnicode_KIND(text)
    cdef const void* data = PyUnicode_DATA(text)
    cdef Py_ssize_t* starts
    cdef Py_ssize_t* ends
    cdef bint second
    cdef Py_UCS4 end_point
    cdef list found = []
    cdef _Chars stop_or_closer_chars
    _chars_of(&stop_or_closer_chars, stop_or_closer)
    starts = <Py_ssize_t*>malloc((length // 2 + 1) * sizeof(Py_ssize_t))
    ends = <Py_ssize_t*>malloc((length // 2 + 1) * sizeof(Py_ssize_t))
    if starts == NULL or ends == NULL:
        free(starts)
        free(ends)
        raise MemoryError()
    try:
        while True:  # the tokens, as words.tokens_of cuts them
            while i < length and _between_tokens(PyUnicode_READ(kind, data, i)):
                i += 1
            if i >= length:
                break
            starts[n] = i
            while i < length and not _between_tokens(PyUnicode_READ(kind, data, i)):
                i += 1
            ends[n] = i
            n += 1
        for p in range(n):
            if p and not _among(PyUnicode_READ(kind, data, ends[p - 1] - 1), &stop_or_closer_chars):
                continue
            body = p
            if 2 <= ends[p] - starts[p] <= 3:
                end_point = PyUnicode_READ(kind, data, ends[p] - 1)
                if (end_point == u"." or end_point == u")") \
                        and list_number(PyUnicode_Substring(text, starts[p], ends[p])):
                    body = p + 1
            if body + 1 >= n:
                continue
            second = _may_head(text, kind, data, starts[body + 1], ends[body + 1], small, longest_small)
            if questions and (second or PyUnicode_READ(kind, data, ends[body + 1] - 1) == u"?"):
                found.append(p)
                continue
            if (not capitalises_nouns and second and body + 2 < n
                    and _may_head(text, kind, data, starts[body + 2], ends[body + 2], small, longest_small)):
                found.append(p)
                continue
            if not Py_UNICODE_ISUPPER(PyUnicode_READ(kind, data, starts[body])):
                continue
            last = min(n - 2, body + farthest_opener)
            for j in range(body + nearest_opener, last + 1):
                if (Py_UNICODE_ISUPPER(PyUnicode_READ(kind, data, starts[j]))
                        and _opens_sentence(text, starts[j], ends[j], openers)):
                    found.append(p)
                    break
        return found
    finally:
        free(starts)
        free(ends)
