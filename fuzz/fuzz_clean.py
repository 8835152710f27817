"""Fuzz target: clean() must return a str or raise a ScrubberError, whatever it is given.

Each input is turned into one of five shapes -- raw bytes, a str, HTML built around the
fuzzer's text, a line-per-node text dump, or bytes in a declared or BOM-marked encoding --
so the fuzzer reaches the decoder, both sources, every filter and the normaliser.

    python fuzz/fuzz_clean.py -atheris_runs=100000      # coverage-guided, needs `pip install atheris`
    python fuzz/fuzz_clean.py --random 100000           # plain random mutation, no atheris needed

Any other exception, or a result that is not a str, is a crash.
"""

from __future__ import annotations

import os
import random
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

import scrubber  # noqa: E402
from scrubber import ScrubberError  # noqa: E402

TAGS = ("p", "div", "span", "a", "b", "li", "ul", "table", "tr", "td", "h1", "h2", "pre", "nav", "footer",
        "article", "script", "style", "br", "img", "blockquote", "title", "head", "body", "html", "!--", "![CDATA[")
ENCODINGS = ("utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252", "latin-1", "shift_jis", "koi8-r")
CHROME = ("Home", "top of page", "Share", "Subscribe", "Accept all cookies", "Read more", "Quantcast",
          "Post: Blog2_Post", "Privacy Policy", "bottom of page")
SHAPES = ("bytes", "str", "html", "lines", "encoded")
# Keep single runs short: the fuzzer is after crashes, not the (separately tested) big pages.
CONFIG = scrubber.CleanConfig(time_budget=20.0, max_input_bytes=1 << 20)


def build(data: bytes):
    """The document a fuzz input stands for."""
    if not data:
        return b""
    shape, pick, rest = SHAPES[data[0] % len(SHAPES)], random.Random(data[:8]), data[1:]
    text = rest.decode("utf-8", errors="surrogateescape").encode("utf-8", "replace").decode("utf-8")
    if shape == "bytes":
        return rest
    if shape == "str":
        return text
    if shape == "html":
        return _html(text, pick)
    if shape == "lines":
        words = text.split() or [text]
        lines = [" ".join(words[i:i + pick.randint(1, 12)]) for i in range(0, len(words), 6)]
        for _ in range(pick.randint(0, 4)):
            lines.insert(pick.randint(0, len(lines)), pick.choice(CHROME))
        return pick.choice(("\n", "\n\n", "\r\n", " ")).join(lines)
    encoding = pick.choice(ENCODINGS)
    page = f'<html><head><meta charset="{pick.choice(ENCODINGS)}"></head><body>{_html(text, pick)}</body></html>'
    return page.encode(encoding, errors="replace")


def _html(text: str, pick: random.Random) -> str:
    pieces = text.split(" ")
    out = []
    for piece in pieces:
        roll = pick.random()
        tag = pick.choice(TAGS)
        if roll < 0.3:
            out.append(f"<{tag}>{piece}")
        elif roll < 0.5:
            out.append(f"{piece}</{tag}>")
        elif roll < 0.55:
            out.append(f'<{tag} class="{pick.choice(CHROME)}" href="{piece}">')
        else:
            out.append(piece)
    doctype = pick.choice(("", "<!DOCTYPE html>", '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY e "x">]>'))
    return doctype + "<html><body>" + " ".join(out)


def check(data: bytes) -> None:
    """One fuzz input: anything but a str or a ScrubberError is a crash."""
    doc = build(data)
    try:
        out = scrubber.clean(doc, config=CONFIG)
    except ScrubberError:
        return
    if not isinstance(out, str):
        raise AssertionError(f"clean() returned {type(out).__name__}, not str")


def random_driver(runs: int, seed: int = 0) -> None:
    """Mutation fuzzing without atheris: grow a corpus of inputs by flipping, inserting,
    deleting and splicing bytes; report executions and time."""
    pick = random.Random(seed)
    corpus = [b"", b"\x02<p>Hello world.</p>", b"\x03Home\nThe council met on Monday.\nShare", b"\x01text",
              b"\x04<b>caf\xc3\xa9</b>", b"\x00\xff\xfe<\x00p\x00>\x00"]
    started = time.monotonic()
    for run in range(1, runs + 1):
        data = bytearray(pick.choice(corpus))
        for _ in range(pick.randint(1, 8)):
            op = pick.random()
            at = pick.randint(0, len(data))
            if op < 0.35:
                data[at:at] = bytes(pick.randrange(256) for _ in range(pick.randint(1, 16)))
            elif op < 0.55 and data:
                del data[at:at + pick.randint(1, 16)]
            elif op < 0.75:
                data[at:at] = pick.choice(corpus)[: pick.randint(1, 64)]
            elif data:
                data[min(at, len(data) - 1)] ^= 1 << pick.randrange(8)
        data = bytes(data[:4096])
        check(data)
        if len(corpus) < 2000 and pick.random() < 0.05:
            corpus.append(data)
        if run % 10_000 == 0:
            print(f"#{run} executions in {time.monotonic() - started:.0f}s", flush=True)
    print(f"done: {runs} executions, 0 crashes, {time.monotonic() - started:.1f}s")


def main() -> None:
    if len(sys.argv) >= 2 and sys.argv[1] == "--random":
        random_driver(int(sys.argv[2]) if len(sys.argv) > 2 else 100_000)
        return
    import atheris

    atheris.instrument_all()  # coverage feedback from scrubber and the libraries it calls
    atheris.Setup(sys.argv, check)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
