"""Loaders for gold datasets, one small module each."""
