# Included by _walk.pyx, before _walk_content.pxi: how many characters and commas a text run
# holds, as content.score_tree measures the text of a block or an anchor.


cdef struct Commas:
    # content._COMMA_CHARS as code points
    unsigned int points[16]
    int count


cdef int _measure(tree.xmlNode* text, Commas* comma_chars, long* chars, long* commas) except -1:
    """Add the stripped length and the commas of the text run starting at ``text`` (an
    element's text or its tail, as lxml joins it) to ``chars`` and ``commas``. One text node
    whose ends are ASCII (nearly all) is measured by a tight loop; any other run by
    _measure_run, which strips Unicode whitespace too."""
    cdef const unsigned char* content
    cdef const unsigned char* end
    cdef const unsigned char* byte
    cdef long comma_count = 0, extra_bytes = 0
    cdef unsigned int point
    cdef int length
    if not _text_like(text):
        return 0
    if _text_like(text.next):
        return _measure_run(text, comma_chars, chars, commas)
    content = text.content
    if content is NULL:
        return 0
    end = content + strlen(<const char*>content)
    while content < end and _ascii_space(content[0]):
        content += 1
    while end > content and _ascii_space((end - 1)[0]):
        end -= 1
    if content < end and (content[0] >= 0x80 or (end - 1)[0] >= 0x80):
        return _measure_run(text, comma_chars, chars, commas)
    byte = content
    while byte < end:
        byte += scrubber_ascii_commas_16(byte, end - byte, &comma_count)
        if byte == end:
            break
        if byte[0] < 0x80:
            comma_count += byte[0] == 44  # ","
            byte += 1
        else:
            length = _sequence(byte, end, &point)
            if length == 0:
                return _not_utf8(text)
            comma_count += _is_comma(point, comma_chars)
            extra_bytes += length - 1
            byte += length
    chars[0] += end - content - extra_bytes
    commas[0] += comma_count
    return 0


cdef inline bint _is_comma(unsigned int point, Commas* comma_chars):
    cdef int known
    for known in range(comma_chars.count):
        if point == comma_chars.points[known]:
            return True
    return False


cdef int _measure_run(tree.xmlNode* text, Commas* comma_chars, long* chars, long* commas) except -1:
    """_measure of any text run, as content.score_tree measures a text: its length in
    characters once str.strip's whitespace is off both ends, and its commas of any script
    (all inside the stripped text: no comma is whitespace)."""
    cdef const unsigned char* byte
    cdef const unsigned char* end
    cdef long count = 0, first = -1, last = 0, comma_count = 0
    cdef unsigned int point
    cdef int length
    while _text_like(text):
        if text.content is not NULL:
            byte = text.content
            end = byte + strlen(<const char*>byte)
            while byte < end:
                if byte[0] < 0x80:
                    if not _ascii_space(byte[0]):
                        if first < 0:
                            first = count
                        last = count + 1
                        comma_count += byte[0] == 44  # ","
                    byte += 1
                else:
                    length = _sequence(byte, end, &point)
                    if length == 0:
                        return _not_utf8(text)
                    if not Py_UNICODE_ISSPACE(<Py_UCS4>point):
                        if first < 0:
                            first = count
                        last = count + 1
                        comma_count += _is_comma(point, comma_chars)
                    byte += length
                count += 1
        text = text.next
    if first >= 0:
        chars[0] += last - first
        commas[0] += comma_count
    return 0
