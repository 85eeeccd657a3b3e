"""Deterministic STAR analyzer: no model, the same answer always gets the same scores."""

from mockpanel.star.analyzer import StarAnalyzer, weakest_component

__all__ = ["StarAnalyzer", "weakest_component"]
