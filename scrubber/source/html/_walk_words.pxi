# Included by _walk.pyx: the kind of each word of a page for the scorer (scoring.features.page_features),
# looked up in a C table. Its Python twin, bytes(map(kinds.get, page.replace(b"\0", b" \0 ").split(),
# repeat(0))), makes a bytes object, hashes it and probes a dict for every word of the page.

from libc.stdint cimport uint8_t, uint32_t
from libc.string cimport memcmp

# The bytes bytes.split() splits at (tab, newline, vertical tab, form feed, return, space), and the
# NUL, which the twin spaces apart into a word of its own.
cdef enum _ByteClass:
    _WORD = 0
    _SPACE = 1
    _NUL = 2

cdef uint8_t _BYTE_CLASS[256]
cdef int _word_byte
for _word_byte in range(256):
    _BYTE_CLASS[_word_byte] = _SPACE if 9 <= _word_byte <= 13 or _word_byte == 32 else _NUL if _word_byte == 0 else _WORD


cdef struct _KindSlot:
    uint32_t hash
    uint32_t start   # of the word in WordKinds._spelling
    uint32_t length  # 0: an empty slot
    uint8_t kind


cdef class WordKinds:
    """A table of words (bytes) and their kinds (0 to 255): ``kinds_of(page)`` gives the kind of
    each word of ``page``, as ``bytes(map(kinds.get, page.replace(b"\\0", b" \\0 ").split(),
    repeat(0)))`` does with ``kinds`` the dict the table was built from."""

    cdef _KindSlot* _slots
    cdef uint32_t _mask
    cdef bytes _spelling  # every word of the table, one after another
    cdef Py_ssize_t _longest
    cdef uint8_t _nul_kind

    def __cinit__(self, dict kinds):
        cdef uint32_t size = 8, start = 0, hash, slot
        cdef const unsigned char* spelling
        cdef Py_ssize_t i
        for word, kind in kinds.items():
            if type(word) is not bytes or not 0 <= kind <= 255:
                raise ValueError(f"a kind for each word (bytes) from 0 to 255, not {word!r}: {kind!r}")
        words = [word for word in kinds if len(word)]  # an empty word is none bytes.split() gives
        while size < 2 * len(words):
            size *= 2
        self._slots = <_KindSlot*>calloc(size, sizeof(_KindSlot))
        if self._slots == NULL:
            raise MemoryError()
        self._mask = size - 1
        self._spelling = b"".join(words)
        spelling = self._spelling
        self._longest = 0
        for word in words:
            hash = _hash_word(spelling + start, len(word))
            slot = hash & self._mask
            while self._slots[slot].length:
                slot = (slot + 1) & self._mask
            self._slots[slot] = _KindSlot(hash, start, len(word), kinds[word])
            self._longest = max(self._longest, len(word))
            start += len(word)
        self._nul_kind = self._find(b"\0", 1, _hash_word(b"\0", 1))

    def __dealloc__(self):
        free(self._slots)

    cdef inline uint8_t _find(self, const unsigned char* word, Py_ssize_t length, uint32_t hash) noexcept:
        if length > self._longest:
            return 0
        cdef const unsigned char* spelling = self._spelling
        cdef uint32_t slot = hash & self._mask
        while self._slots[slot].length:
            if (self._slots[slot].hash == hash and self._slots[slot].length == length
                    and memcmp(spelling + self._slots[slot].start, word, length) == 0):
                return self._slots[slot].kind
            slot = (slot + 1) & self._mask
        return 0

    def kinds_of(self, bytes page not None):
        """One byte per word of ``page``: the kind of the word, 0 for a word not in the table."""
        cdef const unsigned char* data = page
        cdef Py_ssize_t length = len(page), i = 0, start, count = 0
        cdef uint32_t hash
        # no more words than bytes: written straight into a bytes object that long, cut to size
        cdef PyObject* kinds = _new_bytes(NULL, length)
        cdef unsigned char* out = <unsigned char*>_bytes_data(kinds)
        while i < length:
            if _BYTE_CLASS[data[i]] == _SPACE:
                i += 1
            elif _BYTE_CLASS[data[i]] == _NUL:
                out[count] = self._nul_kind
                count += 1
                i += 1
            else:
                start = i
                hash = _FNV_START
                while i < length and _BYTE_CLASS[data[i]] == _WORD:
                    hash = _fnv_step(hash, data[i])
                    i += 1
                out[count] = self._find(data + start, i - start, hash)
                count += 1
        _PyBytes_Resize(&kinds, count)  # on failure it frees the object and raises
        return _owned(kinds)
