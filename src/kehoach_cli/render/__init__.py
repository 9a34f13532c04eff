"""Renderers: pure functions from report data to text or bytes."""
