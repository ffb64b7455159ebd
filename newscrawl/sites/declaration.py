"""The site declaration model and its loader.

A declaration only names things (domains, discovery sources, URL patterns,
hints); the behaviour that uses them lives in the generic spider and the
extraction core.  Validation is strict (unknown keys are errors) so that a typo
in a site file fails loudly instead of silently crawling nothing, and every
error is one line naming the file, the field and what is wrong.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from cssselect import GenericTranslator, SelectorError
from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator, model_validator

from pipelines.profile import Profile

SITES_DIR = Path(__file__).parent

#: trafilatura settings behind ``extraction.favor``; "precision" is the core's own default.
_FAVOR_OPTIONS: dict[str, dict[str, object]] = {
    "precision": {},
    # Old table/div layouts (dantri 2012, zing 2012) keep story text in bare <div>s that
    # precision mode throws away; inside a body container recall costs no precision.
    "recall": {"favor_precision": False, "favor_recall": True},
}


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
    """Optional CSS selectors (and one switch) that help the core on this site's markup."""

    body: list[str] = Field(default_factory=list, description="Story container(s); the first that matches wins.")
    teasers: list[str] = Field(default_factory=list, description="Blocks of teasers of other articles.")
    drop: list[str] = Field(default_factory=list, description="Elements to remove before extraction.")
    favor: Literal["precision", "recall"] | None = Field(
        None, description="trafilatura's trade-off inside the body container (default: the core's, precision)."
    )

    @field_validator("body", "teasers", "drop")
    @classmethod
    def _css(cls, value: list[str]) -> list[str]:
        # The core applies these with lxml's cssselect; a selector it cannot parse
        # would raise in the middle of a crawl, so it is refused here instead.
        for i, selector in enumerate(value):
            if selector.lstrip().startswith(("/", "(", "./")):
                raise ValueError(f"[{i}] {selector!r} looks like XPath; hints are CSS selectors")
            try:
                GenericTranslator().css_to_xpath(selector)
            except SelectorError as exc:
                raise ValueError(f"[{i}] invalid CSS selector {selector!r}: {exc}") from None
        return value


class Politeness(_Strict):
    """Per-site overrides of the crawl's politeness settings."""

    download_delay: float | None = Field(None, ge=0, le=120)
    concurrency: int | None = Field(None, ge=1, le=32, description="Concurrent requests to this site's domains.")
    obey_robots: bool = True


def _host_in(host: str, domains: list[str]) -> bool:
    """Scrapy's rule: a domain allows itself and its subdomains (ports are ignored)."""
    host = host.lower()
    return any(host == d or host.endswith("." + d) for d in (dom.split(":")[0] for dom in domains))


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

    @field_validator("language")
    @classmethod
    def _language(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", value):
            raise ValueError(f"{value!r} is not a BCP 47 code such as 'vi' or 'en-GB'")
        return value

    @field_validator("start_urls", "sitemaps", "news_sitemaps", "feeds")
    @classmethod
    def _sources(cls, value: list[str], info: ValidationInfo) -> list[str]:
        # Scrapy's offsite filter drops every request outside `domains`, start
        # requests included: a feed on another host would be fetched never.
        domains = info.data.get("domains") or []
        for i, url in enumerate(value):
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise ValueError(f"[{i}] {url!r} is not an absolute http(s) URL")
            if domains and not _host_in(parts.hostname, domains):
                raise ValueError(f"[{i}] host {parts.hostname!r} is not in domains {domains}")
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
                raise ValueError(f"unknown time zone {value!r} (an IANA name such as 'Asia/Ho_Chi_Minh')") from None
        return value

    @model_validator(mode="after")
    def _has_source(self) -> SiteDeclaration:
        if not (self.start_urls or self.sitemaps or self.news_sitemaps or self.feeds or self.sections.urls):
            raise ValueError("no discovery source: give start_urls, sitemaps, news_sitemaps, feeds or sections.urls")
        for i, url in enumerate(self.sections.urls):
            host = urlsplit(url).hostname
            if not host or not _host_in(host, self.domains):
                # "field: message": load_site() turns the prefix into the error's field.
                raise ValueError(f"sections.urls: [{i}] {url!r} is not an http(s) URL on {self.domains}")
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
            trafilatura_options=dict(_FAVOR_OPTIONS[self.extraction.favor or "precision"]),
        )

    def in_domains(self, url: str) -> bool:
        """Whether the crawl may fetch ``url`` (its host is one of ``domains`` or below)."""
        host = urlsplit(url).hostname
        return bool(host) and _host_in(host or "", self.domains)

    def is_article_url(self, url: str) -> bool:
        return bool(re.search(self.article_url, url)) if self.article_url else True


def display_path(path: Path) -> str:
    """The path as errors show it: relative to the working directory when below it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _toml_field(text: str, message: str) -> str:
    """The key nearest above the place a TOML error points at, for the error's field."""
    lines = text.splitlines()
    match = re.search(r"line (\d+), column (\d+)", message)
    if match:
        # An error at column 1 is an unfinished value on the lines before (an unclosed array).
        number, column = int(match.group(1)), int(match.group(2))
        lines = lines[: number - 1 if column == 1 else number]
    elif "end of document" not in message:
        lines = []
    for line in reversed(lines):
        found = re.match(r"\s*(\[+\s*[\w.-]+\s*\]+|[\w.-]+)\s*(=|$)", line)
        if found and line.strip() and not line.lstrip().startswith("#"):
            return found.group(1).strip("[] ")
    return "(file)"


def load_site(path: Path) -> SiteDeclaration:
    """Read and validate one declaration; errors name the file and field."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SiteError(f"{display_path(path)}: (file): cannot read: {exc}") from None
    return parse_site(text, path)


def parse_site(text: str, path: Path) -> SiteDeclaration:
    """Validate a declaration's text; ``path`` only names it in errors."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SiteError(f"{display_path(path)}: {_toml_field(text, str(exc))}: not valid TOML: {exc}") from None
    try:
        return SiteDeclaration.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        message = err["msg"].removeprefix("Value error, ")
        if not where and re.match(r"[\w.]+: ", message):
            where, message = message.split(": ", 1)
        if err["type"] == "extra_forbidden":
            message = "unknown field"
        elif err["type"] == "missing":
            message = "required field is missing"
        more = f" (+{len(exc.errors()) - 1} more)" if len(exc.errors()) > 1 else ""
        line = f"{display_path(path)}: {where or '(file)'}: {message}{more}"
        raise SiteError(" ".join(line.split())) from None


def load_all(directory: Path = SITES_DIR) -> tuple[dict[str, SiteDeclaration], list[SiteError]]:
    """Every valid declaration by name, and the errors of the others (`newscrawl check` shows all)."""
    sites: dict[str, SiteDeclaration] = {}
    origin: dict[str, Path] = {}
    errors: list[SiteError] = []
    for path in sorted(directory.glob("*.toml")):
        try:
            site = load_site(path)
        except SiteError as exc:
            errors.append(exc)
            continue
        if site.name in sites:
            errors.append(SiteError(f"{display_path(path)}: name: duplicate site name {site.name!r} (also in {origin[site.name].name})"))
            continue
        sites[site.name] = site
        origin[site.name] = path
    return sites, errors


def load_registry(directory: Path = SITES_DIR) -> dict[str, SiteDeclaration]:
    """All declarations in ``directory`` by name; the first invalid file or duplicate name is an error."""
    sites, errors = load_all(directory)
    if errors:
        raise errors[0]
    return sites
