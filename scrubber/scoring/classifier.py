"""ContentScorer: find the article region of a page and drop what lies outside it."""

from __future__ import annotations

from collections import Counter

from ..data import stopwords
from ..filters.base import Drop
from .features import Features
from .region import best_span

GOOD, NEAR_GOOD, SHORT, BAD = "good", "near-good", "short", "bad"

# jusText-style thresholds: prose has many stopwords, chrome few.
MAX_LINK_DENSITY = 0.45
STOPWORDS_HIGH = 0.30
STOPWORDS_LOW = 0.20
LENGTH_LOW = 5
LENGTH_HIGH = 10
# Languages with short stoplists (or none) are judged on length and sentence ends instead.
FULL_STOPLIST = 400

# Region values: a prose word counts for the article, each chrome line against it.
NEAR_GOOD_WEIGHT = 0.5
SHORT_COST = 1.0
BAD_COST = 1.0
BAD_WORD_COST = 0.5
REPEAT_COST = 2.0


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

    def classify(self, blocks, lang) -> tuple[list[str], list[Features]]:
        stop = stopwords(lang) or stopwords("en")
        full = len(stop) > FULL_STOPLIST
        labels, features = [], []
        for block in blocks:
            f = Features.of(block.text, stop, block.link_density)
            features.append(f)
            labels.append(_label(f, full))
        return labels, features

    def select(self, blocks, page):
        if not blocks:
            return
        labels, features = self.classify(blocks, page.lang)
        if GOOD not in labels:
            return  # no prose at all: nothing to anchor an article on, leave it to the rules
        repeats = Counter(b.key() for b in blocks)
        values = [_value(label, f, repeats[b.key()] > 1) for label, f, b in zip(labels, features, blocks)]
        start, end = best_span(values)
        for position in range(len(blocks)):
            if start <= position < end:
                continue
            label = labels[position]
            yield Drop(position, f"score/{_reason(label, features[position])}",
                       f"outside the article ({label} text)")


def _label(f: Features, full_stoplist: bool) -> str:
    if f.link_density > MAX_LINK_DENSITY:
        return BAD
    if f.words < LENGTH_LOW:
        return SHORT
    if full_stoplist:
        density = f.stopword_density
        if density >= STOPWORDS_HIGH and (f.words >= LENGTH_HIGH or f.terminal):
            return GOOD
        return NEAR_GOOD if density >= STOPWORDS_LOW else BAD
    if f.terminal and f.words >= LENGTH_HIGH:
        return GOOD
    return NEAR_GOOD if f.terminal or f.words >= LENGTH_HIGH else BAD


def _value(label: str, f: Features, repeated: bool) -> float:
    if label == GOOD:
        value = float(f.words)
    elif label == NEAR_GOOD:
        value = f.words * NEAR_GOOD_WEIGHT
    elif label == SHORT:
        value = -SHORT_COST if f.words else 0.0
    else:
        value = -(BAD_COST + BAD_WORD_COST * f.words)
    if repeated and f.words:
        value = min(value, 0.0) - REPEAT_COST
    return value


def _reason(label, f):
    if f.link_density > MAX_LINK_DENSITY:
        return "link-dense"
    return {SHORT: "short-outside-article", NEAR_GOOD: "weak-outside-article"}.get(label, "outside-article")
