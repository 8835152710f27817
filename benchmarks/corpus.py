"""Locating and loading the evaluation corpus.

The pages are not ours to redistribute, so they never enter the repository: the
benchmarks read them from ``<repo>/../shared/corpus`` unless ``--corpus`` says
otherwise.
"""

import gzip
import json
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
DATASETS = {
    "readability": "readability-pages.jsonl.gz",
    "trafilatura": "trafilatura-dev.jsonl.gz",
}
# Mozilla Readability's tests resolve links against this base, so extractors that
# take a URL get it for those pages (their records carry url=null).
READABILITY_BASE_URL = "http://fakehost/test/page.html"


def add_corpus_args(parser):
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                        help="folder holding the *.jsonl.gz datasets (default: %(default)s)")
    parser.add_argument("--limit", type=int, default=None, metavar="N",
                        help="use only the first N records of each dataset")
    parser.add_argument("--only", choices=sorted(DATASETS),
                        help="run a single dataset")


def selected_datasets(args):
    return [args.only] if args.only else list(DATASETS)


def iter_dataset(corpus, name, limit=None, fields=None):
    """Records of one dataset, one at a time, optionally trimmed to `fields`.

    Streaming lets the HTML-mode workers measure a system's peak RSS on top of a
    small interpreter rather than on top of the whole decoded corpus."""
    path = Path(corpus) / DATASETS[name]
    if not path.exists():
        raise SystemExit(f"corpus file not found: {path} (use --corpus DIR)")
    count = 0
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if limit is not None and count >= limit:
                return
            if not line.strip():
                continue
            rec = json.loads(line)
            count += 1
            yield rec if fields is None else {k: rec[k] for k in fields if k in rec}


def load_dataset(corpus, name, limit=None, fields=None):
    return list(iter_dataset(corpus, name, limit, fields))


def page_url(rec):
    return rec.get("url") or (READABILITY_BASE_URL if rec.get("source") == "readability" else None)
