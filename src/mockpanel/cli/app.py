"""The typer application and the error boundary every command runs inside."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from mockpanel.errors import MockpanelError


def fail(message: str, code: int = 2) -> None:
    """Print one line on stderr and leave with `code`."""
    typer.echo(f"mockpanel: {message}", err=True)
    sys.exit(code)


# The order commands appear in `mockpanel --help`: the main job first, then what surrounds it.
COMMAND_ORDER = (
    "panel",
    "resume",
    "score",
    "brief",
    "ask",
    "thank-you",
    "sessions",
    "report",
    "progress",
    "eval",
    "prompts",
    "doctor",
    "serve-local",
)


class MockpanelGroup(TyperGroup):
    """Turns expected failures into one line on stderr and an exit code; no tracebacks."""

    def list_commands(self, ctx: Any) -> list[str]:
        names = super().list_commands(ctx)
        rank = {name: i for i, name in enumerate(COMMAND_ORDER)}
        return sorted(names, key=lambda name: rank.get(name, len(rank)))

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        try:
            rv = super().main(
                args=args,
                prog_name=prog_name,
                complete_var=complete_var,
                standalone_mode=False,
                **extra,
            )
        except MockpanelError as exc:
            fail(str(exc), exc.exit_code)
        except typer.Abort:
            fail("interrupted", 130)
        except Exception as exc:
            # Usage errors come from typer's bundled click; recognise them by their interface.
            code, message = getattr(exc, "exit_code", None), getattr(exc, "format_message", None)
            if not isinstance(code, int) or not callable(message):
                raise
            if type(exc).__name__ == "NoArgsIsHelpError":  # a bare group: show its help
                typer.echo(message())
                sys.exit(0)
            ctx = getattr(exc, "ctx", None)
            hint = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
            fail(f"{message()}{hint}", code)
        if not standalone_mode:
            return rv
        sys.exit(rv if isinstance(rv, int) else 0)


app = typer.Typer(
    name="mockpanel",
    cls=MockpanelGroup,
    help="Rehearse a second-round interview: a panel asks, probes, scores your STAR answers "
    "and coaches you.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


@dataclass
class CliState:
    """Options given before the command name, shared by every command."""

    prompts_dir: Path | None = None


state = CliState()


@app.callback()
def _global_options(
    prompts_dir: Annotated[
        Path | None,
        typer.Option(
            "--prompts-dir",
            envvar="MOCKPANEL_PROMPTS_DIR",
            help="Use your own copy of the prompt library.",
        ),
    ] = None,
) -> None:
    state.prompts_dir = prompts_dir
