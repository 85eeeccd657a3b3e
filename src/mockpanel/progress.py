"""Progress across stored sessions: overall and per-component scores over time, recurring habits.

Each session contributes its summary numbers (see `summary` for how probes count); sessions with
no scored answer are left out. A trend is the least-squares line through the scores in session
order, reported as the change it implies from the first to the latest session.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import datetime
from statistics import fmean
from typing import Literal

from pydantic import BaseModel, Field

from mockpanel.models import COMPONENTS, Component, Session
from mockpanel.summary import component_averages, question_results, session_overall

Trend = Literal["improving", "steady", "declining"]
STEADY_WITHIN = 0.25  # a fitted change smaller than this (in score points) is noise

Series = Literal["overall", "situation", "task", "action", "result", "reflection"]
SERIES: tuple[Series, ...] = ("overall", *COMPONENTS)


class SessionPoint(BaseModel):
    """One session's scores, as a point on the progress chart."""

    id: str
    started_at: datetime
    role: str
    company: str
    questions: int
    overall: float
    components: dict[Component, float | None]
    habits: dict[str, int] = Field(default_factory=dict)

    def value(self, series: Series) -> float | None:
        """The score of `series` ("overall" or a STAR component) in this session."""
        return self.overall if series == "overall" else self.components.get(series)


class SeriesTrend(BaseModel):
    """How one score moved across sessions."""

    series: Series
    sessions: int
    mean: float | None = None
    first: float | None = None
    latest: float | None = None
    change: float | None = None
    trend: Trend | None = None


class RecurringHabit(BaseModel):
    """A habit (flag) and how often it came back."""

    habit: str
    sessions: int
    questions: int


class Progress(BaseModel):
    """Everything `mockpanel progress` shows."""

    sessions: list[SessionPoint]
    trends: list[SeriesTrend]
    habits: list[RecurringHabit]


def session_point(session: Session) -> SessionPoint | None:
    """The session's scores, or None when it has no scored answer."""
    results = question_results(session.turns)
    overall = session_overall(results)
    if overall is None:
        return None
    habits = Counter(h for r in results if r.answered for h in r.habits)
    return SessionPoint(
        id=session.id,
        started_at=session.started_at,
        role=session.settings.role,
        company=session.settings.company,
        questions=sum(1 for r in results if r.answered),
        overall=overall,
        components=component_averages(results),
        habits=dict(sorted(habits.items())),
    )


def session_points(sessions: Iterable[Session]) -> list[SessionPoint]:
    """Points for every session with scored answers, oldest first."""
    points = [p for p in map(session_point, sessions) if p is not None]
    return sorted(points, key=lambda p: (p.started_at, p.id))


def fitted_change(values: Sequence[float]) -> float:
    """The change from first to last implied by the least-squares line through `values`."""
    n = len(values)
    if n < 2:
        return 0.0
    xs = range(n)
    mean_x, mean_y = fmean(xs), fmean(values)
    spread = sum((x - mean_x) ** 2 for x in xs)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, values, strict=True)) / spread
    return slope * (n - 1)


def series_trend(points: Sequence[SessionPoint], series: Series) -> SeriesTrend:
    """Mean, first, latest and trend of one score over the sessions that have it."""
    values = [v for v in (p.value(series) for p in points) if v is not None]
    if not values:
        return SeriesTrend(series=series, sessions=0)
    trend: Trend | None = None
    change: float | None = None
    if len(values) >= 2:
        change = round(fitted_change(values), 2)
        trend = (
            "improving"
            if change >= STEADY_WITHIN
            else "declining"
            if change <= -STEADY_WITHIN
            else "steady"
        )
    return SeriesTrend(
        series=series,
        sessions=len(values),
        mean=round(fmean(values), 2),
        first=values[0],
        latest=values[-1],
        change=change,
        trend=trend,
    )


def recurring_habits(points: Sequence[SessionPoint]) -> list[RecurringHabit]:
    """Habits by the number of sessions they appeared in, then by questions affected."""
    sessions: Counter[str] = Counter()
    questions: Counter[str] = Counter()
    for point in points:
        sessions.update(point.habits.keys())
        questions.update(point.habits)
    habits = [
        RecurringHabit(habit=habit, sessions=count, questions=questions[habit])
        for habit, count in sessions.items()
    ]
    return sorted(habits, key=lambda h: (-h.sessions, -h.questions, h.habit))


def build_progress(sessions: Iterable[Session]) -> Progress:
    """Progress across `sessions` (any order)."""
    points = session_points(sessions)
    return Progress(
        sessions=points,
        trends=[series_trend(points, s) for s in SERIES],
        habits=recurring_habits(points),
    )
