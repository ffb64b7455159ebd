"""Guards added after a second review for unseen sites, of the box and line rules
added for fundus and l3s_gn1 (notices, call-to-action boxes, promo boxes, related
boxes, tip calls, display headlines, author boxes).  Each page is hand-written: a
story layout those rules took for furniture before the guard.  Where a test also
checks that the rule still fires, that comes first."""

from pipelines import extract

URL = "https://news.example.com/2024/05/council-approves-transport-budget"
TITLE = "Council approves transport budget after long debate"
STORY = [
    "The city council voted on Tuesday to approve a new budget that increases spending on public transport "
    "by twelve percent, officials said after a long session.",
    "Mayor Ana Lopez said the plan would add three new bus lines and extend the tram network to the northern "
    "districts by the end of next year, pending funding.",
    "Opposition members criticised the proposal, arguing that the city had not yet finished previous projects "
    "and that residents were facing higher fees already.",
    "The budget will now go to the regional government for review, which is expected to take several weeks "
    "before any construction work can begin in spring.",
]


def _page(inner: str, head: str = "", title: str = TITLE) -> str:
    return (f"<html><head><title>{title}</title>{head}</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a>"
            f"</nav><article><h1>{title}</h1>{inner}</article></body></html>")


def _paras(lines: list[str] = STORY) -> str:
    return "".join(f"<p>{line}</p>" for line in lines)


def test_story_paragraphs_about_browsers_are_not_browser_banners():
    banner = "<div class='notice'><p>You are using an outdated browser. Please update your browser.</p></div>"
    assert "outdated browser" not in extract(_page(banner + _paras()), URL).body
    quoted = "<p>“Anyone still using an old browser should update your browser today,” said Maria Weber.</p>"
    body = extract(_page(_paras(STORY[:2]) + quoted + _paras(STORY[2:])), URL).body
    assert "update your browser today" in body
    brief = ("<div class='text'><p>Google has released an emergency fix for a Chrome flaw that attackers already use.</p>"
             "<p>Security experts say that if you are using an outdated browser you should update your browser now.</p>"
             "<p>The update is installed automatically when Chrome restarts.</p></div>")
    body = extract(_page(brief), URL).body
    assert "emergency fix" in body and "installed automatically" in body


def test_a_newsletter_box_inside_a_short_story_takes_only_itself():
    short = [s.split(",")[0] + "." for s in STORY[:3]]
    box = ("<div class='newsletter'><p>Get the morning briefing with the day's top stories in your inbox, every "
           "weekday at seven.</p><form><input type='email'><button class='btn'>Sign up</button></form></div>")
    # beside the text, a list of other stories: the text is a small part of its container
    more = "".join(f"<li><a href='/2024/05/other-{i}'>Another story headline number {i} from the city desk "
                   f"today</a> A short summary of that other story for readers.</li>" for i in range(12))
    body = extract(_page(f"<div class='story'><div class='text'>{_paras(short)}{box}</div><ul>{more}</ul></div>"),
                   URL).body
    assert "morning briefing" not in body
    assert all(line in body for line in short)


def test_story_sections_with_a_link_to_the_site_stay_in_the_body():
    cafes = [("Café Einstein Unter den Linden", "cafe-einstein"), ("Father Carpenter Mitte", "father-carpenter"),
             ("The Barn Roastery", "the-barn")]
    sections = "".join(
        f"<section><h3>{name}</h3><p>The place has a new roaster, a terrace and a breakfast menu built around "
        f"local bread; prices are fair for the area. <a href='/food/reviews/{slug}'>Read our full {name} "
        f"review</a></p></section>" for name, slug in cafes)
    article = extract(_page(_paras(STORY[:2]) + sections), URL)
    assert all(name in article.body for name, _ in cafes)
    assert not any(r.title in dict(cafes) for r in article.related)
    explainer = ("<div><h2>How the budget vote works</h2><p>Each councillor has one vote and the budget needs a "
                 "simple majority. <a href='/explainers/budget-vote'>Our explainer on how the budget vote works</a> "
                 "has the details.</p></div>")
    body = extract(_page(_paras(STORY[:2]) + explainer + _paras(STORY[2:])), URL).body
    assert "How the budget vote works" in body and "simple majority" in body


def test_an_address_in_reported_speech_is_not_a_tip_call():
    call = "<p>Got a tip? Email us at tips@news.example.com</p>"
    assert "Got a tip" not in extract(_page(_paras() + call), URL).body
    reported = ("<p>Why was the data never published? A spokesman, reachable at press@city.example, said the "
                "figures were still being checked.</p>")
    assert "reachable at press@city.example" in extract(_page(_paras() + reported), URL).body


def test_an_opening_sub_heading_or_a_two_sentence_standfirst_is_not_the_display_headline():
    lead = f"<meta name='description' content='{STORY[0]}'>"
    body = extract(_page(f"<h2>What was decided</h2>{_paras()}", head=lead), URL).body
    assert body.startswith("What was decided")
    standfirst = "The council approves a record transport budget. But will it pay off for the city?"
    body = extract(_page(f"<p><b>{standfirst}</b></p>{_paras()}", head=lead,
                         title="Will the transport budget pay off for the city?"), URL).body
    assert standfirst in body


def test_a_gated_story_inside_a_wall_container_is_story_text():
    wall = "<div class='regwall'><p>Register for free to keep reading.</p><button>Register</button></div>"
    assert "Register for free" not in extract(_page(_paras() + wall), URL).body
    gated = f"<div class='article-body--regwall'>{_paras(STORY[2:])}</div>"
    body = extract(_page(_paras(STORY[:2]) + gated), URL).body
    assert STORY[3] in body


def test_the_author_section_of_a_book_review_is_kept_unless_it_is_the_byline_author():
    bio = ("Jane Miller grew up in the northern districts and worked for twenty years as a tram driver before "
           "writing this account of the city's trams.")
    review = _paras() + f"<h3>The author</h3><p>{bio}</p>"
    assert "Jane Miller grew up" in extract(_page(review), URL).body
    byline = "<meta name='author' content='Jane Miller'>"
    assert "Jane Miller grew up" not in extract(_page(review, head=byline), URL).body


def test_see_also_links_to_other_sites_are_not_related_items():
    box = ("<div class='box'><p><strong>See also:</strong></p><p><a href='https://en.wikipedia.example/wiki/Tram'>"
           "Tram</a>, <a href='https://city.example/'>City council</a>, <a href='/transport/bus-lines'>Bus lines"
           "</a></p></div>")
    related = extract(_page(_paras() + box), URL).related
    titles = {r.title for r in related}
    assert "Bus lines" in titles
    assert not titles & {"Tram", "City council"}


def test_a_quoted_call_with_an_address_is_story_text():
    # no "said": the quotation marks alone mark it as the story quoting someone
    quoted = "<p>The mayor's appeal ends: “Tell us what you think at budget@city.example.”</p>"
    assert "Tell us what you think" in extract(_page(_paras() + quoted), URL).body


def test_a_brief_with_a_subscribe_button_under_it_is_not_a_pitch():
    pitch = ("<div class='promo'><p>Independent local news needs you. Support our reporting from the council "
             "chamber and get every story first.</p><p><a class='btn' href='/subscribe'>Subscribe now</a></p></div>")
    side = "".join(f"<li><a href='/2024/05/other-{i}'>Another story headline number {i} from the city desk "
                   f"today</a> A short summary of that other story for readers.</li>" for i in range(12))

    def page(main: str) -> str:  # the headline in a header, beside the text a long list of other stories
        return (f"<html><head><title>{TITLE}</title></head><body><div class='page'><header><h1>{TITLE}</h1>"
                f"</header><div class='main'>{main}</div><div class='side'><ul>{side}</ul></div></div></body></html>")

    body = extract(page(_paras() + pitch), URL).body
    assert "Independent local news needs you" not in body and STORY[3] in body
    brief = [s.split(",")[0] + "." for s in STORY[:3]]
    body = extract(page(f"<div class='text'>{_paras(brief)}<p><a class='btn' href='/subscribe'>Subscribe</a></p></div>"),
                   URL).body
    assert all(line in body for line in brief)
