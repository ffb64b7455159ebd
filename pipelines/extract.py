"""`extract(html, url, profile) -> Article`: the whole extraction core in one call.

Order matters: metadata is read from the untouched tree (JSON-LD lives in
scripts that the cleaning removes); teasers are cut out before the widget
pass (their links are the evidence); media and captions are collected before
players are removed; trafilatura sees only the cleaned tree.
"""

from __future__ import annotations

import copy
from datetime import UTC, datetime
from urllib.parse import urlsplit

from pipelines import lead as lead_finder
from pipelines.author_lines import drop_author_lines
from pipelines.body import (
    Body,
    contains_most_of,
    drop_head_metadata,
    extract_body,
    filter_lines,
    long_paragraph_beside_headline,
    missed_long_paragraph,
    recall_options,
    too_short,
)
from pipelines.boxes import drop_galleries
from pipelines.breaks import breaks_to_paragraphs, missed_loose_story
from pipelines.chrome_text import drop_chrome_text
from pipelines.columns import drop_side_columns
from pipelines.comment_tail import drop_comment_threads
from pipelines.dates import DAY_FIRST_LANGUAGES, LANGUAGE_ZONES, dom_date, parse_date
from pipelines.dom_clean import drop_non_content, strip_interface
from pipelines.dom_utils import Classed
from pipelines.edge_rows import drop_leading_rows
from pipelines.empty_inline import drop_empty_inline
from pipelines.endmatter import cut_end_matter
from pipelines.furniture import drop_furniture_lines
from pipelines.heading_anchors import unwrap_heading_anchors
from pipelines.html_input import NotHtmlError, decode_html, parse_html
from pipelines.jsonld_text import jsonld_blocks
from pipelines.language import guess_language
from pipelines.layout import (
    divs_among_paragraphs,
    drop_narrow_image_cards,
    tails_among_paragraphs,
    unwrap_layout_tables,
)
from pipelines.legal import drop_legal_blocks
from pipelines.linked_paragraphs import restore_linked_paragraphs
from pipelines.loose_text import wrap_loose_paragraphs
from pipelines.media import harvest_media
from pipelines.menus import drop_menus
from pipelines.meta_lines import drop_meta_lines
from pipelines.metadata import language_code, read_metadata
from pipelines.missed_lists import restore_lists
from pipelines.noscript import unwrap_content_noscripts
from pipelines.notices import drop_notices
from pipelines.pagetype import classify, is_forum_thread
from pipelines.profile import Profile
from pipelines.quality import assess
from pipelines.schema import Article, Extraction, FieldProvenance
from pipelines.signatures import cut_signature_tail
from pipelines.story_box import story_box_body
from pipelines.teaser_class import masked_story_text, unmask_teaser_text
from pipelines.teasers import extract_teasers
from pipelines.text import body_hash, clean_line, words

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

    # Every element's Python proxy is kept for the whole call: lxml otherwise builds and
    # frees one per element on each of the page's ~20 walks; a walk over kept proxies
    # costs half (measured: 0.073 -> 0.037 s per 320 pages and walk).
    proxies = list(tree.iter())
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
    notices = drop_notices(work)  # walls, banners, CTA boxes: before drop_non_content takes the buttons
    drop_non_content(work)
    masked = masked_story_text(work)
    teasers = extract_teasers(work, base, profile.teaser_selectors)
    images, videos, captions = harvest_media(work, base)
    unwrap_content_noscripts(work)
    classed: list[Classed] = []  # read by strip_interface, for the class passes up to drop_galleries
    removed = strip_interface(work, profile.drop_selectors, teasers.lengths, classed)
    removed["chrome_text"] = drop_chrome_text(work, classed)
    removed["notices"] = notices
    removed["comment_threads"] = drop_comment_threads(work, teasers.lengths)
    removed["legal_blocks"] = drop_legal_blocks(work, teasers.lengths)
    removed.update({"teaser_blocks": teasers.blocks_removed, "teaser_lines": teasers.lines_removed, "captions": captions})
    removed["side_cards"] = drop_narrow_image_cards(work)  # after the media pass took their captions
    removed["galleries"] = drop_galleries(work, classed)
    dom_lead = lead_finder.find_lead(work, md.get("title"), md.get("lead"), page_url=base)
    used_hint = _restrict_to_container(work, profile.body_selectors) if profile.body_selectors else False

    removed["side_columns"] = drop_side_columns(work, teasers.lengths)
    removed["menus"] = drop_menus(work, teasers.lengths)
    tails_among_paragraphs(work)  # before the cells of layout tables become <div>s
    removed["layout_tables"] = unwrap_layout_tables(work)
    divs_among_paragraphs(work)
    drop_empty_inline(work)
    unwrap_heading_anchors(work)  # jump targets inside sub-headings (see pipelines.heading_anchors)
    wrap_loose_paragraphs(work)
    unmask_teaser_text(masked)
    title = md.get("title")
    drop_head_metadata(work)
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
    if not profile.trafilatura_options.get("favor_recall") and too_short(body):
        second = extract_body(work, url, recall_options(profile.trafilatura_options))
        if second.word_count > body.word_count:
            body = second
    # A short post's sentence loses to a sidebar box in the extractor's fallbacks.
    body = story_box_body(work, title, body) or body
    body = drop_leading_rows(cut_signature_tail(restore_linked_paragraphs(work, restore_lists(work, body))))
    drop = {c for img in images if (c := img.caption)} | {t for r in teasers.related for t in (r.title, r.summary) if t}
    body = cut_end_matter(drop_meta_lines(drop_furniture_lines(filter_lines(body, drop, title, (page_title,)), title,
                                                                 dom_lead or md.get("lead"))), md.get("authors", []))
    body = drop_author_lines(body, md.get("authors", []))
    body_source = "hint" if used_hint else "dom"
    if md.jsonld_body and body.word_count < 0.5 * len(md.jsonld_body.split()):
        # The story is in JSON-LD but not (fully) in the HTML: client-rendered pages.
        body = Body(blocks=jsonld_blocks(md.jsonld_body))
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
    del proxies
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
        fetched_at=fetched_at or datetime.now(UTC).replace(microsecond=0).isoformat(),
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
