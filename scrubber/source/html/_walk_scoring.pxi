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
        folded = text.casefold()
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


def key_copies(list keys not None, Py_ssize_t template_words, Py_ssize_t max_template_words,
               Py_ssize_t min_template_copies):
    """How often each of ``keys`` (str) occurs, or the template it follows when that has at least
    ``min_template_copies`` copies and the key itself is unique: ``scoring.repeats._key_copies``,
    counted in one pass without a Counter, and with each key's template (the words before its
    ``template_words``-th space, of a key with fewer than ``max_template_words`` spaces) cut
    from it where it is found, not split into words and joined again."""
    cdef Py_ssize_t size = len(keys), position, spaces, cut, i, length, copies
    cdef unsigned int kind
    cdef const void* data
    cdef dict exact = {}, templates = {}
    cdef bint common = False
    heads = [None] * size
    for position in range(size):
        key = keys[position]
        if type(key) is not str:
            raise TypeError(f"a key is a str, not {type(key).__name__}")
        exact[key] = exact.get(key, 0) + 1
        length, kind, data = PyUnicode_GET_LENGTH(key), PyUnicode_KIND(key), PyUnicode_DATA(key)
        spaces, cut = 0, 0
        for i in range(length):
            if PyUnicode_READ(kind, data, i) == 0x20:
                spaces += 1
                if spaces == template_words:
                    cut = i
                elif spaces >= max_template_words:
                    break
        if template_words <= spaces < max_template_words and cut:  # (an empty template is none)
            head = PyUnicode_Substring(key, 0, cut)
            heads[position] = head
            copies = templates.get(head, 0) + 1
            templates[head] = copies
            common = common or copies >= min_template_copies
    out = [exact[key] for key in keys]
    if common:
        for position in range(size):
            head = heads[position]
            if head is not None and out[position] < 2:
                copies = templates[head]
                if copies >= min_template_copies:
                    out[position] = copies
    return out


def scorer_labels(list words not None, list stopwords not None, list capitalised not None, list terminal not None,
                  list link_density not None, list script not None, list unspaced not None, list pieces not None,
                  bint full_stoplist, double title_case, tuple labels not None, tuple bars not None):
    """Each block's label as ``scoring.classifier._label`` gives it, from the page's feature
    columns (one list for each field of ``Features``) and ``pieces`` (whether each block is a
    piece of a flattened line). ``labels``: the labels good, near-good, short and bad;
    ``bars``: the classifier's MAX_LINK_DENSITY, LENGTH_LOW, LENGTH_HIGH, LENGTH_UNENDED,
    STOPWORDS_HIGH and STOPWORDS_LOW."""
    cdef Py_ssize_t size = len(words), position, count
    cdef double max_link_density, stopwords_high, stopwords_low, density
    cdef Py_ssize_t length_low, length_high, length_unended
    cdef bint ended, unended
    good, near_good, short, bad = labels
    max_link_density, length_low, length_high, length_unended, stopwords_high, stopwords_low = bars
    for column in (stopwords, capitalised, terminal, link_density, script, unspaced, pieces):
        if len(column) != size:
            raise ValueError("a value for each block in each column")
    out = [None] * size
    for position in range(size):
        count = words[position]
        if <double>link_density[position] > max_link_density or script[position]:
            out[position] = bad
        elif count < length_low or <double>(<Py_ssize_t>capitalised[position]) >= title_case * count:
            out[position] = short
        else:
            ended = terminal[position]
            if full_stoplist and 2 * <Py_ssize_t>unspaced[position] <= count:
                density = <double>(<Py_ssize_t>stopwords[position]) / count
                unended = not ended and count >= length_unended
                if density >= stopwords_high and (count >= length_unended or ended and count >= length_low):
                    out[position] = near_good if pieces[position] and unended else good
                else:
                    out[position] = near_good if density >= stopwords_low and not unended else bad
            elif ended and count >= length_high:
                out[position] = good
            else:
                out[position] = near_good if ended or count >= length_high else bad
    return out


def scorer_values(list labels not None, list words not None, list copies not None, object blocks not None,
                  value_of, tuple label_names not None, tuple costs not None):
    """Each block's region value as ``scoring.classifier._value`` (``value_of``) gives it: worked
    out here for a block whose text it need not read or reads as it would (a capitalised ASCII
    line, told from code as ``has_code`` tells it), ``value_of`` asked for the others (a short
    line beyond ASCII starting with a capital, whose text may be code; a repeated line): only
    those lines of ``blocks`` are read. ``label_names``: good, near-good, short and bad;
    ``costs``: the classifier's GOOD_OFFSET, NEAR_GOOD_WEIGHT, SHORT_COST, LOWER_SHORT_COST,
    BAD_COST, BAD_WORD_COST and the word count LENGTH_UNENDED // 2 above which a short line
    costs more."""
    cdef Py_ssize_t size = len(labels), position, count, extra
    cdef double good_offset, near_good_weight, short_cost, lower_short_cost, bad_cost, bad_word_cost, value
    cdef Py_ssize_t short_words
    good, near_good, short, bad = label_names
    good_offset, near_good_weight, short_cost, lower_short_cost, bad_cost, bad_word_cost, short_words = costs
    for column in (words, copies, blocks):
        if len(column) != size:
            raise ValueError("a value for each block in each column")
    out = [None] * size
    for position in range(size):
        label = labels[position]
        count = words[position]
        if label is good:
            value = count - good_offset
            out[position] = value if value >= 1.0 else 1.0
        elif <Py_ssize_t>copies[position] > 1:
            block = blocks[position]
            out[position] = value_of(label, count, copies[position], block.text, block.line is not None)
        elif label is near_good:
            value = (count - good_offset) * near_good_weight
            out[position] = value if value >= -short_cost else -short_cost
        elif label is short:
            if not count:
                out[position] = 0.0
                continue
            extra = count - short_words
            block = blocks[position]
            text = block.text
            if not _starts_upper(text):
                out[position] = -(lower_short_cost + bad_word_cost * (extra if extra > 0 else 0))
            elif type(text) is not str or not PyUnicode_IS_ASCII(text):
                out[position] = value_of(label, count, copies[position], text, block.line is not None)
            else:  # a unique capitalised line costs as a label unless it is code (``has_code``)
                out[position] = -((lower_short_cost if _ascii_has_code(text) else short_cost)
                                  + bad_word_cost * (extra if extra > 0 else 0))
        elif label is bad:
            out[position] = -(bad_cost + bad_word_cost * count)
        else:
            block = blocks[position]
            out[position] = value_of(label, count, copies[position], block.text, block.line is not None)
    return out


cdef bint _ascii_has_code(str text):
    # scoring.structure.has_code of an ASCII text: a symbol no label uses (``_CODE_SYMBOL``),
    # or ``_CODE_KEYWORD`` at its start -- two or more of A-Z, whitespace (``regex``'s ``\s``:
    # tab to carriage return and space, not \x1c-\x1f), then a-z or "_"
    cdef const uint8_t* data = <const uint8_t*>PyUnicode_DATA(text)
    cdef Py_ssize_t length = PyUnicode_GET_LENGTH(text), i, upper = 0, spaced
    cdef uint8_t byte
    for i in range(length):
        byte = data[i]
        if byte == 0x5F or byte == 0x3B or byte == 0x3D or byte == 0x7B or byte == 0x7D or byte == 0x5B or byte == 0x5D:
            return True
    while upper < length and 0x41 <= data[upper] <= 0x5A:
        upper += 1
    if upper < 2:
        return False
    spaced = upper
    while spaced < length and (data[spaced] == 0x20 or 0x09 <= data[spaced] <= 0x0D):
        spaced += 1
    return spaced > upper and spaced < length and (0x61 <= data[spaced] <= 0x7A or data[spaced] == 0x5F)


cdef inline bint _starts_upper(object text):
    # text[:1].isupper(): str.isupper of one character is Py_UNICODE_ISUPPER (a text that is no
    # str is left to value_of)
    if type(text) is not str:
        return True
    if not PyUnicode_GET_LENGTH(text):
        return False
    return Py_UNICODE_ISUPPER(PyUnicode_READ(PyUnicode_KIND(text), PyUnicode_DATA(text), 0))


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


cdef extern from "Python.h":
    bint PyUnicode_IS_ASCII(object text)


def structure_screen(list texts not None, Py_ssize_t min_chars):
    """The positions in ``texts`` of those ``scoring.structure.is_structure`` may find to be
    structure: all but the ASCII texts with fewer than ``min_chars`` visible characters, or with
    a third of those letters or more (most lines), which it surely finds are not."""
    cdef Py_ssize_t position
    out = []
    for position in range(len(texts)):
        if _may_be_structure(texts[position], min_chars):
            out.append(position)
    return out


def structure_candidates(list values not None, list blocks not None, double cost, Py_ssize_t min_chars):
    """The positions of the lines of the dump (a block whose ``line`` is None) that cost more
    than ``cost`` (a value below ``-cost``) and that ``structure_screen`` keeps: the lines
    ``scoring.structure.cheapen_structure`` asks ``is_structure``."""
    cdef Py_ssize_t position
    if len(blocks) != len(values):
        raise ValueError("a value for each block")
    out = []
    for position in range(len(values)):
        if -cost > <double>values[position]:
            block = blocks[position]
            if block.line is None and _may_be_structure(block.text, min_chars):
                out.append(position)
    return out


cdef bint _may_be_structure(object text, Py_ssize_t min_chars) except -1:
    # all but an ASCII text with fewer than ``min_chars`` visible characters, or with a third of
    # those letters or more
    cdef Py_ssize_t i, length, visible, letters
    cdef const uint8_t* data
    if type(text) is not str or not PyUnicode_IS_ASCII(text):
        return True
    length, data = PyUnicode_GET_LENGTH(text), <const uint8_t*>PyUnicode_DATA(text)
    visible, letters = length, 0
    for i in range(length):
        if data[i] == 0x20:
            visible -= 1
        elif 0x61 <= (data[i] | 0x20) <= 0x7A:  # an ASCII letter, either case
            letters += 1
    return visible >= min_chars and letters * 3 < visible


def token_screen(list texts not None):
    """The positions in ``texts`` of those ``scoring.structure.is_token`` may find to be a token:
    all but the ASCII texts that start with no bracket, hold no code symbol, no capital as their
    second character and two visible characters side by side (most lines), which it surely
    finds are none."""
    cdef Py_ssize_t position
    out = []
    for position in range(len(texts)):
        if _may_be_token(texts[position]):
            out.append(position)
    return out


def token_candidates(list positions not None, object blocks not None, Py_ssize_t side):
    """The ``positions`` whose neighbour in ``blocks`` on ``side`` (-1 before, 1 after) is a
    line of the dump (its ``line`` is None) that ``token_screen`` keeps: those
    ``scoring.structure._tokens_among`` asks ``is_token`` about."""
    out = []
    for position in positions:
        block = blocks[position + side]
        if block.line is None and _may_be_token(block.text):
            out.append(position)
    return out


cdef bint _may_be_token(object text) except -1:
    cdef Py_ssize_t i, length
    cdef const uint8_t* data
    cdef uint8_t unit, first
    cdef bint two_visible, before_visible, symbol
    if type(text) is not str or not PyUnicode_IS_ASCII(text):
        return True
    length, data = PyUnicode_GET_LENGTH(text), <const uint8_t*>PyUnicode_DATA(text)
    first, two_visible, before_visible, symbol = 0, False, False, False
    for i in range(length):
        unit = data[i]
        if _ascii_whitespace(unit):
            before_visible = False
            continue
        if not first:
            first = unit
        two_visible = two_visible or before_visible
        before_visible = True
        if unit == 0x5F or unit == 0x3B or unit == 0x3D or unit == 0x7B or unit == 0x7D or unit == 0x5B or unit == 0x5D:
            symbol = True  # _CODE_SYMBOL: _ ; = { } [ ]
    return (first == 0x28 or first == 0x5B or first == 0x7B or symbol or not two_visible
            or length > 1 and 0x41 <= data[1] <= 0x5A)


cdef inline bint _ascii_whitespace(uint8_t unit) noexcept:
    # str.isspace of an ASCII character: tab to return, the four separators 0x1C to 0x1F, space
    return 0x09 <= unit <= 0x0D or 0x1C <= unit <= 0x20


def figure_screen(object short not None, object blocks not None):
    """``scoring.structure.figured_lines`` in two lists: the positions in ``short`` of the lines
    of the dump (a block whose ``line`` is None) with an ASCII digit, and those of the lines
    beyond ASCII without one, whose text must be searched for another script's digit."""
    cdef Py_ssize_t i, length
    cdef unsigned int kind
    cdef const void* data
    found, asked = [], []
    for position in short:
        block = blocks[position]
        if block.line is not None:
            continue
        text = block.text
        if type(text) is not str:
            asked.append(position)
            continue
        length, kind, data = PyUnicode_GET_LENGTH(text), PyUnicode_KIND(text), PyUnicode_DATA(text)
        for i in range(length):
            if 0x30 <= PyUnicode_READ(kind, data, i) <= 0x39:
                found.append(position)
                break
        else:
            if not PyUnicode_IS_ASCII(text):
                asked.append(position)
    return found, asked
