"""A fictional site whose chrome the built-ins do not know: generic cleaning leaks it, a pack
learned from the site's own pages removes it, and the result matches the expected articles."""

from pathlib import Path

import pytest

import scrubber
from scrubber.cli.learn import read_pages
from scrubber.learn import learn
from scrubber.testing import check_pack, load_cases

SITE = Path(__file__).resolve().parent.parent / "fixtures" / "sites" / "millbrook-ledger"
CHROME = SITE.joinpath("chrome.txt").read_text(encoding="utf-8").splitlines()
CASES = load_cases(SITE)


@pytest.fixture(scope="module")
def learned_pack(tmp_path_factory):
    pages, urls = zip(*read_pages(SITE))
    path = tmp_path_factory.mktemp("packs") / "millbrook.toml"
    path.write_text(learn(pages, urls=urls).to_toml(), encoding="utf-8")
    return path


def leaked(text):
    return [piece for piece in CHROME if piece in text]


def test_the_site_has_enough_pages():
    assert len(CASES) >= 10


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_generic_cleaning_leaks_the_site_chrome(case):
    assert leaked(scrubber.clean(case.read_input(), url=case.url))


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_learned_pack_removes_the_site_chrome(case, learned_pack):
    result = scrubber.clean_and_explain(case.read_input(), url=case.url, rules=[learned_pack])
    assert leaked(result.text) == []
    assert any(r.rule.startswith("millbrookledger-example/") for r in result.removed)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_cleaned_text_matches_expected(case, learned_pack):
    assert scrubber.clean(case.read_input(), url=case.url, rules=[learned_pack]) == case.expected()


def test_repeated_quote_inside_one_article_is_not_learned(learned_pack):
    assert "whole town was listening" not in learned_pack.read_text(encoding="utf-8")


def test_check_pack_reports_each_case(learned_pack, tmp_path):
    results = check_pack(learned_pack, SITE)
    assert [r.case.name for r in results if not r.passed] == []
    # A pack that knows nothing of the site leaves its chrome, and each diff shows it.
    unrelated = tmp_path / "unrelated.toml"
    unrelated.write_text('[pack]\nname = "unrelated"\n[[drop]]\nid = "never"\ntext = "no page prints this"\n',
                         encoding="utf-8")
    failing = [r for r in check_pack(unrelated, SITE) if not r.passed]
    assert len(failing) == len(results)
    assert all(any("+" + piece in r.diff() for piece in CHROME) for r in failing)


def test_learned_pack_is_scoped_to_the_site(learned_pack):
    case = CASES[0]
    elsewhere = scrubber.clean(case.read_input(), url="https://another.example/news", rules=[learned_pack])
    assert leaked(elsewhere)
