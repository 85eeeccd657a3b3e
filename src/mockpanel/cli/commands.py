"""Imports every command module so each registers its commands on the app."""

from mockpanel.cli import prompts  # noqa: F401
