"""Does clean() stay linear in time and memory as one page grows 1x, 10x, 100x?

Takes one page of ``../shared/corpus`` (HTML, and its scraped text dump ``dump_lines``), builds
documents of the same page repeated N times -- the body repeated inside one HTML document; the
dump's lines repeated -- and cleans each in a fresh subprocess, so every size starts from the
same interpreter and its peak RSS is its own. Copies are made distinct by a copy number appended
to each prose line (40+ characters): repeated identical prose would be answered from per-page
caches and flatter the result; short lines (menus, buttons) repeat unchanged, as chrome does.

Prints, per size: MB of input, wall and CPU seconds, CPU seconds per MB, peak RSS and how much
the run added to the interpreter's own peak (all packs loaded). Linear means the s/MB column
stays flat and the RSS growth grows no faster than the input.

    python benchmarks/input_scaling.py [--sizes 1,10,100] [--id PAGE_ID] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
DATASET = "readability-pages.jsonl.gz"
_BODY = regex.compile(r"(?is)^(.*?<body[^>]*>)(.*)(</body>.*)$")
_TEXT_NODE = regex.compile(r">([^<>]{40,})<")


def pick_page(corpus: Path, page_id: str | None) -> dict:
    """The record asked for, else the first one whose HTML is 50-150 KB (a typical article page)."""
    with gzip.open(corpus / DATASET, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if page_id == record["id"] or (page_id is None and 50_000 <= len(record["html"]) <= 150_000):
                return record
    raise SystemExit(f"no suitable page in {corpus / DATASET}")


def grow_html(html: str, times: int) -> str:
    found = _BODY.match(html)
    head, body, tail = found.groups() if found else ("<html><body>", html, "</body></html>")
    copies = [body] + [_TEXT_NODE.sub(lambda m, n=n: f">{m.group(1)} {n}<", body) for n in range(2, times + 1)]
    return head + "".join(copies) + tail


def grow_text(text: str, times: int) -> str:
    lines = text.splitlines()
    copies = [text] + ["\n".join(f"{line} {n}" if len(line) >= 40 else line for line in lines)
                       for n in range(2, times + 1)]
    return "\n".join(copies)


def measure(path: str) -> dict:
    """Child process: clean the document in ``path`` once, after a warm-up that loads every pack."""
    sys.path.insert(0, str(ROOT))
    import scrubber

    scrubber.clean("Warm-up line.\nAnother line of text for the warm-up run.")
    baseline = _peak_rss_kb()
    doc = Path(path).read_bytes().decode("utf-8")
    wall, cpu = time.perf_counter(), time.process_time()
    out = scrubber.clean(doc, time_budget=None, max_input_bytes=None)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return {"wall": wall, "cpu": cpu, "peak_kb": _peak_rss_kb(), "baseline_kb": baseline, "out_chars": len(out)}


def _peak_rss_kb() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def run_size(doc: str) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".doc", delete=False, encoding="utf-8") as handle:
        handle.write(doc)
    try:
        done = subprocess.run([sys.executable, __file__, "--child", handle.name], capture_output=True, text=True,
                              check=True)
    finally:
        os.unlink(handle.name)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1,10,100", help="multipliers (default: %(default)s)")
    parser.add_argument("--id", help="corpus record id (default: first 50-150 KB readability page)")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child)))
        return
    record = pick_page(args.corpus, args.id)
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"page {record['id']}: html {len(record['html']) / 1e3:.0f} KB, text dump {len(record['dump_lines']) / 1e3:.0f} KB; "
          f"load average {os.getloadavg()[0]:.1f}")
    print(f"{'input':<6}{'size':>6}{'MB':>9}{'wall s':>9}{'CPU s':>9}{'CPU s/MB':>10}{'peak RSS MB':>13}"
          f"{'RSS growth MB':>15}{'out KB':>9}")
    for mode, grow, source in (("html", grow_html, record["html"]), ("text", grow_text, record["dump_lines"])):
        for times in sizes:
            doc = grow(source, times)
            megabytes = len(doc.encode("utf-8")) / 1e6
            result = run_size(doc)
            growth = (result["peak_kb"] - result["baseline_kb"]) / 1024
            print(f"{mode:<6}{times:>5}x{megabytes:>9.2f}{result['wall']:>9.2f}{result['cpu']:>9.2f}"
                  f"{result['cpu'] / megabytes:>10.2f}{result['peak_kb'] / 1024:>13.0f}{growth:>15.0f}"
                  f"{result['out_chars'] / 1e3:>9.0f}", flush=True)


if __name__ == "__main__":
    main()
