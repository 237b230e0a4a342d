"""Short reports written for these tests (not taken from any article): one car bombing told by three outlets in
different words, a second car bombing the same day elsewhere in the same province, a wire copy, and others."""

from __future__ import annotations

import datetime as dt

from flashpoint.model import Document

REPORTS = (
    # one attack, three outlets, three wordings and two different death tolls
    ("azaz-wire", "Levant Wire", "2021-03-10",
     "A car bomb exploded near a busy market in the Syrian town of Azaz on Tuesday, killing at least eight "
     "civilians and wounding 20 others, a monitoring group said. No group claimed responsibility for the blast."),
    ("azaz-daily", "Aleppo Daily", "2021-03-10",
     "Eight people were killed on Tuesday when an explosives-laden vehicle blew up close to the vegetable market "
     "in Azaz, in northern Aleppo province, local officials said."),
    ("azaz-radio", "Radio North", "2021-03-11",
     "The death toll from Tuesday's car bombing in Azaz rose to eleven, medics said on Wednesday. The bomb went "
     "off beside the crowded market."),
    # the same day, the same province, the same kind of attack, another town
    ("bab-wire", "Levant Wire", "2021-03-10",
     "A car bomb exploded at a checkpoint in the town of al-Bab in Aleppo province on Tuesday, killing four "
     "fighters, a war monitor said."),
    # a different event type in another country
    ("kabul-protest", "Kabul Times", "2021-03-12",
     "Hundreds of people protested peacefully in Kabul on Thursday against rising food prices, witnesses said."),
)

# a wire copy of azaz-wire reprinted by another outlet with its own byline line
WIRE_COPY = ("azaz-wire-reprint", "Gulf Courier", "2021-03-10",
             "BEIRUT (Levant Wire) - A car bomb exploded near a busy market in the Syrian town of Azaz on Tuesday, "
             "killing at least eight civilians and wounding 20 others, a monitoring group said. No group claimed "
             "responsibility for the blast.")


def document(item: tuple[str, str, str, str]) -> Document:
    doc_id, outlet, published, text = item
    return Document(id=doc_id, text=text, outlet=outlet, published=dt.date.fromisoformat(published),
                    published_from="record", origin=f"test:{doc_id}", language="en")


def jsonl(items) -> str:
    import json

    return "".join(json.dumps({"id": i, "outlet": o, "published": p, "text": t}) + "\n" for i, o, p, t in items)


TOWNS = (("Raqqa", "Syria"), ("Deir ez-Zor", "Syria"), ("Homs", "Syria"), ("Hama", "Syria"), ("Mosul", "Iraq"),
         ("Kirkuk", "Iraq"), ("Ramadi", "Iraq"), ("Tikrit", "Iraq"), ("Kandahar", "Afghanistan"),
         ("Herat", "Afghanistan"), ("Kunduz", "Afghanistan"), ("Jalalabad", "Afghanistan"))
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def many_reports(count: int) -> list[tuple[str, str, str, str]]:
    """``count`` distinct short reports of distinct attacks (different towns, days and tolls)."""
    items = []
    for n in range(count):
        town, country = TOWNS[n % len(TOWNS)]
        day = dt.date(2022, 1, 3) + dt.timedelta(days=n // len(TOWNS) * 9 + n % 7)
        text = (f"Gunmen attacked a police checkpoint in {town}, {country}, on {WEEKDAYS[day.weekday()]}, "
                f"killing {n + 2} officers, officials said. Report number {n} of the series.")
        items.append((f"many-{n:03d}", f"Outlet {n % 5}", (day + dt.timedelta(days=1)).isoformat(), text))
    return items
