"""RuleSet.match: which lines a rule can see (whole lines only, patterns only on short ones)."""

import regex

from scrubber.rules import RuleSet
from scrubber.rules.matching import MAX_RULE_WORDS
from scrubber.rules.model import Pack, Rule


def _pack(*rules, stage="site_rules"):
    return Pack("mine", rules=rules, stage=stage)


def test_text_rule_matches_a_line_of_any_length():
    words = " ".join(["word"] * (MAX_RULE_WORDS + 5))
    rule = Rule(id="mine/long", action="drop", pack="mine", text=words)
    rules = RuleSet([_pack(rule)])
    assert rules.match(words) is rule
    assert rules.match(words + " more") is None


def test_pattern_sees_lines_up_to_its_word_limit():
    rule = Rule(id="mine/words", action="drop", pack="mine", pattern=regex.compile(r"(\w+ ?)+"), max_words=5)
    rules = RuleSet([_pack(rule)])
    assert rules.match("one two three four five") is rule
    assert rules.match("one two three four five six") is None


def test_pattern_without_a_limit_sees_lines_up_to_max_rule_words():
    rule = Rule(id="mine/any", action="drop", pack="mine", pattern=regex.compile(r"(\w+ ?)+"))
    rules = RuleSet([_pack(rule)])
    assert rules.match(" ".join(["w"] * MAX_RULE_WORDS)) is rule
    assert rules.match(" ".join(["w"] * (MAX_RULE_WORDS + 1))) is None


def test_long_line_is_judged_by_the_rules_of_its_own_stage_and_action():
    text = Rule(id="mine/para", action="cut_after", pack="mine", text=" ".join(["x"] * 50))
    pattern = Rule(id="mine/short", action="cut_after", pack="mine", pattern=regex.compile(r"[x ]+"), max_words=3)
    rules = RuleSet([_pack(text, pattern, stage="article_end")])
    assert rules.match(" ".join(["x"] * 50), "cut_after") is text
    assert rules.match(" ".join(["x"] * 3), "cut_after", "article_end") is pattern
    assert rules.match(" ".join(["x"] * 50), "drop") is None


def test_match_each_answers_as_match_does_line_by_line():
    from scrubber.rules import builtin_packs

    mine = Rule(id="mine/crumbs", action="drop", pack="mine", pattern=regex.compile(r"crumbs? \d+"))
    keys = ["top of page", "bread rises overnight", "crumbs 12", "top of page", "x " * 70, "privacy policy",
            "crumbs " + "9" * 70, "a long line of a few words, " + "z" * 60]  # long lines, not paragraphs
    for packs in (builtin_packs(), builtin_packs() + (_pack(mine),)):  # patterns all built-in, or one user's
        rules = RuleSet(packs)
        expected = [rules.match(key) for key in keys]
        assert RuleSet(packs).match_each(keys) == expected
        assert expected[0] is not None and expected[1] is None
    assert RuleSet([_pack(mine)]).match_each(keys, "cut_before") == [None] * len(keys)


def test_a_stage_answers_with_its_own_rule_when_another_stage_matches_first():
    first = Rule(id="early/any-sale", action="drop", pack="early", pattern=regex.compile(r"(big|small) sale"))
    own = Rule(id="late/big-sale", action="drop", pack="late", pattern=regex.compile(r"big sale"))
    packs = [Pack("early", rules=(first,), stage="early"), Pack("late", rules=(own,), stage="late")]
    for builtin in (False, True):
        packs = [Pack(p.name, rules=p.rules, stage=p.stage, builtin=builtin) for p in packs]
        rules = RuleSet(packs)
        assert rules.match_each(["big sale", "small sale", "no sale"]) == [first, first, None]  # all stages first
        assert rules.match("big sale", "drop", "late") is own
        assert rules.match("small sale", "drop", "late") is None
        assert rules.match("no sale", "drop", "late") is None
        assert rules.match("big sale", "drop", "early") is first


def test_a_sentence_longer_than_the_patterns_starting_like_it_is_not_matched():
    short = Rule(id="mine/share", action="drop", pack="mine", pattern=regex.compile(r"share (this|on) \w+"), max_words=3)
    rules = RuleSet([_pack(short)])
    assert rules.match("share on mastodon") is short
    assert rules.match("share this with everyone who asked about the recipe") is None


def test_screened_patterns_see_only_lines_holding_their_characters():
    question = Rule(id="mine/question", action="drop", pack="mine", pattern=regex.compile(r"[\w ]+\?"))
    arrows = Rule(id="mine/arrows", action="drop", pack="mine", pattern=regex.compile(r"next [›»>]"))
    rules = RuleSet([_pack(question, arrows)])
    assert [rules.match(k) for k in ("any questions?", "any questions", "next »", "next >", "next")] == \
        [question, None, arrows, arrows, None]


def test_a_stage_tries_its_patterns_before_and_after_the_first_match_of_all_stages():
    tiny = Rule(id="a/tiny-sale", action="drop", pack="a", pattern=regex.compile(r"tiny sale"))
    any_sale = Rule(id="b/any-sale", action="drop", pack="b", pattern=regex.compile(r"(big|small|huge) sale"))
    big = Rule(id="c/big-sale", action="drop", pack="c", pattern=regex.compile(r"(big|tiny) sale"))
    huge = Rule(id="d/huge-sale", action="drop", pack="d", text="huge sale")
    for builtin in (False, True):
        packs = [Pack("a", rules=(tiny,), stage="late", builtin=builtin),
                 Pack("b", rules=(any_sale,), stage="early", builtin=builtin),
                 Pack("c", rules=(big,), stage="late", builtin=builtin),
                 Pack("d", rules=(huge,), stage="other", builtin=builtin)]
        rules = RuleSet(packs)
        keys = ["tiny sale", "big sale", "small sale", "huge sale", "no sale"]
        assert rules.match_each(keys) == [tiny, any_sale, any_sale, huge, None]
        assert [rules.match(key, "drop", "late") for key in keys] == [tiny, big, None, None, None]
        assert [rules.match(key, "drop", "early") for key in keys] == [None, any_sale, any_sale, any_sale, None]
        assert [rules.match(key, "drop", "other") for key in keys] == [None, None, None, huge, None]


def test_patterns_starting_with_a_class_match_whatever_their_third_character():
    says = Rule(id="mine/says", action="drop", pack="mine", pattern=regex.compile(r"[\p{L}]{2}[a-z]* says:", regex.I))
    for builtin in (False, True):
        rules = RuleSet([Pack("mine", rules=(says,), builtin=builtin)])
        keys = ["anna says:", "an1 says:", "bo says:", "zoë says:", "ann said:", "a says:"]
        assert rules.match_each(keys) == [says, None, says, None, None, None]
        assert [rules.match(key) for key in keys] == [says, None, says, None, None, None]


def test_first_of_stages_answers_as_each_stage_asked_in_turn():
    from itertools import permutations

    # Pack order (all stages' order) differs from the stages' order; "c" holds a text rule
    # that "a" holds too, and a pattern matching lines a pattern of "a" matches first.
    a_any = Rule(id="a/any-sale", action="drop", pack="a", pattern=regex.compile(r"(big|small) sale( now)?"))
    a_text = Rule(id="a/menu", action="drop", pack="a", text="menu")
    b_now = Rule(id="b/now", action="drop", pack="b", pattern=regex.compile(r"\w+ sale now"))
    b_words = Rule(id="b/words", action="drop", pack="b", pattern=regex.compile(r"[a-z ]+ here"), max_words=4)
    c_big = Rule(id="c/big-sale", action="drop", pack="c", pattern=regex.compile(r"big sale"))
    c_text = Rule(id="c/menu", action="drop", pack="c", text="menu")
    c_here = Rule(id="c/here", action="drop", pack="c", text="click here")
    keys = ["big sale", "small sale", "big sale now", "tiny sale now", "menu", "click here", "look here",
            "no sale", "bread rises overnight", "look " * 70 + "here", "big sale now " + "x" * 300, "top of page"]
    for builtin in (False, True):  # a user's patterns run with a timeout and are asked stage by stage
        packs = [Pack("a", rules=(a_any, a_text), stage="a", builtin=builtin),
                 Pack("b", rules=(b_now, b_words), stage="b", builtin=builtin),
                 Pack("c", rules=(c_big, c_text, c_here), stage="c", builtin=builtin)]
        for count in (1, 2, 3):
            for stages in permutations(["a", "b", "c", "none"], count):
                rules = RuleSet(packs)
                rules.match_each(keys)  # as the pipeline does first
                expected = []
                for key in keys:
                    asked = [(place, rules.match(key, "drop", stage)) for place, stage in enumerate(stages)]
                    expected.append(next(((place, rule) for place, rule in asked if rule is not None), None))
                assert RuleSet(packs).first_of_stages(keys, list(stages)) == expected, stages
                assert rules.first_of_stages(keys, list(stages)) == expected, stages  # and remembered
    seen = []
    rules = RuleSet(packs)
    rules.first_of_stages(keys, ["c", "a"], check=lambda: seen.append(True))
    assert len(seen) == 2  # the lines of more than 300 characters, whose patterns run with a timeout


def test_first_of_stages_agrees_with_the_built_in_stages_asked_in_turn():
    from scrubber.filters import DEFAULT_FILTERS
    from scrubber.rules import builtin_packs

    stages = [f.name for f in DEFAULT_FILTERS]
    keys = ["top of page", "share this", "privacy policy", "accept all cookies", "next page", "tags", "menu",
            "log in", "advertisement", "leave a comment", "subscribe to our newsletter", "related posts",
            "bread rises overnight", "powered by wordpress", "share on facebook", "x " * 200]
    for order in (stages, stages[::-1]):
        rules = RuleSet(builtin_packs())
        expected = [next(((place, rule) for place, stage in enumerate(order)
                          if (rule := rules.match(key, "drop", stage)) is not None), None) for key in keys]
        assert sum(found is not None for found in expected) >= 10
        assert RuleSet(builtin_packs()).first_of_stages(keys, order) == expected
