"""User rule packs in use: clean(rules=...), $SCRUBBER_RULES_DIR, disabling, keep, selectors, cut_after."""

from pathlib import Path

import pytest

import scrubber
from scrubber.rules.loader import RULES_DIR_ENV

PACKS = Path(__file__).resolve().parent.parent / "fixtures" / "packs"
EXAMPLE = str(PACKS / "example-news.toml")
STORY = ("The harbour trust agreed on Thursday to keep the winter ferry running after six, "
         "after islanders who work late shifts on the mainland asked for one more sailing home.")
MORE = ("The trust will count passengers on every crossing for a month and publish the numbers, "
        "so that the next timetable can be argued over with facts rather than guesses.")


def page(*lines):
    return "\n".join(lines) + "\n"


def test_example_pack_drops_lines_on_its_domain_only():
    doc = page(STORY, "Sign up for the Example Daily", "1234 views", MORE)
    # bylines/views would drop "1234 views" first; switched off to see the example rule at work
    on_site = scrubber.clean_and_explain(doc, url="https://news.example.com/ferry", rules=[EXAMPLE],
                                         disabled=["bylines/views", "share_rows/counters"])
    assert on_site.text == STORY + "\n\n" + MORE + "\n"
    assert on_site.counts()["example-news/newsletter"] == 1
    assert on_site.counts()["example-news/views"] == 1
    elsewhere = scrubber.clean_and_explain(doc, url="https://example.org/ferry", rules=[EXAMPLE], scoring=False)
    assert "Sign up for the Example Daily" in elsewhere.text


def test_example_pack_switched_on_by_detect_line():
    doc = page(STORY, "Sign up for the Example Daily", MORE, "Proudly created with Example")
    result = scrubber.clean_and_explain(doc, rules=[EXAMPLE], scoring=False)
    assert result.counts()["example-news/newsletter"] == 1


def test_example_pack_selector_removes_html_element():
    html = (f"<html><body><article><p>{STORY}</p><div class='promo-box'><p>Half price on the Example app "
            f"this week only, for readers who act fast and tell their friends</p></div><p>{MORE}</p></article></body></html>")
    result = scrubber.clean_and_explain(html, url="https://example.com/ferry", rules=[EXAMPLE])
    assert "Half price" not in result.text
    assert STORY in result.text and MORE in result.text
    assert [(r.rule, r.stage) for r in result.removed if r.rule.startswith("example-news")] == [
        ("example-news/promo", "selectors")]


def test_example_pack_cut_after_ends_the_article():
    doc = page(STORY, MORE, "Post: Blog2_Post", "Recent Posts", "Another Story Entirely")
    result = scrubber.clean_and_explain(doc, url="https://example.com/x", rules=[EXAMPLE])
    assert result.text == STORY + "\n\n" + MORE + "\n"


def test_dict_pack_in_clean():
    pack = {"pack": {"name": "dict-pack"}, "drop": [{"id": "tip", "text": "Got a tip? Call the desk."}]}
    result = scrubber.clean_and_explain(page(STORY, "Got a tip?  call the DESK.", MORE), rules=[pack])
    assert result.counts() == {"dict-pack/tip": 1}
    assert result.text == STORY + "\n\n" + MORE + "\n"


def test_keep_rule_protects_a_line_a_builtin_would_drop():
    doc = page(STORY, "Contact", MORE)
    generic = scrubber.clean_and_explain(doc, scoring=False)
    assert generic.counts()["navigation/menu-word"] == 1
    keep = {"pack": {"name": "band-site"}, "keep": [{"id": "contact-heading", "text": "Contact"}]}
    kept = scrubber.clean_and_explain(doc, rules=[keep])
    assert "Contact" in kept.text.splitlines()
    assert not kept.removed


def test_rules_directory_from_environment(tmp_path, monkeypatch):
    (tmp_path / "ferry.toml").write_text('[pack]\nname = "ferry-site"\n\n[[drop]]\nid = "tide"\n'
                                         'regex = \'tide today: \\d+:\\d+\'\n', encoding="utf-8")
    doc = page(STORY, "Tide today: 06:12", MORE)
    monkeypatch.setenv(RULES_DIR_ENV, str(tmp_path))
    assert scrubber.clean_and_explain(doc, scoring=False).counts()["ferry-site/tide"] == 1
    monkeypatch.delenv(RULES_DIR_ENV)
    assert "Tide today: 06:12" in scrubber.clean(doc, scoring=False)


def test_bad_file_in_rules_directory_fails_loudly(tmp_path, monkeypatch):
    (tmp_path / "bad.toml").write_text('[[drop]]\nid = "x"\nregex = "(a+)+"\n', encoding="utf-8")
    monkeypatch.setenv(RULES_DIR_ENV, str(tmp_path))
    with pytest.raises(scrubber.RuleFileError, match="bad.toml:3"):
        scrubber.clean(STORY)


def test_disable_a_builtin_rule_by_id():
    doc = page(STORY, "Quantcast", "Hotjar", MORE)
    result = scrubber.clean_and_explain(doc, disabled=["trackers/quantcast"], scoring=False)
    assert "Quantcast" in result.text.splitlines()
    assert result.counts()["trackers/hotjar"] == 1


def test_disable_a_pack_by_name():
    doc = page(STORY, "Post not marked as liked", MORE, "Post: Blog2_Post")
    assert "Post not marked as liked" not in scrubber.clean(doc, scoring=False)
    assert "Post not marked as liked" in scrubber.clean(doc, disabled=["wix"], scoring=False)
    pack = {"pack": {"name": "mine"}, "drop": [{"id": "tip", "text": "Got a tip? Call us."}]}
    doc = page(STORY, "Got a tip? Call us.", MORE)
    assert "Got a tip? Call us." not in scrubber.clean(doc, rules=[pack], scoring=False)
    assert "Got a tip? Call us." in scrubber.clean(doc, rules=[pack], disabled=["mine"], scoring=False)


def test_disable_a_filter_by_name():
    doc = page("Ferry Runs Late", "ferry_runs_late", STORY, MORE)
    assert "ferry_runs_late" not in scrubber.clean(doc)
    assert "ferry_runs_late" in scrubber.clean(doc, disabled=["title_repeats"], scoring=False)


def test_user_pack_joins_a_builtin_stage():
    pack = {"pack": {"name": "menus", "stage": "navigation"}, "drop": [{"id": "harbour", "text": "Harbour & Ferries"}]}
    result = scrubber.clean_and_explain(page(STORY, "Harbour & Ferries", MORE), rules=[pack])
    assert [(r.rule, r.stage) for r in result.removed] == [("menus/harbour", "navigation")]


def test_lang_scoped_pack_applies_only_to_its_language():
    pack = {"pack": {"name": "german-only", "lang": ["de"]}, "drop": [{"id": "tip", "text": "Got a tip? Call us."}]}
    doc = page(STORY, "Got a tip? Call us.", MORE)
    assert "Got a tip? Call us." in scrubber.clean(doc, rules=[pack], scoring=False)
    assert "Got a tip? Call us." not in scrubber.clean(doc, rules=[pack], scoring=False, language="de")


# A page whose reader comments outweigh the article: content scoring alone takes the thread.
COMMENT = ("I have taken that ferry home every night for eleven years, and I can tell you that the "
           "last sailing is always full, whatever the trust says about the numbers in its report.")
MISLEADING_PAGE = ("<html><body><div class='sidebar-story'><h2>Ferry keeps its late sailing</h2>"
                   f"<p>{STORY}</p><p>{MORE}</p></div>"
                   "<div class='thread'>" + "".join(f"<div class='post'><p>{COMMENT} ({n})</p></div>" for n in range(12))
                   + "</div></body></html>")
ARTICLE_PACK = {"pack": {"name": "harbour-news"}, "keep": [{"id": "story", "selector": "div.sidebar-story"}]}


def test_keep_selector_names_the_article_container():
    plain = scrubber.clean(MISLEADING_PAGE, include_title=False)
    assert COMMENT in plain  # without the rule the thread wins (the reason for the rule)
    chosen = scrubber.clean(MISLEADING_PAGE, include_title=False, rules=[ARTICLE_PACK])
    assert STORY in chosen and MORE in chosen and "Ferry keeps its late sailing" in chosen
    assert COMMENT not in chosen


def test_keep_selector_that_matches_nothing_leaves_scoring_to_decide():
    pack = {"pack": {"name": "harbour-news"}, "keep": [{"id": "story", "selector": "div.no-such-thing"}]}
    assert scrubber.clean(MISLEADING_PAGE, rules=[pack]) == scrubber.clean(MISLEADING_PAGE)


def test_keep_selector_container_is_still_cleaned_inside():
    html = MISLEADING_PAGE.replace("<p>" + MORE, "<div class='share-buttons'><a href='/s'>Share</a></div>"
                                   "<script>track()</script><p>" + MORE)
    chosen = scrubber.clean(html, include_title=False, rules=[ARTICLE_PACK])
    assert STORY in chosen and MORE in chosen
    assert "Share" not in chosen and "track()" not in chosen


def test_selector_rules_are_refused_in_cut_after():
    pack = {"pack": {"name": "harbour-news"}, "cut_after": [{"id": "end", "selector": "div.end"}]}
    with pytest.raises(scrubber.RuleFileError, match=r"only works in \[\[drop\]\] and \[\[keep\]\]"):
        scrubber.clean("<p>x</p>", rules=[pack])
