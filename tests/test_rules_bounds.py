"""Bounds (scrubber/rules/bounds.py) may only pass over lines a pattern cannot match as a whole."""

from pathlib import Path

import pytest
import regex

from scrubber.rules import builtin_packs, line_key
from scrubber.rules.bounds import UNBOUNDED, fewer_words_need, fewest_words, length_bounds
from scrubber.testing import load_filter_cases

FLAGS = regex.IGNORECASE | regex.V0
FILTER_CASES = Path(__file__).resolve().parent.parent / "fixtures" / "filters"


def _case_lines():
    return (case.input for case in load_filter_cases(FILTER_CASES))


def test_no_builtin_pattern_matches_a_line_of_fewer_words_than_fewest_words_says():
    rules = [r for p in builtin_packs() for r in p.rules if r.pattern is not None]
    keys = [line_key(line) for line in _case_lines()]
    matched = cut = 0
    for rule in rules:
        fewest = fewest_words(rule.pattern)
        cut += fewest > 1
        for key in keys:
            if rule.pattern.fullmatch(key):
                matched += 1
                assert key.count(" ") + 1 >= fewest, (rule.id, key)
    assert matched > 50 and cut > 20  # (most chrome patterns need a space: the bound is worth reading)


@pytest.mark.parametrize("pattern, fewest, line", [
    (r"leave a (reply|comment)", 3, "leave a reply"),
    (r"\p{L}+\.?\s+\d{1,2},?\s+\d{4}", 3, "march 4, 2025"),
    (r"(\d+ )?comments?", 1, "comments"),             # an optional space is no space
    (r"(read|see)\s*more", 1, "readmore"),               # nor is a space repeated from zero
    (r"(a b|c d e)\ f", 3, "a b f"),                     # the shorter branch, and an escaped space
    (r"(x ){2,}y", 3, "x x y"),                          # a group repeated at least twice
    (r"[\s,]+tags(?= )", 1, ",tags"),                    # a class with more than spaces; a lookahead consumes nothing
    (r"(?x) a b", 1, "ab"),                              # verbose mode: spaces are not characters
])
def test_fewest_words_counts_only_spaces_every_match_consumes(pattern, fewest, line):
    compiled = regex.compile(pattern, FLAGS)
    assert fewest_words(compiled) == fewest
    if "(?=" not in pattern:
        assert compiled.fullmatch(line) and line.count(" ") + 1 == fewest


def _holds_what_its_words_need(need, key):
    return need is None or key.count(" ") + 1 >= need[0] or any(c in key for c in need[1])


def test_no_builtin_pattern_matches_a_line_of_few_words_without_the_character_they_need():
    rules = [r for p in builtin_packs() for r in p.rules if r.pattern is not None]
    keys = [line_key(line) for line in _case_lines()]
    keys += ["04.03.2025", "4/3/25", "2025-03-04", "posted on 04.03.2025", "tags: bread", "tags:bread"]
    matched = needing = 0
    for rule in rules:
        need = fewer_words_need(rule.pattern)
        needing += need is not None
        for key in keys:
            if rule.pattern.fullmatch(key):
                matched += 1
                assert _holds_what_its_words_need(need, key), (rule.id, key)
    assert matched > 50 and needing >= 3  # (the date, time and tag patterns at least)


@pytest.mark.parametrize("pattern, need, lines", [
    # a date of three words, or of one with a dot, slash or dash in it
    (r"\d{1,2}\s+\p{L}+\s+\d{4}|\d{1,2}[./-]\d{1,2}[./-]\d{4}", (3, ("-", ".", "/")),
     ["4 march 2025", "04.03.2025", "4-3-2025"]),
    (r"(tags?|topics)\s*:|tagged\s", (2, (":",)), ["tags:", "tagged "]),
    # an optional prefix needs nothing
    (r"(posted on )?(\d+/\d+|\d+ \p{L}+ \d+)", (3, ("/",)), ["4/3", "posted on 4/3"]),
    (r"a(\.| )b", (2, (".",)), ["a.b", "a b"]),                  # an escaped character
    (r"x[,;]y|x y z", (3, (",", ";")), ["x,y", "x;y", "x y z"]),   # a class of plain characters
    (r"x\wy|x y", None, ["x_y", "x y"]),                         # a class of many: nothing to look for
    (r"x[a-c]y|x y", None, ["xby", "x y"]),                       # a range, and letters, have cases
    (r"read more", None, ["read more"]),                         # one way: fewest_words says it all
    (r"x-y|x y|x:y|x;y|x,y|x/y", (2, (",", "-", "/", ":", ";")), ["x-y", "x y"]),  # ways of one space or none
])
def test_fewer_words_need_the_characters_of_the_ways_of_fewer_spaces(pattern, need, lines):
    compiled = regex.compile(pattern, FLAGS)
    assert fewer_words_need(compiled) == need
    for line in lines:
        assert compiled.fullmatch(line) and _holds_what_its_words_need(need, line)


def test_too_many_ways_are_merged():
    # six ways of no space, each needing its own character: more than MAX_WAYS, so read as one
    # needing any of their characters ...
    compiled = regex.compile(r"(a-|b:|c;|d,|e/|f\.)z|x y", FLAGS)
    assert fewer_words_need(compiled) == (2, (",", "-", ".", "/", ":", ";")) and compiled.fullmatch("f.z")
    # ... unless they are too many characters to look for
    compiled = regex.compile(r"[-:;,/.!?]z|[#&*+=~]z|a@z|b%z|c\$z|x y", FLAGS)
    assert fewer_words_need(compiled) is None and compiled.fullmatch("#z")


def test_no_builtin_pattern_matches_a_line_outside_its_length_bounds():
    rules = [r for p in builtin_packs() for r in p.rules if r.pattern is not None]
    keys = [line_key(line) for line in _case_lines()]
    matched = bounded = 0
    for rule in rules:
        shortest, longest = length_bounds(rule.pattern)
        bounded += longest < UNBOUNDED
        for key in keys:
            if rule.pattern.fullmatch(key):
                matched += 1
                assert shortest <= len(key) <= longest, (rule.id, key)
    assert matched > 50 and bounded > 20


@pytest.mark.parametrize("pattern, bounds, lines", [
    (r"leave a (reply|comment)", (13, 15), ["leave a reply", "leave a comment"]),
    (r"(\d{1,3} )?comments?", (7, 12), ["comment", "123 comments"]),
    (r"share on \w+", (10, UNBOUNDED), ["share on x"]),
    (r"(?=\d)\d[.]?\b", (1, 2), ["4"]),               # lookaheads and word edges are zero-width
    (r"(?>a|bc){2}", (2, 4), ["aa", "bcbc"]),            # an atomic group repeated
    (r"\X", (0, UNBOUNDED), ["e\u0301"]),              # a grapheme cluster: several characters
    (r"stra(ss|ß)e", (6, 7), ["strasse", "straße"]),
])
def test_length_bounds_hold_the_matches_of_a_pattern(pattern, bounds, lines):
    compiled = regex.compile(pattern, FLAGS)
    assert length_bounds(compiled) == bounds
    for line in lines:
        assert compiled.fullmatch(line) and bounds[0] <= len(line) <= bounds[1]


def test_full_case_folding_gets_no_length_bounds():
    # "straße" matches "STRASSE" when folded in full: one atom, two characters
    assert length_bounds(regex.compile(r"straße", FLAGS | regex.FULLCASE)) == (0, UNBOUNDED)
