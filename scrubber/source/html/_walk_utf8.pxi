# Included by _walk.pyx: the page in UTF-8 for the parser (parse._utf8_if_safe), encoded and
# checked in one pass over the str's own code units. str.encode then bytes.translate (which the
# Python twin uses) read every character twice: an eighth of a cold page's instructions.

from cpython.object cimport PyObject
from cpython.ref cimport Py_DECREF
from cpython.unicode cimport PyUnicode_DATA, PyUnicode_GET_LENGTH, PyUnicode_KIND
from libc.stdint cimport uint8_t, uint16_t, uint32_t, uint64_t

# Where the compiler offers SSE2 (every x86-64 one does): runs of ASCII 16 units at a time, in C
# as Cython cannot spell vector instructions. Elsewhere the runs take the word-at-a-time path.
cdef extern from *:
    """
    #if defined(__SSE2__) || defined(_M_X64) || (defined(_M_IX86_FP) && _M_IX86_FP >= 2)
    #include <emmintrin.h>
    /* Whether the 16 bytes hold no C0 control but tab, newline and return, nor a byte above 0x7F. */
    static inline int scrubber_plain_16(__m128i bytes) {
        __m128i low = _mm_cmplt_epi8(bytes, _mm_set1_epi8(0x20)); /* signed: bytes above 0x7F too */
        if (!_mm_movemask_epi8(low)) return 1;
        __m128i allowed = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8(9)),
                                                    _mm_cmpeq_epi8(bytes, _mm_set1_epi8(10))),
                                       _mm_cmpeq_epi8(bytes, _mm_set1_epi8(13)));
        return !_mm_movemask_epi8(_mm_andnot_si128(allowed, low));
    }
    /* How many units at the start of ``units`` (a multiple of 16, at most ``length``) are
       plain ASCII: copied to ``out`` as bytes. */
    static inline Py_ssize_t scrubber_ascii_run_1(const uint8_t* units, Py_ssize_t length, unsigned char* out) {
        Py_ssize_t done = 0;
        for (; done + 16 <= length; done += 16) {
            __m128i bytes = _mm_loadu_si128((const __m128i*)(units + done));
            if (!scrubber_plain_16(bytes)) break;
            _mm_storeu_si128((__m128i*)(out + done), bytes);
        }
        return done;
    }
    static inline Py_ssize_t scrubber_ascii_run_2(const uint16_t* units, Py_ssize_t length, unsigned char* out) {
        const __m128i not_ascii = _mm_set1_epi16((short)0xFF80);
        Py_ssize_t done = 0;
        for (; done + 16 <= length; done += 16) {
            __m128i first = _mm_loadu_si128((const __m128i*)(units + done));
            __m128i second = _mm_loadu_si128((const __m128i*)(units + done + 8));
            __m128i high = _mm_and_si128(_mm_or_si128(first, second), not_ascii);
            if (_mm_movemask_epi8(_mm_cmpeq_epi16(high, _mm_setzero_si128())) != 0xFFFF) break;
            __m128i bytes = _mm_packus_epi16(first, second);
            if (!scrubber_plain_16(bytes)) break;
            _mm_storeu_si128((__m128i*)(out + done), bytes);
        }
        return done;
    }
    #else
    #define scrubber_ascii_run_1(units, length, out) ((Py_ssize_t)0)
    #define scrubber_ascii_run_2(units, length, out) ((Py_ssize_t)0)
    #endif
    """
    Py_ssize_t scrubber_ascii_run_1(const uint8_t* units, Py_ssize_t length, unsigned char* out) noexcept
    Py_ssize_t scrubber_ascii_run_2(const uint16_t* units, Py_ssize_t length, unsigned char* out) noexcept


ctypedef fused _Unit:  # the code units of the three kinds of str
    uint8_t
    uint16_t
    uint32_t


def utf8_if_safe(html):
    """``html`` in UTF-8, or None when it holds a character libxml2 cannot hold: a C0 control
    other than tab, newline and return, or a (lone) surrogate, which str.encode refuses."""
    if not isinstance(html, str):  # a subclass of str too (Cython's ``str html`` would refuse one)
        raise TypeError(f"expected str, got {type(html).__name__}")
    cdef Py_ssize_t length = PyUnicode_GET_LENGTH(html), size
    cdef unsigned int kind = PyUnicode_KIND(html)
    cdef const void* units = PyUnicode_DATA(html)
    # written straight into a bytes object with room for the longest encoding of each unit (2
    # bytes for 1-byte units, 3 for 2, 4 for 4), then cut to size in place: a buffer of its own
    # cost a copy, and on the page's first large request glibc sweeps its free lists
    cdef PyObject* utf8 = _new_bytes(NULL, length * (kind + 1 if kind < 4 else 4))
    cdef unsigned char* out = <unsigned char*>_bytes_data(utf8)
    if kind == 1:
        size = _encode(<const uint8_t*>units, length, out)
    elif kind == 2:
        size = _encode(<const uint16_t*>units, length, out)
    else:
        size = _encode(<const uint32_t*>units, length, out)
    if size < 0:
        Py_DECREF(<object>utf8)
        return None
    _PyBytes_Resize(&utf8, size)  # on failure it frees the object and raises
    return _owned(utf8)


cdef extern from "Python.h":
    # the bytes object as a bare pointer, which _PyBytes_Resize may move
    PyObject* _new_bytes "PyBytes_FromStringAndSize"(const char* data, Py_ssize_t size) except NULL
    char* _bytes_data "PyBytes_AS_STRING"(PyObject* data)
    int _PyBytes_Resize(PyObject** data, Py_ssize_t size) except -1


cdef inline object _owned(PyObject* data):
    # an object for the new reference ``data`` holds
    cdef object owned = <object>data  # a second reference
    Py_DECREF(owned)
    return owned


cdef inline uint64_t _lanes(const _Unit* width, uint64_t value) noexcept:
    # ``value`` in each lane of a word of 8 bytes that holds 8, 4 or 2 units (only the type of
    # ``width`` counts)
    if _Unit is uint8_t:
        return value * <uint64_t>0x0101010101010101
    elif _Unit is uint16_t:
        return value * <uint64_t>0x0001000100010001
    else:
        return value * <uint64_t>0x0000000100000001


cdef Py_ssize_t _encode(const _Unit* units, Py_ssize_t length, unsigned char* out) noexcept:
    """Write the units in UTF-8 to ``out`` and return how many bytes that took, or -1 when one
    of them cannot go to libxml2. Markup is mostly ASCII whatever the language of its text: 16
    units a step where there is SSE2, then a word of 8 bytes at a time while all its units are
    ASCII and none is a control (a newline or tab neither), which two tests of the word settle;
    one unit at a time for the rest."""
    cdef uint64_t not_ascii = _lanes(units, (<_Unit>-1) ^ 0x7F), space = _lanes(units, 0x20)
    cdef uint64_t top = _lanes(units, (<_Unit>-1) ^ ((<_Unit>-1) >> 1)), word
    cdef Py_ssize_t i = 0, lane, run
    cdef Py_ssize_t lanes = 8 // sizeof(_Unit)
    cdef unsigned char* start = out
    cdef uint32_t unit
    while i < length:
        if _Unit is uint8_t:
            run = scrubber_ascii_run_1(units + i, length - i, out)
        elif _Unit is uint16_t:
            run = scrubber_ascii_run_2(units + i, length - i, out)
        else:
            run = 0
        out += run
        i += run
        if i == length:
            break
        if i + lanes <= length:
            memcpy(&word, units + i, 8)
            # all lanes ASCII; then a lane below 0x20 borrows, which sets its top bit
            if not word & not_ascii and not (word - space) & top:
                for lane in range(8 // sizeof(_Unit)):
                    out[lane] = <unsigned char>units[i + lane]
                out += lanes
                i += lanes
                continue
        unit = units[i]
        if unit < 0x80:
            if unit < 32 and unit != 9 and unit != 10 and unit != 13:
                return -1
            out[0] = unit
            out += 1
        elif unit < 0x800:
            out[0], out[1] = 0xC0 | (unit >> 6), 0x80 | (unit & 0x3F)
            out += 2
        elif unit < 0x10000:
            if 0xD800 <= unit <= 0xDFFF:  # a surrogate
                return -1
            out[0], out[1], out[2] = 0xE0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3F), 0x80 | (unit & 0x3F)
            out += 3
        else:
            out[0], out[1], out[2], out[3] = (0xF0 | (unit >> 18), 0x80 | ((unit >> 12) & 0x3F),
                                              0x80 | ((unit >> 6) & 0x3F), 0x80 | (unit & 0x3F))
            out += 4
        i += 1
    return out - start
