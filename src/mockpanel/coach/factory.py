"""Builds the coach the settings ask for."""

from __future__ import annotations

from mockpanel.coach.base import Coach
from mockpanel.config import Settings
from mockpanel.library import load_library


def make_coach(settings: Settings) -> Coach:
    """The coach for `settings.provider`, reading the prompt library at `settings.prompts_dir`."""
    from mockpanel.coach.offline import OfflineCoach

    library = load_library(settings.prompts_dir)
    return OfflineCoach(library)
