"""Text-mode benchmark: clean a scraper's text dump, side by side with peers.

    python benchmarks/text_mode.py [--corpus DIR] [--limit N] [--only readability|trafilatura]
        [--systems scrubber,dump,justext,c4] [--json OUT] [--worst K] [--clock wall|cpu] [--repeat N]

For each dataset and each dump field (dump_lines: one text node per line;
dump_flat: the same joined by spaces) every system gets the dump and must return
the article text.  See benchmarks/README.md for the columns.  Run by hand only.
"""

import argparse
import sys

import harness
import peers
from corpus import add_corpus_args, load_dataset, selected_datasets

FIELDS = ("dump_lines", "dump_flat")


# A dump holding one flattened line: the harness's untimed first page builds what a process
# builds once (the rule index), but the head screen of flattened lines is built at the first
# page that has one, which may come later and would put a one-off cost on that page's timing.
_FLATTENED_WARM_UP = "Home News\n" + "Share this The ferry ran twice a day, and the mill reopened on Monday. " * 12


def make_scrubber(field):
    from scrubber import clean  # a namespace package without clean() is "unavailable" too
    clean(_FLATTENED_WARM_UP, include_title=False)
    return lambda rec: clean(rec[field], include_title=False)


def make_dump(field):
    # The untouched dump: the recall ceiling and the precision floor.
    return lambda rec: rec[field]


def make_justext(field):
    import justext  # noqa: F401  (fail here, as "unavailable", if it is missing)

    def extract(rec):
        text = rec[field]
        return peers.justext_text(peers.lines_as_html(text), peers.guess_stoplist(text))
    return extract


def make_c4(field):
    return lambda rec: peers.c4_filter(rec[field])


SYSTEMS = {"scrubber": make_scrubber, "dump": make_dump, "justext": make_justext, "c4": make_c4}


def parse_args(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_corpus_args(ap)
    harness.add_run_args(ap, SYSTEMS)
    args = ap.parse_args(argv)
    harness.check_args(ap, args, SYSTEMS)
    return args


def main(argv=None):
    args = parse_args(argv)
    dumped = []
    for dataset in selected_datasets(args):
        records = load_dataset(args.corpus, dataset, args.limit)
        for field in FIELDS:
            size = sum(len(r[field].encode("utf-8")) for r in records)
            scored = [harness.score_run(harness.run_system(name, lambda n=name: SYSTEMS[n](field), records,
                                                           args.clock, args.repeat),
                                        records, size)
                      for name in args.systems]
            title = (f"text mode: {dataset} / {field} ({len(records)} pages, "
                     f"{size / harness.MB:.2f} MB, {args.clock} clock)")
            dumped += harness.report(title, scored, records, args,
                                     {"mode": "text", "dataset": dataset, "field": field})
    if args.json:
        harness.dump_json(args.json, dumped)
    return 0


if __name__ == "__main__":
    sys.exit(main())
