"""Split headings that a scraper ran into the next paragraph back out into their own blocks.

"...with Putin. Security Guarantees Under Discussion Significant attention is..." becomes
"...with Putin." / "Security Guarantees Under Discussion" / "Significant attention is...".
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..data import honorifics, reporting_verbs, small_words

_TOKEN = regex.compile(r"\S+")
_WORDCHARS = regex.compile(r"[\p{L}\p{N}]")
_SENTENCE_END = regex.compile(r"[.!?…][\"'”’»)\]]*$")
_ABBREVIATION = regex.compile(r"^(?:\p{Lu}\.){1,4}$|^(?:mr|mrs|ms|dr|prof|st|vs|no|jr|sr|inc|ltd|co|corp|gen|gov|sen|rep|fig|etc|approx|ca|bzw|usw|z\.b|d\.h|nr|mme|mlle|sra?|dra?)\.$", regex.IGNORECASE)
_OPENING = "\"'“‘«(["

MIN_HEADING_WORDS = 2
MAX_HEADING_WORDS = 14
MIN_SENTENCE_WORDS = 3


@dataclass
class Vocabulary:
    """What the document says about its own words: which appear in lower case (common words)
    and which appear capitalised in mid-sentence (names). Used to tell a heading's title-cased
    common words from a name that starts the next sentence."""

    lower: set
    midcap: set
    stop: frozenset = frozenset()

    @classmethod
    def of(cls, texts, stop=frozenset()) -> "Vocabulary":
        lower, midcap = set(), set()
        for text in texts:
            # A capitalised word counts as a name only inside a running sentence ("met Angela
            # Merkel"), never inside a Title-Case run after a sentence end: that may be a heading.
            in_sentence = False
            for token in _TOKEN.findall(text):
                word = _bare(token)
                if word:
                    if word[0].islower():
                        lower.add(word.casefold())
                        in_sentence = True
                    elif word[0].isupper() and in_sentence:
                        midcap.add(word)
                if _SENTENCE_END.search(token) or token.endswith(":"):
                    in_sentence = False
        return cls(lower, midcap, stop)

    def common(self, word: str) -> bool:
        folded = _bare(word).casefold()
        return folded in self.lower or folded in small_words() or folded in self.stop or folded[:1].isdigit()

    def name(self, word: str) -> bool:
        bare = _bare(word)
        return bare in self.midcap and bare.casefold() not in self.lower


def _bare(token: str) -> str:
    return token.strip("\"'“”‘’«»()[]{},.;:!?…")


def _heading_token(token: str) -> bool:
    if token[0] in _OPENING or token[-1] in ",;.!?…\"”’»)":
        return False
    return token[0].isupper() or token[0].isdigit() or token.casefold() in small_words() or token in "&-–—:/"


def split_run_in_headings(text: str, vocabulary: Vocabulary | None = None) -> list[tuple[str, str]]:
    """Cut a flattened paragraph into ``(kind, text)`` pieces, kind ``heading`` or ``paragraph``.

    A heading is a Title-Case phrase that follows a sentence end (or starts the paragraph) and
    is followed by the start of a new sentence. Where the next sentence starts with a name
    ("...Under Review Mayor Janet Okafor said...") the name goes with the sentence.

    >>> split_run_in_headings("Talks ended. Security Guarantees Under Discussion Significant attention is paid to guarantees.")
    [('paragraph', 'Talks ended.'), ('heading', 'Security Guarantees Under Discussion'), ('paragraph', 'Significant attention is paid to guarantees.')]
    >>> split_run_in_headings("It ended. Budget Under Review Mayor Janet Okafor said the budget would be cut. Okafor left.")
    [('paragraph', 'It ended.'), ('heading', 'Budget Under Review'), ('paragraph', 'Mayor Janet Okafor said the budget would be cut. Okafor left.')]
    >>> split_run_in_headings("We met Angela Merkel in Berlin. She said hello to everyone there.")
    [('paragraph', 'We met Angela Merkel in Berlin. She said hello to everyone there.')]
    """
    vocabulary = vocabulary or Vocabulary.of([text])
    tokens = [(m.start(), m.group()) for m in _TOKEN.finditer(text)]
    cuts = []  # (heading_start_char, heading_end_char, sentence_start_char)
    position = 0
    while position < len(tokens):
        if position == 0 or _ends_sentence(tokens[position - 1][1]):
            found = _heading_at(tokens, position, vocabulary)
            if found:
                start, sentence = found
                cuts.append((tokens[start][0], _end(tokens, sentence - 1), tokens[sentence][0]))
                position = sentence
                continue
        position += 1
    if not cuts:
        return [("paragraph", text)]
    pieces, cursor = [], 0
    for heading_start, heading_end, sentence_start in cuts:
        before = text[cursor:heading_start].strip()
        if before:
            pieces.append(("paragraph", before))
        pieces.append(("heading", text[heading_start:heading_end].strip()))
        cursor = sentence_start
    rest = text[cursor:].strip()
    if rest:
        pieces.append(("paragraph", rest))
    return pieces


def _end(tokens, index):
    start, token = tokens[index]
    return start + len(token)


def _ends_sentence(token: str) -> bool:
    return bool(_SENTENCE_END.search(token)) and not _ABBREVIATION.match(token)


def _heading_at(tokens, first, vocabulary):
    """Where a heading starting at token ``first`` ends: ``(first, sentence_start)`` or None."""
    # A question heading is a whole short title-case sentence ending in "?".
    question = _question_heading(tokens, first)
    if question is not None:
        return first, question
    run_end = first
    while run_end < len(tokens) and run_end - first <= MAX_HEADING_WORDS + 4 and _heading_token(tokens[run_end][1]):
        run_end += 1
    # Lower-case small words belong to the heading only between capitalised words
    # ("Ways to Keep"); trailing ones ("During a long...") are the sentence's.
    while run_end > first and tokens[run_end - 1][1][0].islower():
        run_end -= 1
    if run_end >= len(tokens) or run_end - first < MIN_HEADING_WORDS + 1:
        return None
    follower = tokens[run_end][1]
    if not follower[0].islower():
        return None
    sentence = _sentence_start(tokens, first, run_end, follower, vocabulary)
    heading = [t for _, t in tokens[first:sentence]]
    if not _plausible_heading(heading, vocabulary):
        return None
    if _sentence_words(tokens, sentence) < MIN_SENTENCE_WORDS:
        return None
    return first, sentence


def _sentence_start(tokens, first, run_end, follower, vocabulary):
    sentence = run_end - 1
    last = tokens[sentence][1]
    if vocabulary.common(last) and not vocabulary.name(last):
        return sentence  # "...Discussion Significant attention": one common word starts it
    # The next sentence starts with a name: take the name, the second half of a two-word
    # name before a reporting verb ("Janet Okafor said"), and titles like "Mayor".
    if _bare(follower).casefold() in reporting_verbs() and sentence - 1 > first and not vocabulary.common(tokens[sentence - 1][1]):
        sentence -= 1
    while sentence - 1 > first:
        previous = _bare(tokens[sentence - 1][1])
        if vocabulary.name(previous) or previous.casefold() in honorifics():
            sentence -= 1
        else:
            break
    return sentence


def _plausible_heading(words, vocabulary):
    if not MIN_HEADING_WORDS <= len(words) <= MAX_HEADING_WORDS:
        return False
    if words[-1].casefold() in small_words() or words[-1] in "&-–—:/":
        return False
    if not all(_WORDCHARS.search(w) or w in "&-–—:/" for w in words):
        return False
    # A heading carries title-cased *common* words ("Guarantees", "Discussion"); a chain of
    # names ("British Prime Minister Keir") is the start of a sentence instead.
    content = [w for w in words if w.casefold() not in small_words()]
    return any(vocabulary.common(w) and not _bare(w)[:1].isdigit() for w in content)


def _question_heading(tokens, first):
    for end in range(first, min(len(tokens), first + MAX_HEADING_WORDS)):
        token = tokens[end][1]
        if token.endswith("?"):
            words = [t for _, t in tokens[first:end + 1]]
            if len(words) < MIN_HEADING_WORDS or end + 1 >= len(tokens):
                return None
            if not all(w[0].isupper() or w[0].isdigit() or w.casefold() in small_words() for w in words):
                return None
            following = tokens[end + 1][1]
            if not (following[0].isupper() or following[0] in _OPENING):
                return None
            return end + 1 if _sentence_words(tokens, end + 1) >= MIN_SENTENCE_WORDS else None
        if not _heading_token(token):
            return None
    return None


def _sentence_words(tokens, start):
    """Words of the sentence starting at ``start``, counted up to MIN_SENTENCE_WORDS: the only
    question asked is "is it that long", and counting further is quadratic in a paragraph
    without sentence ends."""
    count = 0
    for _, token in tokens[start:start + MIN_SENTENCE_WORDS]:
        count += 1
        if _ends_sentence(token):
            break
    return count
