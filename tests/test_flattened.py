"""Chrome glued to the article inside a page flattened onto one line."""

from scrubber import clean
from scrubber.blocks import Block
from scrubber.pipeline import LIST_HEAD_PACKS
from scrubber.rules import RuleSet, builtin_packs
from scrubber.source.flattened import cut_list_heads, peel_chrome_heads, split_known_head
from scrubber.source.text import split_byline, split_chrome_head, split_unspaced, text_blocks

MENU = {"home", "about", "contact", "skip to content", "von hundt und aseev"}


def known(text):
    return text.casefold() in MENU


def test_a_menu_run_is_cut_off_a_title():
    assert split_known_head("Home About Gallery Contact Potting On Tomato Seedlings", known) == \
        ["Home", "About", "Gallery", "Contact", "Potting On Tomato Seedlings"]


def test_a_head_ends_where_the_rest_starts_a_phrase_of_its_own():
    comment_menu = {"reply", "report", "ann lee · may 2024"}
    assert split_known_head("Report Reply Ann Lee · May 2024 at 9:10 AM", lambda t: t.casefold() in comment_menu) == \
        ["Report", "Reply", "Ann Lee · May 2024 at 9:10 AM"]
    # no known phrase leaves a capitalised rest: a sentence that begins with menu words
    assert split_known_head("Report Reply times are slow, the council said.", lambda t: t.casefold() in comment_menu) == \
        ["Report Reply times are slow, the council said."]


def test_prose_that_starts_like_a_menu_is_left_whole():
    for prose in ("Die von Hundt und Aseev entwickelte Methode misst Gase.",
                  "Home is where the workshop is, she said.",
                  "Home Office staff said the rules would change."):
        assert split_known_head(prose, known) == [prose]


def test_a_byline_needs_a_title_before_it_and_a_sentence_after_it():
    assert split_byline("By Tom Hale The pier reopened.") == ["By Tom Hale The pier reopened."]
    assert split_byline("Pier Reopens Von Tom Hale vor 3 Stunden Der Steg ist offen.") == \
        ["Pier Reopens", "Von Tom Hale", "vor 3 Stunden", "Der Steg ist offen."]


def test_a_flattened_page_without_a_byline_keeps_its_article_and_loses_its_menu():
    page = ("Skip to content Home About Contact Potting On Tomato Seedlings "
            "Tomato seedlings need a bigger pot once their first true leaves have opened, usually three weeks "
            "after sowing. Set each one deeper than before, because the buried stem grows roots of its own. "
            "Water them from below for a few days so the compost settles around the new roots without "
            "washing away. Keep them on a bright windowsill and turn the pots every day so the stems grow "
            "straight. Share this: Facebook Email")
    text = clean(page)
    assert "Skip to content" not in text and "Home About" not in text and "Share this" not in text
    assert "Tomato seedlings need a bigger pot" in text and "grow straight." in text


ARTICLE = ("Potting On Tomato Seedlings Tomato seedlings need a bigger pot once their first true leaves have opened, "
           "usually three weeks after sowing. Set each one deeper than before, because the buried stem grows roots "
           "of its own. Water them from below for a few days so the compost settles around the new roots without "
           "washing away. Keep them on a bright windowsill and turn the pots every day so the stems grow straight. "
           "After another month the plants are ready for the greenhouse border, which should have been dug over "
           "with plenty of garden compost in the autumn. Plant them a little deeper again, and tie each stem loosely "
           "to a cane as soon as it is in the ground, since a gust through the open door can snap it at the base. "
           "Feed them every week with a liquid tomato food once the first flowers have set, and pinch out the side "
           "shoots that appear where the leaves meet the stem, or the plant will spend its strength on leaves. ")


def test_a_flattened_slideshow_after_the_article_is_cut_at_its_counters_and_dropped():
    places = ["on the hill", "by the river", "behind the school", "near the station", "at the old mill"]
    captions = [f"Garden news in pictures {n}/12 The allotment society opened a new orchard {places[n % 5]}, where "
                f"volunteers planted {n * 3} apple trees of old local kinds that the town had nearly lost. "
                for n in range(1, 13)]
    text = clean(ARTICLE + "".join(captions))
    assert "Tomato seedlings need a bigger pot" in text and "grow straight." in text
    assert "/12" not in text and "apple trees" not in text


def test_times_inside_sentences_of_a_flattened_article_stay():
    timetable = ("The first bus leaves at 7:15 and reaches the garden centre at 7:40 on weekdays, so most "
                 "growers come early; the last one goes back at 18:05 or 18:35 in summer, when the days are long. ")
    text = clean(ARTICLE + timetable + ARTICLE.replace("Potting On Tomato Seedlings ", ""))
    assert "7:15 and reaches the garden centre at 7:40" in text and "back at 18:05 or 18:35" in text


def test_a_known_label_is_cut_off_the_head_of_a_flattened_sentence_but_a_subject_stays():
    menu = {"show comments", "home"}
    pieces = [Block("Show comments The allotment society opened a new orchard by the river.", line=0),
              Block("Home owners along the lane planted the first trees.", line=0)]
    assert [b.text for b in peel_chrome_heads(pieces, lambda t: t.casefold() in menu)] == \
        ["Show comments", "The allotment society opened a new orchard by the river.",
         "Home owners along the lane planted the first trees."]


def _pieces(*texts):
    return [Block(text, line=0) for text in texts]


def test_a_list_header_run_into_a_flattened_piece_is_cut_out():
    rules = RuleSet(builtin_packs())
    pieces = _pieces("Tie each stem to a cane.", "Written by Mara Quill Gardening editor more stories Seed Swap Returns",
                     "Das Beet ist fertig.", "Gepflanzt von Jo Brand Weitere Artikel Neue Sorten im Test")
    assert [b.text for b in cut_list_heads(pieces, rules, LIST_HEAD_PACKS)] == \
        ["Tie each stem to a cane.", "Written by Mara Quill Gardening editor", "more stories", "Seed Swap Returns",
         "Das Beet ist fertig.", "Gepflanzt von Jo Brand", "Weitere Artikel", "Neue Sorten im Test"]


def test_words_of_a_list_header_inside_a_sentence_stay_whole():
    rules = RuleSet(builtin_packs())
    prose = _pieces("Growers swap more stories about blight than about harvests, the society says.",
                    "Read the latest news and tips on the society's board before the show.",
                    "She said the related posts on the forum were mostly about slugs.")
    assert [b.text for b in cut_list_heads(prose, rules, LIST_HEAD_PACKS)] == [b.text for b in prose]
    # a line of a dump is judged whole by the rules: nothing is cut out of it
    line = [Block("Written by Mara Quill more stories Seed Swap Returns")]
    assert cut_list_heads(line, rules, LIST_HEAD_PACKS) == line


def test_a_teaser_stream_after_a_related_header_on_a_flattened_page_is_dropped():
    teasers = ("Seed Swap Returns to the Market Hall Growers from four villages brought beans, squash and rare "
               "kale to trade on Saturday, and the queue reached the bus stop by ten. "
               "The Orchard That Came Back A row of pear trees thought lost to canker is fruiting again after two "
               "winters of careful pruning by the volunteers who look after it. "
               "Why Slugs Love a Wet June Damp nights bring them out in numbers, and the usual beer traps catch only "
               "a share of them, so the society suggests copper bands instead. ")
    text = clean("Potting On Tomato Seedlings " + ARTICLE + "Written by Mara Quill Gardening editor more stories " + teasers)
    assert "Tomato seedlings need a bigger pot" in text and "side shoots" in text
    assert "Seed Swap" not in text and "pear trees" not in text and "copper bands" not in text


def test_a_one_word_label_is_cut_off_only_before_a_word_that_starts_sentences():
    menu = {"share", "home"}
    assert split_known_head("Share The ferry made its first crossing on Tuesday.", lambda t: t.casefold() in menu) == \
        ["Share", "The ferry made its first crossing on Tuesday."]
    assert split_known_head("Teilen Die Fähre fuhr am Dienstag zum ersten Mal.", lambda t: t.casefold() == "teilen") == \
        ["Teilen", "Die Fähre fuhr am Dienstag zum ersten Mal."]
    # the one word is the subject's first word: "Home Office", "Share Prices"
    for prose in ("Home Office staff said the rules would change.",
                  "Share Prices Fell Again on Friday, the exchange said."):
        assert split_known_head(prose, lambda t: t.casefold() in menu) == [prose]


CJK_STORY = ("镇议会周一开会，决定新图书馆将于明年五月开放，馆内设有阅览室、咖啡馆和档案室。"
             "档案室将保存小镇自一八九零年以来的全部记录，市民可以预约查阅，也可以在网上浏览部分扫描件。 "
             "馆长表示，开放第一周每天都会举办讲座和儿童读书会，欢迎全家一起参加，不需要提前报名。"
             "图书馆还将延长周末的开放时间，方便上班的居民前来借书和学习。 ")


def test_a_flattened_chinese_page_is_cut_where_its_texts_met():
    menu = "首页 新闻 体育 财经 图片 视频 "
    footer = "关于我们 联系我们 版权所有 网站地图 "
    page = menu + "新图书馆明年开放 " + CJK_STORY + CJK_STORY.replace("镇议会", "区议会") \
        + CJK_STORY.replace("镇议会", "市议会") + CJK_STORY.replace("镇议会", "县议会") + footer
    blocks = text_blocks(page)
    assert [b.text for b in blocks[:6]] == ["首页", "新闻", "体育", "财经", "图片", "视频"]
    text = clean(page)
    assert "镇议会周一开会" in text and "方便上班的居民前来借书和学习。" in text
    assert "首页" not in text and "网站地图" not in text


def test_spaces_inside_chinese_sentences_do_not_cut_a_flattened_line():
    # a writer who pauses with spaces, or links inside sentences: most texts between spaces are short
    pauses = " ".join(["清晨出发", "沿着河边", "一路向北", "走到山脚", "天色渐亮", "雾气散开"] * 20) + "。"
    assert split_unspaced(pauses)[:2] == ["清晨出发", "沿着河边"]  # the cut itself ...
    assert all(" " in b.text for b in text_blocks(pauses))  # ... is not used for such a line


def test_indented_lines_continue_an_unfinished_line_and_only_such_a_line():
    dump = "The ferry left at\n    nine and came back\n    at noon.\nHome\nIt rained.\n    The end came\nIt docked by the\n\tpier"
    assert [b.text for b in text_blocks(dump)] == \
        ["The ferry left at nine and came back at noon.", "Home", "It rained.", "The end came", "It docked by the pier"]


def test_a_menu_head_with_two_spaces_in_it_is_still_cut_off():
    # an empty word between two spaces weighs nothing, like punctuation
    assert split_chrome_head("Home  News  Sport  Weather  Contact The council met on Monday and agreed to open it.") == \
        ["Home  News  Sport  Weather  Contact", "The council met on Monday and agreed to open it."]
    assert split_chrome_head(" Home News Sport Weather Contact Us The council met on Monday.") == \
        [" Home News Sport Weather Contact Us The council met on Monday."]


def test_a_menu_run_longer_than_the_words_first_read_is_cut_off_whole():
    sections = ["Home", "About", "News", "Sport", "Weather", "Travel", "Shop", "Events", "Jobs", "Cars",
                "Homes", "Puzzles", "Contact"]
    menu = {word.casefold() for word in sections}
    piece = " ".join(sections) + " The council met on Monday and agreed to open the library."
    assert split_known_head(piece, lambda t: t.casefold() in menu) == \
        sections + ["The council met on Monday and agreed to open the library."]


def test_a_screened_head_is_cut_off_though_the_rest_of_its_piece_is_not_clean():
    from scrubber.rules import line_key
    from scrubber.source.head_screen import HeadScreen
    rules = RuleSet(builtin_packs())
    screen = HeadScreen.of(rules.packs, rules.regex_timeout).lengths
    # a tab and a double space far from the head: the head's words are still screened
    piece = "Skip to content The mill\treopened on  Monday after the floods of last winter."
    assert split_known_head(piece, lambda t: rules.match(line_key(t), "drop") is not None, screen) == \
        split_known_head(piece, lambda t: rules.match(line_key(t), "drop") is not None) == \
        ["Skip to content", "The mill\treopened on  Monday after the floods of last winter."]
