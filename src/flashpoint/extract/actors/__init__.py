"""Actors: the actor dictionary, normalisation to ACLED-style names, actor mentions and a trigger's arguments."""

from flashpoint.extract.actors.arguments import arguments_of
from flashpoint.extract.actors.dictionary import ActorDictionary, Roles
from flashpoint.extract.actors.mentions import find_actor_mentions
from flashpoint.extract.actors.model import ActorMention, ActorRef, Arguments
from flashpoint.extract.actors.normalize import ActorNormalizer

__all__ = [
    "ActorDictionary",
    "ActorMention",
    "ActorNormalizer",
    "ActorRef",
    "Arguments",
    "Roles",
    "arguments_of",
    "find_actor_mentions",
]
