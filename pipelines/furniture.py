"""Line passes after trafilatura that remove page furniture kept as story lines:
the publisher's own promos, credit lines, copies of the headline.  One entry point
so that the orchestrator calls them in a fixed order."""

from __future__ import annotations

from pipelines.body import Body
from pipelines.credit_lines import drop_credit_lines
from pipelines.headline_copies import drop_display_headline, drop_headline_copies
from pipelines.promo import drop_promo_lines


def drop_furniture_lines(body: Body, title: str | None, lead: str | None = None) -> Body:
    # Headline copies last: promo and credit lines above the headline copy would
    # otherwise push it out of the opening blocks that are searched.
    return drop_display_headline(drop_headline_copies(drop_credit_lines(drop_promo_lines(body)), title), title, lead)
