# Included by _walk.pyx: the loop over the patterns that may match a line key
# (scrubber.rules.slots.first_pattern), with the screens each pattern asks of the line, the
# loop over a page's line keys that runs it (scrubber.rules.matching.answer_each), and the
# narrowing of a slot's patterns by a new line start (scrubber.rules.slots: Slot.possible and
# _may_start_all, with heads.Alphabet.fold, heads.walk_heads and slots.fold_end), so that a
# line starting in a way no earlier line started costs no call into Python. (The line keys
# themselves are worked out in _walk_keys.pxi.)

from cpython.long cimport PyLong_FromVoidPtr
from cpython.unicode cimport PyUnicode_Contains, PyUnicode_1BYTE_DATA, PyUnicode_DATA, PyUnicode_GET_LENGTH, PyUnicode_KIND, PyUnicode_READ

# scrubber.rules' constants, which tests/test_rules_pattern_loop.py checks these against (the
# compiled walks import nothing of scrubber)
cdef enum:
    _HEAD_CHARS = 3  # heads.HEAD_CHARS, the line end first_pattern is shown
    _PARTIAL_MAX_CHARS = 2  # slots.PARTIAL_MAX_CHARS
    _MAX_CACHED_STARTS = 20_000  # slots.MAX_CACHED_STARTS
    _MAX_CACHED_PREFIXES = 20_000  # slots.MAX_CACHED_PREFIXES
    _MAX_FOLDED_ENDS = 20_000  # slots.MAX_FOLDED_ENDS
    _TRUSTED_MAX_CHARS = 300  # matching.TRUSTED_MAX_CHARS
cdef tuple _PREFIX_STEPS = (1, 2, 3)  # slots.PREFIX_STEPS

# The objects of scrubber.rules.slots the narrowing shares with its Python twin, handed over
# by slots.py when it is loaded (``share_rule_state``).
cdef object _AMBIGUOUS = None  # heads.AMBIGUOUS
cdef dict _STARTS = None  # slots._STARTS
cdef object _start_match = None  # slots.start_match


def share_rule_state(dict starts, ambiguous, start_match):
    """Hands over ``slots._STARTS``, ``heads.AMBIGUOUS`` and ``slots.start_match``, which the
    narrowing of patterns by a line start reads and fills as its Python twin does."""
    global _STARTS, _AMBIGUOUS, _start_match
    _STARTS, _AMBIGUOUS, _start_match = starts, ambiguous, start_match


cdef inline int _shared() except -1:
    if _STARTS is None:
        raise RuntimeError("scrubber.rules.slots has not shared its state with the compiled walks")
    return 0


def rule_constants():
    """The constants above, by the names of those they copy, for the test comparing them."""
    return {"HEAD_CHARS": _HEAD_CHARS, "PARTIAL_MAX_CHARS": _PARTIAL_MAX_CHARS, "MAX_CACHED_STARTS": _MAX_CACHED_STARTS,
            "MAX_CACHED_PREFIXES": _MAX_CACHED_PREFIXES, "MAX_FOLDED_ENDS": _MAX_FOLDED_ENDS,
            "TRUSTED_MAX_CHARS": _TRUSTED_MAX_CHARS, "PREFIX_STEPS": _PREFIX_STEPS}


def first_pattern(tuple possible, str key, str end, Py_ssize_t words, Py_ssize_t failed, bint short,
                  Py_ssize_t start):
    """``scrubber.rules.slots.first_pattern``: the same tests in the same order, without the
    interpreter's work per pattern and test (a new line is shown several patterns)."""
    _shared()
    return _first_pattern(possible, key, end, words, failed, short, start)


cdef Py_ssize_t _first_pattern(tuple possible, str key, str end, Py_ssize_t words, Py_ssize_t failed, bint short,
                               Py_ssize_t start) except -2:
    cdef Py_ssize_t at, length = PyUnicode_GET_LENGTH(key)
    cdef tuple entry, ends
    for at in range(start, len(possible)):
        entry = <tuple>possible[at]
        if words > <Py_ssize_t>entry[4] or words < <Py_ssize_t>entry[9] or <Py_ssize_t>entry[5] <= failed:
            continue
        if length < <Py_ssize_t>entry[10] or length > <Py_ssize_t>entry[11]:
            continue
        if entry[12] is not None and words < <Py_ssize_t>(<tuple>entry[12])[0] \
                and not _key_holds_one_of(key, <tuple>(<tuple>entry[12])[1]):
            continue
        if entry[8] is not None:
            ends = <tuple>entry[8]
            folded = (<dict>ends[0]).get(end)
            if folded is None:
                folded = _fold_end(ends, end)
            if folded not in ends[2] and not (ends[3] and (<str>folded).startswith(ends[3])):
                continue
        if entry[2] and not _passes(<tuple>entry[2], key):
            continue
        if not (entry[1] and short) or entry[7].fullmatch(key, None, None, False) is not None:
            return at
    return -1


cdef inline bint _key_holds_one_of(str key, tuple wanted) except -1:
    """Whether the key holds one of the strings ``wanted`` (a tuple screen, or the characters
    a pattern's matches of few words need)."""
    for piece in wanted:
        if PyUnicode_Contains(key, piece):
            return True
    return False


cdef bint _passes(tuple screens, str key) except -1:
    """``scrubber.rules.slots.passes``."""
    for screen in screens:
        if type(screen) is str:
            if not PyUnicode_Contains(key, screen):
                return False
        elif type(screen) is tuple:
            if not _key_holds_one_of(key, <tuple>screen):
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


def answer_each(list keys, unasked, slot, rules, Py_ssize_t remembered_chars, Py_ssize_t most_answers):
    """``scrubber.rules.matching.answer_each``: the same steps in the same order, without the
    interpreter's work per line (a page shows hundreds of lines no earlier page showed). What
    ``rules._first_match`` and ``rules._page_answer`` do for such a slot is done here (the
    slot's patterns narrowed by a new line start too); only a line longer than
    TRUSTED_MAX_CHARS, whose patterns run with a timeout, is asked of ``rules._page_answer``."""
    _shared()
    cdef dict answers = slot.answers, exact = slot.exact, by_prefix = slot._by_prefix
    cdef dict page = None  # the page's answers for the slot (rules._answers), once a line needs them
    cdef Py_ssize_t prefix_chars = slot.prefix_chars, most_words = slot.most_words
    cdef Py_ssize_t longest_text = slot.longest_text, size = len(keys), position, length, words
    cdef bint patterns = bool(slot.entries)
    cdef list found = [None] * size
    cdef str key
    timeout = rules.regex_timeout
    for position in range(size):
        key = <str>keys[position]
        rule = answers.get(key, unasked)
        if rule is not unasked:
            found[position] = rule
            continue
        length = PyUnicode_GET_LENGTH(key)
        if length > remembered_chars:
            # (as _page_answer: a paragraph is turned away before the line is looked up)
            words = 0
            if length > longest_text:
                known = by_prefix.get(key[:prefix_chars])
                if known is not None and not (<tuple>known)[1]:
                    continue
                words = _spaces(key) + 1
                if words > (most_words if known is None else <Py_ssize_t>(<tuple>known)[0]):
                    continue
            if length > _TRUSTED_MAX_CHARS:
                found[position] = rules._page_answer(key, slot)
                continue
            if page is None:
                page = rules._answers.get(slot)
                if page is None:
                    page = rules._answers[slot] = {}
            rule = page.get(key, unasked)
            if rule is unasked:
                rule = _trusted_first_match(slot, exact, by_prefix, prefix_chars, most_words, patterns, key, words,
                                            timeout)
                page[key] = rule
            found[position] = rule
            continue
        if len(answers) >= most_answers:
            answers.clear()
        rule = _trusted_first_match(slot, exact, by_prefix, prefix_chars, most_words, patterns, key, 0, timeout)
        answers[key] = rule
        found[position] = rule
    return found


cdef object _trusted_first_match(slot, dict exact, dict by_prefix, Py_ssize_t prefix_chars, Py_ssize_t most_words,
                                 bint patterns, str key, Py_ssize_t words, timeout):
    """``RuleSet._first_match`` of a line of up to TRUSTED_MAX_CHARS, for a slot of all stages
    (``slot``, whose dicts, ``prefix_chars``, ``most_words`` and whether it has patterns are
    given) whose patterns are all built in: they are matched in ``_first_pattern``, without a
    timeout. ``words``: the line's words, 0 when not counted yet."""
    cdef Py_ssize_t length, at
    cdef tuple known, possible
    cdef str prefix
    rule = exact.get(key)
    if rule is not None or not patterns:
        return rule
    if words == 0:
        words = _spaces(key) + 1
    if words > most_words:
        return None
    prefix = key[:prefix_chars]
    found = by_prefix.get(prefix)
    known = _starting(slot, prefix, timeout) if found is None else <tuple>found
    if words > <Py_ssize_t>known[0]:
        return None
    possible = <tuple>known[1]
    length = PyUnicode_GET_LENGTH(key)
    at = _first_pattern(possible, key, key[length - _HEAD_CHARS if length > _HEAD_CHARS else 0:], words, -1, True, 0)
    return None if at < 0 else (<tuple>possible[at])[0]


cdef Py_ssize_t _spaces(str key) noexcept:
    cdef unsigned int kind = PyUnicode_KIND(key)
    cdef const void* data = PyUnicode_DATA(key)
    cdef Py_ssize_t i, spaces = 0
    for i in range(PyUnicode_GET_LENGTH(key)):
        if PyUnicode_READ(kind, data, i) == 32:
            spaces += 1
    return spaces


def possible(slot, str key, timeout):
    """``scrubber.rules.slots.Slot.possible``, its ``_starting`` and ``_may_start_all`` steps
    done here: the same caches filled in the same order."""
    _shared()
    return _possible(slot, key, timeout)


cdef tuple _possible(slot, str key, timeout):
    prefix = key[:<Py_ssize_t>slot.prefix_chars]
    found = (<dict>slot._by_prefix).get(prefix)
    return _starting(slot, prefix, timeout) if found is None else <tuple>found


cdef tuple _starting(slot, str prefix, timeout):
    """``Slot._starting``."""
    cdef Py_ssize_t length = PyUnicode_GET_LENGTH(prefix), most_words = 0
    cdef dict by_prefix = slot._by_prefix, shorter_of
    cdef tuple found, known
    whole = slot.whole
    if whole is not None:
        mine = slot.members
        found = tuple([entry for entry in <tuple>_possible(whole, prefix, timeout)[1]
                       if PyLong_FromVoidPtr(<void*>(<tuple>entry)[0]) in mine])
    else:
        # each step narrows what the shorter prefix left
        narrowing = slot.entries
        shorter_of = slot._shorter
        for chars in _PREFIX_STEPS:
            if <Py_ssize_t>chars >= length:
                break
            shorter = prefix[:<Py_ssize_t>chars]
            narrowed = shorter_of.get(shorter)
            if narrowed is None:
                narrowed = _may_start_all(narrowing, shorter, timeout)
                shorter_of[shorter] = narrowed
            narrowing = narrowed
        found = _may_start_all(narrowing, prefix, timeout)
    if len(by_prefix) >= _MAX_CACHED_PREFIXES:
        by_prefix.clear()
        (<dict>slot._shorter).clear()
    for entry in found:
        if <Py_ssize_t>(<tuple>entry)[4] > most_words:
            most_words = <Py_ssize_t>(<tuple>entry)[4]
    known = (most_words, found)
    by_prefix[prefix] = known
    return known


def may_start_all(entries, str prefix, timeout):
    """``scrubber.rules.slots._may_start_all``: the same tests in the same order, without the
    interpreter's work per pattern (a page of new line starts asks this of dozens of patterns
    per start), the heads walked and the prefix folded here too."""
    _shared()
    return _may_start_all(entries, prefix, timeout)


cdef tuple _may_start_all(entries, str prefix, timeout):
    cdef list kept = []
    cdef Py_ssize_t length = PyUnicode_GET_LENGTH(prefix)
    cdef tuple entry, heads
    cdef dict starts = None
    cdef object alphabet = None, folded = None, known, pattern
    for item in entries:
        entry = <tuple>item
        if entry[6] is not None:
            heads = <tuple>entry[6]
            if heads[3] is not None:
                if length > _PARTIAL_MAX_CHARS:
                    kept.append(entry)
                    continue
                if starts is None:
                    starts = _starts_of(prefix)
                known = starts.get(entry[7])
                if known is None:
                    known = True if _walk_heads(heads, prefix) else False
                    starts[entry[7]] = known
                if known:
                    kept.append(entry)
                continue
            if heads[0] is not alphabet:
                alphabet = heads[0]
                folded = _fold(alphabet, prefix, False)
            if folded is not _AMBIGUOUS:
                if folded in heads[1] or (heads[2] and (<str>folded).startswith(heads[2])):
                    kept.append(entry)
                continue
        if length > _PARTIAL_MAX_CHARS:
            kept.append(entry)
            continue
        pattern = entry[7]
        if length == 1 and entry[3] is not None:
            known = entry[3].fullmatch(prefix, None, None, False) is not None
        elif entry[1]:
            if starts is None:
                starts = _starts_of(prefix)
            known = starts.get(pattern)
            if known is None:
                known = pattern.fullmatch(prefix, None, None, False, True) is not None
                starts[pattern] = known
        else:
            known = _start_match(pattern, prefix, timeout) is not None
        if known:
            kept.append(entry)
    return tuple(kept)


cdef dict _starts_of(str prefix):
    """``scrubber.rules.slots._starts_of``."""
    starts = _STARTS.get(prefix)
    if starts is None:
        if len(_STARTS) >= _MAX_CACHED_STARTS:
            _STARTS.clear()
        starts = _STARTS[prefix] = {}
    return <dict>starts


cdef dict _alphabet_known(alphabet):
    """``Alphabet._known()``, without the call when the alphabet's state is current."""
    state = alphabet._state
    if state is None or (<tuple>state)[0] is not alphabet._folds:
        return <dict>alphabet._known()
    return <dict>(<tuple>state)[3]


def fold(alphabet, str text):
    """``scrubber.rules.heads.Alphabet.fold``: what the alphabet learnt of each line character
    read here (a new line start is folded for each alphabet of the patterns it is shown)."""
    _shared()
    return _fold(alphabet, text, False)


cdef enum:
    _FOLD_BUFFER = 8  # a text folded in a buffer of characters (longer ones: joined in a list)


cdef object _fold(alphabet, str text, bint backwards):
    """``Alphabet.fold`` of ``text``, or of ``text`` read backwards."""
    cdef dict known = _alphabet_known(alphabet)
    cdef Py_ssize_t length = PyUnicode_GET_LENGTH(text), i
    cdef Py_UCS4 buffer[_FOLD_BUFFER]
    cdef list parts = None if length <= _FOLD_BUFFER else []
    for i in range(length):
        char = text[length - 1 - i if backwards else i]
        found = known.get(char)
        if found is None:
            found = alphabet._read_line_char(char, alphabet._state)
            known[char] = found
        folded = (<tuple>found)[0]
        if folded is _AMBIGUOUS:
            return _AMBIGUOUS
        if parts is None and PyUnicode_GET_LENGTH(<str>folded) != 1:
            parts = [chr(buffer[j]) for j in range(i)]
        if parts is None:
            buffer[i] = (<str>folded)[0]
        else:
            parts.append(folded)
    if parts is not None:
        return "".join(parts)
    return PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, buffer, length)


def fold_end(tuple ends, str end):
    """``scrubber.rules.slots.fold_end``."""
    _shared()
    return _fold_end(ends, end)


cdef object _fold_end(tuple ends, str end):
    cdef dict folded_ends = <dict>ends[0]
    if len(folded_ends) >= _MAX_FOLDED_ENDS:
        folded_ends.clear()
    folded = _fold(ends[1], end, True)
    if folded is _AMBIGUOUS:
        folded = ""
    folded_ends[end] = folded
    return folded


def walk_heads(tuple found, str prefix):
    """``scrubber.rules.heads.walk_heads``."""
    _shared()
    return _walk_heads(found, prefix)


cdef bint _walk_heads(tuple found, str prefix) except -1:
    cdef list starts = [""], more
    alphabet, heads, stems, classes = found
    cdef dict known = _alphabet_known(alphabet), members = alphabet._members
    for char in prefix:
        if stems:
            for start in starts:
                if start in <tuple>stems:
                    return True
        folds = known.get(char)
        folds = alphabet.folds(char) if folds is None else (<tuple>folds)[1]
        more = []
        for start in starts:
            for folded in folds:
                head = <str>start + <str>folded
                if head in heads:
                    more.append(head)
            for symbol in (<dict>classes).get(start, ()):
                member = members.get(<str>symbol + <str>char)
                if member or (member is None and alphabet.member(symbol, char)):
                    more.append(<str>start + <str>symbol)
        if not more:
            return False
        starts = more
    return True
