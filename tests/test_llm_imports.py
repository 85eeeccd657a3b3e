"""Start-up stays fast: the CLI and its help never import the model stack or the parser."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("openai", "httpx2", "langchain_core", "tiktoken", "llama_cpp", "spacy")

PROBE = """
import json, sys
from mockpanel.cli import app
for args in {commands!r}:
    try:
        app(args)
    except SystemExit:
        pass
print(json.dumps(sorted(m for m in {heavy!r} if m in sys.modules)))
"""


@pytest.mark.parametrize(
    "commands",
    [[["--help"]], [["doctor", "--help"]], [["serve-local", "--help"]]],
    ids=["main help", "doctor help", "serve-local help"],
)
def test_help_imports_no_model_stack(commands: list[list[str]]) -> None:
    code = PROBE.format(commands=commands, heavy=HEAVY)
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []


QUIET_PROBE = """
import json, sys
from mockpanel.cli import app
codes = []
for args in {commands!r}:
    try:
        app(args)
    except SystemExit as stop:
        codes.append(stop.code)
print(json.dumps({{"codes": codes, "loaded": sorted(m for m in {heavy!r} if m in sys.modules)}}))
"""


def test_commands_that_score_nothing_never_load_the_parser(tmp_path: Path) -> None:
    commands = [["prompts", "list"], ["sessions"], ["brief", "--role", "Data analyst"]]
    code = QUIET_PROBE.format(commands=commands, heavy=("spacy", "thinc"))
    env = {**os.environ, "MOCKPANEL_HOME": str(tmp_path / "home")}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env
    )
    assert done.returncode == 0, done.stderr
    outcome = json.loads(done.stdout.strip().splitlines()[-1])
    assert outcome == {"codes": [0, 0, 0], "loaded": []}


def test_importing_the_star_package_loads_no_parser() -> None:
    code = (
        "import json, sys\n"
        "import mockpanel.star, mockpanel.coach.judge, mockpanel.coach.offline\n"
        "print(json.dumps(sorted(m for m in ('spacy', 'thinc') if m in sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert json.loads(done.stdout) == []


def test_importing_the_model_layer_loads_no_sdk() -> None:
    modules = [
        "mockpanel.config",
        "mockpanel.llm.client",
        "mockpanel.llm.structured",
        "mockpanel.llm.budget",
        "mockpanel.llm.connect",
        "mockpanel.doctor",
    ]
    code = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        f"print(json.dumps(sorted(m for m in {HEAVY!r} if m in sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert json.loads(done.stdout) == []
