"""The built-in rule packs: all load, ids are unique, and every rule is exercised by a fixture."""

from pathlib import Path

import pytest

from scrubber.rules import builtin_packs
from scrubber.testing import load_filter_cases

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "filters"
PACKS = builtin_packs()
RULES = [rule for pack in PACKS for rule in pack.rules]
HIT = {case.removed for case in load_filter_cases(FIXTURES)}


def test_every_pack_loads_with_rules():
    assert PACKS
    for pack in PACKS:
        assert pack.rules, f"{pack.path} has no rules"
        assert pack.description, f"{pack.path} has no description"


def test_rule_ids_are_unique_across_packs():
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids))


def test_pack_names_are_unique():
    names = [pack.name for pack in PACKS]
    assert len(names) == len(set(names))


def test_platform_packs_are_scoped():
    for pack in PACKS:
        if pack.stage == "platforms":
            assert pack.detect, f"{pack.name} needs detect lines that only its platform prints"


@pytest.mark.parametrize("rule", RULES, ids=[rule.id for rule in RULES])
def test_rule_is_exercised_by_a_fixture_case(rule):
    assert rule.id in HIT, f"no case in fixtures/filters/ is removed by {rule.id}"
