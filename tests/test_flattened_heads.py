"""The compiled cut of chrome heads (``_walk_heads.pxi``) gives what its Python twins give
(``flattened.peel_chrome_heads``, ``flattened.split_known_head``, ``HeadScreen.lengths``), and
fills the HeadScreen's memories with the same heads in the same order."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scrubber.blocks import Block
from scrubber.rules import RuleSet, builtin_packs, line_key
from scrubber.source import flattened, head_screen, word_heads
from scrubber.source.head_screen import HeadScreen
from scrubber.source.html import compiled
from scrubber.source.html.compiled import python_walks

pytestmark = pytest.mark.skipif(compiled.walk is None, reason="compiled walks not built")
RULES = RuleSet([pack for pack in builtin_packs() if pack.stage != "platforms"])


def is_chrome(text):
    return RULES.match(line_key(text), "drop") is not None


# Chrome words and phrases, section names, prose, marks and digits the screens look for, letters
# whose folding grows or leaves ASCII, lower-case starts, controls, empty words, astral letters.
_WORDS = st.sampled_from([
    "Skip", "to", "content", "Home", "About", "Contact", "Share", "on", "Facebook", "Twitter", "this", "Menu",
    "News", "Sport", "Weather", "Politik", "Kultur", "Read", "more", "Related", "articles", "Weitere", "Artikel",
    "Teilen", "The", "the", "Die", "die", "ferry", "Ferry", "council", "met", "Monday.", "Anna", "Berg", "says:",
    "March", "4,", "2025", "May", "2024", "at", "9:10", "AM", "12/30", "Reply", "Report", "Posted", "by", "·", "|",
    "•", "Comments", "Newsletter", "Sign", "up", "Privacy", "Policy", "Log", "in", "Search", "Accueil",
    "Élan", "élan", "İstanbul", "Straße", "STRASSE", "\u212aelvin", "٣", "ǅemal", "一", "Fähre", "\t", "\x85",
    "©", "", "\U0001d400bc", "ﬁle", "Ⅻ", "1", "42",
])
PIECES = st.lists(_WORDS, max_size=16).map(" ".join)

TRICKY = [
    "", " ", "Home", "home", "Skip to content Home About Contact Building a Garden Shed",
    "Home Contact The mill reopened.", "Home owners rejoiced.", "Share on Facebook The ferry left.",
    "Share The ferry made its first crossing on Tuesday.", "Teilen Die Fähre fuhr am Dienstag zum ersten Mal.",
    "Report Reply Ann Lee · May 2024 at 9:10 AM", "News Sport Weather Business The council met.",
    "Nachrichten Lokales Politik Wirtschaft Kultur Die Fähre fuhr.", "March 4, 2025 The ferry left.",
    "By Anna Berg · 4 min read The ferry left.", "Home  About Contact The mill.", "Home\tAbout The mill.",
    "Élan Vital Home The mill.", "İstanbul Home News The ferry.", "STRASSE Home News The mill.",
    "\U0001d400bc Home The mill.", "ǅemal Home Share The mill.", "1 2 3 4 5 6 7 8 9 10 The mill.",
    " ".join(["Home", "About", "Contact", "News", "Sport", "Weather", "Politics", "Opinion"] * 6) + " The mill.",
    " ".join(["Home", "Unknown", "About", "Other", "Contact"] * 8) + " The end.",
    "Skip to content Menu Search Log in Sign up Newsletter Privacy Policy The ferry left.",
]


def _python_split(text, screen):
    with python_walks():
        return flattened.split_known_head(text, is_chrome, screen.lengths if screen is not None else None)


def _compiled_split(text, screen):
    return compiled.walk.split_known_head(text, is_chrome, screen, flattened.SECTION_NAMES,
                                          flattened._starts_sentence)


def _memories(screen):
    """The keys of each memory of ``screen`` in the order they were filled, each with what it
    tells (the patterns a head starts, read by their patterns: two screens hold entries of their own)."""
    def told(value):
        if isinstance(value, tuple):
            return tuple(told(item) for item in value)
        return getattr(value, "pattern", value if value is None or isinstance(value, (bool, int, str)) else type(value))
    return [[(key, told(value)) for key, value in memory.items()]
            for memory in (screen._by_word, screen._by_head, screen._by_second_letter, screen._by_prefix, screen.quiet)]


def test_the_compiled_constants_are_those_of_the_python_code():
    assert compiled.walk.head_constants() == {
        "MAX_PHRASE_TOKENS": flattened.MAX_PHRASE_TOKENS, "MIN_HEAD_TOKENS": flattened.MIN_HEAD_TOKENS,
        "MAX_UNKNOWN_RUN": flattened.MAX_UNKNOWN_RUN, "MAX_REMEMBERED": head_screen.MAX_REMEMBERED,
        "WORD_HEAD_CHARS": word_heads.WORD_HEAD_CHARS}


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_heads_are_cut_alike(text):
    for screen in (None, HeadScreen(RULES.packs, RULES.regex_timeout)):
        assert _compiled_split(text, screen) == _python_split(text, screen)


@settings(max_examples=400, deadline=None)
@given(PIECES)
def test_heads_are_cut_alike_and_fill_the_screens_memories_alike(text):
    python_screen, compiled_screen = (HeadScreen(RULES.packs, RULES.regex_timeout) for _ in range(2))
    assert _compiled_split(text, compiled_screen) == _python_split(text, python_screen)
    assert _memories(compiled_screen) == _memories(python_screen)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS.filter(lambda w: w and " " not in w), min_size=1, max_size=5))
def test_head_lengths_are_those_of_the_screen(words):
    key = line_key(" ".join(words))
    if not key or len(key.split(" ")) > flattened.MAX_PHRASE_TOKENS:
        return
    python_screen, compiled_screen = (HeadScreen(RULES.packs, RULES.regex_timeout) for _ in range(2))
    assert compiled.walk.head_lengths(compiled_screen, key) == python_screen.lengths(key)
    assert _memories(compiled_screen) == _memories(python_screen)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(PIECES, st.booleans(), st.booleans()), max_size=14))
def test_pages_are_peeled_alike(pieces):
    def page():
        return [Block(text + (". " if sentence else ""), line=0 if of_a_line else None, index=place)
                for place, (text, of_a_line, sentence) in enumerate(pieces)]
    screen = HeadScreen(RULES.packs, RULES.regex_timeout)
    peeled = flattened.peel_chrome_heads(page(), is_chrome, screen)
    with python_walks():
        expected = flattened.peel_chrome_heads(page(), is_chrome, HeadScreen(RULES.packs, RULES.regex_timeout))
    assert [(b.text, b.index, b.line, b.after_blank) for b in peeled] == \
        [(b.text, b.index, b.line, b.after_blank) for b in expected]


def test_the_doctest_menus_are_peeled_alike():
    menu = {"skip to content", "home", "contact"}
    for pieces in (["Skip to content Home Projects Contact Building a Garden Shed", "The timber came from a barn."],
                   ["Home Contact The mill reopened.", "Home owners rejoiced."]):
        peeled = [[b.text for b in flattened.peel_chrome_heads([Block(t, line=0) for t in pieces],
                                                               lambda t: t.casefold() in menu)]]
        with python_walks():
            peeled.append([b.text for b in flattened.peel_chrome_heads([Block(t, line=0) for t in pieces],
                                                                       lambda t: t.casefold() in menu)])
        assert peeled[0] == peeled[1]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["Home", "The mill reopened.", "Wow!", "Why?", "So…", "«Oui»", "“Yes.”",
                                           'He said "no."', "Fin.", "", "Menu ."]),
                          st.sampled_from([None, 0, 1])), max_size=16))
def test_the_edges_are_those_of_the_python_code(pieces):
    blocks = [Block(text, line=line) for text, line in pieces]
    assert compiled.walk.chrome_head_edges(blocks, flattened._SENTENCE_ENDS, flattened.EDGE_PIECES) == \
        flattened._edges(blocks)
