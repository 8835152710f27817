# Included by _walk.pyx (after _walk_dumps.pxi, whose Block slots it reads): which of the lines
# that may repeat a head line of a text dump (title._repeat_lines) do repeat its words
# (title._spread_repeats). Most do not: an ASCII line's words are spaced out in one new string
# to be looked for, and its word list is made only when they are found.


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


def spread_repeats(list blocks, block_type, list positions, dict head_words, str spread, title_words):
    """``title._spread_repeats(blocks, positions, head_words, spread)``; ``title_words``:
    ``title_words.title_words``, asked of a text beyond ASCII."""
    cdef _BlockSlots slots = _block_slots(block_type)
    cdef list found = []
    cdef str text, spaced
    for position in positions:
        words = head_words.get(position)
        if words is None:
            text = _field(blocks[position], &slots, slots.text, "text")
            if PyUnicode_IS_ASCII(text):
                spaced = _ascii_spaced_words(text)
                if spaced is not None and PyUnicode_Contains(spread, spaced):
                    found.append((position, spaced[1:PyUnicode_GET_LENGTH(spaced) - 1].split(" ")))
                continue
            words = title_words(text)
        if words and PyUnicode_Contains(spread, " " + " ".join(words) + " "):
            found.append((position, words))
    return found
