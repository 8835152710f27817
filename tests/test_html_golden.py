"""Golden HTML pages (fixtures/html/<slug>/): the cleaned text matches expected.txt exactly,
and the Markdown and JSON views agree with it."""

from pathlib import Path

import pytest

import scrubber
from scrubber.render import markdown
from scrubber.testing import check_case, load_cases

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "html"
CASES = load_cases(FIXTURES)


def test_there_are_enough_golden_pages():
    assert len(CASES) >= 15


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden_page(case):
    matches, got, expected = check_case(case)
    assert got == expected
    assert matches


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden_page_is_html_mode_with_a_title(case):
    result = scrubber.clean_and_explain(case.read_input())
    assert result.mode == "html"
    assert result.title and result.blocks[0].kind == "title"
    assert result.lang


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_markdown_keeps_every_word_of_the_text(case):
    result = scrubber.clean_and_explain(case.read_input())
    rendered = markdown(result)
    for block in result.blocks:
        assert block.text.split("\n")[0] in rendered


def test_structure_of_the_docs_page():
    result = scrubber.clean_and_explain((FIXTURES / "docs-page" / "input.html").read_bytes())
    kinds = {(b.kind, b.level) for b in result.blocks}
    assert ("heading", 2) in kinds and ("code", None) in kinds and ("table_row", None) in kinds
    code = next(b for b in result.blocks if b.kind == "code")
    assert code.text.count("\n") == 2
