"""Cutting a lazy document stream into chunks, and extracting one chunk with one Pipeline."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from flashpoint.batch.outcome import ChunkResult, Failure, extractor_key, this_worker
from flashpoint.model import Document

if TYPE_CHECKING:  # the pipeline is imported only where a worker opens it
    from spacy.tokens import Doc

    from flashpoint.pipeline import DocumentResult, Pipeline


def chunked(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    """Lists of at most ``size`` documents, read from the stream only as each list is asked for."""
    stream = iter(documents)
    while chunk := list(itertools.islice(stream, size)):
        yield chunk


def extract_chunk(pipeline: Pipeline, documents: list[Document], worker: str | None = None) -> ChunkResult:
    """Parse the chunk as one spaCy batch and extract each document, in order.

    A document whose extraction raises becomes a ``Failure``; if the batch parse itself fails, the documents are
    parsed one at a time so that only the bad one fails.
    """
    try:
        docs = list(pipeline.nlp.pipe((d.text for d in documents), batch_size=max(1, len(documents))))
    except Exception:  # isolate the bad document below
        outcomes = [_one(pipeline, document) for document in documents]
    else:
        outcomes = [_extract(pipeline, document, doc) for document, doc in zip(documents, docs, strict=True)]
    return ChunkResult(outcomes, extractor_key(pipeline.extractor), this_worker(worker))


def _one(pipeline: Pipeline, document: Document) -> DocumentResult | Failure:
    try:
        doc = pipeline.nlp(document.text)
    except Exception as err:  # one document's failure must not stop the batch
        return Failure(document, _describe(err))
    return _extract(pipeline, document, doc)


def _extract(pipeline: Pipeline, document: Document, doc: Doc) -> DocumentResult | Failure:
    try:
        return pipeline.extract(document, doc)
    except Exception as err:  # one document's failure must not stop the batch
        return Failure(document, _describe(err))


def _describe(err: BaseException) -> str:
    text = str(err).strip().splitlines()
    return f"{type(err).__name__}: {text[0]}" if text else type(err).__name__
