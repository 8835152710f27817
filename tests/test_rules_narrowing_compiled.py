"""The narrowing of a slot's patterns by a new line start (Slot.possible, _may_start_all,
Alphabet.fold, walk_heads, fold_end) and the loop over a page's lines that runs it
(answer_each) give in C what their Python twins give, on lines no earlier line started like:
other scripts, CJK lines each starting with a new character, characters that fold oddly, and
user packs whose patterns run with a timeout."""

from contextlib import nullcontext

import pytest
import regex

from scrubber.rules import RuleSet, builtin_packs, heads, line_key, matching, slots
from scrubber.rules.model import Pack, Rule
from scrubber.source.html import compiled
from scrubber.source.html.compiled import python_walks

pytestmark = pytest.mark.skipif(compiled.walk is None, reason="the compiled walks are not built")

FLAGS = regex.IGNORECASE | regex.V0
# Line starts and ends of several scripts, with characters that fold to ASCII letters (the
# Kelvin sign, long s, dotted capital I), that match pattern characters of two folds (ß, ẞ),
# digits beyond ASCII, astral characters and lines shorter than a prefix.
LINES = ["Read more", "read on", "12 Comments", "One comment", "Leave a Reply", "Jane says:", "Page 2 of 14",
         "Posted on March 4, 2025 by Ann Lee", "\u212aelvin reply", "\u017fhare this", "\u0130stanbul news",
         "ßa", "ẞb", "Straße", "жук и пчела", "Жук", "Поделиться", "Ответить", "Комментарии (3)", "٣ تعليقات",
         "Page \u0663 of \u0661\u0664", "\U0001f600 reply", "\U0001f600", "中", "a", "ab", "", "12", "x1 ", "é",
         "Ünd so", "Çok güzel", "ñandú", "Ελληνικά σχόλια", "δ", "한국어 댓글", "ありがとう", "コメント 3件",
         "comments (3)", "share on facebook", "© 2024 acme inc. all rights reserved"]
# CJK lines, each starting with a character no other line starts with.
CJK = [chr(0x4E00 + 37 * i) + "文评论" + str(i) for i in range(60)] + [chr(0x3041 + i) + "ページ" for i in range(40)]
KEYS = [line_key(line) for line in LINES + CJK] + ["ßa", "ẞb", "ẞa", "Kelvin x"]  # (and some not folded)
# A user's patterns: new characters for the alphabets, a class-led pattern, one slow enough to
# time out on a long line of "a"s.
USER_RULES = (
    Rule(id="mine/beetle", action="drop", pack="mine", pattern=regex.compile(r"жук( и пчела)?", FLAGS)),
    Rule(id="mine/sharp", action="drop", pack="mine", pattern=regex.compile(r"(ßa|ẞb)", FLAGS)),
    Rule(id="mine/kelvin", action="drop", pack="mine", pattern=regex.compile(r"\u212aelvin \w+", FLAGS)),
    Rule(id="mine/count", action="drop", pack="mine", pattern=regex.compile(r"\d+ (件|条评论|comments?)", FLAGS)),
    Rule(id="mine/cjk", action="drop", pack="mine", pattern=regex.compile(r"[\p{Han}]文评论\d+", FLAGS)),
    Rule(id="mine/slow", action="drop", pack="mine", pattern=regex.compile(r"(a|aa)+b", regex.V0)),
)


def _packs(builtin: bool):
    return builtin_packs() + (Pack("mine", rules=USER_RULES, stage="site_rules", builtin=builtin),)


def _fresh_rules(packs, timeout=0.05):
    """A RuleSet whose index no other RuleSet shares: its slots have learnt nothing yet."""
    matching._INDEXES.clear()
    slots._STARTS.clear()
    return RuleSet(packs, regex_timeout=timeout)


def _described(found):
    most_words, entries = found
    return most_words, [(entry[0].id, entry[5], entry[7].pattern) for entry in entries]


def test_the_compiled_constants_are_those_of_scrubber_rules():
    from scrubber.rules.heads import HEAD_CHARS

    names = {"HEAD_CHARS": HEAD_CHARS, "PARTIAL_MAX_CHARS": slots.PARTIAL_MAX_CHARS,
             "MAX_CACHED_STARTS": slots.MAX_CACHED_STARTS, "MAX_CACHED_PREFIXES": slots.MAX_CACHED_PREFIXES,
             "MAX_FOLDED_ENDS": slots.MAX_FOLDED_ENDS, "TRUSTED_MAX_CHARS": matching.TRUSTED_MAX_CHARS,
             "PREFIX_STEPS": slots.PREFIX_STEPS}
    assert compiled.walk.rule_constants() == names


def test_folding_a_line_start_or_end_gives_what_the_alphabet_gives():
    RuleSet(_packs(True))  # the user's characters learnt by the alphabets
    texts = {text for key in KEYS for text in (key[:1], key[:2], key[:3], key[-3:], key[-3:][::-1])}
    texts |= {"ßk", "\u212ak", "kx", "ǅ", "ﬁ", "ΐ", "\U0001d400ab", "x" * 12, "ß" * 9}
    assert heads._ALPHABETS
    for alphabet in heads._ALPHABETS.values():
        for text in sorted(texts):
            assert compiled.walk.fold(alphabet, text) == alphabet.fold(text), text
            assert (compiled.walk.fold(alphabet, text) is heads.AMBIGUOUS) == (alphabet.fold(text) is heads.AMBIGUOUS)


def test_a_line_end_is_folded_and_remembered_as_fold_end_does():
    rules = RuleSet(_packs(True))
    ends = {entry[8][1]: entry[8] for slot in rules._slots.values() for entry in slot.entries if entry[8] is not None}
    assert ends
    for found in ends.values():
        python_ends, compiled_ends = ({}, *found[1:]), ({}, *found[1:])
        for key in KEYS:
            end = key[-3:]
            assert compiled.walk.fold_end(compiled_ends, end) == slots.fold_end(python_ends, end), end
        assert list(compiled_ends[0].items()) == list(python_ends[0].items())


def test_heads_with_classes_are_walked_as_walk_heads_walks_them():
    rules = RuleSet(_packs(True))
    walked = {id(entry[6]): entry[6] for slot in rules._slots.values() for entry in slot.entries
              if entry[6] is not None and entry[6][3] is not None}
    assert len(walked) > 3
    starts = {key[:size] for key in KEYS for size in (0, 1, 2, 3)} | {"1 ", "12", "٣ ", "\u212a", "\u017fo"}
    for found in walked.values():
        for prefix in sorted(starts):
            assert compiled.walk.walk_heads(found, prefix) == heads.walk_heads(found, prefix), prefix


@pytest.mark.parametrize("builtin", [True, False])
def test_a_new_line_start_narrows_each_slot_as_the_python_slot_does(builtin):
    keys = KEYS + [key + " and so on" for key in KEYS[:20]]
    found = {}
    for walk in ("compiled", "python"):
        rules = _fresh_rules(_packs(builtin))
        with (python_walks() if walk == "python" else nullcontext()):
            found[walk] = [(place, _described(slot.possible(key, rules.regex_timeout)))
                           for place, slot in sorted(rules._slots.items()) for key in keys]
            found[walk + " caches"] = [(list(slot._by_prefix), list(slot._shorter)) for slot in rules._slots.values()]
            found[walk + " starts"] = {prefix: len(starts) for prefix, starts in slots._STARTS.items()}
    assert found["compiled"] == found["python"]
    assert found["compiled caches"] == found["python caches"]
    assert found["compiled starts"] == found["python starts"]


@pytest.mark.parametrize("builtin", [True, False])
def test_a_page_of_new_line_starts_gets_the_answers_of_the_python_loop(builtin):
    # lines of every length around the limits: remembered across pages or not, matched with
    # or without a timeout (TRUSTED_MAX_CHARS), paragraphs turned away unread
    keys = KEYS + [key + " and more" * 7 for key in KEYS[::3]] + ["a" * 40 + " b", "a" * 80 + "b"]
    keys += ["12 comments " + "x" * 300, "read more " + "y " * 160, "中文评论" * 90] + KEYS[::5]
    answers = {}
    for walk in ("compiled", "python"):
        rules = _fresh_rules(_packs(builtin), timeout=0.001)
        with (python_walks() if walk == "python" else nullcontext()):
            found = rules.match_each(keys)
            answers[walk] = [rule and rule.id for rule in found]
            # each stage's slot, after the slot of all stages answered (or not: a new RuleSet)
            answers[walk + " stages"] = []
            for again in (rules, _fresh_rules(_packs(builtin), timeout=0.001)):
                answers[walk + " stages"] += [rule and rule.id for (stage, action) in sorted(again._slots)
                                              for key in keys for rule in [again.match(key, action, stage)]]
    assert answers["compiled"] == answers["python"]
    assert answers["compiled stages"] == answers["python stages"]
    assert {"mine/beetle", "mine/count"} <= set(answers["compiled stages"])
    assert {"mine/beetle", "mine/sharp", "mine/cjk"} <= set(answers["compiled"])

