# Included by _walk.pyx: the loop over the patterns that may match a line key
# (scrubber.rules.slots.first_pattern), with the screens each pattern asks of the line, and
# the loop over a page's line keys that runs it (scrubber.rules.matching.answer_each). (The
# line keys themselves are worked out in _walk_keys.pxi.)

from cpython.unicode cimport (PyUnicode_Contains, PyUnicode_1BYTE_DATA, PyUnicode_DATA, PyUnicode_GET_LENGTH,
                              PyUnicode_KIND, PyUnicode_READ)


def first_pattern(tuple possible, str key, str end, Py_ssize_t words, Py_ssize_t failed, bint short,
                  Py_ssize_t start, fold):
    """``scrubber.rules.slots.first_pattern``: the same tests in the same order, without the
    interpreter's work per pattern and test (a new line is shown several patterns)."""
    return _first_pattern(possible, key, end, words, failed, short, start, fold)


cdef Py_ssize_t _first_pattern(tuple possible, str key, str end, Py_ssize_t words, Py_ssize_t failed, bint short,
                               Py_ssize_t start, fold) except -2:
    cdef Py_ssize_t at
    cdef tuple entry, ends
    for at in range(start, len(possible)):
        entry = <tuple>possible[at]
        if words > <Py_ssize_t>entry[4] or <Py_ssize_t>entry[5] <= failed:
            continue
        if entry[8] is not None:
            ends = <tuple>entry[8]
            folded = (<dict>ends[0]).get(end)
            if folded is None:
                folded = fold(ends, end)
            if folded not in ends[2] and not (ends[3] and folded.startswith(ends[3])):
                continue
        if entry[2] and not _passes(<tuple>entry[2], key):
            continue
        if not (entry[1] and short) or entry[7].fullmatch(key, None, None, False) is not None:
            return at
    return -1


cdef bint _passes(tuple screens, str key) except -1:
    """``scrubber.rules.slots.passes``."""
    for screen in screens:
        if type(screen) is str:
            if not PyUnicode_Contains(key, screen):
                return False
        elif type(screen) is tuple:
            for wanted in <tuple>screen:
                if PyUnicode_Contains(key, wanted):
                    break
            else:
                return False
        elif PyUnicode_IS_ASCII(key) and screen.pattern == "\\d":
            # (the screen of most date and counter patterns: on an ASCII line \d is 0-9, read
            # here rather than by a regex call)
            if not _ascii_digit_in(key):
                return False
        elif screen.search(key, None, None, False) is None:
            return False
    return True


cdef bint _ascii_digit_in(str key) noexcept:
    cdef const unsigned char* data = PyUnicode_1BYTE_DATA(key)
    cdef Py_ssize_t i
    for i in range(PyUnicode_GET_LENGTH(key)):
        if 48 <= data[i] <= 57:
            return True
    return False


cdef enum:
    _HEAD_CHARS = 3  # scrubber.rules.heads.HEAD_CHARS, the line end first_pattern is shown


def answer_each(list keys, unasked, slot, Py_ssize_t remembered_chars, Py_ssize_t most_answers, first_match,
                page_answer, fold):
    """``scrubber.rules.matching.answer_each``: the same steps in the same order, without the
    interpreter's work per line (a page shows hundreds of lines no earlier page showed)."""
    cdef dict answers = slot.answers, exact = slot.exact, by_prefix = slot._by_prefix
    cdef Py_ssize_t prefix_chars = slot.prefix_chars, most_words = slot.most_words
    cdef Py_ssize_t longest_text = slot.longest_text, size = len(keys), position, length, words, at
    cdef list found = [None] * size
    cdef str key
    cdef tuple possible
    for position in range(size):
        key = <str>keys[position]
        rule = answers.get(key, unasked)
        if rule is not unasked:
            found[position] = rule
            continue
        length = PyUnicode_GET_LENGTH(key)
        if length > remembered_chars:
            # (as _page_answer turns a paragraph away, before it looks the line up)
            if length > longest_text:
                known = by_prefix.get(key[:prefix_chars])
                if known is not None and not (<tuple>known)[1]:
                    continue
                words = _spaces(key) + 1
                if words > (most_words if known is None else <Py_ssize_t>(<tuple>known)[0]):
                    continue
            found[position] = page_answer(key, slot)
            continue
        if len(answers) >= most_answers:
            answers.clear()
        rule = exact.get(key)
        if rule is None:
            known = by_prefix.get(key[:prefix_chars])
            if known is None:
                rule = first_match(key, slot)
            else:
                possible = <tuple>(<tuple>known)[1]
                if possible:
                    words = _spaces(key) + 1
                    if words <= most_words and words <= <Py_ssize_t>(<tuple>known)[0]:
                        at = _first_pattern(possible, key, key[length - _HEAD_CHARS if length > _HEAD_CHARS else 0:], words, -1, True,
                                            0, fold)
                        if at >= 0:
                            rule = (<tuple>possible[at])[0]
        answers[key] = rule
        found[position] = rule
    return found


cdef Py_ssize_t _spaces(str key) noexcept:
    cdef unsigned int kind = PyUnicode_KIND(key)
    cdef const void* data = PyUnicode_DATA(key)
    cdef Py_ssize_t i, spaces = 0
    for i in range(PyUnicode_GET_LENGTH(key)):
        if PyUnicode_READ(kind, data, i) == 32:
            spaces += 1
    return spaces


def may_start_all(entries, str prefix, timeout, Py_ssize_t partial_max_chars, starts_of, walk_heads, start_match,
                  ambiguous):
    """``scrubber.rules.slots._may_start_all``, whose constant and helpers it is given: the
    same tests in the same order, without the interpreter's work per pattern (a page of new
    line starts asks this of dozens of patterns per start)."""
    cdef list kept = []
    cdef Py_ssize_t length = PyUnicode_GET_LENGTH(prefix)
    cdef tuple entry, heads
    cdef object alphabet = None, folded = None, starts = None, known, pattern
    for item in entries:
        entry = <tuple>item
        if entry[6] is not None:
            heads = <tuple>entry[6]
            if heads[3] is not None:
                if length > partial_max_chars:
                    kept.append(entry)
                    continue
                if starts is None:
                    starts = starts_of(prefix)
                known = (<dict>starts).get(entry[7])
                if known is None:
                    known = walk_heads(heads, prefix)
                    (<dict>starts)[entry[7]] = known
                if known:
                    kept.append(entry)
                continue
            if heads[0] is not alphabet:
                alphabet = heads[0]
                folded = alphabet.fold(prefix)
            if folded is not ambiguous:
                if folded in heads[1] or (heads[2] and (<str>folded).startswith(heads[2])):
                    kept.append(entry)
                continue
        if length > partial_max_chars:
            kept.append(entry)
            continue
        pattern = entry[7]
        if length == 1 and entry[3] is not None:
            known = entry[3].fullmatch(prefix, None, None, False) is not None
        elif entry[1]:
            if starts is None:
                starts = starts_of(prefix)
            known = (<dict>starts).get(pattern)
            if known is None:
                known = pattern.fullmatch(prefix, None, None, False, True) is not None
                (<dict>starts)[pattern] = known
        else:
            known = start_match(pattern, prefix, timeout) is not None
        if known:
            kept.append(entry)
    return tuple(kept)
