"""``scrubber clean [FILE ...]``: print the clean text of each file (stdin for none or ``-``)."""

from __future__ import annotations

import json
import sys

from ..api import clean_and_explain
from ..render import markdown
from ..rules import builtin_packs


def register(sub):
    parser = sub.add_parser("clean", help="clean HTML or scraped text files and print the article")
    parser.add_argument("files", nargs="*", help="input files; none or - reads stdin")
    parser.add_argument("--url", help="the page URL (switches on domain-scoped rule packs)")
    parser.add_argument("--format", choices=("text", "markdown", "json"), default="text",
                        help="plain text (default), Markdown (headings, lists, quotes, code kept) or JSON")
    parser.add_argument("--explain", action="store_true", help="also print every removed piece with its rule id")
    parser.add_argument("--no-title", action="store_true", help="leave the title out of the text")
    parser.add_argument("--rules", action="append", default=[], metavar="FILE", help="extra rule pack (repeatable)")
    parser.add_argument("--disable", action="append", default=[], metavar="ID",
                        help="switch off a filter, pack or rule id (repeatable)")
    parser.set_defaults(run=run)


def run(args) -> int:
    sources = args.files or ["-"]
    for number, name in enumerate(sources):
        data = sys.stdin.buffer.read() if name == "-" else _read(name)
        result = clean_and_explain(data, url=args.url, include_title=not args.no_title, rules=tuple(args.rules),
                                   disabled=frozenset(args.disable))
        if args.format == "json":
            record = result.as_dict()
            record["source"] = name
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            continue
        if number:
            sys.stdout.write("\n")
        sys.stdout.write(markdown(result, include_title=not args.no_title) if args.format == "markdown" else result.text)
        if args.explain:
            for removal in sorted(result.removed, key=lambda r: r.index):
                sys.stderr.write(f"removed [{explain(removal)}] {_short(removal.text)}\n")
    return 0


def explain(removal) -> str:
    """Who removed a piece: the pack and rule id, the filter that is not rule driven, or the
    scorer and its reason.

    >>> from scrubber.trace import Removal
    >>> explain(Removal("Quantcast", "trackers/quantcast", "trackers"))
    'pack trackers, rule quantcast'
    >>> explain(Removal("bread_at_home", "title_repeats/slug", "title_repeats"))
    'filter title_repeats, rule slug'
    >>> explain(Removal("Recipes", "score/short-outside-article", "scoring", "classified as chrome"))
    'scorer: classified as chrome'
    """
    owner, _, rule = removal.rule.partition("/")
    if removal.stage == "scoring":
        return f"scorer: {removal.reason or rule}"
    if owner == removal.stage and owner not in {p.name for p in builtin_packs()}:
        return f"filter {owner}, rule {rule}"
    return f"pack {owner}, rule {rule}" if rule else removal.rule


def _read(name):
    with open(name, "rb") as handle:
        return handle.read()


def _short(text, limit=100):
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
