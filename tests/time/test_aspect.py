"""aspect: tense, aspect and mood from the verb's morphology and auxiliaries."""

from __future__ import annotations

import pytest

SENTENCES = [
    ("Rebels had captured the town.", "captured", "pluperfect"),
    ("Rebels have captured the town.", "captured", "perfect"),
    ("Rebels captured the town.", "captured", "past"),
    ("The town was captured by rebels.", "captured", "past"),
    ("Soldiers had been killed in the raid.", "killed", "pluperfect"),
    ("Rebels will attack the town.", "attack", "future"),
    ("We are going to continue the strikes.", "continue", "future"),
    ("Rebels might attack the town.", "attack", "modal"),
    ("Rebels threatened to attack the town.", "attack", "modal"),
    ("Rebels are shelling the town.", "shelling", "progressive"),
    ("Rebels often shell the town.", "shell", "habitual"),
    ("Rebels shell the town.", "shell", "present"),
    ("The attack had killed five people.", "attack", "pluperfect"),
    ("The raid, which killed five, angered residents.", "raid", "past"),
]


@pytest.mark.parametrize(("text", "word", "expected"), SENTENCES)
def test_aspect(nlp, resolver, text, word, expected):
    doc = nlp(text)
    trigger = next(t for t in doc if t.text == word)
    assert resolver.aspect(trigger) == expected
