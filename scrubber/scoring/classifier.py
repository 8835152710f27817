"""ContentScorer: find the article region of a page and drop what lies outside it."""

from __future__ import annotations

from functools import partial
from itertools import compress, repeat
from operator import and_, eq, le

from ..data import stopwords
from ..filters.base import Drop
from ..source.html import compiled
from .features import FeatureColumns, Features, page_columns
from .region import article_spans, charge_list_heads, start_below_title
from .repeats import MIN_TEMPLATE_COPIES, copies
from .structure import CLOCK_MAX_CHARS, COUNTER_MAX_CHARS, cheapen_structure_lines, has_code, is_stamp, is_token

GOOD, NEAR_GOOD, SHORT, BAD = "good", "near-good", "short", "bad"

# jusText-style thresholds: prose has many stopwords, chrome few.
MAX_LINK_DENSITY = 0.45
STOPWORDS_HIGH = 0.30
STOPWORDS_LOW = 0.20
LENGTH_LOW = 5
LENGTH_HIGH = 10
# Languages with short stoplists (or none) are judged on length and sentence ends instead.
FULL_STOPLIST = 400
MIN_PAGE_STOPWORDS = 0.12
# ... and its longer stopwords: Polish or Czech prose is full of "a", "i", "to", which are
# English stopwords too, but has hardly any "the", "and", "that" (English prose: 10% or more).
MIN_PAGE_LONG_STOPWORDS = 0.04
# Headlines and teasers: most words capitalised, unlike running prose.
TITLE_CASE_SHARE = 0.5
TITLE_CASE_MARGIN = 0.25
PROSE_CAPITALS_MAX = 0.4
# Without a sentence end, a block must be this long to count as prose.
LENGTH_UNENDED = 20

# Region values: a prose word counts for the article, each chrome line against it.
NEAR_GOOD_WEIGHT = 0.5
# A paragraph's first words buy nothing: teasers and ticker items are a sentence long.
GOOD_OFFSET = 5.0
# A capitalised short line (a label, a link) costs more than a lower-case one (code, a
# sentence piece): enough that a menu or a "Related" block ends the article, not a heading.
SHORT_COST = 5.0
LOWER_SHORT_COST = 1.0
BAD_COST = 1.0
BAD_WORD_COST = 0.75
# Each copy of a repeated label makes every copy cost more ("Reply" under 12 comments).
REPEAT_COST = 4.0
MAX_COUNTED_COPIES = 10
# A second stretch of prose is part of the article when it is at least this share of the first.
SECOND_SPAN_RATIO = 0.25
# ... or when it is this long on its own: a few paragraphs, more than a teaser or a comment.
SECOND_SPAN_ENOUGH = 100.0
# ... and below it on a page flattened onto one line, where a teaser stream reads as prose.
FLAT_BELOW_RATIO = 0.5


class ContentScorer:
    """Drops what lies outside the article: the menus, teasers and footers around it.

    Each block is labelled from its own text (prose has stopwords and sentence ends, chrome
    has neither), the labels are turned into values, and the span with the highest total is
    the article. Inside it short lines survive (headings, a pull quote, list items, code);
    outside it everything goes.

    >>> from scrubber.testing import score_lines
    >>> story = ["Home", "About", "The council met on Monday and agreed that the new library will open in May next year.",
    ...          "It will have a reading room, a cafe and space for the archive that the town has kept since 1890.",
    ...          "Privacy Policy", "Terms of Use"]
    >>> score_lines(story)
    [0, 1, 4, 5]
    """

    name = "scoring"

    def classify(self, blocks, lang, features=None) -> tuple[list[str], FeatureColumns]:
        """Each block's label, and the features it was given by (stopwords are counted only
        against a stoplist long enough to judge a page by; ``features``: the blocks'
        ``page_features``, when the caller has them already)."""
        stop = judging_stoplist(lang)
        if features is None:
            columns = page_columns(blocks, stop)
        else:
            columns = features if isinstance(features, FeatureColumns) else FeatureColumns.of(features)
        full, title_case = page_bars(columns, stop)
        pieces = [b.line is not None for b in blocks]
        return _labels(columns, full, title_case, pieces), columns

    def select(self, blocks, page, counts=None):
        """The drops of what lies outside the article (``counts``: the blocks' ``copies``, when
        the caller has them already)."""
        if not blocks:
            return
        labels, features, spans = self.article(blocks, page, counts)
        if spans is None:
            return  # no prose at all: nothing to anchor an article on, leave it to the rules
        outside = list(_outside(spans, len(blocks)))
        dropped = list(map(labels.__getitem__, outside))
        # most dropped lines have no links nor script (a text dump none at all): their rule is their label's
        rules = list(map(_LABEL_RULES.__getitem__, dropped))
        densities, scripts = features.link_density, features.script
        if any(densities) or any(scripts):
            for number, position in enumerate(outside):
                if densities[position] or scripts[position]:
                    rules[number] = _rule(dropped[number], densities[position], scripts[position])
        yield from map(_new_drop, zip(outside, rules, map(_OUTSIDE.__getitem__, dropped)))

    def article(self, blocks, page, counts=None, features=None):
        """The labels and features of ``blocks`` (not empty), and the spans ``(start, end)`` of
        the article, which ``select`` keeps: None when no block is prose, and ``select`` keeps
        all (``counts``, ``features``: the blocks' ``copies`` and ``page_features``, when the
        caller has them already)."""
        labels, features = self.classify(blocks, page.lang, features)
        if GOOD not in labels:
            return labels, features, None
        if counts is None:
            counts = copies(blocks)
        values = _values(labels, features.words, counts, blocks)
        cheapen_structure_lines(values, list(compress(range(len(labels)), map(eq, labels, repeat(SHORT)))), blocks,
                                LOWER_SHORT_COST)
        charge_list_heads(values, blocks, page.meta.get("list_heads", ()))
        spans = []
        heads = page.meta.get("comment_heads", ())
        below = FLAT_BELOW_RATIO if blocks[0].line is not None and blocks[-1].line == blocks[0].line else None
        for number, (start, end) in enumerate(article_spans(values, SECOND_SPAN_RATIO, SECOND_SPAN_ENOUGH, below)):
            if number == 0:
                start = start_below_title(start, end, values, blocks, page.meta.get("title_at", ()))
                article_end = blocks[end - 1].index
            elif any(article_end < head < blocks[start].index for head in heads):
                continue  # below the comments the article has ended: more prose is a reader's comment
            if number == 0 or not _listed(counts[start:end], values[start:end], blocks[start:end]):
                spans.append(_trim_pieces(start, end, labels, blocks))
        return labels, features, spans


def judging_stoplist(lang) -> frozenset:
    """The stoplist lines of a ``lang`` page are judged by (English for a language without
    one), or none when it is too short to judge a page by: such a page is judged on length and
    sentence ends, and its words are not looked up (on more than half the pages of some corpora)."""
    stop = stopwords(lang) or stopwords("en")
    return stop if len(stop) > FULL_STOPLIST else frozenset()


def page_bars(columns: FeatureColumns, stop) -> tuple[bool, float]:
    """What a page's features (``columns``) as a whole set for labelling each of its blocks:
    whether the stoplist ``stop`` judges them, and the share of capitalised words that makes a heading."""
    words = sum(columns.words)
    # a page in a language we have no stoplist for shows few stopwords of the guessed one
    full = (bool(stop) and sum(columns.stopwords) >= MIN_PAGE_STOPWORDS * words
            and sum(columns.long_stopwords) >= MIN_PAGE_LONG_STOPWORDS * words
            and 2 * sum(columns.unspaced) <= words)
    return full, max(TITLE_CASE_SHARE, TITLE_CASE_MARGIN + _prose_capitals(columns))


def _listed(counts, values, blocks) -> bool:
    """A further stretch of prose with a label repeated through it ("Reply", "Report") is a
    list of comments or teasers, not more of the article. (Asked only of the stretches after the
    first: most pages have none.)"""
    return any(n >= MIN_TEMPLATE_COPIES and v < 0 and not is_token(b.text) for n, v, b in zip(counts, values, blocks))


def _outside(spans, length):
    """The positions up to ``length`` that none of the disjoint ``spans`` covers, in order: on
    most pages these are fewer than the positions inside the article, so only they are visited.

    >>> list(_outside([(5, 7), (1, 3)], 9))
    [0, 3, 4, 7, 8]
    """
    position = 0
    for start, end in sorted(spans):
        yield from range(position, start)
        position = end
    yield from range(position, length)


def _trim_pieces(start, end, labels, blocks):
    """Inside a flattened line the article ends with a sentence: pieces after its last prose
    piece are the chrome run into it (a caption, a "Read more" row, a share bar). Lines of a
    dump keep their end, since a list can end an article; the start is kept too, since a
    short first piece is often the article's dateline or lead-in.

    >>> from scrubber.blocks import Block
    >>> pieces = [Block(t, line=0) for t in ["a", "b", "c"]]
    >>> _trim_pieces(0, 3, [GOOD, GOOD, SHORT], pieces)
    (0, 2)
    """
    while end > start and labels[end - 1] != GOOD and blocks[end - 1].line is not None:
        end -= 1
    return start, end


def _prose_capitals(columns: FeatureColumns) -> float:
    """The share of capitalised words in the page's sentences: about 0.15 in English prose,
    0.35 in German, where every noun is capitalised. A headline has many more. (Summed in C:
    in one pass where the compiled walks are built, else ``map`` and ``compress`` pick the sentences.)"""
    if compiled.walk is not None:
        words, capitals = compiled.walk.sentence_sums(columns.terminal, columns.words, columns.capitalised, LENGTH_HIGH)
    else:
        sentences = list(map(and_, columns.terminal, map(le, repeat(LENGTH_HIGH), columns.words)))
        words = sum(compress(columns.words, sentences))
        capitals = sum(compress(columns.capitalised, sentences))
    return min(capitals / words, PROSE_CAPITALS_MAX) if words else PROSE_CAPITALS_MAX / 2


def _labels(columns: FeatureColumns, full_stoplist: bool, title_case: float, pieces: list[bool]) -> list[str]:
    """Each block's ``_label``, from the page's feature ``columns`` (``pieces``: whether each block
    is a piece of a flattened line). In C when the compiled walks are built: every block of a
    page is labelled."""
    if compiled.walk is not None:
        return compiled.walk.scorer_labels(
            columns.words, columns.stopwords, columns.capitalised, columns.terminal, columns.link_density,
            columns.script, columns.unspaced, pieces, full_stoplist, title_case, (GOOD, NEAR_GOOD, SHORT, BAD),
            (MAX_LINK_DENSITY, LENGTH_LOW, LENGTH_HIGH, LENGTH_UNENDED, STOPWORDS_HIGH, STOPWORDS_LOW))
    return list(map(_label, columns, repeat(full_stoplist), repeat(title_case), pieces))


def _values(labels: list[str], words: list[int], counts: list[int], blocks) -> list[float]:
    """Each block's ``_value``. In C when the compiled walks are built, for all blocks but the
    few ``_value`` is asked about (a repeated line, a capitalised short line beyond ASCII):
    every block of a page is valued."""
    if compiled.walk is not None:
        return compiled.walk.scorer_values(labels, words, counts, blocks, _value, (GOOD, NEAR_GOOD, SHORT, BAD),
                                           (GOOD_OFFSET, NEAR_GOOD_WEIGHT, SHORT_COST, LOWER_SHORT_COST, BAD_COST,
                                            BAD_WORD_COST, LENGTH_UNENDED // 2, REPEAT_COST, MAX_COUNTED_COPIES,
                                            COUNTER_MAX_CHARS, CLOCK_MAX_CHARS))
    return list(map(_value, labels, words, counts, [b.text for b in blocks], [b.line is not None for b in blocks]))


def _label(f: Features, full_stoplist: bool, title_case: float, piece: bool = False) -> str:
    if f.link_density > MAX_LINK_DENSITY or f.script:
        return BAD
    if f.words < LENGTH_LOW or f.capitalised >= title_case * f.words:
        return SHORT
    # Chinese or Japanese has no words of the stoplist: judged on length and sentence ends.
    # (Every block is labelled: ``mostly_unspaced`` and ``stopword_density`` are read without
    # their property calls; ``f.words`` is no zero here.)
    if full_stoplist and 2 * f.unspaced <= f.words:
        density = f.stopwords / f.words
        # a long run of words without a sentence end is a flattened menu, even with some stopwords
        unended = not f.terminal and f.words >= LENGTH_UNENDED
        if density >= STOPWORDS_HIGH and (f.words >= LENGTH_UNENDED or f.terminal and f.words >= LENGTH_LOW):
            # A flattened page is cut at sentence ends, so an unended piece of it is no sentence:
            # a row of teaser headlines run together, or prose with a menu in it.
            return NEAR_GOOD if piece and unended else GOOD
        return NEAR_GOOD if density >= STOPWORDS_LOW and not unended else BAD
    if f.terminal and f.words >= LENGTH_HIGH:
        return GOOD
    return NEAR_GOOD if f.terminal or f.words >= LENGTH_HIGH else BAD


def _value(label: str, words: int, copies: int, text: str, piece: bool = False) -> float:
    # Every block of a page is valued here, most of them short lines: max() and min() are
    # written out as the comparisons they make, and ``has_code`` is read at most once.
    if label == GOOD:  # a repeated paragraph is still prose: never charged as a repeat
        value = words - GOOD_OFFSET
        return value if value >= 1.0 else 1.0
    label_like = None  # a capitalised line without code, when the text was read for it
    if label == NEAR_GOOD:
        value = (words - GOOD_OFFSET) * NEAR_GOOD_WEIGHT
        value = value if value >= -SHORT_COST else -SHORT_COST
    elif label == SHORT:
        # Capitalised short lines are labels, links and headings; lower-case ones are mostly
        # code and pieces of sentences, which belong to the article around them. A long
        # title-case run is a menu or a row of teaser headlines, not a heading.
        if words:
            label_like = text[:1].isupper() and not has_code(text)
            extra = words - LENGTH_UNENDED // 2
            value = -((SHORT_COST if label_like else LOWER_SHORT_COST) + BAD_WORD_COST * (extra if extra > 0 else 0))
        else:
            value = 0.0
    else:
        value = -(BAD_COST + BAD_WORD_COST * words)
    # Menus and comment buttons repeat ("Reply", "Share"); so do code tokens and "[edit]"
    # links inside the article, but those are not capitalised like a label. A repeated
    # line of a dump that leads into the next ("Main article:", "You will need:") is still
    # prose; a one-word field label ("Credit:", "Tags:") is not.
    if copies > 1:  # most lines are unique: the text is read for repeats only
        lead_in = not piece and text.endswith(":") and " " in text.strip()
        capitalised = _capitalised(text) if label_like is None else label_like and not text.isupper()
        if (capitalised or is_stamp(text)) and not lead_in:
            counted = copies if copies < MAX_COUNTED_COPIES else MAX_COUNTED_COPIES
            value = (value if value <= 0.0 else 0.0) - REPEAT_COST * counted
    return value


def _capitalised(text: str) -> bool:
    """Capitalised like a button label ("Reply"), not a line of code ("SELECT name", "FROM
    orders;") or a link ("[edit]").

    >>> [_capitalised(t) for t in ["Reply", "TV Guide", "SELECT", "FROM unnest", "Total = a_b"]]
    [True, True, False, False, False]
    """
    return text[:1].isupper() and not text.isupper() and not has_code(text)


def _rule(label, link_density, script):
    if link_density > MAX_LINK_DENSITY:
        return "score/link-dense"
    if script:
        return "score/script"
    return _LABEL_RULES[label]


_OUTSIDE_RULES = {SHORT: "score/short-outside-article", NEAR_GOOD: "score/weak-outside-article"}
_LABEL_RULES = {label: _OUTSIDE_RULES.get(label, "score/outside-article") for label in (GOOD, NEAR_GOOD, SHORT, BAD)}
# A Drop made from its fields in C, as NamedTuple's own _make makes it, not by a Python __new__
# for each of the many lines outside the article.
_new_drop = partial(tuple.__new__, Drop)
# Every dropped block gives its reason: written once per label, not once per block.
_OUTSIDE = {label: f"outside the article ({label} text)" for label in (GOOD, NEAR_GOOD, SHORT, BAD)}
