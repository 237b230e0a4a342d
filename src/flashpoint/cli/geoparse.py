"""`flashpoint geoparse`: every place name of each document, resolved (Mordecai-style records)."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path

import typer
from rich.table import Table

from flashpoint.cli.common import PUBLISHED_OPTION, err_console, load_settings, out_console, parse_day
from flashpoint.cli.reading import ProblemPrinter, read_inputs
from flashpoint.model import GeoparseResult


class Format(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


def result_json(result: GeoparseResult, indent: int | None = None) -> str:
    return json.dumps(result.model_dump(mode="json"), ensure_ascii=False, indent=indent)


def _table(results: list[GeoparseResult]) -> None:
    table = Table("doc", "text", "chars", "place", "admin1", "country", "lat", "lon", "code", "score")
    for result in results:
        for p in result.places:
            table.add_row(
                result.id, p.text, f"{p.start}-{p.end}", p.name or "[red]unresolved[/]", p.admin1 or "",
                p.country or "",
                f"{p.lat:.4f}" if p.lat is not None else "",
                f"{p.lon:.4f}" if p.lon is not None else "",
                p.feature_code or "", f"{p.score:.2f}" if p.score is not None else "",
            )
    out_console().print(table)


def register(app: typer.Typer) -> None:
    @app.command("geoparse")
    def geoparse(
        paths: list[Path] = typer.Argument(..., help="Files or folders (.txt, .html, .json, .jsonl) or - for stdin."),
        output_format: Format = typer.Option(Format.table, "--format", "-f", help="table, json or jsonl."),
        published: str | None = PUBLISHED_OPTION,
        gazetteer_csv: list[Path] = typer.Option(
            [], "--gazetteer-csv", help="Extra gazetteer CSV (name, alternate_names, lat, lon, country, admin1, "
            "feature_code); adds to FLASHPOINT_GAZETTEER_EXTRA. Repeatable.",
        ),
    ) -> None:
        """Find and resolve the place names of articles, with character offsets into each text.

        Examples:

          flashpoint geoparse article.txt

          flashpoint geoparse --format jsonl archive.jsonl > places.jsonl

          flashpoint geoparse --gazetteer-csv villages.csv report.txt
        """
        from flashpoint.extract.places import Gazetteer, Geoparser
        from flashpoint.nlp import load_pipeline

        settings = load_settings()
        if gazetteer_csv:
            settings = load_settings(gazetteer_extra=(*settings.gazetteer_extra, *gazetteer_csv))
        printer = ProblemPrinter(err_console())
        documents, stats = read_inputs(paths, settings, parse_day(published), printer)
        if not Gazetteer.is_built(settings):
            err_console().print("building the gazetteer index (first use, about a minute) …")
        geoparser = Geoparser(Gazetteer.open(settings))
        nlp = load_pipeline(settings.spacy_model, settings.max_document_chars)
        results: list[GeoparseResult] = []
        count = 0
        if output_format is Format.json:
            sys.stdout.write("[")
        for document in documents:
            doc = nlp(document.text)
            result = GeoparseResult(id=document.id, places=geoparser.to_output(geoparser.parse(doc)))
            if output_format is Format.table:
                results.append(result)
            elif output_format is Format.jsonl:
                sys.stdout.write(result_json(result) + "\n")
            else:
                text = result_json(result, indent=2).replace("\n", "\n  ")
                sys.stdout.write(("," if count else "") + "\n  " + text)
            count += 1
        if output_format is Format.json:
            sys.stdout.write("\n]\n" if count else "]\n")
        elif output_format is Format.table:
            _table(results)
        sys.stdout.flush()
        err_console().print(f"[dim]{stats.documents} document(s) read; gazetteer {geoparser.gazetteer.version}[/]")
        if stats.documents == 0:
            raise typer.Exit(1)
