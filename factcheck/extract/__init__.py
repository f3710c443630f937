"""Extractors: people, organisations, quantities, dates and quotes, one module each."""
