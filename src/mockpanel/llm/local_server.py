"""llama-cpp-python's OpenAI-compatible server on 127.0.0.1, run as a child process we own.

`LocalServer` is a context manager: it starts the server, waits until `/v1/models` answers, and
stops it on exit, including after Ctrl-C (and, as a last resort, at interpreter exit).
"""

from __future__ import annotations

import atexit
import importlib.util
import json
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import IO

from mockpanel.config import LOCAL_MODEL_ALIAS
from mockpanel.errors import ConfigError, ServiceError
from mockpanel.llm.budget import LOCAL_WINDOW
from mockpanel.paths import data_dir

LOCAL_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
STARTUP_TIMEOUT = 180.0
STOP_TIMEOUT = 10.0
POLL_INTERVAL = 0.25
INSTALL_HINT = (
    "the local provider needs llama-cpp-python: pip install 'mockpanel[local]' "
    "(it builds from source, about 10 minutes on 2 cores), or use --provider offline"
)
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")


def llama_cpp_installed() -> bool:
    """Whether llama-cpp-python and its server extra are importable (without importing them)."""
    return all(importlib.util.find_spec(name) is not None for name in ("llama_cpp", "uvicorn"))


def require_llama_cpp() -> None:
    """Raise `ConfigError` with install instructions when llama-cpp-python is missing."""
    if not llama_cpp_installed():
        raise ConfigError(INSTALL_HINT)


def list_served_models(base_url: str, timeout: float = 2.0) -> list[str] | None:
    """Model ids from `GET {base_url}/models`, or `None` if nothing OpenAI-like answers there."""
    # Loopback checks must not go through an HTTP proxy from the environment.
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(f"{base_url.rstrip('/')}/models", timeout=timeout) as reply:
            payload = json.loads(reply.read().decode("utf-8", "replace"))
    except (OSError, ValueError):
        return None
    if not isinstance(payload, dict) or not isinstance(payload.get("data"), list):
        return None
    return [str(item.get("id", "")) for item in payload["data"] if isinstance(item, dict)]


def port_in_use(host: str, port: int) -> bool:
    """Whether something already listens on `host:port`."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.settimeout(0.5)
        return probe.connect_ex((host, port)) == 0


def free_port(host: str = LOCAL_HOST) -> int:
    """A port the OS says is free right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        port: int = probe.getsockname()[1]
        return port


def server_log_path() -> Path:
    """Where the local server's output goes (read back when it fails to start)."""
    return data_dir() / "logs" / "local-server.log"


class LocalServer:
    """One llama-cpp-python server process serving `model_file` on a loopback port."""

    def __init__(
        self,
        model_file: Path,
        *,
        port: int = 0,
        host: str = LOCAL_HOST,
        n_ctx: int = LOCAL_WINDOW,
        alias: str = LOCAL_MODEL_ALIAS,
        startup_timeout: float = STARTUP_TIMEOUT,
        python: str = sys.executable,
        log_path: Path | None = None,
    ) -> None:
        self.model_file = model_file
        self.host = host
        self.port = port
        self.n_ctx = n_ctx
        self.alias = alias
        self.startup_timeout = startup_timeout
        self.python = python
        self.log_path = log_path or server_log_path()
        self._process: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None

    def __repr__(self) -> str:
        return f"LocalServer({self.model_file.name!r}, {self.host}:{self.port})"

    @property
    def base_url(self) -> str:
        """The OpenAI-compatible base URL (`http://127.0.0.1:PORT/v1`)."""
        return f"http://{self.host}:{self.port}/v1"

    @property
    def pid(self) -> int | None:
        """The server's process id while it runs."""
        return self._process.pid if self._process is not None else None

    def command(self) -> list[str]:
        """The command line that starts the server."""
        return [
            self.python,
            "-m",
            "llama_cpp.server",
            "--model",
            str(self.model_file),
            "--host",
            self.host,
            "--port",
            str(self.port),
            "--n_ctx",
            str(self.n_ctx),
            "--model_alias",
            self.alias,
            "--verbose",
            "False",
        ]

    def __enter__(self) -> LocalServer:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def start(self) -> None:
        """Start the server and block until it answers `/v1/models` (or fails, or times out)."""
        if not self.model_file.is_file():
            raise ConfigError(f"model file not found: {self.model_file}")
        if self.port == 0:
            self.port = free_port(self.host)
        elif port_in_use(self.host, self.port):
            raise ConfigError(self._port_taken_message())
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        self._log = self.log_path.open("wb")
        # A session of its own: Ctrl-C reaches only us, and we stop the server in order.
        self._process = subprocess.Popen(
            self.command(),
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        atexit.register(self.stop)
        try:
            self._wait_until_ready()
        except BaseException:
            self.stop()
            raise

    def _wait_until_ready(self) -> None:
        started = time.monotonic()
        while True:
            elapsed = time.monotonic() - started
            assert self._process is not None
            code = self._process.poll()
            if code is not None:
                raise ServiceError(
                    f"the local model server exited with code {code} while starting: "
                    f"{self.log_tail()} (full log: {self.log_path})"
                )
            if list_served_models(self.base_url, timeout=1.0) is not None:
                return
            if elapsed > self.startup_timeout:
                raise ServiceError(
                    f"the local model server did not answer within {self.startup_timeout:.0f} s "
                    f"(log: {self.log_path})"
                )
            time.sleep(POLL_INTERVAL)

    @property
    def running(self) -> bool:
        """Whether the server process is alive."""
        return self._process is not None and self._process.poll() is None

    def wait(self) -> int:
        """Block until the server exits by itself; return its exit code."""
        if self._process is None:
            return 0
        return self._process.wait()

    def stop(self) -> None:
        """Terminate the server (kill it if it does not stop in time); safe to call twice."""
        atexit.unregister(self.stop)
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if self._log is not None:
            self._log.close()
            self._log = None

    def log_tail(self, lines: int = 3) -> str:
        """The last lines the server wrote, joined on one line."""
        try:
            text = self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return "(no log)"
        tail = [line.strip() for line in text.splitlines() if line.strip()][-lines:]
        return " | ".join(tail) or "(empty log)"

    def _port_taken_message(self) -> str:
        where = f"{self.host}:{self.port}"
        if list_served_models(f"http://{where}/v1", timeout=0.5) is not None:
            return (
                f"{where} is already serving an OpenAI-compatible API; use it with "
                f"--provider local --base-url http://{where}/v1, or pick another --port"
            )
        return f"port {where} is already in use; pick another --port"
