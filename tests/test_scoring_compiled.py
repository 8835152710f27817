"""The compiled scorer pieces (``_walk_line_counts.pxi``, ``_walk_scoring.pxi``,
``_walk_scoring_screens.pxi``) give what their Python twins give: the line counter counts each line of a page as ``scoring.features._page_counts`` does (words, stopwords,
capitals and sentence ends, and the lines it must leave to ``Features.of``), ``key_copies``
counts repeats as ``scoring.repeats._key_copies`` does, and the scorer's labels and values are
``classifier._label``'s and ``classifier._value``'s."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scrubber.blocks import Block
from scrubber.scoring import classifier, features, repeats, structure
from scrubber.source.html import compiled
from scrubber.source.html.compiled import python_walks

pytestmark = pytest.mark.skipif(compiled.walk is None, reason="compiled walks not built")

STOPWORDS = frozenset({"a", "i", "to", "the", "die", "und", "über", "straße", "voilà", "dont", "ça", "t", "и", "σας", "ёлка",
                       "東京", "ss"})


def python_features(texts, stopwords):
    return python_twin(features.page_features, [Block(t) for t in texts], stopwords)


def python_twin(function, *args):
    with python_walks():
        return function(*args)


def compiled_features(texts, stopwords):
    return features.page_features([Block(t) for t in texts], stopwords)


# Pieces of lines: stopwords in any case, Latin-1 letters that fold to two letters or beyond
# Latin-1, the punctuation read as spaces, other scripts, references, NULs, closing quotes,
# sentence ends and the newline before which "$" matches.
_PIECES = st.one_of(
    st.sampled_from(sorted(STOPWORDS)).map(str.upper), st.sampled_from(sorted(STOPWORDS)),
    st.sampled_from(["ß", "SS", "ẞ", "µ", "ÿ", "Ÿ", "İ", "ﬁ", "Ω", "ΣΑΣ", "Ёлка", "東京", "ไทย", "カタカナ", "𠀋", "ǅ",
                     "\u0301", "\u200d", "٣", "&#", "&", "#", "\0", "_", "9",
                     "\u2013", "\u2019", "\u201e", "\u2026", "\u2022", "”", "»", ")", "]", "'", '"', ".", "!", "?",
                     "。", ":", ";", "\n", "\r", " ", "\t", "\x0b", "\x1c", "\x85", "\xa0", "<", "Über", "über"]),
    st.text(max_size=5),
)
LINES = st.lists(_PIECES, max_size=12).map("".join)


@settings(max_examples=600, deadline=None)
@given(st.lists(LINES, max_size=8), st.sampled_from([STOPWORDS, frozenset()]))
def test_the_compiled_counter_counts_each_line_as_its_python_twin(texts, stopwords):
    assert compiled_features(texts, stopwords) == python_features(texts, stopwords)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(max_size=12), max_size=6), st.sampled_from([STOPWORDS, frozenset()]))
def test_the_compiled_counter_counts_any_text_as_its_python_twin(texts, stopwords):
    assert compiled_features(texts, stopwords) == python_features(texts, stopwords)


@pytest.mark.parametrize("texts", [
    [],  # no line
    ["Home", "a\0b"],  # a NUL inside a line: the page is counted one line at a time
])
def test_a_page_the_counter_cannot_count_at_once_is_left_to_features_of(texts):
    assert features._page_counts(texts, STOPWORDS) is None


def test_a_line_is_counted_from_its_words_and_its_end():
    texts = ["The Straße „und“ die Über-Brücke.”", "µ is apart", "a " * 80 + "<b>", "Done:\n", "Not done\n\n",
             "Ёлка и ΣΑΣ.", "東京タワーは高い。", "𠀋 is apart"]
    words, stops, long_stops, capitals, terminal, unspaced, apart, scripts = features._page_counts(texts, STOPWORDS)
    assert (words[0], stops[0], long_stops[0], capitals[0]) == (6, 4, 4, 4)
    assert (words[5], stops[5], long_stops[5], capitals[5]) == (3, 2, 1, 2)  # "ΣΑΣ" folds to "σασ", not the stopword "σας"
    assert (words[6], unspaced[6]) == (3, 3)  # seven characters of unspaced scripts ("ー" is of none)
    assert terminal == [True, False, False, True, False, True, True, False]
    assert (apart, scripts) == ([1, 7], [2])
    assert compiled_features(texts, STOPWORDS) == python_features(texts, STOPWORDS)


def python_key_copies(keys):
    return python_twin(repeats._key_copies, keys)


# Keys of a page: a few words from a small vocabulary, so that lines and templates repeat.
KEYS = st.lists(st.lists(st.sampled_from(["click", "to", "share", "on", "x", "y", "", "é", "東京", " "]), max_size=17)
                .map(" ".join), max_size=30)


@settings(max_examples=400, deadline=None)
@given(KEYS)
def test_the_compiled_copies_count_each_key_as_their_python_twin(keys):
    assert repeats._key_copies(keys) == python_key_copies(keys)


# Lines of a page with stamps: clocks, counters, other figures first, and a line that reads as the clock's key.
STAMPED = st.lists(st.one_of(st.sampled_from(["14:44", "9.05 am", "3/30", "3 of 30", "23/16", "12", "2019", "٣/٣٠",
                                              "<clock>", "Reply", "12 May 2019 at 14:44", " 14:44"]),
                             st.text(alphabet="0129:./ ah٣", max_size=12)), max_size=20)


@settings(max_examples=400, deadline=None)
@given(STAMPED)
def test_the_compiled_copies_count_stamps_as_their_python_twin(texts):
    blocks = [Block(text) for text in texts]
    assert repeats.copies(blocks) == python_twin(repeats.copies, [Block(text) for text in texts])


def test_a_unique_line_counts_the_copies_of_its_template():
    keys = ["click to share on x", "click to share on y", "click to share on z", "click to go", "reply", "reply",
            "a b c d e f g h i j k l m n o p", "a b c d e f g h i j k l m n o q", "a b c d e f g h i j k l m n o r"]
    assert repeats._key_copies(keys) == [3, 3, 3, 1, 2, 2, 1, 1, 1] == python_key_copies(keys)


# Lines of a page and their copies, with capitalised labels, code, lead-ins and stamps.
SCORED_LINES = st.lists(st.tuples(
    st.one_of(LINES, st.sampled_from(["Reply", "SELECT name", "Total = a_b", "Main article:", "Tags:", "14:44", "3/30",
                                      "", "Élan", "ǅx", "read more", "The council met on Monday and agreed.",
                                      "the council said that the bridge over the river would open in the spring of next "
                                      "year, and that the works would start in May"])),
    st.integers(1, 12), st.booleans(), st.sampled_from([0.0, 0.2, 0.45, 0.5, 1.0])), max_size=25)


@settings(max_examples=400, deadline=None)
@given(SCORED_LINES, st.sampled_from([STOPWORDS, frozenset(), classifier.judging_stoplist("en")]), st.booleans(),
       st.floats(0.0, 1.0))
def test_the_compiled_labels_and_values_are_the_python_twins(lines, stopwords, full, title_case):
    blocks = [Block(text, line=0 if piece else None, link_density=density) for text, _, piece, density in lines]
    counts = [n for _, n, _, _ in lines]
    columns = features.page_columns(blocks, stopwords)
    pieces = [b.line is not None for b in blocks]
    labels = classifier._labels(columns, full, title_case, pieces)
    assert labels == python_twin(classifier._labels, columns, full, title_case, pieces)
    for words in (columns.words, [0] * len(blocks), [12] * len(blocks), [25] * len(blocks)):
        for label_of in (labels, [classifier.SHORT] * len(blocks), [classifier.NEAR_GOOD] * len(blocks)):
            assert classifier._values(label_of, words, counts, blocks) == \
                python_twin(classifier._values, label_of, words, counts, blocks)


# Capitalised ASCII lines the compiled values tell code in (``has_code``) without asking Python:
# keywords before names, symbols, every ASCII whitespace and the separators regex's \s is not.
CAPITALISED_ASCII = st.tuples(st.sampled_from(["S", "SE", "SELECT", "FROM", "Reply", "TV", "A"]),
                              st.text(alphabet=" \t\n\x0b\x0c\r\x1c\x1f\0aAzZ_;={}[]()09:.-", max_size=10)).map("".join)


@settings(max_examples=500, deadline=None)
@given(st.lists(CAPITALISED_ASCII, max_size=20), st.integers(0, 20))
def test_the_compiled_values_tell_code_in_a_capitalised_line_as_the_python_twin(texts, words):
    blocks = [Block(text) for text in texts]
    labels, counts = [classifier.SHORT] * len(blocks), [1] * len(blocks)
    values = classifier._values(labels, [words] * len(blocks), counts, blocks)
    assert values == python_twin(classifier._values, labels, [words] * len(blocks), counts, blocks)
    if words:  # a line of code costs less than a label
        label_cost = classifier.SHORT_COST + classifier.BAD_WORD_COST * max(words - classifier.LENGTH_UNENDED // 2, 0)
        assert [v > -label_cost for v in values] == [structure.has_code(t) for t in texts]


# Repeated lines the compiled values charge without asking Python: labels, lead-ins, stamps,
# code, upper-case and title-case lines, whitespace before or around them, and others beyond ASCII.
REPEATED = st.one_of(st.text(alphabet=" \t\x1c\xa0\u2003:aAzZ_=09/.ÉéǅΩω٣ß", max_size=12),
                     st.sampled_from(["Reply", "REPLY", "Main article:", "Tags:", " Read on: ", "14:44", " 3/30",
                                      "SELECT name", "Total = a_b", "Q", ":", "Ähnliche Artikel", "ÄHNLICH", "Éditer",
                                      "ÉDITER le", "Über uns:", "٣/٣٠", "Ǆx", "Ǆ", "a٣ 12 34 56 78"]))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(REPEATED, st.booleans(), st.integers(1, 12)), max_size=20), st.integers(0, 25))
def test_the_compiled_values_charge_a_repeated_line_as_the_python_twin(lines, words):
    blocks = [Block(text, line=0 if piece else None) for text, piece, _ in lines]
    counts = [n for _, _, n in lines]
    for label in (classifier.NEAR_GOOD, classifier.SHORT, classifier.BAD):
        labels, numbers = [label] * len(blocks), [words] * len(blocks)
        assert classifier._values(labels, numbers, counts, blocks) == \
            python_twin(classifier._values, labels, numbers, counts, blocks)


# ASCII lines of every kind the structure and token tests tell apart, and a few beyond ASCII.
SCREENED = st.lists(st.one_of(
    st.text(alphabet=" \t\x0b\x1c\x1f()[]{};=_aAbZz09:./%-│", max_size=12),
    st.sampled_from(["( SELECT", "AS", "FROM orders", "a b", "Reply", "12 │ 4.07", "(12,400 km)", "3/30", "14:44",
                     "2019-04-01 10:00", "x", "=", "", " ", "Ωμ", "[ edit]", "H", "Новости дня", "12,5 € – 3,4 €",
                     "١٢ │ ٣", "٣/٣٠", "\u00a014:44", "𝟙𝟚 · 34 · 56", "Ω 1 2 3 4 5", "東京 12 34 56", "─┼─"])), max_size=30)


@settings(max_examples=500, deadline=None)
@given(SCREENED)
def test_the_structure_screen_rules_out_only_lines_that_are_no_structure(texts):
    from scrubber.scoring.structure import STRUCTURE_MIN_CHARS, is_structure
    kept = set(compiled.walk.structure_screen(texts, STRUCTURE_MIN_CHARS))
    assert not any(is_structure(t) for n, t in enumerate(texts) if n not in kept)


@settings(max_examples=500, deadline=None)
@given(SCREENED)
def test_the_compiled_tokens_are_those_is_token_finds(texts):
    from scrubber.scoring.structure import is_token
    assert compiled.walk.tokens(texts, is_token) == [n for n, t in enumerate(texts) if is_token(t)]


def test_the_screens_rule_out_most_lines_of_prose_and_menus():
    from scrubber.scoring.structure import STRUCTURE_MIN_CHARS
    texts = ["Home", "Contact us", "The council met on Monday.", "12 | 4.07 | 0.51", "( SELECT", "FROM orders"]
    assert compiled.walk.structure_screen(texts, STRUCTURE_MIN_CHARS) == [3]
    assert compiled.walk.tokens(texts, structure.is_token) == [4, 5]


def test_each_character_of_the_plane_has_the_classes_its_regexes_give_it():
    import regex
    classes = features.plane_classes()
    upper, letter = regex.compile(r"\p{Lu}"), regex.compile(r"\p{L}")
    for point in range(0x10000):
        char = chr(point)
        expected = ((features._WORD.fullmatch(char) is not None) | (upper.fullmatch(char) is not None) << 1
                    | (features._UNSPACED.fullmatch(char) is not None) << 2 | (letter.fullmatch(char) is not None) << 3)
        assert classes[point] == expected, hex(point)


# Short lines with and without figures: ASCII digits, another script's digits, NULs, pieces.
FIGURED = st.lists(st.tuples(st.text(alphabet="aZ 09٣০\0é−.", max_size=8), st.booleans()), max_size=20)


@settings(max_examples=500, deadline=None)
@given(FIGURED, st.data())
def test_the_compiled_figured_lines_are_the_python_twins(lines, data):
    blocks = [Block(text, line=0 if piece else None) for text, piece in lines]
    short = data.draw(st.lists(st.sampled_from(range(len(blocks))), unique=True).map(sorted)) if blocks else []
    found = structure.figured_lines(short, blocks)
    assert found == python_twin(structure.figured_lines, short, blocks)
    assert found == {p for p in short if blocks[p].line is None and structure.FIGURE.search(blocks[p].text)}


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(SCREENED.map(" ".join), st.booleans(), st.sampled_from([-9.0, -1.5, -1.0, -0.5, 3.0])),
                max_size=20))
def test_the_compiled_structure_candidates_cheapen_the_lines_of_the_python_twin(lines):
    blocks = [Block(text, line=0 if piece else None) for text, piece, _ in lines]
    values = [value for _, _, value in lines]
    twin = list(values)
    structure.cheapen_structure(values, blocks, 1.0)
    python_twin(structure.cheapen_structure, twin, blocks, 1.0)
    assert values == twin


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(SCREENED.map(" ".join), st.booleans(), st.sampled_from([-9.0, -5.0, -1.0, 3.0])), max_size=20))
def test_the_compiled_code_token_lines_are_cheapened_as_by_the_python_twin(lines):
    blocks = [Block(text, line=0 if piece else None) for text, piece, _ in lines]
    values = [value for _, _, value in lines]
    twin = list(values)
    structure.cheapen_code_tokens(values, range(len(blocks)), blocks, 1.0)
    python_twin(structure.cheapen_code_tokens, twin, range(len(blocks)), blocks, 1.0)
    assert values == twin


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.floats(-400.0, 400.0), st.sampled_from([0.0, -0.0, 1.0, -1.0, 0.1, -0.1, 0.2])),
                max_size=40), st.sampled_from([None, 0.5]))
def test_the_compiled_article_spans_are_the_python_twins(values, below):
    from scrubber.scoring.region import article_spans
    spans = article_spans(values, classifier.SECOND_SPAN_RATIO, classifier.SECOND_SPAN_ENOUGH, below)
    assert spans == python_twin(article_spans, values, classifier.SECOND_SPAN_RATIO, classifier.SECOND_SPAN_ENOUGH,
                                below)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([-100.0, -5.0, -0.0, 0.0, 0.5, 12.0, 39.5, 40.0]), st.booleans()), max_size=30),
       st.lists(st.integers(-2, 32), max_size=4))
def test_the_compiled_list_heads_are_charged_as_by_the_python_twin(lines, heads):
    from scrubber.scoring.region import charge_list_heads
    blocks = [Block("a", index=2 * n, line=0 if piece else None) for n, (_, piece) in enumerate(lines)]
    values = [value for value, _ in lines]
    twin = list(values)
    charge_list_heads(values, blocks, heads)
    python_twin(charge_list_heads, twin, blocks, heads)
    assert values == twin


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(LINES, st.sampled_from(["The Council met on Monday and agreed that the Library will open.",
                                                  "the council met on monday and agreed that the library will open",
                                                  "Die Stadt Hat Den Neuen Plan Für Die Brücke Heute Vorgestellt!"])),
                max_size=12), st.sampled_from([STOPWORDS, frozenset()]))
def test_the_compiled_page_bars_are_the_python_twins(texts, stopwords):
    columns = features.page_columns([Block(t) for t in texts], stopwords)
    assert classifier.page_bars(columns, stopwords) == python_twin(classifier.page_bars, columns, stopwords)
