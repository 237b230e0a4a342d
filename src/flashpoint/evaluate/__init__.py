"""Scoring flashpoint against gold data, field by field."""
