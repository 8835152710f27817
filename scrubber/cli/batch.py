"""``scrubber batch INPUT... -o OUT.jsonl``: clean JSON-lines files, folders and WARC archives.

Writes exactly one JSON line per input document, in input order (``id``, ``url``, ``title``,
``text``, ``error``), shows a progress bar when stderr is a terminal and closes with a summary
on stderr. ``--resume`` appends to OUT, skipping documents whose id is already there.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from contextlib import closing, nullcontext

from ..errors import ScrubberError
from ..jobs import Summary, clean_many, read_inputs
from ..jobs.documents import as_document
from ..jobs.runner import FORMATS


def register(sub):
    parser = sub.add_parser("batch", help="clean many documents (JSON lines, folders, WARC) into a JSON-lines file")
    parser.add_argument("inputs", nargs="+", metavar="INPUT",
                        help="a .jsonl[.gz] file of records (id, html or text, url), a folder of .html/.htm/.txt "
                             "files, a .warc[.gz] archive, or - for JSON lines on stdin")
    parser.add_argument("-o", "--output", required=True, metavar="OUT.jsonl", help="where to write; - for stdout")
    parser.add_argument("--workers", type=int, default=None, metavar="N", help="worker processes (default: one per CPU)")
    parser.add_argument("--format", choices=FORMATS, default="text",
                        help="text field as plain text or markdown; json adds blocks and removals")
    parser.add_argument("--resume", action="store_true", help="append to OUT, skipping ids it already holds")
    parser.add_argument("--rules", action="append", default=[], metavar="FILE", help="extra rule pack (repeatable)")
    parser.add_argument("--disable", action="append", default=[], metavar="ID",
                        help="switch off a filter, pack or rule id (repeatable)")
    parser.add_argument("--no-title", action="store_true", help="leave the title out of the text")
    parser.add_argument("--max-bytes", type=int, default=None, metavar="N",
                        help="documents larger than N bytes get an error line instead of being cleaned")
    parser.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                        help="force the progress bar on or off (default: on when stderr is a terminal)")
    parser.set_defaults(run=run)


def run(args) -> int:
    if args.resume and args.output == "-":
        raise ScrubberError("--resume needs an output file, not stdout")
    done = finished_ids(args.output) if args.resume else set()
    summary = Summary()
    documents = read_inputs(args.inputs)
    if done:
        documents = _skipping(documents, done, summary)
    overrides = {"rules": tuple(args.rules), "disabled": frozenset(args.disable), "include_title": not args.no_title}
    if args.max_bytes is not None:
        overrides["max_input_bytes"] = args.max_bytes
    results = clean_many(documents, workers=args.workers, format=args.format, **overrides)
    show_progress = sys.stderr.isatty() if args.progress is None else args.progress
    # closing(): on Ctrl-C or a full disk the worker pool is shut down before the error propagates.
    with closing(results), _sink(args.output, args.resume) as sink, _progress_bar(show_progress) as bar:
        for result in results:
            sink.write(json.dumps(result.as_record(), ensure_ascii=False) + "\n")
            summary.add(result)
            if bar is not None:
                bar.update(1)
                bar.set_postfix(errors=summary.errors, refresh=False)
    print(summary.report(), file=sys.stderr)
    return 0


def finished_ids(output: str) -> set:
    """Ids already written to ``output``; a torn last line (the job was killed mid-write) is cut off."""
    if not os.path.exists(output):
        return set()
    done, complete = set(), 0
    with open(output, "rb") as handle:
        for line in handle:
            if not line.endswith(b"\n"):
                break
            complete += len(line)
            try:
                done.add(json.loads(line)["id"])
            except (ValueError, KeyError, TypeError):
                continue
    if complete != os.path.getsize(output):
        os.truncate(output, complete)
    return done


def _skipping(items, done: set, summary: Summary):
    for item in items:
        document = as_document(item, None)  # parses a JSON line here: its id decides
        if document.id in done:
            summary.skipped += 1
        else:
            yield document


def _sink(output: str, append: bool):
    if output == "-":
        return nullcontext(sys.stdout)
    return open(output, "a" if append else "w", encoding="utf-8")


def _progress_bar(show: bool):
    if not show:
        return nullcontext(None)
    from tqdm import tqdm

    tqdm.monitor_interval = 0  # no monitor thread: worker processes are forked while the bar is open
    return tqdm(unit="page", file=sys.stderr, dynamic_ncols=True, smoothing=0.05)
