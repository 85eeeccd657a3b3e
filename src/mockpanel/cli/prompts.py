"""`mockpanel prompts list|show|validate`: inspect and check the prompt library."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Annotated

import typer

from mockpanel.cli.app import app, state

prompts_app = typer.Typer(help="Inspect and validate the prompt library.", no_args_is_help=True)
app.add_typer(prompts_app, name="prompts")

DirOption = Annotated[
    Path | None,
    typer.Option("--dir", help="A prompts directory to use instead of the shipped library."),
]


def _directory(prompts_dir: Path | None) -> Path | None:
    """`--dir` wins over the global `--prompts-dir` / `MOCKPANEL_PROMPTS_DIR`."""
    return prompts_dir or state.prompts_dir


@prompts_app.command("list")
def list_prompts(prompts_dir: DirOption = None) -> None:
    """List every prompt document: id, kind, version and description."""
    from mockpanel.library import PromptLibrary

    library = PromptLibrary.load(_directory(prompts_dir))
    rows = [("ID", "KIND", "VERSION", "DESCRIPTION")] + [
        (doc.id, doc.kind, str(doc.version), doc.description)
        for doc in sorted(library.documents.values(), key=lambda d: (d.kind != "task", d.id))
    ]
    id_width = max(len(row[0]) for row in rows)
    kind_width = max(len(row[1]) for row in rows)
    for doc_id, kind, version, description in rows:
        typer.echo(f"{doc_id:<{id_width}}  {kind:<{kind_width}}  {version:<7}  {description}")


@prompts_app.command("show")
def show_prompt(
    doc_id: Annotated[str, typer.Argument(metavar="ID", help="A prompt id from `prompts list`.")],
    prompts_dir: DirOption = None,
) -> None:
    """Print one prompt document as YAML, exactly as it is stored."""
    from mockpanel.errors import PromptLibraryError
    from mockpanel.library import PromptLibrary

    library = PromptLibrary.load(_directory(prompts_dir))
    if doc_id not in library.documents:
        known = sorted(library.documents)
        close = difflib.get_close_matches(doc_id, known, n=3, cutoff=0.5)
        hint = f"did you mean {', '.join(close)}?" if close else f"known: {', '.join(known)}"
        raise PromptLibraryError(f"unknown prompt id {doc_id!r} ({hint})")
    path = library.paths[doc_id]
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise PromptLibraryError(f"cannot read {path}: {exc.strerror or exc}") from None
    typer.echo(text.rstrip("\n"))


@prompts_app.command("validate")
def validate_prompts(prompts_dir: DirOption = None) -> None:
    """Check every document, render every task prompt and fill every phrase."""
    from mockpanel.library import validate_library

    report = validate_library(_directory(prompts_dir))
    if not report.ok:
        for problem in report.problems:
            typer.echo(f"mockpanel: {problem}", err=True)
        raise typer.Exit(2)
    counts = report.counts
    typer.echo(
        f"OK: {counts['documents']} documents ({counts['tasks']} task prompts), "
        f"{counts['competencies']} competencies, {counts['questions']} questions, "
        f"{counts['personas']} personas, {counts['candidate questions']} candidate questions, "
        f"{counts['phrases']} phrases; every template renders ({report.source})"
    )
