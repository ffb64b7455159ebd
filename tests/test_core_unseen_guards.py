"""Guards added after a review of today's rules for unseen sites: each case is an
ordinary news sentence or layout that a rule tuned on the dev corpus removed.  The
first assertion of each test is the rule still doing its job."""

from pipelines import extract
from pipelines.body import Body, _legal_line
from pipelines.credit_lines import is_credit_line
from pipelines.datelines import is_date_line
from pipelines.endmatter import cut_end_matter
from pipelines.meta_lines import is_meta_line
from pipelines.promo import is_promo_line
from pipelines.signatures import cut_signature_tail
from pipelines.tool_lines import is_tool_line

PARAS = "".join(
    f"<p>Paragraph {i} of the report explains how the council planned the new tram line, who pays "
    f"for it and why the work on the bridge will take two more years than first announced.</p>"
    for i in range(1, 7)
)
URL = "https://news.example/2020/05/01/tram-line-plans"


def test_short_dated_sentences_are_not_date_lines():
    assert is_date_line("Associated Press - January 10, 2008 3:23 PM ET")
    assert is_date_line("Posted 11 January 2008 at 18:14 GMT")
    assert not is_date_line("A magnitude 6.1 earthquake struck at 4:12 a.m. Sunday.")
    assert not is_date_line("The trial resumes on Monday, June 8.")


def test_comment_label_before_the_story_does_not_cut_it():
    html = f"""<html><head><title>Tram line plans</title></head><body><article><h1>Tram line plans</h1>
      <p><strong>Have your say</strong></p>{PARAS}</article></body></html>"""
    body = extract(html, URL).body
    assert "Paragraph 1 of the report" in body and "Paragraph 6 of the report" in body


def test_wordpress_taxonomy_classes_do_not_name_the_box():
    html = f"""<html><head><title>Tram line plans</title></head><body><h1>Tram line plans</h1>
      <div class="post-512 post type-post tag-classified-documents category-comment hentry">{PARAS}</div>
      </body></html>"""
    body = extract(html, URL).body
    assert "Paragraph 3 of the report" in body


def test_end_label_followed_by_prose_is_a_section_of_the_story():
    story = [f"Sentence block {i} of the story tells the reader what happened at the council meeting "
             f"and which members voted for the new tram line plan." for i in range(8)]
    contact = Body(blocks=[*story, "Kontakt:", "presse@stadt.example", "+49 30 1234 5678"])
    assert cut_end_matter(contact).blocks == story
    prose = ("Much of the funding will come from a new state grant, which the council expects to be "
             "approved in the autumn once the federal budget has passed both chambers.")
    sources = Body(blocks=[*story, "Sources", prose])
    assert cut_end_matter(sources).blocks[-1] == prose


def test_reported_speech_about_apps_and_newsletters_is_story_text():
    assert is_promo_line("Abonniere den WhatsApp-Kanal von Stadtblatt und erhalte die wichtigsten Nachrichten")
    assert not is_promo_line("'Our app was downloaded more than 2 million times on iOS and Android,' the founder said.")


def test_travel_subheads_and_copyright_sentences_are_not_credits():
    assert is_credit_line("By Jane Doe") and is_credit_line("By AP") and is_credit_line("© 2020 Reuters")
    assert not is_credit_line("By Train")
    assert not is_credit_line("Copyright law is changing fast.")


def test_posted_by_sentence_is_not_a_signature():
    story = ["First paragraph of a long story about the mayor and the city budget debate this week.",
             "Second paragraph with more details about the vote and the reactions in the council chamber."]
    signed = Body(blocks=[*story, "Posted by laurie at September 10, 2012 9:01 AM", "Great post!"])
    assert cut_signature_tail(signed).blocks == story
    sentence = "Posted by the mayor on Facebook at 9 p.m., the message drew 2,000 replies."
    assert cut_signature_tail(Body(blocks=[*story, sentence])).blocks[-1] == sentence


def test_a_story_about_a_platforms_terms_is_not_a_legal_notice():
    notice = ("This service is provided on Example Newspapers' standard Terms and Conditions. Please read our "
              "Privacy Policy. " + "To inquire about a licence to reproduce material, visit our syndication site. " * 4)
    assert _legal_line(notice.casefold())
    story = ("Facebook changed its terms and conditions and its privacy policy on Tuesday, " + "telling users "
             "that data from the messaging app will be shared with the parent company from next month, " * 4)
    assert not _legal_line(story.casefold())


def test_single_words_are_not_tool_bars_and_sentences_are_not_stamps():
    assert is_tool_line("Print | E-mail | Share")
    assert not is_tool_line("Facebook")
    assert is_meta_line("filters.html - Created 03-10-2004 2:20pm - Last Modified: 03-10-2004 2:20pm")
    assert not is_meta_line("The guidance was last updated on 03/12/2020.")


def test_related_is_a_box_label_only_before_what_is_related():
    from pipelines.teaser_labels import LABEL

    assert LABEL.match("related whitepapers") and LABEL.match("related news stories")
    assert not LABEL.match("related party transactions")
