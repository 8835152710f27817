"""The compiled loops that pick the lines the title stages read (``_walk_dumps.pxi``), the one
that finds the title a later line repeats and the one that finds the lines that repeat the
title (``_walk_titles.pxi``) answer as their Python twins, on random lines: the same positions,
in the same order, the same title."""

from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scrubber import title
from scrubber.blocks import Block
from scrubber.filters import title_repeats
from scrubber.source.html import compiled
from scrubber.source.html.compiled import python_walks
from scrubber.title_words import title_words

pytestmark = pytest.mark.skipif(compiled.walk is None, reason="compiled walks not built")

WORDS = ["Storm", "storm", "damage", "Harbour", "on", "the", "coast", "İzmir", "straße", "-", "_", "|", "3", "é",
         ",", ")", "Ünï"]
texts = st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).flatmap(
    lambda words: st.sampled_from([" ", "  ", "", "-"]).map(lambda glue: glue.join(words))).filter(bool)
rows = st.lists(st.tuples(texts, st.sampled_from([None, None, 2]), st.booleans()), max_size=14)


def _blocks(rows):
    blocks = [Block(text, "paragraph", index, line) for index, (text, line, _) in enumerate(rows)]
    for block, (_, _, keyed) in zip(blocks, rows):
        if keyed:  # some keys cached, some for a text since changed, some never asked
            block.key()
            block.text = block.text + " x" if len(block.text) % 2 else block.text
    return blocks


def _python(function, *args):
    with python_walks():
        return function(*args)


# Lines that repeat a title, as copies, slugs, "Title | Site" lines and sentences.
REPEAT_LINES = ["Storm Damage on the Coast", "storm-damage-on-the-coast", "storm_damage-on-coast", "storm-damage",
                "Storm Damage on the Coast | The Tide", "Storm Damage on the Coast – The Tide.",
                "The Tide · Storm damage on the coast", "Storm damage on the coast is worse this year.",
                "  Storm Damage on the Coast  ", "storm-damage-on-the-coast-2024", "Storm-Damage-On-The-Coast",
                "İzmir straße", "izmir-straße", "İzmir Straße | Ünï", "-storm-damage", "3-storm-damage",
                " ".join(["storm damage on the coast"] * 4), "storm-" * 13 + "damage on the coast | x"]
# Long lines holding the title's words: paragraphs (their words counted in ASCII stretches, or,
# in other letters, read by title_words_up_to), lines of more spaces than words, and lines that
# end as running text.
LONG_LINES = ["Storm damage on the coast: " + "Straße und Küste " * 8,
              "Storm damage on the coast, " + "шторм на побережье " * 8,
              "Storm Damage on the Coast" + " |" * 12 + " The Tide", "İzmir Straße" + " ·" * 14 + " Ünï",
              "Storm Damage on the Coast | The Tide?", "Storm Damage on the Coast | The Tide;",
              "Storm Damage on the Coast | Ünï Tide", "storm-damage-on-the-coast-" + "ünï-" * 3 + "x",
              "Storm damage on the coast " + "x" * 3000 + " é" * 9 + " | Tide"]
repeat_texts = st.one_of(texts, st.sampled_from(REPEAT_LINES + LONG_LINES))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(repeat_texts, st.sampled_from([None, None, 2]), st.booleans()), max_size=14),
       st.sampled_from(["Storm damage on the coast", "storm", "İzmir straße", "Storm damage"]) | texts,
       st.sets(st.integers(0, 13)))
def test_title_repeats_drops_the_same_lines(rows, wanted_text, carrier_at):
    wanted = title_words(wanted_text)
    if not wanted:
        return
    carriers = tuple(sorted(carrier_at))
    found = title_repeats._repeats(_blocks(rows), wanted, carriers)
    assert found == _python(title_repeats._repeats, _blocks(rows), wanted, carriers)


def test_title_repeats_on_tricky_lines():
    blocks = [Block(text, index=number) for number, text in enumerate(REPEAT_LINES + TRICKY)]
    for title_text, carriers in [("Storm Damage on the Coast", ()), ("Storm Damage on the Coast", (4,)),
                                 ("Storm damage", ()), ("İzmir straße", (13,)), ("storm", ())]:
        wanted = title_words(title_text)
        found = title_repeats._repeats(blocks, wanted, carriers)
        assert found == _python(title_repeats._repeats, blocks, wanted, carriers)
    found = title_repeats._repeats(blocks, title_words("Storm Damage on the Coast"), ())
    slug, with_site, copy = "title_repeats/slug", "title_repeats/title-with-site", "title_repeats/duplicate-title"
    assert [(position, reason) for position, (reason, _) in found] == [
        (1, slug), (2, slug), (3, slug), (4, with_site), (6, with_site), (8, copy), (9, slug), (10, copy), (15, slug)]


def test_title_repeats_on_long_lines():
    blocks = [Block(text, index=number) for number, text in enumerate(REPEAT_LINES + LONG_LINES)]
    titles = ["Storm Damage on the Coast", "İzmir straße", "storm", "Storm damage", "Storm damage on the coast x"]
    for title_text in titles:
        wanted = title_words(title_text)
        found = title_repeats._repeats(blocks, wanted, ())
        assert found == _python(title_repeats._repeats, blocks, wanted, ())
    found = title_repeats._repeats(blocks, title_words("Storm Damage on the Coast"), ())
    assert [position for position, _ in found if position >= len(REPEAT_LINES)] == [20, 24]


@settings(max_examples=300, deadline=None)
@given(rows, st.integers(0, 5), st.integers(0, 16), st.integers(0, 40), st.lists(texts, max_size=4))
def test_find_title_reads_the_same_repeat_lines(rows, start, stop, longest, heads):
    known = {word for head in heads for word in title_words(head)}
    starts = {}
    for word in known:
        starts[word[0]] = starts.get(word[0], ()) + (word,)
    found = title._repeat_lines(_blocks(rows), start, stop, longest, starts, known)
    assert found == _python(title._repeat_lines, _blocks(rows), start, stop, longest, starts, known)


TRICKY = ["Storm damage", "STORM-damage!", "  storm  damage ", "storm", "Storm damage on", "İzmir straße",
          "izmi̇r strasse", "Ünï 3", "3 ünï", "", "  ", "--", "ǅemal Storm", "ﬁre damage", "fire damage", "x\ty"]
tricky_texts = st.one_of(texts, st.sampled_from(TRICKY))


def test_spread_repeats_on_tricky_lines():
    blocks = [Block(text) for text in TRICKY]
    heads = ["Storm damage on the coast", "İzmir straße", "Ünï 3", "fire damage | x"]
    spread = "\n" + "\n".join(f" {' '.join(title_words(head))} " for head in heads) + "\n"
    found = title._spread_repeats(blocks, list(range(len(blocks))), {3: ["storm", "damage"]}, spread)
    assert [position for position, _ in found] == [0, 1, 2, 3, 4, 5, 7, 13, 14]


# Head lines with site names and kickers, their runs, and lines that repeat a part of them.
TITLE_LINES = ["Harbour: Storm Damage on the Coast | The Tide", "Storm Damage on the Coast", "Storm damage",
               "The Tide", "The Tide - Storm Damage", "storm damage on the coast today", "İzmir straße | Ünï",
               "İzmir Straße", "Weather · Storm Damage on the Coast · News", "Open Navigation Menu", "Ellen Hart",
               "Ellen Hart – Storm Damage on the Coast", "x | y | z", "Damage on the Coast", "-- | --"]
title_texts = st.one_of(tricky_texts, st.sampled_from(TITLE_LINES))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(title_texts, st.sampled_from([None, None, None, 2])), min_size=1, max_size=14), st.data())
def test_find_title_finds_the_same_repeated_title(rows, data):
    def page():
        return [Block(text, index=10 + number, line=line) for number, (text, line) in enumerate(rows)]

    at = data.draw(st.lists(st.integers(0, len(rows) - 1), unique=True, max_size=6).map(sorted))
    window = data.draw(st.sampled_from([title.REPEAT_WINDOW, 3]))

    def repeated(blocks):
        saved, title.REPEAT_WINDOW = title.REPEAT_WINDOW, window
        try:
            return title._repeated_title(blocks, [(position, blocks[position]) for position in at])
        finally:
            title.REPEAT_WINDOW = saved

    assert repeated(page()) == _python(repeated, page())


def test_repeated_title_on_tricky_lines():
    blocks = [Block(text, index=number) for number, text in enumerate(TITLE_LINES + TRICKY)]
    for at in ([0, 1, 2], [0, 4, 6], [6, 7], [3, 10, 11], [12, 14], [8, 9, 13]):
        head = [(position, blocks[position]) for position in at]
        assert title._repeated_title(blocks, head) == _python(title._repeated_title, blocks, head)
    head = [(position, blocks[position]) for position in [0, 1, 2]]
    assert title._repeated_title(blocks, head) == (True, 0, title.TitleGuess("Storm Damage on the Coast", 1, (0,)))


@settings(max_examples=100, deadline=None)
@given(rows)
def test_keys_are_read_as_block_key_gives_them(rows):
    blocks = _blocks(rows)
    assert compiled.walk.block_keys(blocks, Block) == [Block(b.text).key() for b in blocks]


def test_a_block_of_another_type_is_asked_for_its_fields():
    @dataclass
    class Line(Block):  # no slots of its own: fields found by name
        pass

    blocks = [Line("Storm damage on the coast"), Block("Storm damage on the coast", index=1)]
    assert compiled.walk.block_keys(blocks, Block) == ["storm damage on the coast"] * 2
    assert compiled.walk.without_ids(blocks, {id(blocks[0]): blocks[0]}) == [blocks[1]]


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 40), st.sets(st.integers(0, 39)), st.lists(st.one_of(st.integers(-2, 3), st.just(2 ** 70),
                                                                           st.just("x"), st.just(True)), max_size=3))
def test_without_ids_drops_the_blocks_whose_ids_it_is_given(count, chrome_at, odd_keys):
    blocks = [Block(f"line {number}", index=number) for number in range(count)]
    chrome = {id(block): block for number, block in enumerate(blocks) if number in chrome_at}
    chrome.update((key, None) for key in odd_keys)  # no block's id: they change nothing
    assert compiled.walk.without_ids(blocks, chrome) == [block for block in blocks if id(block) not in chrome]
    assert compiled.walk.without_ids(blocks, set(chrome)) == [block for block in blocks if id(block) not in chrome]


# Lines the head of a dump starts with: titles, sentences, wrapped prose, lists, scripts, pixels.
HEAD_LINES = ["Storm Damage on the Coast | The Tide", "Storm damage on the coast.", "Harbour Heating Co.",
              "Storm damage – Harbour Co.", "Roses flower on old wood. Prune them late in the year, after the frost",
              "Roses flower on old wood, and the gardener prunes them late in the year after the frost has gone.",
              "and goes on in this line of prose wrapped at a fixed width by the dump",
              "apples, pears, plums, figs", "Menu:", "One", "Ünï straße İzmir Ǆemal", "Dr. Who Returns",
              "function(e,t){return e&&t?(n.push([e,t]),r(n)):void 0};var o=window.x||{};" * 3,
              '<img src="https://px.example.net/t.gif" width="1" height="1" />', "<b>Bold Title</b>",
              "A\u2028title\u00a0with odd\x1cspaces ", " ".join(["word"] * 36), "  ", ""]
head_texts = st.one_of(tricky_texts, st.sampled_from(HEAD_LINES))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(head_texts, st.sampled_from(["paragraph", "title", "heading", "list_item", "code"])),
                max_size=20))
def test_find_title_reads_the_same_title_lines(rows):
    def page():
        return [Block(text, kind, index=number) for number, (text, kind) in enumerate(rows)]

    assert title._title_lines(page()) == _python(title._title_lines, page())


def test_title_lines_on_tricky_lines():
    blocks = [Block(text, index=number) for number, text in enumerate(HEAD_LINES)]
    for start in range(len(blocks)):
        assert title._title_lines(blocks[start:]) == _python(title._title_lines, blocks[start:])
