"""Tokens and latency of the LLM coach: per step and per session, live or from the cassettes.

Live: a scripted panel (sample answers, repeated) against an OpenAI-compatible server, by default
the local one (`mockpanel serve-local --port 8765`). Prints tokens and latency per step, tokens per
session, and the prompt tokens of the question at turn 2 against turn 12 (goal: <= 1.5x).
Cassettes: the tokens the local server reported for each recorded call shape (no server needed).

Run: python benchmarks/llm_session.py [--base-url URL] [--questions 12]
     python benchmarks/llm_session.py --cassettes
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ANSWERS = REPO / "tests" / "data" / "sample-answers.txt"
GROWTH_GOAL = 1.5


def cassette_tokens() -> int:
    """Print the server-reported tokens of every recorded call, by cassette."""
    import yaml

    for path in sorted((REPO / "cassettes").glob("*.yaml")):
        calls = []
        for interaction in yaml.safe_load(path.read_text(encoding="utf-8"))["interactions"]:
            body = interaction["response"]["body"]["string"]
            if interaction["response"]["status"]["code"] != 200 or body.startswith("data:"):
                continue
            usage = json.loads(body).get("usage") or {}
            calls.append((usage.get("prompt_tokens", 0), usage.get("completion_tokens", 0)))
        if calls:
            shown = ", ".join(f"{p}+{c}" for p, c in calls)
            print(f"{path.stem:<28} {len(calls)} calls, prompt+completion tokens: {shown}")
    return 0


def live(base_url: str, questions: int) -> int:
    """Run one scripted panel against `base_url`; print tokens and latency."""
    os.environ.setdefault("MOCKPANEL_HOME", tempfile.mkdtemp(prefix="mockpanel-bench-"))
    from mockpanel.coach.llm import LLMCoach
    from mockpanel.config import LOCAL_MODEL_ALIAS
    from mockpanel.library import load_library
    from mockpanel.llm.client import LLMClient
    from mockpanel.models import SessionSettings
    from mockpanel.panel import PanelSession
    from mockpanel.store import SessionStore

    answers = [a.strip() for a in ANSWERS.read_text(encoding="utf-8").split("\n---\n")]
    library = load_library()
    settings = SessionSettings(role="Data Analyst", company="Acme", questions=questions, seed=7)
    started = time.perf_counter()
    with LLMClient(base_url=base_url, api_key="not-needed", model=LOCAL_MODEL_ALIAS) as client:
        coach = LLMCoach(library, client, provider="local")
        with SessionStore() as store:
            panel = PanelSession.start(coach, store, settings)
            panel.introductions()
            turn = 0
            while panel.next_prompt() is not None:
                panel.answer(answers[turn % len(answers)])
                turn += 1
            session = panel.finish()
    wall = time.perf_counter() - started

    by_step: dict[str, list[tuple[int, int, float, bool]]] = defaultdict(list)
    for call in coach.calls:
        by_step[call.step].append(
            (call.usage.prompt_tokens, call.usage.completion_tokens, call.seconds, call.used)
        )
    print(f"{base_url}: {questions} questions, {len(session.turns)} turns, {wall:.0f} s")
    print(f"{'step':<18}{'calls':>6}{'prompt':>9}{'compl.':>8}{'s/call':>8}{'used':>6}")
    for step, rows in by_step.items():
        print(
            f"{step:<18}{len(rows):>6}{statistics.fmean(r[0] for r in rows):>9.0f}"
            f"{statistics.fmean(r[1] for r in rows):>8.0f}"
            f"{statistics.fmean(r[2] for r in rows):>8.1f}{sum(r[3] for r in rows):>6}"
        )
    usage = session.usage
    print(
        f"session: {usage.calls} calls, {usage.prompt_tokens:,} prompt + "
        f"{usage.completion_tokens:,} completion tokens (stored in the session)"
    )
    asks = [row[0] for row in by_step["ask"]]
    if len(asks) >= 12:
        ratio = asks[11] / asks[1]
        verdict = "within goal" if ratio <= GROWTH_GOAL else "OVER GOAL"
        print(
            f"question prompt tokens: turn 2 {asks[1]}, turn 12 {asks[11]} "
            f"({ratio:.2f}x, goal <= {GROWTH_GOAL}x: {verdict})"
        )
        return 0 if ratio <= GROWTH_GOAL else 1
    return 0


def main() -> int:
    """Parse the arguments and run the chosen measurement."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8765/v1")
    parser.add_argument("--questions", type=int, default=12)
    parser.add_argument("--cassettes", action="store_true")
    args = parser.parse_args()
    if args.cassettes:
        return cassette_tokens()
    return live(args.base_url, args.questions)


if __name__ == "__main__":
    sys.exit(main())
