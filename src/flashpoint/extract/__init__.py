"""Extraction stages: places, time, quantities, actors, events, claims, each reading the parsed document."""
