"""Imports every command module so each registers its commands on the app."""

from mockpanel.cli import (
    doctor,  # noqa: F401
    eval_cmd,  # noqa: F401
    followup,  # noqa: F401
    panel,  # noqa: F401
    prompts,  # noqa: F401
    score,  # noqa: F401
    serve_local,  # noqa: F401
    sessions,  # noqa: F401
)
