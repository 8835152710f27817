"""How `scrubber batch` scales with worker processes on the shared corpus pages.

Builds one JSON-lines input from the ``html`` field of every ``../shared/corpus/*.jsonl.gz``
record in a temporary folder, runs ``scrubber batch`` on it with 1 and then N workers (2 by
default) in the same run, checks both outputs are identical, and prints pages/s and the speed-up.
With ``--rounds R`` the two settings alternate R times; the best run of each, and the median of
the rounds' speed-ups, damp the noise of other programs sharing the machine (the load average is printed too; CPU
seconds over wall seconds shows how many cores a run actually got). On Linux the scheduler
shares the CPUs fairly between sessions (autogroups), not processes: while other sessions keep
the machine busy, a second worker gains nothing. Run it on an idle machine, or give this run its
own heavily weighted group: ``setsid sh -c 'echo -20 > /proc/self/autogroup; exec python ...'``.

Two speed-ups are printed: wall clock of the whole command, and the job's own pages/s from its
summary, which leaves out interpreter start-up and rule loading (~0.45 CPU s, the same for any
number of workers). ``--repeat N`` writes every page N times, for a job long enough that those
fixed costs fade, as they do in a real crawl of millions of pages.

    python benchmarks/batch_scaling.py [--workers 2] [--rounds 1] [--repeat 1] [--limit N] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


def build_input(corpus: Path, target: Path, limit: int | None, repeat: int = 1) -> tuple[int, int]:
    """Write the corpus pages as {id, url, html} lines (each ``repeat`` times); returns (pages, bytes)."""
    pages = size = 0
    with open(target, "w", encoding="utf-8") as out:
        for copy in range(repeat):
            for record in _corpus_records(corpus, limit):
                out.write(json.dumps({"id": f"{record['id']}#{copy}", "url": record["url"], "html": record["html"]},
                                     ensure_ascii=False) + "\n")
                pages += 1
                size += len(record["html"].encode("utf-8"))
    return pages, size


def _corpus_records(corpus: Path, limit: int | None):
    taken = 0
    for path in sorted(corpus.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as records:
            for line in records:
                if limit is not None and taken >= limit:
                    return
                record = json.loads(line)
                yield {"id": f"{path.stem}/{record['id']}", "url": record.get("url"), "html": record["html"]}
                taken += 1


def run_batch(source: Path, output: Path, workers: int) -> tuple[float, float, str]:
    """Wall-clock and CPU seconds (all its processes) of one `scrubber batch` run, and its summary."""
    command = [sys.executable, "-m", "scrubber", "batch", str(source), "-o", str(output),
               "--workers", str(workers), "--no-progress"]
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    cpu_before, started = _children_cpu(), time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    return time.perf_counter() - started, _children_cpu() - cpu_before, done.stderr.strip()


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2, help="workers of the parallel run (default 2)")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N pages")
    parser.add_argument("--rounds", type=int, default=1, help="alternate the two settings R times, keep the best")
    parser.add_argument("--repeat", type=int, default=1, help="write every page N times (a longer job)")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args(argv)
    if not any(args.corpus.glob("*.jsonl.gz")):
        parser.error(f"no *.jsonl.gz pages in {args.corpus}")
    with tempfile.TemporaryDirectory(prefix="scrubber-scaling-") as tmp:
        source = Path(tmp) / "pages.jsonl"
        pages, size = build_input(args.corpus, source, args.limit, args.repeat)
        print(f"input: {pages} pages, {size / 1e6:.1f} MB of HTML, {os.cpu_count()} CPUs, "
              f"load average {os.getloadavg()[0]:.2f}")
        best, best_job, outputs, ratios = {}, {}, {}, []
        for _ in range(args.rounds):
            round_seconds = {}
            for workers in (1, args.workers):
                outputs[workers] = Path(tmp) / f"out-{workers}.jsonl"
                seconds, cpu, summary = run_batch(source, outputs[workers], workers)
                best[workers] = min(best.get(workers, seconds), seconds)
                round_seconds[workers] = seconds
                job_rate = float(re.search(r"([\d.]+) pages/s", summary).group(1))
                best_job[workers] = max(best_job.get(workers, job_rate), job_rate)
                print(f"--workers {workers}: {seconds:.1f} s, {pages / seconds:.1f} pages/s, "
                      f"{size / 1e6 / seconds:.2f} MB/s, {cpu / seconds:.2f} cores busy")
                print("  " + summary.replace("\n", "\n  "))
            ratios.append(round_seconds[1] / round_seconds[args.workers])
        same = outputs[1].read_bytes() == outputs[args.workers].read_bytes()
        print(f"load average {os.getloadavg()[0]:.2f}; best of {args.rounds}: "
              f"{pages / best[1]:.1f} pages/s with 1 worker, {pages / best[args.workers]:.1f} with {args.workers}")
        print(f"speed-up with {args.workers} workers: {best[1] / best[args.workers]:.2f}x wall clock, "
              f"{best_job[args.workers] / best_job[1]:.2f}x job pages/s (best runs); "
              f"{statistics.median(ratios):.2f}x median of rounds {' '.join(f'{r:.2f}' for r in ratios)}; "
              f"outputs identical: {'yes' if same else 'NO'}")
        return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
