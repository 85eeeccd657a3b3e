"""`mockpanel prompts list|show|validate` through the real CLI app."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner, Result

from mockpanel.cli import app
from mockpanel.library import default_prompts_dir, load_library


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def copy_dir(tmp_path: Path) -> Path:
    target = tmp_path / "prompts"
    shutil.copytree(default_prompts_dir(), target)
    return target


def run(runner: CliRunner, *args: str) -> Result:
    return runner.invoke(app, list(args))


def test_list_prints_a_table_of_every_document(runner: CliRunner) -> None:
    result = run(runner, "prompts", "list")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["ID", "KIND", "VERSION", "DESCRIPTION"]
    library = load_library()
    assert len(lines) == 1 + len(library.documents)
    rows = {line.split()[0]: line.split() for line in lines[1:]}
    for doc in library.documents.values():
        assert rows[doc.id][1:3] == [doc.kind, str(doc.version)]
        assert lines[1 + list(rows).index(doc.id)].endswith(doc.description)


def test_show_prints_the_stored_yaml_with_its_comments(runner: CliRunner) -> None:
    result = run(runner, "prompts", "show", "judge")
    assert result.exit_code == 0, result.output
    stored = (default_prompts_dir() / "tasks" / "judge.yaml").read_text(encoding="utf-8")
    assert result.stdout.rstrip("\n") == stored.rstrip("\n")
    assert yaml.safe_load(result.stdout)["id"] == "judge"
    assert result.stdout.startswith("#")


def test_show_of_a_data_document(runner: CliRunner) -> None:
    result = run(runner, "prompts", "show", "personas")
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(result.stdout)
    assert data["kind"] == "personas"
    assert [p["id"] for p in data["data"]] == [
        "hiring-manager",
        "peer",
        "department-head",
        "executive",
    ]


def test_show_of_an_unknown_id_names_close_matches(runner: CliRunner) -> None:
    result = run(runner, "prompts", "show", "persona")
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "unknown prompt id 'persona'" in lines[0] and "did you mean personas" in lines[0]


def test_show_of_a_far_off_id_lists_the_known_ids(runner: CliRunner) -> None:
    result = run(runner, "prompts", "show", "zzzz")
    assert result.exit_code == 2
    line = result.stderr.strip()
    assert "\n" not in line and "known: " in line and "thank-you" in line


def test_validate_reports_ok_with_counts(runner: CliRunner) -> None:
    result = run(runner, "prompts", "validate")
    assert result.exit_code == 0, result.output
    line = result.stdout.strip()
    assert "\n" not in line and line.startswith("OK: ")
    documents = len(load_library().documents)
    assert f"{documents} documents" in line
    assert "13 competencies" in line and "4 personas" in line
    assert "every template renders" in line


def test_validate_lists_each_problem_on_its_own_line(runner: CliRunner, copy_dir: Path) -> None:
    persona_file = copy_dir / "personas.yaml"
    persona_file.write_text(
        persona_file.read_text(encoding="utf-8").replace(
            "focus: [teamwork,", "focus: [juggling, teamwork,", 1
        ),
        encoding="utf-8",
    )
    probe_file = copy_dir / "tasks" / "probe.yaml"
    probe_file.write_text(
        probe_file.read_text(encoding="utf-8").replace("inputs: [", "colour: blue\ninputs: [", 1),
        encoding="utf-8",
    )
    result = run(runner, "prompts", "validate", "--dir", str(copy_dir))
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2, result.stderr
    assert any("probe.yaml" in line and "colour" in line for line in lines)
    assert any("'peer' focuses on unknown competencies: ['juggling']" in line for line in lines)


def test_validate_of_a_missing_directory(runner: CliRunner, tmp_path: Path) -> None:
    result = run(runner, "prompts", "validate", "--dir", str(tmp_path / "nowhere"))
    assert result.exit_code == 2
    assert "prompt directory not found" in result.stderr


def test_the_global_prompts_dir_option_is_honoured(runner: CliRunner, copy_dir: Path) -> None:
    (copy_dir / "tasks" / "ask.yaml").unlink()
    listed = run(runner, "--prompts-dir", str(copy_dir), "prompts", "list")
    assert listed.exit_code == 0, listed.output
    assert "open-panel" in listed.stdout
    assert not any(line.split()[0] == "ask" for line in listed.stdout.splitlines())
    shown = run(runner, "--prompts-dir", str(copy_dir), "prompts", "show", "ask")
    assert shown.exit_code == 2
    # --dir on the command wins over the global option.
    direct = run(
        runner,
        "--prompts-dir",
        str(copy_dir),
        "prompts",
        "show",
        "ask",
        "--dir",
        str(default_prompts_dir()),
    )
    assert direct.exit_code == 0, direct.output


def test_list_of_a_broken_library_fails_with_one_line(runner: CliRunner, copy_dir: Path) -> None:
    (copy_dir / "stage.yaml").write_text("id: stage\nversion: one\n", encoding="utf-8")
    result = run(runner, "prompts", "list", "--dir", str(copy_dir))
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("mockpanel: stage.yaml: invalid prompt document")
