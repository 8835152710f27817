"""The tree mirrors the pipeline: filters and normalisers are leaves that never reach back up."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "scrubber"
FORBIDDEN = {
    "filters": {"scrubber.pipeline", "scrubber.api", "scrubber.normalise", "scrubber.cli"},
    "normalise": {"scrubber.pipeline", "scrubber.api", "scrubber.filters", "scrubber.cli"},
}


def _imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1])
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                yield ".".join(base + ([node.module] if node.module else []))
            else:
                yield node.module
        elif isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)


@pytest.mark.parametrize("folder", sorted(FORBIDDEN))
def test_leaf_packages_do_not_import_upwards(folder):
    offenders = []
    for path in (PACKAGE / folder).glob("*.py"):
        for module in _imports(path):
            if any(module == f or module.startswith(f + ".") for f in FORBIDDEN[folder]):
                offenders.append(f"{path.name} imports {module}")
    assert offenders == []


def test_modules_stay_small():
    too_long = [str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py")
                if len(p.read_text(encoding="utf-8").splitlines()) > 400]
    assert too_long == []


def test_every_filter_is_registered_once_with_a_documented_name():
    from scrubber.filters import DEFAULT_FILTERS

    names = [f.name for f in DEFAULT_FILTERS]
    assert len(names) == len(set(names))
    for f in DEFAULT_FILTERS:
        assert f.__doc__ and ">>>" in f.__doc__, f"{f.__name__} needs a docstring with an example"
