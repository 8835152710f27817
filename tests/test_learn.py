"""scrubber.learn: lines that recur across a site's pages become a draft pack."""

import pytest

import scrubber
from scrubber.learn import LearnError, learn, learn_pack
from scrubber.rules import load_pack, parse_pack

ARTICLES = [
    "The ferry to Gull Island will run three times a day from November, the harbour trust said on Thursday.",
    "A net loft that stood empty for eleven years on Quay Street opened on Saturday as a bakery.",
    "Thirty-two pupils from Harbour Primary sang their way to first place at the regional festival.",
    "The Old Mill bridge will close to traffic next month while engineers replace its worn bearings.",
    "Volunteers at the library have finished scanning a century of the harbour master's log books.",
]
MENU = ["Valley Courier", "Fell Walks", "Sheepdog Trials"]
FOOTER = "The Valley Courier is written by volunteers and printed in the back room of the post office every Friday."


def site(articles=ARTICLES, menu=MENU, footer=FOOTER):
    return ["\n".join([*menu, article, footer]) + "\n" for article in articles]


def rules_of(learned):
    return {(line.pattern or line.text): line.pages for line in learned.lines}


def test_lines_on_every_page_become_rules_and_articles_do_not():
    learned = learn(site())
    assert rules_of(learned) == {**{m: 5 for m in MENU}, FOOTER: 5}


def test_pages_are_counted_not_occurrences():
    quote = '"We sang it like the whole town was listening."'
    pages = site()
    pages[2] = pages[2].replace(ARTICLES[2], "\n".join([ARTICLES[2], quote, "The judges agreed.", quote, quote]))
    assert quote not in rules_of(learn(pages))


def test_min_share_decides_how_common_a_line_must_be():
    pages = site()
    pages[:3] = [p.replace("Sheepdog Trials\n", "") for p in pages[:3]]  # on 2 of 5 pages
    assert "Sheepdog Trials" not in rules_of(learn(pages, min_share=0.6))
    assert rules_of(learn(pages, min_share=0.4))["Sheepdog Trials"] == 2


def test_a_line_on_a_single_page_never_becomes_a_rule():
    pages = site()
    pages[0] = pages[0].replace(FOOTER, FOOTER + "\nCorrection: the ferry leaves at half past four.")
    assert "Correction: the ferry leaves at half past four." not in rules_of(learn(pages, min_share=0.1))


def test_numbered_lines_are_learned_as_one_pattern():
    pages = [p.replace(FOOTER, f"Tide today: high water 0{n}:1{n}\n{FOOTER}") for n, p in enumerate(site())]
    learned = learn(pages)
    assert rules_of(learned)[r"tide today: high water \d+:\d+"] == 5
    assert learned.pack().rules[-2].pattern.fullmatch("tide today: high water 11:45")


def test_lines_builtins_already_drop_are_not_learned_again():
    learned = learn(site(menu=["Skip to content", *MENU]))
    assert "Skip to content" not in rules_of(learned)
    assert learned.skipped == 1


def test_recurring_line_between_article_paragraphs_is_commented_out():
    long_articles = [f"{a} " * 2 for a in ARTICLES]
    pages = ["\n".join([*MENU, a, "Background", a.upper(), FOOTER]) for a in long_articles]
    learned = learn(pages)
    heading = next(line for line in learned.lines if line.text == "Background")
    assert heading.inside_article
    toml = learned.to_toml()
    assert '# text = "Background"' in toml
    assert all(rule.text != "background" for rule in parse_pack(toml).rules)


def test_urls_fill_domains_and_name():
    learned = learn(site(), urls=["https://www.valleycourier.example/a", "https://www.valleycourier.example/b"])
    pack = learned.pack()
    assert pack.domains == ("valleycourier.example",)
    assert pack.name == "valleycourier-example"
    assert pack.applies("https://news.valleycourier.example/x", set())


def test_without_urls_the_pack_is_scoped_by_a_detect_line():
    pack = learn(site()).pack()
    assert pack.detect == (FOOTER,)
    assert not pack.applies("https://elsewhere.example/", {"other"})


def test_each_rule_says_on_how_many_pages_it_appeared():
    pages = site()
    pages[4] = pages[4].replace("Fell Walks\n", "")
    toml = learn_pack(pages, urls=["https://valleycourier.example/"])
    assert '# on 4 of 5 pages\n[[drop]]\nid = "fell-walks"\ntext = "Fell Walks"' in toml
    assert toml.count("# on 5 of 5 pages") == 3


def test_learned_pack_loads_and_cleans(tmp_path):
    path = tmp_path / "courier.toml"
    path.write_text(learn_pack(site(), urls=["https://valleycourier.example/"]), encoding="utf-8")
    pack = load_pack(path)
    page = site()[0]
    out = scrubber.clean(page, url="https://valleycourier.example/ferry", rules=[pack])
    assert out == ARTICLES[0] + "\n"


def test_html_pages_are_read_like_clean_reads_them():
    # The nav bar never reaches the filters (HTML extraction prunes it), so there is nothing
    # to learn from it; a boilerplate paragraph inside the article container is learned.
    pages = [f"<html><body><nav><a href='/'>Fell Walks</a></nav><article><p>{a}</p><p>{FOOTER}</p></article>"
             f"</body></html>" for a in ARTICLES]
    assert rules_of(learn([p.encode("utf-8") for p in pages])) == {FOOTER: 5}


def test_rule_ids_are_unique_slugs():
    menu = ["News", "News!", "Fell Walks"]
    toml = learn_pack(site(menu=menu))
    ids = [rule.id for rule in parse_pack(toml).rules]
    assert ids[:3] == ["learned-site/news", "learned-site/news-2", "learned-site/fell-walks"]


@pytest.mark.parametrize("pages, share", [(site()[:1], 0.6), (site(), 0), (site(), 1.5)])
def test_bad_learning_input_is_a_typed_error(pages, share):
    with pytest.raises(LearnError):
        learn(pages, min_share=share)
    assert issubclass(LearnError, scrubber.ScrubberError)


def test_wrong_page_type_is_a_type_error():
    with pytest.raises(TypeError, match="str or bytes"):
        learn(["a page", 42])
