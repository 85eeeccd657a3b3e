"""Progress on stderr while the model layer gets ready, and a client opened with that progress."""

from __future__ import annotations

import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from mockpanel.config import Settings
    from mockpanel.llm.client import LLMClient


@contextmanager
def exit_cleanly_on_signals() -> Iterator[None]:
    """Turn SIGTERM and SIGHUP into `SystemExit`, so `with` blocks stop child servers first."""

    def leave(signum: int, frame: FrameType | None) -> None:
        raise SystemExit(128 + signum)

    previous: dict[signal.Signals, object] = {}
    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is None:
            continue
        try:
            previous[number] = signal.signal(number, leave)
        except ValueError:  # not the main thread: leave signal handling alone
            pass
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)  # type: ignore[arg-type]


@contextmanager
def status_line() -> Iterator[Callable[[str], None]]:
    """A callback that shows a spinner with elapsed time on a terminal, plain lines otherwise."""
    if not sys.stderr.isatty():

        def plain(message: str) -> None:
            typer.echo(f"mockpanel: {message}…", err=True)

        yield plain
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    progress = Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    with progress:
        task = progress.add_task("getting the model ready", total=None)

        def update(message: str) -> None:
            progress.update(task, description=message)

        yield update


@contextmanager
def connected_client(settings: Settings) -> Iterator[LLMClient]:
    """`llm.connect.open_client` with its progress (download, server start) shown on stderr."""
    from mockpanel.llm.connect import open_client

    with exit_cleanly_on_signals(), status_line() as report:
        with open_client(settings, on_status=report) as client:
            yield client
