"""Chrome phrases glued to the head of a piece of a flattened page, cut off by the rule packs.

A page flattened onto one line keeps its menu and share row as runs of words inside the
pieces ``source.text`` cuts at sentence ends: "Skip to content Home About Building a Shed".
Each phrase a drop rule knows as a whole line ("Skip to content", "Home") is cut off the
head of the piece into a block of its own, so the filters can judge it like any chrome line.
The header of a teaser or comment list is cut out wherever it stands in a piece, since the
scorer ends the article there.

The blocks handed to these cuts are the pipeline's own: those a cut moves down are renumbered
in place, not copied.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

import regex

from ..blocks import Block
from ..data import any_stopwords
from ..rules.slots import ANY_WORD
from .flattened_screens import ascii_word_filter, list_head_pieces, quiet_head, stamp_pieces
from .head_screen import TELLS_BY_START
from .html import compiled

# The longest phrase looked for: "Das könnte Sie auch interessieren". Each length tried is a
# match of the whole rule set, so the bound keeps flattened pages cheap.
MAX_PHRASE_TOKENS = 5
_SENTENCE_ENDS = (".", "!", "?", "…", ".”", '."', "»", "”")
# How far from a sentence of its line a piece is looked at for chrome glued to its head.
EDGE_PIECES = 3
# A news site's section names: menu entries inside a run of known ones. Not a drop rule:
# alone on a line they are also teaser labels, and the scorer reads those as the page's layout.
SECTION_NAMES = frozenset(
    "news sport sports weather business politics opinion culture lifestyle entertainment travel local world "
    "nachrichten lokales politik wirtschaft kultur actualités société économie noticias deportes cultura".split())
# A one-word head may be a sentence's subject ("Weather Service staff said ..."): a head is cut
# only when it has this many words.
MIN_HEAD_TOKENS = 2
# One unknown capitalised word between known menu entries is a menu entry the packs lack.
MAX_UNKNOWN_RUN = 1
# A piece's head is read from its first this many words; a longer run of menu words splits the
# rest. (Enough for the heads at its first two words, where nearly every piece's head ends.)
HEAD_WORDS = 7


def peel_chrome_heads(blocks: list[Block], is_chrome, screen=None) -> list[Block]:
    """Blocks with the known chrome phrases cut off the head of each flattened sentence and of
    the pieces near one: a teaser list flattened into sentences keeps its label at the head of
    each ("Show comments The mill reopened on Monday.").

    ``is_chrome(text)`` says whether a drop rule matches ``text`` as a whole line;
    ``screen``, when given, is the ``HeadScreen`` of those rules: the heads it tells no rule can
    match are not asked about, and the pieces whose heads it knows to be quiet are left whole at
    once (``flattened_screens.quiet_head``). ``blocks`` are numbered by their place, as
    ``text_blocks`` and ``cut_stamps`` leave them.

    >>> menu = {"skip to content", "home", "contact"}
    >>> pieces = [Block("Skip to content Home Projects Contact Building a Garden Shed", line=0),
    ...           Block("The timber came from a barn.", line=0)]
    >>> [b.text for b in peel_chrome_heads(pieces, lambda t: t.casefold() in menu)]
    ['Skip to content', 'Home', 'Projects', 'Contact', 'Building a Garden Shed', 'The timber came from a barn.']
    >>> [b.text for b in peel_chrome_heads([Block("Home Contact The mill reopened.", line=0),
    ...                                     Block("Home owners rejoiced.", line=0)], lambda t: t.casefold() in menu)]
    ['Home', 'Contact', 'The mill reopened.', 'Home owners rejoiced.']
    """
    if compiled.walk is not None:  # the same walk, each head read in place (``_walk_heads.pxi``)
        return compiled.walk.peel_chrome_heads(blocks, lru_cache(maxsize=4096)(is_chrome), screen, SECTION_NAMES,
                                               _starts_sentence, _split, _SENTENCE_ENDS, EDGE_PIECES)
    edges = _edges(blocks)
    if not edges:
        return blocks  # a dump of lines: no flattened sentence to peel
    is_chrome = lru_cache(maxsize=4096)(is_chrome)  # a flattened site repeats its menu on every page part
    first = min(edges)
    lengths, quiet = (screen.lengths, screen.quiet) if screen is not None else (None, {})
    out = blocks[:first]  # numbered by their place already
    for position in range(first, len(blocks)):
        block = blocks[position]
        if position in edges and not quiet_head(block.text, quiet, SECTION_NAMES):
            out.extend(_split(block, split_known_head(block.text, is_chrome, lengths), len(out)))
        else:  # (renumbered as _split would, without a call and a list for each block)
            block.index = len(out)
            out.append(block)
    return out


def cut_stamps(blocks: list[Block]) -> list[Block]:
    """Blocks with each item's stamp cut out of the flattened pieces of a slideshow or a live ticker.

    A gallery numbers its captions ("2/50 Star Wars boosts ...") and a ticker times its items
    ("13:54 Polls close ..."); flattened, the stamps sit inside the pieces, where nothing counts
    them. Cut out on their own, they repeat like the counters of a dump of lines, and the scorer
    ends the article where the list of items starts. A stamp is cut only when its line holds
    several of one kind, each before a capitalised word: times in a sentence ("left at 9:15,
    arrived") stay.

    >>> pieces = [Block(t, line=0) for t in ["The mill reopened on Monday.", "Photo 1/30 Rain on the fair.",
    ...           "Pool 2/30 Sun at last.", "3/30 Crowds leave at 9:15 and 10:30 sharp."]]
    >>> [b.text for b in cut_stamps(pieces)]
    ['The mill reopened on Monday.', 'Photo', '1/30', 'Rain on the fair.', 'Pool', '2/30', 'Sun at last.', '3/30', 'Crowds leave at 9:15 and 10:30 sharp.']
    """
    kinds = Counter(kind for position, digits in stamp_pieces(blocks)
                    for kind in _stamp_kinds(blocks[position].text, blocks[position].line, digits))
    listed = {kind for kind, n in kinds.items() if n >= MIN_STAMPS}
    if not listed:
        return blocks
    out: list[Block] = []
    for block in blocks:
        parts = _cut_at_stamps(block.text, block.line, listed) if block.line is not None else [block.text]
        out.extend(_split(block, parts, len(out)))
    return out


# A slideshow's counter ("3/50", "3 of 50") or a ticker's time ("13:54", "9.05 am"), before a
# capitalised word (or a quote) that starts the item's headline.
# (Every stamp starts with a digit: the look-ahead for one lets the search skip to digits
# rather than try the look-behind at every character.)
_STAMP = regex.compile(r"(?<![\w/:.])(?=\d)(?:(\d{1,3}) ?(?:/|of) ?(\d{1,3})|(?:[01]?\d|2[0-3])[:h][0-5]\d)"
                       r"(?![\w/:])(?= [\p{Lu}«“\"‘'])")
# How many stamps of one kind on a line make a list of items.
MIN_STAMPS = 3


def _stamp_kinds(text: str, line, digits: list[int] | None) -> list:
    """The kind of each stamp in ``text``: a counter of its total, or a time. ``digits``: the places
    of the digits a stamp's number may end at (``stamp_pieces``), or None to search all of ``text``."""
    return [(line, found[2] or "clock") for found in (_STAMP.finditer(text) if digits is None
                                                       else _stamps_ending_at(text, digits))]


def _stamps_ending_at(text: str, digits: list[int]) -> list:
    """``_STAMP.finditer(text)``, tried only where a number of at most three digits that ends at
    one of ``digits`` starts: a long piece is not searched whole for the few stamps it holds."""
    found, end = [], 0
    for digit in digits:
        for start in range(max(digit - 2, end), digit + 1):
            stamp = _STAMP.match(text, start)
            if stamp is not None:
                found.append(stamp)
                end = stamp.end()
                break
    return found


def _cut_at_stamps(text: str, line, listed: set) -> list[str]:
    parts, last = [], 0
    for found in _STAMP.finditer(text):
        if (line, found[2] or "clock") not in listed:
            continue
        parts += [text[last:found.start()].strip(), found[0]]
        last = found.end()
    parts.append(text[last:].strip())
    return [part for part in parts if part]


def cut_list_heads(blocks: list[Block], rules, packs: tuple[str, ...]) -> list[Block]:
    """Blocks with the headers of teaser, comment and sign-up lists cut out of the flattened
    pieces they are run into ("... Mayor Price. More stories Harbour fees rise ..."), so the
    rule packs drop them and the scorer ends the article there, as it does in a dump of lines.

    A header is a phrase that a drop rule of one of ``packs`` matches as a whole line, of two
    words or more, and that ends its piece or stands before a capital, where the list's first
    item starts: "the latest news and blogs" inside a sentence stays whole.

    >>> from scrubber.rules import RuleSet, builtin_packs
    >>> rules = RuleSet(builtin_packs())
    >>> pieces = [Block("The pier reopened. Written by Ann Lee Related articles Harbour fees rise", line=0),
    ...           Block("Read the latest news and blogs on the harbour site", line=0)]
    >>> [b.text for b in cut_list_heads(pieces, rules, ("related_posts",))]
    ['The pier reopened. Written by Ann Lee', 'Related articles', 'Harbour fees rise', 'Read the latest news and blogs on the harbour site']
    """
    openers, ascii_filter = _list_heads_of(tuple(pack for pack in rules.packs if pack.stage in packs))
    if not openers:
        return blocks
    if compiled.walk is not None:  # the same cut, each piece read in place (``_walk_list_heads.pxi``)
        return compiled.walk.cut_list_heads(blocks, openers, ascii_filter, _may_open, _split)
    cuts = {}
    for position, places in list_head_pieces(blocks, openers, ascii_filter):  # (most pieces hold no header)
        parts = _cut_at_heads(blocks[position].text, openers, places)
        if parts:
            cuts[position] = parts
    if not cuts:
        return blocks
    first = min(cuts)
    out = blocks[:first]  # numbered by their place already (peel_chrome_heads made them so)
    for position in range(first, len(blocks)):
        out.extend(_split(blocks[position], cuts.get(position) or [blocks[position].text], len(out)))
    return out


# A list header has this many words at least: one word ("Comments", "Newsletter") run into a
# sentence is as often a word of it.
MIN_LIST_HEAD_WORDS = 2


# The openers of this many sets of packs are kept by the packs' identities.
MAX_OPENER_SETS = 16
_OPENERS_OF: dict[tuple, tuple] = {}


def _list_heads_of(packs: tuple) -> tuple[dict, bytes]:
    """``_list_head_pattern`` of the drop rules of ``packs``, found by the packs' identities: a
    page's packs are those of many pages before, and hashing their rules for the cache of
    ``_list_head_pattern`` cost more than its lookup."""
    key = tuple(map(id, packs))
    found = _OPENERS_OF.get(key)
    if found is None:
        if len(_OPENERS_OF) >= MAX_OPENER_SETS:
            _OPENERS_OF.clear()
        # the packs are kept with their openers so that their ids cannot be reused by other packs
        found = _OPENERS_OF[key] = (packs, _list_head_pattern(tuple(rule for pack in packs for rule in pack.rules
                                                                     if rule.action == "drop")))
    return found[1]


@lru_cache(maxsize=16)
def _list_head_pattern(rules: tuple) -> tuple[dict[str, tuple[tuple, dict, bool]], bytes]:
    """The words that may open a header of ``rules`` (words the rules spell out), each with the
    patterns of the headers it may open, a memory of the second words seen after it (whether
    one of those patterns can start with the two words: ``_may_open``) and whether its patterns
    tell by a start; and the ``ascii_word_filter`` of those words."""
    openers: dict[str, list] = {}
    for rule in rules:
        # A rule any word may open ("<name> says:") finds no header inside running text: only
        # a whole line tells its name from a sentence's words.
        if rule.text is not None:
            pattern = regex.compile(regex.escape(rule.text), regex.IGNORECASE)
        elif rule.pattern is not None and not rule.pattern.fullmatch(ANY_WORD, partial=True):
            pattern = rule.pattern
        else:
            continue
        for word in {w.casefold() for w in _RULE_WORD.findall(pattern.pattern)}:
            if pattern.fullmatch(word + " ", partial=True):
                openers.setdefault(word, []).append(pattern)
    return ({word: (tuple(patterns), {}, all(TELLS_BY_START.search(p.pattern) is None for p in patterns))
             for word, patterns in openers.items()}, ascii_word_filter(openers))


# The words a rule's pattern spells out, one of which opens the header it matches.
_RULE_WORD = regex.compile(r"\p{L}{2,}")


def _cut_at_heads(text: str, openers: dict[str, tuple], places: list[int]) -> list[str] | None:
    """``text`` cut before and after each header in it; None when it holds none. ``places``: the
    words (their places in order) that may open one (``flattened_screens.list_head_pieces``)."""
    tokens = text.split(" ")
    parts, last = [], 0
    for position in places:
        if position < last:
            continue
        # (only the words a header can span are folded: a header's piece is mostly prose)
        folded = [token.casefold() for token in tokens[position:position + MAX_PHRASE_TOKENS]]
        patterns, seconds, screened = openers[folded[0]]
        # Most openers are common words ("die", "you", "new") that open no header where they
        # stand: one partial match of their two first words tells, and is remembered.
        if not _may_open(patterns, seconds, screened, folded[0], folded[1]):
            continue
        for end in range(min(position + MAX_PHRASE_TOKENS, len(tokens)), position + MIN_LIST_HEAD_WORDS - 1, -1):
            # the header ends its piece, or the list's first item starts with a capital after it
            if end < len(tokens) and not tokens[end][:1].isupper():
                continue
            phrase = " ".join(folded[:end - position])
            if any(pattern.fullmatch(phrase) for pattern in patterns):
                parts += [" ".join(tokens[last:position]), " ".join(tokens[position:end])]
                last = end
                break
    if last == 0:
        return None
    parts.append(" ".join(tokens[last:]))
    return [part for part in parts if part]


# Second words remembered after an opener, up to this many: prose comes back to the same few.
MAX_REMEMBERED_SECONDS = 2000


def _may_open(patterns: tuple, seconds: dict, screened: bool, first: str, second: str) -> bool:
    """Whether one of ``patterns`` can match a phrase that starts with the words ``first``
    ``second`` (remembered in ``seconds``, the memory of ``first``). ``screened``: whether the
    start of ``second`` may be judged first (the patterns' partial matches tell by a start)."""
    may = seconds.get(second)
    if may is None:
        # A phrase no pattern can start with starts none of its longer phrases: the second
        # word's first letter (remembered too, under a key no word is: it holds a space) rules
        # out most new second words of prose without asking every pattern about each.
        may = (not screened or len(second) <= SECOND_PREFIX
               or _may_start(patterns, seconds, first, second[:SECOND_PREFIX]))
        if may:
            start = f"{first} {second}"
            may = any(pattern.fullmatch(start, partial=True) is not None for pattern in patterns)
        if len(seconds) >= MAX_REMEMBERED_SECONDS:
            seconds.clear()
        seconds[second] = may
    return may


# The letters of a second word whose start is judged (and remembered) before the whole word
# (one letter cost the fewest instructions of one, two or three on the corpus dumps).
SECOND_PREFIX = 1


def _may_start(patterns: tuple, seconds: dict, first: str, prefix: str) -> bool:
    """Whether one of ``patterns`` can match a phrase that starts with ``first`` and a second
    word that starts with ``prefix`` (remembered in ``seconds`` under `` prefix``)."""
    may = seconds.get(" " + prefix)
    if may is None:
        start = f"{first} {prefix}"
        may = seconds[" " + prefix] = any(pattern.fullmatch(start, partial=True) is not None
                                          for pattern in patterns)
    return may


def split_known_head(text: str, is_chrome, screen=None) -> list[str]:
    """``text`` cut into its head's chrome phrases (and unknown menu words between them) and the
    rest. ``screen`` tells which heads ``is_chrome`` could accept (see ``peel_chrome_heads``)."""
    # Only the head's words are read: most pieces are prose whose first word or two end it,
    # and splitting each whole piece cost more than judging its head. The last item holds the
    # unsplit rest until a long head reaches it.
    if text[:1].islower():  # the first word is no menu entry (below): nothing to split
        return [text]
    tokens = text.split(" ", HEAD_WORDS)
    whole = len(tokens) <= HEAD_WORDS
    phrases: list[str] = []
    position = 0
    # Where a known phrase ended, and how many phrases stood before: the head may end at any.
    ends: list[tuple[int, int]] = []
    while position < len(tokens):
        if not whole and position + MAX_PHRASE_TOKENS >= HEAD_WORDS:
            tokens, whole = text.split(" "), True
        # A menu entry starts with a capital: "von Hundt" inside "Die von Hundt entwickelte
        # Methode" is no byline, and "Die" there no menu word.
        if tokens[position][:1].islower():
            break
        longest = min(MAX_PHRASE_TOKENS, len(tokens) - position)
        head = tokens[position:position + longest]
        # Most heads of prose can be no rule's line whatever their length: one screen tells.
        # The screen reads line keys: words casefolded, one space apart.
        key = " ".join(head)
        asked = screen(key.casefold()) if screen is not None and key.isprintable() and "" not in head \
            else range(longest, 0, -1)
        length = 0
        for k in asked:  # (a loop, not a generator: most heads are asked about no length)
            if is_chrome(" ".join(head[:k])):
                length = k
                break
        else:
            length = int(head[0].casefold() in SECTION_NAMES)  # a section name is one word
        if length:
            position += length
            ends.append((position, len(phrases) + 1))
        elif head[0][:1].isupper() and position - (ends[-1][0] if ends else 0) < MAX_UNKNOWN_RUN:
            position += 1
        else:
            break
        phrases.append(" ".join(tokens[position - (length or 1):position]))
    # The rest must start a phrase of its own, not go on with the sentence a word began: the
    # head ends at the last known phrase that leaves such a rest ("Reply Ann Lee · May 2024
    # at 9 AM" is a button before a byline whose time the rest goes on with).
    for known_end, known_phrases in reversed(ends):
        rest = " ".join(tokens[known_end:])
        if (known_end >= MIN_HEAD_TOKENS or _starts_sentence(rest)) and not rest[:1].islower():
            return phrases[:known_phrases] + ([rest] if rest else [])
    return [text]


def _edges(blocks: list[Block]) -> set[int]:
    """Positions of the flattened sentences and of the pieces without a sentence end that lie
    a few pieces from a sentence of their line (the title, byline and menu before it, the
    share row after it). A long menu far from any sentence is left whole to the filters and
    the scorer."""
    is_sentence = [b.line is not None and b.text.endswith(_SENTENCE_ENDS) for b in blocks]
    edges = {p for p, yes in enumerate(is_sentence) if yes}
    for sentence in (p for p, yes in enumerate(is_sentence) if yes):
        for near in range(max(0, sentence - EDGE_PIECES), min(len(blocks), sentence + EDGE_PIECES + 1)):
            if not is_sentence[near] and blocks[near].line == blocks[sentence].line:
                edges.add(near)
    return edges


def _split(block: Block, parts: list[str], first_index: int) -> list[Block]:
    """``block`` as one block per part, numbered on from ``first_index``; only the first part
    keeps the blank line that stood before the block. A block left whole is renumbered where
    it stands: every block after a page's first cut moves, and a copy of each (its line key
    found again later) cost more than the cutting."""
    if len(parts) == 1 and parts[0] == block.text:
        block.index = first_index
        return [block]
    return [Block(part, kind=block.kind, index=first_index + number, line=block.line, level=block.level,
                  link_density=block.link_density, hints=block.hints, after_blank=block.after_blank and number == 0)
            for number, part in enumerate(parts)]


def _starts_sentence(rest: str) -> bool:
    """Whether ``rest`` opens with a capitalised word that starts sentences ("The", "Die", "En"):
    then a one-word head is a label ("Share The ferry ...") rather than the subject's first word."""
    first = rest.split(" ", 1)[0]
    return first[:1].isupper() and first.casefold() in any_stopwords()

