"""`mockpanel doctor`: provider, model, endpoint reachability, key, tokenizer, data and prompts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from mockpanel.cli.app import app, state

if TYPE_CHECKING:
    from mockpanel.doctor import Diagnosis


@app.command("doctor")
def doctor(
    provider: Annotated[
        str | None, typer.Option("--provider", help="offline, openai or local (default: detected).")
    ] = None,
    model: Annotated[str | None, typer.Option("--model", help="Model name to check.")] = None,
    base_url: Annotated[
        str | None,
        typer.Option("--base-url", help="An OpenAI-compatible server, e.g. http://HOST/v1."),
    ] = None,
    timeout: Annotated[
        float, typer.Option("--timeout", min=0.1, help="Seconds to wait for the endpoint.")
    ] = 3.0,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Show the provider, model and endpoint in use and whether each part works."""
    from mockpanel.config import resolve_settings
    from mockpanel.doctor import diagnose

    settings = resolve_settings(
        provider=provider, model=model, base_url=base_url, prompts_dir=state.prompts_dir
    )
    report = diagnose(settings, probe_timeout=timeout)
    if as_json:
        typer.echo(report.model_dump_json(indent=2))
    else:
        for label, value in _lines(report):
            typer.echo(f"{label:<14}{value}")
    if not report.ok:
        raise typer.Exit(1)


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def _lines(report: Diagnosis) -> list[tuple[str, str]]:
    endpoint = report.endpoint
    if endpoint.url is None:
        reach = endpoint.detail
    else:
        state_word = {True: "reachable, ", False: "NOT reachable: ", None: ""}
        reach = f"{endpoint.url}: {state_word[endpoint.reachable]}{endpoint.detail}"
    tokenizer = report.tokenizer
    if not report.tokenizer_exact:
        tokenizer += " (approximate for this model)"
    if report.context_window:
        tokenizer += f"; context window {report.context_window:,} tokens"
    prompts = report.prompts
    if prompts.ok:
        kinds = ", ".join(f"{count} {kind}" for kind, count in prompts.kinds.items())
        versions = ", ".join(f"{doc} v{version}" for doc, version in prompts.versions.items())
        library = f"{prompts.directory} ({prompts.documents} documents: {kinds})"
    else:
        library = f"INVALID: {prompts.error}"
        versions = "-"
    local = report.local
    lines = [
        ("provider", f"{report.provider} ({report.provider_origin})"),
        ("model", f"{report.model or '-'} ({report.model_origin})"),
        ("endpoint", reach),
        ("api key set", _yes(report.api_key_set)),
        ("tokenizer", tokenizer),
        ("data dir", report.data_dir),
        ("database", report.database + ("" if report.database_exists else " (not created yet)")),
        ("config file", report.config_file or "none"),
        ("prompts", library),
        ("versions", versions),
        (
            "local model",
            f"llama-cpp-python installed: {_yes(local.llama_cpp_installed)}; model file: "
            f"{local.model_file or 'not downloaded yet'}",
        ),
    ]
    if report.notice:
        lines.append(("note", report.notice))
    return lines
