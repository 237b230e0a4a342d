"""Fit the confidence model (data/confidence.v1.yaml): a logistic regression of 'this event is a strict match of a
gold event' on the record's own features (flashpoint.resolve.confidence.features).

Fitted on ACLED notes from some files only, so that `flashpoint eval` reports calibration on data the model did not
see (the global 2020 notes, the examples, CASE). Run from the repository root:

    python tools/dev/fit_confidence.py ../shared/data/external/acled-notes/acled_afghanistan_2020-03.csv \
        ../shared/data/external/acled-notes/acled_burkina-faso_2020.csv
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import yaml
from scipy.optimize import minimize

from flashpoint.evaluate.conventions import Conventions
from flashpoint.evaluate.gold.acled_notes import load_acled_notes
from flashpoint.evaluate.matching import match
from flashpoint.pipeline import Pipeline
from flashpoint.resolve.confidence import features

ROOT = Path(__file__).resolve().parents[2]
TARGET = ROOT / "src" / "flashpoint" / "data" / "confidence.v1.yaml"
COUNTED = {"specific", "background"}
PENALTY = 1.0  # L2 on the weights (not the bias)


def samples(files: list[str]) -> tuple[list[str], np.ndarray, np.ndarray]:
    pipeline = Pipeline.open()
    rows, labels, names = [], [], None
    for file in files:
        gold = load_acled_notes(Path(file), Conventions.load())
        for item, result in zip(gold.documents, pipeline.run([g.document for g in gold.documents]), strict=True):
            events = [e for e in result.events if e.kind in COUNTED]
            hits = {j for _, j in match(list(item.events), events, "strict").pairs}
            for j, event in enumerate(events):
                values = features(event.model_dump(mode="json"))
                names = names or sorted(values)
                rows.append([values[n] for n in names])
                labels.append(1.0 if j in hits else 0.0)
    return names or [], np.array(rows), np.array(labels)


def fit(x: np.ndarray, y: np.ndarray, names: list[str]) -> np.ndarray:
    mask = np.array([0.0 if n == "bias" else 1.0 for n in names])

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = x @ w
        p = 1.0 / (1.0 + np.exp(-z))
        eps = 1e-9
        nll = -np.sum(y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps)) + PENALTY * np.sum(mask * w * w)
        grad = x.T @ (p - y) + 2 * PENALTY * mask * w
        return nll, grad

    return minimize(loss, np.zeros(x.shape[1]), jac=True, method="L-BFGS-B").x


def main(files: list[str]) -> None:
    names, x, y = samples(files)
    weights = fit(x, y, names)
    data = {
        "version": "confidence.v1",
        "source": (f"fitted by tools/dev/fit_confidence.py on {len(y)} predicted events of "
                   f"{', '.join(Path(f).name for f in files)} (strict match rate {y.mean():.3f})"),
        "licence": "CC0-1.0 (weights); the gold data stays in ../shared",
        "weights": {n: round(float(w), 4) for n, w in zip(names, weights, strict=True)},
    }
    TARGET.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    print(f"wrote {TARGET} from {len(y)} events", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
