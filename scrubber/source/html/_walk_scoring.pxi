# Included by _walk.pyx, after _walk_line_counts.pxi: the scorer's per-line passes over a page
# once its lines are counted -- repeats (scoring.repeats.copies, _key_copies), labels and values
# (scoring.classifier._labels / _values) -- each the twin of a Python loop over the page.

from cpython.unicode cimport Py_UNICODE_ISDIGIT, Py_UNICODE_ISTITLE, PyUnicode_READ_CHAR

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


def stamped_keys(list keys not None, counter_key, str clock_key not None, Py_ssize_t counter_chars,
                 Py_ssize_t min_copies):
    """``keys`` (str) as ``scoring.repeats.copies`` counts them: ``counter_key`` (its
    ``_counter_key``) asked only about a key that starts with a digit and is at most
    ``counter_chars`` long (a longer one it leaves as it is), and the ``clock_key`` it gives
    a time of day turned back into its key when fewer than ``min_copies`` keys are one."""
    cdef Py_ssize_t size = len(keys), position, clocks
    cdef bint stamped = False
    out = list(keys)
    for position in range(size):
        key = keys[position]
        if type(key) is not str:
            raise TypeError(f"a key is a str, not {type(key).__name__}")
        if 0 < PyUnicode_GET_LENGTH(key) <= counter_chars and Py_UNICODE_ISDIGIT(PyUnicode_READ_CHAR(key, 0)):
            out[position] = counter_key(key)
            stamped = True
    if not stamped:  # (most pages: no clock to count)
        return out
    clocks = out.count(clock_key)
    if 0 < clocks < min_copies:
        for position in range(size):
            if out[position] == clock_key:
                out[position] = keys[position]
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
    out here for a block whose text it need not read or reads as it would (a capitalised line,
    told from code as ``has_code`` tells it; a repeated line, charged as a repeat when it is
    capitalised like a label), ``value_of`` asked for the others (a line whose code only
    ``has_code``'s regex tells, a repeated line that may be a stamp): only those lines of
    ``blocks`` are read. ``label_names``: good, near-good, short and bad; ``costs``: the
    classifier's GOOD_OFFSET, NEAR_GOOD_WEIGHT, SHORT_COST, LOWER_SHORT_COST, BAD_COST,
    BAD_WORD_COST, the word count LENGTH_UNENDED // 2 above which a short line costs more,
    REPEAT_COST and MAX_COUNTED_COPIES; then the longest counter and clock ``is_stamp`` matches."""
    cdef Py_ssize_t size = len(labels), position, count, extra, repeats
    cdef double good_offset, near_good_weight, short_cost, lower_short_cost, bad_cost, bad_word_cost, value
    cdef double repeat_cost
    cdef Py_ssize_t short_words, max_counted, counter_chars, clock_chars
    cdef int code, charged
    good, near_good, short, bad = label_names
    (good_offset, near_good_weight, short_cost, lower_short_cost, bad_cost, bad_word_cost, short_words, repeat_cost,
     max_counted, counter_chars, clock_chars) = costs
    for column in (words, copies, blocks):
        if len(column) != size:
            raise ValueError("a value for each block in each column")
    out = [None] * size
    for position in range(size):
        label = labels[position]
        count = words[position]
        if label is good:  # a repeated paragraph is still prose: never charged as a repeat
            value = count - good_offset
            out[position] = value if value >= 1.0 else 1.0
            continue
        if label is near_good:
            value = (count - good_offset) * near_good_weight
            value = value if value >= -short_cost else -short_cost
        elif label is bad:
            value = -(bad_cost + bad_word_cost * count)
        elif label is short:
            value = 0.0  # (a short line of words is valued from its text below)
        else:
            block = blocks[position]
            out[position] = value_of(label, count, copies[position], block.text, block.line is not None)
            continue
        repeats = copies[position]
        if not (label is short and count) and repeats <= 1:  # most lines: the text is not read
            out[position] = value
            continue
        block = blocks[position]
        text = block.text
        if type(text) is not str:
            out[position] = value_of(label, count, repeats, text, block.line is not None)
            continue
        if label is short and count:
            code = _has_code(<str>text) if _starts_upper(text) else 1  # (a lower-case line costs as code)
            if code < 0:
                out[position] = value_of(label, count, repeats, text, block.line is not None)
                continue
            extra = count - short_words
            value = -((lower_short_cost if code else short_cost) + bad_word_cost * (extra if extra > 0 else 0))
        if repeats > 1:
            charged = _repeat_charged(<str>text, block, counter_chars, clock_chars)
            if charged < 0:
                out[position] = value_of(label, count, repeats, text, block.line is not None)
                continue
            if charged:
                value = (value if value <= 0.0 else 0.0) - repeat_cost * (repeats if repeats < max_counted else max_counted)
        out[position] = value
    return out


cdef int _repeat_charged(str text, object block, Py_ssize_t counter_chars, Py_ssize_t clock_chars) except -2:
    # Whether classifier._value charges a repeated ``text`` (of ``block``) as a repeat: a
    # capitalised line (``_capitalised``) or a stamp, unless it leads into the next; -1 when
    # that is left to it: a line short enough to be a stamp and starting with a figure or a
    # character beyond ASCII (which only ``is_stamp``'s regexes tell), or whose code only
    # ``has_code``'s regex tells
    cdef Py_ssize_t length = PyUnicode_GET_LENGTH(text), i, start = 0, end
    cdef unsigned int kind = PyUnicode_KIND(text)
    cdef const void* data = PyUnicode_DATA(text)
    cdef Py_UCS4 first, point
    cdef int code
    while start < length and Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, start)):
        start += 1
    if length and PyUnicode_READ(kind, data, length - 1) == 0x3A:  # a lead-in: a colon ends it, a space inside it
        for i in range(start, length - 1):
            if PyUnicode_READ(kind, data, i) == 0x20:
                if block.line is None:
                    return 0
                break
    if start < length:
        first = PyUnicode_READ(kind, data, start)
        if first >= 0x80 or 0x30 <= first <= 0x39:  # a stamp, if short enough
            if length <= counter_chars:
                return -1
            end = length
            while Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, end - 1)):
                end -= 1
            if end - start <= clock_chars:
                return -1
    if not length or not Py_UNICODE_ISUPPER(PyUnicode_READ(kind, data, 0)):
        return 0
    for i in range(length):  # not str.isupper: a lower-case or title-case letter in it
        point = PyUnicode_READ(kind, data, i)
        if Py_UNICODE_ISLOWER(point) or Py_UNICODE_ISTITLE(point):
            break
    else:
        return 0
    code = _has_code(text)
    return -1 if code < 0 else not code


cdef int _has_code(str text):
    # scoring.structure.has_code of ``text``, or -1 when only its regex can tell: a text beyond
    # ASCII without a symbol no label uses, whose second character is a capital or beyond ASCII
    cdef Py_ssize_t length = PyUnicode_GET_LENGTH(text), i
    cdef unsigned int kind = PyUnicode_KIND(text)
    cdef const void* data = PyUnicode_DATA(text)
    cdef Py_UCS4 point
    if PyUnicode_IS_ASCII(text):
        return _ascii_has_code(text)
    for i in range(length):
        point = PyUnicode_READ(kind, data, i)
        if point == 0x5F or point == 0x3B or point == 0x3D or point == 0x7B or point == 0x7D or point == 0x5B or point == 0x5D:
            return 1
    if length < 2:
        return 0
    point = PyUnicode_READ(kind, data, 1)
    return 0 if point < 0x80 and not 0x41 <= point <= 0x5A else -1


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


def sentence_sums(list terminal not None, list words not None, list capitalised not None, Py_ssize_t length_high):
    """How many words, and how many capitalised words, the sentences of a page have: its lines
    ending a sentence (``terminal``) with at least ``length_high`` words, as
    ``scoring.classifier._prose_capitals`` sums them."""
    cdef Py_ssize_t size = len(words), position, count, total = 0, capitals = 0
    if len(terminal) != size or len(capitalised) != size:
        raise ValueError("a value for each block in each column")
    for position in range(size):
        count = words[position]
        if count >= length_high and terminal[position]:
            total += count
            capitals += <Py_ssize_t>capitalised[position]
    return total, capitals
