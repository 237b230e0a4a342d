"""Run extraction on gold documents and score it: one JSON-ready report for all the datasets given."""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from flashpoint import __version__
from flashpoint.evaluate.classification import score_classification
from flashpoint.evaluate.conventions import Conventions
from flashpoint.evaluate.datasets import EVENT_LOCATION_FILE, SPECS, DatasetSpec, geoparsing_corpora, spec_for
from flashpoint.evaluate.events import CountingRule, score_events
from flashpoint.evaluate.gold import acled_notes, case2021, examples, petrarch, plover_gsr
from flashpoint.evaluate.gold.case2021 import CaseCodes
from flashpoint.evaluate.gold.records import GoldSet
from flashpoint.evaluate.merging import acled_false_merges, load_merge_gold, pair_scores, results_from, stored_events
from flashpoint.evaluate.targets import check_targets
from flashpoint.model import Document, Event
from flashpoint.model.codebook import ACLED_SUBTYPES

REPORT_VERSION = "eval-report.v1"
GEOPARSING_MODULE = "flashpoint.evaluate.geoparsing"
TIMING_KEYS = frozenset({"seconds", "elapsed", "seconds_per_article"})


class Extractor(Protocol):
    """What the harness needs from the pipeline: ``run`` yields results with ``document`` and ``events``."""

    def run(self, documents: Iterable[Document]) -> Iterable[Any]: ...


def _quiet(message: str) -> None:
    """Default progress sink: say nothing."""


@dataclass
class Harness:
    """Loads gold, runs ``extractor`` (None: check the gold files only) and scores, dataset by dataset."""

    extractor: Extractor | None
    conventions: Conventions = field(default_factory=Conventions.load)
    case_codes: CaseCodes = field(default_factory=CaseCodes.load)
    limit: int | None = None
    progress: Callable[[str], None] = _quiet

    @property
    def version(self) -> str:
        return f"{REPORT_VERSION}+{self.conventions.version}+{self.case_codes.version}"

    def run(self, paths: Sequence[Path]) -> dict:
        """The full report for ``paths`` (a dataset folder or file each; a folder of datasets is expanded)."""
        datasets: list[dict] = []
        extractors: set[str] = set()
        for path in paths:
            for spec, target in self.resolve(path):
                datasets.append(self.dataset(spec, target, extractors) if spec else _unknown(target))
        return {
            "report": REPORT_VERSION,
            "flashpoint": __version__,
            "conventions": self.conventions.version,
            "case_codes": self.case_codes.version,
            "extractor": [json.loads(e) for e in sorted(extractors)] or None,
            "pipeline": getattr(self.extractor, "version", None),
            "limit": self.limit,
            "datasets": datasets,
        }

    def resolve(self, path: Path) -> list[tuple[DatasetSpec | None, Path]]:
        """``path`` as one dataset, or its sub-folders that are datasets."""
        spec = spec_for(path)
        if spec is not None or not path.is_dir():
            return [(spec, path)]
        found = [(spec_for(child), child) for child in sorted(path.iterdir()) if child.is_dir()]
        found = [(s, child) for s, child in found if s is not None]
        return found or [(None, path)]

    def dataset(self, spec: DatasetSpec, path: Path, extractors: set[str]) -> dict:
        base: dict[str, Any] = {"dataset": spec.name, "title": spec.title, "path": str(path)}
        if spec.scoring == "left-out":
            return base | {"status": "left out", "reason": spec.not_measured}
        if spec.scoring in ("geoparsing", "event-location"):
            return base | self._geoparsing(spec, path)
        if spec.scoring == "merging":
            return base | self._merging(path)
        gold = self.load(spec, path)
        base |= {
            "records": len(gold.documents),
            "gold_events": gold.n_events,
            "problems": [str(p) for p in gold.problems],
            "notes": list(gold.notes),
        }
        if self.extractor is None:
            return base | {"status": "gold only"}
        self.progress(f"{spec.name}: extracting from {len(gold.documents)} documents")
        predictions = extract(self.extractor, gold, extractors)
        kinds = self.conventions.counted_kinds.get(spec.name, frozenset({"specific", "background"}))
        forgiven = self.conventions.forgiven_plover_types() if spec.name == "examples" else frozenset()
        rule = CountingRule(frozenset(kinds), forgiven, spec.name in self.conventions.acled_scope)
        scored = base | {
            "status": "scored",
            "counted_kinds": sorted(kinds),
            "fatality_figure": spec.figure,
            "events": score_events(gold, predictions, rule, self.conventions, spec.figure),
        }
        if spec.name in self.conventions.acled_scope:
            self.progress(f"{spec.name}: merging across notes in a temporary store")
            scored["merging"] = acled_false_merges(stored_events(results_from(gold, predictions)), gold)
        if spec.scoring == "classification":
            parents = {sub: event for event, subs in ACLED_SUBTYPES.items() for sub in subs}
            scored["classification"] = score_classification(gold, predictions, rule, parents)
        scored["targets"] = check_targets(scored, self.conventions)
        return scored

    def load(self, spec: DatasetSpec, path: Path) -> GoldSet:
        c, limit = self.conventions, self.limit
        loaders: dict[str, Callable[[], GoldSet]] = {
            "examples": lambda: examples.load_examples(path, c, limit),
            "acled-notes": lambda: acled_notes.load_acled_notes(path, c, limit),
            "case2021": lambda: case2021.load_case2021(path, self.case_codes, limit),
            "plover-gsr": lambda: plover_gsr.load_plover_gsr(path, c, limit),
            "petrarch2": lambda: petrarch.load_petrarch(path, c, limit),
        }
        return loaders[spec.name]()

    def _merging(self, path: Path) -> dict:
        documents, incident = load_merge_gold(path)
        if self.extractor is None:
            return {"status": "gold only", "records": len(documents)}
        self.progress(f"merge-pairs: extracting and merging {len(documents)} reports")
        results = list(self.extractor.run(documents))
        return {"status": "scored", "records": len(documents), "merging": pair_scores(stored_events(results), incident)}

    def _geoparsing(self, spec: DatasetSpec, path: Path) -> dict:
        try:
            module = importlib.import_module(GEOPARSING_MODULE)
        except ModuleNotFoundError as err:
            if err.name != GEOPARSING_MODULE:
                raise
            return {"status": "not available", "reason": f"{GEOPARSING_MODULE} is not installed yet"}
        nlp = getattr(self.extractor, "nlp", None)
        geoparser = getattr(self.extractor, "geoparser", None)
        if self.extractor is None or geoparser is None:
            return {
                "status": "not available",
                "reason": "no geoparser (gold-only run or pipeline without one)",
            }
        if spec.scoring == "event-location":
            target = path if path.is_file() else path / EVENT_LOCATION_FILE
            self.progress(f"{spec.name}: {target.name}")
            result = module.evaluate_event_location(target, nlp, geoparser)
            return {"status": "scored", "event_location": _without_timings(result)}
        self.progress(f"{spec.name}: {', '.join(p.name for p in geoparsing_corpora(path))}")
        result = module.evaluate_geoparsing(path, nlp, geoparser, limit=self.limit)
        return {"status": "scored", "geoparsing": _without_timings(result)}


def extract(extractor: Extractor, gold: GoldSet, extractors: set[str]) -> dict[str, list[Event]]:
    """Document id → predicted events (documents stream through the pipeline in gold order); the extractor
    versions seen are added to ``extractors``."""
    predictions: dict[str, list[Event]] = {}
    for result in extractor.run(doc.document for doc in gold.documents):
        events = list(result.events)
        predictions[result.document.id] = events
        extractors.update(json.dumps(e.extractor.model_dump(mode="json"), sort_keys=True) for e in events)
    return predictions


def _without_timings(result: Any) -> Any:
    """The evaluator's result without wall-clock fields, so that reports stay byte-identical across runs."""
    if isinstance(result, dict):
        return {k: _without_timings(v) for k, v in result.items() if k not in TIMING_KEYS}
    if isinstance(result, list):
        return [_without_timings(v) for v in result]
    return result


def _unknown(path: Path) -> dict:
    known = ", ".join(spec.name for spec in SPECS)
    return {
        "dataset": None,
        "path": str(path),
        "status": "error",
        "problems": [f"{path}: not a gold dataset flashpoint knows (known: {known})"],
    }
