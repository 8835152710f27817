"""Text a scraper already dumped -> blocks, one per line.

Two shapes occur: one text node per line (a paragraph with a link inside is cut into
fragments; ``normalise.fragments`` joins them again once the filters have judged each line),
and pages flattened onto very long lines, which are cut here into sentence pieces sharing one
``line`` number, so later stages can find where the article starts and ends inside the line.
"""

from __future__ import annotations

import re
from itertools import accumulate

import regex

from ..blocks import Block
from ..data import any_stopwords
from ..normalise.whitespace import clean_line, split_lines
from .html import compiled

# A line longer than this, holding several sentences, is a flattened page or article ...
LONG_LINE = 600
# ... and so is a shorter one whose first sentence starts with a menu run.
SHORT_PAGE = 300
# (The stop is matched and dropped from the match with \K rather than looked behind for: a
# pattern that opens on a look-behind is tried at every character of the line, this one only at stops.)
_CAPITAL_OR_NUMBER = regex.compile(r"[\p{Lu}\p{N}]")
_SENTENCE_BREAK = regex.compile(rf"[.!?…][\"'”’»)\]]*\K\s+(?=[\"'“‘«(\[]?{_CAPITAL_OR_NUMBER.pattern})")
# An HTML text node keeps the source's line breaks and indentation: an indented line after
# an unfinished one (one ending on such a character) is the same sentence going on, not a new block.
_INDENTS = " \t\u00a0"
_UNFINISHED = regex.compile(r"[\p{L}\p{N},\-–(]")

# A flattened nav bar runs into the first sentence of the article ("Home About Contact
# Title The first sentence..."): a run of capitalised tokens with no small lower-case words.
MIN_CHROME_TOKENS = 4
MIN_CHROME_WEIGHT = 3.0
CHROME_SHARE = 0.4
# "By Jane Doe April 2, 2025 The ..." inside a flattened line: a byline, with its date, between
# the title and the first sentence. The name stops where a capital starts the sentence.
_NAME = r"\p{Lu}[\p{L}'’.-]*"
_MONTH = (r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|jän|mär|mai|okt|dez|janv|févr|fév|avr|juil|"
          r"juin|sept|déc|ene|abr|ago|dic)\p{L}*\.?")
_DATE = (rf"{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\.?\s+{_MONTH}\s+\d{{4}}|\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}"
         r"|(?:vor|il y a|hace)\s+\d+\s+\p{L}+|\d+\s+\p{L}+\s+ago")
_BYLINE_WORDS = ("By", "Von", "Par", "Por")
_BYLINE = regex.compile(rf"(?<=\S\s)(?P<name>(?:{'|'.join(_BYLINE_WORDS)})\s+{_NAME}(?:\s+{_NAME}){{0,3}})"
                        rf"(?:\s+(?P<date>(?i:{_DATE})))?(?=\s+[\"'“‘«(\[]?\p{{Lu}})")
# A piece this long without a sentence end is a menu, or prose with menus run into it ...
LONG_PIECE_WORDS = 40
# ... and this many capitalised tokens in a row there are a menu, not a name.
MIN_MENU_RUN = 4


def text_blocks(text: str) -> list[Block]:
    """Blocks of a scraped text dump: one per non-blank line, long lines cut into sentences.

    >>> [(b.text, b.after_blank) for b in text_blocks("Home\\n\\n\\u00a0\\nAbout us")]
    [('Home', False), ('About us', True)]
    >>> [b.text for b in text_blocks("It reads the whole\\n      report again.\\nHome")]
    ['It reads the whole report again.', 'Home']
    """
    if compiled.walk is not None:  # the same lines and Blocks, made in one pass
        return compiled.walk.dump_blocks(text, Block, _UNFINISHED, _long_line_pieces, SHORT_PAGE)
    blocks: list[Block] = []
    for line_number, (line, blank) in enumerate(_logical_lines(text)):
        if len(line) <= SHORT_PAGE:  # most lines: too short to be a flattened page
            # (every field given by its place: a quarter cheaper than by keyword, for every line)
            # text, kind, index, line, level, link_density, hints, after_blank
            blocks.append(Block(line, "paragraph", len(blocks), None, None, 0.0, (), blank))
            continue
        pieces = _long_line_pieces(line)
        shared_line = line_number if len(pieces) > 1 else None
        for piece in pieces:
            blocks.append(Block(piece, "paragraph", len(blocks), shared_line, None, 0.0, (), blank))
            blank = False
    return blocks


def _long_line_pieces(line: str) -> list[str]:
    return _pieces(line) if _flattened(line) else [line]


def _logical_lines(text: str):
    """``(line, after_blank)`` pairs, indented continuation lines joined to the line before."""
    lines: list[str] = []
    blanks: list[bool] = []
    # The physical parts of the last line while lines continue it, joined once when it ends:
    # growing one string for every continuation made a long run of them quadratic. (Most
    # lines continue none and are kept as they are, with no list of parts of their own.)
    parts: list[str] = []
    blank = False
    for raw in split_lines(text):
        # ``clean_line``'s branch for a printable line, written out: most lines are clean
        # already, and a call per line costs half a percent of text mode
        if raw.isprintable():
            line = raw if raw and "  " not in raw and raw[0] != " " and raw[-1] != " " else " ".join(raw.split())
        else:
            line = clean_line(raw)
        if not line:
            blank = True
            continue
        # (only the last character is read: a search for "...$" tries every character of a flattened page)
        if raw[0] in _INDENTS and lines and not blank and _UNFINISHED.match((parts or lines)[-1][-1]):
            if not parts:
                parts.append(lines[-1])
            parts.append(line)
        else:
            if parts:
                lines[-1] = " ".join(parts)
                parts = []
            lines.append(line)
            blanks.append(blank)
        blank = False
    if parts:
        lines[-1] = " ".join(parts)
    return zip(lines, blanks)


def _flattened(line: str) -> bool:
    if len(line) > LONG_LINE:
        return True
    return len(line) > SHORT_PAGE and len(split_chrome_head(_SENTENCE_BREAK.split(line, maxsplit=1)[0])) > 1


def _pieces(line: str) -> list[str]:
    # The compiled walks cut the sentences in one pass that also tells which cuts below each
    # may need (most need none), and counts the characters as high as the CJK blocks: fewer
    # than UNSPACED_SHARE of them, and the line cannot be mostly unspaced.
    if compiled.walk is not None:
        sentences, cuts, high = compiled.walk.flat_sentences(line, _CAPITAL_OR_NUMBER)
        maybe_unspaced = high > UNSPACED_SHARE * len(line)
    else:
        sentences = _SENTENCE_BREAK.split(line)
        cuts = bytes([_BYLINE_CUT | _HEAD_OR_RUN_CUT]) * len(sentences)
        # (quick tests first: most lines hold no character as high as the CJK blocks)
        maybe_unspaced = not line.isascii() and _HIGH_CHAR.search(line)
    if maybe_unspaced and len(_UNSPACED_CHAR.findall(line)) > UNSPACED_SHARE * len(line):
        texts = split_unspaced(line)
        if sum(len(t) for t in texts if len(t) >= LONG_TEXT_CHARS) >= LONG_TEXT_SHARE * len(line):
            return texts
    if not any(cuts):
        return sentences
    pieces = []
    for sentence, needed in zip(sentences, cuts):
        if not needed:
            pieces.append(sentence)
            continue
        for part in split_byline(sentence) if needed & _BYLINE_CUT else [sentence]:
            for piece in split_chrome_head(part):
                pieces.extend(split_menu_runs(piece) if piece.count(" ") >= LONG_PIECE_WORDS else [piece])
    return pieces


# The cuts a sentence may need (told by the compiled walks; in Python, each cut tells itself):
# a byline's, and a chrome head's or menu run's.
_BYLINE_CUT = 1
_HEAD_OR_RUN_CUT = 2


def split_unspaced(line: str) -> list[str]:
    """Cut a flattened line of Chinese or Japanese at its spaces next to such a character.
    Their prose runs on without spaces, so a space there is where one text of the page ended
    and the next began: a menu entry, a caption, a paragraph. (Unless most of the texts are
    short: then the spaces are the links inside sentences, or a writer's pauses, and the line
    is cut at its sentences instead.)

    >>> split_unspaced("首页 新闻 图书馆明年五月开放。委员会周一开会。 版权所有 Wi-Fi 设置")
    ['首页', '新闻', '图书馆明年五月开放。委员会周一开会。', '版权所有', 'Wi-Fi', '设置']
    """
    return [piece for piece in _UNSPACED_BREAK.split(line) if piece]


# Characters at or above the CJK blocks: a line without one needs no closer look.
_HIGH_CHAR = re.compile("[\u2e80-\U0010ffff]")  # the standard re: a plain character range scans fastest there
# Han, kana and the full-width punctuation written with them.
_UNSPACED_CHAR = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20]")
_UNSPACED_BREAK = regex.compile(rf"(?<={_UNSPACED_CHAR.pattern})\s+|\s+(?={_UNSPACED_CHAR.pattern})")
# A line this much written in such characters is cut at its spaces instead of its sentences ...
UNSPACED_SHARE = 0.3
# ... when this share of it lies in texts of this many characters or more (paragraphs).
LONG_TEXT_SHARE = 0.5
LONG_TEXT_CHARS = 20


def split_menu_runs(piece: str) -> list[str]:
    """Cut the runs of capitalised tokens (a flattened menu, a row of labels) out of a very
    long unpunctuated piece, so that they can be judged apart from the prose around them.

    >>> split_menu_runs("the ferry runs twice a day in summer and Home News Sport Weather Local Contact then once a day")
    ['the ferry runs twice a day in summer and', 'Home News Sport Weather Local Contact', 'then once a day']
    """
    if compiled.walk is not None:  # the same runs, found without a str per token
        return compiled.walk.menu_runs(piece)
    tokens = piece.split(" ")
    out, start, run_start = [], 0, None
    for position, token in enumerate(tokens + ["end"]):
        if not token[:1].islower():
            if run_start is None:
                run_start = position
            continue
        if run_start is not None and position - run_start >= MIN_MENU_RUN:
            if run_start > start:
                out.append(" ".join(tokens[start:run_start]))
            out.append(" ".join(tokens[run_start:position]))
            start = position
        run_start = None
    if start < len(tokens):
        out.append(" ".join(tokens[start:]))
    return out


def split_byline(sentence: str) -> list[str]:
    """Cut a byline and its date out of a flattened sentence, between the title and the text.

    >>> split_byline("Ferry Back in Service By Kirsty Munro March 28, 2025 The ferry returned on Friday.")
    ['Ferry Back in Service', 'By Kirsty Munro', 'March 28, 2025', 'The ferry returned on Friday.']
    >>> split_byline("The bridge was built by Thomas Telford in 1826.")
    ['The bridge was built by Thomas Telford in 1826.']
    """
    # The pattern opens on a look-behind, so it is tried at every character; plain scans for
    # its words (those of _BYLINE_WORDS) tell first that most sentences hold none.
    if not any(map(sentence.__contains__, _BYLINE_WORDS)):
        return [sentence]
    found = _BYLINE.search(sentence)
    if found is None:
        return [sentence]
    parts = [sentence[:found.start()], found["name"], found["date"], sentence[found.end():]]
    return [part.strip() for part in parts if part and part.strip()]


def split_chrome_head(sentence: str) -> list[str]:
    """Cut a run of menu-like capitalised tokens off the start of a flattened sentence.

    >>> split_chrome_head("Home News Sport Weather Contact Us The council met on Monday and agreed to open the library.")
    ['Home News Sport Weather Contact Us', 'The council met on Monday and agreed to open the library.']
    >>> split_chrome_head("Yesterday Mayor Janet Okafor met the council and agreed to open the library.")
    ['Yesterday Mayor Janet Okafor met the council and agreed to open the library.']
    """
    if compiled.walk is not None:  # the same cut, weighed without a str per token
        at = compiled.walk.chrome_head_at(sentence, any_stopwords())
        return [sentence[:at - 1], sentence[at:]] if at else [sentence]
    tokens = sentence.split(" ")
    if len(tokens) < MIN_CHROME_TOKENS + 3:
        return [sentence]
    weights = _first_char_weights(tokens)
    # A cut needs a head weighing -MIN_CHROME_WEIGHT or less; most sentences have none.
    if min(accumulate(weights[:-1]), default=0.0) > -MIN_CHROME_WEIGHT:
        return [sentence]
    lower = [w > 0 for w in weights]
    starters = any_stopwords()  # words that start sentences in any language
    best, best_at, suffix = 0.0, 0, 0.0
    prefix_total = sum(weights)
    lower_before = sum(lower)
    # suffix sums from the end: the split starts the longest prose-like tail at a capital.
    for position in range(len(tokens) - 1, MIN_CHROME_TOKENS - 1, -1):
        suffix += weights[position]
        prefix_total -= weights[position]
        lower_before -= lower[position]
        token = tokens[position]
        if not token[:1].isupper() or suffix <= best or prefix_total > -MIN_CHROME_WEIGHT \
                or prefix_total > -CHROME_SHARE * position:
            continue
        # A capital after a run that has lower-case words in it may be a name inside the
        # sentence ("...and Mayor Tom Price opened"): only a word that starts sentences cuts there.
        if lower_before == 0 or token.casefold() in starters:
            best, best_at = suffix, position
    if best_at == 0 or best < 2:
        return [sentence]
    return [" ".join(tokens[:best_at]), " ".join(tokens[best_at:])]


def _first_char_weights(tokens: list[str]) -> list[float]:
    """``_weight`` of each token, looked up by its first character among those seen before.
    (A plain dict: a dict subclass with ``__missing__`` is subscripted through a slot that
    looks its ``__getitem__`` up on every call, several times slower; and ``t[0]``, not a
    slice object per token, with the slice kept for the rare empty token.)"""
    try:
        return [_WEIGHTS[t[0]] for t in tokens]
    except (KeyError, IndexError):  # a character not seen yet, or two spaces in a row
        return [_remembered_weight(t[:1]) for t in tokens]


def _remembered_weight(first: str) -> float:
    weight = _WEIGHTS.get(first)
    if weight is None:
        weight = _weight(first)
        if len(_WEIGHTS) < MAX_REMEMBERED_CHARS:
            _WEIGHTS[first] = weight
    return weight


MAX_REMEMBERED_CHARS = 5000
_WEIGHTS: dict[str, float] = {}


def _weight(token: str) -> float:
    first = token[:1]
    if first.islower():
        return 1.0
    if first.isupper():
        return -1.0
    if first.isdigit():
        return -0.5
    return 0.0

