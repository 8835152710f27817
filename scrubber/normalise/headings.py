"""Split headings that a scraper ran into the next paragraph back out into their own blocks.

"...with Putin. Security Guarantees Under Discussion Significant attention is..." becomes
"...with Putin." / "Security Guarantees Under Discussion" / "Significant attention is...".

Two shapes of heading are found after a sentence end (or at the start of a paragraph):
Title-Case headings, whose end is where the capitalised run meets the lower-case words of the
next sentence, and sentence-case headings (French, Spanish, German, some English), whose end
is marked by a capitalised sentence opener ("Les", "Cada", "Die", "The") in mid-run.
"""

from __future__ import annotations

from itertools import chain, compress, count
from operator import itemgetter

import regex

from ..data import honorifics, reporting_verbs, small_words, word_list
from ..source.html import compiled
from .words import STOP_OR_CLOSER, Vocabulary, bare, ends_on_stop, token_starts

__all__ = ["Vocabulary", "split_run_in_headings"]

# (a set: its __contains__ is a plain method call, a string's goes through a slot wrapper)
_STOP_OR_CLOSER_CHARS = frozenset(STOP_OR_CLOSER)
_WORDCHARS = regex.compile(r"[\p{L}\p{N}]")
_ABBREVIATION = regex.compile(r"^(?:\p{Lu}\.){1,4}$|^(?:mr|mrs|ms|dr|prof|st|vs|no|jr|sr|inc|ltd|co|corp|gen|gov|sen|rep|fig|etc|approx|ca|bzw|usw|z\.b|d\.h|nr|mme|mlle|sra?|dra?)\.$", regex.IGNORECASE)
_INNER_STOP = regex.compile(r"[.!?]")
_LIST_NUMBER = regex.compile(r"^\d{1,2}[.)]$")
# The longest token either pattern matches ("A.B.C.D."; "3."): longer ones need no regex call.
MAX_ABBREVIATION_CHARS = 8
MAX_LIST_NUMBER_CHARS = 3
_TRAILING_PUNCTUATION = ",;:.!?…\"”’»)"
_OPENING = "\"'“‘«(["

MIN_HEADING_WORDS = 2
MAX_HEADING_WORDS = 14
MAX_SENTENCE_CASE_WORDS = 10
MIN_SENTENCE_WORDS = 3


def _heading_token(token: str) -> bool:
    if token[0] in _OPENING or token[-1] in _TRAILING_PUNCTUATION:
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
    >>> split_run_in_headings("Ventes record. Un marché en plein essor Les fabricants peinent à suivre.")
    [('paragraph', 'Ventes record.'), ('heading', 'Un marché en plein essor'), ('paragraph', 'Les fabricants peinent à suivre.')]
    >>> split_run_in_headings("We met Angela Merkel in Berlin. She said hello to everyone there.")
    [('paragraph', 'We met Angela Merkel in Berlin. She said hello to everyone there.')]
    """
    vocabulary = vocabulary or Vocabulary.of([text])
    questions = "?" in text
    # (in C, a glance at every sentence start before the paragraph is cut into tokens: most
    # paragraphs hold no sentence that could open a heading, and the rest few)
    if compiled.walk is not None:
        openings = compiled.walk.heading_openings(
            text, questions, vocabulary.capitalises_nouns, small_words(), _list_number, word_list("sentence_openers"),
            STOP_OR_CLOSER, MIN_HEADING_WORDS, MAX_SENTENCE_CASE_WORDS)
        if not openings:
            return [("paragraph", text)]
        tokens = vocabulary.tokens(text)
    else:
        tokens = vocabulary.tokens(text)
        openings = _heading_openings(tokens, questions, vocabulary.capitalises_nouns)
    cuts = []  # (heading's first token, sentence's first token)
    # after a cut the search goes on from the sentence that follows the heading
    resume = 0
    for position in openings:
        if position < resume:
            continue
        if position and not _ends_sentence(tokens[position - 1]):
            continue
        found = _heading_at(tokens, position, vocabulary, questions)
        if found:
            cuts.append(found)
            resume = found[1]
    if not cuts:
        return [("paragraph", text)]
    # where the tokens stand in the text, found only for the few paragraphs that are cut
    at = token_starts(text, tokens)
    pieces, cursor = [], 0
    for start, sentence in cuts:
        before = text[cursor:at[start]].strip()
        if before:
            pieces.append(("paragraph", before))
        pieces.append(("heading", text[at[start]:at[sentence - 1] + len(tokens[sentence - 1])].strip()))
        cursor = at[sentence]
    rest = text[cursor:].strip()
    if rest:
        pieces.append(("paragraph", rest))
    return pieces


def _heading_openings(tokens, questions, capitalises_nouns):
    """The sentence starts where a heading may open, in order: the paragraph's first token and
    each token after a sentence end, where ``_may_open_heading`` holds (``heading_openings`` of
    the compiled walk finds the same from the text)."""
    # Which tokens are capitalised, one byte each, found by a C loop: bytes.find then spots a
    # capitalised sentence opener in mid-run without a Python step per token.
    capitals = bytes(map(str.isupper, map(itemgetter(0), tokens)))
    # (the tokens ending on a stop or a closer are found by C loops: most end on a letter)
    ends = compress(count(1), map(_STOP_OR_CLOSER_CHARS.__contains__, map(itemgetter(-1), tokens)))
    for position in chain((0,), ends):
        if position < len(tokens) and _may_open_heading(tokens, position, capitals, questions, capitalises_nouns):
            yield position


def _may_open_heading(tokens, first, capitals, questions, capitalises_nouns) -> bool:
    """Whether ``_heading_at(tokens, first, ...)`` could find a heading, judged by the tokens
    each kind of heading needs: the second word of a question or Title-Case heading is itself a
    heading word (so neither lower case nor a small word), and a sentence-case heading is ended
    by a capitalised sentence opener within its first words. False means it finds none."""
    body = first + 1 if len(tokens[first]) <= MAX_LIST_NUMBER_CHARS and _list_number(tokens[first]) else first
    if body + 1 >= len(tokens):
        return False
    second = tokens[body + 1]
    second_may_head = not second[0].islower() or second.casefold() in small_words()
    if questions and (second_may_head or second.endswith("?")):
        return True
    if not capitalises_nouns and second_may_head and body + 2 < len(tokens):
        third = tokens[body + 2]
        if not third[0].islower() or third.casefold() in small_words():
            return True
    if not capitals[body]:
        return False
    # _sentence_case_heading's opener stands at least MIN_HEADING_WORDS after the heading's start
    end = min(len(tokens) - 2, body + MAX_SENTENCE_CASE_WORDS) + 1
    at = capitals.find(1, body + MIN_HEADING_WORDS, end)
    while at != -1:
        if _opens_sentence(tokens[at]):
            return True
        at = capitals.find(1, at + 1, end)
    return False


def _opens_sentence(token: str) -> bool:
    return _opening_word(token) in word_list("sentence_openers")


def _opening_word(token: str) -> str:
    """The token as a list of sentence openers spells it: "There’s no..." opens a sentence as
    "There" does."""
    return token.casefold().split("'", 1)[0].split("’", 1)[0]


def _ends_sentence(token: str) -> bool:
    return ends_on_stop(token) and not _abbreviation(token) and not _list_number(token)


def _abbreviation(token: str) -> bool:
    return len(token) <= MAX_ABBREVIATION_CHARS and token.endswith(".") and _ABBREVIATION.match(token) is not None


def _list_number(token: str) -> bool:
    return len(token) <= MAX_LIST_NUMBER_CHARS and _LIST_NUMBER.match(token) is not None


def _heading_at(tokens, first, vocabulary, questions=True):
    """Where a heading starting at token ``first`` ends: ``(first, sentence_start)`` or None.
    ``questions`` is False when no token ends on a question mark."""
    # "2. Shape the Loaf" and "3 Ways to...": the list number belongs to the heading.
    body = first + 1 if _list_number(tokens[first]) else first
    if body >= len(tokens):
        return None
    # (a question heading ends on a "?": most paragraphs hold none, and need not be asked)
    found = (questions and _question_heading(tokens, body)) or _sentence_case_heading(tokens, body, vocabulary)
    if found is None and not vocabulary.capitalises_nouns:
        found = _title_case_heading(tokens, body, vocabulary, numbered=body > first or tokens[first][0].isdigit())
    if found is None or _sentence_words(tokens, found) < MIN_SENTENCE_WORDS:
        return None
    return first, found


def _title_case_heading(tokens, first, vocabulary, numbered):
    run_end = first
    while run_end < len(tokens) and run_end - first <= MAX_HEADING_WORDS + 4 and _heading_token(tokens[run_end]):
        run_end += 1
    # Lower-case small words belong to the heading only between capitalised words
    # ("Ways to Keep"); trailing ones ("During a long...") are the sentence's.
    while run_end > first and tokens[run_end - 1][0].islower():
        run_end -= 1
    if run_end >= len(tokens) or run_end - first < MIN_HEADING_WORDS + 1:
        return None
    follower = tokens[run_end]
    if follower[0].islower():
        sentence = _sentence_start(tokens, first, run_end, follower, vocabulary)
    elif _is_apposition_name(tokens, run_end, vocabulary):
        # "...Rents Keep Climbing Ana Ruiz, a tenant, said...": the name ends at the comma.
        sentence = _name_start(tokens, first, run_end, vocabulary)
    else:
        return None
    if sentence <= first or (bare(tokens[sentence - 1]), bare(tokens[sentence])) in vocabulary.pairs:
        return None  # never cut a name the page writes mid-sentence ("New Zealand", "Barack Obama")
    heading = tokens[first:sentence]
    if not vocabulary.common(tokens[sentence]) and not (
            _name_may_follow(heading, vocabulary)
            and (bare(follower).casefold() not in reporting_verbs() or _starts_with_name(tokens, sentence, vocabulary))):
        return None
    return sentence if _plausible_heading(heading, vocabulary, numbered) else None


def _name_may_follow(heading, vocabulary):
    """Whether a sentence that starts with a name may follow this heading: not when the
    heading ends on a title that the name belongs to ("Israeli Prime Minister Benjamin |
    Netanyahu"), nor when a two-word "heading" ends on an unknown capitalised word: that is
    the first half of a name ("Haley Lu | Richardson")."""
    if any(bare(w).casefold() in honorifics() for w in heading[-2:]):
        return False
    return len(heading) > 2 or vocabulary.common(heading[-1]) or heading[-1][:1].isdigit()


def _starts_with_name(tokens, sentence, vocabulary):
    """Evidence that a speaker's name opens the sentence rather than the heading's last words:
    a title ("Mayor Janet Okafor said"), a name the page writes mid-sentence, or an apposition
    ("Ana Ruiz, a tenant, said"). Without it, "Shopkeepers on Mill | Lane said" would be cut."""
    word = tokens[sentence]
    if bare(word).casefold() in honorifics() or vocabulary.name(word):
        return True
    return any(_is_apposition_name(tokens, index, vocabulary) for index in range(sentence, min(sentence + 3, len(tokens))))


def _is_apposition_name(tokens, index, vocabulary):
    token = tokens[index]
    return (token.endswith(",") and token[0].isupper() and not vocabulary.common(token)
            and index + 1 < len(tokens) and tokens[index + 1][0].islower())


def _sentence_start(tokens, first, run_end, follower, vocabulary):
    sentence = run_end - 1
    last = tokens[sentence]
    if vocabulary.common(last) and not vocabulary.name(last):
        return sentence  # "...Discussion Significant attention": one common word starts it
    # The next sentence starts with a name: take the name, the second half of a two-word
    # name before a reporting verb ("Janet Okafor said"), and titles like "Mayor".
    if bare(follower).casefold() in reporting_verbs() and sentence - 1 > first and not vocabulary.common(tokens[sentence - 1]):
        sentence -= 1
    return _name_start(tokens, first, sentence, vocabulary)


def _name_start(tokens, first, sentence, vocabulary):
    """Walk back from ``sentence`` over the words of a name and the titles before it."""
    if sentence == first + 1 or not vocabulary.name(tokens[sentence]):
        # An unknown capitalised word right before the comma is the first name ("Ana Ruiz,").
        if sentence - 1 > first and tokens[sentence].endswith(",") and not vocabulary.common(tokens[sentence - 1]):
            sentence -= 1
    while sentence - 1 > first:
        previous = bare(tokens[sentence - 1])
        if vocabulary.name(previous) or previous.casefold() in honorifics():
            sentence -= 1
        else:
            break
    return sentence


def _plausible_heading(words, vocabulary, numbered=False):
    if not MIN_HEADING_WORDS <= len(words) <= MAX_HEADING_WORDS or not _plausible_edges(words):
        return False
    if not all(_WORDCHARS.search(w) or w in "&-–—:/" for w in words):
        return False
    if len(words) == 2 and words[0].casefold() in small_words():
        return False  # "The Old | Mill bridge will close": an article and one word open a name
    if numbered and len(words) >= 3:
        return True  # "3 Ways to Keep Bread Fresh": a list number opens headings, not sentences
    # A heading carries title-cased *common* words ("Guarantees", "Discussion"); a chain of
    # names ("British Prime Minister Keir") is the start of a sentence instead.
    content = [w for w in words if w.casefold() not in small_words()]
    return any(vocabulary.common(w) and not vocabulary.name(w) and not bare(w)[:1].isdigit() for w in content)


def _sentence_case_heading(tokens, first, vocabulary):
    """A heading in sentence case, ended by a capitalised sentence opener in mid-run:
    "Un marché en plein essor Les fabricants...", "Neue Regeln für Mieter Ab Januar gilt..."."""
    if not tokens[first][0].isupper():
        return None
    # (the last token is not visited: with no token after it, it ends the run with None either way)
    last = min(len(tokens) - 2, first + MAX_SENTENCE_CASE_WORDS)
    previous = tokens[first]
    for index in range(first + 1, last + 1):
        token = tokens[index]
        if previous[-1] in _TRAILING_PUNCTUATION or previous[0] in _OPENING or token[0] in _OPENING:
            return None  # the run must be one unpunctuated phrase
        if token[0].isupper() and index - first >= MIN_HEADING_WORDS:
            word = _opening_word(token)
            if word in word_list("sentence_openers") and previous.casefold() not in small_words() \
                    and bare(previous).casefold() not in word_list("title_nouns"):
                following = tokens[index + 1]
                if following[0].islower() and bare(following).casefold() not in small_words():
                    return index if _plausible_sentence_case(tokens[first:index]) else None
                if vocabulary.capitalises_nouns and word in word_list("noun_openers") and following[0].isupper():
                    return index if _plausible_sentence_case(tokens[first:index]) else None
        previous = token
    return None


def _plausible_sentence_case(words):
    return (_plausible_edges(words) and all(_WORDCHARS.search(w) for w in words)
            and not any(w[:1].isdigit() or _INNER_STOP.search(w) for w in words[1:]))


def _plausible_edges(words):
    """A heading neither opens a clause ("When Margaret...", "In 1891 the...") nor ends on a
    small word, a possessive ("Chromium's") or a bare number ("Some PlayStation 4")."""
    first, last = words[0].casefold(), words[-1]
    if first in word_list("clause_openers") or last.casefold() in small_words() or last in "&-–—:/":
        return False
    return not (last.endswith(("'s", "’s")) or last.isdigit())


def _question_heading(tokens, first):
    for end in range(first, min(len(tokens), first + MAX_HEADING_WORDS)):
        token = tokens[end]
        if token.endswith("?"):
            words = tokens[first:end + 1]
            if len(words) < MIN_HEADING_WORDS or end + 1 >= len(tokens):
                return None
            if not all(w[0].isupper() or w[0].isdigit() or w.casefold() in small_words() for w in words):
                return None
            if all(w.isupper() for w in words):
                return None  # "HOW DO YOU NOT MENTION THAT?" is shouting, not a heading
            following = tokens[end + 1]
            if not (following[0].isupper() or following[0] in _OPENING):
                return None
            return end + 1
        if not _heading_token(token):
            return None
    return None


def _sentence_words(tokens, start):
    """Words of the sentence starting at ``start``, counted up to MIN_SENTENCE_WORDS: the only
    question asked is "is it that long", and counting further is quadratic in a paragraph
    without sentence ends."""
    count = 0
    for token in tokens[start:start + MIN_SENTENCE_WORDS]:
        count += 1
        if _ends_sentence(token):
            break
    return count
