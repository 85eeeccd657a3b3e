"""The coach: the steps every provider implements (offline library + analyzer, or an LLM)."""

from mockpanel.coach.base import Coach

__all__ = ["Coach"]
