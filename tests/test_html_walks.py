"""The compiled tree walks (``_walk.pyx`` and the ``_walk_*.pxi`` files it includes) give exactly what their Python twins give: the same
text counts for every element, the same pruning, the same content scores (in the same
order: ties between containers are broken by it) and the same blocks, on the golden pages and
on random markup."""

import importlib
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from scrubber.source.html import compiled
from scrubber.source.html.compiled import python_walks
from scrubber.source.html.parse import parse

# the modules: scrubber.source.html re-exports their functions under the same names
prune = importlib.import_module("scrubber.source.html.prune")
prose = importlib.import_module("scrubber.source.html.prose")
content = importlib.import_module("scrubber.source.html.content")
blocks = importlib.import_module("scrubber.source.html.blocks")
metadata = importlib.import_module("scrubber.source.html.metadata")
FIXTURES = sorted((Path(__file__).parent.parent / "fixtures" / "html").glob("*/input.html"))
COMPILER = shutil.which("cc") or shutil.which("gcc")


@pytest.mark.skipif(not COMPILER or bool(os.environ.get("SCRUBBER_PURE_PYTHON")),
                    reason="no C compiler here, or the compiled walks are switched off")
def test_an_install_with_a_compiler_builds_the_walks():
    assert compiled.walk is not None, "pip install -e . should have built scrubber/source/html/_walk.pyx"


needs_walks = pytest.mark.skipif(compiled.walk is None, reason="compiled walks not built")


@needs_walks
@pytest.mark.parametrize("source", ["_walk.pyx", "_walk_prune.pxi"])
def test_a_walk_edited_after_the_build_falls_back_to_python(source):
    # the build would disagree with the Python code beside it; an included file counts too
    path = Path(compiled.__file__).with_name(source)
    before = path.stat()
    os.utime(path, (before.st_atime, Path(compiled.walk.__file__).stat().st_mtime + 60))
    try:
        with pytest.warns(RuntimeWarning, match="newer than its compiled module"):
            assert compiled._load() is None
    finally:
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert compiled._load() is not None


def python_pruning(html: str, by_name: bool):
    root = parse(html)
    with python_walks():
        removals = prune.prune(root, by_name=by_name)
    return root, removals


def python_scores(body):
    with python_walks():
        return content.score_tree(body)


def assert_same_scores(root):
    body = root.find("body")
    body = root if body is None else body
    fast, slow = content.score_tree(body), python_scores(body)
    # the scores in the same order (ties between containers are broken by it); the counts in any
    assert list(fast.score.items()) == list(slow.score.items())
    for table in ("chars", "links"):
        fast_counts, slow_counts = getattr(fast, table), getattr(slow, table)
        assert dict(fast_counts.items()) == slow_counts and len(fast_counts) == len(slow_counts), table
        assert all(fast_counts[element] == count and element in fast_counts for element, count in slow_counts.items())
    for element in body.iter():
        assert fast.best_inside(element) == slow.best_inside(element)


def python_blocks(containers):
    with python_walks():
        return blocks.blocks_of(containers)


def assert_same_blocks(containers):
    fast, slow = blocks.blocks_of(containers), python_blocks(containers)
    assert fast[0] == slow[0]
    assert len(fast[1]) == len(slow[1]) and all(a is b for a, b in zip(fast[1], slow[1]))


def assert_same_metadata(root):
    fast = metadata._find(root)
    with python_walks():
        slow = metadata._find(root)
    assert (fast.og_title, fast.site_names, fast.json_ld) == (slow.og_title, slow.site_names, slow.json_ld)
    assert fast.title_element is slow.title_element
    assert len(fast.headings) == len(slow.headings) and all(a is b for a, b in zip(fast.headings, slow.headings))


def assert_same_everywhere(html: str):
    root = parse(html)
    assert_same_metadata(root)
    body = root.find("body")
    assert_same_blocks([root])
    if body is not None:  # several containers: text and link text carry over from one to the next
        assert_same_blocks(list(body) + [body])
    for element in root.iter(etree.Element):
        assert compiled.walk.prose_counts(element) == (prose._chars(element), prose._link_chars(element))
    assert_same_scores(root)
    for by_name in (True, False):
        fast = parse(html)
        fast_removals = prune.prune(fast, by_name=by_name)
        slow, slow_removals = python_pruning(html, by_name)
        assert [(r.reason, r.evidence) for r in fast_removals] == [(r.reason, r.evidence) for r in slow_removals]
        assert etree.tostring(fast) == etree.tostring(slow)
        assert_same_scores(fast)


@needs_walks
@pytest.mark.parametrize("page", FIXTURES, ids=lambda p: p.parent.name)
def test_golden_pages_prune_alike(page):
    assert_same_everywhere(page.read_text(encoding="utf-8"))


@needs_walks
def test_counts_skip_spaces_and_count_nested_links_twice():
    paragraph = parse("<p>Two\u00a0words <a href=/>and <b>linked</b> café</a></p>").find(".//p")
    # "Two", NBSP, "words" and "andlinkedcafé": NBSP is no ASCII space, so it counts
    assert compiled.walk.prose_counts(paragraph) == (22, 13)
    link = etree.fromstring("<a>out <a>in</a></a>")  # XML keeps a link inside a link
    assert compiled.walk.prose_counts(link) == (5, 7)


@needs_walks
def test_misleading_names_and_state_attributes_prune_alike():
    story = "<p>" + "The ferry ran late all winter, and the council finally asked why. " * 8 + "</p>"
    assert_same_everywhere(
        f'<body><div id="share-wrapper" class="x">{story}</div><div class="cookie-banner">OK</div>'
        f'<nav>Home</nav><header><a href=/>Logo</a></header><article class="login-modal">Sign in</article>'
        f'<div style="display:none">hidden</div><div class="" id="">empty names</div>'
        f'<div class="comments&amp;more" id="x&#10;y">entity in a name</div>'
        f'<figure><img src=a.jpg><figcaption>Photo: Jo Bloggs</figcaption></figure>'
        f'<div role="navigation" aria-hidden="false">menu</div><span itemprop="author">Ann</span>'
        f'<main><div><header>By Ann</header><footer class="share">Share</footer><a class="popup" href=/p>a popup</a>'
        f'</div></main><a class="popup">no link</a><article class="sidebar"><header>Also</header></article>'
        f'<div style="DISPLAY: NONE">capitals</div><div style="overflow: hidden">clipped</div>'
        f'<div style="visibility: h\u0130dden">dotted capital I</div><div style="color: red" class="share">red</div>'
        f'<div class="share-box" itemprop="articleBody">{story}</div><p class="img-caption">A caption.</p></body>')


@needs_walks
def test_scores_measure_texts_as_python_strips_and_counts_them():
    # Unicode spaces at the ends of a text, commas of other scripts, named anchors and
    # javascript: links, a block inside a paragraph
    paragraph = "Rain, wind, and then the river rose over the old quay wall by night. "
    root = parse(f"<body><div class=post><p>\u2003{paragraph}\u00a0</p><p>雨、風，そして川が増水した。" * 2 + "</p>"
                 f"<td>{paragraph}<a name=top>{paragraph}</a><a href=' javascript:x()'>{paragraph}</a></td>"
                 f"<p>{paragraph}<div>{paragraph}</div>\x1c</p><blockquote>{paragraph}</blockquote></div></body>")
    root.find(".//td").text += "\u2009, more,\u3000"
    assert_same_scores(root)
    assert content.score_tree(root.find("body")).chars


@needs_walks
def test_promising_names_short_of_points_and_linked_text_score_alike():
    # a name's promise is weighed against few points, and link text takes its share off
    line = "The weather turned, and the ferry stayed in port"
    root = parse(f"<body><div class=content><p>{line}.</p></div><div id=post-body class='story x'><p>{line} "
                 f"<a href=/more>{line}</a>.</p><p>{line}, again, and again.</p></div><section class=post><a href=/a>"
                 f"<div>{line}, linked.</div></a></section></body>")
    assert_same_scores(root)


@needs_walks
def test_deep_and_wide_pages_score_alike():
    # more open blocks and more scored containers than the compiled walk first makes room for
    paragraph = "<p>The river rose again overnight, and the ferry stayed in port until noon.</p>"
    deep = "<div class=post>" * 300 + paragraph + "</div>" * 300
    wide = "".join(f"<section id=part-{n}><div>{paragraph * 2}</div></section>" for n in range(200))
    for body in (deep, wide):
        assert_same_scores(parse(f"<html><body>{body}</body></html>"))


@needs_walks
def test_blocks_of_rows_links_breaks_and_comments_alike():
    cell = "<td>{}</td>"
    rows = "".join(f"<tr>{cell.format(a)}{cell.format(b)}</tr>" for a, b in [
        ("plain", "<b>bold</b> text"), ("<p>one paragraph</p>", "x"), ("<p>a</p><p>b</p>", "two blocks"),
        ("<ul><li>a list</li></ul>", "layout"), ("", "<!-- a note -->empty")])
    html = (f"<html><body><h3>Title <a href=/x>link</a> ¶</h3><table>{rows}</table>"
            "<blockquote><p>quoted<br>on two lines</p><p>and<br><br>two paragraphs</p></blockquote>"
            "<ul><li>item <div>with a block</div> after</li></ul><h2><span>in a <div>heading</div></span></h2>"
            "<p><a href=''>empty</a> <a href>bare</a> <a href=' /x'>spaced</a> <a href='javascript:go()'>script</a> "
            "<a href='Javascript:go()'>Script</a> <a href='JAVASCRIPT:'>SCRIPT</a> <a href='java'>short</a> "
            "<a href='jobs/'>jobs</a> <a href='java\u017fcript:go()'>long s</a> <a href='/é'>accent</a> <a name=top>named</a> <a>none</a> "
            "<a href=/a>outer <a href=/b>inner</a> tail</a></p><pre>  code\n\n  more </pre>"
            "<p>a<!-- comment -->b<?pi x?>c</p>\u00a0\u2003<div>\u200b</div><dl><dt>term</dt><dd>says</dd></dl>"
            "</body></html>")
    assert_same_everywhere(html)
    # a tail outside the containers and a link that spans two of them
    root = parse("<p>one</p> between <a href=/x><span>two</span><span>three</span></a> after")
    assert_same_blocks(list(root.find("body")))
    assert_same_blocks(list(root.iter("span")))


# Characters that clean_line deletes, turns into spaces or keeps, in every UTF-8 length (a tree
# holds no C0 control but tab and line breaks: lxml and its parser refuse them).
ODD_CHARACTERS = ("\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\x7f\x80\x85\x9f"
                  "\u00a0\u1680\u2000\u2028\u2029\u202f\u3000\u200e\ue000é雨🙂 \t\n\r,.ab")


def assert_texts_block_alike(texts):
    """Both walks make the same blocks of a heading, a paragraph, a div and a link holding ``texts``."""
    root = parse("<html><body><h2>head</h2><p>x</p><div>y</div><a href=/z>z</a></body></html>")
    for element, text in zip(root.find("body"), texts):
        element.text = text
    assert_same_blocks([root.find("body")])


@needs_walks
@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet=ODD_CHARACTERS, max_size=12), min_size=1, max_size=4))
def test_block_texts_clean_as_clean_line_cleans_them(texts):
    assert_texts_block_alike(texts)


@needs_walks
@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="abcdefgh,.  \t\n~!\u00a0é\u200b\u2029", min_size=14, max_size=90), min_size=1, max_size=4))
def test_long_ascii_runs_clean_alike(texts):
    # the compiled walk copies printable ASCII with single spaces 16 bytes at a time
    assert_texts_block_alike(texts)


@needs_walks
def test_spaces_at_every_offset_of_a_16_byte_block_clean_alike():
    for offset in range(1, 40):
        for gap in (" ", "  ", " \t", "\u00a0", "\n "):
            root = parse(f"<html><body><p>{'w' * offset}{gap}{'rain fell ' * 6}</p><p>x {'a' * offset}{gap}"
                         f"{'b' * 15} {gap}end</p></body></html>")
            assert_same_blocks([root.find("body")])


# Pieces of a block's text around line breaks: <br> runs with whitespace between them split it
# into lines and paragraphs, links count towards its link density, a heading loses its marks.
BREAK_PIECES = ["<br>", "<br/>", " ", "\u2003", "\u00a0", "\n", "\u2029", "\u200b", "rain", "fell", "é",
                "<a href=/x>link</a>", "<a href=/y>long link text</a>", " ¶", "#", "🔗", "§"]


@needs_walks
@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(BREAK_PIECES), max_size=14), min_size=1, max_size=3),
       st.sampled_from(["p", "h2", "li", "blockquote", "td"]))
def test_lines_and_paragraphs_split_at_breaks_alike(texts, tag):
    root = parse("<html><body>" + "".join(f"<{tag}>{''.join(text)}</{tag}>" for text in texts) + "</body></html>")
    assert_same_blocks([root.find("body")])


@needs_walks
def test_metadata_reads_the_same_metas_scripts_and_headings():
    metas = "".join(f"<meta {attributes} content='{n}'>" for n, attributes in enumerate([
        "property='og:title'", "property='' name='og:title'", "name='og:site_name'", "property='og:type'",
        "name='application-name' property='og:site_name'", "name='application-name'", "property='og:title' name='x'",
        "name='viewport'", "property", "property='og:title' property='x'", "name='og:site_name&#10;'", "NAME='og:title'"]))
    scripts = "".join(f"<script {attributes}>{{\"articleBody\": \"{n}\"}}</script>" for n, attributes in enumerate([
        "type='application/ld+json'", "type='text/javascript'", "", "type", "type='x ld+json; charset=utf-8'"]))
    headings = "".join(f"<h{1 + n % 4}>Heading {n}</h{1 + n % 4}>" for n in range(60))
    assert_same_everywhere(f"<html><head><title>One</title>{metas}{scripts}</head>"
                           f"<body>{headings}<title>Two</title>{metas}{scripts}</body></html>")


TAGS = ["div", "p", "a", "span", "nav", "aside", "header", "footer", "article", "main", "section", "figcaption", "li",
        "td", "blockquote", "pre", "h2", "br", "table", "tr", "h1", "title", "meta", "script"]
NAMES = ["share", "cookie-banner", "article-body", "sidebar", "post", "comments-count", "related", "", "modal"]
ATTRIBUTES = st.one_of(
    st.builds(lambda v: f' class="{v}"', st.sampled_from(NAMES)),
    st.builds(lambda v: f' id="{v}"', st.sampled_from(NAMES)),
    st.sampled_from([' hidden', ' aria-hidden="true"', ' style="display:none"', ' role="navigation"',
                      ' aria-hidden="false"', ' style="Visibility :\tHIDDEN"', ' style="border: none"',
                      ' style="display:\u00a0none"', ' itemprop="author"', ' itemprop="articleBody"', ' href="/x"', ' href="javascript:void(0)"', ' data-x="1"',
                      ' property="og:title"', ' name="og:site_name"', ' content="Rain"', ' type="application/ld+json"']),
)
WORDS = st.sampled_from(["rain", "fell", "on the town,", "é", "\u00a0", " ", "ünd", "雨、", "and the river rose.",
                         "\u2003", "\t", "a long sentence, with commas, that makes a paragraph score", "，",
                         "\u3000", "🙂"])


@st.composite
def markup(draw, depth=0):
    parts = []
    for _ in range(draw(st.integers(0, 4 if depth < 4 else 0))):
        if draw(st.booleans()):
            parts.append(" ".join(draw(st.lists(WORDS, max_size=12))))
        else:
            tag = draw(st.sampled_from(TAGS))
            attributes = "".join(draw(st.lists(ATTRIBUTES, max_size=3)))
            parts.append(f"<{tag}{attributes}>{draw(markup(depth + 1))}</{tag}>")
    return "".join(parts)


@needs_walks
@settings(max_examples=200, deadline=None)
@given(markup())
def test_random_markup_prunes_alike(body):
    assert_same_everywhere(f"<html><body>{body}</body></html>")


def judged_concepts(body, named_concept, word_kinds) -> list:
    """(class, id, concept) of each element the compiled prune walk hands to judge (none of
    them too small to ask about: the walk settles small ones itself)."""
    if isinstance(body, str):
        body = parse(f"<html><body>{body}</body></html>").find("body")
    judged = []

    def judge(element, concept=None):
        judged.append((element.get("class"), element.get("id"), concept))
        return False

    compiled.walk.judged_descendants(body, *prune._COMPILED_WALK_TAGS, named_concept, word_kinds,
                                     prune.LINK_TARGET_CONCEPTS, judge, True, [], prune._removal, 0)
    return judged


@needs_walks
def test_the_walk_settles_small_and_hidden_chrome_without_judge():
    story = "The ferry ran late all winter, and the council finally asked why. " * 4
    body = parse(f"<html><body><nav>Home</nav><div hidden><p>{story}</p></div><div class=share>Share</div>"
                 f"<div style='DISPLAY : none'>gone</div><header>Logo</header><nav>{story}</nav>"
                 f"<figcaption>Photo: Jo</figcaption><div role=navigation>Menu</div><article hidden>Old</article>"
                 f"<div style='display:\u00a0none'>spaced</div><div class=share itemprop=author>Ann</div>"
                 f"<div style='border: none' class=share>Tweet</div></body></html>").find("body")
    judged, doomed = [], []

    def judge(element, concept=None):
        judged.append(element.text)
        return False

    compiled.walk.judged_descendants(body, *prune._COMPILED_WALK_TAGS, prune._named_concept, prune._word_kinds(),
                                     prune.LINK_TARGET_CONCEPTS, judge, True, doomed, prune._removal,
                                     prose.MIN_GUARDED_CHARS)
    assert [(r.reason, r.evidence, r.element.text) for r in doomed] == [
        ("navigation", "tag", "Home"), ("hidden", "hidden", None), ("share", "name", "Share"),
        ("hidden", "hidden", "gone"), ("navigation", "tag", "Logo"), ("share", "name", "Tweet")]
    # a long nav, a caption, a role, an article, a style with a space Python takes, an itemprop
    assert judged == [story, "Photo: Jo", "Menu", "Old", "spaced", "Ann"]


@needs_walks
def test_the_walk_asks_each_class_and_id_pair_once_and_keeps_them_apart():
    asked = []

    def named_concept(class_name, element_id):
        asked.append((class_name, element_id))
        return f"{class_name}|{element_id}"

    pairs = [(None, "x"), ("x", None), ("x", ""), ("", "x"), ("x y", None), ("x", "y"), ("xy", None), ("é", "ü")]
    markup = "".join("<div" + ("" if c is None else f' class="{c}"') + ("" if i is None else f' id="{i}"') + ">t</div>"
                     for c, i in pairs)
    telling = ((b"name", 1), (b"x", 1), (b"xy", 1), (b"y", 1))
    assert judged_concepts(markup * 2, named_concept, telling) == [(c, i, f"{c}|{i}") for c, i in pairs * 2]
    assert asked == pairs
    # more pairs than the walk has slots for: some share a slot
    many = "".join(f'<p class="name-{n}">t</p>' for n in range(6000))
    assert (judged_concepts(many * 2, named_concept, telling)
            == [(f"name-{n}", None, f"name-{n}|None") for n in range(6000)] * 2)
    # another named_concept is asked afresh
    assert judged_concepts(markup, lambda c, i: f"other {c}", telling) == [(c, i, f"other {c}") for c, i in pairs]
    # an ASCII name without a telling word names nothing: the walk does not ask
    assert judged_concepts(markup, named_concept, ((b"z", 1),)) == [("é", "ü", "é|ü")]
    # ... nor one whose words hold a first part but no word that completes it, class and id alike
    first_parts = ((b"x", 2), (b"xy", 8), (b"y", 4))
    assert (judged_concepts(markup, named_concept, first_parts)
            == [("x y", None, "x y|None"), ("x", "y", "x|y"), ("é", "ü", "é|ü")])


# Pieces of class and id names: telling words and their parts in every case and joined every
# way ("sideBar", "SIDE_bar", "NEWSLetter", "img2"), content words, words that reshape a name
# ("widget", "with", "related-content"), digits and separators.
NAME_PIECES = ["share", "Share", "SHARE", "side", "Side", "SIDE", "bar", "Bar", "news", "NEWS", "Letter", "letter",
               "img", "IMG", "caption", "Caption", "credit", "ad", "AD", "Ads", "content", "post", "Post", "h", "2",
               "widget", "elementor", "with", "no", "related", "Related", "body", "nav", "comments", "count", "popup",
               "12", "x", "X", "-", "_", " ", "--", ".", ":", "é", "\u00a0"]


@needs_walks
@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(NAME_PIECES), max_size=8).map("".join),
       st.one_of(st.none(), st.lists(st.sampled_from(NAME_PIECES), max_size=4).map("".join)))
def test_the_walk_settles_only_the_names_that_name_nothing(class_name, element_id):
    body = parse("<html><body><div>t</div></body></html>").find("body")
    body[0].set("class", class_name)
    if element_id is not None:
        body[0].set("id", element_id)
    expected = prune._named_concept(class_name, element_id)
    judged = judged_concepts(body, lambda c, i: prune._named_concept(c, i), prune._word_kinds())
    assert judged == ([(class_name, element_id, expected)] if expected else [])


@needs_walks
@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abzAKZ059-_ .:\x00\t", max_size=40))
def test_class_names_split_alike_in_c_and_python(name):
    names = importlib.import_module("scrubber.source.html.names")
    for value in (name, name * 40):  # and more words than the compiled split holds
        fast = names.name_words(value)
        with python_walks():
            assert fast == names.name_words(value)


# Characters of each length in UTF-8 and each kind of str: the controls libxml2 cannot hold and
# the three it can, surrogates and their neighbours, runs of ASCII as long as a step of the
# compiled encoder (8 bytes, 16 units) and longer.
PAGE_PIECES = ["<p>", "a", "abcdefgh", '<p class="story">', "\t", "\n", "\r", "\x00", "\x08", "\x0b", "\x1f", " ",
               "\x7f", "\x80", "é", "\xff", "\u07ff", "\u0800", "中", "\ud7ff", "\ud800", "\udfff", "\ue000", "\uffff",
               "😀", "\U0010ffff"]


@needs_walks
@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PAGE_PIECES), max_size=30).map("".join))
def test_pages_reach_the_parser_in_the_same_utf8(page):
    parse_module = importlib.import_module("scrubber.source.html.parse")

    class Markup(str):  # what some frameworks hand over for HTML
        pass

    for value in (page, Markup(page)):
        fast = parse_module._utf8_if_safe(value)
        with python_walks():
            assert fast == parse_module._utf8_if_safe(value)


@needs_walks
@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.lists(st.sampled_from(NAME_PIECES + ["post", "Story", "main-content", "comments"]),
                                   max_size=6).map("".join),
                          st.one_of(st.none(), st.sampled_from(NAME_PIECES).map(lambda p: "x" + p))),
                min_size=1, max_size=4))
def test_containers_weigh_their_names_alike(names):
    # content words and chrome words, in every case and joined every way, class and id alike;
    # and names with none of them, which the compiled walk weighs without asking Python
    paragraph = "<p>The river rose again overnight, and the ferry stayed in port until noon.</p>"
    body = "".join(f'<div class="{c}"' + (f' id="{i}"' if i is not None else "") + f">{paragraph}</div>"
                   for c, i in names)
    assert_same_scores(parse(f"<html><body><div>{body}</div></body></html>"))


# Pieces of long texts: words, the whitespace each count skips and the Unicode spaces it does
# not, commas of several scripts, characters of each length in UTF-8 (runs longer than the 16
# bytes the compiled counts read at a time).
TEXT_PIECES = ["word", "sixteen-letters!", " ", "\n", "\t", "\r", ",", "，", "、", "é", "中", "😀", "\u00a0", "\u2003", "x" * 20]


@needs_walks
@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(TEXT_PIECES), max_size=40).map("".join), min_size=1, max_size=4))
def test_long_texts_count_alike(texts):
    markup = "".join(f"<p>{text}<a href=/>{text}</a>{text}</p>" for text in texts)
    root = parse(f"<html><body><div>{markup}</div></body></html>")
    built = etree.Element("div")  # texts set in the tree keep the returns that a parse turns into newlines
    for text in texts:
        etree.SubElement(built, "p").text = text
    for element in [*root.iter(etree.Element), *built.iter()]:
        assert compiled.walk.prose_counts(element) == (prose._chars(element), prose._link_chars(element))
    assert_same_scores(root)


@needs_walks
def test_removed_elements_leave_the_same_texts_and_tails():
    markup = "<div>Rain <b>x</b>fell <i>y</i><span>on</span> the <u>z</u>hills<em>w</em></div><p><s>gone</s></p>"
    fast, slow = parse(markup), parse(markup)
    pick = lambda root: [e for e in root.iter("b", "i", "u", "em", "s")]  # noqa: E731
    compiled.walk.remove_all(pick(fast))
    for element in pick(slow):
        prune.remove(element)
    assert etree.tostring(fast) == etree.tostring(slow)
    assert [(e.tag, e.text, e.tail) for e in fast.iter()] == [(e.tag, e.text, e.tail) for e in slow.iter()]
    assert_same_blocks([fast.find("body")])
    assert blocks.blocks_of([fast.find("body")])[0] == python_blocks([slow.find("body")])[0]


@needs_walks
def test_stripped_elements_go_as_lxml_strips_them():
    markup = ("<div>Rain <script>x()</script>fell<button><select><option>a</option></select></button> on"
              "<p>the <svg><svg></svg></svg>hills<style>p {}</style></p><script></script></div><noscript>n</noscript>")
    codes = compiled.walk.TagCodes(dict.fromkeys(prune.ALWAYS, 1))
    fast, slow = parse(markup), parse(markup)
    held = fast.find(".//option"), fast.find(".//style")  # Python holds these: they must outlive the strip
    compiled.walk.strip(fast, codes)
    etree.strip_elements(slow, *prune.ALWAYS, with_tail=False)
    assert etree.tostring(fast) == etree.tostring(slow)
    assert [(e.tag, e.text, e.tail) for e in fast.iter()] == [(e.tag, e.text, e.tail) for e in slow.iter()]
    assert [(e.tag, e.text) for e in held] == [("option", "a"), ("style", "p {}")]
    assert held[0].getparent().tag == "select" and held[1].getparent() is None


@needs_walks
def test_undone_removals_leave_the_tree_as_a_new_parse_after_the_strip():
    story = "<p>" + "The ferry ran late all winter, and the council finally asked why. " * 3 + "</p>"
    markup = (f"<body><nav>Home</nav>Rain <div class=share-box>Share</div><div class=sidebar>{story}"
              f"<span hidden>x</span></div> fell<script>x()</script><aside>More</aside><aside>Less</aside></body>")
    pruned = parse(markup)
    removals = prune.prune(pruned)
    assert [r.reason for r in removals] == ["navigation", "share", "sidebar", "sidebar", "sidebar"]
    assert prune.undoable(removals)
    removals.undo()
    stripped = parse(markup)
    etree.strip_elements(stripped, *prune.ALWAYS, with_tail=False)
    assert etree.tostring(pruned) == etree.tostring(stripped)
    again, fresh = prune.prune(pruned, by_name=False), prune.prune(stripped, by_name=False)
    assert [(r.reason, r.evidence) for r in again] == [(r.reason, r.evidence) for r in fresh]
    assert etree.tostring(pruned) == etree.tostring(stripped)
    assert_same_blocks([pruned.find("body")])


@needs_walks
@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 400), st.sampled_from(["a", "é", "雨", "🙂", " "])),
                max_size=5))
def test_swallowing_noscripts_are_found_alike(parts):
    # noscripts of every size beside and inside each other, around text of every UTF-8 length
    markup = "".join(f"<p>{char * size}</p>" if kind == 0 else f"<noscript>{char * size}" + "</noscript>" * (kind % 2)
                     for kind, size, char in parts)
    body = parse(f"<html><body>{markup}<![CDATA[x]]></body></html>").find("body")
    fast = compiled.walk.swallowing(body, b"noscript", prose.MIN_GUARDED_CHARS, prune.NOSCRIPT_SHARE)
    assert fast == prune._swallowing(body)
