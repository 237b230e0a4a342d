"""Three sources, three death tolls: every figure kept with its claimant, none averaged."""

from __future__ import annotations

import datetime as dt

from flashpoint.model import Document


def test_three_competing_tolls_are_kept_side_by_side(pipeline):
    text = ("A bomb exploded at a bus station in Quetta on Monday. Police said seven people were killed in the "
            "bombing. A hospital official said 11 people had died. A spokesman for the separatists put the death "
            "toll at 15.")
    document = Document(id="t", text=text, published=dt.date(2023, 3, 15), origin="test")
    bombing = next(e for e in next(pipeline.run([document])).events if e.event_type)
    figures = {(c.value, c.status, c.claimant.name) for c in bombing.claims if c.attribute == "fatalities"}
    assert figures == {(7, "contested", "Police"), (11, "contested", "hospital official"),
                       (15, "contested", "spokesman")}
    assert (bombing.fatalities.low, bombing.fatalities.high) == (7, 15)
