"""CleanPipeline inside Scrapy: settings, items from HtmlResponse, and a real crawl of local pages."""

import json
import os
import subprocess
import sys
import textwrap
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import scrapy
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from scrubber.contrib.scrapy import CleanPipeline

from batch_inputs import article, garbage, html_page, text_dump

ROOT = Path(__file__).resolve().parent.parent


def pipeline_from(settings):
    crawler = get_crawler(settings_dict=settings)
    crawler.stats.open_spider()
    return crawler, CleanPipeline.from_crawler(crawler)


def item_from_response(number):
    url = f"https://news.example.org/bridge-{number}"
    response = HtmlResponse(url=url, body=html_page(number).encode("utf-8"), encoding="utf-8")
    return {"url": response.url, "page": response.text}


def test_settings_choose_fields_and_include_title():
    crawler, pipeline = pipeline_from({"SCRUBBER_SOURCE_FIELD": "page", "SCRUBBER_TARGET_FIELD": "article",
                                       "SCRUBBER_TITLE_FIELD": "headline", "SCRUBBER_INCLUDE_TITLE": False})
    item = pipeline.process_item(item_from_response(1))
    assert item["headline"] == "Bridge plan 1"
    assert item["article"].startswith(article(1)) and "Skip to content" not in item["article"]
    assert item["page"].startswith("<!DOCTYPE html>")
    pipeline.process_item({"page": text_dump(2)})
    assert crawler.stats.get_value("scrubber/cleaned") == 2
    assert crawler.stats.get_value("scrubber/removed/trackers/quantcast") == 1


def test_rule_files_from_settings(tmp_path):
    pack = tmp_path / "site.toml"
    pack.write_text('[pack]\nname = "site"\n\n[[drop]]\nid = "stamp"\ntext = "From the Valley Post archive"\n')
    crawler, pipeline = pipeline_from({"SCRUBBER_SOURCE_FIELD": "page", "SCRUBBER_RULES": [str(pack)]})
    item = {"page": "From the Valley Post archive\n" + article(2)}
    assert pipeline.process_item(item)["text"] == article(2) + "\n"
    assert crawler.stats.get_value("scrubber/removed/site/stamp") == 1


def test_bad_rule_file_stops_the_crawl_at_start(tmp_path):
    from scrubber import RuleFileError

    bad = tmp_path / "bad.toml"
    bad.write_text('[[drop]]\nid = "x"\nregex = "("\n')
    with pytest.raises(RuleFileError):
        pipeline_from({"SCRUBBER_RULES": [str(bad)]})


def test_broken_items_flow_on_with_an_error():
    crawler, pipeline = pipeline_from({"SCRUBBER_ERROR_FIELD": "scrubber_error"})
    missing = pipeline.process_item({"url": "https://news.example.org/x"})
    assert missing["text"] is None and "str or bytes" in missing["scrubber_error"]
    binary = pipeline.process_item({"html": garbage(3000)})
    assert binary["scrubber_error"] is None and isinstance(binary["text"], str)
    assert crawler.stats.get_value("scrubber/errors") == 1


class ArticleItem(scrapy.Item):
    url = scrapy.Field()
    html = scrapy.Field()
    text = scrapy.Field()


def test_declared_items_work_too():
    _, pipeline = pipeline_from({})
    item = pipeline.process_item(ArticleItem(url="https://news.example.org/3", html=html_page(3)))
    assert article(3) in item["text"]


SPIDER = '''
import scrapy


class BridgeSpider(scrapy.Spider):
    name = "bridges"
    start_urls = ["{base}/index.html"]
    custom_settings = {{
        "ITEM_PIPELINES": {{"scrubber.contrib.scrapy.CleanPipeline": 300}},
        "SCRUBBER_SOURCE_FIELD": "body",
        "SCRUBBER_TARGET_FIELD": "clean",
        "SCRUBBER_TITLE_FIELD": "title",
        "FEEDS": {{"{feed}": {{"format": "jsonlines"}}}},
        "LOG_LEVEL": "WARNING",
        "TELNETCONSOLE_ENABLED": False,
        "ROBOTSTXT_OBEY": False,
    }}

    def parse(self, response):
        yield from response.follow_all(css="a.story", callback=self.parse_story)

    def parse_story(self, response):
        yield {{"url": response.url, "body": response.text}}
'''


@pytest.fixture
def local_site(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    links = "".join(f"<a class='story' href='story-{n}.html'>Story {n}</a>" for n in range(1, 4))
    (site / "index.html").write_text(f"<html><body>{links}</body></html>", encoding="utf-8")
    for number in range(1, 4):
        (site / f"story-{number}.html").write_text(html_page(number), encoding="utf-8")
    handler = partial(SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *args: None
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_spider_crawl_cleans_every_page(tmp_path, local_site):
    feed = tmp_path / "items.jsonl"
    spider = tmp_path / "bridges.py"
    spider.write_text(textwrap.dedent(SPIDER.format(base=local_site, feed=feed.as_posix())), encoding="utf-8")
    # A fresh interpreter: Twisted's reactor cannot be started twice in one test process.
    done = subprocess.run([sys.executable, "-m", "scrapy", "runspider", str(spider)], cwd=tmp_path,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    items = sorted((json.loads(line) for line in feed.read_text(encoding="utf-8").splitlines()),
                   key=lambda item: item["url"])
    assert [item["url"].rsplit("/", 1)[1] for item in items] == ["story-1.html", "story-2.html", "story-3.html"]
    for number, item in enumerate(items, 1):
        assert item["title"] == f"Bridge plan {number}"
        assert article(number) in item["clean"] and "Share on Facebook" not in item["clean"]
