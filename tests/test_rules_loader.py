"""Rule files are validated when loaded: each bad file names its file, line and rule id."""

from pathlib import Path

import pytest

import scrubber
from scrubber.rules import builtin_packs, load_pack, load_rules, parse_pack
from scrubber.rules.loader import check_pack_file

PACKS = Path(__file__).resolve().parent.parent / "fixtures" / "packs"

# file, line, rule id (None: a pack-level problem), words the message must contain
BAD_FILES = [
    ("unknown-key.toml", 11, "views", "unknown key 'flags'"),
    ("unknown-pack-key.toml", 3, None, "unknown key 'domain' in [pack]"),
    ("unknown-section.toml", 8, None, "unknown section 'remove'"),
    ("no-id.toml", 8, None, "rule has no id"),
    ("duplicate-id.toml", 13, "newsletter", "duplicate rule id"),
    ("bad-regex.toml", 11, "comments", "regex does not compile"),
    ("bad-selector.toml", 10, "sidebar", "selector does not parse"),
    ("backtracking.toml", 12, "tag-list", "catastrophic backtracking"),
    ("overlapping-alternatives.toml", 6, "dots", "overlapping alternatives"),
    ("two-matchers.toml", 5, "newsletter", "exactly one of text, regex or selector"),
    ("not-toml.toml", 6, None, "not valid TOML"),
    ("unknown-stage.toml", 3, None, "unknown stage 'navigaton'"),
    ("builtin-name.toml", 3, None, "already used"),
]


@pytest.mark.parametrize("name, line, rule_id, message", BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_file_raises_rule_file_error_with_file_line_and_rule(name, line, rule_id, message):
    path = PACKS / "bad" / name
    with pytest.raises(scrubber.RuleFileError) as caught:
        load_rules(path)
    error = caught.value
    assert error.path == str(path)
    assert error.line == line
    assert error.rule_id == rule_id
    assert message in error.reason
    assert str(error).startswith(f"{path}:{line}: ")


def test_bad_file_fails_before_any_document_is_cleaned():
    with pytest.raises(scrubber.RuleFileError):
        scrubber.Pipeline(scrubber.CleanConfig(rules=(str(PACKS / "bad" / "bad-regex.toml"),)))


def test_check_lists_every_problem_of_a_file_in_line_order():
    problems = check_pack_file(PACKS / "bad" / "many-problems.toml")
    assert [(p.line, p.rule_id) for p in problems] == [(7, "views"), (14, "ok"), (17, None)]


def test_every_builtin_pack_checks_clean_in_place():
    root = Path(scrubber.__file__).parent / "rules" / "packs"
    files = sorted(root.glob("**/*.toml"))
    assert len(files) == len(builtin_packs())
    for path in files:
        assert check_pack_file(path) == [], path


def test_issue_example_pack_loads_as_written():
    pack = load_pack(PACKS / "example-news.toml")
    assert pack.name == "example-news"
    assert pack.domains == ("example.com",)
    assert pack.detect == ("Proudly created with Example",)
    kinds = {r.id: (r.action, r.text, r.pattern is not None, r.selector) for r in pack.rules}
    assert kinds == {
        "example-news/newsletter": ("drop", "sign up for the example daily", False, None),
        "example-news/views": ("drop", None, True, None),
        "example-news/promo": ("drop", None, False, "div.promo-box"),
        "example-news/end-of-post": ("cut_after", "post: blog2_post", False, None),
    }
    assert [r.line for r in pack.rules] == [7, 10, 13, 17]


def test_dict_pack_is_validated_like_a_file():
    with pytest.raises(scrubber.RuleFileError, match="duplicate rule id"):
        load_pack({"pack": {"name": "d"}, "drop": [{"id": "a", "text": "x"}, {"id": "a", "text": "y"}]})
    with pytest.raises(scrubber.RuleFileError, match="rule has no id"):
        load_pack({"pack": {"name": "d"}, "drop": [{"text": "x"}]})


def test_pack_name_defaults_to_file_stem(tmp_path):
    path = tmp_path / "my-site.toml"
    path.write_text('[[drop]]\nid = "promo"\ntext = "Buy the book"\n')
    assert load_pack(path).name == "my-site"


def test_two_user_packs_with_one_name_clash(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "site.toml").write_text('[pack]\nname = "site"\n\n[[drop]]\nid = "x"\ntext = "X"\n')
    with pytest.raises(scrubber.RuleFileError, match="already used") as caught:
        load_rules(tmp_path / "a" / "site.toml", tmp_path / "b" / "site.toml")
    assert caught.value.line == 2


def test_missing_file_is_a_rule_file_error(tmp_path):
    with pytest.raises(scrubber.RuleFileError, match="cannot read"):
        load_rules(tmp_path / "nope.toml")


def test_wrong_type_of_pack_is_a_type_error():
    with pytest.raises(TypeError, match="rule pack"):
        load_pack(42)


@pytest.mark.parametrize("raw, line, rule_id", [
    # the error names the line of the rule at fault, not the first mention of its text
    ('[pack]\nname = "lines"\n\n[[drop]]\nid = "a"\ntext = "views"\n\n'
     '[[drop]]\nid = "b"\nregex = \'views\'\nmax_words = 0\n', 11, "b"),
    # a multi-line string that looks like a rule does not shift the count
    ('[pack]\nname = "ml"\ndescription = """\n[[drop]]\nid = "fake"\n"""\n\n'
     '[[drop]]\nid = "real"\nregex = \'(a\'\n', 10, "real"),
], ids=["follows-the-rule", "multiline-strings"])
def test_errors_name_the_line_of_the_faulty_rule(raw, line, rule_id):
    with pytest.raises(scrubber.RuleFileError) as caught:
        parse_pack(raw, path="pack.toml")
    assert (caught.value.line, caught.value.rule_id) == (line, rule_id)


def test_lang_key_limits_a_pack_to_languages():
    pack = load_pack({"pack": {"name": "german-site", "lang": ["de"]}, "drop": [{"id": "x", "text": "Zum Warenkorb"}]})
    assert pack.lang == ("de",)
    assert pack.applies(None, set(), "de") and not pack.applies(None, set(), "en")
    with pytest.raises(scrubber.RuleFileError, match="lang must be"):
        load_pack({"pack": {"name": "bad-lang", "lang": [3]}})


def test_readme_pack_example_loads():
    readme = (PACKS.parent.parent / "README.md").read_text(encoding="utf-8")
    example = readme.split("## Your own rules")[1].split("```toml")[1].split("```")[0]
    pack = parse_pack(example, path="README.md")
    assert [r.action for r in pack.rules] == ["drop", "drop", "drop", "cut_after", "keep", "keep"]
