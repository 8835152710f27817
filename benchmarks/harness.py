"""Running systems over records, and reporting what they did.

Shared by text_mode.py and html_mode.py so both print the same columns and dump
the same JSON (which ``metrics.py --selfcheck --predictions`` can re-score).
"""

import itertools
import json
import time
from dataclasses import dataclass, field

import metrics

MB = 1_000_000
# CPU time is there because the dev machines are shared: other processes stretch
# wall time, far less a single-threaded process's own CPU time.
CLOCKS = {"wall": time.perf_counter, "cpu": time.process_time}


def add_run_args(parser, systems):
    parser.add_argument("--systems", default=",".join(systems),
                        help="comma-separated subset of: %(default)s")
    parser.add_argument("--json", metavar="OUT", help="write per-page predictions and figures here")
    parser.add_argument("--worst", type=int, default=0, metavar="K",
                        help="list scrubber's K worst pages after each table")
    parser.add_argument("--clock", choices=sorted(CLOCKS), default="wall",
                        help="time per page as elapsed wall time (default) or this process's CPU time")
    parser.add_argument("--repeat", type=int, default=1, metavar="N",
                        help="call each system N times per page and keep the fastest time")


def check_args(parser, args, systems):
    args.systems = [s.strip() for s in args.systems.split(",") if s.strip()]
    unknown = [s for s in args.systems if s not in systems]
    if unknown:
        parser.error(f"unknown system(s) {', '.join(unknown)}; choose from {', '.join(systems)}")
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")


@dataclass
class Run:
    system: str
    preds: dict = field(default_factory=dict)
    seconds: dict = field(default_factory=dict)
    errors: dict = field(default_factory=dict)
    unavailable: str | None = None
    rss_base_kb: int | None = None
    rss_peak_kb: int | None = None


def describe(exc):
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0][:200]}" if text else type(exc).__name__


def run_system(name, factory, records, clock="wall", repeat=1):
    """Time `factory()`'s callable on each record (callable(rec) -> text); `records`
    may be any iterable, so a caller can stream pages instead of holding them all.

    A factory that raises makes the system unavailable; a call that raises counts
    as empty output for that page, as a crawler would treat it.  The first page is
    run once untimed so lazy imports and caches do not land on one page's timing.
    With repeat > 1 a page's time is its fastest call: interference from other
    processes only ever adds time, so the minimum is the least disturbed figure."""
    try:
        extract = factory()
    except Exception as exc:  # any failure to set up means "cannot compare", not a crash
        return Run(name, unavailable=describe(exc))
    run, now = Run(name), CLOCKS[clock]
    records = iter(records)
    first = next(records, None)
    if first is None:
        return run
    try:
        extract(first)
    except Exception:
        pass
    for rec in itertools.chain([first], records):
        times = []
        for _ in range(repeat):
            start = now()
            try:
                out = extract(rec)
            except Exception as exc:
                out, run.errors[rec["id"]] = "", describe(exc)
            times.append(now() - start)
        run.seconds[rec["id"]] = min(times)
        run.preds[rec["id"]] = out if isinstance(out, str) else ""
    return run


@dataclass
class Scored:
    run: Run
    summary: dict
    pages: dict
    mb_per_s: float | None
    pages_per_s: float | None


def score_run(run, records, input_bytes, quality=True):
    if run.unavailable:
        return Scored(run, {}, {}, None, None)
    summary, pages = metrics.score(records, run.preds) if quality else ({}, {})
    seconds = sum(run.seconds.values())
    return Scored(run, summary, pages,
                  input_bytes / MB / seconds if seconds else None,
                  len(records) / seconds if seconds else None)


def _fmt(value, spec):
    return "-" if value is None else format(value, spec)


def _ratio(r):
    # Two decimals hide how far behind a trivial baseline (the raw dump) is.
    return f"{r:.2f}x" if r >= 0.1 else f"{r:.2g}x"


def print_table(title, scored, extra_columns=()):
    """One row per system: quality, speed, scrubber's speed ratio, errors, blank outputs.

    extra_columns: (header, function(Scored) -> str) pairs for mode-specific figures."""
    print(f"\n== {title} ==")
    kind = next((k for s in scored for k in s.summary), None)
    quality = {"shingle": ["F1", "P", "R"], "snippet": ["F1", "P", "R", "acc"]}.get(kind, [])
    ours = next((s.mb_per_s for s in scored if s.run.system == "scrubber"), None)
    headers = ["system"] + quality + ["MB/s"] + [h for h, _ in extra_columns] + ["scrubber x", "errors", "empty"]
    rows = []
    for s in scored:
        if s.run.unavailable:
            rows.append([s.run.system, f"unavailable: {s.run.unavailable}"])
            continue
        figures = s.summary.get(kind, {})
        row = [s.run.system] + [_fmt(figures.get(k), ".3f") for k in
                                ("f1", "precision", "recall", "accuracy")[: len(quality)]]
        row.append(_fmt(s.mb_per_s, ".2f"))
        row += [fn(s) for _, fn in extra_columns]
        row.append(_ratio(ours / s.mb_per_s) if ours and s.mb_per_s else "n/a")
        row.append(str(len(s.run.errors)))
        # Blank output explains a low recall at a glance (whole pages dropped).
        row.append(str(sum(not p.strip() for p in s.run.preds.values())) if s.pages else "-")
        rows.append(row)
    widths = [max(len(r[i]) for r in rows + [headers] if len(r) > i and len(r) == len(headers))
              for i in range(len(headers))]
    print("  ".join(h.ljust(w) if i == 0 else h.rjust(w) for i, (h, w) in enumerate(zip(headers, widths))))
    for row in rows:
        if len(row) != len(headers):
            print(row[0].ljust(widths[0]), " ", row[1])
            continue
        print("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths))))
    for s in scored:
        if s.run.errors:
            first_id, first = next(iter(s.run.errors.items()))
            print(f"  {s.run.system}: {len(s.run.errors)} page(s) raised, first {first_id}: {first}")


def print_worst(scored, records, k, system="scrubber"):
    """The k pages where `system` did worst, so developers know where to look."""
    if k <= 0:
        return
    mine = next((s for s in scored if s.run.system == system and not s.run.unavailable), None)
    if mine is None or not mine.pages:
        print(f"  no worst-page list: {system} did not run")
        return
    by_id = {r["id"]: r for r in records}
    if "shingle" in next(iter(mine.pages.values())):
        # Among equal F1 (often 0), the longest gold is the costliest miss.
        worst = sorted(mine.pages, key=lambda i: (mine.pages[i]["shingle"]["f1"], -len(by_id[i]["text"])))[:k]
        print(f"  worst {len(worst)} for {system} by shingle F1:")
        for i in worst:
            d = mine.pages[i]["shingle"]
            print(f"    {i}: F1 {d['f1']:.3f} P {_fmt(d['precision'], '.3f')} R {_fmt(d['recall'], '.3f')}"
                  f"  output {len(mine.run.preds[i])} chars, gold {len(by_id[i]['text'])} chars"
                  + (f"  [raised {mine.run.errors[i]}]" if i in mine.run.errors else ""))
        return
    worst = sorted(mine.pages, key=lambda i: -(mine.pages[i]["snippet"]["fn"] + mine.pages[i]["snippet"]["fp"]))
    worst = [i for i in worst if mine.pages[i]["snippet"]["fn"] + mine.pages[i]["snippet"]["fp"]][:k]
    print(f"  worst {len(worst)} for {system} by snippet errors (missed + leaked):")
    for i in worst:
        text = metrics.squash_whitespace(mine.run.preds[i])
        missed = [s for s in by_id[i].get("with") or [] if metrics.squash_whitespace(s) not in text]
        leaked = [s for s in by_id[i].get("without") or [] if metrics.squash_whitespace(s) in text]
        print(f"    {i} {by_id[i].get('url') or ''}"
              + (f"  [raised {mine.run.errors[i]}]" if i in mine.run.errors else ""))
        for label, snippets in (("missed", missed), ("leaked", leaked)):
            for snip in snippets[:3]:
                print(f"      {label}: {snip[:90]!r}")


def report(title, scored, records, args, meta, extra_columns=()):
    """Print one dataset's table and worst pages; return its runs for ``dump_json``.

    ``meta`` says what was run (mode, dataset, field), stored beside each system's figures.
    """
    print_table(title, scored, extra_columns)
    print_worst(scored, records, args.worst)
    return [{**meta, "limit": args.limit, "scored": s} for s in scored]


def dump_json(path, runs):
    """runs: dicts with mode/dataset/field/limit plus a Scored under "scored"."""
    out = []
    for r in runs:
        s = r.pop("scored")
        out.append({**r, "system": s.run.system, "unavailable": s.run.unavailable,
                    "summary": s.summary, "mb_per_s": s.mb_per_s, "pages_per_s": s.pages_per_s,
                    "rss_base_kb": s.run.rss_base_kb, "rss_peak_kb": s.run.rss_peak_kb,
                    "errors": len(s.run.errors),
                    "records": {i: {"pred": p, "seconds": s.run.seconds[i],
                                    "error": s.run.errors.get(i), **s.pages.get(i, {})}
                                for i, p in s.run.preds.items()} if s.pages else {}})
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"runs": out}, f, ensure_ascii=False)
    print(f"\nper-page predictions and figures written to {path}")
