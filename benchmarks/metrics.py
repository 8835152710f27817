"""Extraction quality metrics used by the benchmarks.

Two metrics, chosen so our figures compare with published ones:

* shingle overlap (ScrapingHub article-extraction benchmark) for pages with a gold
  article text: tokens are ``\\w+`` matches, a text is the multiset of its 4-token
  windows (a text of 1-3 tokens is a single shorter window).  Precision and recall
  are computed per page, averaged over pages, and F1 is the harmonic mean of those
  two averages.  Pages with nothing predicted do not enter the precision average
  and pages with an empty gold do not enter the recall average, so an extractor is
  not rewarded with precision 1.0 for returning nothing.
* snippet matching (trafilatura benchmark) for pages annotated with ``with`` and
  ``without`` snippets: after collapsing whitespace, a ``with`` snippet found in the
  output is a true positive (else a false negative), a ``without`` snippet found is a
  false positive (else a true negative).  Counts are summed over pages before the
  ratios are taken, as trafilatura's evaluation does.

``python benchmarks/metrics.py --selfcheck`` compares these implementations with the
corpus's reference scorer (``score.py`` beside the data), which we deliberately do not
import in normal runs so the benchmarks work without it.
"""

import argparse
import math
import re
import sys
from collections import Counter

TOKEN = re.compile(r"\w+")
WHITESPACE = re.compile(r"\s+")
SHINGLE = 4


def shingles(text):
    tokens = TOKEN.findall(text or "")
    if len(tokens) <= SHINGLE:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(zip(*(tokens[i:] for i in range(SHINGLE))))


def shingle_doc(gold, pred):
    """Per-page shingle figures; precision/recall are None when undefined."""
    g, p = shingles(gold), shingles(pred)
    common = sum((g & p).values())
    n_pred, n_gold = sum(p.values()), sum(g.values())
    precision = common / n_pred if n_pred else None
    recall = common / n_gold if n_gold else None
    if precision and recall:
        f1 = 2 * precision * recall / (precision + recall)
    else:
        # Both empty is a perfect answer (nothing to find, nothing found).
        f1 = 1.0 if not (n_pred or n_gold) else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def _average(values):
    values = [v for v in values if v is not None]
    return math.fsum(values) / len(values) if values else 0.0


def shingle_summary(docs):
    docs = list(docs)
    p = _average(d["precision"] for d in docs)
    r = _average(d["recall"] for d in docs)
    return {"f1": 2 * p * r / (p + r) if p + r else 0.0, "precision": p,
            "recall": r, "pages": len(docs)}


def squash_whitespace(text):
    return WHITESPACE.sub(" ", text).strip()


def snippet_doc(pred, with_=(), without=()):
    """Per-page snippet counts tp/fn (wanted snippets) and fp/tn (unwanted ones)."""
    text = squash_whitespace(pred or "")
    found = sum(squash_whitespace(s) in text for s in with_)
    leaked = sum(squash_whitespace(s) in text for s in without)
    return {"tp": found, "fn": len(with_) - found, "fp": leaked, "tn": len(without) - leaked}


def snippet_summary(docs):
    docs = list(docs)
    tp, fp, fn, tn = (sum(d[k] for d in docs) for k in ("tp", "fp", "fn", "tn"))

    def ratio(a, b):
        return a / b if b else 0.0

    return {"f1": ratio(2 * tp, 2 * tp + fp + fn), "precision": ratio(tp, tp + fp),
            "recall": ratio(tp, tp + fn), "accuracy": ratio(tp + tn, tp + fp + fn + tn),
            "tp": tp, "fp": fp, "fn": fn, "tn": tn, "pages": len(docs)}


def score(records, preds):
    """Corpus figures for {id: text} predictions; missing ids count as empty output.

    Returns (summary, per_page): summary has a "shingle" and/or "snippet" entry
    depending on which gold the records carry."""
    per_page, shingle_docs, snippet_docs = {}, [], []
    for rec in records:
        pred = preds.get(rec["id"]) or ""
        page = {}
        if isinstance(rec.get("text"), str):
            page["shingle"] = shingle_doc(rec["text"], pred)
            shingle_docs.append(page["shingle"])
        if "with" in rec or "without" in rec:
            page["snippet"] = snippet_doc(pred, rec.get("with") or [], rec.get("without") or [])
            snippet_docs.append(page["snippet"])
        per_page[rec["id"]] = page
    summary = {}
    if shingle_docs:
        summary["shingle"] = shingle_summary(shingle_docs)
    if snippet_docs:
        summary["snippet"] = snippet_summary(snippet_docs)
    return summary, per_page


# --------------------------------------------------------------- cross-check

def _load_reference(corpus):
    import importlib.util
    path = corpus / "score.py"
    if not path.exists():
        raise SystemExit(f"reference scorer not found: {path}; nothing to cross-check against")
    spec = importlib.util.spec_from_file_location("reference_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _prediction_sets(records):
    """Outputs that exercise the edge cases: empty, tiny, partial, duplicated, perfect."""
    def every_other_line(r):
        return "\n".join(r["dump_lines"].splitlines()[::2])

    def first_half(r):
        return r["dump_flat"][: len(r["dump_flat"]) // 2]

    def snippets(r):
        return "\n".join((r.get("with") or [])[:1] + (r.get("without") or [])[:1])

    makers = {
        "empty": lambda r: "", "dump_flat": lambda r: r["dump_flat"],
        "dump_lines": lambda r: r["dump_lines"], "gold": lambda r: r.get("text") or "",
        "every_other_line": every_other_line, "first_half": first_half,
        "three_tokens": lambda r: " ".join(r["dump_flat"].split()[:3]),
        "doubled_gold": lambda r: 2 * ((r.get("text") or "") + "\n"),
        "snippets": snippets,
    }
    return {name: {r["id"]: make(r) for r in records} for name, make in makers.items()}


def _compare(label, ours, reference, failures):
    for key, ref in reference.items():
        mine = ours[key]
        same = (mine is None and ref is None) or (
            mine is not None and ref is not None and math.isclose(mine, ref, abs_tol=1e-12))
        if not same:
            failures.append(f"{label} {key}: ours {mine!r} reference {ref!r}")


def _check_summary(label, ours, ref, failures):
    if "shingle" in ours:
        s = ours["shingle"]
        _compare(label, {"f1": s["f1"], "p": s["precision"], "r": s["recall"]},
                 {"f1": ref["shingle_f1"], "p": ref["shingle_precision"],
                  "r": ref["shingle_recall"]}, failures)
    if "snippet" in ours:
        s = ours["snippet"]
        _compare(label, {k: s[k] for k in ("f1", "precision", "recall", "accuracy", "tp", "fp", "fn", "tn")},
                 {k: ref[f"snippet_{k}"] for k in ("f1", "precision", "recall", "accuracy", "tp", "fp", "fn", "tn")},
                 failures)


def selfcheck(corpus, limit=None, dump=None):
    """Return a list of disagreements with the reference scorer (empty when all agree)."""
    from corpus import DATASETS, load_dataset
    ref = _load_reference(corpus)
    failures, checked = [], 0
    for name in DATASETS:
        records = load_dataset(corpus, name, limit)
        for set_name, preds in _prediction_sets(records).items():
            ours, pages = score(records, preds)
            _check_summary(f"{name}/{set_name}", ours, ref.score_records(records, preds), failures)
            for rec in records:
                pred, page = preds[rec["id"]], pages[rec["id"]]
                if "shingle" in page:
                    r = ref.shingle_scores(rec["text"], pred)
                    _compare(f"{name}/{set_name}/{rec['id']}", page["shingle"],
                             {k: r[k] for k in ("precision", "recall", "f1")}, failures)
                if "snippet" in page:
                    r = ref.snippet_scores(pred, rec.get("with") or [], rec.get("without") or [])
                    _compare(f"{name}/{set_name}/{rec['id']}", page["snippet"], r, failures)
            checked += 1
    if dump is not None:
        checked += _check_dump(corpus, dump, ref, failures)
    print(f"cross-checked {checked} prediction sets against {corpus / 'score.py'}")
    return failures


def _check_dump(corpus, dump, ref, failures):
    """Re-score every run saved by a benchmark's --json with the reference scorer."""
    import json
    from corpus import load_dataset
    with open(dump, encoding="utf-8") as f:
        runs = [r for r in json.load(f)["runs"] if r.get("records")]
    cache = {}
    for run in runs:
        key = (run["dataset"], run["limit"])
        if key not in cache:
            cache[key] = load_dataset(corpus, *key)
        preds = {i: page["pred"] for i, page in run["records"].items()}
        _check_summary(f"{dump}:{run['dataset']}/{run.get('field', 'html')}/{run['system']}",
                       run["summary"], ref.score_records(cache[key], preds), failures)
    return len(runs)


def main(argv=None):
    from corpus import DEFAULT_CORPUS
    from pathlib import Path
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--selfcheck", action="store_true", required=True,
                    help="compare with the corpus's reference score.py on synthetic predictions")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=None, metavar="N")
    ap.add_argument("--predictions", metavar="DUMP.json",
                    help="also re-score the runs saved by text_mode.py/html_mode.py --json")
    args = ap.parse_args(argv)
    failures = selfcheck(args.corpus, args.limit, args.predictions)
    for line in failures[:20]:
        print("MISMATCH", line)
    print("selfcheck:", "FAILED" if failures else "ok", f"({len(failures)} mismatches)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
