"""The screens of flattened pieces (``source.flattened_screens``) let through every piece a cut of
``source.flattened`` changes, and the compiled screens (``_walk_flattened.pxi``) give exactly
what their Python twins give."""

from contextlib import nullcontext

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scrubber.blocks import Block
from scrubber.pipeline import LIST_HEAD_PACKS
from scrubber.rules import RuleSet, builtin_packs, line_key
from scrubber.source import flattened, flattened_screens
from scrubber.source.head_screen import HeadScreen
from scrubber.source.html import compiled
from scrubber.source.html.compiled import python_walks

needs_walks = pytest.mark.skipif(compiled.walk is None, reason="compiled walks not built")
# the packs of a page no platform pack is scoped to
RULES = RuleSet([pack for pack in builtin_packs() if pack.stage != "platforms"])
SCREEN = HeadScreen.of(RULES.packs, RULES.regex_timeout)
OPENERS, ASCII_FILTER = flattened._list_heads_of(tuple(pack for pack in RULES.packs if pack.stage in LIST_HEAD_PACKS))


def is_chrome(text):
    return RULES.match(line_key(text), "drop") is not None


# Words of chrome phrases, list headers and prose; stamps, marks the head screen looks for,
# letters whose folding leaves ASCII or grows ("ß", the Kelvin sign, "İ"), a digit beyond ASCII,
# a titlecase letter, controls, an empty word (two spaces in a row).
_WORDS = st.sampled_from([
    "Skip", "to", "content", "Home", "Share", "this", "Menu", "News", "Sport", "Weather", "Read", "more", "Related",
    "articles", "stories", "More", "Weitere", "Artikel", "Mehr", "zum", "Thema", "The", "the", "Die", "die", "ferry",
    "Ferry", "council", "met", "on", "Monday.", "Anna", "Berg", "says:", "March", "4,", "2025", "12/30", "9:15",
    "·", "|", "•", "Comments", "comments", "Newsletter", "Sign", "up", "Posted", "by", "Privacy", "Policy",
    "Élan", "élan", "İstanbul", "Straße", "\u212aelvin", "٣", "ǅemal", "一", "Fähre", "\t", "\x85", "©", "",
])
PIECES = st.lists(_WORDS, max_size=14).map(" ".join)
PAGES = st.lists(st.tuples(PIECES, st.booleans()), max_size=12).map(
    lambda pieces: [Block(text, line=0 if of_a_line else None) for text, of_a_line in pieces])


def _twin(screen, *args):
    with python_walks():
        return screen(*args)


@settings(max_examples=300, deadline=None)
@given(PAGES)
def test_no_piece_a_cut_changes_is_screened_out(page):
    for python in (False, True):
        with python_walks() if python else nullcontext():
            stamped = flattened_screens.stamp_pieces(page)
            listed = flattened_screens.list_head_pieces(page, OPENERS, ASCII_FILTER)
            for position, block in enumerate(page):
                if block.line is not None and flattened._stamp_kinds(block.text, block.line):
                    assert position in stamped
                if block.line is not None:  # the places listed cut as every opener's place would
                    folded = block.text.casefold().split(" ")
                    every = [at for at, word in enumerate(folded[:-1]) if word in OPENERS]
                    places = dict(listed).get(position, [])
                    assert flattened._cut_at_heads(block.text, OPENERS, places) == \
                        flattened._cut_at_heads(block.text, OPENERS, every)
                if flattened_screens.quiet_head(block.text, SCREEN.quiet, flattened.SECTION_NAMES):
                    assert flattened.split_known_head(block.text, is_chrome, SCREEN.lengths) == [block.text]
                # (what the cuts learn of these words makes later pieces quiet)
                flattened.split_known_head(block.text, is_chrome, SCREEN.lengths)


@needs_walks
@settings(max_examples=300, deadline=None)
@given(PAGES)
def test_the_compiled_screens_match_their_twins(page):
    for _ in range(2):  # before and after the cuts learn the page's words
        assert compiled.walk.stamp_pieces(page) == _twin(flattened_screens.stamp_pieces, page)
        assert compiled.walk.list_head_pieces(page, OPENERS, ASCII_FILTER) == \
            _twin(flattened_screens.list_head_pieces, page, OPENERS, ASCII_FILTER)
        for block in page:
            assert compiled.walk.quiet_head(block.text, SCREEN.quiet, flattened.SECTION_NAMES) == \
                _twin(flattened_screens.quiet_head, block.text, SCREEN.quiet, flattened.SECTION_NAMES), block.text
        flattened.cut_list_heads(flattened.peel_chrome_heads(page, is_chrome, SCREEN), RULES, LIST_HEAD_PACKS)


def test_prose_is_quiet_once_its_words_are_known_and_chrome_never():
    prose = "The ferry left the harbour at nine and came back at noon."
    flattened.split_known_head(prose, is_chrome, SCREEN.lengths)
    assert flattened_screens.quiet_head(prose, SCREEN.quiet, flattened.SECTION_NAMES)
    # a rare character in its head: a date line or a byline may start there
    assert not flattened_screens.quiet_head("The ferry left at 9 and came back.", SCREEN.quiet, flattened.SECTION_NAMES)
    for chrome in ("Skip to content The ferry left.", "Share The ferry left.", "News The ferry left."):
        flattened.split_known_head(chrome, is_chrome, SCREEN.lengths)
        assert not flattened_screens.quiet_head(chrome, SCREEN.quiet, flattened.SECTION_NAMES)


def test_the_screens_read_heads_as_split_known_head_does():
    # quiet_head mirrors the first two steps of split_known_head's walk
    assert flattened_screens.HEAD_PHRASE_WORDS == flattened.MAX_PHRASE_TOKENS
    assert flattened.MAX_UNKNOWN_RUN == 1 and flattened.HEAD_WORDS > flattened_screens.HEAD_PHRASE_WORDS
    # and _may_follow reads _may_open's memory of first letters
    assert flattened.SECOND_PREFIX == 1


@needs_walks
def test_the_compiled_list_screen_takes_only_a_filter_of_its_size():
    with pytest.raises(ValueError):
        compiled.walk.list_head_pieces([], OPENERS, b"\xff" * 16)


def test_the_ascii_filter_holds_every_ascii_opener():
    words = [word for word in OPENERS if word.isascii()]
    assert words
    for word in words:
        bucket = flattened_screens._bucket(word)
        assert ASCII_FILTER[bucket >> 3] >> (bucket & 7) & 1
    assert sum(bin(byte).count("1") for byte in ASCII_FILTER) < flattened_screens.FILTER_BITS // 8
