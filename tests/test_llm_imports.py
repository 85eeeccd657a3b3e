"""Start-up stays fast: the CLI and its help never import the model stack."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("openai", "httpx2", "langchain_core", "tiktoken", "llama_cpp")

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
