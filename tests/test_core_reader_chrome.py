"""The publisher talking to its reader inside the story container: error-report
prompts, appeals for independent journalism, one-device subscription dialogs and a
video ad's skip button (pipelines.promo).  Hand-written page."""

from pipelines import extract

PARAS = "".join(
    f"<p>Paragraph {i} of the report explains how the city council voted on the new tram line "
    f"through the old town, which streets will close and what the works will finally cost.</p>"
    for i in range(1, 6)
)


def _article(extra: str) -> str:
    html = f"""<html><head><title>Tram line approved by the council</title></head><body><article>
      <h1>Tram line approved by the council</h1>{PARAS[:400]}<p>Passer la publicité</p>{PARAS}
      {extra}</article></body></html>"""
    return extract(html, "https://city.example/news/2024/tram-line-approved").body


def test_reader_chrome_lines_leave_the_body():
    body = _article("<p>Fehler gefunden? Jetzt melden.</p><p>Unabhängiger Journalismus braucht deine Unterstützung.</p>"
                    "<p>Tu suscripción se está usando en otro dispositivo</p>"
                    "<p>Si continúas leyendo en este dispositivo, no se podrá leer en el otro.</p>")
    assert "Paragraph 5 of the report" in body
    for line in ("Passer la publicit", "Fehler gefunden", "Unabhängiger Journalismus", "Tu suscripción", "continúas leyendo"):
        assert line not in body, line


def test_story_sentences_about_errors_and_subscriptions_stay():
    story = ("<p>The auditors found an error in the budget of the tram line, and if you cancel your subscription "
             "to the city's transport pass before May, the fee is refunded, the council said.</p>")
    assert "found an error in the budget" in _article(story)


def test_skip_links_and_copy_link_buttons_leave_the_body():
    body = _article("<p>Hauptinhalt</p><p>Skip to main content</p><p>- Copy link</p>")
    for line in ("Hauptinhalt", "Skip to main", "Copy link"):
        assert line not in body, line
    assert "Paragraph 5 of the report" in body
