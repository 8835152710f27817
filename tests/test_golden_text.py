"""Golden text fixtures: scraped text dumps and exactly what a perfect cleaner returns."""

from pathlib import Path

import pytest

from scrubber.testing import check_case, load_cases

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "text"
CASES = load_cases(FIXTURES)

# Known gaps outside the rule packs and the normaliser, strict so that a fix gets noticed.
KNOWN_GAPS: dict[str, str] = {}


def _param(case):
    reason = KNOWN_GAPS.get(case.name)
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(case, id=case.name, marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_golden_text_case(case):
    matches, got, expected = check_case(case)
    assert got == expected


def test_there_are_golden_cases_and_gaps_name_real_cases():
    names = {c.name for c in CASES}
    assert len(names) >= 25
    assert set(KNOWN_GAPS) <= names


def test_every_case_ends_with_one_newline_and_single_blank_lines():
    for case in CASES:
        expected = case.expected()
        assert expected.endswith("\n") and not expected.endswith("\n\n"), case.name
        assert "\n\n\n" not in expected, case.name
