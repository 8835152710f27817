# Included by _walk.pyx (after _walk_dumps.pxi, whose Block slots and repeat_lines it uses): the
# title of a text dump that a later line repeats (title._repeated_title), found in one call
# rather than a Python loop over the head lines and one over the lines that repeat them. Of the
# lines that may repeat a head line (repeat_lines), most repeat none of its words: an ASCII
# line's words are spaced out in one new string to be looked for, and no word list is made.
# Also the lines that repeat the title found (title_repeats._repeats): the lines that can, and
# of those the ones to drop, in one call, the words of an ASCII line read here, and Python
# asked only about a line beyond ASCII or one with a separator that may be "Title | Site".

from cpython.unicode cimport PyUnicode_Find


cdef object _ascii_spaced_words(str text):
    """``" " + " ".join(title_words(text)) + " "`` of an ASCII text: its runs of letters and
    digits, lowered; None when it has none."""
    cdef Py_ssize_t length = PyUnicode_GET_LENGTH(text), i, size = 1, at = 1
    cdef const unsigned char* data = PyUnicode_1BYTE_DATA(text)
    cdef unsigned char byte
    cdef bint inside = False
    for i in range(length):  # the size: each letter or digit, and a space after each word
        if _ascii_alnum(data[i]):
            size += 1
            inside = True
        elif inside:
            size += 1
            inside = False
    size += inside
    if size == 1:
        return None
    cdef str spaced = PyUnicode_New(size, 127)
    cdef unsigned char* out = PyUnicode_1BYTE_DATA(spaced)
    out[0] = 32
    inside = False
    for i in range(length):
        byte = data[i]
        if _ascii_alnum(byte):
            out[at] = byte + 32 if 65 <= byte <= 90 else byte
            at += 1
            inside = True
        elif inside:
            out[at] = 32
            at += 1
            inside = False
    if inside:
        out[at] = 32
    return spaced


cdef Py_ssize_t _title_word_count(str part, title_words) except -1:
    """``len(title_words(part))``, counted in place for an ASCII part: its runs of letters and
    digits."""
    cdef Py_ssize_t length, i, words = 0
    cdef const unsigned char* data
    cdef bint inside = False, alnum
    if not PyUnicode_IS_ASCII(part):
        return len(title_words(part))
    length, data = PyUnicode_GET_LENGTH(part), PyUnicode_1BYTE_DATA(part)
    for i in range(length):
        alnum = _ascii_alnum(data[i])
        words += alnum and not inside
        inside = alnum
    return words


cdef object _spaced_title_words(str text, title_words):
    """``" " + " ".join(title_words(text)) + " "``, or None when ``text`` has no title word."""
    if PyUnicode_IS_ASCII(text):
        return _ascii_spaced_words(text)
    words = title_words(text)
    return " " + " ".join(words) + " " if words else None


cdef list _title_parts(str line, Py_ssize_t words, tuple separators, title_words):
    """``title._parts(line, ...)``; ``words``: how many title words ``line`` has."""
    for separator in separators:
        if PyUnicode_Contains(line, separator):
            return [_title_word_count(part, title_words) for part in line.split(separator)]
    return [words]


cdef bint _is_title_run(Py_ssize_t start, Py_ssize_t length, list parts, Py_ssize_t total) except -1:
    """``title._title_run(start, length, parts, total)``."""
    cdef Py_ssize_t count, edge = 0, largest = 0, number, size = len(parts)
    if length < 2:
        return False
    if size == 1:
        return 2 * length >= total
    for count in parts:
        if count > largest:
            largest = count
    for number in range(size):
        count = parts[number]
        if edge <= start and start + length <= edge + count:
            if count < largest and (number == 0 or number == size - 1):  # a site name or section
                return False
            return 2 * length >= count
        edge += count
    return True


def repeated_title(list blocks, block_type, list head, Py_ssize_t window, tuple separators, Py_ssize_t likely_words,
                   title_words, content_words, strip_site_name, title_guess, title_word):
    """``title._repeated_title(blocks, head)``, with ``title``'s REPEAT_WINDOW, SEPARATORS and
    TITLE_WORDS_LIKELY, and its helpers ``title_words``, ``_content_words``, ``strip_site_name``,
    ``TitleGuess`` and ``TITLE_WORD``: the head lines' words and the lines that repeat a run of
    them are read here, each run's head line found by a search over a C array of its edges, not
    by ``bisect`` and tuples of Python ints."""
    if not head:
        return False, None, None
    cdef _BlockSlots slots = _block_slots(block_type)
    cdef list carriers = []  # (position, block, words joined, parts, word count) of each head line read
    cdef list pieces = []
    cdef dict by_position = {}  # the spaced words of each head line read ("" for none)
    cdef dict starts = {}
    cdef set heads = set(), known = set()
    cdef Py_ssize_t longest = 0, count, position, carrier_position, number, size, found, at, start, length
    cdef Py_ssize_t* edges = NULL
    cdef Py_ssize_t best_carrier = 0, best_length = 0, carrier_count
    cdef bint sure, whole, best_sure = False, have_best = False
    cdef str text, spaced, joined, carrier_words, spread
    cdef list parts
    best_index = best_guess = None
    for position, block in head:
        heads.add(position)
        if _field(block, &slots, slots.line, "line") is not None:
            continue
        text = _field(block, &slots, slots.text, "text")
        found_words = _spaced_title_words(text, title_words)
        if found_words is None:
            joined, count = "", 0
        else:
            spaced = found_words
            joined = spaced[1:PyUnicode_GET_LENGTH(spaced) - 1]
            count = spaced.count(" ") - 1
            for word in joined.split(" "):
                known.add(word)
        carriers.append((position, block, joined, _title_parts(text, count, separators, title_words), count))
        by_position[position] = "" if found_words is None else found_words
        pieces.append(" " + joined + " ")
        size = PyUnicode_GET_LENGTH(_key(block, &slots))
        if size > longest:
            longest = size
    if not carriers:
        return False, None, None
    for word in known:
        starts[word[0]] = starts.get(word[0], ()) + (word,)
    spread = "\n" + "\n".join(pieces) + "\n"
    carrier_count = len(carriers)
    edges = <Py_ssize_t*>malloc((carrier_count + 1) * sizeof(Py_ssize_t))
    if edges == NULL:
        raise MemoryError()
    try:
        edges[0] = 1
        for number in range(carrier_count):  # where each head line's spaced words start in the spread
            edges[number + 1] = edges[number] + PyUnicode_GET_LENGTH(pieces[number]) + 1
        first = head[0][0]
        for position in repeat_lines(blocks, block_type, first, first + window, longest, starts, known, title_word):
            spaced_or_none = by_position.get(position)
            if spaced_or_none is None:
                spaced_or_none = _spaced_title_words(_field(blocks[position], &slots, slots.text, "text"), title_words)
                if spaced_or_none is None:
                    continue
            spaced = spaced_or_none
            size = PyUnicode_GET_LENGTH(spaced)
            if size == 0:  # a head line without words
                continue
            found = PyUnicode_Find(spread, spaced, 0, PyUnicode_GET_LENGTH(spread), 1)
            if found < 0:  # (most lines: they repeat no run of a head line)
                continue
            block = blocks[position]
            joined = spaced[1:size - 1]
            length = spaced.count(" ") - 1
            while found >= 0:
                number = carrier_count - 1
                while edges[number] > found:  # the head line the run lies in
                    number -= 1
                carrier_position, carrier, carrier_words, parts, count = carriers[number]
                at = found - edges[number]
                found = PyUnicode_Find(spread, spaced, edges[number + 1], PyUnicode_GET_LENGTH(spread), 1) \
                    if number + 1 < carrier_count else -1
                if carrier_position == position:
                    continue
                if carrier_position > position and (position not in heads or joined == carrier_words):
                    continue
                start = carrier_words[:at].count(" ")  # the words before the run
                if not _is_title_run(start, length, parts, count if count else 1):
                    continue
                whole = joined == carrier_words and len(parts) == 1
                sure = not whole or content_words(joined) >= likely_words
                if have_best and not (sure > best_sure if sure != best_sure else carrier_position < best_carrier
                                      if carrier_position != best_carrier else length > best_length):
                    continue  # (scored as the tuple (sure, -carrier position, length) is)
                have_best, best_sure, best_carrier, best_length = True, sure, carrier_position, length
                best_index = _field(carrier, &slots, slots.index, "index")
                if joined == carrier_words:  # the head line itself again: its first copy shows the title
                    carrier_text = _field(carrier, &slots, slots.text, "text")
                    best_guess = title_guess(strip_site_name(carrier_text) if len(parts) > 1 else carrier_text,
                                             best_index)
                else:
                    best_guess = title_guess(_field(block, &slots, slots.text, "text"),
                                             _field(block, &slots, slots.index, "index"), (best_index,))
    finally:
        free(edges)
    return (best_sure, best_index, best_guess) if have_best else (False, None, None)


def title_lines(list blocks, block_type, Py_ssize_t most_position, Py_ssize_t prose_words, Py_ssize_t most_words,
                tuple kinds, tuple open_ends, tuple full_stop, sentences, ends_sentence, site_name_last, script_like,
                Py_ssize_t script_chars):
    """``title._title_lines(blocks)``, with ``title``'s MAX_TITLE_POSITION, PROSE_WORDS, the most
    words of a title line, the kinds of block a title is, the ends it has not (_OPEN_ENDS and
    _FULL_STOP), ``_SENTENCES``, and its helpers
    ``_ends_sentence`` and ``_site_name_last``; ``script_like``: ``scoring.features.script_like``,
    asked only about a line long enough for a script (``script_chars``, its SCRIPT_MIN_CHARS)
    or holding a tag. The words are counted in place, and the ends read without a copy."""
    cdef _BlockSlots slots = _block_slots(block_type)
    cdef list head = []
    cdef Py_ssize_t position, size = len(blocks), words
    cdef str text, following
    for position in range(min(size, most_position)):
        block = blocks[position]
        text = _field(block, &slots, slots.text, "text")
        words = _word_count(text)
        if words >= prose_words and ends_sentence(text) and not site_name_last(text):  # title._is_prose
            break
        if position + 1 < size:
            following = _field(blocks[position + 1], &slots, slots.text, "text")
            if PyUnicode_GET_LENGTH(following) and Py_UNICODE_ISLOWER(following[0]) \
                    and following.count(" ") >= prose_words // 2:
                continue  # a line of prose wrapped at a fixed width goes on in the next line
        if _field(block, &slots, slots.kind, "kind") in kinds and text.count(",") < 3 \
                and not _ends_with(text, open_ends) \
                and not (_ends_with(text, full_stop) and not site_name_last(text)) \
                and not (PyUnicode_Contains(text, ". ") and sentences.search(text) is not None) \
                and 2 <= words <= most_words \
                and not ((PyUnicode_Contains(text, "<") or PyUnicode_GET_LENGTH(text) >= script_chars)
                         and script_like(text)):
            head.append((position, block))
    return head


cdef list _ascii_title_words(str text):
    """``title_words(text)`` of an ASCII text: its runs of letters and digits, lowered."""
    cdef Py_ssize_t length = PyUnicode_GET_LENGTH(text), at = 0, end, i
    cdef const unsigned char* data = PyUnicode_1BYTE_DATA(text)
    cdef unsigned char* out
    cdef unsigned char byte
    cdef list words = []
    cdef str word
    while True:
        while at < length and not _ascii_alnum(data[at]):
            at += 1
        if at == length:
            return words
        end = at
        while end < length and _ascii_alnum(data[end]):
            end += 1
        word = PyUnicode_New(end - at, 127)
        out = PyUnicode_1BYTE_DATA(word)
        for i in range(end - at):
            byte = data[at + i]
            out[i] = byte + 32 if 65 <= byte <= 90 else byte
        words.append(word)
        at = end


cdef bint _is_slug(str text, slug) except -1:
    """``" " not in text and slug.fullmatch(text)``, with ``slug`` title_repeats._SLUG: in
    ASCII, a lowercase letter or digit, then lowercase letters, digits, dashes and underscores,
    at least one dash or underscore."""
    cdef Py_ssize_t length = PyUnicode_GET_LENGTH(text), i
    cdef const unsigned char* data
    cdef unsigned char byte
    cdef bint joined = False
    if PyUnicode_Contains(text, " "):
        return False
    if not PyUnicode_IS_ASCII(text):
        return slug.fullmatch(text) is not None
    data = PyUnicode_1BYTE_DATA(text)
    if length == 0 or not (97 <= data[0] <= 122 or 48 <= data[0] <= 57):
        return False
    for i in range(1, length):
        byte = data[i]
        if byte == 45 or byte == 95:  # - _
            joined = True
        elif not (97 <= byte <= 122 or 48 <= byte <= 57):
            return False
    return joined


cdef bint _more_words_than(str text, Py_ssize_t most) except -1:
    """Whether ``title_words(text)`` surely has more than ``most`` words, read without a word
    made: the stretches between ASCII characters that are no letter or digit are counted when
    they hold an ASCII letter or digit (each holds a word of its own). Exact for an ASCII text;
    for another, a word of other letters alone is not counted, so a False tells nothing."""
    cdef Py_ssize_t length = PyUnicode_GET_LENGTH(text), i, count = 0
    cdef int kind = PyUnicode_KIND(text)
    cdef const void* data = PyUnicode_DATA(text)
    cdef Py_UCS4 c
    cdef bint counted = False  # the stretch read holds a counted word already
    for i in range(length):
        c = PyUnicode_READ(kind, data, i)
        if c >= 128:
            continue  # a letter, a digit or a mark: it neither starts nor ends a stretch
        if _ascii_alnum(c):
            if not counted:
                count += 1
                if count > most:
                    return True
                counted = True
        else:
            counted = False
    return False


cdef bint _mostly_title(list words, list wanted) except -1:
    """``title_repeats._mostly_title(words, wanted)``."""
    cdef Py_ssize_t shared = 0, count = len(words), enough = <Py_ssize_t>(0.8 * count)
    for word in words:
        shared += word in wanted
    return shared >= (enough if enough > 2 else 2)


def title_repeats(list blocks, block_type, list wanted, str longest, Py_ssize_t most, tuple carriers,
                  tuple separators, tuple running_text_ends, slug, title_words, title_words_up_to, title_with_site,
                  tuple drops):
    """``filters.title_repeats._repeats(blocks, wanted, carriers)``, with its ``longest`` title
    word and ``most`` words of a title and site name, ``title_words``' SEPARATORS,
    RUNNING_TEXT_ENDS and helpers, ``_SLUG``, and the four (reason, message) pairs a repeat is
    dropped with (a carrier, a slug, a copy, a ``Title | Site`` line).
    A paragraph holding every title word is passed over once its words outnumber ``most``
    (counted, not made), and title_with_site is asked only of a line holding a separator and
    not ending as running text does."""
    cdef _BlockSlots slots = _block_slots(block_type)
    cdef list found = [], repeats = []
    cdef Py_ssize_t position, count
    cdef str key, text, word
    cdef bint holds, carrier, seen_title = False, seen_plain = False
    for position in range(len(blocks)):  # the lines that can repeat the title, and their words
        block = blocks[position]
        key = _key(block, &slots)
        carrier = carriers and _field(block, &slots, slots.index, "index") in carriers
        if not carrier:
            holds = PyUnicode_Contains(key, longest)
            if holds:
                for word in wanted:
                    if not PyUnicode_Contains(key, word):
                        holds = False
                        break
            if not holds and (PyUnicode_Contains(key, " ")
                              or not (PyUnicode_Contains(key, "-") or PyUnicode_Contains(key, "_"))):
                continue
        text = _field(block, &slots, slots.text, "text")
        if carrier or key.count(" ") < most:
            words = _ascii_title_words(text) if PyUnicode_IS_ASCII(text) else title_words(text)
        elif _more_words_than(text, most):
            continue  # a paragraph holding the title's words: title_words_up_to would be None
        else:
            words = _ascii_title_words(text) if PyUnicode_IS_ASCII(text) else title_words_up_to(text, most)
        if not words:
            continue
        if not seen_title and words == wanted:
            seen_title = True
        found.append((position, block, words, carrier))
    for position, block, words, carrier in found:
        if carrier:
            repeats.append((position, drops[0]))
            continue
        text = _field(block, &slots, slots.text, "text").strip()
        if _is_slug(text, slug) and _mostly_title(words, wanted):
            repeats.append((position, drops[1]))
        elif words == wanted:
            if seen_plain:
                repeats.append((position, drops[2]))
            seen_plain = True
        elif not _ends_with(text, running_text_ends):  # title_with_site's first test, without a call
            for separator in separators:  # a "Title | Site" line has one
                if PyUnicode_Contains(text, separator):
                    if title_with_site(text, wanted):
                        if seen_title:
                            repeats.append((position, drops[3]))
                        seen_title = True
                    break
    return repeats
