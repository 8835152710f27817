# Included by _walk.pyx: the lines of a text dump that go on with the sentence of the line before
# them (normalise.fragments: join_fragment_runs, mid_sentence), asked of every pair of lines of a
# page. Their Python twins pay a call, two string subscripts and a slice for each pair; here the
# first and last characters are read in place, and Python is called only when the last word of
# a line is short enough to be a small word ("of", "the").

from cpython.long cimport PyLong_FromVoidPtr


cdef bint _continues(str previous, str line, frozenset small_words, Py_ssize_t longest) except -1:
    """``normalise.fragments.continues(previous, line)``; ``longest``: the length of the longest
    of ``small_words``, the case-folded words that leave a sentence open ("of", "the")."""
    cdef Py_ssize_t size = len(previous), at
    if size == 0 or len(line) == 0:
        raise IndexError("string index out of range")
    cdef Py_UCS4 first = line[0], last = previous[size - 1]
    if first in u",.;:!?)]}%»”’…":
        return True
    if last in u".!?:…\"”":
        return False
    if first.islower() or last in u",(-–—/":
        return True
    # the last space, looked for only as far back as a small word reaches (casefold never
    # shortens a word)
    at = size - 1
    while at >= 0 and at >= size - 1 - longest:
        if previous[at] == u" ":
            return previous[at + 1:].casefold() in small_words and len(previous.split(None, 3)) == 4
        at -= 1
    return False


def join_fragment_runs(list blocks, block_type, frozenset small_words, Py_ssize_t longest):
    """``normalise.fragments.join_fragment_runs(blocks)``; ``block_type``: ``Block``, whose fields
    are passed by position (tests/test_blocks.py keeps their order)."""
    cdef list out = [], made = []
    cdef object head = None, block
    cdef str text = None, piece
    cdef bint is_joined = False, open_head = False  # the head is a paragraph of no flattened line
    for block in blocks:
        if open_head and not block.after_blank and block.line is None and block.kind == "paragraph":
            piece = block.text
            if _continues(text, piece, small_words, longest):
                text = text + piece if piece[0] in u",.;:!?)]}%»”’…" else text + " " + piece
                is_joined = True
                continue
        else:
            piece = block.text
        if is_joined:
            out[len(out) - 1] = block_type(text, head.kind, head.index, None, None, 0.0, (), head.after_blank)
            made.append(len(out) - 1)
        out.append(block)
        head, text, is_joined = block, piece, False
        open_head = block.line is None and block.kind == "paragraph"
    if is_joined:
        out[len(out) - 1] = block_type(text, head.kind, head.index, None, None, 0.0, (), head.after_blank)
        made.append(len(out) - 1)
    return out, made


def mid_sentence(list blocks, chrome, frozenset small_words, Py_ssize_t longest):
    """``normalise.fragments.mid_sentence(blocks, chrome)``."""
    cdef list middles = []
    cdef Py_ssize_t position
    cdef int into, ahead = -1  # -1: not asked
    for position in range(1, len(blocks) - 1):
        previous, block, following = blocks[position - 1], blocks[position], blocks[position + 1]
        into, ahead = ahead, -1
        if block.after_blank or following.after_blank or block.line is not None:
            continue
        if into < 0:
            into = _continues(previous.text, block.text, small_words, longest)
        if into:
            ahead = _continues(block.text, following.text, small_words, longest)
            if ahead and PyLong_FromVoidPtr(<void*>previous) not in chrome \
                    and PyLong_FromVoidPtr(<void*>following) not in chrome:
                middles.append(block)
    return middles
