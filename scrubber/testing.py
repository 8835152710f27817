"""Helpers for testing filters and rule packs, public so users can test their own site rules.

``judge`` and ``judge_page`` run one filter on lines you give; ``load_filter_cases`` and
``judge_case`` read per-filter line cases (``fixtures/filters/*.toml``); ``load_cases`` and
``check_case`` read golden ``input``/``expected`` pairs from a folder (see ``fixtures/``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .blocks import Block
from .page import Page
from .rules import RuleSet, builtin_packs, line_key, load_rules


def _page(lines, rules=(), page_lines=(), url=None, lang="en"):
    blocks = [Block(text, index=i) for i, text in enumerate(lines)]
    keys = {line_key(t) for t in [*lines, *page_lines]}
    packs = [p for p in builtin_packs() + load_rules(*rules) if p.applies(url, keys)]
    return Page(blocks=blocks, rules=RuleSet(packs), url=url, lang=lang)


def judge(filter_class, line: str, *, rules=(), page_lines=(), url=None):
    """The rule id with which ``filter_class`` drops ``line`` (alone on a page), or None."""
    page = _page([line], rules, page_lines, url)
    drops = list(filter_class().select(page.blocks, page))
    return drops[0].rule if drops else None


def judge_page(filter_class, lines, *, rules=(), page_lines=(), url=None):
    """``[(line number, rule id), ...]`` for every line ``filter_class`` drops from ``lines``."""
    page = _page(lines, rules, page_lines, url)
    return [(d.index, d.rule) for d in filter_class().select(page.blocks, page)]


def score_lines(lines, lang="en"):
    """Line numbers the content scorer would drop."""
    from .scoring import ContentScorer

    page = _page(lines, lang=lang)
    return [d.index for d in ContentScorer().select(page.blocks, page)]


@dataclass
class Case:
    """A golden case: an input document and the text expected from ``clean()``."""

    name: str
    input_path: Path
    expected_path: Path
    url: str | None = None

    def read_input(self):
        data = self.input_path.read_bytes()
        return data if self.input_path.suffix in (".html", ".htm") else data.decode("utf-8")

    def expected(self) -> str:
        return self.expected_path.read_text(encoding="utf-8")


def load_cases(folder) -> list[Case]:
    """Every ``<case>/input.(txt|html)`` + ``<case>/expected.txt`` pair below ``folder``.

    A ``url`` file beside them gives the page URL (so domain-scoped packs apply).
    """
    cases = []
    for expected in sorted(Path(folder).glob("**/expected.txt")):
        directory = expected.parent
        inputs = [p for p in directory.iterdir() if p.stem == "input"]
        if not inputs:
            continue
        url_file = directory / "url"
        url = url_file.read_text(encoding="utf-8").strip() if url_file.exists() else None
        cases.append(Case(str(directory.relative_to(folder)), inputs[0], expected, url))
    return cases


def check_case(case: Case, **options) -> tuple[bool, str, str]:
    """Clean a case; returns ``(matches, got, expected)``."""
    from .api import clean

    got = clean(case.read_input(), url=case.url, **options)
    expected = case.expected()
    return got == expected, got, expected


@dataclass
class CaseResult:
    """The outcome of one golden case: ``passed`` when ``got`` equals ``expected``."""

    case: Case
    got: str
    expected: str

    @property
    def passed(self) -> bool:
        return self.got == self.expected

    def diff(self) -> str:
        """A unified diff from the expected text to the text ``clean()`` gave."""
        import difflib

        return "".join(difflib.unified_diff(self.expected.splitlines(True), self.got.splitlines(True),
                                            f"{self.case.name}/expected.txt", f"{self.case.name} (cleaned)"))


def check_pack(pack, cases_dir, *, rules=(), **options) -> list[CaseResult]:
    """Clean every golden case below ``cases_dir`` with ``pack`` in force and compare.

    ``pack`` is a rule file path, a dict or a ``Pack``; it is validated before any case runs
    (``RuleFileError``). ``cases_dir`` holds ``<case>/input.txt`` (or ``input.html``) +
    ``<case>/expected.txt``, with an optional ``<case>/url``. A folder without cases raises
    ``ScrubberError``: a check that ran nothing must not look like a pass.
    """
    from .errors import ScrubberError

    packs = load_rules(pack, *rules)
    cases = load_cases(cases_dir)
    if not cases:
        raise ScrubberError(f"no cases in {cases_dir}: expected <case>/input.txt and <case>/expected.txt")
    results = []
    for case in cases:
        _, got, expected = check_case(case, rules=packs, **options)
        results.append(CaseResult(case, got, expected))
    return results


# Keys a filter fixture case may carry (``fixtures/filters/<filter>.toml``, ``[[case]]`` entries).
CASE_KEYS = {"name", "input", "removed", "kept", "before", "after", "page_lines", "url", "rules", "note"}


@dataclass
class FilterCase:
    """One line judged by one filter: ``removed`` is the expected rule id, None when it must be kept.

    ``before``/``after`` are neighbouring lines (for filters that read the whole page, such as
    ``article_end`` and ``title_repeats``), ``page_lines`` lines elsewhere on the page (a
    platform's ``detect`` line), ``rules`` user packs (paths relative to the fixture file).
    """

    name: str
    filter: str
    input: str
    removed: str | None
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    page_lines: tuple[str, ...] = ()
    url: str | None = None
    rules: tuple = ()


def load_filter_cases(folder) -> list[FilterCase]:
    """Every ``[[case]]`` of every ``<filter>.toml`` in ``folder``; a malformed case raises ValueError.

    The file stem names the filter (``trackers.toml`` holds cases for the ``trackers`` filter).
    """
    from .rules.loader import tomllib

    cases = []
    for path in sorted(Path(folder).glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for entry in data.get("case", []):
            cases.append(_filter_case(entry, path))
    return cases


def _filter_case(entry: dict, path: Path) -> FilterCase:
    where = f"{path.name}: case {entry.get('name', '?')!r}"
    unknown = set(entry) - CASE_KEYS
    if unknown:
        raise ValueError(f"{where}: unknown key(s) {sorted(unknown)}")
    if not isinstance(entry.get("name"), str) or not isinstance(entry.get("input"), str):
        raise ValueError(f"{where}: needs a name and an input line")
    if ("removed" in entry) == bool(entry.get("kept")):
        raise ValueError(f"{where}: give exactly one of removed = \"<rule id>\" or kept = true")
    rules = tuple(str(path.parent / r) for r in entry.get("rules", ()))
    return FilterCase(entry["name"], path.stem, entry["input"], entry.get("removed"), tuple(entry.get("before", ())),
                      tuple(entry.get("after", ())), tuple(entry.get("page_lines", ())), entry.get("url"), rules)


def judge_case(case: FilterCase) -> str | None:
    """The rule id with which the case's filter drops its input line (among its neighbours), or None."""
    from .filters import FILTERS_BY_NAME

    lines = [*case.before, case.input, *case.after]
    drops = judge_page(FILTERS_BY_NAME[case.filter], lines, rules=case.rules, page_lines=case.page_lines, url=case.url)
    return next((rule for index, rule in drops if index == len(case.before)), None)
