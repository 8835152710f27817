"""examples/pyspark_clean.py: its mapInPandas function, fed pandas batches as Spark would (no JVM needed)."""

import importlib.util
from pathlib import Path

import pandas as pd

from batch_inputs import article, html_page, text_dump

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "pyspark_clean.py"


def load_example():
    spec = importlib.util.spec_from_file_location("pyspark_clean", EXAMPLE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_each_batch_gives_one_row_per_input_row_with_the_result_schema():
    example = load_example()
    first = pd.DataFrame({"id": ["a", "b"], "url": ["https://news.example.org/a", None],
                          "html": [html_page(1), None], "text": [None, text_dump(2)]})
    second = pd.DataFrame({"id": [3, 4], "url": [None, None], "html": [None, html_page(4)], "text": [None, None]})
    out = list(example.clean_batches(iter([first, second])))
    columns = [name.split()[0] for name in example.RESULT_SCHEMA.split(", ")]
    assert [list(frame.columns) for frame in out] == [columns, columns]
    rows = pd.concat(out).to_dict("records")
    assert [row["id"] for row in rows] == ["a", "b", "3", "4"]
    assert article(1) in rows[0]["text"] and rows[0]["url"] == "https://news.example.org/a"
    assert article(2) in rows[1]["text"]
    assert rows[2]["error"] == "record has neither 'html' nor 'text'" and pd.isna(rows[2]["text"])
    assert article(4) in rows[3]["text"]


def test_demo_pages_clean_to_the_same_story():
    example = load_example()
    [frame] = example.clean_batches(iter([pd.DataFrame(example.demo_pages())]))
    first, second = frame["text"]
    assert first == second and "Share on Facebook" not in first and "Quantcast" not in second
