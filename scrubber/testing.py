"""Helpers for testing filters and rule packs, public so users can test their own site rules.

``judge`` and ``judge_page`` run one filter on lines you give; ``load_cases`` and
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
