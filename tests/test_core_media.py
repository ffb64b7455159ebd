"""Images: story images keep their captions; logos, avatars and icons are not story images."""

from pipelines import extract

STORY = "Người dân đổ về trung tâm thành phố từ sáng sớm để theo dõi lễ diễu hành kỷ niệm ngày lễ lớn. " * 6


def test_story_image_with_caption_kept_and_furniture_dropped():
    html = f"""<html lang="vi"><head><title>Lễ diễu hành</title></head><body>
    <header><a href="/"><img src="/static/site.png" alt="Báo Mẫu"></a></header>
    <article><h1>Lễ diễu hành</h1><p>{STORY}</p>
      <figure><img src="/img/2024/le-dieu-hanh.jpg"><figcaption>Đoàn diễu hành qua phố Tràng Tiền</figcaption></figure>
      <p>{STORY}</p>
      <div class="author-box"><img src="/img/nguyen-van-a.jpg" alt="Nguyễn Văn A"></div>
    </article>
    <div class="comment-list"><div><img src="/u/123.jpg" alt="User"> Bài viết rất hay</div></div>
    <img src="/static/img/icon-share.svg"><img src="/static/img/avatar.png">
    </body></html>"""
    article = extract(html, "https://baomau.vn/thoi-su/le-dieu-hanh-123456.html")
    assert [(i.url, i.caption) for i in article.images] == [
        ("https://baomau.vn/img/2024/le-dieu-hanh.jpg", "Đoàn diễu hành qua phố Tràng Tiền")
    ]
    assert "Tràng Tiền" not in article.body
