"""Teaser detection: each test is one class of failure measured on real pages,
written here as a small hand-made page."""

from pipelines import extract

URL = "https://news.example/xa-hoi/bai-viet-chinh-12345.html"

STORY = """
<h1>Tiêu đề bài chính của trang</h1>
<p>Đoạn thứ nhất của câu chuyện kể rằng cư dân trong khu phố đã cùng nhau dọn dẹp con kênh sau nhiều năm bị bỏ quên.</p>
<p>Đoạn thứ hai của câu chuyện cho biết chính quyền sẽ hỗ trợ kinh phí để lắp đặt hệ thống đèn chiếu sáng dọc bờ kênh.</p>
<p>Đoạn thứ ba của câu chuyện nói về kế hoạch trồng thêm cây xanh và đặt ghế đá cho người dân nghỉ ngơi vào buổi tối.</p>
"""


def _page(extra: str, story: str = STORY) -> str:
    return f"<html lang='vi'><head><title>t</title></head><body><article>{story}</article>{extra}</body></html>"


def test_labelled_box_around_a_list_yields_every_item():
    # <div><h4>label</h4><ul>...</ul></div> was taken as one teaser (the <ul> as its only item).
    box = """<div class="b"><h4>Tin cùng chuyên mục</h4><ul>
      <li><a href="/kinh-te/gia-vang-di-ngang-phien-dau-tuan.html">Giá vàng đi ngang phiên đầu tuần</a> <span>(22/07)</span></li>
      <li><a href="/kinh-te/lai-suat-nhich-tang-o-ngan-hang.html">Lãi suất nhích tăng ở nhiều ngân hàng</a> <span>(19/07)</span></li>
    </ul></div>"""
    article = extract(_page(box), URL)
    titles = [r.title for r in article.related]
    assert titles == ["Giá vàng đi ngang phiên đầu tuần", "Lãi suất nhích tăng ở nhiều ngân hàng"]
    assert "Giá vàng" not in article.body


def test_card_whose_summary_is_a_link_keeps_title_and_summary_apart():
    summary = ("Từ 15h chiều nay, giá xăng E5 giảm 310 đồng và xăng RON 95 giảm 330 đồng mỗi lít "
               "sau kỳ điều hành mới nhất của liên Bộ.")
    box = f"""<div><h3>Tin liên quan</h3><ul>
      <li><a href="/kinh-te/gia-xang-giam-hon-300-dong.html"><img src="/a.jpg" alt=""></a>
          <h3><a href="/kinh-te/gia-xang-giam-hon-300-dong.html">Giá xăng giảm hơn 300 đồng</a></h3>
          <p><a href="/kinh-te/gia-xang-giam-hon-300-dong.html">{summary}</a></p></li>
    </ul></div>"""
    article = extract(_page(box), URL)
    assert len(article.related) == 1
    assert article.related[0].title == "Giá xăng giảm hơn 300 đồng"
    assert article.related[0].summary == summary


def test_summary_only_cards_without_a_label_are_teasers():
    # The seed page: image link without alt + linked summary, titles lost, no box label.
    cards = "".join(
        f"""<div class="c"><a href="/thoi-su/bai-khac-so-{i}-cua-trang.html"><img src="/{i}.jpg" alt=""></a>
        <div class="d"><a href="/thoi-su/bai-khac-so-{i}-cua-trang.html">Tóm tắt bài khác số {i}: hội nghị đã thống nhất
        nhiều nội dung quan trọng về phát triển kinh tế xã hội của thành phố trong những tháng cuối năm.</a></div></div>"""
        for i in (1, 2)
    )
    article = extract(_page(f"<div class='row'>{cards}</div>"), URL)
    assert [r.title for r in article.related] == [None, None]
    assert all(r.summary and r.summary.startswith("Tóm tắt bài khác") for r in article.related)
    assert "Tóm tắt bài khác" not in article.body


def test_marked_link_inside_the_lead_is_a_teaser_and_the_lead_stays():
    lead = ("<h2 class='lead'>Chính quyền thành phố vừa giao các quận lập phương án cải tạo những khu chung cư cũ.<br>"
            "<a href='/thoi-su/mua-lon-nhieu-tuyen-pho-ngap-sau.html'><b>&gt;&gt;&nbsp;Mưa lớn, nhiều tuyến phố ngập sâu</b></a></h2>")
    article = extract(_page("", STORY.replace("</h1>", "</h1>" + lead)), URL)
    assert [r.title for r in article.related] == ["Mưa lớn, nhiều tuyến phố ngập sâu"]
    assert ">>" not in article.body and "ngập sâu" not in article.body
    assert "Chính quyền thành phố vừa giao" in article.body


def test_heading_that_is_only_a_link_to_another_story_is_a_teaser():
    heading = "<h4><a href='/xa-hoi/diem-chuan-lop-10-cong-lap.html'>Điểm chuẩn lớp 10 công lập tăng nhẹ</a></h4>"
    article = extract(_page("", STORY.replace("</h1>", "</h1>" + heading)), URL)
    assert [r.title for r in article.related] == ["Điểm chuẩn lớp 10 công lập tăng nhẹ"]
    assert "Điểm chuẩn" not in article.body


def test_tag_links_are_not_teasers():
    tags = ("<div><h4><a href='/chu-de/nong-nghiep-cong-nghe-cao-5678'>Nông nghiệp công nghệ cao mới</a></h4>"
            "<h4><a href='/chu-de/xam-nhap-man-1234'>Xâm nhập mặn ở miền Tây</a></h4></div>")
    article = extract(_page(tags), URL)
    assert article.related == []


def test_story_list_with_links_is_not_a_teaser_list():
    story = STORY + """<ul>
      <li>Theo <a href="https://other.example/report/2024/annual-report-on-canals">báo cáo</a> của sở, con kênh đã được nạo vét hai lần trong năm nay và sẽ tiếp tục được theo dõi.</li>
      <li>Theo <a href="https://other.example/report/2024/water-quality-figures">số liệu</a> mới nhất, chất lượng nước đã cải thiện rõ rệt so với cùng kỳ năm ngoái ở mọi điểm đo.</li>
      <li>Theo <a href="https://other.example/report/2024/residents-survey-results">khảo sát</a>, phần lớn cư dân hài lòng với kết quả và muốn mở rộng mô hình sang các khu phố khác.</li>
    </ul>"""
    article = extract(_page("", story), URL)
    assert article.related == []


def test_label_row_above_a_cell_of_links_marks_a_teaser_box():
    # 2008-era box: <tr><td>Related News</td></tr><tr><td>links separated by <br></td></tr>;
    # table cells were never judged as teaser blocks.
    links = "".join(f"<img src='/dot.gif'>&nbsp;<a href='/world/2008/01/story-{n}.html'>Rebels and army clash again "
                    f"in the north, day {n}</a><br>" for n in range(1, 5))
    box = f"<table><tr><td class='t12'>&nbsp;Related News</td></tr><tr><td>{links}</td></tr></table>"
    article = extract(_page(box), URL)
    assert [r.title for r in article.related][:2] == ["Rebels and army clash again in the north, day 1",
                                                     "Rebels and army clash again in the north, day 2"]
    assert all(r.label == "Related News" for r in article.related)
    assert "day 3" not in article.body


def test_label_before_a_line_break_and_a_list():
    # "<b>Related Links</b><br><ul>..." - the <br> hid the label from the list.
    box = """<div><b>Related Links</b><br><ul>
      <li><a href="/sport/2008/01/dreams-could-become-wasteland.html">Dreams could become wasteland</a></li>
      <li><a href="/news/2008/01/fears-over-agency-future.html">Fears over agency's future</a></li></ul></div>"""
    article = extract(_page(box), URL)
    assert {r.title for r in article.related} == {"Dreams could become wasteland", "Fears over agency's future"}
    assert "wasteland" not in article.body


def test_orphan_box_label_is_not_story_text():
    # "Related posts:" / "Lesen Sie auch die folgenden Beiträge:" stayed in bodies
    # after (or without) their box; a list item "- More on X" of the story stays.
    story = STORY + "<ul><li>More on cleaning the canal banks</li></ul><p>Related posts:</p>" \
                    "<p>Lesen Sie auch die folgenden Beiträge:</p>"
    article = extract(_page("", story), URL)
    assert "Related posts" not in article.body and "Lesen Sie auch" not in article.body
    assert "More on cleaning the canal banks" in article.body


def test_labelled_cards_with_long_linked_summaries_are_teasers():
    # <li><a><img><h1>title</h1><p>130-word summary</p></a></li>: items over the
    # 600-character limit were taken for story text; the whole card is one link.
    summary = " ".join(["Người dân và chính quyền địa phương cùng thảo luận kế hoạch mới cho khu phố."] * 8)
    items = "".join(f"<li><a href='/xa-hoi/tin-so-{n}-ve-khu-pho.html'><img src='/{n}.jpg'><h3>Tin số {n} về khu phố "
                    f"ven kênh</h3><p>{summary}</p></a></li>" for n in range(1, 4))
    box = f"<div><h2>You might also like</h2><ul>{items}</ul></div>"
    article = extract(_page(box), URL)
    assert len(article.related) == 3
    assert "thảo luận kế hoạch mới" not in article.body


def test_teaser_classed_opening_paragraph_of_the_story_is_kept_and_cards_are_not():
    from pipelines import extract

    story = "".join(
        f"<p>Paragraph {i} of the report describes how the consumer office tested the products sold online "
        f"and which of the promised effects the laboratory could confirm after weeks of measurements.</p>"
        for i in range(1, 6)
    )
    opening = ("Dubious online shops promise help against sleeplessness, joint pain and high cholesterol with "
               "expensive capsules; the consumer office bought twenty of them and sent them to a laboratory.")
    cards = "".join(
        f"<div class='card'><h2><a href='/2021/03/other-story-number-{i}'>Other story number {i} about shops</a></h2>"
        f"<div class='teasertext'><p>Summary {i}: the office also looked at cosmetics and at the return policies "
        f"of shops that sell them, with mixed results for the buyers who complained.</p></div></div>"
        for i in range(1, 4)
    )
    html = f"""<html><body><main><article><h1>Capsules that promise everything</h1>
      <p class="teasertext">{opening}</p>{story}</article><section>{cards}</section></main></body></html>"""
    article = extract(html, "https://consumer.example/2021/03/capsules-that-promise-everything")
    assert "Dubious online shops promise help" in article.body
    assert "Summary 2" not in article.body
