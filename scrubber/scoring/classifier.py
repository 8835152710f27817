"""ContentScorer: label each block good, near-good, short or bad, then smooth by context."""

from __future__ import annotations

from ..data import stopwords
from ..filters.base import Drop
from .features import Features

GOOD, NEAR_GOOD, SHORT, BAD = "good", "near-good", "short", "bad"

# jusText-style thresholds, tuned on scraped dumps: prose has many stopwords, chrome few.
MAX_LINK_DENSITY = 0.45
STOPWORDS_HIGH = 0.30
STOPWORDS_LOW = 0.20
LENGTH_LOW = 8
LENGTH_HIGH = 25


class ContentScorer:
    """Drops blocks that no rule named but that read like chrome: short link-like lines far from
    any prose, lists of names, lines without stopwords.

    >>> from scrubber.testing import score_lines
    >>> story = ["Home", "About", "The council met on Monday and agreed that the new library will open in May next year.",
    ...          "It will have a reading room, a cafe and space for the archive that the town has kept since 1890.",
    ...          "Privacy Policy", "Terms of Use"]
    >>> score_lines(story)
    [0, 1, 4, 5]
    """

    name = "scoring"

    def classify(self, blocks, lang):
        stop = stopwords(lang) or stopwords("en")
        low, high = (STOPWORDS_LOW, STOPWORDS_HIGH) if len(stop) > 400 else (STOPWORDS_LOW * 0.6, STOPWORDS_HIGH * 0.6)
        labels = []
        for block in blocks:
            f = Features.of(block.text, stop, block.link_density)
            if f.link_density > MAX_LINK_DENSITY:
                labels.append(BAD)
            elif f.words < LENGTH_LOW:
                labels.append(SHORT if f.words else BAD)
            elif f.stopword_density >= high and (f.words >= LENGTH_HIGH or f.terminal):
                labels.append(GOOD)
            elif f.stopword_density >= low:
                labels.append(NEAR_GOOD)
            else:
                labels.append(BAD)
        return labels

    def select(self, blocks, page):
        if not blocks:
            return
        labels = self.classify(blocks, page.lang)
        final = _smooth(labels, blocks)
        for position, (label, block) in enumerate(zip(final, blocks)):
            if label == BAD:
                reason = _reason(labels[position], block)
                yield Drop(position, f"score/{reason}", f"classified as chrome ({labels[position]} text, {reason})")


def _smooth(labels, blocks):
    """Short and near-good blocks take the class of their surroundings, headings kept when
    prose follows them."""
    final = list(labels)
    n = len(labels)

    def nearest(position, step):
        j = position + step
        while 0 <= j < n:
            if labels[j] in (GOOD, BAD):
                return labels[j]
            j += step
        return BAD

    for i, label in enumerate(labels):
        if label == NEAR_GOOD:
            final[i] = GOOD if GOOD in (nearest(i, -1), nearest(i, 1)) else BAD
    for i, label in enumerate(labels):
        if label == SHORT:
            before, after = nearest(i, -1), nearest(i, 1)
            final[i] = GOOD if before == GOOD and after == GOOD else BAD
            if before == BAD and after == GOOD and _next_is(labels, i, GOOD) and blocks[i].kind == "heading":
                final[i] = GOOD
    return final


def _next_is(labels, i, wanted):
    return i + 1 < len(labels) and labels[i + 1] == wanted


def _reason(label, block):
    if block.link_density > MAX_LINK_DENSITY:
        return "link-dense"
    if label == SHORT:
        return "short-outside-article"
    if label == NEAR_GOOD:
        return "weak-outside-article"
    return "not-prose"
