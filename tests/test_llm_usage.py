"""Token usage: the server's numbers when it reports them, local estimates otherwise, summed."""

from __future__ import annotations

from types import SimpleNamespace

from mockpanel.llm.usage import CallUsage, UsageMeter, usage_from_report
from mockpanel.models import Usage


def test_reported_numbers_win_over_estimates() -> None:
    reported = SimpleNamespace(prompt_tokens=120, completion_tokens=30)
    call = usage_from_report(reported, prompt_estimate=100, completion_estimate=25)
    assert call == CallUsage(prompt_tokens=120, completion_tokens=30, estimated=False)


def test_missing_or_partial_reports_fall_back_to_estimates() -> None:
    partial = SimpleNamespace(prompt_tokens=120, completion_tokens=None)
    for reported in (None, partial):
        call = usage_from_report(reported, prompt_estimate=100, completion_estimate=25)
        assert call == CallUsage(prompt_tokens=100, completion_tokens=25, estimated=True)


def test_meter_sums_calls_into_usage() -> None:
    meter = UsageMeter()
    assert meter.record(CallUsage(prompt_tokens=10, completion_tokens=2)) == Usage(
        prompt_tokens=10, completion_tokens=2, calls=1
    )
    meter.record(CallUsage(prompt_tokens=5, completion_tokens=1, estimated=True))
    assert meter.total == Usage(prompt_tokens=15, completion_tokens=3, calls=2)
    assert meter.estimated
