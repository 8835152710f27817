"""The loop over a line's possible patterns (slots.first_pattern and its compiled twin) answers
as a naive loop over every rule would, in both its Python and C forms."""

import random
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from scrubber.rules import RuleSet, builtin_packs, line_key
from scrubber.rules.matching import MAX_RULE_WORDS
from scrubber.rules.safety import parse_pattern
from scrubber.source.html import compiled
from scrubber.source.html.compiled import python_walks
from scrubber.testing import load_filter_cases

FLAGS = regex.IGNORECASE | regex.V0
FILTER_CASES = Path(__file__).resolve().parent.parent / "fixtures" / "filters"
PATTERN_RULES = [r for p in builtin_packs() for r in p.rules if r.pattern is not None]
# Characters a class of a pattern is tried against when a line is made from the pattern: letters
# of several scripts and cases (the Kelvin sign and long s fold to ASCII letters), digits, marks.
PROBES = "abcdeklmnosxyzABKSZ0123456789 .,:;!?'’-–—/|·•«»()[]#@&*©éÉüÜßẞçñøÆжЖ中٣\u212a\u017f\u0130\u0131"


def _prose_and_chrome():
    lines = [case.input for case in load_filter_cases(FILTER_CASES)]
    lines += ["12 Comments", "One comment", "Leave a Reply", "Be the first to comment!", "Share on Facebook",
              "Accept all cookies", "We use cookies", "Posted on March 4, 2025 by Ann Lee", "Page 2 of 14",
              "Read more", "Jane says:", "3 min read", "the comment he made was fair", "Reply", "REPLY",
              "The Kelvin scale (\u212a) starts at zero", "Ko\u017fmos reply", "th\u0130s one", "a report",
              # a \d screen on ASCII lines with and without digits, and on digits beyond ASCII
              "Posted on March four by Ann Lee", "Page \u0663 of \u0661\u0664", "Posted on March \u0664, 2025"]
    return [line_key(line) for line in lines]


def _made_from(node, rng: random.Random) -> str:
    """A line the pattern read by ``parse_pattern`` may match: each plain character in a random
    case, each class as a probe character it matches (lookarounds read as matching nothing)."""
    kind = node.kind
    if kind == "anchor":
        return ""
    if kind == "atom":
        try:
            atom = regex.compile(node.text, FLAGS)
        except regex.error:
            return rng.choice(PROBES)
        fitting = [c for c in PROBES if atom.fullmatch(c)]
        if node.text[:1] not in "\\[." and len(node.text) == 1:
            fitting.append(node.text)
        char = rng.choice(fitting or PROBES)
        return char.upper() if rng.random() < 0.3 else char
    if kind == "group":
        return _made_from(node.items[0], rng)
    if kind == "alt":
        return _made_from(rng.choice(node.items), rng)
    if kind == "repeat":
        high = node.low + 3 if node.high is None else min(node.high, node.low + 3)
        return "".join(_made_from(node.items[0], rng) for _ in range(rng.randint(node.low, high)))
    return "".join(_made_from(item, rng) for item in node.items)


def _first_match_of_each(rules, keys):
    slot = rules._slots[("*", "drop")]  # the slot of all stages: asked directly, no answer remembered
    return [rules._first_match(key, slot) for key in keys]


def _naive_first_match(rules, key):
    """The first drop rule matching the line key, found without slots, screens or literals."""
    for pack in rules.packs:
        for rule in pack.rules:
            if rule.action == "drop" and rule.text is not None and rule.text == key:
                return rule
    words = key.count(" ") + 1
    for pack in rules.packs:
        for rule in pack.rules:
            if rule.action == "drop" and rule.pattern is not None \
                    and words <= min(rule.max_words or MAX_RULE_WORDS, MAX_RULE_WORDS) and rule.pattern.fullmatch(key):
                return rule
    return None


@settings(max_examples=20, deadline=None)
@given(st.integers(0, 2**32))
def test_matching_answers_as_a_naive_loop_over_every_rule_would(seed):
    rng = random.Random(seed)
    rules = RuleSet(builtin_packs())
    lines = _prose_and_chrome()
    keys = [line_key(_made_from(parse_pattern(rng.choice(PATTERN_RULES).pattern.pattern), rng)) for _ in range(30)]
    keys += rng.sample(lines, 30)
    want = [_naive_first_match(rules, key) for key in keys]
    assert _first_match_of_each(rules, keys) == want
    with python_walks():
        assert _first_match_of_each(rules, keys) == want


@pytest.mark.skipif(compiled.walk is None, reason="the compiled walks are not built")
def test_the_compiled_pattern_loop_returns_the_place_the_python_loop_returns():
    from scrubber.rules.slots import first_pattern

    rules = RuleSet(builtin_packs())
    slot = rules._slots[("*", "drop")]
    for key in _prose_and_chrome():
        words = key.count(" ") + 1
        possible = slot.possible(key, 0.05)[1]
        for failed in (-1, 5):
            for short in (True, False):
                args = (possible, key, key[-3:], words, failed, short)
                at_python = [first_pattern(*args, start) for start in range(len(possible) + 1)]
                at_compiled = [compiled.walk.first_pattern(*args, start) for start in range(len(possible) + 1)]
                assert at_compiled == at_python, key


@settings(max_examples=10, deadline=None)
@given(st.integers(0, 2**32))
def test_the_loop_over_a_pages_new_lines_answers_as_the_naive_loop_in_both_forms(seed):
    # lines of every length around the limits (a line end shorter than HEAD_CHARS, a line
    # remembered across pages or not, a paragraph), in three widths of string, some twice
    from scrubber.rules.matching import REMEMBERED_MAX_CHARS

    rng = random.Random(seed)
    lines = _prose_and_chrome()
    keys = [line_key(_made_from(parse_pattern(rng.choice(PATTERN_RULES).pattern.pattern), rng)) for _ in range(20)]
    keys += rng.sample(lines, 20) + ["", "a", "ab", "中", "\U0001f600 reply", "x" * REMEMBERED_MAX_CHARS]
    keys += [key + " and more" * rng.randint(1, 12) for key in rng.sample(keys, 10)]
    keys += rng.sample(keys, 10)
    walks = [compiled.walk] if compiled.walk is not None else []
    for walk in walks + [None]:
        rules = RuleSet(builtin_packs())
        rules._slots[("*", "drop")].answers.clear()  # (shared by every page of these packs)
        want = [_naive_first_match(rules, key) for key in keys]
        if walk is None:
            with python_walks():
                assert rules.match_each(keys) == want
        else:
            assert rules.match_each(keys) == want


@pytest.mark.skipif(compiled.walk is None, reason="the compiled walks are not built")
def test_the_compiled_narrowing_by_line_start_keeps_the_patterns_the_python_one_keeps():
    from scrubber.rules import slots

    rules = RuleSet(builtin_packs())
    entries = rules._slots[("*", "drop")].entries
    starts = {key[:size] for key in _prose_and_chrome() for size in (1, 2, 3)} | {"\u212a", "\u017fo", "\u0130", "中文", "٣"}
    for prefix in sorted(starts):
        slots._STARTS.clear()  # (what one of them learns, the other would read)
        want = slots._may_start_all(entries, prefix, 0.05)
        slots._STARTS.clear()
        assert compiled.walk.may_start_all(entries, prefix, 0.05) == want, prefix
        assert compiled.walk.may_start_all(want, prefix, 0.05) == want, prefix
