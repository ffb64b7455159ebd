"""The site declaration model and its loader.

A declaration only names things (domains, discovery sources, URL patterns,
hints); the behaviour that uses them lives in the generic spider and the
extraction core.  Validation is strict (unknown keys are errors) so that a typo
in a site file fails loudly instead of silently crawling nothing.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from pipelines.profile import Profile

SITES_DIR = Path(__file__).parent


class SiteError(ValueError):
    """An invalid site declaration; the message names the file and the field."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Sections(_Strict):
    """Section (listing) pages to read for article links."""

    urls: list[str] = Field(default_factory=list, description="Section front pages.")
    max_pages: int = Field(3, ge=1, le=1000, description="Pages to follow per section through pagination.")
    pagination: str | None = Field(None, description="Regex of pagination URLs; rel=next links are always followed.")


class ExtractionHints(_Strict):
    """Optional CSS selectors that help the core on this site's markup."""

    body: list[str] = Field(default_factory=list, description="Story container(s); the first that matches wins.")
    teasers: list[str] = Field(default_factory=list, description="Blocks of teasers of other articles.")
    drop: list[str] = Field(default_factory=list, description="Elements to remove before extraction.")


class Politeness(_Strict):
    """Per-site overrides of the crawl's politeness settings."""

    download_delay: float | None = Field(None, ge=0, le=120)
    concurrency: int | None = Field(None, ge=1, le=32, description="Concurrent requests to this site's domains.")
    obey_robots: bool = True


class SiteDeclaration(_Strict):
    name: str = Field(description="Unique short name: lower-case letters, digits, '-' and '_'.")
    domains: list[str] = Field(description="Allowed domains (subdomains included).")
    language: str | None = Field(None, description="BCP 47 language the site publishes in.")
    timezone: str | None = Field(None, description="IANA time zone for dates printed without an offset.")
    start_urls: list[str] = Field(default_factory=list)
    sitemaps: list[str] = Field(default_factory=list, description="Sitemaps or sitemap indexes.")
    news_sitemaps: list[str] = Field(default_factory=list, description="Google News sitemaps.")
    feeds: list[str] = Field(default_factory=list, description="RSS / Atom feeds.")
    article_url: str | None = Field(None, description="Regex an article URL matches (searched, not anchored).")
    sections: Sections = Field(default_factory=Sections)
    extraction: ExtractionHints = Field(default_factory=ExtractionHints)
    politeness: Politeness = Field(default_factory=Politeness)

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        if not re.fullmatch(r"[a-z0-9][a-z0-9_-]{0,63}", value):
            raise ValueError("must be lower-case letters, digits, '-' or '_' (at most 64)")
        return value

    @field_validator("domains")
    @classmethod
    def _domains(cls, value: list[str]) -> list[str]:
        if not value:
            raise ValueError("at least one domain is required")
        for domain in value:
            if not re.fullmatch(r"[a-z0-9.-]+(:\d+)?", domain) or "." not in domain and not domain.startswith("127.") and domain != "localhost":
                raise ValueError(f"{domain!r} is not a host name (no scheme, no path)")
        return value

    @field_validator("article_url", "sections")
    @classmethod
    def _regex(cls, value):  # type: ignore[no-untyped-def]
        pattern = value.pagination if isinstance(value, Sections) else value
        if pattern:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"invalid regex {pattern!r}: {exc}") from None
        return value

    @field_validator("timezone")
    @classmethod
    def _tz(cls, value: str | None) -> str | None:
        if value:
            try:
                ZoneInfo(value)
            except (ZoneInfoNotFoundError, ValueError):
                raise ValueError(f"unknown time zone {value!r}") from None
        return value

    @model_validator(mode="after")
    def _has_source(self) -> SiteDeclaration:
        if not (self.start_urls or self.sitemaps or self.news_sitemaps or self.feeds or self.sections.urls):
            raise ValueError("no discovery source: give start_urls, sitemaps, news_sitemaps, feeds or sections.urls")
        return self

    def profile(self) -> Profile:
        """The extraction profile this declaration implies."""
        return Profile(
            site=self.name,
            language=self.language,
            timezone=self.timezone,
            body_selectors=tuple(self.extraction.body),
            teaser_selectors=tuple(self.extraction.teasers),
            drop_selectors=tuple(self.extraction.drop),
        )

    def is_article_url(self, url: str) -> bool:
        return bool(re.search(self.article_url, url)) if self.article_url else True


def load_site(path: Path) -> SiteDeclaration:
    """Read and validate one declaration; errors name the file and field."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise SiteError(f"{path}: cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise SiteError(f"{path}: not valid TOML: {exc}") from None
    try:
        return SiteDeclaration.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"]) or "(file)"
        message = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            message = "unknown field"
        elif err["type"] == "missing":
            message = "required field is missing"
        more = f" (+{len(exc.errors()) - 1} more)" if len(exc.errors()) > 1 else ""
        raise SiteError(f"{path}: {where}: {message}{more}") from None


def load_registry(directory: Path = SITES_DIR) -> dict[str, SiteDeclaration]:
    """All declarations in ``directory`` by name; a duplicate name is an error."""
    sites: dict[str, SiteDeclaration] = {}
    origin: dict[str, Path] = {}
    for path in sorted(directory.glob("*.toml")):
        site = load_site(path)
        if site.name in sites:
            raise SiteError(f"{path}: name: duplicate site name {site.name!r} (also in {origin[site.name].name})")
        sites[site.name] = site
        origin[site.name] = path
    return sites
