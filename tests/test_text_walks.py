"""The compiled cuts of flattened text lines (``_walk_text.pxi``) give exactly what their Python
twins in ``source.text`` give: the same sentences, the same chrome heads and menu runs cut off,
the same pieces of a line."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scrubber.blocks import Block
from scrubber.normalise.whitespace import clean_line
from scrubber.source import flattened_screens, text
from scrubber.source.html import compiled
from scrubber.source.html.compiled import python_walks

needs_walks = pytest.mark.skipif(compiled.walk is None, reason="compiled walks not built")

# Words and marks the cuts turn on: capitals, sentence stops and quotes, byline words, digits,
# CJK characters, an ideographic space, letters whose case Python and regex may see apart.
_PARTS = st.sampled_from(["Home", "News", "Sport", "The", "Die", "and", "the", "ferry", "By", "Von", "Par", "Por",
                          "Paris", "Byron", "2025", "4", ".", "!", "?", "…", '"', "'", "”", "’", "»", ")", "]", "“",
                          "‘", "«", "(", "[", "É", "élan", "一", "あ", "\u3000", "ǅ", "Ⅻ", "①", ",", "-", ""])
_SEPARATORS = st.sampled_from([" ", " ", " ", "", "  ", "\u00a0"])
LINES = st.lists(st.tuples(_PARTS, _SEPARATORS), max_size=80).map(lambda parts: "".join(p + s for p, s in parts))

SENTENCES = [
    "Home News Sport Weather Contact Us The council met on Monday and agreed to open the library.",
    "Home  News  Sport  Weather  Contact The council met on Monday and agreed to open it.",
    " Home News Sport Weather Contact Us The council met on Monday.",
    "Yesterday Mayor Janet Okafor met the council and agreed to open the library.",
    "the ferry runs twice a day in summer and Home News Sport Weather Local Contact then once a day",
    "Ferry Back in Service By Kirsty Munro March 28, 2025 The ferry returned on Friday. Home News It ran.",
    "首页 新闻 图书馆明年五月开放。委员会周一开会。 版权所有 Wi-Fi 设置",
]


def _in_python(function, *args):
    with python_walks():
        return function(*args)


def _assert_same_cuts(line: str):
    for cut in (text.split_chrome_head, text.split_menu_runs, text._pieces):
        assert cut(line) == _in_python(cut, line), cut.__name__


@needs_walks
@pytest.mark.parametrize("line", SENTENCES)
def test_compiled_cuts_match_python_on_known_lines(line):
    _assert_same_cuts(line)


@needs_walks
@settings(max_examples=400, deadline=None)
@given(LINES)
def test_compiled_cuts_match_python_on_any_line(line):
    _assert_same_cuts(line)
    sentences, cuts, high = compiled.walk.flat_sentences(line, text._CAPITAL_OR_NUMBER)
    assert sentences == text._SENTENCE_BREAK.split(line)
    assert high == len(text._HIGH_CHAR.findall(line))
    for sentence, needed in zip(sentences, cuts):
        if not needed & text._BYLINE_CUT:
            assert text.split_byline(sentence) == [sentence]
        if not needed:
            assert _in_python(_cuts, sentence) == [sentence]


def _cuts(sentence: str) -> list[str]:
    pieces = [piece for part in text.split_byline(sentence) for piece in text.split_chrome_head(part)]
    return [run for piece in pieces
            for run in (text.split_menu_runs(piece) if piece.count(" ") >= text.LONG_PIECE_WORDS else [piece])]


@needs_walks
def test_the_compiled_cuts_share_the_python_constants():
    # _walk_text.pxi spells these out: the walks import nothing of scrubber
    assert (text.MIN_CHROME_TOKENS, text.MIN_CHROME_WEIGHT, text.CHROME_SHARE) == (4, 3.0, 0.4)
    assert (text.LONG_PIECE_WORDS, text.MIN_MENU_RUN, text._HIGH_CHAR.pattern[1]) == (40, 4, "\u2e80")
    assert text._BYLINE_WORDS == ("By", "Von", "Par", "Por")


# Whitespace of every kind, controls, a lone surrogate, invisible characters and another format
# character (U+200E, which clean_line keeps), between letters.
_UNPRINTABLE = st.text(st.sampled_from(list("ab é一 \t\n\x00\x0b\x1c\x7f\x85\x9f\xa0\u2028\u3000\ud800"
                                             "\u200b\u200d\u2060\ufeff\u00ad\u180e\u200e")), max_size=40)


@needs_walks
@settings(max_examples=400, deadline=None)
@given(_UNPRINTABLE)
def test_compiled_clean_matches_clean_line(line):
    assert compiled.walk.clean_unprintable(line) == clean_line(line)


# Digits (one of them Arabic-Indic, one a superscript that is no decimal digit) and what may follow them.
_STAMPS = st.lists(st.sampled_from(list("019 /ofh:Hx٣²é") + ["of", " of"]), max_size=12).map("".join)


@needs_walks
@settings(max_examples=400, deadline=None)
@given(_STAMPS)
def test_compiled_stamp_test_matches_the_patterns(text_):
    pattern = flattened_screens._MAY_HOLD_ASCII_STAMP if text_.isascii() else flattened_screens._MAY_HOLD_STAMP
    assert bool(compiled.walk.stamp_pieces([Block(text_, line=0)])) == (pattern.search(text_) is not None)
