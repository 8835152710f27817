"""``scrubber rules check|list|test``: validate rule files, show the rules in force, test a pack.

``check FILE...`` exits 0 when every file is valid and 2 with ``FILE:LINE: message`` lines
otherwise; ``list [--url URL] [PAGE]`` shows the packs and rules in force for a page;
``test PACK CASES_DIR`` cleans golden input/expected pairs with the pack and diffs them.
"""

from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import urlsplit

from ..config import CleanConfig
from ..learn import page_blocks
from ..language import guess_language
from ..pipeline import Pipeline
from ..rules.loader import check_pack_file
from ..testing import check_pack


def register(sub):
    parser = sub.add_parser("rules", help="check rule files, list the rules in force, test a pack")
    commands = parser.add_subparsers(dest="rules_command", required=True)
    check = commands.add_parser("check", help="validate rule files: exit 0 when valid, 2 with FILE:LINE: messages")
    check.add_argument("files", nargs="+", metavar="FILE")
    listing = commands.add_parser("list", help="the packs and rules in force for a URL and/or a page")
    listing.add_argument("page", nargs="?", metavar="PAGE", help="a page whose lines switch on detect-scoped packs")
    listing.add_argument("--url", help="the page URL (switches on domain-scoped packs)")
    listing.add_argument("--packs", action="store_true", help="only the packs, not each rule")
    test = commands.add_parser("test", help="clean CASES_DIR/<case>/input.* with PACK and compare to expected.txt")
    test.add_argument("pack", metavar="PACK")
    test.add_argument("cases", metavar="CASES_DIR")
    for command in (check, listing, test):
        command.add_argument("--rules", action="append", default=[], metavar="FILE",
                             help="extra rule pack (repeatable)")
    for command in (listing, test):
        command.add_argument("--disable", action="append", default=[], metavar="ID",
                             help="switch off a filter, pack or rule id (repeatable)")
    check.set_defaults(run=run_check)
    listing.set_defaults(run=run_list)
    test.set_defaults(run=run_test)


def run_check(args) -> int:
    failed = False
    for name in _expand([*args.files, *args.rules]):
        problems = check_pack_file(name)
        for problem in problems:
            print(problem)
        if not problems:
            print(f"{name}: ok", file=sys.stderr)
        failed = failed or bool(problems)
    return 2 if failed else 0


def run_list(args) -> int:
    pipeline = Pipeline(CleanConfig(rules=tuple(args.rules), disabled=frozenset(args.disable)))
    blocks = page_blocks(Path(args.page).read_bytes()) if args.page else []
    keys = {b.key() for b in blocks}
    lang = guess_language(blocks) if blocks else None
    disabled = pipeline.config.disabled
    in_force = [p for p in pipeline.packs if p.applies(args.url, keys, lang) and p.name not in disabled]
    where = " and ".join(filter(None, [args.url, args.page])) or "a page with no URL"
    print(f"# {len(in_force)} of {len(pipeline.packs)} packs in force for {where}")
    for pack in in_force:
        print(f"{pack.name}  [{_why(pack, args.url, keys)}; stage {pack.stage}]  {pack.path or '<in memory>'}")
        if args.packs:
            continue
        for rule in pack.rules:
            off = "  (disabled)" if rule.id in disabled else ""
            print(f"  {rule.action:<10} {rule.id:<40}  {_what(rule)}  line {rule.line}{off}")
    return 0


def run_test(args) -> int:
    results = check_pack(args.pack, args.cases, rules=tuple(args.rules), disabled=frozenset(args.disable))
    for result in results:
        print(f"{'ok  ' if result.passed else 'FAIL'} {result.case.name}")
        if not result.passed:
            sys.stdout.write(result.diff())
    failed = sum(not r.passed for r in results)
    print(f"{len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


def _expand(names):
    """Files as given; a folder stands for its ``*.toml`` files, as in ``$SCRUBBER_RULES_DIR``."""
    for name in names:
        path = Path(name)
        yield from (sorted(str(p) for p in path.glob("*.toml")) if path.is_dir() else [name])


def _why(pack, url, keys) -> str:
    if not pack.scoped:
        return "every page"
    host = (urlsplit(url).hostname or "").casefold() if url else ""
    for domain in pack.domains:
        if host == domain or host.endswith("." + domain):
            return f"domain {domain}"
    found = [d for d in pack.detect if " ".join(d.split()).casefold() in keys]
    return f"page has {found[0]!r}" if found else "scoped"


def _what(rule) -> str:
    kind, value = (("text", rule.text) if rule.text is not None else
                   ("regex", rule.pattern.pattern) if rule.pattern is not None else ("selector", rule.selector))
    value = value if len(value) <= 60 else value[:59] + "…"
    return f"{kind} {value}"
