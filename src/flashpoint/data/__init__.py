"""Access to the bundled knowledge files (importlib.resources) and to a user's extension folder."""

from __future__ import annotations

import hashlib
from importlib import resources
from pathlib import Path
from typing import Any

import yaml


def bundled_path(name: str) -> Path:
    """Filesystem path of a bundled data file (installed packages are plain directories)."""
    return Path(str(resources.files(__package__).joinpath(name)))


def read_text(name: str) -> str:
    """Text of a bundled data file, e.g. ``read_text("triggers.v1.yaml")``."""
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def read_yaml(name: str) -> Any:
    """Parsed bundled YAML file."""
    return yaml.safe_load(read_text(name))


def fingerprint(*texts: str) -> str:
    """Short content hash used to record exactly which knowledge produced an output."""
    digest = hashlib.sha256()
    for text in texts:
        digest.update(text.encode("utf-8"))
    return digest.hexdigest()[:12]
