"""Heads (scrubber/rules/heads.py) may only pass over patterns that cannot start like a line."""

from pathlib import Path

import regex

from scrubber.rules import RuleSet, builtin_packs, line_key
from scrubber.rules.heads import AMBIGUOUS, HEAD_CHARS, NO_FOLD, Alphabet, allows, ends_for, heads_for
from scrubber.rules.model import Pack, Rule
from scrubber.testing import load_filter_cases

FLAGS = regex.IGNORECASE | regex.V0
FILTER_CASES = Path(__file__).resolve().parent.parent / "fixtures" / "filters"
# Characters whose case variants fold in unusual ways: the Kelvin sign, the long s, the dotted
# and dotless i, the capital sharp s, the final sigma.
ODD_CASES = "\u212a\u017fİıẞßςΣ"


def _case_lines():
    return (case.input for case in load_filter_cases(FILTER_CASES))


def _may_start(pattern, prefix):
    return pattern.fullmatch(prefix, partial=True) is not None


def test_builtin_heads_allow_every_start_regex_allows():
    patterns = [r.pattern for p in builtin_packs() for r in p.rules if r.pattern is not None]
    with_heads = [(p, heads_for(p)) for p in patterns if heads_for(p) is not None]
    assert any(found[2] for _, found in with_heads)  # some have stems
    assert any(found[3] for _, found in with_heads)  # some (those starting with one) have classes in their heads
    assert len(with_heads) > len(patterns) * 0.9  # nearly all built-in patterns are read
    chars = sorted({c for p in patterns for c in p.pattern} | {c.upper() for p in patterns for c in p.pattern
                                                               if len(c.upper()) == 1} | set(ODD_CASES))
    starts = {line_key(line)[:size] for line in _case_lines() for size in range(HEAD_CHARS + 1)}
    starts |= {line[:HEAD_CHARS] for line in _case_lines()} | set(chars) | {a + b for a in chars for b in "aes :1»"}
    allowed = 0
    for pattern, found in with_heads:
        for start in starts:
            if _may_start(pattern, start):
                allowed += 1
                assert allows(found, start), (pattern.pattern, start)
    assert allowed > 1000


def test_heads_list_the_starts_of_alternatives_repeats_and_optional_pieces():
    _, heads, stems, _ = heads_for(regex.compile(r"(- ?)?(ad|ads)|(ha){2,}!?", FLAGS))
    assert {"ad", "ads", "hah", "- a", "-ad"} <= heads and not {"ah", "ha!", "--"} & heads and stems == ()
    _, heads, _, _ = heads_for(regex.compile(r"[›»] ?next", FLAGS))
    assert {"›", "» n", "»ne"} <= heads


def test_a_class_ends_a_head_and_any_line_may_go_on_from_there():
    found = heads_for(regex.compile(r"(-\s*)?(advert|ad)|page \d+|p\.?\d+", FLAGS))
    assert found[2] == ("-", "p", "p.")
    starts = ["-\t", "- a", "adv", "page", "p.1", "p7x", "pag", "pa", "ax", "qp", "a-"]
    assert [allows(found, s) for s in starts] == [True] * 8 + [False] * 3


def test_patterns_starting_with_a_class_are_narrowed_by_their_heads():
    for source, start, other in ((r"\d+ comments", "12 ", "the"), (r"\s*x", "  x", "y"),
                                 (r"(\d+|one) reply", "one", "on "), (r"[0-9]+ views", "9 v", "9v"),
                                 (r"[a-z]+ says", "al ", "1al"), (r".{1,5}x", "abc", "\n")):
        found = heads_for(regex.compile(source, FLAGS))
        assert (allows(found, start), allows(found, other)) == (True, False), source


def test_ends_allow_every_line_end_regex_allows():
    patterns = [r.pattern for p in builtin_packs() for r in p.rules if r.pattern is not None]
    with_ends = [(p, ends_for(p)) for p in patterns if ends_for(p) is not None]
    assert len(with_ends) > len(patterns) * 0.9
    keys = {line_key(line) for line in _case_lines()}
    checked = 0
    for pattern, found in with_ends:
        reversed_pattern = regex.compile("(?r)" + pattern.pattern, pattern.flags)
        for key in keys:
            for size in range(1, HEAD_CHARS + 1):
                if reversed_pattern.fullmatch(key[-size:], partial=True) is not None:
                    checked += 1
                    assert allows(found, key[-size:][::-1]), (pattern.pattern, key)
    assert checked > 1000


def test_ends_turn_away_lines_ending_like_prose():
    found = ends_for(regex.compile(r"(\d+|one|no) comments?|leave a reply\.?|[\p{L} ]+ says:", FLAGS))
    ends = ["3 comments", "no comment", "leave a reply.", "anna says:", "comments are closed", "it says so"]
    assert [allows(found, end[::-1]) for end in ends] == [True] * 4 + [False] * 2


def test_a_line_character_matching_pattern_characters_of_two_folds_is_ambiguous():
    alphabet = Alphabet(FLAGS)
    assert alphabet.fold("k") == NO_FOLD  # nothing learnt yet
    alphabet.learn("ßẞk")  # ß and ẞ match each other, but do not fold alike
    assert alphabet.fold("ß") is AMBIGUOUS
    assert alphabet.fold("\u212ak") == "kk"  # the Kelvin sign matches k
    assert alphabet.fold("kx") == "k" + NO_FOLD  # x matches no pattern character


def test_user_patterns_with_new_characters_are_matched_after_lines_were_folded():
    RuleSet(builtin_packs()).match_each(["жук и пчела", "ẞb", "kelvin"])  # folded before the users' packs
    beetle = Rule(id="mine/beetle", action="drop", pack="mine", pattern=regex.compile(r"жук( и пчела)?", FLAGS))
    sharp = Rule(id="mine/sharp", action="drop", pack="mine", pattern=regex.compile(r"(ßa|ẞb)", FLAGS))
    kelvin = Rule(id="mine/kelvin", action="drop", pack="mine", pattern=regex.compile(r"\u212aelvin", FLAGS))
    for builtin in (False, True):
        packs = builtin_packs() + (Pack("mine", rules=(beetle, sharp, kelvin), builtin=builtin),)
        keys = ["жук и пчела", "жук", "жуки", "ßb", "ẞa", "kelvin", "kelvins"]
        assert RuleSet(packs).match_each(keys) == [beetle, beetle, None, sharp, sharp, kelvin, None]
        assert [RuleSet(packs).match(key) for key in keys] == [beetle, beetle, None, sharp, sharp, kelvin, None]


def test_a_line_is_tried_only_against_patterns_its_first_characters_allow():
    more = Rule(id="mine/read-more", action="drop", pack="mine", pattern=regex.compile(r"read (more|on)\.?", FLAGS))
    mode = Rule(id="mine/reader-mode", action="drop", pack="mine", pattern=regex.compile(r"reader \w+", FLAGS))
    for builtin in (False, True):
        rules = RuleSet([Pack("mine", rules=(more, mode), builtin=builtin)])
        keys = ["read more", "READ ON.", "reader view", "Reader Mode", "reads more", "read  more", "rea"]
        assert [rules.match(key) for key in keys] == [more, more, mode, mode, None, None, None]


def test_narrowing_by_line_start_never_hides_a_matching_built_in_pattern():
    # The slots narrow a line's patterns by its start without a call per pattern
    # (slots._may_start_all, which writes heads.allows out): whatever the narrowing, a line that
    # a built-in pattern matches within its word limit gets an answer from RuleSet.match.
    from scrubber.rules.matching import MAX_RULE_WORDS

    packs = builtin_packs()
    rules = RuleSet(packs)
    keys = {line_key(line) for line in _case_lines()}
    checked = 0
    for pack in packs:
        for rule in pack.rules:
            if rule.pattern is None:
                continue
            most_words = min(rule.max_words or MAX_RULE_WORDS, MAX_RULE_WORDS)
            for key in keys:
                if key.count(" ") < most_words and rule.pattern.fullmatch(key):
                    checked += 1
                    assert rules.match(key, rule.action, pack.stage) is not None, (rule.id, key)
    assert checked > 100


def test_building_the_rule_index_compiles_each_alphabets_folds_about_once():
    # The index reads every pattern's heads and tails before it folds any line end: an alphabet
    # recompiles its folds at the first fold after learning new characters, and reading the
    # patterns one after the other made that some 26 compiles of a growing pattern at the
    # start of every process. (A fresh process: the caches of this one know the patterns.)
    import subprocess
    import sys

    script = (
        "from scrubber.rules import heads, RuleSet, builtin_packs\n"
        "restarts = []\n"
        "original = heads.Alphabet._restart\n"
        "heads.Alphabet._restart = lambda self: restarts.append(self) or original(self)\n"
        "RuleSet(builtin_packs())\n"
        "print(len(restarts), len(set(map(id, restarts))))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    restarts, alphabets = map(int, done.stdout.split())
    assert 1 <= restarts <= 2 * alphabets
