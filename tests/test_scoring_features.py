"""The scorer's fast paths give exactly what the regexes they stand in for give: the byte tables
of Latin-1 text, the early exits of the structure tests."""

import itertools

import regex
from hypothesis import given, settings, strategies as st

from scrubber.data import any_stopwords
from scrubber.scoring import features, structure

LATIN_1 = [chr(i) for i in range(256)]
# code as the scorer defined it in one regex before ``has_code`` looked for its two parts apart
CODE = regex.compile(r"^\p{Lu}{2,}\s+[\p{Ll}_]|[_;={}\[\]]")
# what the fast path sees: Latin-1, the punctuation it turns into spaces, and a few letters beyond
ALPHABET = "".join(LATIN_1) + features._PUNCTUATION + "łęŁ€™中文ひカ"
# ... strung with words of the stoplist below, in every case
PIECES = st.sampled_from(["the", "The", "und", "ÜBER", "Straße", "STRASSE", "µm", "ss", "a", "é", "ÿ", " ", "’"])
TEXT = st.lists(st.one_of(PIECES, st.characters(whitelist_categories=(), whitelist_characters=ALPHABET)),
                max_size=30).map("".join)


# stopwords of every length, some spelt beyond ASCII, one beyond Latin-1 ("µ" folds to "μ")
STOPWORDS = any_stopwords() | {"a", "ss", "é", "über", "strasse", "μm", "ÿ", "ºc"}


def by_regex(text, stopwords=STOPWORDS):
    words = features._WORD.findall(text.casefold())
    found = [w for w in words if w in stopwords]
    return len(words), len(found), sum(len(w) > 2 for w in found), len(features._CAPITAL.findall(text))


def test_replaced_punctuation_is_not_part_of_words_nor_of_an_unspaced_script():
    for mark in features._PUNCTUATION:
        assert not features._WORD.fullmatch(mark) and not features._UNSPACED.search(mark)
        assert mark.casefold() == mark


def test_no_latin_1_character_belongs_to_an_unspaced_script():
    assert not any(features._UNSPACED.search(c) for c in LATIN_1)


def test_unspaced_scripts_lie_where_unspaced_chars_looks_for_them():
    # _unspaced_chars searches only text with a character of the Thai block or from U+2E80 up
    assert not any(features._UNSPACED.match(chr(i)) and not features._MAYBE_UNSPACED.match(chr(i))
                   for i in range(0x3000))


def test_latin_counts_match_the_regexes_on_every_pair_of_characters():
    # a pair holds every case: a word's first character, one inside a word, a boundary
    stopwords = frozenset(c.casefold() for c in LATIN_1) | {(a + b).casefold() for a in "aßÀµ" for b in "sSßÿ"}
    for first, second in itertools.product(LATIN_1 + list(features._PUNCTUATION), repeat=2):
        text = first + second
        assert features._latin_counts(text, stopwords) == by_regex(text, stopwords), text


@settings(max_examples=300)
@given(TEXT)
def test_latin_counts_match_the_regexes_or_decline(text):
    found = features._latin_counts(text, STOPWORDS)
    assert found is None or found == by_regex(text)
    assert found is not None or regex.search(r"[^\x00-\xff]", text)


@settings(max_examples=300)
@given(st.text(alphabet=ALPHABET + "│─┼ :./0123456789", max_size=30))
def test_structure_test_matches_its_definition(text):
    visible = len(text) - text.count(" ")
    letters = sum(c.isalpha() for c in text)
    expected = bool(structure.BOX.search(text)) or (
        not structure.is_stamp(text) and visible >= structure.STRUCTURE_MIN_CHARS and letters * 3 < visible)
    assert structure.is_structure(text) == expected


def test_re_spaces_are_what_str_split_splits_on():
    # every character str.isspace() accepts lies below U+3001
    assert all(bool(structure._TWO_VISIBLE.match("a" + chr(i) + "b")) != chr(i).isspace() for i in range(0x3001))


@settings(max_examples=300)
@given(st.text(alphabet=ALPHABET + " \t([{}]);=_ABCXYZ", max_size=20))
def test_token_test_matches_its_definition(text):
    letters = all(len(word) == 1 for word in text.split()) and any(c.isalpha() for c in text)
    code = text.isascii() and CODE.search(text) is not None
    assert structure.is_token(text) == (letters or code or text.lstrip()[:1] in ("(", "[", "{"))


@settings(max_examples=300)
@given(st.lists(st.sampled_from(["SELECT", "AS", "Ωμ", "ÉTÉ", " ", "\t", "a", "é", "_", ";", "=", "[", "x", "Total"]),
                max_size=8).map("".join))
def test_code_test_matches_the_one_regex(text):
    assert structure.has_code(text) == (CODE.search(text) is not None)


@settings(max_examples=300)
@given(st.lists(st.one_of(TEXT, st.sampled_from(["", "a\0b", "µ the", "€ the", "Über die", "It ended.\n", "the end\n",
                                                 "Q &#38; A", "<img src=t.gif width=1>"])), max_size=8),
       st.lists(st.sampled_from([0.0, 0.5, 1.0]), min_size=8, max_size=8), st.sampled_from([STOPWORDS, frozenset()]))
def test_page_features_are_each_blocks_features(texts, densities, stopwords):
    from scrubber.blocks import Block
    blocks = [Block(t, link_density=d) for t, d in zip(texts, densities)]
    assert features.page_features(blocks, stopwords) == [features.Features.of(t, stopwords, d) for t, d in zip(texts, densities)]


def test_stamp_lengths_are_the_longest_lines_the_stamp_patterns_match():
    # the patterns are plain enough for ``re``'s parser to measure
    import re._parser
    assert re._parser.parse(structure.COUNTER.pattern).getwidth()[1] == structure.COUNTER_MAX_CHARS
    assert re._parser.parse(structure.CLOCK.pattern).getwidth()[1] == structure.CLOCK_MAX_CHARS
    assert structure.is_stamp("999 sur 999") and structure.is_stamp(" 23:59 Uhr ")


# the class of code symbols as the scorer searched for them before it counted them
CODE_SYMBOL = regex.compile(r"[{}()\[\];=<>&|!\\+*/$_^~#@\"]")


@given(st.text(alphabet=ALPHABET + "{}()[];=<>&|!\\+*/$_^~#@\"'%-.,?`", max_size=40))
def test_code_symbols_are_counted_as_the_regex_finds_them(text):
    assert features._code_symbols(text) == len(CODE_SYMBOL.findall(text))
    assert features._code_symbols(text.encode("ascii", "ignore").decode()) == \
        len(CODE_SYMBOL.findall(text.encode("ascii", "ignore").decode()))
