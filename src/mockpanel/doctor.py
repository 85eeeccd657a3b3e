"""`mockpanel doctor`: what is configured and whether each part works; starts nothing."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from pydantic import BaseModel, Field

from mockpanel.config import Settings, api_key_present, is_openai_host, resolve_api_key
from mockpanel.errors import MockpanelError
from mockpanel.paths import data_dir

MAX_LISTED_MODELS = 10


class EndpointCheck(BaseModel):
    """Whether the model endpoint answers `GET /models` (`reachable` is `None` when not checked)."""

    url: str | None = None
    reachable: bool | None = None
    detail: str
    models: list[str] = Field(default_factory=list)


class PromptCheck(BaseModel):
    """The prompt library in use: where it is, how many documents of each kind, their versions."""

    directory: str | None = None
    ok: bool
    documents: int = 0
    kinds: dict[str, int] = Field(default_factory=dict)
    versions: dict[str, int] = Field(default_factory=dict)
    error: str | None = None


class LocalCheck(BaseModel):
    """What the `local` provider would need: llama-cpp-python and the cached model file."""

    llama_cpp_installed: bool
    model_file: str | None = None


class Diagnosis(BaseModel):
    """Everything `doctor` reports."""

    provider: str
    provider_origin: str
    model: str | None
    model_origin: str
    endpoint: EndpointCheck
    api_key_set: bool
    tokenizer: str
    tokenizer_exact: bool
    context_window: int | None
    data_dir: str
    database: str
    database_exists: bool
    config_file: str | None
    prompts: PromptCheck
    local: LocalCheck
    notice: str | None = None

    @property
    def ok(self) -> bool:
        """No configured part is broken."""
        return self.prompts.ok and self.endpoint.reachable is not False


def check_endpoint(settings: Settings, timeout: float) -> EndpointCheck:
    """Ask the configured endpoint for its models, with a short timeout and no retries."""
    from mockpanel.llm.local_server import list_served_models

    if settings.provider == "offline":
        return EndpointCheck(detail="not used: the offline coach needs no model")
    url = settings.endpoint
    if settings.provider == "local" and url is None:
        return EndpointCheck(detail="a server starts on 127.0.0.1 when a command needs it")
    assert url is not None
    if settings.provider == "local":
        served = list_served_models(url, timeout=timeout)
        if served is None:
            return EndpointCheck(
                url=url, detail="nothing answers yet; a server starts there when a command needs it"
            )
        return EndpointCheck(url=url, reachable=True, detail="answers", models=served)
    if is_openai_host(url) and not api_key_present():
        return EndpointCheck(url=url, reachable=None, detail="not checked: no API key is set")
    from mockpanel.llm.client import LLMClient
    from mockpanel.llm.retry import RetryPolicy

    try:
        with LLMClient(
            base_url=url,
            api_key=resolve_api_key(settings),
            model=settings.model,
            timeout=timeout,
            retry=RetryPolicy(max_retries=0),
        ) as client:
            models = client.list_models(timeout=timeout)
    except MockpanelError as exc:
        return EndpointCheck(url=url, reachable=False, detail=str(exc))
    detail = f"answers ({len(models)} model{'s' if len(models) != 1 else ''})"
    if settings.model and models and settings.model not in models:
        detail += f"; model {settings.model!r} is not among them"
    return EndpointCheck(url=url, reachable=True, detail=detail, models=models[:MAX_LISTED_MODELS])


def check_prompts(directory: Path | None) -> PromptCheck:
    """Load and validate the prompt library, reporting instead of raising."""
    from mockpanel.library import PromptLibrary, default_prompts_dir

    try:
        root = directory or default_prompts_dir()
        library = PromptLibrary.load(root)
    except MockpanelError as exc:
        shown = str(directory) if directory else None
        return PromptCheck(directory=shown, ok=False, error=str(exc))
    documents = list(library.documents.values())
    return PromptCheck(
        directory=str(library.source),
        ok=True,
        documents=len(documents),
        kinds=dict(sorted(Counter(doc.kind for doc in documents).items())),
        versions={doc.id: doc.version for doc in documents},
    )


def diagnose(settings: Settings, *, probe_timeout: float = 3.0) -> Diagnosis:
    """Inspect settings, endpoint, tokenizer, data directory and prompt library."""
    from mockpanel.llm.budget import context_window, get_tokenizer
    from mockpanel.llm.local_model import cached_model_file
    from mockpanel.llm.local_server import llama_cpp_installed
    from mockpanel.store import DB_NAME

    endpoint = check_endpoint(settings, probe_timeout)
    model, model_origin = settings.model, settings.origins.get("model", "default")
    if not settings.uses_model:
        model_origin = "not used offline"
    elif model is None and endpoint.models:
        # What the client will pick: the first model the server lists.
        model, model_origin = endpoint.models[0], "first model the server lists"
    settings = settings.model_copy(update={"model": model})
    tokenizer, exact = get_tokenizer(model)
    database = data_dir() / DB_NAME
    cached = cached_model_file()
    return Diagnosis(
        provider=settings.provider,
        provider_origin=settings.origins.get("provider", "default"),
        model=model,
        model_origin=model_origin,
        endpoint=endpoint,
        api_key_set=api_key_present(),
        tokenizer=tokenizer.name,
        tokenizer_exact=exact,
        context_window=context_window(settings) if settings.uses_model else None,
        data_dir=str(data_dir()),
        database=str(database),
        database_exists=database.is_file(),
        config_file=str(settings.config_file) if settings.config_file else None,
        prompts=check_prompts(settings.prompts_dir),
        local=LocalCheck(
            llama_cpp_installed=llama_cpp_installed(),
            model_file=str(cached) if cached else None,
        ),
        notice=settings.notice,
    )
