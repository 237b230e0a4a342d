"""Time: find time expressions, resolve them against the publication date, date events, read their aspect.

    resolver = TimeResolver()                      # built once, shared
    mentions = resolver.find(doc, published)       # every time expression, in text order
    when = resolver.event_time(doc, trigger, mentions, published)
    mood = resolver.aspect(trigger)                # "past" | "pluperfect" | "future" | …
"""

from flashpoint.extract.time.aspect import ASPECTS, aspect
from flashpoint.extract.time.event_time import event_time
from flashpoint.extract.time.mention import EventTime, TimeMention
from flashpoint.extract.time.resolver import TimeResolver, local_date
from flashpoint.extract.time.vocabulary import TimeVocabulary

__all__ = ["ASPECTS", "EventTime", "TimeMention", "TimeResolver", "TimeVocabulary", "aspect", "event_time",
           "local_date"]
