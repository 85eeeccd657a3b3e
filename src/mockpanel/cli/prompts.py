"""`mockpanel prompts list|show|validate`: inspect and check the prompt library."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from mockpanel.cli.app import app

prompts_app = typer.Typer(help="Inspect and validate the prompt library.", no_args_is_help=True)
app.add_typer(prompts_app, name="prompts")

DirOption = Annotated[
    Path | None,
    typer.Option("--dir", help="A prompts directory to use instead of the shipped library."),
]


@prompts_app.command("list")
def list_prompts(prompts_dir: DirOption = None) -> None:
    """List every prompt document: id, kind, version and description."""
    from mockpanel.library import PromptLibrary

    library = PromptLibrary.load(prompts_dir)
    for doc in library.documents.values():
        typer.echo(f"{doc.id:<24} {doc.kind:<20} v{doc.version}  {doc.description}")
