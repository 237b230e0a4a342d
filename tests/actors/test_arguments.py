"""Who did what to whom around a trigger: passive voice, nominal triggers, possessives, coordination, victims."""

from __future__ import annotations

from flashpoint.extract.actors import arguments_of, find_actor_mentions


def _args(nlp, normalizer, text, trigger, country=None):
    doc = nlp(text)
    mentions = find_actor_mentions(doc, normalizer, doc_country=country)
    token = next(t for t in doc if t.text == trigger)
    args = arguments_of(doc, token, mentions, roles=normalizer.dictionary.roles)
    return (
        [m.ref.name for m in args.agents],
        [m.ref.name for m in args.patients],
        [m.ref.name for m in args.others],
    )


def test_active_subject_and_object(nlp, normalizer):
    agents, patients, _ = _args(nlp, normalizer, "Somali troops killed four al-Shabaab fighters.", "killed", "SOM")
    assert agents == ["Military Forces of Somalia (2017-)"]
    assert patients == ["Al Shabaab"]


def test_passive_voice_with_by(nlp, normalizer):
    agents, patients, _ = _args(
        nlp, normalizer, "Malian troops were ambushed by jihadists on Sunday.", "ambushed", "MLI"
    )
    assert agents == ["Unidentified Armed Group (Mali)"]
    assert patients == ["Military Forces of Mali (2013-)"]


def test_passive_with_a_possessive_pronoun(nlp, normalizer):
    text = "Kenya's interior ministry said that three of its police officers had been killed by al-Shabaab militants."
    agents, patients, _ = _args(nlp, normalizer, text, "killed", "SOM")
    assert agents == ["Al Shabaab"]
    assert patients == ["Police Forces of Kenya"]


def test_perpetrator_inside_the_event_noun(nlp, normalizer):
    agents, patients, _ = _args(
        nlp, normalizer, "Eleven villagers were killed in a Russian airstrike.", "killed", "UKR"
    )
    assert agents == ["Military Forces of Russia (2000-)"]
    assert patients == ["Civilians (Ukraine)"]


def test_nominal_trigger_modifier_and_target(nlp, normalizer):
    agents, patients, _ = _args(
        nlp, normalizer, "Sudanese army shelling of Rapid Support Forces positions continued.", "shelling", "SDN"
    )
    assert agents == ["Military Forces of Sudan"]
    assert "Rapid Support Forces" in patients


def test_attack_on_possessed_soldiers(nlp, normalizer):
    text = "Ugandan President Yoweri Museveni spoke after the attack on his soldiers near the lake."
    agents, patients, _ = _args(nlp, normalizer, text, "attack", "COD")
    assert agents == []
    assert patients == ["Military Forces of Uganda"]


def test_coordinated_actors_and_other_participants(nlp, normalizer):
    agents, _, others = _args(
        nlp, normalizer, "Nigerian soldiers and police officers clashed with Boko Haram fighters.", "clashed", "NGA"
    )
    assert agents == ["Military Forces of Nigeria (2015-)", "Police Forces of Nigeria (2015-)"]
    assert others == ["Boko Haram - Jamatu Ahli is-Sunnah lid-Dawatai wal-Jihad"]


def test_civilians_as_victims_of_a_coordinated_verb(nlp, normalizer):
    agents, patients, _ = _args(
        nlp, normalizer, "Gunmen stormed a mosque and killed twelve worshippers.", "killed", "NGA"
    )
    assert agents == ["Unidentified Armed Group (Nigeria)"]
    assert patients == ["Civilians (Nigeria)"]


def test_relative_clause(nlp, normalizer):
    agents, patients, _ = _args(nlp, normalizer, "Protesters who were shot by police died in hospital.", "shot", "KEN")
    assert agents == ["Police Forces of Kenya"]
    assert patients == ["Protesters (Kenya)"]


def test_only_the_triggers_own_arguments(nlp, normalizer):
    text = "Ethiopian soldiers attacked the town, while Eritrean officials denied that rebels had fired first."
    agents, patients, others = _args(nlp, normalizer, text, "attacked", "ETH")
    assert agents == ["Military Forces of Ethiopia (2018-)"]
    assert patients == [] and others == []


def test_bundled_roles_by_default_and_event_country(nlp, normalizer):
    doc = nlp("Rwandan soldiers shelled the camp.")
    mentions = find_actor_mentions(doc, normalizer)
    args = arguments_of(doc, next(t for t in doc if t.text == "shelled"), mentions)
    assert [m.text for m in args.agents] == ["Rwandan soldiers"]
    abroad = normalizer.for_event(args.agents[0], doc, event_country="COD")
    assert (abroad.name, abroad.acled_inter) == ("Military Forces of Rwanda (1994-)", 8)


def test_an_actor_joined_to_a_participle_planted_the_bomb(nlp, normalizer):
    agents, _, _ = _args(nlp, normalizer, "Two soldiers died when their truck hit an al-Shabaab-planted mine.",
                         "mine", "SOM")
    assert agents == ["Al Shabaab"]
