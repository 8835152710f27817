"""The compiled stopword table (``_walk_words.pxi``) gives each word of a page the kind its
Python twin in ``scoring.features`` gives: the same word boundaries (the bytes ``bytes.split``
splits at, a NUL as a word of its own) and the same lookups."""

from itertools import repeat

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scrubber.scoring import features
from scrubber.scoring.features import _stopword_kinds
from scrubber.source.html import compiled

pytestmark = pytest.mark.skipif(compiled.walk is None, reason="compiled walks not built")

STOPWORDS = frozenset({"a", "i", "to", "the", "die", "und", "über", "straße", "voilà", "dont", "ça"})
KINDS = _stopword_kinds(STOPWORDS)


def python_kinds(page: bytes, kinds: dict) -> bytes:
    return bytes(map(kinds.get, page.replace(b"\0", b" \0 ").split(), repeat(0)))


# the stopwords, their prefixes and extensions, as the pieces of a page
_STOP_BYTES = sorted(word for word in KINDS if word != b"\0")
_PIECES = st.one_of(
    st.sampled_from(_STOP_BYTES),
    st.sampled_from(_STOP_BYTES).map(lambda word: word[:-1] or word),
    st.tuples(st.sampled_from(_STOP_BYTES), st.sampled_from([b"s", b"\xe9", b"-", b"\x1c", b"\x85", b"\xa0"]))
    .map(b"".join),
    # every whitespace byte, the separators str.split knows but bytes.split does not, and NUL
    st.sampled_from([bytes([byte]) for byte in (0, 9, 10, 11, 12, 13, 28, 29, 30, 31, 32, 0x85, 0xA0)]),
    st.binary(max_size=6),
)
PAGES = st.lists(_PIECES, max_size=40).map(b"".join)


@settings(max_examples=400, deadline=None)
@given(PAGES)
def test_the_stoplist_table_gives_each_word_the_kind_the_dict_gives(page):
    table = compiled.walk.WordKinds(KINDS)
    assert table.kinds_of(page) == python_kinds(page, KINDS)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.binary(max_size=4), st.integers(0, 255), max_size=30), st.binary(max_size=60))
def test_any_table_gives_each_word_the_kind_the_dict_gives(kinds, page):
    page = page + b" ".join(list(kinds)[:5])
    assert compiled.walk.WordKinds(kinds).kinds_of(page) == python_kinds(page, kinds)


def test_a_page_of_words_gets_one_kind_per_word():
    page = "the council met\0 und die straße\x0b\x0cto \xa0the end\0".encode("latin-1")
    assert compiled.walk.WordKinds(KINDS).kinds_of(page) == bytes([2, 0, 0, 3, 2, 2, 2, 1, 0, 0, 3])


def test_a_kind_beyond_a_byte_is_refused():
    with pytest.raises(ValueError):
        compiled.walk.WordKinds({b"the": 256})


def test_page_features_reads_the_table_built_once_per_stoplist():
    assert features._compiled_stopword_kinds(STOPWORDS) is features._compiled_stopword_kinds(STOPWORDS)
    folded = b" the council\0 met to"
    assert features._word_kinds(folded, STOPWORDS) == python_kinds(folded, KINDS)
