# Included by _walk.pyx, after _walk_words.pxi: the counts the scorer reads off each line of a page
# (scoring.features._page_counts), in one pass over each line's own characters. The Python twin
# joins the page, replaces, encodes, translates and splits it a dozen times over, then reads each
# count off the pieces with a map of its own.

from cpython.set cimport PySet_Contains
from cpython.unicode cimport (Py_UNICODE_ISUPPER, PyUnicode_1BYTE_KIND, PyUnicode_2BYTE_KIND, PyUnicode_READ,
                              PyUnicode_Substring)

# The classes of a character of the Basic Multilingual Plane (``LineCounter``'s ``classes``).
cdef enum _CharClass:
    _WORD_CHAR = 1  # the twin's ``\w``
    _UPPER_CHAR = 2  # ``\p{Lu}``
    _UNSPACED_CHAR = 4  # of a script written without spaces (``_UNSPACED``)
    _LETTER_CHAR = 8  # ``\p{L}`` (scoring.structure's letters, read by _walk_scoring_screens.pxi)


cdef enum _Counted:
    _COUNTED_ALL = 0
    _APART = 1  # left to Features.of
    _WITH_NUL = 2  # the page is left to Features.of
    _BEYOND_LATIN_1 = 3  # to be counted by _count_beyond


cdef class LineCounter:
    """Counts the words of each text of a page as ``scoring.features._page_counts`` does, for one
    stoplist (``kinds``: its ``WordKinds`` table, or None for no stoplist). The byte tables are
    the twin's: ``case`` ("A" upper-case word byte, "a" another word byte, " " any other),
    ``fold`` (a word byte's case folding) and ``longer`` (the foldings two bytes long);
    ``unfoldable``, the bytes whose folding lies beyond Latin-1; ``punctuation``, the characters
    beyond Latin-1 read as spaces; ``closing`` and ``ends``, the closing quotes and the sentence
    ends of a terminal line; ``script_chars``, the length from which a line may be a script.

    A text beyond Latin-1 is counted as ``Features.of`` counts it, with its regexes: from the
    ``classes`` of each character of the Basic Multilingual Plane (a byte each, ``_CharClass``),
    its words case-folded by ``str.casefold`` and looked up in ``stopwords`` (the stoplist as
    str) when no longer than ``longest`` characters."""

    cdef WordKinds _kinds
    cdef uint8_t _case[256]
    cdef unsigned char _fold[256][2]
    cdef uint8_t _fold_length[256]
    cdef uint8_t _unfoldable[256]
    cdef unicode _punctuation, _closing, _ends
    cdef Py_ssize_t _script_chars
    cdef unsigned char* _word  # room for the longest word the table holds, and a folding more
    cdef bytes _classes
    cdef const uint8_t* _class
    cdef frozenset _stopwords
    cdef Py_ssize_t _longest_stopword

    def __cinit__(self, WordKinds kinds, bytes case not None, bytes fold not None, dict longer not None,
                  bytes unfoldable not None, unicode punctuation not None, unicode closing not None,
                  unicode ends not None, Py_ssize_t script_chars, bytes classes not None,
                  frozenset stopwords not None, Py_ssize_t longest):
        # (read as unsigned bytes: Cython reads a bytes object's items as C chars, which may be signed)
        cdef const unsigned char* cases = case
        cdef const unsigned char* folds = fold
        cdef const unsigned char* unfolded = unfoldable
        cdef const unsigned char* longer_folding
        cdef int byte
        if len(case) != 256 or len(fold) != 256:
            raise ValueError("a case and a fold table of 256 bytes each")
        self._kinds = kinds
        for byte in range(256):
            self._case[byte] = cases[byte]
            self._fold[byte][0] = folds[byte]
            self._fold_length[byte] = 1
            self._unfoldable[byte] = 0
        for byte, folding in longer.items():
            if not 0 <= byte <= 255 or type(folding) is not bytes or len(folding) != 2:
                raise ValueError(f"a longer folding is a byte's two bytes, not {byte!r}: {folding!r}")
            longer_folding = folding
            self._fold[byte][0], self._fold[byte][1] = longer_folding[0], longer_folding[1]
            self._fold_length[byte] = 2
        for byte in range(len(unfoldable)):
            self._unfoldable[unfolded[byte]] = 1
        self._punctuation, self._closing, self._ends = punctuation, closing, ends
        self._script_chars = script_chars
        if len(classes) != 0x10000:
            raise ValueError("a class for each character of the Basic Multilingual Plane")
        self._classes, self._stopwords, self._longest_stopword = classes, stopwords, longest
        self._class = <const uint8_t*><const char*>self._classes
        self._word = <unsigned char*>malloc((kinds._longest if kinds is not None else 0) + 2)
        if self._word == NULL:
            raise MemoryError()

    def __dealloc__(self):
        free(self._word)

    def count(self, list texts not None):
        """``(words, stopwords, long stopwords, capitals, terminal, unspaced, apart, maybe scripts)``
        of ``texts`` (str), or None when the page is to be counted one text at a time."""
        cdef Py_ssize_t size = len(texts), position
        if not size:
            return None
        words, stops, long_stops = [0] * size, [0] * size, [0] * size
        capitals, terminal, unspaced, apart, scripts = [0] * size, [False] * size, [0] * size, [], []
        cdef Py_ssize_t counts[5]
        for position in range(size):
            text = texts[position]
            if type(text) is not str:
                raise TypeError(f"a text is a str, not {type(text).__name__}")
            outcome = self._count(<unicode>text, counts)
            if outcome == _BEYOND_LATIN_1:
                outcome = self._count_beyond(<unicode>text, counts)
            if outcome == _WITH_NUL:
                return None
            if outcome == _APART:
                apart.append(position)
            else:
                words[position], stops[position], long_stops[position], capitals[position], unspaced[position] = (
                    counts[0], counts[1], counts[2], counts[3], counts[4])
            terminal[position] = self._terminal(<unicode>text)
            if PyUnicode_GET_LENGTH(text) >= self._script_chars or "<" in <unicode>text:
                scripts.append(position)
        return words, stops, long_stops, capitals, terminal, unspaced, apart, scripts

    cdef _Counted _count(self, unicode text, Py_ssize_t* counts):
        # counts: words, stopwords, long stopwords, capitals, unspaced (none: a Latin-1 text)
        cdef Py_ssize_t length = PyUnicode_GET_LENGTH(text)
        cdef unsigned int kind = PyUnicode_KIND(text)
        counts[0] = counts[1] = counts[2] = counts[3] = counts[4] = 0
        # each width of code unit read by a loop of its own: most lines are one byte a character
        if kind == PyUnicode_1BYTE_KIND:
            return _count_units(self, <const uint8_t*>PyUnicode_DATA(text), length, counts)
        if kind == PyUnicode_2BYTE_KIND:
            return _count_units(self, <const uint16_t*>PyUnicode_DATA(text), length, counts)
        return _count_units(self, <const uint32_t*>PyUnicode_DATA(text), length, counts)

    cdef bint _terminal(self, unicode text):
        # the twin's text.rstrip(closing).endswith(ends), read from the end; a text ending in a
        # newline as the twin's regex reads it, whose "$" matches before that newline too
        cdef Py_ssize_t end = PyUnicode_GET_LENGTH(text)
        cdef unsigned int kind = PyUnicode_KIND(text)
        cdef const void* data = PyUnicode_DATA(text)
        if end and PyUnicode_READ(kind, data, end - 1) == 0x0A:
            end -= 1
        while end and PyUnicode_READ(kind, data, end - 1) in self._closing:
            end -= 1
        return end > 0 and PyUnicode_READ(kind, data, end - 1) in self._ends

    cdef _Counted _count_beyond(self, unicode text, Py_ssize_t* counts):
        # ``_count`` of a text beyond Latin-1, as Features.of reads it: _WORD in its case folding,
        # _CAPITAL (an upper-case letter after no word character) and _UNSPACED in the text itself
        cdef Py_ssize_t length = PyUnicode_GET_LENGTH(text), i, start = 0
        cdef unsigned int kind = PyUnicode_KIND(text)
        cdef const void* data = PyUnicode_DATA(text)
        cdef Py_UCS4 point
        cdef uint8_t char_class, before = 0
        cdef bint in_word = False
        counts[0] = counts[1] = counts[2] = counts[3] = counts[4] = 0
        for i in range(length):
            point = PyUnicode_READ(kind, data, i)
            if point == 0:
                return _WITH_NUL
            if point > 0xFFFF:
                return _APART  # beyond the table
            char_class = self._class[point]
            if char_class & _UPPER_CHAR and not before & _WORD_CHAR:
                counts[3] += 1
            if char_class & _UNSPACED_CHAR:
                counts[4] += 1
            before = char_class
        # (folded from the module's table, as str.casefold folds it: most texts beyond Latin-1 are
        # Polish or Czech, whose every character str.casefold looks up twice and copies through a buffer)
        folded = _case_folded(text)
        length, kind, data = PyUnicode_GET_LENGTH(folded), PyUnicode_KIND(folded), PyUnicode_DATA(folded)
        for i in range(length + 1):
            point = PyUnicode_READ(kind, data, i) if i < length else 0x20
            if point > 0xFFFF:
                return _APART
            if self._class[point] & _WORD_CHAR:
                if not in_word:
                    in_word, start = True, i
                    counts[0] += 1
            elif in_word:
                in_word = False
                if i - start <= self._longest_stopword and PySet_Contains(self._stopwords, PyUnicode_Substring(folded, start, i)):
                    counts[1] += 1
                    counts[2] += i - start > 2
        # Features.of: a run of an unspaced script is many words long
        counts[4] = counts[4] // 2 if counts[0] else 0
        if PyUnicode_GET_LENGTH(text) > 8 * counts[0] and counts[4] > counts[0]:
            counts[0] = counts[4]
        return _COUNTED_ALL


cdef _Counted _count_units(LineCounter counter, const _Unit* data, Py_ssize_t length, Py_ssize_t* counts):
    # LineCounter._count of a text of ``length`` code units of one width
    cdef Py_ssize_t i, held = 0
    cdef Py_UCS4 point, before = 0x20
    cdef uint8_t case, word_kind
    cdef uint32_t hash = _FNV_START
    cdef Py_ssize_t longest = counter._kinds._longest if counter._kinds is not None else -1
    cdef bint in_word = False
    for i in range(length):
        point = data[i]
        if point == 0:
            return _WITH_NUL
        if _Unit is not uint8_t and point > 0xFF:
            if point not in counter._punctuation:
                return _BEYOND_LATIN_1
            point = 0x20
        if point == 0x23 and before == 0x26 or counter._unfoldable[point]:
            # what the twin's byte tables cannot count; a NUL further on still counts
            for i in range(i + 1, length):
                if data[i] == 0:
                    return _WITH_NUL
            return _APART
        before = point
        case = counter._case[point]
        if case != 0x20:
            if not in_word:
                in_word, held, hash = True, 0, _FNV_START
                counts[0] += 1
                counts[3] += case == 0x41
            if held <= longest:  # a longer word is in no table
                counter._word[held] = counter._fold[point][0]
                hash = _fnv_step(hash, counter._fold[point][0])
                if counter._fold_length[point] == 2:
                    counter._word[held + 1] = counter._fold[point][1]
                    hash = _fnv_step(hash, counter._fold[point][1])
                held += counter._fold_length[point]
        elif in_word:
            in_word = False
            if held <= longest:
                word_kind = counter._kinds._find(counter._word, held, hash)
                counts[1] += word_kind == 1 or word_kind == 2
                counts[2] += word_kind == 2
    if in_word and held <= longest:
        word_kind = counter._kinds._find(counter._word, held, hash)
        counts[1] += word_kind == 1 or word_kind == 2
        counts[2] += word_kind == 2
    return _COUNTED_ALL
