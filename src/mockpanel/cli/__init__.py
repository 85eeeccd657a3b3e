"""Command-line interface. Only this package prints or exits; heavy imports stay inside commands."""

from __future__ import annotations

import os
import sys

from mockpanel.cli import commands as _commands  # noqa: F401  (registers every command)
from mockpanel.cli.app import app, fail


def main() -> None:
    """Console entry point: run the app; an unexpected error becomes one line, not a traceback."""
    try:
        app()
    except KeyboardInterrupt:
        fail("interrupted", 130)
    except Exception as exc:  # noqa: BLE001 - the last line of defence for users
        if os.environ.get("MOCKPANEL_DEBUG"):
            raise
        fail(
            f"unexpected error: {type(exc).__name__}: {exc} (set MOCKPANEL_DEBUG=1 for details)", 1
        )
    sys.exit(0)


__all__ = ["app", "main"]
