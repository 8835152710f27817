"""``scrubber learn PAGES... -o site.toml``: write a draft pack of the lines a site repeats on its pages.

PAGES are HTML or text files, folders of them (or of golden cases, ``<case>/input.*`` beside a
``<case>/url`` file), or JSON-lines files (``.jsonl``, ``.jsonl.gz``) whose records hold a page
in ``html``, ``content`` or ``text`` and its address in ``url``.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

from ..errors import ScrubberError
from ..learn import learn
from ..rules import load_pack

_PAGE_FIELDS = ("html", "content", "raw", "text")
_PAGE_SUFFIXES = (".html", ".htm", ".txt", ".jsonl", ".jsonl.gz")


def register(sub):
    parser = sub.add_parser("learn", help="learn a site's chrome from several of its pages and write a draft pack")
    parser.add_argument("pages", nargs="+", metavar="PAGE",
                        help="pages of one site: HTML or text files, folders, or .jsonl(.gz) with url/html fields")
    parser.add_argument("-o", "--output", metavar="FILE", help="write the pack here (default: stdout)")
    parser.add_argument("--min-share", type=float, default=0.6, metavar="SHARE",
                        help="a line becomes a rule when found on at least this share of the pages (default 0.6)")
    parser.add_argument("--domain", action="append", default=[], metavar="HOST",
                        help="the site's domain, for the pack's scope (repeatable; URLs in the input add theirs)")
    parser.add_argument("--url-file", metavar="FILE", help="a file of page URLs, one per line, in the order of PAGES")
    parser.add_argument("--name", help="the pack name (default: from the domain)")
    parser.add_argument("--rules", action="append", default=[], metavar="FILE",
                        help="extra rule pack whose drops are not learned again (repeatable)")
    parser.add_argument("--disable", action="append", default=[], metavar="ID",
                        help="built-in pack or rule id whose drops should be learned anyway (repeatable)")
    parser.set_defaults(run=run)


def run(args) -> int:
    pages, urls = [], []
    for name in args.pages:
        for page, url in read_pages(Path(name)):
            pages.append(page)
            urls.append(url)
    if args.url_file:  # only the hosts matter: they become the pack's domains
        urls += Path(args.url_file).read_text(encoding="utf-8").split()
    learned = learn(pages, min_share=args.min_share, urls=[u for u in urls if u], domains=args.domain,
                    name=args.name, rules=tuple(args.rules), disabled=frozenset(args.disable))
    toml = learned.to_toml()
    if args.output:
        Path(args.output).write_text(toml, encoding="utf-8")
        load_pack(args.output)  # the written file must load: fail here, not in the next job
        active = sum(1 for line in learned.lines if not line.inside_article)
        print(f"learned {active} rules ({len(learned.lines) - active} commented out) from {learned.pages} pages "
              f"-> {args.output}", file=sys.stderr)
    else:
        learned.pack()
        sys.stdout.write(toml)
    return 0


def read_pages(path: Path):
    """``(document, url or None)`` for each page in a file, a folder or a JSON-lines file."""
    if path.is_dir():
        cases = sorted(path.rglob("input.*"))
        if cases:  # golden cases (scrubber.testing layout): <case>/input.* with an optional <case>/url
            for case in cases:
                url = case.parent / "url"
                yield case.read_bytes(), url.read_text(encoding="utf-8").strip() if url.exists() else None
            return
        for child in sorted(p for p in path.rglob("*") if p.name.endswith(_PAGE_SUFFIXES)):
            yield from read_pages(child)
        return
    if path.name.endswith((".jsonl", ".jsonl.gz")):
        opener = gzip.open if path.name.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if line.strip():
                    yield _record(line, path, number)
        return
    try:
        yield path.read_bytes(), None
    except OSError as exc:
        raise ScrubberError(f"cannot read {path}: {exc.strerror or exc}") from exc


def _record(line, path, number):
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ScrubberError(f"{path}:{number}: not a JSON record: {exc}") from exc
    if isinstance(record, dict):
        for field in _PAGE_FIELDS:
            if isinstance(record.get(field), str):
                return record[field], record.get("url")
    raise ScrubberError(f"{path}:{number}: a record needs a page in one of the fields {', '.join(_PAGE_FIELDS)}")
