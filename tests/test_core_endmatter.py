"""End matter after the story (contact boxes, sources, "more information" lists) is not body text."""

from pipelines import extract

STORY = "".join(
    f"<p>Paragraph {i} of the report describes how the regional water board tested the new filters "
    f"at the treatment plant and what the measurements showed over the winter months.</p>"
    for i in range(1, 7)
)


def test_contact_box_and_more_information_list_after_the_story_are_cut():
    html = f"""<html><body><article><h1>New filters at the plant</h1>{STORY}
      <p><strong>Weitere Informationen:</strong></p>
      <ul><li>Report of the water board on the filter trial</li><li>Interview with the plant manager</li></ul>
      <p><strong>Kontakt:</strong></p><p>Dr. Erika Beispiel</p><p>E-Mail: presse@wasser.example</p>
      </article></body></html>"""
    article = extract(html, "https://wasser.example/aktuelles/2021/neue-filter-im-klaerwerk")
    assert "Paragraph 6 of the report" in article.body
    assert "Weitere Informationen" not in article.body
    assert "Kontakt" not in article.body and "presse@wasser.example" not in article.body


def test_a_label_in_the_middle_heads_a_section_of_the_story():
    html = f"""<html><body><article><h1>New filters at the plant</h1>{STORY[:600]}
      <h2>Quellen</h2>{STORY}</article></body></html>"""
    article = extract(html, "https://wasser.example/aktuelles/2021/neue-filter-im-klaerwerk")
    assert "Quellen" in article.body and "Paragraph 6 of the report" in article.body


def test_date_stamp_toc_label_and_last_modified_lines_are_not_body_text():
    html = f"""<html><body><article><h1>New filters at the plant</h1><p>23.10.2018</p>
      <p><strong>Inhaltsverzeichnis</strong></p>{STORY}
      <p>filters.html - Created 03-10-2004 2:20pm - Last Modified: 03-10-2004 2:20pm</p></article></body></html>"""
    article = extract(html, "https://wasser.example/aktuelles/2021/neue-filter-im-klaerwerk")
    assert "Paragraph 6 of the report" in article.body
    assert "23.10.2018" not in article.body
    assert "Inhaltsverzeichnis" not in article.body
    assert "Last Modified" not in article.body


def test_a_sentence_about_an_update_stays():
    html = f"""<html><body><article><h1>New filters at the plant</h1>{STORY}
      <p>The board said the figures were last updated on 03-10-2020 and will be checked again in spring.</p>
      </article></body></html>"""
    article = extract(html, "https://wasser.example/aktuelles/2021/neue-filter-im-klaerwerk")
    assert "will be checked again in spring" in article.body


def test_contact_person_label_after_the_story_is_cut():
    html = f"""<html><body><article><h1>New filters at the plant</h1>{STORY}
      <p>Ansprechpartnerin zum Thema:</p><p>Telefon +49 (0)40 / 12 34 56</p><p>erika@wasser.example</p>
      </article></body></html>"""
    article = extract(html, "https://wasser.example/aktuelles/2021/neue-filter-im-klaerwerk")
    assert "Paragraph 6 of the report" in article.body
    assert "Ansprechpartnerin" not in article.body and "erika@wasser.example" not in article.body
