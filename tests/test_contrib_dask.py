"""scrubber.contrib.dask on a real two-process LocalCluster: bags and DataFrame columns."""

import dask.bag as db
import dask.dataframe as dd
import pandas as pd
import pytest
from distributed import Client, LocalCluster

import scrubber
from scrubber.contrib.dask import clean_bag, clean_column

from batch_inputs import article, garbage, html_page, text_dump


@pytest.fixture(scope="module")
def client():
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        yield client


def documents():
    return ([{"id": f"p{n}", "html": html_page(n), "url": f"https://news.example.org/{n}"} for n in range(6)]
            + [{"id": "broken", "html": None}, text_dump(7), garbage(2000)])


def test_bag_results_match_clean_many_on_two_worker_processes(client):
    bag = db.from_sequence(documents(), npartitions=4)
    results = clean_bag(bag).compute()
    expected = [r.as_record() for r in scrubber.clean_many(documents(), workers=1)]
    assert [r["text"] for r in results] == [r["text"] for r in expected]
    assert [r["id"] for r in results][:7] == [f"p{n}" for n in range(6)] + ["broken"]
    assert results[6]["error"] == "record has neither 'html' nor 'text'"
    assert article(7) in results[7]["text"]
    workers = client.run(lambda: __import__("os").getpid())
    assert len(set(workers.values())) == 2


def test_items_without_id_are_named_by_partition_and_position(client):
    bag = db.from_sequence([text_dump(n) for n in range(4)], npartitions=2)
    assert [r["id"] for r in clean_bag(bag).compute()] == ["0:0", "0:1", "1:0", "1:1"]


def test_bag_json_format_and_options_reach_workers(client):
    bag = db.from_sequence([text_dump(1)], npartitions=1)
    [record] = clean_bag(bag, format="json", include_title=False).compute()
    assert record["text"] == article(1) + "\n" and record["counts"]["trackers/quantcast"] == 1


def test_dataframe_column_cleaned_into_new_columns(client):
    frame = pd.DataFrame({"page": [html_page(n) for n in range(5)] + [None],
                          "url": [f"https://news.example.org/{n}" for n in range(5)] + [None]})
    cleaned = clean_column(dd.from_pandas(frame, npartitions=3), "page", target="article", url_column="url",
                           title_column="title", error_column="error").compute()
    assert list(cleaned.columns) == ["page", "url", "article", "title", "error"]
    assert list(cleaned["title"][:5]) == [f"Bridge plan {n}" for n in range(5)]
    assert all(article(n) in cleaned["article"].iloc[n] for n in range(5))
    assert cleaned["article"].iloc[5] is None and cleaned["error"].iloc[5] == "no content (null cell)"


def test_bad_options_fail_on_the_client(client):
    bag = db.from_sequence([text_dump(1)], npartitions=1)
    with pytest.raises(scrubber.ScrubberError):
        clean_bag(bag, format="pdf")
    with pytest.raises(TypeError):
        clean_column(dd.from_pandas(pd.DataFrame({"page": ["x"]}), npartitions=1), "page", colour="red")
