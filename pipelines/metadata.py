"""Article metadata from JSON-LD, OpenGraph / meta tags and the DOM, with provenance.

JSON-LD is preferred where present because publishers fill it for search
engines and it is the least ambiguous (full ISO dates with offsets); meta tags
come next; the DOM is the last resort.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from pipelines.dom_utils import HtmlElement, absolute_url, text_of
from pipelines.text import clean_line

ARTICLE_TYPES = {
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle", "blogposting",
    "backgroundnewsarticle", "reviewnewsarticle", "liveblogposting", "techarticle", "scholarlyarticle", "report",
    "socialmediaposting", "videoobject", "webpage",
}
NON_ARTICLE_TYPES = {"collectionpage", "itemlist", "searchresultspage", "profilepage", "website", "qapage", "discussionforumposting"}
_TRACKING_PARAM = re.compile(r"^(utm_\w+|fbclid|gclid|ref|source|cmpid|ocid|mc_\w+)$", re.I)


@dataclass
class Metadata:
    values: dict[str, Any] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)
    jsonld_types: set[str] = field(default_factory=set)
    jsonld_body: str | None = None

    def offer(self, name: str, value: Any, source: str) -> None:
        """Keep the first non-empty value offered for a field (callers offer best sources first)."""
        if value in (None, "", [], ()) or name in self.values:
            return
        self.values[name] = value
        self.sources[name] = source

    def get(self, name: str, default: Any = None) -> Any:
        return self.values.get(name, default)


def normalise_url(url: str | None) -> str | None:
    """Absolute URL without fragment or tracking parameters (utm_*, fbclid...)."""
    if not url:
        return None
    parts = urlsplit(url)
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING_PARAM.match(k)])
    return urlunsplit((parts.scheme, parts.netloc.lower(), parts.path or "/", query, ""))


def _jsonld_objects(tree: HtmlElement) -> list[dict]:
    objects: list[dict] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").lower().strip() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text.strip().rstrip(";"), strict=False)
        except ValueError:
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            obj = stack.pop(0)
            if isinstance(obj, list):
                stack.extend(obj)
            elif isinstance(obj, dict):
                objects.append(obj)
                graph = obj.get("@graph")
                if graph:
                    stack.extend(graph if isinstance(graph, list) else [graph])
    return objects


def _types(obj: dict) -> set[str]:
    t = obj.get("@type") or []
    return {str(x).lower() for x in (t if isinstance(t, list) else [t])}


def _names(value: Any) -> list[str]:
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    if isinstance(value, dict):
        value = value.get("name")
        return _names(value) if isinstance(value, (list, dict)) else ([clean_line(value)] if value else [])
    if isinstance(value, str) and value.strip():
        return [clean_line(n) for n in re.split(r"\s*(?:,|;|\band\b|\bvà\b)\s*", value) if n.strip()]
    return []


def _keywords(value: Any) -> list[str]:
    if isinstance(value, list):
        return [clean_line(str(v)) for v in value if str(v).strip()]
    if isinstance(value, str):
        return [clean_line(v) for v in value.split(",") if v.strip()]
    return []


def _meta(tree: HtmlElement) -> dict[str, str]:
    out: dict[str, str] = {}
    for m in tree.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or m.get("http-equiv") or "").lower().strip()
        content = m.get("content")
        if key and content and key not in out:
            out[key] = content.strip()
    return out


def _strip_site_suffix(title: str) -> str:
    # "Headline - Site Name" / "Headline | Site": the suffix is the shorter part.
    parts = re.split(r"\s+[|\-–—:]\s+", title)
    if len(parts) > 1 and len(parts[-1]) < len(title) / 2:
        return clean_line(" - ".join(parts[:-1]))
    return title


def read_metadata(tree: HtmlElement, url: str) -> Metadata:
    """Metadata of the page, best source first for each field."""
    md = Metadata()
    article = None
    for obj in _jsonld_objects(tree):
        types = _types(obj)
        md.jsonld_types |= types
        if types & (ARTICLE_TYPES - {"webpage", "videoobject"}) and article is None:
            article = obj
    if article is not None:
        md.offer("title", clean_line(str(article.get("headline") or article.get("name") or "")), "json-ld")
        md.offer("published_raw", str(article.get("datePublished") or article.get("dateCreated") or ""), "json-ld")
        md.offer("modified_raw", str(article.get("dateModified") or ""), "json-ld")
        md.offer("authors", _names(article.get("author") or article.get("creator")), "json-ld")
        md.offer("lead", clean_line(str(article.get("description") or "")), "json-ld")
        section = article.get("articleSection")
        md.offer("section", clean_line(section[0] if isinstance(section, list) and section else str(section or "")), "json-ld")
        md.offer("tags", _keywords(article.get("keywords")), "json-ld")
        md.offer("language", str(article.get("inLanguage") or ""), "json-ld")
        main = article.get("mainEntityOfPage")
        md.offer("canonical_url", main.get("@id") if isinstance(main, dict) else (main if isinstance(main, str) else None), "json-ld")
        body = article.get("articleBody") or article.get("text")
        if isinstance(body, str) and body.strip():
            md.jsonld_body = body
    meta = _meta(tree)
    md.offer("title", clean_line(meta.get("og:title") or meta.get("twitter:title") or ""), "meta")
    for key in ("article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate", "date", "dc.date.issued", "dc.date", "sailthru.date", "parsely-pub-date"):
        md.offer("published_raw", meta.get(key), "meta")
    for key in ("article:modified_time", "og:updated_time", "datemodified", "lastmod", "last-modified"):
        md.offer("modified_raw", meta.get(key), "meta")
    md.offer("authors", _names(meta.get("author") or meta.get("article:author") or meta.get("dc.creator") or ""), "meta")
    md.offer("lead", clean_line(meta.get("og:description") or meta.get("description") or ""), "meta")
    md.offer("section", clean_line(meta.get("article:section") or ""), "meta")
    tags = [clean_line(m.get("content") or "") for m in tree.iter("meta") if (m.get("property") or "").lower() == "article:tag"]
    md.offer("tags", [t for t in tags if t] or _keywords(meta.get("news_keywords") or meta.get("keywords") or ""), "meta")
    html_lang = tree.get("lang") or tree.get("xml:lang")
    md.offer("language", html_lang, "dom")
    md.offer("language", meta.get("og:locale") or meta.get("content-language") or meta.get("language"), "meta")
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split():
            md.offer("canonical_url", link.get("href"), "dom")
    md.offer("canonical_url", meta.get("og:url"), "meta")
    md.offer("og_type", (meta.get("og:type") or "").lower(), "meta")
    h1 = next((h for h in tree.iter("h1") if text_of(h)), None)
    md.offer("title", text_of(h1) if h1 is not None else None, "dom")
    title_el = tree.find(".//title")
    if title_el is not None:
        md.offer("title", _strip_site_suffix(text_of(title_el)), "dom")
    canonical = md.values.get("canonical_url")
    if canonical:
        md.values["canonical_url"] = normalise_url(absolute_url(canonical, url))
    return md


def language_code(value: str | None) -> str | None:
    """'vi-VN' / 'en_US' / 'de' -> BCP 47 primary code ('vi', 'en', 'de')."""
    if not value:
        return None
    code = re.split(r"[-_]", value.strip())[0].lower()
    return code if re.fullmatch(r"[a-z]{2,3}", code) else None
