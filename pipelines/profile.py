"""Per-site extraction hints, passed to :func:`pipelines.extract`.

A profile is plain data (built from a site declaration or by hand in a test);
every field is optional, and ``None`` as a profile means "generic page".
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Profile:
    site: str | None = None
    #: BCP 47 code the site publishes in; used when the page does not say.
    language: str | None = None
    #: IANA zone for dates printed without an offset (Vietnamese sites print local time).
    timezone: str | None = None
    #: CSS selectors of the story container; the first that matches wins.
    body_selectors: tuple[str, ...] = ()
    #: CSS selectors of blocks that hold teasers of other articles.
    teaser_selectors: tuple[str, ...] = ()
    #: CSS selectors of elements to drop before extraction (site-specific widgets).
    drop_selectors: tuple[str, ...] = ()
    #: Extra keyword arguments for trafilatura, for a site that needs them.
    trafilatura_options: dict[str, object] = field(default_factory=dict)
