# Included by _walk.pyx: a flattened line of a text dump (source.text._pieces) cut into its
# sentences in one pass, each told apart from the many that the slower cuts of source.text (a
# byline, a menu run at its head, a long menu run inside) leave whole: in Python, each of
# those tests split or scanned every sentence again.

from cpython.unicode cimport Py_UNICODE_ISDIGIT, Py_UNICODE_ISLOWER, Py_UNICODE_ISUPPER

cdef extern from *:
    object PyUnicode_FromKindAndData(int kind, const void* buffer, Py_ssize_t size)
    int PyUnicode_4BYTE_KIND

# source.text's constants, which its tests check these against (Python's own cannot be
# imported here: the compiled walks import nothing of scrubber)
cdef enum:
    _MIN_CHROME_TOKENS = 4
    _MIN_CHROME_HALVES = 6  # MIN_CHROME_WEIGHT, in half weights: every weight is a multiple of 0.5
    _LONG_PIECE_WORDS = 40
    _HIGH_CHAR = 0x2E80  # the lowest character of the CJK blocks (text._HIGH_CHAR)
    _MIN_MENU_RUN = 4
    _MAX_REMEMBERED_CHARS = 5000
cdef double _CHROME_SHARE = 0.4

# Non-ASCII characters asked about by the caller's pattern, which uses the regex module's
# Unicode tables: Python's unicodedata may be of another Unicode version.
cdef dict _capital_or_number_of = {}


cdef inline bint _regex_space(Py_UCS4 point):
    # regex's \s: Python's whitespace but U+001C-U+001F
    return point == 32 or 9 <= point <= 13 or (point >= 128 and Py_UNICODE_ISSPACE(point))


cdef inline bint _stop(Py_UCS4 point):
    return point == 46 or point == 33 or point == 63 or point == 0x2026  # . ! ? …


cdef inline bint _closer(Py_UCS4 point):
    return point == 34 or point == 39 or point == 0x201D or point == 0x2019 or point == 0xBB \
        or point == 41 or point == 93  # " ' ” ’ » ) ]


cdef inline bint _opener(Py_UCS4 point):
    return point == 34 or point == 39 or point == 0x201C or point == 0x2018 or point == 0xAB \
        or point == 40 or point == 91  # " ' “ ‘ « ( [


cdef bint _capital_or_number(Py_UCS4 point, object pattern) except -1:
    if point < 128:
        return 65 <= point <= 90 or 48 <= point <= 57
    found = _capital_or_number_of.get(point)
    if found is None:
        found = pattern.match(chr(point)) is not None
        if len(_capital_or_number_of) >= _MAX_REMEMBERED_CHARS:
            _capital_or_number_of.clear()
        _capital_or_number_of[point] = found
    return found


cdef inline int _half_weight(Py_UCS4 first):
    # text._weight of a token starting with ``first``, doubled
    if Py_UNICODE_ISLOWER(first):
        return 2
    if Py_UNICODE_ISUPPER(first):
        return -2
    if Py_UNICODE_ISDIGIT(first):
        return -1
    return 0


cdef enum:
    # what a sentence may need (source.text's _BYLINE_CUT, _HEAD_OR_RUN_CUT)
    _BYLINE_CUT = 1
    _HEAD_OR_RUN_CUT = 2


cdef int _cuts_needed(int kind, const void* data, Py_ssize_t start, Py_ssize_t end):
    """Which cuts of source.text the sentence from ``start`` to ``end`` may need: a byline's
    (it holds "By", "Von", "Par" or "Por"), a chrome head's (``split_chrome_head``'s first
    test: seven tokens or more, and a head of them weighing -MIN_CHROME_WEIGHT or less) or a
    menu run's (it has LONG_PIECE_WORDS spaces or more). 0 for most: every cut leaves them whole."""
    cdef Py_ssize_t i, spaces = 0
    cdef Py_UCS4 point, after
    cdef bint at_start = True
    cdef int weight = 0, lowest = 0, cuts = 0
    for i in range(start, end):
        point = PyUnicode_READ(kind, data, i)
        if point == 32:
            # the weight of the head up to here: the sum of the tokens before each space
            # (the last token's is not counted; an empty token weighs nothing)
            spaces += 1
            lowest = min(lowest, weight)
            at_start = True
            continue
        if at_start:
            weight += _half_weight(point)
            at_start = False
        if cuts:
            continue
        if point == 66:  # B
            if i + 1 < end and PyUnicode_READ(kind, data, i + 1) == 121:  # By
                cuts = _BYLINE_CUT
        elif point == 86 or point == 80:  # V, P
            if i + 2 < end and PyUnicode_READ(kind, data, i + 2) == (110 if point == 86 else 114):
                after = PyUnicode_READ(kind, data, i + 1)
                if after == 111 or (point == 80 and after == 97):  # Von, Por, Par
                    cuts = _BYLINE_CUT
    if spaces >= _LONG_PIECE_WORDS or (spaces + 1 >= _MIN_CHROME_TOKENS + 3 and lowest <= -_MIN_CHROME_HALVES):
        cuts |= _HEAD_OR_RUN_CUT
    return cuts


def flat_sentences(str line not None, capital_or_number not None):
    """``(sentences, cuts, high)``: ``text._SENTENCE_BREAK.split(line)``, a byte for each
    sentence that tells which cuts of ``text._pieces`` it may need (``_cuts_needed``), and how
    many characters of the line lie at or above the CJK blocks. ``capital_or_number``
    is the pattern of a character that may start a sentence: ``[\\p{Lu}\\p{N}]``."""
    cdef int kind = PyUnicode_KIND(line)
    cdef const void* data = PyUnicode_DATA(line)
    cdef Py_ssize_t length = PyUnicode_GET_LENGTH(line), i = 0, start = 0, gap, after, high = 0
    cdef Py_UCS4 point
    sentences, cuts = [], bytearray()
    while i < length:
        point = PyUnicode_READ(kind, data, i)
        i += 1
        if point >= _HIGH_CHAR:
            high += 1
            continue
        if not _stop(point):
            continue
        # a stop, closing quotes or brackets, whitespace, then a capital or a number (after an
        # opening quote or bracket): the whitespace is the break
        gap = i
        while gap < length and _closer(PyUnicode_READ(kind, data, gap)):
            gap += 1
        after = gap
        while after < length and _regex_space(PyUnicode_READ(kind, data, after)):
            after += 1
        if after == gap or after == length:
            continue
        point = PyUnicode_READ(kind, data, after)
        if not (_capital_or_number(point, capital_or_number) or _opener(point) and after + 1 < length
                and _capital_or_number(PyUnicode_READ(kind, data, after + 1), capital_or_number)):
            continue
        sentences.append(line[start:gap])
        cuts.append(_cuts_needed(kind, data, start, gap))
        # the search goes on after the break (which may hold an ideographic space: U+3000)
        while i < after:
            high += PyUnicode_READ(kind, data, i) >= _HIGH_CHAR
            i += 1
        start = after
    sentences.append(line[start:])
    cuts.append(_cuts_needed(kind, data, start, length))
    return sentences, cuts, high


cdef Py_ssize_t* _token_starts(str text, Py_ssize_t* count) except NULL:
    """Where each token of ``text.split(" ")`` starts, with the start the token after the last
    would have (``len(text) + 1``) at the end: ``count[0]`` tokens. Freed by the caller."""
    cdef int kind = PyUnicode_KIND(text)
    cdef const void* data = PyUnicode_DATA(text)
    cdef Py_ssize_t length = PyUnicode_GET_LENGTH(text), i, n = 1
    for i in range(length):
        n += PyUnicode_READ(kind, data, i) == 32
    cdef Py_ssize_t* starts = <Py_ssize_t*>malloc((n + 1) * sizeof(Py_ssize_t))
    if starts == NULL:
        raise MemoryError()
    starts[0] = 0
    n = 1
    for i in range(length):
        if PyUnicode_READ(kind, data, i) == 32:
            starts[n] = i + 1
            n += 1
    starts[n] = length + 1
    count[0] = n
    return starts


cdef inline Py_UCS4 _first(int kind, const void* data, Py_ssize_t* starts, Py_ssize_t token):
    """The first character of a token; 0 for an empty one."""
    return PyUnicode_READ(kind, data, starts[token]) if starts[token + 1] - starts[token] > 1 else 0


def chrome_head_at(str sentence not None, starters not None):
    """Where ``text.split_chrome_head`` cuts ``sentence``: the start of the token that begins
    its prose-like tail (0 for no cut). ``starters``: the casefolded words that start sentences."""
    cdef int kind = PyUnicode_KIND(sentence)
    cdef const void* data = PyUnicode_DATA(sentence)
    cdef Py_ssize_t count, position, best_at = 0, lower_before = 0
    cdef Py_ssize_t* starts = _token_starts(sentence, &count)
    # the weights in halves (text._weight, doubled): the sums stay exact integers, and each
    # test below compares what its Python twin compares
    cdef int* halves = <int*>malloc(count * sizeof(int))
    cdef int prefix = 0, suffix = 0, best = 0, lowest = 0
    cdef Py_UCS4 first
    try:
        if halves == NULL:
            raise MemoryError()
        if count < _MIN_CHROME_TOKENS + 3:
            return 0
        for position in range(count):
            first = _first(kind, data, starts, position)
            halves[position] = _half_weight(first) if first else 0
            if position < count - 1:
                prefix += halves[position]
                lowest = min(lowest, prefix)
            else:
                prefix += halves[position]
            lower_before += halves[position] > 0
        if lowest > -_MIN_CHROME_HALVES:
            return 0
        for position in range(count - 1, _MIN_CHROME_TOKENS - 1, -1):
            suffix += halves[position]
            prefix -= halves[position]
            lower_before -= halves[position] > 0
            first = _first(kind, data, starts, position)
            if not Py_UNICODE_ISUPPER(first) or suffix <= best or prefix > -_MIN_CHROME_HALVES \
                    or prefix / 2.0 > -_CHROME_SHARE * position:
                continue
            # a capital after a run with lower-case words in it: only a word that starts sentences cuts there
            if lower_before == 0 or sentence[starts[position]:starts[position + 1] - 1].casefold() in starters:
                best, best_at = suffix, position
        if best_at == 0 or best < 4:
            return 0
        return starts[best_at]
    finally:
        free(starts)
        free(halves)


def menu_runs(str piece not None):
    """``text.split_menu_runs(piece)``: ``piece`` cut before and after each run of MIN_MENU_RUN
    tokens or more that do not start lower-case."""
    cdef int kind = PyUnicode_KIND(piece)
    cdef const void* data = PyUnicode_DATA(piece)
    cdef Py_ssize_t count, position, start = 0, run_start = -1
    cdef Py_ssize_t* starts = _token_starts(piece, &count)
    out = []
    try:
        # the token after the last ("end" in the twin) starts lower-case, and ends a run there
        for position in range(count + 1):
            if position < count and not Py_UNICODE_ISLOWER(_first(kind, data, starts, position)):
                if run_start < 0:
                    run_start = position
                continue
            if run_start >= 0 and position - run_start >= _MIN_MENU_RUN:
                if run_start > start:
                    out.append(piece[starts[start]:starts[run_start] - 1])
                out.append(piece[starts[run_start]:starts[position] - 1])
                start = position
            run_start = -1
        if start < count:
            out.append(piece[starts[start]:])
        return out
    finally:
        free(starts)


def clean_unprintable(str line not None):
    """``normalise.whitespace.clean_line(line)`` for a line that is not printable, in one pass:
    its whitespace, C0 and C1 controls and lone surrogates (``whitespace._CONTROL``) part words
    with one space, its invisible characters (``_invisible``) are deleted, the rest kept."""
    cdef int kind = PyUnicode_KIND(line)
    cdef const void* data = PyUnicode_DATA(line)
    cdef Py_ssize_t length = PyUnicode_GET_LENGTH(line), i, written = 0
    cdef Py_UCS4 point
    cdef bint space = False
    cdef Py_UCS4* out = <Py_UCS4*>malloc(length * sizeof(Py_UCS4) + 1)
    if out == NULL:
        raise MemoryError()
    try:
        for i in range(length):
            point = PyUnicode_READ(kind, data, i)
            if Py_UNICODE_ISSPACE(point) or point <= 8 or 0x0E <= point <= 0x1F or 0x7F <= point <= 0x9F \
                    or 0xD800 <= point <= 0xDFFF:
                space = True
            elif not _invisible(point):
                if space and written:
                    out[written] = 32
                    written += 1
                space = False
                out[written] = point
                written += 1
        return PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, out, written)
    finally:
        free(out)
