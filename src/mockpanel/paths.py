"""Where mockpanel keeps its data: `MOCKPANEL_HOME`, else the platform's user data directory."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def data_dir() -> Path:
    """The data directory (not created here)."""
    home = os.environ.get("MOCKPANEL_HOME")
    if home:
        return Path(home).expanduser()
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "mockpanel"


def ensure_data_dir() -> Path:
    """Create the data directory (owner-only) if needed and return it."""
    path = data_dir()
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path
