"""Near-duplicate documents (wire copies): MinHash signatures of word shingles, LSH bands to find candidates.

Two documents whose estimated Jaccard similarity of word 4-shingles reaches ``threshold`` are one report: the
later is stored as a copy of the first (its outlet is added to the events' sources; it is not extracted again and
counts as one source of corroboration with the first).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import numpy as np

WORD = re.compile(r"\w+", re.UNICODE)
PRIME = np.uint64((1 << 61) - 1)
MASK32 = np.uint64(0xFFFFFFFF)


@dataclass(frozen=True)
class Copy:
    canonical: str
    similarity: float


class DuplicateFinder:
    """MinHash with ``permutations`` hashes in ``bands`` bands. ``version`` names the parameters."""

    def __init__(self, permutations: int = 64, bands: int = 16, shingle: int = 4, threshold: float = 0.8,
                 seed: int = 20240501):
        if permutations % bands:
            raise ValueError("permutations must be a multiple of bands")
        rng = np.random.default_rng(seed)
        self._a = rng.integers(1, (1 << 32) - 1, size=permutations, dtype=np.uint64)
        self._b = rng.integers(0, (1 << 32) - 1, size=permutations, dtype=np.uint64)
        self.bands = bands
        self.shingle = shingle
        self.threshold = threshold
        self.version = f"minhash-{permutations}x{bands}-w{shingle}-j{threshold}"

    def signature(self, text: str) -> tuple[int, ...]:
        words = [w.lower() for w in WORD.findall(text)]
        width = min(self.shingle, max(1, len(words)))
        grams = {" ".join(words[i:i + width]) for i in range(max(1, len(words) - width + 1))}
        hashes = np.fromiter(
            (int.from_bytes(hashlib.blake2b(g.encode("utf-8"), digest_size=4).digest(), "little") for g in grams),
            dtype=np.uint64, count=len(grams))
        values = (hashes[:, None] * self._a[None, :] + self._b[None, :]) % PRIME & MASK32
        return tuple(int(v) for v in values.min(axis=0))

    def band_keys(self, signature: tuple[int, ...]) -> tuple[str, ...]:
        rows = len(signature) // self.bands
        keys = []
        for band in range(self.bands):
            chunk = ",".join(str(v) for v in signature[band * rows:(band + 1) * rows])
            keys.append(f"{band}:" + hashlib.blake2b(chunk.encode(), digest_size=8).hexdigest())
        return tuple(keys)

    @staticmethod
    def similarity(one: tuple[int, ...], two: tuple[int, ...]) -> float:
        return sum(a == b for a, b in zip(one, two, strict=True)) / len(one)

    def best(self, signature: tuple[int, ...], candidates: list[tuple[str, tuple[int, ...]]]) -> Copy | None:
        """The most similar candidate at or above the threshold (ties: the first stored)."""
        scored = [(self.similarity(signature, sig), -n, doc) for n, (doc, sig) in enumerate(candidates)]
        found = [s for s in scored if s[0] >= self.threshold]
        if not found:
            return None
        similarity, _, doc = max(found)
        return Copy(doc, round(similarity, 4))


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
