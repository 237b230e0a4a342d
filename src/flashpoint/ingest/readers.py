"""Walk the inputs and turn every file or record into a Document; report, never raise, per-input problems."""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from flashpoint.ingest.dates import dateline_date, parse_published
from flashpoint.ingest.decode import UnreadableInput, decode_bytes
from flashpoint.ingest.language import LanguageDetector
from flashpoint.model import Document

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSON_SUFFIXES = frozenset({".json"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
DOCUMENT_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES
HTML_BYTES_PER_CHAR = 20  # an HTML page may be this much larger than its text
MAX_JSON_BYTES = 256 * 1024 * 1024  # larger .json arrays must be JSONL, which is streamed
SIDECAR_SUFFIX = ".meta.json"  # metadata of a text file: article.txt + article.meta.json


@dataclass(frozen=True)
class ReadOptions:
    published: Any = None  # datetime.date | None: used when a document carries no date of its own
    max_chars: int = 1_000_000
    languages: tuple[str, ...] = ("en",)


@dataclass(frozen=True)
class Problem:
    origin: str
    message: str
    level: Literal["warning", "error"] = "error"

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"


OnProblem = Callable[[Problem], None]


@dataclass
class ReadStats:
    documents: int = 0
    errors: int = 0
    warnings: int = 0
    skipped: list[str] = field(default_factory=list)


class DocumentReader:
    """Reads paths into Documents. One bad input yields one Problem; the others are still read."""

    def __init__(self, options: ReadOptions, on_problem: OnProblem, detector: LanguageDetector | None = None):
        self.options = options
        self.stats = ReadStats()
        self._on_problem = on_problem
        self._detector = detector or LanguageDetector()

    def read(self, paths: Iterable[str | Path]) -> Iterator[Document]:
        for raw in paths:
            if str(raw) == "-":
                yield from self._read_stdin()
                continue
            path = Path(raw)
            if path.is_dir():
                files = sorted(p for p in path.rglob("*") if _is_document_file(p, path))
                if not files:
                    self._problem(str(path), "no documents here (looked for .txt, .html, .json, .jsonl)")
                for file in files:
                    yield from self._read_file(file, file.relative_to(path).as_posix())
            elif path.is_file():
                yield from self._read_file(path, path.as_posix())
            else:
                self._problem(str(path), "no such file or directory")

    # -- files ---------------------------------------------------------------------------------------------
    def _read_file(self, path: Path, doc_id: str) -> Iterator[Document]:
        origin = path.as_posix()
        suffix = path.suffix.lower()
        try:
            if suffix in JSONL_SUFFIXES:
                yield from self._read_jsonl(path, origin)
            elif suffix in JSON_SUFFIXES:
                yield from self._read_json(path, origin)
            elif suffix in HTML_SUFFIXES:
                yield from self._read_html(path, origin, doc_id)
            else:
                yield from self._read_text(path, origin, doc_id)
        except OSError as err:
            self._problem(origin, f"cannot read: {err.strerror or err}")

    def _read_text(self, path: Path, origin: str, doc_id: str) -> Iterator[Document]:
        data = self._bounded_bytes(path, origin, bytes_per_char=4)
        if data is None:
            return
        text = self._decode(data, origin)
        if text is not None:
            meta = self._sidecar(path)
            yield from self._emit(text, meta, origin, str(meta.get("id") or doc_id))

    def _sidecar(self, path: Path) -> dict:
        """Metadata for a text file from ``<name>.meta.json`` beside it (id, published, title, url, outlet …)."""
        sidecar = path.with_name(path.stem + SIDECAR_SUFFIX)
        if not sidecar.is_file():
            return {}
        try:
            value = json.loads(sidecar.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
            self._problem(sidecar.as_posix(), f"unreadable metadata ({err}); ignoring it", "warning")
            return {}
        if not isinstance(value, dict):
            self._problem(sidecar.as_posix(), "metadata is not a JSON object; ignoring it", "warning")
            return {}
        return value

    def _read_html(self, path: Path, origin: str, doc_id: str) -> Iterator[Document]:
        data = self._bounded_bytes(path, origin, bytes_per_char=HTML_BYTES_PER_CHAR)
        if data is None:
            return
        html = self._decode(data, origin)
        if html is None:
            return
        from flashpoint.ingest.html import extract_html

        page = extract_html(html)
        if page is None:
            self._problem(origin, "no article text found in this HTML page")
            return
        yield from self._emit(page.text, page.metadata, origin, doc_id, published_from="html")

    def _read_json(self, path: Path, origin: str) -> Iterator[Document]:
        if path.stat().st_size > MAX_JSON_BYTES:
            self._problem(origin, "JSON file too large to load at once; write it as JSONL (one record per line)")
            return
        text = self._decode(path.read_bytes(), origin)
        if text is None:
            return
        try:
            value = json.loads(text)
        except json.JSONDecodeError as err:
            self._problem(origin, f"malformed JSON at line {err.lineno} column {err.colno}: {err.msg}")
            return
        records = value if isinstance(value, list) else [value]
        for index, record in enumerate(records, start=1):
            where = origin if len(records) == 1 and not isinstance(value, list) else f"{origin}[{index}]"
            yield from self._record(record, where)

    def _read_jsonl(self, path: Path, origin: str) -> Iterator[Document]:
        with path.open("rb") as handle:
            yield from self._jsonl_lines(handle, origin)

    def _read_stdin(self) -> Iterator[Document]:
        data = sys.stdin.buffer.read()
        head = data.lstrip()[:1]
        if head in (b"{", b"["):
            lines = data.splitlines(keepends=True)
            yield from self._jsonl_lines(iter(lines), "<stdin>")
            return
        text = self._decode(data, "<stdin>")
        if text is not None:
            yield from self._emit(text, {}, "<stdin>", None)

    def _jsonl_lines(self, lines: Iterable[bytes], origin: str) -> Iterator[Document]:
        limit = self.options.max_chars * 4 + 4096
        for number, line in enumerate(lines, start=1):
            where = f"{origin}:{number}"
            if not line.strip():
                continue
            if len(line) > limit:
                self._problem(where, f"record longer than the limit of {self.options.max_chars:,} characters")
                continue
            try:
                record = json.loads(line.decode("utf-8"))
            except UnicodeDecodeError:
                self._problem(where, "line is not UTF-8 (JSON Lines must be UTF-8)")
                continue
            except json.JSONDecodeError as err:
                self._problem(where, f"malformed JSON: {err.msg} (column {err.colno})")
                continue
            yield from self._record(record, where)

    # -- records and documents ------------------------------------------------------------------------------
    def _record(self, record: object, where: str) -> Iterator[Document]:
        if not isinstance(record, dict):
            self._problem(where, "record is not a JSON object")
            return
        text = record.get("text")
        if not isinstance(text, str):
            self._problem(where, "record has no 'text' string")
            return
        raw_id = record.get("id")
        doc_id = str(raw_id) if isinstance(raw_id, str | int) and str(raw_id) else None
        yield from self._emit(text, record, where, doc_id)

    def _emit(
        self, text: str, meta: dict, origin: str, doc_id: str | None, published_from: str = "record"
    ) -> Iterator[Document]:
        if not text.strip():
            self._problem(origin, "empty document (no text)")
            return
        if len(text) > self.options.max_chars:
            self._problem(
                origin,
                f"document has {len(text):,} characters, more than the limit of {self.options.max_chars:,} "
                "(set FLASHPOINT_MAX_DOCUMENT_CHARS to raise it)",
            )
            return
        language = meta.get("language") if isinstance(meta.get("language"), str) else None
        if language is None:
            language = self._detector.detect(text).code
        if language is not None and language.split("-")[0].lower() not in self.options.languages:
            self._problem(origin, f"skipped: written in {_language_name(language)} ({language}); "
                          f"the installed pipeline reads {', '.join(self.options.languages)}", "warning")
            self.stats.skipped.append(origin)
            return
        fields = self._published(meta, text, origin, published_from)
        self.stats.documents += 1
        yield Document(
            id=doc_id if doc_id is not None else content_id(text),
            text=text,
            title=_string(meta.get("title")),
            url=_string(meta.get("url")),
            outlet=_string(meta.get("outlet")),
            language=language,
            origin=origin,
            synthetic=bool(meta.get("synthetic", False)),
            **fields,
        )

    def _published(self, meta: dict, text: str, origin: str, source: str) -> dict:
        raw = meta.get("published")
        if raw not in (None, ""):
            parsed = parse_published(raw)
            if parsed is not None:
                return {"published": parsed.date, "published_from": source, "published_time": parsed.time,
                        "timezone": parsed.timezone}
            self._problem(origin, f"unknown date format in 'published': {raw!r}; ignoring it", "warning")
        if self.options.published is not None:
            return {"published": self.options.published, "published_from": "option"}
        found = dateline_date(text)
        if found is not None:
            return {"published": found.date, "published_from": "dateline"}
        self._problem(origin, "no publication date (give --published YYYY-MM-DD); relative dates stay unresolved",
                      "warning")
        return {}

    # -- helpers ----------------------------------------------------------------------------------------------
    def _bounded_bytes(self, path: Path, origin: str, bytes_per_char: int) -> bytes | None:
        size = path.stat().st_size
        if size == 0:
            self._problem(origin, "empty file")
            return None
        if size > self.options.max_chars * bytes_per_char:
            self._problem(
                origin,
                f"file of {size:,} bytes is longer than the document limit of {self.options.max_chars:,} "
                "characters (set FLASHPOINT_MAX_DOCUMENT_CHARS to raise it)",
            )
            return None
        return path.read_bytes()

    def _decode(self, data: bytes, origin: str) -> str | None:
        try:
            decoded = decode_bytes(data)
        except UnreadableInput as err:
            self._problem(origin, str(err))
            return None
        if decoded.detected:
            self._problem(origin, f"not UTF-8: decoded as {decoded.encoding}", "warning")
        return decoded.text

    def _problem(self, origin: str, message: str, level: Literal["warning", "error"] = "error") -> None:
        if level == "error":
            self.stats.errors += 1
        else:
            self.stats.warnings += 1
        self._on_problem(Problem(origin, message, level))


def read_documents(
    paths: Iterable[str | Path], options: ReadOptions, on_problem: OnProblem,
    detector: LanguageDetector | None = None,
) -> Iterator[Document]:
    """Documents from files, folders (recursively), JSON/JSONL records and ``-`` (stdin), in a stable order."""
    return DocumentReader(options, on_problem, detector).read(paths)


def content_id(text: str) -> str:
    """Document id for a record without one: a hash of its text."""
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _is_document_file(path: Path, root: Path) -> bool:
    relative = path.relative_to(root).parts
    return (
        path.is_file()
        and path.suffix.lower() in DOCUMENT_SUFFIXES
        and not path.name.endswith(SIDECAR_SUFFIX)
        and not any(part.startswith(".") for part in relative)
    )


def _string(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _language_name(code: str) -> str:
    import pycountry

    found = pycountry.languages.get(alpha_2=code.split("-")[0].lower())
    return found.name if found is not None else code
