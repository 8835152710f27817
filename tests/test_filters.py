"""Every filter fixture case: chrome lines are removed by the named rule, look-alike prose is kept."""

from pathlib import Path

import pytest

from scrubber.filters import FILTERS_BY_NAME
from scrubber.testing import judge_case, load_filter_cases

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "filters"
CASES = load_filter_cases(FIXTURES)


@pytest.mark.parametrize("case", CASES, ids=[f"{c.filter}:{c.name}" for c in CASES])
def test_filter_case(case):
    assert judge_case(case) == case.removed


def test_case_names_are_unique_per_filter():
    names = [(c.filter, c.name) for c in CASES]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("name", sorted(FILTERS_BY_NAME))
def test_every_filter_has_removed_and_kept_cases(name):
    mine = [c for c in CASES if c.filter == name]
    assert any(c.removed for c in mine), f"fixtures/filters/{name}.toml has no removed case"
    assert any(c.removed is None for c in mine), f"fixtures/filters/{name}.toml has no kept look-alike"


def test_fixture_files_name_real_filters():
    assert {c.filter for c in CASES} <= set(FILTERS_BY_NAME)
