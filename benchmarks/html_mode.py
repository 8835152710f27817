"""HTML-mode benchmark: extract article text from raw pages, side by side with peers.

    python benchmarks/html_mode.py [--corpus DIR] [--limit N] [--only readability|trafilatura]
        [--systems scrubber,trafilatura,...] [--json OUT] [--worst K] [--clock wall|cpu] [--repeat N]
        [--interleave]

Each (system, dataset) pair runs in a fresh interpreter that streams the pages,
so its peak RSS is its own: imports, parse trees and caches of other systems, or
the whole decoded corpus, would otherwise inflate it.  By default the systems run
one after another; with --interleave all their workers start at once and each page
goes to every worker in turn, so a drift of the machine's speed hits them alike.
The parent only collects predictions and timings and scores them.  See
benchmarks/README.md for the columns.  Run by hand only.
"""

import argparse
import inspect
import json
import os
import resource
import subprocess
import sys
import tempfile
from dataclasses import asdict

import harness
import peers
from corpus import add_corpus_args, iter_dataset, load_dataset, page_url, selected_datasets

SPEED_FLOOR = "lxml-parse"


def make_scrubber():
    from scrubber import clean  # a namespace package without clean() is "unavailable" too
    return lambda rec: clean(rec["html"], url=page_url(rec), include_title=False)


def _trafilatura(**options):
    import trafilatura

    def extract(rec):
        return trafilatura.extract(rec["html"], url=page_url(rec), include_comments=False,
                                   include_tables=True, **options)
    return extract


def make_trafilatura_fast():
    import trafilatura
    # trafilatura 1.x called this no_fallback; 2.x renamed it fast (keeping the old name deprecated).
    flag = "fast" if "fast" in inspect.signature(trafilatura.extract).parameters else "no_fallback"
    return _trafilatura(**{flag: True})


def make_readability():
    import lxml.html
    from readability import Document
    return lambda rec: peers.block_text(lxml.html.fromstring(Document(rec["html"]).summary()))


def make_justext():
    import justext  # noqa: F401  (fail here, as "unavailable", if it is missing)
    return lambda rec: peers.justext_text(rec["html"], peers.stoplist_for_html(rec["html"]))


def make_resiliparse():
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree
    return lambda rec: extract_plain_text(HTMLTree.parse(rec["html"]), main_content=True)


def make_boilerpy3():
    from boilerpy3 import extractors
    extractor = extractors.ArticleExtractor()
    return lambda rec: extractor.get_content(rec["html"])


def make_lxml_parse():
    import lxml.html
    # Parsing alone, no extraction: the speed any lxml-based extractor cannot beat.
    def parse(rec):
        try:
            lxml.html.document_fromstring(rec["html"])
        except ValueError:  # a str with an XML encoding declaration: lxml takes only bytes then
            lxml.html.document_fromstring(rec["html"].encode("utf-8"))
        return ""
    return parse


SYSTEMS = {
    "scrubber": make_scrubber,
    "trafilatura": _trafilatura,
    "trafilatura-precision": lambda: _trafilatura(favor_precision=True),
    "trafilatura-fast": make_trafilatura_fast,
    "readability-lxml": make_readability,
    "justext": make_justext,
    "resiliparse": make_resiliparse,
    "boilerpy3": make_boilerpy3,
    SPEED_FLOOR: make_lxml_parse,
}


def _reset_peak_rss():
    """Forget the peak reached while starting up, so the base is what the process
    holds right before the system is imported.  Linux resets the high-water mark
    when "5" is written to clear_refs; elsewhere the base stays conservative."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
    except OSError:
        pass


def _peak_rss_kb():
    """This process's peak RSS.  VmHWM rather than ru_maxrss where /proc exists:
    Linux carries the parent's RSS at fork into the child's ru_maxrss across exec,
    so a worker forked from a parent holding the corpus would report that instead."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def worker(args):
    """Child side: run one system on one dataset, write the Run as JSON."""
    records = iter_dataset(args.corpus, args.dataset, args.limit, fields=("id", "source", "url", "html"))
    if args.serve:
        records = _on_cue(records)
    _reset_peak_rss()
    base = _peak_rss_kb()
    run = harness.run_system(args.worker, SYSTEMS[args.worker], records, args.clock, args.repeat)
    run.rss_base_kb, run.rss_peak_kb = base, _peak_rss_kb()
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(asdict(run), f)
    return 0


def _on_cue(records):
    """The records, each only once the parent says go (a line on stdin); a line on stdout
    tells it that the page before is done.  The system's own output goes to stderr, so
    that nothing it prints is taken for a cue."""
    cues = os.fdopen(os.dup(sys.stdout.fileno()), "w")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    for rec in records:
        if not sys.stdin.readline():
            return  # the parent stopped early
        yield rec  # the harness asks for the next page once this one is done
        cues.write("done\n")
        cues.flush()


def _worker_command(name, dataset, args, out):
    cmd = [sys.executable, os.path.abspath(__file__), "--worker", name, "--dataset", dataset,
           "--corpus", str(args.corpus), "--out", out, "--clock", args.clock,
           "--repeat", str(args.repeat)]
    if args.limit is not None:
        cmd += ["--limit", str(args.limit)]
    return cmd


def _read_run(name, out, returncode, stderr):
    if returncode != 0:
        tail = (stderr.strip().splitlines() or ["no message"])[-1]
        return harness.Run(name, unavailable=f"worker exited with {returncode}: {tail[:200]}")
    with open(out, encoding="utf-8") as f:
        return harness.Run(**json.load(f))


def spawn_interleaved(names, dataset, pages, args):
    """Parent side of --interleave: one worker per system, all started at once; page after
    page, each worker in turn handles it while the others wait (the order rotates from page to
    page, so no system always follows the same one).  Returns the Runs in ``names``' order."""
    workers = []
    for name in names:
        fd, out = tempfile.mkstemp(prefix=f"bench-{name}-", suffix=".json")
        os.close(fd)
        errors = tempfile.TemporaryFile("w+")  # a file, not a pipe: a chatty peer cannot block on it
        proc = subprocess.Popen(_worker_command(name, dataset, args, out) + ["--serve"], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=errors, text=True)
        workers.append((name, out, errors, proc))
    try:
        serving = list(range(len(workers)))
        for page in range(pages):
            turn = page % len(serving) if serving else 0
            for number in serving[turn:] + serving[:turn]:
                proc = workers[number][3]
                try:
                    proc.stdin.write("go\n")
                    proc.stdin.flush()
                    answered = proc.stdout.readline()
                except BrokenPipeError:
                    answered = ""
                if not answered:  # unavailable, or crashed: it has stopped reading pages
                    serving.remove(number)
        runs = []
        for name, out, errors, proc in workers:
            try:
                proc.stdin.close()
            except BrokenPipeError:
                pass
            proc.wait()
            errors.seek(0)
            runs.append(_read_run(name, out, proc.returncode, errors.read()))
        return runs
    finally:
        for name, out, errors, proc in workers:
            if proc.poll() is None:
                proc.kill()
            errors.close()
            os.unlink(out)


def spawn(name, dataset, args):
    """Parent side: run a worker and read back its Run."""
    fd, out = tempfile.mkstemp(prefix=f"bench-{name}-", suffix=".json")
    os.close(fd)
    try:
        done = subprocess.run(_worker_command(name, dataset, args, out), stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
        return _read_run(name, out, done.returncode, done.stderr)
    finally:
        os.unlink(out)


def _mib(kb):
    return "-" if kb is None else f"{kb / 1024:.0f}"


EXTRA_COLUMNS = (
    ("pages/s", lambda s: "-" if s.pages_per_s is None else f"{s.pages_per_s:.1f}"),
    ("RSS MiB", lambda s: _mib(s.run.rss_peak_kb)),
    ("+RSS MiB", lambda s: _mib(s.run.rss_peak_kb - s.run.rss_base_kb)
     if s.run.rss_peak_kb is not None else "-"),
)


def parse_args(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_corpus_args(ap)
    harness.add_run_args(ap, SYSTEMS)
    ap.add_argument("--interleave", action="store_true",
                    help="start every system's worker at once and hand each page to each in turn, so a drift "
                         "in the machine's speed hits all systems alike (default: one system after another)")
    ap.add_argument("--worker", choices=SYSTEMS, help=argparse.SUPPRESS)
    ap.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    for internal in ("--dataset", "--out"):
        ap.add_argument(internal, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    harness.check_args(ap, args, SYSTEMS)
    return args


def walks_in_use() -> str:
    """Which of scrubber's HTML tree walks the workers run (they inherit this environment)."""
    try:
        from scrubber.source.html import compiled
    except Exception as exc:  # a broken checkout: its worker reports the same, as an "unavailable" row
        return f"unavailable ({harness.describe(exc)})"
    return "compiled (_walk.pyx)" if compiled.walk is not None else "Python (not built, or SCRUBBER_PURE_PYTHON=1)"


def main(argv=None):
    args = parse_args(argv)
    if args.worker:
        return worker(args)
    if "scrubber" in args.systems:
        print(f"scrubber's tree walks: {walks_in_use()}", file=sys.stderr)
    dumped = []
    for dataset in selected_datasets(args):
        records = load_dataset(args.corpus, dataset, args.limit)
        size = sum(len(r["html"].encode("utf-8")) for r in records)
        if args.interleave:
            print(f"  running {', '.join(args.systems)} on {dataset}, interleaved ...", file=sys.stderr, flush=True)
            runs = spawn_interleaved(args.systems, dataset, len(records), args)
        else:
            runs = []
            for name in args.systems:
                print(f"  running {name} on {dataset} ...", file=sys.stderr, flush=True)
                runs.append(spawn(name, dataset, args))
        scored = [harness.score_run(run, records, size, quality=run.system != SPEED_FLOOR) for run in runs]
        title = f"HTML mode: {dataset} ({len(records)} pages, {size / harness.MB:.2f} MB, {args.clock} clock)"
        dumped += harness.report(title, scored, records, args, {"mode": "html", "dataset": dataset, "field": "html"},
                                 EXTRA_COLUMNS)
    if args.json:
        harness.dump_json(args.json, dumped)
    return 0


if __name__ == "__main__":
    sys.exit(main())
