"""`extract(html, url, profile) -> Article`: the whole extraction core in one call.

Order matters: metadata is read from the untouched tree (JSON-LD lives in
scripts that the cleaning removes); teasers are cut out before the widget
pass (their links are the evidence); media and captions are collected before
players are removed; trafilatura sees only the cleaned tree.
"""

from __future__ import annotations

import copy
from urllib.parse import urlsplit
from datetime import datetime, timezone

from pipelines import lead as lead_finder
from pipelines.breaks import breaks_to_paragraphs, missed_loose_story
from pipelines.body import Body, contains_most_of, extract_body, filter_lines, long_paragraph_beside_headline, missed_long_paragraph, recall_options
from pipelines.dates import DAY_FIRST_LANGUAGES, LANGUAGE_ZONES, dom_date, parse_date
from pipelines.columns import drop_side_columns
from pipelines.comment_tail import drop_comment_threads
from pipelines.dom_clean import drop_non_content, strip_interface
from pipelines.html_input import NotHtmlError, decode_html, parse_html
from pipelines.legal import drop_legal_blocks
from pipelines.language import guess_language
from pipelines.layout import divs_among_paragraphs, unwrap_layout_tables
from pipelines.menus import drop_menus
from pipelines.media import harvest_media
from pipelines.metadata import language_code, read_metadata
from pipelines.pagetype import classify, is_forum_thread
from pipelines.profile import Profile
from pipelines.quality import assess
from pipelines.schema import Article, Extraction, FieldProvenance
from pipelines.teasers import extract_teasers
from pipelines.text import body_hash, clean_block_text, clean_line, words

EXTRACTOR = "newscrawl-core/0.1"
UNKNOWN_ORIGIN = "http://unknown.invalid/"


def _not_an_article(url: str, page_type: str, warning: str) -> Article:
    return Article(url=url, extraction=Extraction(extractor=EXTRACTOR, page_type=page_type, warnings=[warning]))  # type: ignore[arg-type]


def _language_source(md, profile: Profile, language: str | None) -> str:  # type: ignore[no-untyped-def]
    """Where `language` came from, in the order extract() tries: the page, the site, the text."""
    if language_code(md.get("language")):
        return md.sources.get("language", "none")
    if profile.language:
        return "hint"
    return "text" if language else "none"


def _restrict_to_container(tree, selectors: tuple[str, ...]):
    """With a site hint, keep only the story container (plus <head> for metadata)."""
    for selector in selectors:
        matches = tree.cssselect(selector)
        if matches:
            body = tree.find("body")
            if body is not None:
                container = copy.deepcopy(matches[0])
                for child in list(body):
                    body.remove(child)
                body.append(container)
            return True
    return False


def extract(html: str | bytes, url: str, profile: Profile | None = None, *, fetched_at: str | None = None) -> Article:
    """Extract one article from a page.  Never raises for bad pages: a page that is not
    HTML comes back as an Article with ``extraction.page_type`` set to why not."""
    profile = profile or Profile()
    url = url or ""
    try:
        tree, warnings = parse_html(decode_html(html))
    except NotHtmlError as exc:
        return _not_an_article(url, "not-html" if exc.reason != "empty" else "empty", exc.reason)

    md = read_metadata(tree, url)
    page_title = tree.findtext(".//title") or ""
    # Relative links need a base: the page's own URL, else its canonical URL, else a
    # reserved never-resolving origin (RFC 2606) so that teasers are still found and
    # cut out of the body (saved pages without a URL lost every relative teaser).
    base = url if urlsplit(url).netloc else (md.get("canonical_url") or UNKNOWN_ORIGIN)
    if base == UNKNOWN_ORIGIN:
        warnings.append("no_page_url")
    # What the later steps need from the untouched page is read now; the tree is then
    # cleaned in place (a deep copy cost as much as the metadata pass).
    forum = is_forum_thread(tree, url)
    work = tree
    drop_non_content(work)
    teasers = extract_teasers(work, base, profile.teaser_selectors)
    images, videos, captions = harvest_media(work, base)
    removed = strip_interface(work, profile.drop_selectors, teasers.lengths)
    removed["comment_threads"] = drop_comment_threads(work, teasers.lengths)
    removed["legal_blocks"] = drop_legal_blocks(work, teasers.lengths)
    removed.update({"teaser_blocks": teasers.blocks_removed, "teaser_lines": teasers.lines_removed, "captions": captions})
    dom_lead = lead_finder.find_lead(work, md.get("title"), md.get("lead"))
    used_hint = _restrict_to_container(work, profile.body_selectors) if profile.body_selectors else False

    removed["side_columns"] = drop_side_columns(work, teasers.lengths)
    removed["menus"] = drop_menus(work, teasers.lengths)
    removed["layout_tables"] = unwrap_layout_tables(work)
    divs_among_paragraphs(work)
    title = md.get("title")
    body = extract_body(work, url, profile.trafilatura_options)
    if not profile.trafilatura_options.get("favor_recall") and missed_long_paragraph(work, body):
        second = extract_body(work, url, recall_options(profile.trafilatura_options))
        # Beside the headline the paragraph is story text and the first run picked the
        # wrong container.  Elsewhere only a modest extension of the same container is
        # taken: extensions to 2-3x the length added sidebars (dragnet P 0.96 -> 0.34).
        if not missed_long_paragraph(work, second) and (
                long_paragraph_beside_headline(work)
                or (contains_most_of(second, body) and second.word_count <= 1.5 * body.word_count)):
            body = second
    missed = missed_loose_story(work, " ".join(words(body.text)))
    if missed and breaks_to_paragraphs(work):
        # The story is loose text between <br>s or empty <p>s, which the extractor
        # skipped: as <p>s it is found (see pipelines.breaks).
        second = extract_body(work, url, profile.trafilatura_options)
        if missed in " ".join(words(second.text)):
            body = second
            removed["break_paragraphs"] = 1
    drop = {c for img in images if (c := img.caption)} | {t for r in teasers.related for t in (r.title, r.summary) if t}
    body = filter_lines(body, drop, title, (page_title,))
    body_source = "hint" if used_hint else "dom"
    if md.jsonld_body and body.word_count < 0.5 * len(md.jsonld_body.split()):
        # The story is in JSON-LD but not (fully) in the HTML: client-rendered pages.
        body = Body(blocks=[b for b in clean_block_text(md.jsonld_body).split("\n\n") if b])
        body_source = "json-ld"
    lead = dom_lead or md.get("lead")
    if dom_lead and body.blocks and " ".join(words(dom_lead)[:12]) not in " ".join(words(body.text)):
        body = Body(blocks=[dom_lead, *body.blocks], headings=body.headings, lines_filtered=body.lines_filtered)

    page_type = classify(md, url, body.word_count, len(teasers.related), forum=forum)
    language = language_code(md.get("language")) or profile.language or guess_language(body.text)
    date_languages = [language, "en"] if language else None
    zone = profile.timezone or LANGUAGE_ZONES.get(language or "")
    if not md.get("published_raw") and (language or "") in DAY_FIRST_LANGUAGES:
        # On the cleaned tree: date lines are not widgets, and comments (whose times
        # would come first in some layouts) are gone.
        md.offer("published_raw", dom_date(work), "dom")
    published = parse_date(md.get("published_raw"), zone, date_languages)
    modified = parse_date(md.get("modified_raw"), zone, date_languages)
    text = body.text or None
    quality = assess(body, md, page_type, teasers.related)
    sources = FieldProvenance(
        title=md.sources.get("title", "none"),  # type: ignore[arg-type]
        lead=("dom" if dom_lead else md.sources.get("lead", "none")),  # type: ignore[arg-type]
        body=body_source if text else "none",  # type: ignore[arg-type]
        authors=md.sources.get("authors", "none"),  # type: ignore[arg-type]
        published=md.sources.get("published_raw", "none") if published else "none",  # type: ignore[arg-type]
        modified=md.sources.get("modified_raw", "none") if modified else "none",  # type: ignore[arg-type]
        language=_language_source(md, profile, language),  # type: ignore[arg-type]
        section=md.sources.get("section", "none"),  # type: ignore[arg-type]
    )
    return Article(
        url=url,
        canonical_url=md.get("canonical_url"),
        site=profile.site,
        title=title,
        lead=clean_line(lead) or None,
        body=text,
        headings=body.headings,
        authors=md.get("authors", []),
        published=published,
        published_raw=md.get("published_raw"),
        modified=modified,
        modified_raw=md.get("modified_raw"),
        language=language,
        section=md.get("section"),
        tags=md.get("tags", []),
        images=images,
        videos=videos,
        related=teasers.related,
        fetched_at=fetched_at or datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
        body_hash=body_hash(text),
        word_count=body.word_count,
        extraction=Extraction(
            extractor=EXTRACTOR,
            page_type=page_type,  # type: ignore[arg-type]
            sources=sources,
            confidence=quality.confidence,
            removed={k: v for k, v in removed.items() if v},
            warnings=warnings + quality.warnings,
        ),
    )
