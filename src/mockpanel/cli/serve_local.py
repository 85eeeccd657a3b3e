"""`mockpanel serve-local`: run the bundled tiny model behind an OpenAI-compatible API."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from mockpanel.cli.app import app


@app.command("serve-local")
def serve_local(
    port: Annotated[
        int, typer.Option("--port", min=1, max=65535, help="Loopback port to listen on.")
    ] = 8765,
    model_file: Annotated[
        Path | None,
        typer.Option("--model-file", help="A GGUF file to serve instead of SmolLM2-135M-Instruct."),
    ] = None,
) -> None:
    """Serve SmolLM2-135M-Instruct on 127.0.0.1 until Ctrl-C (needs mockpanel[local])."""
    from mockpanel.cli.connect import exit_cleanly_on_signals, status_line
    from mockpanel.config import LOCAL_MODEL_ALIAS
    from mockpanel.errors import ServiceError
    from mockpanel.llm.local_model import ensure_model_file
    from mockpanel.llm.local_server import LocalServer, require_llama_cpp

    require_llama_cpp()
    with exit_cleanly_on_signals():
        with status_line() as report:
            gguf = model_file or ensure_model_file(report)
            server = LocalServer(gguf, port=port)
            report(f"starting the local model server on 127.0.0.1:{port}")
            server.start()
        try:
            typer.echo(
                f"serving {gguf.name} as model {LOCAL_MODEL_ALIAS!r} at {server.base_url} "
                f"(context {server.n_ctx:,} tokens); Ctrl-C stops it"
            )
            typer.echo(f"use it with: --provider local --base-url {server.base_url}")
            code = server.wait()
        except KeyboardInterrupt:
            typer.echo("stopped", err=True)
            return
        finally:
            server.stop()
        raise ServiceError(
            f"the local model server stopped by itself (exit code {code}): {server.log_tail()}"
        )
