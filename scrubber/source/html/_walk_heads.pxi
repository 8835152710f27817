# Included by _walk.pyx, after _walk_keys.pxi (whose case folding it uses) and _walk_flattened.pxi
# (whose quiet-head screen it runs): the cut of known chrome phrases off the heads of a flattened
# page's pieces (scrubber.source.flattened: peel_chrome_heads' loop over the pieces and
# split_known_head), with the remembered path of head_screen.HeadScreen.lengths. Each piece's
# head costs a Python call only where the screen meets a first word or a head of words it has
# not met before: those are told by the HeadScreen's own methods, which fill its memories in the
# order its Python twin does. Words are read in place in the piece (no split, no joins): a
# piece's words are told apart by single spaces, so every head and phrase of words is a slice.

from cpython.dict cimport PyDict_GetItem, PyDict_SetItem
from cpython.object cimport PyObject
from cpython.unicode cimport Py_UNICODE_ISLOWER, Py_UNICODE_ISPRINTABLE, Py_UNICODE_ISUPPER, PyUnicode_Substring


# flattened.MAX_PHRASE_TOKENS, MIN_HEAD_TOKENS and MAX_UNKNOWN_RUN, and head_screen.MAX_REMEMBERED,
# which tests/test_flattened_heads.py checks these against
cdef enum:
    _MAX_PHRASE_TOKENS = 5
    _MIN_HEAD_TOKENS = 2
    _MAX_UNKNOWN_RUN = 1
    _MAX_REMEMBERED = 50_000
    # the word starts a piece keeps on its stack: a longer head (a long menu) grows onto the heap
    _STACK_WORDS = 32

# The objects of scrubber.source.head_screen the walk shares with its Python twin, handed over by
# head_screen.py when it is loaded (``share_head_state``).
cdef object _UNASKED = None  # head_screen._UNASKED
cdef object _ascii_searched_type = None  # head_screen._AsciiSearched


def share_head_state(unasked, ascii_searched_type):
    """Hands over ``head_screen._UNASKED`` and ``head_screen._AsciiSearched``, which
    ``head_lengths`` reads as ``HeadScreen.lengths`` does."""
    global _UNASKED, _ascii_searched_type
    _UNASKED, _ascii_searched_type = unasked, ascii_searched_type


def head_constants():
    """The constants above, by the names of those they copy, for the test comparing them."""
    return {"MAX_PHRASE_TOKENS": _MAX_PHRASE_TOKENS, "MIN_HEAD_TOKENS": _MIN_HEAD_TOKENS,
            "MAX_UNKNOWN_RUN": _MAX_UNKNOWN_RUN, "MAX_REMEMBERED": _MAX_REMEMBERED,
            "WORD_HEAD_CHARS": _WORD_HEAD_CHARS}


cdef class _HeadMemory:
    """A HeadScreen's memories, read once per page rather than once per head (``_remember``
    clears a memory in place, so that each stays the same dict)."""
    cdef object screen
    cdef frozenset text_openers, texts
    cdef dict by_word, by_head, quiet, by_char, by_prefix, by_second_letter

    def __cinit__(self, screen):
        if _UNASKED is None:
            raise RuntimeError("scrubber.source.head_screen has not shared its state with the compiled walks")
        _shared()  # (the folding of heads reads the state of scrubber.rules.slots)
        self.screen = screen
        self.text_openers = screen._text_openers
        self.texts = screen._texts
        self.by_word = screen._by_word
        self.by_head = screen._by_head
        self.quiet = screen.quiet
        self.by_char = screen._by_char
        self.by_prefix = screen._by_prefix
        self.by_second_letter = screen._by_second_letter


cdef inline object _head_remember(dict memory, key, value):
    """``HeadScreen._remember``."""
    if len(memory) >= _MAX_REMEMBERED:
        memory.clear()
    memory[key] = value
    return value


cdef inline object _screen_search(screen, str key):
    """``screen.search(key)``, an ``_AsciiSearched`` one read here rather than through its method."""
    if type(screen) is _ascii_searched_type:
        return ((<object>screen)._ascii if key.isascii() else (<object>screen)._any).search(key)
    return screen.search(key)


cdef bint _screen_finds(screen, characters, str key) except -1:
    """Whether ``screen.search(key)`` finds something. An ``_AsciiSearched`` screen is one class of
    single characters, searched in ASCII keys by the standard ``re``: the bytes its RareCharacters
    hold for ASCII characters tell the same without a search (most heads hold none)."""
    cdef Py_ssize_t i
    cdef Py_UCS4 point
    cdef const unsigned char* table
    cdef const unsigned char* data
    if characters is None or type(screen) is not _ascii_searched_type or PyUnicode_KIND(key) != PyUnicode_1BYTE_KIND:
        return _screen_search(screen, key) is not None
    table = <bytes>characters.ascii
    data = <const unsigned char*>PyUnicode_1BYTE_DATA(key)
    for i in range(PyUnicode_GET_LENGTH(key)):
        point = data[i]
        if point >= 128:
            return _screen_search(screen, key) is not None
        if table[point]:
            return True
    return False


def head_lengths(screen, str key not None):
    """``HeadScreen.lengths(key)`` for a key of at most MAX_PHRASE_TOKENS words: the same lengths,
    longest first, and the same memories filled."""
    cdef int mask = _head_mask(_HeadMemory(screen), key)
    return tuple(k for k in range(_MAX_PHRASE_TOKENS, 0, -1) if mask >> k & 1)


cdef int _head_mask(_HeadMemory memory, str key) except -1:
    """``HeadScreen.lengths(key)`` as a bit for each length (``1 << k``), for a key of at most
    MAX_PHRASE_TOKENS words (the order does not need telling: the lengths go longest first)."""
    cdef int kind = PyUnicode_KIND(key)
    cdef const void* data = PyUnicode_DATA(key)
    cdef Py_ssize_t length = PyUnicode_GET_LENGTH(key), i, words = 1, k, reach
    # where each word of the key ends (and so each head of words: key[:ends[k - 1]])
    cdef Py_ssize_t ends[_MAX_PHRASE_TOKENS]
    cdef int asked = 0
    cdef PyObject* known
    cdef bint alone
    for i in range(length):
        if PyUnicode_READ(kind, data, i) == 32:
            if words == _MAX_PHRASE_TOKENS:
                raise ValueError("a head key of more than MAX_PHRASE_TOKENS words")
            ends[words - 1] = i
            words += 1
    ends[words - 1] = length
    if ends[0] == 0:
        return (1 << (words + 1)) - 2  # (every length, as for a first word that opens a rule's text)
    first = PyUnicode_Substring(key, 0, ends[0])
    if first in memory.text_openers:
        return (1 << (words + 1)) - 2
    known = PyDict_GetItem(memory.by_word, first)
    found = <object>known if known != NULL else _screen_first_word(memory, first)
    starting, alone, (screen, any_word, rare) = found
    characters = rare  # (the RareCharacters of the screen, None for a screen of another kind)
    if alone:
        rare = None  # no head that starts with this word is quiet
    elif rare is not None and not starting:
        _head_remember(memory.quiet, first, rare)
    if starting:
        asked = _head_continued(memory, key, ends, words, starting, rare)
    if screen is not None and _screen_finds(screen, characters, key):
        for entry, screens, starts_of in any_word:
            reach = 0
            for needed in screens:
                hit = _screen_search(needed, key)
                if hit is None:
                    break
                reach = max(reach, <Py_ssize_t>hit.start())
            else:
                k = 1
                for i in range(min(reach + 1, length)):
                    if PyUnicode_READ(kind, data, i) == 32:
                        k += 1
                while k <= words:
                    head = PyUnicode_Substring(key, 0, ends[k - 1])
                    starts = starts_of.get(head, _UNASKED)
                    if starts is _UNASKED:
                        starts = _head_remember(starts_of, head, _start_match_of(entry[0], head, entry[1]))
                    if starts is None:
                        break
                    if starts:
                        asked |= 1 << k
                    k += 1
    if not asked:
        return 2 if alone else 0
    return asked | (2 if alone else 0)


cdef int _head_continued(_HeadMemory memory, str key, Py_ssize_t* ends, Py_ssize_t words, starting, rare) except -1:
    """``HeadScreen._continued``: the lengths past one that the patterns ``starting`` could match."""
    cdef int asked = 0
    cdef Py_ssize_t k
    cdef PyObject* known
    for k in range(2, words + 1):
        head = PyUnicode_Substring(key, 0, ends[k - 1])
        known = PyDict_GetItem(memory.by_head, head)
        if known != NULL:
            found = <object>known
        else:
            if k == 2 and ends[1] - ends[0] - 1 > 1:
                starting = _screen_second_starting(memory, PyUnicode_Substring(key, 0, ends[0] + 2), starting)
            found = _head_remember(memory.by_head, head, _screen_read_head(head, starting))
        whole, starting = found
        if whole:
            asked |= 1 << k
        if not starting:
            if k == 2 and not whole and rare is not None:
                _head_remember(memory.quiet, head, rare)
            break
    return asked


# What a HeadScreen has not met yet: its methods' twins, which fill its memories as they do.
# (word_heads.WORD_HEAD_CHARS, which tests/test_flattened_heads.py checks)
cdef enum:
    _WORD_HEAD_CHARS = 10


cdef object _start_match_of(pattern, str prefix, timeout):
    """``slots.start_match``, without its frame."""
    try:
        found = pattern.fullmatch(prefix, None, None, False, True, timeout)
    except TimeoutError:
        return True
    return None if found is None else not found.partial


cdef object _screen_first_word(_HeadMemory memory, str word):
    """``HeadScreen._first_word``."""
    cdef PyObject* known = PyDict_GetItem(memory.by_char, word[0])
    by_char = <object>known if known != NULL else memory.screen._first_character(word[0])
    narrowed = _screen_starting(memory, PyUnicode_Substring(word, 0, 3))
    whole, starting = _screen_read_head(word, narrowed)
    return _head_remember(memory.by_word, word, (starting, whole or word in memory.texts, by_char[1]))


cdef tuple _screen_starting(_HeadMemory memory, str prefix):
    """``HeadScreen._starting``."""
    cdef PyObject* known = PyDict_GetItem(memory.by_prefix, prefix)
    if known != NULL:
        return <tuple>known
    if PyUnicode_GET_LENGTH(prefix) == 1:
        known = PyDict_GetItem(memory.by_char, prefix)
        found = (<object>known if known != NULL else memory.screen._first_character(prefix))[0]
    else:
        found = _screen_may_start(_screen_starting(memory, PyUnicode_Substring(prefix, 0, PyUnicode_GET_LENGTH(prefix) - 1)),
                           prefix, True)
    _head_remember(memory.by_prefix, prefix, found)
    return found


cdef object _screen_second_starting(_HeadMemory memory, str prefix, starting):
    """``HeadScreen._second_starting``."""
    cdef PyObject* known = PyDict_GetItem(memory.by_second_letter, prefix)
    if known != NULL:
        return <object>known
    return _head_remember(memory.by_second_letter, prefix, _screen_may_start(starting, prefix, False))


cdef inline bint _screen_allowed(tuple heads, str folded) except -1:
    """``word_heads.allowed``."""
    return folded in heads[1] or folded.startswith(heads[2])


cdef tuple _screen_may_start(tuple entries, str prefix, bint every):
    """``word_heads.may_start``."""
    cdef list kept = []
    cdef object alphabet = None, folded = None
    cdef tuple entry
    for item in entries:
        entry = <tuple>item
        heads = entry[4]
        if heads is not None:
            if (<tuple>heads)[0] is not alphabet:
                alphabet = (<tuple>heads)[0]
                folded = _fold(alphabet, PyUnicode_Substring(prefix, 0, _WORD_HEAD_CHARS), False)
            if folded is not _AMBIGUOUS:
                if _screen_allowed(heads, (<str>folded)[:<Py_ssize_t>(<tuple>heads)[3]]):
                    kept.append(entry)
                continue
        if (not every and not entry[3]) or _start_match_of(entry[0], prefix, entry[1]) is not None:
            kept.append(entry)
    return tuple(kept)


cdef tuple _screen_read_head(str head, tuple entries):
    """``HeadScreen._read_head``: (whether one of ``entries`` may match the line ``head``, those
    that can start a line of more words with it)."""
    cdef bint whole = False
    cdef list longer = []
    cdef object alphabet = None, folded = None
    cdef tuple entry
    cdef Py_ssize_t length = PyUnicode_GET_LENGTH(head), depth
    for item in entries:
        entry = <tuple>item
        heads = entry[4]
        if heads is not None:
            if (<tuple>heads)[0] is not alphabet:
                alphabet = (<tuple>heads)[0]
                folded = _fold(alphabet, PyUnicode_Substring(head, 0, _WORD_HEAD_CHARS) + " ", False)
            if folded is not _AMBIGUOUS:
                depth = (<tuple>heads)[3]
                if not _screen_allowed(heads, (<str>folded)[:min(length, depth)]):
                    continue  # no line it matches starts with the head
                if not _screen_allowed(heads, (<str>folded)[:min(length + 1, depth)]):
                    whole = whole or _start_match_of(entry[0], head, entry[1]) is True
                    continue
        starts = _start_match_of(entry[0], head, entry[1])
        if starts is None:
            continue
        whole = whole or starts
        if _start_match_of(entry[0], head + " ", entry[1]) is not None:
            longer.append(entry)
    return whole, tuple(longer)


cdef struct _PieceWords:
    # where each word of a piece read so far starts; starts[count] is one past the end of the
    # last word found (the start of the next, or the piece's length + 1)
    Py_ssize_t* starts
    Py_ssize_t count
    Py_ssize_t capacity
    Py_ssize_t scanned  # where the search for the next space goes on
    bint done  # every word found
    Py_ssize_t stack[_STACK_WORDS + 1]


cdef inline void _start_piece_words(_PieceWords* words) noexcept:
    """No word of the piece read yet, their starts kept on the stack."""
    words.starts = words.stack
    words.starts[0] = 0
    words.count = 0
    words.capacity = _STACK_WORDS + 1
    words.scanned = 0
    words.done = False


cdef inline void _end_piece_words(_PieceWords* words) noexcept:
    """Frees the starts a long piece grew onto the heap."""
    if words.starts != words.stack:
        free(words.starts)


cdef bint _has_word(_PieceWords* words, int kind, const void* data, Py_ssize_t length, Py_ssize_t word) except -1:
    """Whether the piece has a word at ``word`` (finding its end, and the words before)."""
    cdef Py_ssize_t at
    cdef Py_ssize_t* grown
    while words.count <= word and not words.done:
        at = words.scanned
        while at < length and PyUnicode_READ(kind, data, at) != 32:
            at += 1
        if words.count + 1 >= words.capacity:
            grown = <Py_ssize_t*>malloc(2 * words.capacity * sizeof(Py_ssize_t))
            if grown == NULL:
                raise MemoryError()
            memcpy(grown, words.starts, (words.count + 1) * sizeof(Py_ssize_t))
            if words.starts != words.stack:
                free(words.starts)
            words.starts = grown
            words.capacity *= 2
        words.count += 1
        words.starts[words.count] = at + 1
        words.scanned = at + 1
        words.done = at >= length
    return word < words.count


def split_known_head(str text not None, is_chrome, screen, section_names not None, starts_sentence):
    """``flattened.split_known_head(text, is_chrome, screen and screen.lengths)``: ``section_names``
    is ``flattened.SECTION_NAMES``, ``starts_sentence`` ``flattened._starts_sentence``."""
    parts = _split_known_head(text, is_chrome, _HeadMemory(screen) if screen is not None else None,
                              section_names, starts_sentence)
    return [text] if parts is None else parts


cdef list _split_known_head(str text, is_chrome, _HeadMemory memory, section_names, starts_sentence):
    """``flattened.split_known_head``, None for a piece left whole."""
    cdef int kind = PyUnicode_KIND(text)
    cdef const void* data = PyUnicode_DATA(text)
    cdef Py_ssize_t length = PyUnicode_GET_LENGTH(text)
    cdef _PieceWords words
    if length and Py_UNICODE_ISLOWER(PyUnicode_READ(kind, data, 0)):
        return None  # the first word is no menu entry: nothing to split
    _start_piece_words(&words)
    try:
        return _peel_words(text, kind, data, length, &words, is_chrome, memory, section_names, starts_sentence)
    finally:
        _end_piece_words(&words)


cdef inline str _words_between(str text, _PieceWords* words, Py_ssize_t first, Py_ssize_t end):
    """The words from ``first`` to ``end`` (known) joined by their spaces."""
    return PyUnicode_Substring(text, words.starts[first], words.starts[end] - 1)


cdef list _peel_words(str text, int kind, const void* data, Py_ssize_t length, _PieceWords* words, is_chrome,
                      _HeadMemory memory, section_names, starts_sentence):
    cdef Py_ssize_t position = 0, longest, k, i, run_end = 0, at, length_found
    cdef int asked
    cdef bint screened
    cdef Py_UCS4 point
    cdef list phrases = []
    # where a known phrase ended, and how many phrases stood before: the head may end at any
    cdef list ends = []
    while _has_word(words, kind, data, length, position):
        at = words.starts[position]
        # a menu entry starts with a capital
        if at < words.starts[position + 1] - 1 and Py_UNICODE_ISLOWER(PyUnicode_READ(kind, data, at)):
            break
        longest = 1
        while longest < _MAX_PHRASE_TOKENS and _has_word(words, kind, data, length, position + longest):
            longest += 1
        key = _words_between(text, words, position, position + longest)
        folded = None
        screened = memory is not None
        if screened:  # the screen reads printable heads of no empty word
            for i in range(position, position + longest):
                if words.starts[i + 1] - words.starts[i] == 1:
                    screened = False
                    break
        if screened:
            for i in range(words.starts[position], words.starts[position + longest] - 1):
                point = PyUnicode_READ(kind, data, i)
                if not (32 <= point < 127 or (point > 127 and Py_UNICODE_ISPRINTABLE(point))):
                    screened = False
                    break
        if screened:
            folded = _case_folded(key)
            asked = _head_mask(memory, folded)
        else:
            asked = (1 << (longest + 1)) - 2
        length_found = 0
        for k in range(longest, 0, -1):
            if asked >> k & 1 and is_chrome(_words_between(text, words, position, position + k)):
                length_found = k
                break
        else:
            if folded is not None:
                first = PyUnicode_Substring(folded, 0, folded.find(" ") if longest > 1 else len(folded))
            else:
                first = _case_folded(_words_between(text, words, position, position + 1))
            length_found = 1 if first in section_names else 0  # a section name is one word
        if length_found:
            position += length_found
            run_end = position
            ends.append((position, len(phrases) + 1))
        elif at < words.starts[position + 1] - 1 and Py_UNICODE_ISUPPER(PyUnicode_READ(kind, data, at)) \
                and position - run_end < _MAX_UNKNOWN_RUN:
            position += 1
        else:
            break
        phrases.append(_words_between(text, words, position - (length_found or 1), position))
    # the rest must start a phrase of its own, not go on with the sentence a word began
    cdef Py_ssize_t known_end, known_phrases
    for known_end, known_phrases in reversed(ends):
        if _has_word(words, kind, data, length, known_end):
            rest = PyUnicode_Substring(text, words.starts[known_end], length)
        else:
            rest = ""
        if (known_end >= _MIN_HEAD_TOKENS or starts_sentence(rest)) and \
                not (len(rest) and Py_UNICODE_ISLOWER(PyUnicode_READ(kind, data, words.starts[known_end]))):
            return phrases[:known_phrases] + ([rest] if rest else [])
    return None


def peel_chrome_heads(list blocks not None, is_chrome, screen, section_names not None, starts_sentence, split,
                      tuple sentence_ends not None, Py_ssize_t edge_pieces):
    """``flattened.peel_chrome_heads`` (its edges found as ``flattened._edges`` finds them, from
    ``sentence_ends`` and ``edge_pieces``): ``split`` is ``flattened._split``, called for a block
    cut in parts; ``blocks`` itself when no piece is an edge."""
    cdef Py_ssize_t first = -1, position
    edges = _edge_flags(blocks, sentence_ends, edge_pieces, &first)
    if first < 0:
        return blocks  # a dump of lines: no flattened sentence to peel
    cdef const unsigned char* edge = edges
    cdef _HeadMemory memory = _HeadMemory(screen) if screen is not None else None
    quiet = memory.quiet if memory is not None else {}
    cdef list out = blocks[:first]
    for position in range(first, len(blocks)):
        block = blocks[position]
        if edge[position]:
            text = block.text
            if not _quiet_head(text, quiet, section_names):
                parts = _split_known_head(text, is_chrome, memory, section_names, starts_sentence)
                if parts is not None:
                    out.extend(split(block, parts, len(out)))
                    continue
        block.index = len(out)
        out.append(block)
    return out


def chrome_head_edges(list blocks not None, tuple sentence_ends not None, Py_ssize_t edge_pieces):
    """``flattened._edges``: the positions of the pieces whose heads are cut."""
    cdef Py_ssize_t first = -1
    edges = _edge_flags(blocks, sentence_ends, edge_pieces, &first)
    return {position for position in range(len(blocks)) if edges[position]}


cdef bytearray _edge_flags(list blocks, tuple sentence_ends, Py_ssize_t edge_pieces, Py_ssize_t* first):
    """A byte per block, 1 for an edge (``flattened._edges``), and the first edge's position in
    ``first`` (left as it is when there is none)."""
    cdef Py_ssize_t count = len(blocks), position, near
    cdef bytearray flags = bytearray(count)
    cdef unsigned char* edge = flags
    cdef bint any_sentence = False
    cdef str text
    for position in range(count):
        block = blocks[position]
        if block.line is None:
            continue
        text = block.text
        if text.endswith(sentence_ends):
            edge[position] = 2  # a sentence
            any_sentence = True
    if not any_sentence:
        return flags
    for position in range(count):
        if edge[position] != 2:
            continue
        line = blocks[position].line
        for near in range(max(0, position - edge_pieces), min(count, position + edge_pieces + 1)):
            if edge[near] == 0 and blocks[near].line == line:
                edge[near] = 1
    for position in range(count):
        if edge[position]:
            if first[0] < 0:
                first[0] = position
            edge[position] = 1
    return flags
