"""A first body block that is a short kicker glued to the headline is a headline
copy (pipelines.headline_copies); a dateline before the headline words is not."""

from pipelines.body import Body
from pipelines.headline_copies import drop_headline_copies

TITLE = "Tram line approved by the council after a long night"
STORY = "The council approved the tram line through the old town after a debate of eight hours."


def test_kicker_glued_to_the_headline_is_dropped():
    body = drop_headline_copies(Body(blocks=["Old town Tram line approved by the council after a long night", STORY]), TITLE)
    assert body.blocks == [STORY]
    # the title carries the kicker ("Old town: ..."), the page glues them ("townTram")
    body = drop_headline_copies(Body(blocks=["Old townTram line approved by the council after a long night", STORY]),
                                f"Old town: {TITLE}")
    assert body.blocks == [STORY]


def test_dateline_or_continued_opener_stays():
    for first in ("Cityville, 24 April -- Tram line approved by the council after a long night",
                  "Tram line approved by the council after a long night, and the shops protest."):
        body = drop_headline_copies(Body(blocks=[first, STORY]), TITLE)
        assert body.blocks[0] == first, first
