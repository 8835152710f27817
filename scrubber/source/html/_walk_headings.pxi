# Included by _walk.pyx: what a page says about its own words, for the run-in heading splitter
# (normalise.words.Vocabulary._read): one pass over every word of the page, read off the str's
# code units. The Python twin makes a token and its stripped copy for every word of the page.

from cpython.unicode cimport (PyUnicode_DATA, PyUnicode_GET_LENGTH, PyUnicode_KIND, PyUnicode_READ,
                              PyUnicode_Substring, Py_UNICODE_ISLOWER, Py_UNICODE_ISSPACE, Py_UNICODE_ISUPPER)


cdef inline bint _among(Py_UCS4 point, str characters) noexcept:
    # a handful of characters: a scan costs less than a set lookup of a 1-character str
    cdef Py_UCS4 c
    for c in characters:
        if c == point:
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
            while word_start < word_end and _among(PyUnicode_READ(kind, data, word_start), edges):
                word_start += 1
            while word_end > word_start and _among(PyUnicode_READ(kind, data, word_end - 1), edges):
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
                while k > start and _among(PyUnicode_READ(kind, data, k - 1), closers):
                    k -= 1
                if k > start and _among(PyUnicode_READ(kind, data, k - 1), stops):
                    previous_cap = None
                    in_sentence = False
    return lower, midcap, pairs
