"""The compiled cut of list headers (``_walk_list_heads.pxi``) gives what its Python twins give
(``flattened.cut_list_heads``, ``flattened._cut_at_heads``), and fills the openers' memories of
second words with the same words in the same order."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scrubber.blocks import Block
from scrubber.pipeline import LIST_HEAD_PACKS
from scrubber.rules import RuleSet, builtin_packs
from scrubber.source import flattened
from scrubber.source.html import compiled
from scrubber.source.html.compiled import python_walks

pytestmark = pytest.mark.skipif(compiled.walk is None, reason="compiled walks not built")
RULES = RuleSet([pack for pack in builtin_packs() if pack.stage != "platforms"])
DROP_RULES = tuple(rule for pack in RULES.packs if pack.stage in LIST_HEAD_PACKS for rule in pack.rules
                   if rule.action == "drop")

# Words of list headers ("Related articles", "More stories", "Mehr zum Thema", "Leave a reply"),
# prose, capitals and lower-case starts after a header, letters whose folding leaves ASCII or
# grows, a titlecase letter, controls, an empty word (two spaces in a row), an astral letter.
_WORDS = st.sampled_from([
    "Related", "related", "articles", "Articles", "posts", "stories", "More", "more", "from", "Read", "Weitere",
    "Artikel", "Mehr", "zum", "Thema", "You", "may", "also", "like", "Leave", "a", "reply", "Comments",
    "comments", "Sign", "up", "for", "our", "newsletter", "Newsletter", "Subscribe", "The", "the", "Die",
    "ferry", "Harbour", "fees", "rise", "Monday.", "Anna", "Berg", "Lee", "Straße", "STRASSE", "İstanbul",
    "\u212aelvin", "ǅemal", "Élan", "élan", "Fähre", "一", "\t", "\x85", "©", "", "\U0001d400bc", "ﬁle", "1",
])
PIECES = st.lists(_WORDS, max_size=16).map(" ".join)

TRICKY = [
    "", " ", "Related articles", "related articles", "The pier reopened. Written by Ann Lee Related articles Harbour fees rise",
    "Read the latest news and blogs on the harbour site", "Related articles harbour fees rise",
    "Related  articles Harbour", "Related articles  Harbour", "Related articles ", " Related articles Harbour",
    "The ferry left. More stories Harbour fees rise More stories The end", "Mehr zum Thema Die Fähre fuhr.",
    "Weitere Artikel Die Fähre Weitere Artikel", "Leave a reply Anna Berg", "You may also like The ferry",
    "Sign up for our newsletter The ferry", "Related Related articles Harbour", "Related articles Related articles",
    "STRASSE Related articles Straße", "İstanbul Related articles İstanbul", "Related \u212aelvin articles Élan",
    "Related articles \U0001d400bc Harbour", "Related articles ǅemal", "a b c d e f g h Related articles X",
]


def _fresh_openers():
    """Openers of the list-header packs with empty memories (the cached ones are shared by every page)."""
    return flattened._list_head_pattern.__wrapped__(DROP_RULES)[0]


def _memories(openers):
    return [(word, list(entry[1].items())) for word, entry in openers.items()]


def _every_place(text, openers):
    folded = text.casefold().split(" ")
    return [at for at, word in enumerate(folded[:-1]) if word in openers]


def test_the_compiled_constants_are_those_of_the_python_code():
    assert compiled.walk.list_head_constants() == {
        "MIN_LIST_HEAD_WORDS": flattened.MIN_LIST_HEAD_WORDS, "MAX_PHRASE_TOKENS": flattened.MAX_PHRASE_TOKENS}


def _cut_alike(text):
    python_openers, compiled_openers = _fresh_openers(), _fresh_openers()
    places = _every_place(text, python_openers)
    expected = flattened._cut_at_heads(text, python_openers, places)
    assert compiled.walk.cut_at_list_heads(text, compiled_openers, places, flattened._may_open) == expected
    assert _memories(compiled_openers) == _memories(python_openers)
    return expected


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_pieces_are_cut_alike(text):
    _cut_alike(text)


def test_a_header_is_cut_out_where_its_twin_cuts_it():
    assert _cut_alike("The pier reopened. Written by Ann Lee Related articles Harbour fees rise") == \
        ["The pier reopened. Written by Ann Lee", "Related articles", "Harbour fees rise"]


@settings(max_examples=400, deadline=None)
@given(PIECES)
def test_pieces_are_cut_alike_and_fill_the_memories_alike(text):
    _cut_alike(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(PIECES, st.booleans(), st.booleans()), max_size=14))
def test_pages_are_cut_alike(pieces):
    def page():
        return [Block(text, line=0 if of_a_line else None, index=place, after_blank=blank)
                for place, (text, of_a_line, blank) in enumerate(pieces)]
    cut = flattened.cut_list_heads(page(), RULES, LIST_HEAD_PACKS)
    with python_walks():
        expected = flattened.cut_list_heads(page(), RULES, LIST_HEAD_PACKS)
    assert [(b.text, b.index, b.line, b.after_blank) for b in cut] == \
        [(b.text, b.index, b.line, b.after_blank) for b in expected]


def test_a_page_without_a_header_is_handed_back_whole():
    page = [Block("The ferry left.", line=0), Block("It came back.", line=0)]
    assert compiled.walk.cut_list_heads(page, *flattened._list_heads_of(
        tuple(pack for pack in RULES.packs if pack.stage in LIST_HEAD_PACKS)), flattened._may_open,
        flattened._split) is page
