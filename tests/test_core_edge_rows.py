"""Short layout-table rows above the story ("| Sport | |", "| Print article |")."""

from pipelines.body import Body
from pipelines.edge_rows import drop_leading_rows

STORY = "The council voted on Tuesday to rebuild the harbour bridge after engineers found weakened piers."


def test_short_rows_opening_the_body_are_dropped():
    body = Body(blocks=["| Sport | |", "| | Print article |", "| Fri, December 28, 2007 | Previous \\| Next |", STORY,
                        "| Year | Cost |", "| 2007 | 3 million |"])
    assert drop_leading_rows(body).blocks == [STORY, "| Year | Cost |", "| 2007 | 3 million |"]


def test_a_body_of_rows_only_or_with_long_rows_is_left_alone():
    rows = Body(blocks=["| Year | Cost |", "| 2007 | 3 million |"])
    assert drop_leading_rows(rows).blocks == rows.blocks
    long_row = Body(blocks=[f"| {STORY} |", STORY])
    assert drop_leading_rows(long_row).blocks == long_row.blocks
