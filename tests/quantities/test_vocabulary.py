"""The knowledge files behind the count layer: versions, a user's extensions, and YAML pitfalls."""

from __future__ import annotations

import pytest
import yaml

from flashpoint.data import read_yaml
from flashpoint.extract.quantities import NumberVocabulary, parse_quantity


def test_version_names_both_files_and_their_content():
    vocab = NumberVocabulary.load()
    assert vocab.version.startswith("numbers.v1+casualties.v1:")
    assert vocab.version == NumberVocabulary.load().version


def test_bundled_files_carry_a_header():
    for name in ("numbers.v1.yaml", "casualties.v1.yaml"):
        data = read_yaml(name)
        assert {"version", "source", "licence"} <= set(data)


def test_extra_dir_adds_words_and_changes_the_version(tmp_path):
    (tmp_path / "numbers.v1.yaml").write_text(
        yaml.safe_dump({"scales": {"scores": 20}, "unnumbered": {"a smattering of": 2}}), encoding="utf-8"
    )
    (tmp_path / "casualties.v1.yaml").write_text(
        yaml.safe_dump({"outcomes": {"killed": {"verbs": ["decapitate"]}}}), encoding="utf-8"
    )
    bundled = NumberVocabulary.load()
    extended = NumberVocabulary.load(tmp_path)
    assert extended.version != bundled.version
    quantity = parse_quantity("a smattering of guards", extended)
    assert quantity is not None and (quantity.low, quantity.kind) == (2, "unnumbered")
    assert parse_quantity("a smattering of guards", bundled) is None
    assert extended.outcome_of("decapitate", "VERB") == "killed"
    assert bundled.outcome_of("decapitate", "VERB") is None
    assert extended.outcome_of("kill", "VERB") == "killed"  # lists are merged, not replaced


def test_an_unquoted_no_in_a_word_list_is_refused(tmp_path):
    (tmp_path / "casualties.v1.yaml").write_text("zero: [no, nobody]\n", encoding="utf-8")
    with pytest.raises(ValueError, match="quote"):
        NumberVocabulary.load(tmp_path)


def test_outcome_words_by_part_of_speech():
    vocab = NumberVocabulary.load()
    assert vocab.outcome_of("wound", "VERB") == "injured"
    assert vocab.outcome_of("dead", "ADJ") == "killed"
    assert vocab.outcome_of("toll", "NOUN") == "killed"
    assert vocab.outcome_of("kidnap", "VERB") == "abducted"
    assert vocab.outcome_of("toll", "VERB") is None
    assert vocab.is_person_noun("policewoman") and vocab.is_person_noun("shepherd")
    assert not vocab.is_person_noun("truck")
