"""Screens (scrubber/rules/screens.py) may only skip lines a pattern cannot match as a whole."""

from pathlib import Path

import pytest
import regex

from scrubber.rules import builtin_packs, line_key
from scrubber.rules.screens import (UNBOUNDED, fewer_words_need, fewest_words, first_class, length_bounds,
                                    literal_characters, screens_for, uncaptured)
from scrubber.testing import load_filter_cases

FLAGS = regex.IGNORECASE | regex.V0
FILTER_CASES = Path(__file__).resolve().parent.parent / "fixtures" / "filters"


def _case_lines():
    return (case.input for case in load_filter_cases(FILTER_CASES))


def _passes(screens, key):
    return all(screen.search(key) for screen in screens)


def test_no_builtin_screen_turns_away_a_line_its_pattern_matches():
    rules = [r for p in builtin_packs() for r in p.rules if r.pattern is not None]
    keys = [line_key(line) for line in _case_lines()]
    matched = 0
    for rule in rules:
        screens = screens_for(rule.pattern)
        for key in keys:
            if rule.pattern.fullmatch(key):
                matched += 1
                assert _passes(screens, key), (rule.id, key)
    assert matched > 50


def test_the_slow_catch_all_patterns_get_screens():
    # the patterns that can start like any line of prose are the ones worth screening
    by_id = {r.id: r for p in builtin_packs() for r in p.rules}
    for rule_id in ("bylines/date-line", "bylines/name-then-read-time", "comments/commenter-says"):
        assert screens_for(by_id[rule_id].pattern)


@pytest.mark.parametrize("pattern, line, matches", [
    (r"[\p{L}]+ · \d+ min read", "jane · 4 min read", True),
    (r"[\p{L}]+ · \d+ min read", "jane wrote four lines", False),
    (r"(posted|updated) on \d{4}|(\d+|one) comments?", "one comment", True),
    (r"(posted|updated) on \d{4}|(\d+|one) comments?", "2 comments", True),
    (r"(?:views: )?\d+(?:[.,]\d+)?[km]?", "12.5k", True),
    (r"(?>\d+)\s*likes?", "12 likes", True),
    (r"[#@]\w+( [#@]\w+)*", "#bread @home", True),
    (r"x{2,3}\|y", "xx|y", True),
])
def test_screens_keep_every_matching_line(pattern, line, matches):
    compiled = regex.compile(pattern, FLAGS)
    assert bool(compiled.fullmatch(line)) is matches
    if matches:
        assert _passes(screens_for(compiled), line)


@pytest.mark.parametrize("pattern", [
    r"(\w+) \1",               # a backreference matches what its group matched
    r"(?:colour){e<=1}",       # fuzzy matching accepts other characters
    r"(?i:a)b\d",              # a scoped flag changes what the atoms match
    r"(?x) a \d",              # verbose mode: spaces are not characters
    r"(?P<n>a)(?P=n)\d",
    r"(a)\g<1>\d",
])
def test_syntax_that_breaks_the_reasoning_gets_no_screen(pattern):
    assert screens_for(regex.compile(pattern, FLAGS)) == ()


def test_full_case_folding_gets_no_screen():
    assert screens_for(regex.compile(r"stra(ss|ß)e \d", FLAGS | regex.FULLCASE)) == ()


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
    (r"(posted on )?(\d+/\d+|\d+ \p{L}+ \d+)", (3, ("/",)), ["4/3", "posted on 4/3"]),  # an optional prefix needs nothing
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


# First characters of lines: ASCII, accented and other scripts, digits, symbols and quotes.
FIRST_CHARACTERS = [chr(c) for c in range(32, 127)] + list("éÉßçñøæœ¿¡«»“”‘’·•–—…©®№→↑▲►▼★蔡在我ابдДΩשה한あ①½")


def test_no_builtin_first_class_turns_away_a_character_its_pattern_can_start_with():
    rules = [r for p in builtin_packs() for r in p.rules if r.pattern is not None]
    classes = 0
    for rule in rules:
        first = first_class(rule.pattern)
        if first is None:
            continue
        classes += 1
        for char in FIRST_CHARACTERS:
            if rule.pattern.fullmatch(char, partial=True):
                assert first.fullmatch(char), (rule.id, char)
    assert classes > len(rules) // 2  # most patterns are read


@pytest.mark.parametrize("pattern, starts, not_starts", [
    (r"(read|see)? ?more", "rsm ", "xa"),
    (r"(?=\d)\d+ comments?", "0123456789", "c "),  # a lookahead is read as if it were not there
    (r"[\p{Lu}][\p{L}.'’-]+ says", "aZé", "1 -"),  # with the pattern's IGNORECASE flag
    (r"(#[\w]+ ?){1,20}", "#", "a"),
    (r"\s*(tags|topics)\s*:", "tT \t", ":x"),
])
def test_first_class_is_what_a_match_can_start_with(pattern, starts, not_starts):
    first = first_class(regex.compile(pattern, FLAGS))
    assert all(first.fullmatch(c) for c in starts)
    assert not any(first.fullmatch(c) for c in not_starts)


@pytest.mark.parametrize("pattern", [r"(\w+) \1", r"(?i)home", r".+ ago", r"\{ ?x"])
def test_first_class_gives_up_on_syntax_it_does_not_read(pattern):
    assert first_class(regex.compile(pattern, FLAGS)) is None


def test_literal_screens_find_exactly_the_characters_they_name():
    # every character of the Basic Multilingual Plane: the screens' characters and their
    # look-alikes, letters of every case, the symbols around them
    characters = [chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000]
    literal = 0
    for rule in (r for p in builtin_packs() for r in p.rules if r.pattern is not None):
        for screen in screens_for(rule.pattern):
            found = literal_characters(screen)
            if found is not None:
                literal += 1
                assert [c for c in characters if (screen.search(c) is not None) != (c in found)] == [], rule.id
    assert literal >= 5  # most built-in screens are plain punctuation


@pytest.mark.parametrize("pattern", [r"\d", r"[a-z]", r"[^:]", r"-|ú", r"\w", r".", r"[\d.,]", r":|\s"])
def test_screens_of_classes_or_cased_letters_are_not_literal(pattern):
    assert literal_characters(regex.compile(pattern, FLAGS)) is None


def test_uncaptured_patterns_match_the_lines_their_patterns_match():
    rules = [r for p in builtin_packs() for r in p.rules if r.pattern is not None]
    keys = [line_key(line) for line in _case_lines()]
    keys += [key[:size] for key in keys for size in (1, 2, 3)]
    changed = 0
    for rule in rules:
        plain = uncaptured(rule.pattern)
        changed += plain is not rule.pattern
        assert plain.groups == 0 or plain is rule.pattern, rule.id
        for key in keys:
            assert (rule.pattern.fullmatch(key) is None) == (plain.fullmatch(key) is None), (rule.id, key)
            assert (rule.pattern.fullmatch(key, partial=True) is None) == (plain.fullmatch(key, partial=True) is None)
    assert changed > len(rules) // 2


def test_uncaptured_leaves_classes_escapes_and_special_groups_alone():
    pattern = regex.compile(r"[(]x\((?<=x\()(?P<n>a|b)(?:c)(?=d)d[^)(](e|[)])+", FLAGS)
    plain = uncaptured(pattern)
    assert plain.pattern == r"[(]x\((?<=x\()(?P<n>a|b)(?:c)(?=d)d[^)(](?:e|[)])+"
    assert plain.fullmatch("(x(acdxe)") and not plain.fullmatch("(x(acd(e")
    for source in (r"(a)\1", r"(?i)(a)b", r"(a)(?(1)b|c)", r"[[:alpha:]()]x(y)"):  # beyond the reading: kept
        assert uncaptured(regex.compile(source)).pattern == source
