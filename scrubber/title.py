"""The page title: known from HTML metadata, or guessed from the first title-like line of text."""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate
from typing import NamedTuple

import regex

from .blocks import Block
from .data import small_words
from .scoring.features import SCRIPT_MIN_CHARS, script_like
from .source.html import compiled
from .title_phrase import repeated_head_phrase
from .title_words import ASCII_WORD, TITLE_WORD, MAX_SITE_NAME_WORDS, SEPARATORS, strip_site_name, title_words

# Two sentences in one line: no title ("I am a lawyer. I advise ...").
_SENTENCES = regex.compile(r"\p{Ll}{2}\. +\p{Lu}")
# A sentence's end, with a closing quote and a few stray symbols after it (bytes a broken
# encoding left at the end of each line).
_SENTENCE_END = regex.compile(r"[.!?…][\"'”’»)\]]*[^\p{L}\p{N}\s]{0,3}\s*$")
# Where _SENTENCE_END is looked for: the last letter or digit near the end of a line comes first.
_ASCII_LETTER_OR_DIGIT = re.compile(r"[A-Za-z0-9]")
_TAIL_CHARS = 40
MAX_TITLE_WORDS = 25
# "... - Harbour Heating Co.": a line that ends so ends with a name, not a sentence.
SHORT_SITE_NAME_WORDS = 4
# Where the title of a text dump is looked for: among the first lines, above the first prose.
MAX_TITLE_POSITION = 15
PROSE_WORDS = 12
# How far below the head lines their repeat (the headline above the article) is looked for.
REPEAT_WINDOW = 600
# The pieces of a flattened page read for its title phrase.
FLAT_PIECES = 400
FLAT_CARRIER_WORDS = 40
# A title-like line with this many content words (not "the", "de"...) is taken for the title;
# shorter ones may be site or author names ("The Walled Garden", "La Cocina de Carmen").
TITLE_WORDS_LIKELY = 4
# The kinds of block a title line is.
_TITLE_KINDS = ("title", "heading", "paragraph")
# A title line ends in none of these; nor in a full stop, unless a site name ends it.
_OPEN_ENDS = (",", ";", ":")
_FULL_STOP = (".",)


def looks_like_title(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= MAX_TITLE_WORDS and not text.rstrip().endswith((".", ",", ";", "!"))


class TitleGuess(NamedTuple):
    """The title of a text dump, the ``Block.index`` of the line that shows it, and those of
    the lines that carry it with a site name or kicker around it ("Kicker: Title | Site").
    ``inside`` says the title is a phrase inside a piece of a flattened page, not a line."""

    text: str
    index: int
    carriers: tuple[int, ...] = ()
    inside: bool = False


def guess_title(blocks) -> str | None:
    """The title of a text dump, site name stripped (see ``find_title``).

    >>> from scrubber.blocks import Block
    >>> lines = ["The Walled Garden", "When to Prune Climbing Roses", "Ellen Hart",
    ...          "Climbing roses flower on the wood they grew last summer, so prune them late."]
    >>> guess_title([Block(t) for t in lines])
    'When to Prune Climbing Roses'
    """
    found = find_title(blocks)
    return found.text if found else None


def find_title(blocks, chrome=frozenset()) -> TitleGuess | None:
    """The title of a text dump. A scraper's dump often starts with the ``<title>`` line
    ("Kicker: Title | Site") and shows the headline again further down: the longest run of
    a title-like line near the top that a later line repeats (a site name is no title) is the
    title. Without a repeat, of the title-like lines above the first paragraph of prose, the
    first with four content words or more (site and author names are shorter), else the
    longest, the first on a tie. A line with three commas is an unpunctuated sentence or a
    list, not a title. Lines some drop rule matches (``chrome`` holds their ids) are chrome,
    never the title.

    >>> from scrubber.blocks import Block
    >>> lines = ["Gardening: Pruning Roses Late | The Walled Garden", "Open Navigation Menu",
    ...          "The Walled Garden", "Pruning Roses Late", "Climbing roses flower on old wood."]
    >>> find_title([Block(t, index=i) for i, t in enumerate(lines)])
    TitleGuess(text='Pruning Roses Late', index=3, carriers=(0,), inside=False)
    """
    if chrome:
        blocks = compiled.walk.without_ids(blocks, chrome) if compiled.walk is not None \
            else [b for b in blocks if id(b) not in chrome]
    if blocks and blocks[0].line is not None:
        found = _flattened_title(blocks)
        if found:
            return found
    head = _title_lines(blocks)
    sure, carrier, repeated = _repeated_title(blocks, head)
    likely = _likely_title(head, sure_only=True)
    # The first title-like line is the <title> in most dumps: a repeat of a line below it is
    # a teaser listed twice. A short line repeated whole (an author's name by the headline and
    # under the story) is less sure than a line of four content words.
    if sure and (likely is None or carrier <= likely.index):
        return repeated
    return likely or repeated or _likely_title(head)


def _flattened_title(blocks):
    pieces = [b for b in blocks[:FLAT_PIECES] if b.line == blocks[0].line]
    found = repeated_head_phrase([b.text for b in pieces])
    if found is None:
        return None
    phrase, head, repeat = found
    # The piece the head phrase stands in is the <title> text run into the site's name and
    # menu: it carries the title, unless the repeat or prose is in it too (or it holds only a
    # part of the title, cut off at "vs." as if a sentence ended there).
    carrier = pieces[head]
    carriers = (carrier.index,) if head != repeat and phrase in carrier.text \
        and len(carrier.text.split()) <= FLAT_CARRIER_WORDS else ()
    return TitleGuess(phrase, pieces[repeat].index, carriers, inside=True)


def _title_lines(blocks):
    """``(position, block)`` of the title-like lines at the top, above the first prose."""
    if compiled.walk is not None:  # the same loop in C
        return compiled.walk.title_lines(blocks, Block, MAX_TITLE_POSITION, PROSE_WORDS,
                                         MAX_TITLE_WORDS + MAX_SITE_NAME_WORDS, _TITLE_KINDS, _OPEN_ENDS, _FULL_STOP,
                                         _SENTENCES, _ends_sentence, _site_name_last, script_like, SCRIPT_MIN_CHARS)
    head = []
    for position, block in enumerate(blocks[:MAX_TITLE_POSITION]):
        if _is_prose(block.text):
            break
        following = blocks[position + 1].text if position + 1 < len(blocks) else ""
        if following[:1].islower() and following.count(" ") >= PROSE_WORDS // 2:
            continue  # a line of prose wrapped at a fixed width goes on in the next line
        if block.kind in _TITLE_KINDS and block.text.count(",") < 3 \
                and not block.text.rstrip().endswith(_OPEN_ENDS) and not _sentence_end(block.text) \
                and not (". " in block.text and _SENTENCES.search(block.text)) \
                and 2 <= len(block.text.split()) <= MAX_TITLE_WORDS + MAX_SITE_NAME_WORDS and not script_like(block.text):
            head.append((position, block))
    return head


def _likely_title(head, sure_only=False):
    candidates = []
    for position, block in head:
        if not looks_like_title(block.text):
            continue
        title = strip_site_name(block.text)
        content_words = _content_words(title)
        if content_words >= TITLE_WORDS_LIKELY:
            return TitleGuess(title, block.index)
        candidates.append((content_words, -position, title, block.index))
    if not candidates or sure_only:
        return None
    best = max(candidates)
    return TitleGuess(best[2], best[3])


def _content_words(text: str) -> int:
    small = small_words()
    return sum(1 for word in title_words(text) if word not in small)


def _repeated_title(blocks, head):
    """``(sure, carrier, guess)``: the title run of the first head line that a later line
    repeats (its longest), as that line shows it, and the ``index`` of that head line. A
    repeat is sure when it cut the run out of a longer head line (its site name or kicker
    left out), or when the run has four content words."""
    if compiled.walk is not None:  # the same loops in C
        return compiled.walk.repeated_title(blocks, Block, head, REPEAT_WINDOW, SEPARATORS, TITLE_WORDS_LIKELY,
                                            title_words, _content_words, strip_site_name, TitleGuess, TITLE_WORD)
    if not head:
        return False, None, None
    # The pieces of a flattened line are cut wherever a sentence seemed to end: one that
    # matches a piece of the head line is no repeated headline.
    carriers = []
    for position, block in head:
        if block.line is None:
            words = title_words(block.text)
            carriers.append((position, block, " ".join(words), _parts(block.text, words), words))
    if not carriers:
        return False, None, None
    longest = max(len(block.key()) for _, block, _, _, _ in carriers)
    known = set(" ".join(words for _, _, words, _, _ in carriers).split())
    starts = {}  # the known words by their first character
    for word in known:
        starts[word[0]] = starts.get(word[0], ()) + (word,)
    # The head lines' words spaced out in one text ("\n first line \n second line \n"): the
    # lines that repeat none of them (most) are told apart by one search, and the others are
    # compared only with the head lines that hold them. A run of words found there spans no
    # "\n", so it lies within one head line.
    spread = "\n" + "\n".join(f" {words} " for _, _, words, _, _ in carriers) + "\n"
    edges = list(accumulate((len(words) + 3 for _, _, words, _, _ in carriers[:-1]), initial=1))
    head_words = {position: words for position, _, _, _, words in carriers}
    best = None
    # A head line may stand above the line that carries it ("Storm Damage", then "Harbour:
    # Storm Damage"): the pair is the same either way round, and the output, which shows the
    # title first, must be read as its source was.
    heads = {position for position, _ in head}
    lines = _repeat_lines(blocks, head[0][0], head[0][0] + REPEAT_WINDOW, longest, starts, known)
    for position, words in _spread_repeats(blocks, lines, head_words, spread):
        block = blocks[position]
        joined = " ".join(words)
        spaced = f" {joined} "
        found = spread.find(spaced)
        while found >= 0:
            number = bisect_right(edges, found) - 1
            carrier_position, carrier, carrier_words, parts, _ = carriers[number]
            at = found - edges[number]
            found = spread.find(spaced, edges[number + 1]) if number + 1 < len(edges) else -1
            if carrier_position == position:
                continue
            if carrier_position > position and (position not in heads or joined == carrier_words):
                continue
            start = carrier_words[:at].count(" ")  # the words before the run
            if not _title_run(start, len(words), parts, carrier_words.count(" ") + 1):
                continue
            whole = joined == carrier_words and len(parts) == 1
            score = (not whole or _content_words(joined) >= TITLE_WORDS_LIKELY, -carrier_position, len(words))
            if best is None or score > best[0]:
                if joined == carrier_words:  # the head line itself again: its first copy shows the title
                    best = (score, carrier.index, TitleGuess(strip_site_name(carrier.text) if len(parts) > 1
                                                             else carrier.text, carrier.index))
                else:
                    best = (score, carrier.index, TitleGuess(block.text, block.index, (carrier.index,)))
    return (best[0][0], best[1], best[2]) if best else (False, None, None)


def _repeat_lines(blocks, start, stop, longest, starts, known):
    """Positions from ``start`` to ``stop`` of the lines that may repeat a head line. A repeat has
    two words or more, as a title line has: a single token ("0:0", "E-Bikes") is a figure or a
    label, and taking it would drop the line it came from. It is no longer than the longest head
    line (``longest``: the length of its key), no piece of a flattened line and no fragment, and
    its first word is one of the head lines' words (``known``). Most lines (menus) share no first
    word with a head line: a line starting with a letter or digit starts with its first word, and
    a prefix test with the known words (``starts``, by first character) tells most of them apart
    for a fraction of the word search."""
    if compiled.walk is not None:  # the same loop in C
        return compiled.walk.repeat_lines(blocks, Block, start, stop, longest, starts, known, TITLE_WORD)
    found = []
    for position, block in enumerate(blocks[start:stop], start):
        key = block.key()
        if len(key) > longest or block.line is not None or " " not in key:
            continue
        opening = key[0]
        if opening.isascii() and opening.isalnum() and not key.startswith(starts.get(opening, ())):
            continue
        first = (ASCII_WORD if key.isascii() else TITLE_WORD).search(key)
        if first is None or first.group() not in known or _fragment(block.text):
            continue
        found.append(position)
    return found


def _spread_repeats(blocks, positions, head_words, spread):
    """``(position, words)`` of the lines at ``positions`` whose title words (``head_words`` has
    those of the head lines, by position), spaced out (" storm damage "), stand in ``spread``,
    the head lines' words spaced out in one text: the lines that repeat a run of some head line.
    Most lines repeat none, and no other line can: the search for the run finds nothing.

    >>> from scrubber.blocks import Block
    >>> lines = [Block("Storm damage on the coast"), Block("Storm Damage!"), Block("Storm warning")]
    >>> _spread_repeats(lines, [1, 2], {}, " storm damage on the coast ")
    [(1, ['storm', 'damage'])]
    """
    found = []
    for position in positions:
        words = head_words.get(position)
        if words is None:
            words = title_words(blocks[position].text)
        if words and f" {' '.join(words)} " in spread:
            found.append((position, words))
    return found


def _fragment(text: str) -> bool:
    """A piece of a line cut at a link ("exploit makes it easy ...", ", One of ..."): no headline."""
    return text[:1].islower() or text[:1] in ",;:)]"


def _parts(line: str, words: list[str]) -> list[int]:
    """How many words each part of a ``Title | Site`` line has (one part without a separator:
    ``words``, the line's title words)."""
    for separator in SEPARATORS:
        if separator in line:
            return [len(title_words(part)) for part in line.split(separator)]
    return [len(words)]


def _title_run(start: int, length: int, parts: list[int], total: int) -> bool:
    """Whether words ``start:start+length`` of a head line can be its title: not a site name
    or section at either end of a ``Title | Site`` line, nor a few words of a long line."""
    if length < 2:
        return False
    if len(parts) == 1:
        return 2 * length >= total
    ends, edge = [], 0
    for count in parts:
        ends.append((edge, edge + count))
        edge += count
    largest = max(parts)
    for number, (first, last) in enumerate(ends):
        if first <= start and start + length <= last:
            minor = parts[number] < largest and number in (0, len(parts) - 1)
            return not minor and 2 * length >= parts[number]
    return True


def _sentence_end(text: str) -> bool:
    """A full stop ends the line, and no site name does ("... | Harbour Co.")."""
    return text.rstrip().endswith(_FULL_STOP) and not _site_name_last(text)


def _site_name_last(text: str) -> bool:
    for separator in SEPARATORS:
        if separator in text:
            return len(text.rsplit(separator, 1)[1].split()) <= SHORT_SITE_NAME_WORDS
    return False


def _is_prose(text: str) -> bool:
    # (the words are counted only as far as PROSE_WORDS: a long piece is not split whole)
    return len(text.split(None, PROSE_WORDS - 1)) >= PROSE_WORDS and _ends_sentence(text) and not _site_name_last(text)


def _ends_sentence(text: str) -> bool:
    """``_SENTENCE_END.search(text)``, read from the last ASCII letter or digit on when one stands
    near the end: no letter or digit follows a sentence's end, so none of the text before it can
    start one, and the search need not try every character of a long piece.

    >>> _ends_sentence("Roses flower on old wood. Prune them late."), _ends_sentence("Pruning Roses Late")
    (True, False)
    """
    tail = max(0, len(text) - _TAIL_CHARS)
    if _ASCII_LETTER_OR_DIGIT.search(text, tail) is None:
        tail = 0
    return _SENTENCE_END.search(text, tail) is not None
