"""Gold loaders on small files written here, including the bad-input rule: a clear error naming file and record,
and the rest still loads."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from flashpoint.evaluate.gold.acled_notes import acled_date, load_acled_notes
from flashpoint.evaluate.gold.case2021 import NONE_LABEL, CaseCodes, load_case2021
from flashpoint.evaluate.gold.examples import load_examples
from flashpoint.evaluate.gold.petrarch import load_petrarch
from flashpoint.evaluate.gold.plover_gsr import load_plover_gsr

EXPECTED = """\
published: 2021-07-05
events:
  - key: market-bombing
    kind: specific
    event_type: Explosions/Remote violence
    sub_event_type: [Remote explosive/landmine/IED, Suicide bomb]
    date: 2021-07-04
    location: {name: Easton, admin1: Eastern, country: KEN, lat: 1.5, lon: 37.2, precision: exact}
    actor1: {name: Unidentified Armed Group (Kenya), country: KEN}
    actor2: {name: Civilians (Kenya), country: KEN, sector: civilians}
    fatalities: {best: 6, low: 5}
    contested:
      - attribute: perpetrator
        claims:
          - {value: a militia, source: the governor / county officials}
  - key: talks
    kind: specific
    optional: true
    plover: CONSULT
    date: [2021-07-04, 2021-07-05]
    actor1: {name: Kenyan government, also: [Government of Kenya], country: KEN, sector: government}
"""

BAD_EVENTS = """\
published: 2021-07-05
events:
  - key: good-one
    kind: specific
    event_type: Riots
    date: 2021-07-01
  - key: invented-type
    event_type: Skirmishes
  - key: off-the-map
    event_type: Battles
    location: {lat: 95.0, lon: 10.0}
  - key: no-such-day
    event_type: Battles
    date: 2021-13-40
"""


def write_example(root: Path, name: str, expected: str) -> None:
    folder = root / name
    folder.mkdir(parents=True)
    (folder / "article.txt").write_text("A short article written for this test.", encoding="utf-8")
    (folder / "expected.yaml").write_text(expected, encoding="utf-8")


def test_examples_format(tmp_path, conventions):
    write_example(tmp_path, "easton", EXPECTED)
    gold = load_examples(tmp_path, conventions)
    assert gold.problems == []
    (doc,) = gold.documents
    assert doc.document.id == "examples:easton" and doc.document.published == dt.date(2021, 7, 5)
    bombing, talks = doc.events
    assert bombing.sub_event_types == ("Remote explosive/landmine/IED", "Suicide bomb")
    assert bombing.location.tolerance_km == 10 and bombing.location.iso3 == "KEN"
    assert bombing.actor1.sector == "UAF"  # from the ACLED name form
    assert bombing.actor2.sector == "CVL"  # from the word "civilians"
    assert bombing.fatalities == 6
    assert bombing.claimants == (("the governor", "county officials"),)
    assert talks.optional and talks.plover_types == ("CONSULT",) and talks.location is None
    assert talks.date.precision == "range"
    assert talks.actor1.names == ("Kenyan government", "Government of Kenya")
    assert "location" not in talks.scored and "actor2" not in talks.scored


def test_bad_example_records_are_named_and_the_rest_loads(tmp_path, conventions):
    write_example(tmp_path, "a-good", EXPECTED)
    write_example(tmp_path, "b-bad-events", BAD_EVENTS)
    write_example(tmp_path, "c-broken", "events: [unclosed\n")
    gold = load_examples(tmp_path, conventions)
    assert [d.document.id for d in gold.documents] == ["examples:a-good", "examples:b-bad-events"]
    assert [e.key for e in gold.documents[1].events] == ["good-one"]
    messages = [str(p) for p in gold.problems]
    assert len(messages) == 4
    assert "b-bad-events/expected.yaml: record invented-type: unknown ACLED event type 'Skirmishes'" in messages[0]
    assert "record off-the-map: latitude 95.0 is out of range" in messages[1]
    assert "record no-such-day: date '2021-13-40' is not a date" in messages[2]
    assert "c-broken/expected.yaml: record -:" in messages[3]


ACLED_HEADER = (
    "event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,actor2,country,admin1,location,"
    "latitude,longitude,geo_precision,notes,fatalities,timestamp,iso3\n"
)


def test_acled_rows_dates_remarks_and_bad_rows(tmp_path, conventions):
    rows = [
        "XYZ1,21 March 2021,1,Battles,Armed clash,Military Forces of Kenya (2013-),Al Shabaab,Kenya,Lamu,"
        'Witu,-2.39,40.44,1,"On 21 March 2021, soldiers fought militants near Witu.",2,1616457600,KEN',
        "XYZ2,9-May-21,2,Protests,Peaceful protest,Protesters (Kenya),,Kenya,Nairobi,Nairobi,-1.28,36.82,1,"
        '"On 9 May 2021, traders protested in Nairobi. [size=no report] Fatalities coded as 0.",0,1620777600,KEN',
        "XYZ3,2021-05-10,3,Riots,Mob violence,Rioters (Kenya),,Kenya,Nairobi,Nairobi,-1.28,36.82,3,"
        '"A mob burned a kiosk.",0,1620777600,KEN',
        'XYZ4,10 May 2021,1,Battles,Armed clash,A,B,Kenya,Lamu,Witu,-200,40.44,1,"Fighting.",0,1620777600,KEN',
    ]
    (tmp_path / "acled.csv").write_text(ACLED_HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    gold = load_acled_notes(tmp_path, conventions)
    assert [str(p) for p in gold.problems] == [
        f"{tmp_path / 'acled.csv'}: record XYZ4: latitude -200.0 is out of range (±90)"
    ]
    first, second, third = (d.events[0] for d in gold.documents)
    assert gold.documents[0].document.published == dt.date(2021, 3, 23)
    assert first.date.precision == "day" and first.fatalities == 2 and "fatalities" in first.scored
    assert first.actor1.names == ("Military Forces of Kenya",) and first.actor1.sector == "MIL"
    assert first.actor1.country == "KEN"
    assert first.location.tolerance_km == 10
    assert second.date.precision == "week" and second.date.start == dt.date(2021, 5, 6)
    assert gold.documents[1].document.text == "On 9 May 2021, traders protested in Nairobi."
    assert "fatalities" not in second.scored and second.actor2 is None and "actor2" in second.scored
    assert third.date == acled_date("2021-05-10", 3, conventions)
    assert (third.date.start, third.date.end) == (dt.date(2021, 5, 1), dt.date(2021, 5, 31))
    assert gold.notes == ["1 rows left out of fatality scoring: their figure comes from a coder remark"]


def test_acled_limit_keeps_first_rows_of_each_file(tmp_path, conventions):
    row = 'E{n},21 March 2021,1,Battles,Armed clash,A,B,Kenya,Lamu,Witu,-2.39,40.44,1,"Clash.",0,1616457600,KEN'
    for name in ("a.csv", "b.csv"):
        body = "\n".join(row.format(n=f"{name[0]}{i}") for i in range(5))
        (tmp_path / name).write_text(ACLED_HEADER + body + "\n", encoding="utf-8")
    gold = load_acled_notes(tmp_path, conventions, limit=2)
    assert [d.document.id for d in gold.documents] == [
        "acled-notes:Ea0",
        "acled-notes:Ea1",
        "acled-notes:Eb0",
        "acled-notes:Eb1",
    ]


def test_case2021_codes_unseen_types_and_unknown_labels(tmp_path):
    (tmp_path / "set.tsv").write_text(
        "id\tEventSnippet\tSubType\n"
        "1\tJets bombed a depot outside the port city.\tAIR_STRIKE\n"
        "2\tA flood cut the main road for a week.\tNATURAL_DISASTER\n"
        "3\tSomething happened.\tNOT_A_CODE\n",
        encoding="utf-8",
    )
    codes = CaseCodes.load()
    assert len(codes.codes) == 25 and len(codes.unseen) == 5
    gold = load_case2021(tmp_path, codes)
    assert [d.label for d in gold.documents] == ["Air/drone strike", NONE_LABEL]
    assert gold.documents[0].events[0].event_types == ("Explosions/Remote violence",)
    assert gold.documents[1].events == ()
    assert "record 3: unknown CASE 2021 label 'NOT_A_CODE'" in str(gold.problems[0])


def test_plover_gsr_records(tmp_path, conventions):
    records = [
        {"id": "DOC", "event": "DOCUMENT"},
        {
            "id": "R1",
            "event": "DEMAND",
            "text": "Farmers asked the ministry for seed.",
            "source": [{"actorText": "Farmers", "code": "KEN", "sector": "CVLagr"}],
            "target": [{"actorText": "the ministry", "code": "KEN", "sector": "GOV"}],
        },
        {
            "id": "R1",
            "event": "FIGHT",
            "text": "Two armies clashed.",
            "dead": 4,
            "source": [{"actorText": "armies", "code": "IGO"}],
            "target": "",
        },
        {"id": "R3", "event": "DANCE", "text": "Nobody danced."},
    ]
    (tmp_path / "PLOVER_GSR_CAMEO.txt").write_text(json.dumps(records), encoding="utf-8")
    gold = load_plover_gsr(tmp_path, conventions)
    ask, fight = (d.events[0] for d in gold.documents)
    assert [d.document.id for d in gold.documents] == ["plover-gsr:R1", "plover-gsr:R1#2"]
    assert ask.plover_types == ("REQUEST",) and ask.actor1.sector == "CVL" and ask.actor2.country == "KEN"
    assert fight.plover_types == ("ASSAULT",) and fight.fatalities == 4 and "actor2" not in fight.scored
    assert fight.actor1.country is None and fight.actor1.sector == "IGO"
    assert "record R3: unknown PLOVER event type 'DANCE'" in str(gold.problems[0])


PETRARCH = """<Validation><Sentences>
<Sentence date="20210101" id="T-1" category="VERB">
<EventCoding sourcecode="NRT" targetcode="STH" eventcode="193"></EventCoding>
<EventCoding sourcecode="STH" targetcode="NRT" eventcode="190"></EventCoding>
<Text>Northland and Southland
 fought along the river.</Text></Sentence>
<Sentence date="20210101" id="T-2" category="DEMO">
<EventCoding noevents="True"></EventCoding><Text>The weather was mild.</Text></Sentence>
<Sentence date="20210101" id="T-3" category="ERROR">
<EventCoding error="True"></EventCoding><Text>Broken.</Text></Sentence>
<Sentence date="20210101" id="T-4" category="DEMO">
<EventCoding sourcecode="NRT" targetcode="STH" eventcode="999"></EventCoding><Text>Test code.</Text></Sentence>
</Sentences></Validation>"""


def test_petrarch_records_in_plover_terms(tmp_path, conventions):
    (tmp_path / "PETR.UnitTest.records.xml").write_text(PETRARCH, encoding="utf-8")
    (tmp_path / "CAMEO2PLOVER-2021.txt").write_text(
        "# table\n19: ASSAULT\n193: ASSAULT, firearms, military # Fight\n", encoding="utf-8"
    )
    (tmp_path / "PETR.Validate.actors.txt").write_text(
        "NORTHLAND_ [NRT]\n+NORTHLANDER\nSOUTHLAND  [STH] # comment\n", encoding="utf-8"
    )
    gold = load_petrarch(tmp_path, conventions)
    assert [d.document.id for d in gold.documents] == ["petrarch2:T-1", "petrarch2:T-2"]
    assert gold.documents[0].document.text == "Northland and Southland fought along the river."
    (fight,) = gold.documents[0].events  # two ASSAULT codings of one sentence are one PLOVER event
    assert fight.plover_types == ("ASSAULT",)
    assert fight.actor1.names == ("Northland", "Northlander", "Southland")
    assert gold.documents[1].events == ()
    assert gold.notes == ["left out: 1 sentences expecting a coder error, 1 using test-only codes outside CAMEO2PLOVER"]
