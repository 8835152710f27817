"""The rules, learn and clean --explain commands, run through scrubber.cli.main."""

import json
from pathlib import Path

from scrubber.cli import main

ROOT = Path(__file__).resolve().parent.parent
PACKS = ROOT / "fixtures" / "packs"
SITE = ROOT / "fixtures" / "sites" / "millbrook-ledger"
EXAMPLE = str(PACKS / "example-news.toml")


def test_rules_check_valid_files_exit_0(capsys):
    assert main(["rules", "check", EXAMPLE, str(ROOT / "scrubber" / "rules" / "packs" / "trackers.toml")]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert f"{EXAMPLE}: ok" in err


def test_rules_check_bad_files_exit_2_with_file_line_messages(capsys):
    bad = [str(PACKS / "bad" / name) for name in ("many-problems.toml", "backtracking.toml")]
    assert main(["rules", "check", EXAMPLE, *bad]) == 2
    out = capsys.readouterr().out.splitlines()
    assert [line.split(": ")[0] for line in out] == [f"{bad[0]}:7", f"{bad[0]}:14", f"{bad[0]}:17", f"{bad[1]}:12"]
    assert "catastrophic backtracking" in out[-1] and "'tag-list'" in out[-1]


def test_rules_check_a_folder_checks_its_toml_files(capsys):
    assert main(["rules", "check", str(PACKS / "bad")]) == 2
    out = capsys.readouterr().out
    assert len({line.split(":")[0] for line in out.splitlines()}) == len(list((PACKS / "bad").glob("*.toml")))


def test_rules_check_also_checks_rules_option(capsys):
    assert main(["rules", "check", EXAMPLE, "--rules", str(PACKS / "bad" / "no-id.toml")]) == 2
    assert "no-id.toml:8: a [[drop]] rule has no id" in capsys.readouterr().out


def test_rules_list_for_a_url_shows_domain_scoped_user_pack(capsys):
    assert main(["rules", "list", "--url", "https://www.example.com/a", "--rules", EXAMPLE]) == 0
    out = capsys.readouterr().out
    assert "example-news  [domain example.com; stage site_rules]" in out
    assert "example-news/views" in out and r"regex ^\d+ views$  line 10" in out
    assert "\nwix " not in out


def test_rules_list_for_a_page_shows_detect_scoped_pack(capsys, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("Some story\nPost: Blog2_Post\n", encoding="utf-8")
    assert main(["rules", "list", str(page), "--packs", "--disable", "trackers"]) == 0
    out = capsys.readouterr().out
    assert "wix  [page has 'Post: Blog2_Post'; stage platforms]" in out
    assert "\ntrackers " not in out
    assert "wix/post-marker" not in out  # --packs: packs only


def test_rules_list_marks_disabled_rules(capsys):
    assert main(["rules", "list", "--disable", "trackers/quantcast"]) == 0
    line = next(l for l in capsys.readouterr().out.splitlines() if "trackers/quantcast" in l)
    assert line.endswith("(disabled)")


def test_learn_writes_a_pack_that_checks_and_cleans(capsys, tmp_path):
    pack = tmp_path / "site.toml"
    assert main(["learn", str(SITE), "-o", str(pack)]) == 0
    err = capsys.readouterr().err
    text = pack.read_text(encoding="utf-8")
    # How many lines are learned depends on what the built-in packs already drop; the count
    # reported must be the count written.
    assert f"learned {text.count('[[drop]]')} rules (0 commented out) from 12 pages" in err
    assert 'domains = ["millbrookledger.example"]' in text
    assert "# on 10 of 12 pages\n[[drop]]\nid = \"enjoyed-this-story-ledger-plus-members\"" in text
    assert main(["rules", "check", str(pack)]) == 0
    case = SITE / "07-lifeboat"
    capsys.readouterr()
    assert main(["clean", "--rules", str(pack), "--url", (case / "url").read_text().strip(), str(case / "input.txt")]) == 0
    assert capsys.readouterr().out == (case / "expected.txt").read_text(encoding="utf-8")


def test_learn_from_jsonl_with_urls_to_stdout(capsys, tmp_path):
    records = tmp_path / "pages.jsonl"
    with records.open("w", encoding="utf-8") as handle:
        for case in sorted(SITE.glob("*/input.txt")):
            record = {"url": f"https://ledger.millbrook.example/{case.parent.name}", "text": case.read_text()}
            handle.write(json.dumps(record) + "\n")
    assert main(["learn", str(records), "--min-share", "0.9", "--name", "ledger"]) == 0
    out = capsys.readouterr().out
    assert 'name = "ledger"\ndomains = ["ledger.millbrook.example"]' in out
    assert "Ledger Plus members" not in out  # on 10 of 12 pages: under 90%


def test_learn_with_domain_option_and_too_few_pages(capsys, tmp_path):
    assert main(["learn", str(SITE / "01-ferry-timetable" / "input.txt"), "--domain", "x.example"]) == 2
    assert "at least 2 pages" in capsys.readouterr().err


def test_learn_bad_jsonl_record_is_reported(capsys, tmp_path):
    records = tmp_path / "pages.jsonl"
    records.write_text('{"url": "https://a.example/", "text": "page"}\n{"url": "https://a.example/b"}\n')
    assert main(["learn", str(records)]) == 2
    assert "pages.jsonl:2: a record needs a page" in capsys.readouterr().err


def test_rules_test_reports_pass_fail_and_diff(capsys, tmp_path):
    pack = tmp_path / "site.toml"
    main(["learn", str(SITE), "-o", str(pack)])
    capsys.readouterr()
    assert main(["rules", "test", str(pack), str(SITE)]) == 0
    out = capsys.readouterr().out
    assert "ok   07-lifeboat" in out and "ok   04-bridge-roadworks" in out
    assert out.rstrip().endswith("12 passed, 0 failed")
    # A pack that knows nothing of the site fails every case, each with its diff.
    unrelated = tmp_path / "unrelated.toml"
    unrelated.write_text('[pack]\nname = "unrelated"\n[[drop]]\nid = "never"\ntext = "no page prints this"\n',
                         encoding="utf-8")
    assert main(["rules", "test", str(unrelated), str(SITE)]) == 1
    out = capsys.readouterr().out
    assert "FAIL 04-bridge-roadworks" in out and "+Printed on recycled paper at the Quayside works" in out
    assert out.rstrip().endswith("0 passed, 12 failed")


def test_rules_test_with_a_bad_pack_exits_2(capsys):
    assert main(["rules", "test", str(PACKS / "bad" / "bad-regex.toml"), str(SITE)]) == 2
    assert "bad-regex.toml:11: regex does not compile" in capsys.readouterr().err


def test_clean_explain_names_pack_and_rule_or_scorer(capsys):
    case = SITE / "03-school-choir" / "input.txt"
    assert main(["clean", "--explain", str(case)]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "removed [pack page_anchors, rule skip-to-content] Skip to main content"
    assert "removed [pack bylines, rule by-author] By Ellen Marsh" in err
    assert any(line.startswith("removed [scorer: ") and line.endswith("] Town Hall") for line in err)


def test_clean_explain_names_user_pack_rules(capsys, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("Sign up for the Example Daily\n" + "The council agreed to open the library in May. " * 3 + "\n")
    assert main(["clean", "--explain", "--rules", EXAMPLE, "--url", "https://example.com/x", str(page)]) == 0
    err = capsys.readouterr().err
    assert "removed [pack example-news, rule newsletter] Sign up for the Example Daily" in err
