"""Clean scraped pages with PySpark: scrubber runs inside ``mapInPandas``, one Arrow batch at a time.

    pip install scrubber pyspark        # Java 17+ must be installed for Spark
    python examples/pyspark_clean.py                          # cleans two invented pages, prints them
    python examples/pyspark_clean.py pages.jsonl out_dir      # JSON lines of {id, url, html|text}

Spark already runs one task per executor core, so each task cleans in its own process
(``workers=1``); the pipeline is built once per Python worker and reused for every batch.
On a cluster, install scrubber on the executors (or ship it with ``--py-files``) and submit the
same script with ``spark-submit --master spark://... examples/pyspark_clean.py IN OUT``.
"""

from __future__ import annotations

import sys
from typing import Iterator

import pandas as pd

RESULT_SCHEMA = "id string, url string, title string, text string, error string"


def clean_batches(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    """mapInPandas function: frames with id/url/html (or text) in, one result row per input row out."""
    import scrubber

    for frame in batches:
        records = frame.astype(object).where(frame.notna(), None).to_dict("records")
        results = scrubber.clean_many(records, workers=1)
        rows = [{**result.as_record(), "id": str(result.id)} for result in results]
        yield pd.DataFrame(rows, columns=["id", "url", "title", "text", "error"])


def demo_pages() -> list[dict]:
    story = ("The ferry between the two harbours will run every hour from May, the island council said on "
             "Friday, after a summer of queues that stretched back to the old customs house.")
    page = ("<html><head><title>Hourly ferries from May</title></head><body><nav><a href='/'>Home</a>"
            "<a href='/news'>News</a></nav><article><h1>Hourly ferries from May</h1><p>{}</p></article>"
            "<footer>Share on Facebook</footer></body></html>").format(story)
    dump = "top of page\nHome\nNews\nHourly ferries from May\n" + story + "\nQuantcast"
    return [{"id": "page-1", "url": "https://harbour.example.org/ferries", "html": page, "text": None},
            {"id": "dump-1", "url": None, "html": None, "text": dump}]


def main(argv: list[str]) -> int:
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.master("local[2]").appName("scrubber").getOrCreate()
    try:
        if argv:
            pages = spark.read.json(argv[0])
        else:
            pages = spark.createDataFrame(pd.DataFrame(demo_pages()))
        cleaned = pages.mapInPandas(clean_batches, schema=RESULT_SCHEMA)
        if len(argv) > 1:
            cleaned.write.mode("overwrite").json(argv[1])
        else:
            for row in cleaned.collect():
                print(f"--- {row.id} ({row.error or 'ok'})\n{row.text}")
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
