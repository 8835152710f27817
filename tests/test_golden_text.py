"""Golden text fixtures: scraped text dumps and exactly what a perfect cleaner returns."""

from pathlib import Path

import pytest

from scrubber.testing import check_case, load_cases

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "text"
CASES = load_cases(FIXTURES)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden_text_case(case):
    _, got, expected = check_case(case)
    assert got == expected


def test_there_are_enough_golden_cases():
    assert len({c.name for c in CASES}) >= 25


def test_every_case_ends_with_one_newline_and_single_blank_lines():
    for case in CASES:
        expected = case.expected()
        assert expected.endswith("\n") and not expected.endswith("\n\n"), case.name
        assert "\n\n\n" not in expected, case.name
