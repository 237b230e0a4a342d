"""Reading documents: formats, ids, publication dates, and every kind of bad input."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from flashpoint.ingest import Problem, ReadOptions, content_id, read_documents

REPORT = "Gunmen attacked a police checkpoint near the town of Arsal on Tuesday, killing two officers, police said."


def read(paths, **options):
    problems: list[Problem] = []
    docs = list(read_documents(paths, ReadOptions(**options), problems.append))
    return docs, problems


def test_text_file_id_is_path_relative_to_folder_argument(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(REPORT, encoding="utf-8")
    docs, problems = read([tmp_path], published=dt.date(2021, 3, 4))
    assert [d.id for d in docs] == ["sub/a.txt"]
    assert docs[0].text == REPORT
    assert docs[0].published == dt.date(2021, 3, 4) and docs[0].published_from == "option"
    assert problems == []


def test_jsonl_records_keep_their_ids_and_metadata(tmp_path):
    path = tmp_path / "feed.jsonl"
    records = [
        {"id": "wire-17", "text": REPORT, "published": "2021-03-02T08:15:00Z", "outlet": "Wire", "url": "http://x"},
        {"text": REPORT + " More.", "published": "2021-03-05"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    docs, problems = read([path])
    assert [d.id for d in docs] == ["wire-17", content_id(REPORT + " More.")]
    assert docs[0].published == dt.date(2021, 3, 2) and docs[0].outlet == "Wire"
    assert docs[0].published_time == dt.time(8, 15) and docs[0].timezone == "UTC"
    assert problems == []


def test_json_array_and_html(tmp_path):
    (tmp_path / "two.json").write_text(json.dumps([{"id": 1, "text": REPORT}, {"id": "b", "text": REPORT}]))
    html = (
        "<html><head><title>Checkpoint attack</title></head><body><nav>Home | World</nav>"
        f"<article><h1>Checkpoint attack</h1><p>{REPORT}</p><p>{REPORT}</p></article>"
        "<footer>Copyright</footer></body></html>"
    )
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    docs, _ = read([tmp_path], published=dt.date(2021, 1, 1))
    by_id = {d.id: d for d in docs}
    assert set(by_id) == {"1", "b", "page.html"}
    assert REPORT in by_id["page.html"].text and "Copyright" not in by_id["page.html"].text


def test_sidecar_metadata_gives_id_and_date(tmp_path):
    (tmp_path / "story.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "story.meta.json").write_text(json.dumps({"id": "s-1", "published": "2019-05-06"}))
    docs, problems = read([tmp_path])
    assert [(d.id, d.published) for d in docs] == [("s-1", dt.date(2019, 5, 6))]
    assert problems == []


def test_dateline_date_used_when_nothing_else(tmp_path):
    (tmp_path / "a.txt").write_text("KABUL, March 3, 2020 (AP) — " + REPORT, encoding="utf-8")
    docs, _ = read([tmp_path / "a.txt"])
    assert docs[0].published == dt.date(2020, 3, 3) and docs[0].published_from == "dateline"


def test_record_date_beats_option_and_invalid_date_falls_back_with_warning(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "x", "text": REPORT, "published": "last Tuesday-ish"}) + "\n")
    docs, problems = read([path], published=dt.date(2022, 2, 2))
    assert docs[0].published == dt.date(2022, 2, 2)
    assert any("unknown date format" in p.message and p.origin == f"{path.as_posix()}:1" for p in problems)


def test_no_date_at_all_is_a_warning_not_today(tmp_path):
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    docs, problems = read([tmp_path / "a.txt"])
    assert docs[0].published is None
    assert any("no publication date" in p.message and p.level == "warning" for p in problems)


def test_non_utf8_text_is_decoded_with_a_warning(tmp_path):
    (tmp_path / "latin.txt").write_bytes(("Report: " + REPORT + " Café Zoë.").encode("cp1252"))
    docs, problems = read([tmp_path / "latin.txt"], published=dt.date(2020, 1, 1))
    assert docs[0].text.endswith("Café Zoë.")
    assert any("not UTF-8" in p.message for p in problems)


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"   \n\n  ", "empty document"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
    ],
)
def test_bad_files_are_named_and_others_still_read(tmp_path, name, content, expected):
    (tmp_path / name).write_bytes(content)
    (tmp_path / "good.txt").write_text(REPORT, encoding="utf-8")
    docs, problems = read([tmp_path], published=dt.date(2020, 1, 1))
    assert [d.id for d in docs] == ["good.txt"]
    assert next(p for p in problems if p.level == "error").origin.endswith(name)
    assert expected in " ".join(p.message for p in problems)


def test_malformed_jsonl_line_names_the_line_and_keeps_the_rest(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(
        json.dumps({"id": "a", "text": REPORT}) + "\n{not json\n" + json.dumps({"id": "c"}) + "\n"
        + json.dumps({"id": "d", "text": REPORT}) + "\n",
        encoding="utf-8",
    )
    docs, problems = read([path], published=dt.date(2020, 1, 1))
    assert [d.id for d in docs] == ["a", "d"]
    errors = {p.origin: p.message for p in problems if p.level == "error"}
    assert "malformed JSON" in errors[f"{path.as_posix()}:2"]
    assert "no 'text'" in errors[f"{path.as_posix()}:3"]


def test_malformed_json_file(tmp_path):
    (tmp_path / "bad.json").write_text('{"text": "unterminated', encoding="utf-8")
    docs, problems = read([tmp_path / "bad.json"])
    assert docs == [] and "malformed JSON" in problems[0].message


def test_document_over_the_limit_is_refused_without_reading_it_all(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("w", encoding="utf-8") as handle:
        for _ in range(2000):
            handle.write(REPORT * 10 + "\n")
    (tmp_path / "small.txt").write_text(REPORT, encoding="utf-8")
    docs, problems = read([tmp_path], max_chars=50_000, published=dt.date(2020, 1, 1))
    assert [d.id for d in docs] == ["small.txt"]
    assert "limit" in problems[0].message and problems[0].origin.endswith("big.txt")


def test_folder_without_documents_and_missing_path(tmp_path):
    (tmp_path / "notes.csv").write_text("a,b\n")
    docs, problems = read([tmp_path, tmp_path / "nope.txt"])
    assert docs == []
    assert [p.message for p in problems] == [
        "no documents here (looked for .txt, .html, .json, .jsonl)",
        "no such file or directory",
    ]


def test_other_languages_are_skipped_with_a_message(tmp_path):
    french = ("Des hommes armés ont attaqué un poste de police près de la ville de Kidal dimanche, tuant deux "
              "gendarmes, a indiqué l'armée dans un communiqué.")
    (tmp_path / "fr.txt").write_text(french, encoding="utf-8")
    (tmp_path / "en.txt").write_text(REPORT, encoding="utf-8")
    docs, problems = read([tmp_path], published=dt.date(2020, 1, 1))
    assert [d.id for d in docs] == ["en.txt"]
    skipped = [p for p in problems if "skipped" in p.message]
    assert skipped[0].origin.endswith("fr.txt") and "French (fr)" in skipped[0].message
