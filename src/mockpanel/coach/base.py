"""The interface every coach implements. The panel drives it; it never prints."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence

from mockpanel.library import Competency, PromptLibrary, Question
from mockpanel.models import (
    DEFAULT_COMPANY,
    AskRequest,
    Brief,
    CandidateQuestion,
    Component,
    Level,
    Panelist,
    PanelistDebrief,
    Session,
    StarAssessment,
    ThankYouNote,
    Turn,
    Usage,
)


class Coach(ABC):
    """Speaks for the panel and judges the answers. One instance serves one command run."""

    provider: str = "offline"
    # Set by an interactive front end to show a panelist's words while a model writes them:
    # called with the speaker and the text so far ("" when a broken reply is withdrawn).
    # Coaches whose words are instant never call it.
    on_speech_chunk: Callable[[Panelist, str], None] | None = None

    def __init__(self, library: PromptLibrary) -> None:
        self.library = library
        self.usage = Usage()
        self.notes: list[str] = []

    def prepare(self, answers: Sequence[tuple[str, str | None]]) -> None:  # noqa: B027
        """Read many (answer, question) pairs ahead of `assess` calls for them; optional."""

    @abstractmethod
    def introduce(self, session: Session, panelist: Panelist) -> str:
        """The panelist's opening line when the panel starts."""

    @abstractmethod
    def ask(
        self, session: Session, panelist: Panelist, competency: Competency, question: Question
    ) -> str:
        """The main question as this panelist puts it."""

    @abstractmethod
    def probe(
        self,
        session: Session,
        panelist: Panelist,
        turn: Turn,
        target: Component,
        question: Question | None,
    ) -> str:
        """A follow-up to the answered `turn` that asks for the missing or weak `target` part."""

    @abstractmethod
    def assess(self, question: str, answer: str, competency: str | None = None) -> StarAssessment:
        """Score one answer against STAR, with evidence and feedback."""

    @abstractmethod
    def debrief(self, session: Session, panelist: Panelist) -> PanelistDebrief:
        """This panelist's 'will you thrive here?' impression of the session."""

    @abstractmethod
    def questions_to_ask(self, request: AskRequest) -> list[CandidateQuestion]:
        """Tailored questions the candidate should ask, grouped by audience."""

    @abstractmethod
    def thank_you(self, session: Session, panelist: Panelist) -> ThankYouNote:
        """A thank-you note citing something from this panelist's part of the session."""

    @abstractmethod
    def brief(self, role: str, level: Level, company: str = DEFAULT_COMPANY) -> Brief:
        """What to expect in this second round and how to prepare."""
