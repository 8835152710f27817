"""The compiled loops that pick the lines the title stages read (``_walk_dumps.pxi``) answer as
their Python twins, on random lines: the same positions, in the same order."""

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


@settings(max_examples=300, deadline=None)
@given(rows, texts, st.sets(st.integers(0, 13)))
def test_title_repeats_reads_the_same_lines(rows, wanted_text, carrier_at):
    wanted = title_words(wanted_text)
    if not wanted:
        return
    carriers = tuple(sorted(carrier_at))
    longest = max(wanted, key=len)
    found = title_repeats._lines_to_read(_blocks(rows), wanted, longest, carriers)
    assert found == _python(title_repeats._lines_to_read, _blocks(rows), wanted, longest, carriers)


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


@settings(max_examples=300, deadline=None)
@given(st.lists(tricky_texts, max_size=12), st.lists(tricky_texts, min_size=1, max_size=4), st.data())
def test_find_title_finds_the_same_repeats_in_the_spread(lines, heads, data):
    blocks = [Block(text, index=index) for index, text in enumerate(lines)]
    positions = data.draw(st.lists(st.integers(0, len(lines) - 1), unique=True).map(sorted)) if lines else []
    head_words = {position: title_words(heads[position % len(heads)])
                  for position in data.draw(st.sets(st.sampled_from(positions))) if positions} if positions else {}
    spread = "\n" + "\n".join(f" {' '.join(title_words(head))} " for head in heads) + "\n"
    found = title._spread_repeats(blocks, positions, head_words, spread)
    assert found == _python(title._spread_repeats, blocks, positions, head_words, spread)


def test_spread_repeats_on_tricky_lines():
    blocks = [Block(text) for text in TRICKY]
    heads = ["Storm damage on the coast", "İzmir straße", "Ünï 3", "fire damage | x"]
    spread = "\n" + "\n".join(f" {' '.join(title_words(head))} " for head in heads) + "\n"
    positions = list(range(len(blocks)))
    found = title._spread_repeats(blocks, positions, {3: ["storm", "damage"]}, spread)
    assert found == _python(title._spread_repeats, blocks, positions, {3: ["storm", "damage"]}, spread)
    assert [position for position, _ in found] == [0, 1, 2, 3, 4, 5, 7, 13, 14]


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
