"""Words of a paragraph as the heading splitter reads them: tokens, sentence ends, and what
the page says about its own words (``Vocabulary``)."""

from __future__ import annotations

from itertools import accumulate, count
from operator import add

import regex

from ..data import small_words
from ..source.html import compiled

_TOKEN = regex.compile(r"\S+")


class Vocabulary:
    """What the document says about its own words: which appear in lower case (common words),
    which appear capitalised in mid-sentence (names) and which pairs of capitalised words
    stand together mid-sentence ("General Assembly"). Used to tell a heading's title-cased
    common words from a name that starts the next sentence.

    ``capitalises_nouns`` is set for German, where every noun is capitalised, so a capital
    letter says nothing about names and only sentence openers mark a heading's end. The word
    sets are read from the texts when first asked for: most pages hold no heading candidate
    that needs them.

    >>> v = Vocabulary.of(["We met Angela Merkel in Berlin."])
    >>> sorted(v.lower), sorted(v.midcap), v.pairs
    (['in', 'met'], ['Angela', 'Berlin', 'Merkel'], {('Angela', 'Merkel')})
    """

    def __init__(self, texts, stop=frozenset()):
        self.stop = stop
        # German marks itself by its function words: the page's stopwords are German ones.
        self.capitalises_nouns = {"und", "nicht", "der"} <= stop
        self._texts = list(texts)
        self._words: tuple[set, set, set] | None = None
        self._tokens: dict[str, list[str]] = {}

    @classmethod
    def of(cls, texts, stop=frozenset()) -> "Vocabulary":
        return cls(texts, stop)

    @property
    def lower(self) -> set:
        return self._read()[0]

    @property
    def midcap(self) -> set:
        return self._read()[1]

    @property
    def pairs(self) -> set:
        return self._read()[2]

    def _read(self) -> tuple[set, set, set]:
        if self._words is None:
            if compiled.walk is not None:  # the same pass in C: no token is made to be read
                self._words = compiled.walk.page_vocabulary(self._texts, small_words(), _BARE_EDGES, _STOPS, _CLOSERS)
            else:
                self._words = _page_vocabulary(map(self.tokens, self._texts))
            self._texts = []
        return self._words

    def tokens(self, text: str) -> list[str]:
        """``tokens_of(text)``, split once for the page: the heading splitter and the word sets
        read the same paragraphs."""
        found = self._tokens.get(text)
        if found is None:
            found = self._tokens[text] = tokens_of(text)
        return found

    def common(self, word: str) -> bool:
        folded = bare(word).casefold()
        return folded in self.lower or folded in small_words() or folded in self.stop or folded[:1].isdigit()

    def name(self, word: str) -> bool:
        stripped = bare(word)
        folded = stripped.casefold()
        return stripped in self.midcap and folded not in self.lower and folded not in small_words() and folded not in self.stop


_BARE_EDGES = "\"'“”‘’«»()[]{},.;:!?…"
_STOPS = ".!?…"
_CLOSERS = "\"'”’»)]"
STOP_OR_CLOSER = _STOPS + _CLOSERS
STOP_OR_CLOSER_OR_PAUSE = STOP_OR_CLOSER + ":,"


def _page_vocabulary(texts_tokens) -> tuple[set, set, set]:
    """``Vocabulary``'s lower-case words, names and pairs of names, read from the tokens of
    each of the page's texts."""
    lower, midcap, pairs = set(), set(), set()
    small, add_lower = small_words(), lower.add
    for tokens in texts_tokens:
        # A capitalised word counts as a name only inside a running sentence ("met Angela
        # Merkel"), never inside a Title-Case run after a sentence end: that may be a
        # heading, whose small words ("in", "the") do not start a sentence either.
        in_sentence = False
        previous_cap = None
        # (one pass over every word of the page: the branches go from the most common case)
        for token in tokens:
            word = token.strip(_BARE_EDGES)
            if word:
                first = word[0]
                if first.islower():
                    folded = word.casefold()
                    add_lower(folded)
                    if not in_sentence and folded not in small:
                        in_sentence = True
                    previous_cap = None
                elif in_sentence and first.isupper():
                    midcap.add(word)
                    if previous_cap:
                        pairs.add((previous_cap, word))
                    previous_cap = word
            last = token[-1]
            if last in STOP_OR_CLOSER_OR_PAUSE:
                if last == ",":
                    previous_cap = None
                elif last == ":" or ends_on_stop(token):
                    previous_cap = None
                    in_sentence = False
    return lower, midcap, pairs


def bare(token: str) -> str:
    return token.strip(_BARE_EDGES)


def ends_on_stop(token: str) -> bool:
    """Whether the token ends on a stop, then closing quotes or brackets: ``[.!?…]["'”’»)\\]]*$``
    without a regex call, which costs more than these two string methods.

    >>> ends_on_stop('said.”'), ends_on_stop('U.S'), ends_on_stop(')')
    (True, False, False)
    """
    kept = token.rstrip(_CLOSERS)
    return bool(kept) and kept[-1] in _STOPS


def tokens_of(text: str) -> list[str]:
    """The text's runs of non-space characters (``\\S+``; str.split() also cuts at the four
    controls \\x1c-\\x1f, which \\S matches)."""
    if "\x1c" in text or "\x1d" in text or "\x1e" in text or "\x1f" in text:
        return _TOKEN.findall(text)
    return text.split()


def token_starts(text: str, tokens: list[str]) -> list[int]:
    """Where each of the text's ``tokens_of`` starts; counted rather than searched when one
    character stands between each two tokens and none around them, as the pipeline's blocks
    are joined by single spaces.

    >>> token_starts("Ann  met Bo.", tokens_of("Ann  met Bo.")), token_starts("Ann met Bo.", tokens_of("Ann met Bo."))
    ([0, 5, 9], [0, 4, 8])
    """
    # start of token i: the lengths of the tokens before it, plus one character after each;
    # counted one token further, that is the text's length plus one exactly when no gap is wider
    # (every gap is at least one character: the tokens are the text's runs of non-space)
    starts = list(map(add, accumulate(map(len, tokens), initial=0), count()))
    if starts.pop() != len(text) + 1:
        return [m.start() for m in _TOKEN.finditer(text)]
    return starts
