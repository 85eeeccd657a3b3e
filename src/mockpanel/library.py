"""The prompt library: versioned YAML documents in `prompts/`, validated by pydantic.

Every document has `id`, `version`, `kind` and `description`. Task documents declare `inputs` and
`messages` (rendered through langchain-core's `ChatPromptTemplate`); data documents carry
`data` (the interview stage, personas, the competency question bank, the STAR rubric, the
candidate-question bank and the phrase book the offline coach writes with).
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Iterator
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from mockpanel.errors import PromptLibraryError
from mockpanel.models import COMPONENTS, Component, Level
from mockpanel.reading import ReadingData


class Strict(BaseModel):
    """Base for library documents: unknown keys are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# --- task prompts -------------------------------------------------------------------------------


class Message(Strict):
    role: Literal["system", "user", "assistant"]
    template: str


# --- the second-round stage ---------------------------------------------------------------------


class StageFormat(Strict):
    name: str
    description: str


class Competition(Strict):
    typical_min: int
    typical_max: int
    senior_min: int
    senior_max: int
    note: str


class StageData(Strict):
    purpose: str
    round_one_focus: str
    round_two_focus: str
    differences: list[str] = Field(min_length=1)
    formats: list[StageFormat] = Field(min_length=1)
    panel: list[str] = Field(min_length=1)
    competition: Competition
    next_steps: list[str] = Field(min_length=1)
    timeline: str
    follow_up: list[str] = Field(min_length=1)
    checklist: list[str] = Field(min_length=1)


# --- personas -----------------------------------------------------------------------------------


class Persona(Strict):
    id: str
    title: str
    default_name: str
    summary: str
    focus: list[str] = Field(min_length=1)
    style: str
    opening_line: str
    probing_habits: list[str] = Field(min_length=1)
    thrive_lens: str
    thrive_questions: list[str] = Field(min_length=1)
    candidate_question_themes: list[str] = Field(min_length=1)
    levels: list[Level] = Field(min_length=1)


# --- competency question bank -------------------------------------------------------------------


class ProbeSet(Strict):
    """Follow-ups aimed at one STAR component each."""

    situation: list[str] = Field(min_length=1)
    task: list[str] = Field(min_length=1)
    action: list[str] = Field(min_length=1)
    result: list[str] = Field(min_length=1)
    reflection: list[str] = Field(min_length=1)

    def for_component(self, component: Component) -> list[str]:
        """Probes that ask for `component`."""
        probes: list[str] = getattr(self, component)
        return probes


class Question(Strict):
    id: str
    text: str
    probes: ProbeSet
    good_looks_like: str


class Competency(Strict):
    id: str
    name: str
    description: str
    keywords: list[str] = Field(min_length=1)
    looks_for: list[str] = Field(min_length=1)
    culture: bool = False
    questions: list[Question] = Field(min_length=4)


# --- STAR rubric --------------------------------------------------------------------------------

CapCondition = Literal[
    "no-personal-action",
    "no-result",
    "no-situation",
    "no-task",
    "missing-star-part",
    "hypothetical",
    "generic",
    "off-topic",
    "doubtful-topic",
    "grader-manipulation",
    "no-reflection",
    "unquantified-result",
    "we-heavy",
]


class RubricComponent(Strict):
    name: str
    description: str
    weight: float = Field(gt=0)
    levels: dict[int, str]

    @model_validator(mode="after")
    def _five_levels(self) -> RubricComponent:
        if sorted(self.levels) != [1, 2, 3, 4, 5]:
            raise ValueError("levels must define exactly 1, 2, 3, 4 and 5")
        return self


class RubricCap(Strict):
    """A calibration cap: when `condition` holds, `target` may score at most `max_score`."""

    condition: CapCondition
    target: Component | Literal["overall"]
    max_score: int = Field(ge=1, le=5)
    reason: str


class RubricLengths(Strict):
    """How answer length bears on the score, in words (spoken at about `words_per_minute`)."""

    words_per_minute: int = Field(default=140, gt=0)
    too_short_words: int = Field(default=45, ge=0)
    too_long_words: int = Field(default=250, gt=0)
    runaway_words: int = Field(default=600, gt=0)
    rambling_penalty: float = Field(default=0.5, ge=0)
    rambling_ceiling: float = Field(default=4.4, ge=1, le=5)
    runaway_ceiling: float = Field(default=3.0, ge=1, le=5)


class RubricData(Strict):
    components: dict[Component, RubricComponent]
    overall: dict[int, str]
    caps: list[RubricCap]
    # Optional so that rubric files written before it existed still load.
    lengths: RubricLengths = Field(default_factory=RubricLengths)

    @model_validator(mode="after")
    def _complete(self) -> RubricData:
        if set(self.components) != set(COMPONENTS):
            raise ValueError(f"components must be exactly {', '.join(COMPONENTS)}")
        if sorted(self.overall) != [1, 2, 3, 4, 5]:
            raise ValueError("overall must define exactly 1, 2, 3, 4 and 5")
        return self


# --- what the candidate should ask, and the offline coach's phrase book ---------------------------


class CandidateQuestionTemplate(Strict):
    theme: str
    audiences: list[str] = Field(min_length=1)
    template: str
    why: str
    skip_if_jd_mentions: list[str] = Field(default_factory=list)


class PhraseGroup(Strict):
    """Named sentence templates (Python `str.format` fields) the offline coach fills with facts."""

    inputs: list[str] = Field(default_factory=list)
    phrases: dict[str, str]


# --- documents ----------------------------------------------------------------------------------


class _Doc(Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9._-]*$")
    version: int = Field(ge=1)
    description: str


class TaskDoc(_Doc):
    kind: Literal["task"]
    inputs: list[str]
    messages: list[Message] = Field(min_length=1)


class StageDoc(_Doc):
    kind: Literal["stage"]
    data: StageData


class PersonasDoc(_Doc):
    kind: Literal["personas"]
    data: list[Persona] = Field(min_length=4)


class QuestionBankDoc(_Doc):
    kind: Literal["questions"]
    data: list[Competency] = Field(min_length=12)


class RubricDoc(_Doc):
    kind: Literal["rubric"]
    data: RubricData


class CandidateQuestionsDoc(_Doc):
    kind: Literal["candidate-questions"]
    data: list[CandidateQuestionTemplate] = Field(min_length=1)


class ReadingDoc(_Doc):
    kind: Literal["reading"]
    data: ReadingData


class PhrasesDoc(_Doc):
    kind: Literal["phrases"]
    data: dict[str, PhraseGroup]


Document = Annotated[
    TaskDoc
    | StageDoc
    | PersonasDoc
    | QuestionBankDoc
    | RubricDoc
    | CandidateQuestionsDoc
    | PhrasesDoc
    | ReadingDoc,
    Field(discriminator="kind"),
]


class _DocFile(BaseModel):
    doc: Document


# Fields the coaches fill in templates that live in data documents (not task prompts).
OPENING_LINE_FIELDS: tuple[str, ...] = ("name", "title", "role", "company")
CANDIDATE_QUESTION_FIELDS: tuple[str, ...] = ("role", "company", "team")


def default_prompts_dir() -> Path:
    """The library shipped with the package (inside the wheel), or the source checkout's copy."""
    packaged = Path(str(resources.files("mockpanel"))) / "prompts"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "prompts"
    if checkout.is_dir():
        return checkout
    raise PromptLibraryError("the prompt library is missing from this installation")


def _format_fields(template: str) -> set[str]:
    """The `{name}` fields a `str.format` template uses."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(template) if name}
    except ValueError as exc:
        raise PromptLibraryError(f"bad template {template[:60]!r}: {exc}") from None


def _read_document(path: Path) -> Any:
    """Parse and validate one YAML document file."""
    import yaml

    try:
        # The C parser, where PyYAML has it, reads the library several times faster.
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise PromptLibraryError(f"{path.name}: cannot read YAML: {exc}") from None
    try:
        return _DocFile.model_validate({"doc": raw}).doc
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"][1:]) or "top level"
        raise PromptLibraryError(
            f"{path.name}: invalid prompt document at {where}: {first['msg']}"
        ) from None


class PromptLibrary:
    """All documents of one prompts directory, loaded and validated once."""

    def __init__(
        self, documents: dict[str, Any], source: Path, paths: dict[str, Path] | None = None
    ) -> None:
        self.documents = documents
        self.source = source
        self.paths = paths or {}

    # -- loading --

    @classmethod
    def load(cls, directory: Path | None = None) -> PromptLibrary:
        """Load and validate every `*.yaml` under `directory` (default: the shipped library)."""
        root = directory or default_prompts_dir()
        if not root.is_dir():
            raise PromptLibraryError(f"prompt directory not found: {root}")
        documents: dict[str, Any] = {}
        paths: dict[str, Path] = {}
        for path in sorted(root.rglob("*.yaml")):
            doc = _read_document(path)
            if doc.id in documents:
                raise PromptLibraryError(f"{path.name}: duplicate prompt id {doc.id!r}")
            documents[doc.id] = doc
            paths[doc.id] = path
        if not documents:
            raise PromptLibraryError(f"no prompt documents (*.yaml) in {root}")
        library = cls(documents, root, paths)
        library.check()
        return library

    def check(self) -> None:
        """Cross-document checks: required documents exist, ids resolve, templates agree."""
        for required in ("stage", "personas", "questions", "rubric", "reading"):
            if required not in self.documents:
                raise PromptLibraryError(f"the library has no {required!r} document")
        competency_ids = {c.id for c in self.competencies}
        for persona in self.personas:
            unknown = set(persona.focus) - competency_ids
            if unknown:
                raise PromptLibraryError(
                    f"persona {persona.id!r} focuses on unknown competencies: {sorted(unknown)}"
                )
        # One taxonomy: the analyzer's word lists cover exactly the question bank's competencies.
        scored = {c.id for c in self.competencies if not c.culture}
        if set(self.reading.competencies) != scored:
            raise PromptLibraryError(
                "reading: competencies must match the question bank's "
                f"{sorted(scored)}, not {sorted(self.reading.competencies)}"
            )
        question_ids = [q.id for c in self.competencies for q in c.questions]
        if len(question_ids) != len(set(question_ids)):
            raise PromptLibraryError("question ids in the question bank are not unique")
        for doc in self.documents.values():
            if isinstance(doc, TaskDoc):
                used = set().union(*(_format_fields(m.template) for m in doc.messages))
                if used != set(doc.inputs):
                    raise PromptLibraryError(
                        f"task {doc.id!r}: templates use {sorted(used)} but inputs declare "
                        f"{sorted(doc.inputs)}"
                    )
            elif isinstance(doc, PhrasesDoc):
                for name, group in doc.data.items():
                    for key, template in group.phrases.items():
                        extra = _format_fields(template) - set(group.inputs)
                        if extra:
                            raise PromptLibraryError(
                                f"phrases {doc.id}.{name}.{key} uses undeclared {sorted(extra)}"
                            )

    # -- typed access --

    def get(self, doc_id: str) -> Any:
        """The document with `doc_id`, or a clear error listing what exists."""
        try:
            return self.documents[doc_id]
        except KeyError:
            known = ", ".join(sorted(self.documents))
            raise PromptLibraryError(f"unknown prompt id {doc_id!r} (known: {known})") from None

    @cached_property
    def stage(self) -> StageData:
        data: StageData = self.get("stage").data
        return data

    @cached_property
    def personas(self) -> list[Persona]:
        data: list[Persona] = self.get("personas").data
        return data

    @cached_property
    def competencies(self) -> list[Competency]:
        data: list[Competency] = self.get("questions").data
        return data

    @cached_property
    def rubric(self) -> RubricData:
        data: RubricData = self.get("rubric").data
        return data

    @cached_property
    def reading(self) -> ReadingData:
        data: ReadingData = self.get("reading").data
        return data

    def persona(self, persona_id: str) -> Persona:
        """The persona with `persona_id`."""
        for persona in self.personas:
            if persona.id == persona_id:
                return persona
        raise PromptLibraryError(f"unknown persona {persona_id!r}")

    def competency(self, competency_id: str) -> Competency:
        """The competency with `competency_id`."""
        for competency in self.competencies:
            if competency.id == competency_id:
                return competency
        raise PromptLibraryError(f"unknown competency {competency_id!r}")

    def candidate_questions(self) -> list[CandidateQuestionTemplate]:
        """Every template for questions the candidate can ask, across `candidate-questions` docs."""
        return [
            item
            for doc in self.documents.values()
            if isinstance(doc, CandidateQuestionsDoc)
            for item in doc.data
        ]

    def phrase(self, path: str, **values: Any) -> str:
        """Fill the phrase at `doc.group.key` with `values` (unknown path: PromptLibraryError)."""
        doc_id, group_name, key = path.split(".", 2)
        doc = self.get(doc_id)
        if not isinstance(doc, PhrasesDoc) or group_name not in doc.data:
            raise PromptLibraryError(f"unknown phrase group {doc_id}.{group_name}")
        group = doc.data[group_name]
        if key not in group.phrases:
            raise PromptLibraryError(f"unknown phrase {path}")
        missing = set(group.inputs) - set(values)
        if missing & _format_fields(group.phrases[key]):
            raise PromptLibraryError(f"phrase {path} needs {sorted(missing)}")
        return group.phrases[key].format(**values)

    def has_phrase(self, path: str) -> bool:
        """Whether `doc.group.key` exists."""
        doc_id, group_name, key = path.split(".", 2)
        doc = self.documents.get(doc_id)
        return (
            isinstance(doc, PhrasesDoc)
            and group_name in doc.data
            and key in doc.data[group_name].phrases
        )

    # -- task prompts --

    def task(self, task_id: str) -> TaskDoc:
        """The task prompt `task_id`."""
        doc = self.get(task_id)
        if not isinstance(doc, TaskDoc):
            raise PromptLibraryError(f"{task_id!r} is a {doc.kind} document, not a task prompt")
        return doc

    def render(self, task_id: str, **values: Any) -> list[dict[str, str]]:
        """Render a task prompt to chat messages (`role`, `content`) via `ChatPromptTemplate`."""
        from langchain_core.prompts import ChatPromptTemplate

        doc = self.task(task_id)
        missing = set(doc.inputs) - set(values)
        if missing:
            raise PromptLibraryError(f"task {task_id!r} is missing inputs: {sorted(missing)}")
        unexpected = set(values) - set(doc.inputs)
        if unexpected:
            raise PromptLibraryError(
                f"task {task_id!r} got undeclared inputs: {sorted(unexpected)}"
            )
        template = ChatPromptTemplate.from_messages(
            [(m.role, m.template) for m in doc.messages], template_format="f-string"
        )
        rendered = template.format_messages(**{k: str(v) for k, v in values.items()})
        roles = {"system": "system", "human": "user", "ai": "assistant"}
        return [{"role": roles[m.type], "content": str(m.content)} for m in rendered]


# --- whole-library validation (`mockpanel prompts validate`) --------------------------------------


class LibraryReport(BaseModel):
    """What validating a prompts directory found: counts of what it holds, and every problem."""

    source: Path
    counts: dict[str, int] = Field(default_factory=dict)
    problems: list[str] = Field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when nothing is wrong."""
        return not self.problems


def validate_library(directory: Path | None = None) -> LibraryReport:
    """Load every document, render every task and fill every template; collect all problems."""
    root = directory or default_prompts_dir()
    report = LibraryReport(source=root)
    if not root.is_dir():
        report.problems.append(f"prompt directory not found: {root}")
        return report
    documents: dict[str, Any] = {}
    paths: dict[str, Path] = {}
    for path in sorted(root.rglob("*.yaml")):
        try:
            doc = _read_document(path)
        except PromptLibraryError as exc:
            report.problems.append(str(exc))
            continue
        if doc.id in documents:
            report.problems.append(f"{path.name}: duplicate prompt id {doc.id!r}")
            continue
        documents[doc.id] = doc
        paths[doc.id] = path
    if not documents:
        report.problems.append(f"no valid prompt documents (*.yaml) in {root}")
        return report
    library = PromptLibrary(documents, root, paths)
    try:
        library.check()
    except PromptLibraryError as exc:
        report.problems.append(str(exc))
    report.problems.extend(_template_problems(library))
    report.counts = _library_counts(library)
    return report


def _fill_problem(label: str, template: str, fields: Iterable[str]) -> str | None:
    """Why `template` cannot be filled from `fields` with `str.format`, or None when it can."""
    allowed = set(fields)
    try:
        unknown = sorted(_format_fields(template) - allowed)
        if unknown:
            return f"{label} uses unknown fields {unknown} (allowed: {sorted(allowed)})"
        template.format(**{name: f"<{name}>" for name in allowed})
    except PromptLibraryError as exc:
        return f"{label}: {exc}"
    except (KeyError, IndexError, ValueError, AttributeError) as exc:
        return f"{label} cannot be filled: {type(exc).__name__}: {exc}"
    return None


def _template_problems(library: PromptLibrary) -> Iterator[str]:
    """Render every task prompt and fill every data template with placeholder values."""
    docs = list(library.documents.values())
    persona_ids = {p.id for d in docs if isinstance(d, PersonasDoc) for p in d.data}
    themes = {t.theme for d in docs if isinstance(d, CandidateQuestionsDoc) for t in d.data}
    for doc in docs:
        if isinstance(doc, TaskDoc):
            try:
                library.render(doc.id, **{name: f"<{name}>" for name in doc.inputs})
            except Exception as exc:  # noqa: BLE001 - report any rendering failure, keep going
                yield f"task {doc.id!r} does not render: {exc}"
        elif isinstance(doc, PhrasesDoc):
            for group_name, group in doc.data.items():
                for key, template in group.phrases.items():
                    label = f"phrase {doc.id}.{group_name}.{key}"
                    yield from _some(_fill_problem(label, template, group.inputs))
        elif isinstance(doc, PersonasDoc):
            for persona in doc.data:
                label = f"persona {persona.id!r} opening_line"
                yield from _some(_fill_problem(label, persona.opening_line, OPENING_LINE_FIELDS))
                unknown = sorted(set(persona.candidate_question_themes) - themes)
                if themes and unknown:
                    yield f"persona {persona.id!r} names unknown question themes {unknown}"
        elif isinstance(doc, CandidateQuestionsDoc):
            for index, item in enumerate(doc.data, start=1):
                label = f"{doc.id} #{index} ({item.theme})"
                yield from _some(_fill_problem(label, item.template, CANDIDATE_QUESTION_FIELDS))
                unknown = sorted(set(item.audiences) - persona_ids)
                if unknown:
                    yield f"{label} names unknown audiences {unknown}"


def _some(problem: str | None) -> list[str]:
    return [problem] if problem else []


def _library_counts(library: PromptLibrary) -> dict[str, int]:
    docs = list(library.documents.values())
    competencies = [c for d in docs if isinstance(d, QuestionBankDoc) for c in d.data]
    return {
        "documents": len(docs),
        "tasks": sum(isinstance(d, TaskDoc) for d in docs),
        "competencies": len(competencies),
        "questions": sum(len(c.questions) for c in competencies),
        "personas": sum(len(d.data) for d in docs if isinstance(d, PersonasDoc)),
        "candidate questions": sum(
            len(d.data) for d in docs if isinstance(d, CandidateQuestionsDoc)
        ),
        "phrases": sum(
            len(g.phrases) for d in docs if isinstance(d, PhrasesDoc) for g in d.data.values()
        ),
    }


@lru_cache(maxsize=8)
def load_library(directory: Path | None = None) -> PromptLibrary:
    """The library at `directory` (default: shipped), loaded once per process."""
    return PromptLibrary.load(directory)
