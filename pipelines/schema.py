"""The one output schema: an extracted news article.

Every JSONL line that newscrawl writes is one :class:`Article`.  Only ``url``
is required; every other field may be absent (``None`` or empty) when the page
does not carry it.  Conventions, so analysts can rely on them:

* text is Unicode NFC, whitespace collapsed inside lines;
* URLs are absolute;
* dates are ISO 8601 with a UTC offset (``2024-07-31T10:25:00+07:00``); the
  string found on the page is kept beside them (``*_raw``) because parsing can
  lose information (a missing time zone, a day/month order guess).

``schema/article.schema.json`` is generated from this module
(``newscrawl schema --write``); a test fails when it is stale.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

FieldSource = Literal["json-ld", "meta", "dom", "trafilatura", "url", "text", "hint", "none"]
PageType = Literal["article", "listing", "hub", "forum", "error", "empty", "not-html"]


class _Model(BaseModel):
    # Extra keys are an error: a typo in a pipeline must not silently add a field.
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Image(_Model):
    """An image that belongs to the story."""

    url: str = Field(description="Absolute URL of the image file.")
    caption: str | None = Field(None, description="Caption shown with the image (NFC), never repeated in `body`.")
    alt: str | None = Field(None, description="The image's alt text, when it differs from the caption.")


class Video(_Model):
    """A video that belongs to the story (a `<video>` source or an embed)."""

    url: str | None = Field(None, description="Absolute URL of the video file or stream (mp4, m3u8), when given.")
    embed_url: str | None = Field(None, description="Absolute URL of an embedded player (YouTube, iframe).")
    poster: str | None = Field(None, description="Absolute URL of the poster image.")
    caption: str | None = Field(None, description="Caption or title shown with the video.")


class RelatedLink(_Model):
    """A teaser for *another* article shown on the page (related news, 'read more')."""

    url: str = Field(description="Absolute URL of the teased article.")
    title: str | None = Field(None, description="Teaser title (link text or heading); None when the page shows only a summary.")
    summary: str | None = Field(None, description="Teaser summary or lead, when the page shows one.")
    label: str | None = Field(None, description="Heading of the block the teaser sits in ('Tin liên quan', 'Read more'), or the inline marker ('>>', 'Xem thêm').")


class FieldProvenance(_Model):
    """Where each field's value came from, so a consumer can weigh it."""

    title: FieldSource = "none"
    lead: FieldSource = "none"
    body: FieldSource = "none"
    authors: FieldSource = "none"
    published: FieldSource = "none"
    modified: FieldSource = "none"
    language: FieldSource = "none"
    section: FieldSource = "none"


class Extraction(_Model):
    """How the article was extracted: provenance, page type, warnings."""

    extractor: str = Field("newscrawl", description="Name and version of the extraction core.")
    page_type: PageType = Field("article", description="What the page was judged to be; only `article` pages are written.")
    sources: FieldProvenance = Field(default_factory=FieldProvenance, description="Source of each field's value.")
    confidence: float = Field(0.0, ge=0.0, le=1.0, description="0..1: how sure the core is that `body` is the complete, clean story.")
    removed: dict[str, int] = Field(default_factory=dict, description="Count of page elements removed before extraction, by kind (player, share, rating, comments, teasers...).")
    warnings: list[str] = Field(default_factory=list, description="Machine-readable warnings, e.g. `short_body`, `body_shorter_than_jsonld`.")


class Article(_Model):
    """One news article: the story alone in `body`, teasers apart in `related`."""

    schema_version: str = Field(SCHEMA_VERSION, description="Version of this schema.")
    url: str = Field(description="Absolute URL the page was fetched from (after redirects). The only required field.")
    canonical_url: str | None = Field(None, description="Canonical URL (link rel=canonical, og:url or JSON-LD), absolute, normalised.")
    site: str | None = Field(None, description="Site name from the site declaration, else the registered domain.")
    title: str | None = Field(None, description="Headline (NFC).")
    lead: str | None = Field(None, description="Standfirst / sapo / description shown above the story, when the page has one.")
    body: str | None = Field(None, description="Story text only: paragraphs and sub-headings in page order, separated by a blank line. No captions, players, widgets, comments or teasers.")
    headings: list[str] = Field(default_factory=list, description="Sub-headings inside the story, in order (they also appear in `body`).")
    authors: list[str] = Field(default_factory=list, description="Author names, without 'By' or roles.")
    published: str | None = Field(None, description="First publication time, ISO 8601 with offset.")
    published_raw: str | None = Field(None, description="The publication date string as found on the page.")
    modified: str | None = Field(None, description="Last modification time, ISO 8601 with offset.")
    modified_raw: str | None = Field(None, description="The modification date string as found on the page.")
    language: str | None = Field(None, description="BCP 47 language code of the story (`vi`, `en`, `de`).")
    section: str | None = Field(None, description="Section or category the site files the story under.")
    tags: list[str] = Field(default_factory=list, description="Keywords / tags the site gives the story.")
    images: list[Image] = Field(default_factory=list, description="Images of the story with their captions.")
    videos: list[Video] = Field(default_factory=list, description="Videos of the story.")
    related: list[RelatedLink] = Field(default_factory=list, description="Teasers of other articles found on the page; never part of `body`.")
    fetched_at: str | None = Field(None, description="When the page was fetched, ISO 8601 UTC.")
    body_hash: str | None = Field(None, description="SHA-256 (hex) of the NFC body with whitespace collapsed: equal stories hash equal.")
    word_count: int = Field(0, ge=0, description="Number of `\\w+` tokens in `body`.")
    version: int = Field(1, ge=1, description="1 for the first time this URL is written; incremented each time a changed story is written again.")
    previous_hash: str | None = Field(None, description="`body_hash` of the previous version, when `version` > 1.")
    extraction: Extraction = Field(default_factory=Extraction, description="Provenance, page type, confidence and warnings.")


def json_schema() -> dict:
    """The JSON Schema (draft 2020-12) of one output line."""
    schema = Article.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://github.com/newscrawl/newscrawl/schema/article.schema.json"
    return schema
