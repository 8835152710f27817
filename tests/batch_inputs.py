"""Invented pages and broken records shared by the batch tests."""

import random

CHROME = ["Skip to content", "Home", "About", "Contact", "Share on Facebook", "Quantcast", "top of page"]


def article(number: int) -> str:
    """A short invented news story; each number gives a different one."""
    towns = ["Alderby", "Brackwell", "Cotham", "Dunmore", "Easton", "Fallow Cross", "Glenridge"]
    town = towns[number % len(towns)]
    return (f"The council in {town} voted on Tuesday to rebuild the old footbridge, story {number}, "
            f"after residents had waited nearly {number + 3} years for a safe crossing over the river. "
            f"Work will start in the autumn and the bridge should reopen before the next winter floods.")


def html_page(number: int) -> str:
    nav = "".join(f"<li><a href='/{i}'>{c}</a></li>" for i, c in enumerate(CHROME[:4]))
    return (f"<!DOCTYPE html><html><head><title>Bridge plan {number}</title></head><body>"
            f"<nav><ul>{nav}</ul></nav><article><h1>Bridge plan {number}</h1><p>{article(number)}</p>"
            f"<p>{article(number + 100)}</p></article><footer>Share on Facebook</footer></body></html>")


def text_dump(number: int) -> str:
    return "\n".join(["top of page", "Home", f"Bridge plan {number}", article(number), "Quantcast"])


def garbage(size: int = 20_000, seed: int = 7) -> bytes:
    return random.Random(seed).randbytes(size)


def huge_page(megabytes: int = 20) -> str:
    """A page of about ``megabytes`` MB: inline script state (as single-page apps ship) around one article."""
    item = '"QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=",'
    state = item * (megabytes * 1_000_000 // len(item) + 1)
    return (f"<!DOCTYPE html><html><head><title>Huge page</title><script>var state = [{state}0];</script></head>"
            f"<body><article><h1>Huge page</h1><p>{article(999)}</p></article></body></html>")
