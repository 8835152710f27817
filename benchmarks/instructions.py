"""Instructions scrubber executes on pages it has not seen, counted by callgrind.

Timings on a shared machine drift by tens of percent from run to run; the number of
instructions a run executes does not (under 1% with a fixed hash seed), so this is the figure
to compare two versions of scrubber by, or its compiled walks with the Python ones:

    python benchmarks/instructions.py --mode dump_lines
    python benchmarks/instructions.py --mode dump_flat --pure

It warms a process up on other pages of the corpus (imports, compiled rules, the caches a
long job fills), then cleans the measured pages once each, as a crawl shows them, and reports
the difference between a run with and one without that last pass. ``--seen`` cleans the
measured pages once more first: a re-run, where scrubber's cross-page caches already know every
line (the figure earlier versions of the README quoted; it flatters scrubber).

Needs valgrind on PATH.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import DEFAULT_CORPUS, load_dataset  # noqa: E402

MODES = ("dump_lines", "dump_flat", "html")
# Under valgrind a run is some 50 times slower: the first page, which compiles the rules, would
# overrun the default time budget. An hour keeps the deadline checks and never ends the run.
HOUR = 3600.0


def pages(corpus, field, count, warmup):
    """The measured pages (half from each dataset) and the warm-up pages (later trafilatura-dev
    records, never measured)."""
    half = count // 2
    later = load_dataset(corpus, "trafilatura", 200 + warmup, [field])
    measured = [r[field] for r in load_dataset(corpus, "readability", half, [field])]
    measured += [r[field] for r in later[:count - half]]
    return measured, [r[field] for r in later[200:]]


def worker(args):
    from scrubber import clean

    measured, warm = pages(args.corpus, args.mode, args.pages, args.warmup)
    for doc in warm:
        clean(doc, include_title=False, time_budget=HOUR)
    if args.seen:
        for doc in measured:
            clean(doc, include_title=False, time_budget=HOUR)
    if args.measure:
        for doc in measured:
            clean(doc, include_title=False, time_budget=HOUR)


def count(args, measure):
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable,
               __file__, "--worker", "--mode", args.mode, "--pages", str(args.pages),
               "--warmup", str(args.warmup), "--corpus", str(args.corpus)]
    command += ["--seen"] if args.seen else []
    command += ["--measure"] if measure else []
    env = dict(os.environ, PYTHONHASHSEED="0")
    if args.pure:
        env["SCRUBBER_PURE_PYTHON"] = "1"
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if done.returncode or not found:
        raise SystemExit(f"callgrind run failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return int(found.group(1))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mode", choices=MODES, default="dump_lines", help="input field to clean")
    parser.add_argument("--pages", type=int, default=40, help="measured pages (default: %(default)s)")
    parser.add_argument("--warmup", type=int, default=60, help="warm-up pages (default: %(default)s)")
    parser.add_argument("--pure", action="store_true", help="SCRUBBER_PURE_PYTHON=1: the Python walks")
    parser.add_argument("--seen", action="store_true", help="measure a re-run of pages already cleaned")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        return worker(args)
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not on PATH (Debian: apt install valgrind)")
    measured, _ = pages(args.corpus, args.mode, args.pages, args.warmup)
    size = sum(len(doc.encode("utf-8")) for doc in measured)
    instructions = count(args, True) - count(args, False)
    kind = "re-run" if args.seen else "unseen"
    walks = "Python walks" if args.pure else "compiled walks"
    print(f"{args.mode}: {instructions / 1e6:,.1f}M instructions for {len(measured)} {kind} pages "
          f"({size / 1e6:.2f} MB, {instructions / size:,.0f} per input byte; {walks})")


if __name__ == "__main__":
    main()
