"""The streaming runner in this process: bounded read-ahead, input order, a failing document isolated, progress."""

from __future__ import annotations

import datetime as dt
import io

from rich.console import Console

from flashpoint.batch import BatchProgress, BatchRunner, Failure, chunked, count_documents
from flashpoint.batch.serial import SerialExecutor
from flashpoint.model import Document

TEXTS = (
    "Soldiers clashed with militants near the border town on Monday, killing two fighters.",
    "A car bomb exploded outside a police station in the provincial capital on Tuesday.",
    "Teachers protested in front of the ministry on Wednesday to demand unpaid wages.",
    "The festival drew large crowds to the old harbour on Thursday evening.",
)


def documents(texts=TEXTS) -> list[Document]:
    day = dt.date(2024, 5, 6)
    return [Document(id=f"doc-{n}", text=text, published=day, origin=f"doc-{n}") for n, text in enumerate(texts)]


def test_chunked_reads_the_stream_only_as_chunks_are_asked_for():
    read = []
    stream = (read.append(n) or n for n in range(10))
    chunks = chunked(stream, 4)
    assert next(chunks) == [0, 1, 2, 3]
    assert read == [0, 1, 2, 3]
    assert list(chunks) == [[4, 5, 6, 7], [8, 9]]


def test_runner_yields_the_pipelines_results_in_input_order_reading_one_chunk_ahead(pipeline):
    read: list[str] = []

    def stream():
        for document in documents():
            read.append(document.id)
            yield document

    with BatchRunner(SerialExecutor(pipeline.settings, pipeline), chunk_size=2) as runner:
        results = runner.run(stream())
        first = next(results)
        assert len(read) == 2  # the first chunk only
        results = [first, *results]
    plain = list(pipeline.run(documents()))
    assert [r.document.id for r in results] == [d.id for d in documents()]
    assert [[e.model_dump_json() for e in r.events] for r in results] == \
        [[e.model_dump_json() for e in r.events] for r in plain]
    assert runner.extractor_key().startswith(pipeline.extractor.version + "+")
    assert set(runner.peak_rss_mb()) == {"main"}


def test_a_document_the_extractor_cannot_take_fails_alone(pipeline):
    too_long = "word " * (pipeline.nlp.max_length // 5 + 1)
    batch = documents((*TEXTS[:2], too_long, *TEXTS[2:]))
    failures: list[Failure] = []
    with BatchRunner(SerialExecutor(pipeline.settings, pipeline), chunk_size=8, on_failure=failures.append) as runner:
        results = list(runner.run(batch))
    assert [r.document.id for r in results] == ["doc-0", "doc-1", "doc-3", "doc-4"]
    assert [f.document.id for f in failures] == ["doc-2"] and runner.failures == 1
    assert "doc-2: extraction failed: ValueError" in str(failures[0])


def test_progress_is_off_unless_standard_error_is_a_terminal():
    piped = BatchProgress(Console(file=io.StringIO()))
    terminal = BatchProgress(Console(file=io.StringIO(), force_terminal=True), total=3)
    assert not piped.enabled and terminal.enabled
    with piped:
        piped.advance(1, words=120, events=2)
        piped.set_errors(1)
    assert piped.console.file.getvalue() == ""
    assert piped.summary().startswith("1 document(s), 2 event(s), 1 error(s) in ")
    with terminal:
        terminal.advance(3, words=30, events=1)
    assert "3/3" in terminal.console.file.getvalue()


def test_count_documents_counts_files_and_json_lines(tmp_path):
    (tmp_path / "one.txt").write_text("text", encoding="utf-8")
    (tmp_path / "many.jsonl").write_text('{"text": "a"}\n{"text": "b"}\n{"text": "c"}', encoding="utf-8")
    (tmp_path / "one.txt.meta.json").write_text("{}", encoding="utf-8")
    assert count_documents([tmp_path]) == 4
    assert count_documents([tmp_path, "-"]) is None
