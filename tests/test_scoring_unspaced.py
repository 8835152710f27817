"""The content scorer on invented Chinese and Japanese dumps: words are not spaced, so a
paragraph is many words long, and no stoplist judges it."""

import scrubber
from scrubber.scoring.classifier import GOOD, SHORT, ContentScorer
from scrubber.blocks import Block
from scrubber.scoring.features import Features

ZH_MENU = ["首页", "新闻", "体育", "财经", "科技", "登录"]
ZH_ARTICLE = [
    "本周四，海港委员会投票决定重建那座老石码头，自从去年冬天的风暴以来，码头一直不对行人开放。",
    "工程师告诉委员会，整个工程需要两个夏天才能完成，渔船在施工期间仍然可以使用内港。",
    "这笔钱一部分来自渡轮公司离开时小镇设立的基金，另一部分来自县里春天批准的一笔补助。",
    "有几位委员质疑码头是否值得保留，但大多数人认为，没有了它，小镇就不像小镇了。",
]
ZH_FOOTER = ["关于我们", "联系我们", "隐私政策", "网站地图", "版权所有 海港日报"]

JA_MENU = ["ホーム", "ニュース", "天気", "お問い合わせ"]
JA_ARTICLE = [
    "港の委員会は木曜日、去年の冬の嵐以来閉鎖されている古い石の桟橋を建て直すことを決めました。",
    "技師たちによると、工事にはふた夏かかりますが、その間も漁船は内側の港を使うことができます。",
    "費用は町の基金と、春に県が認めた補助金でまかなわれる予定です。",
]
JA_FOOTER = ["利用規約", "プライバシー", "サイトマップ"]


def clean_lines(lines):
    return scrubber.clean("\n".join(lines), include_title=False)


def test_chinese_article_kept_menu_and_footer_dropped():
    assert clean_lines(ZH_MENU + ZH_ARTICLE + ZH_FOOTER) == "\n\n".join(ZH_ARTICLE) + "\n"


def test_japanese_article_kept_menu_and_footer_dropped():
    assert clean_lines(JA_MENU + JA_ARTICLE + JA_FOOTER) == "\n\n".join(JA_ARTICLE) + "\n"


def test_unspaced_paragraph_counts_its_characters_as_words():
    f = Features.of(ZH_ARTICLE[0], frozenset())
    assert f.words >= 15 and f.terminal and f.mostly_unspaced
    assert Features.of("首页", frozenset()).words <= 1


def test_chinese_prose_is_good_on_a_page_whose_chrome_is_english():
    # English chrome full of stopwords must not make the page "English" for the prose below it:
    # Chinese has none of the stoplist's words, so it is judged on length and sentence ends.
    chrome = ["Sign in to your account and find out more about the offers that are on the site for you.",
              "Read our terms of use and the way that we use the cookies that are set by this site."]
    blocks = [Block(t, index=i) for i, t in enumerate(chrome + ZH_ARTICLE)]
    labels, _ = ContentScorer().classify(blocks, "en")
    assert labels[len(chrome):] == [GOOD] * len(ZH_ARTICLE)


def test_short_chinese_menu_labels_are_short():
    blocks = [Block(t, index=i) for i, t in enumerate(ZH_MENU)]
    labels, _ = ContentScorer().classify(blocks, "en")
    assert set(labels) == {SHORT}


def test_tracking_pixel_markup_in_a_dump_is_dropped_but_prose_about_images_stays():
    pixel = '<img src="https://px.example.net/t.gif?site=88" style="display:none" width="1" height="1" alt="" />'
    prose = "在网页上放一张图片，只需要写一个带有宽度和高度的图片标签，浏览器就会按照这个尺寸显示它。"
    assert Features.of(pixel, frozenset()).script
    out = clean_lines(ZH_MENU + ZH_ARTICLE[:2] + [pixel, prose] + ZH_ARTICLE[2:] + ZH_FOOTER)
    assert pixel not in out
    assert prose in out and all(p in out for p in ZH_ARTICLE)
