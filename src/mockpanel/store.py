"""Session persistence: one SQLite file (WAL, owner-only) holding sessions and their turns.

Every write is its own committed transaction, so whatever `save_turn` has returned survives a
crash or Ctrl-C. Rows hold the pydantic models as JSON; a few columns are copied out of them so
`sessions` can list without parsing every turn. Nothing here ever sees an API key: the models
carry none.
"""

from __future__ import annotations

import os
import secrets
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from pydantic import BaseModel

from mockpanel.errors import SessionNotFoundError, UserError
from mockpanel.models import Session, SessionStatus, Turn
from mockpanel.paths import ensure_data_dir
from mockpanel.summary import question_results, session_overall

DB_NAME = "mockpanel.db"
SCHEMA_VERSION = 1
MIN_PREFIX = 4
FILE_MODE = 0o600

_SCHEMA_V1 = """
CREATE TABLE sessions (
    id          TEXT PRIMARY KEY,
    started_at  TEXT NOT NULL,
    status      TEXT NOT NULL,
    role        TEXT NOT NULL,
    company     TEXT NOT NULL,
    provider    TEXT NOT NULL,
    questions   INTEGER NOT NULL DEFAULT 0,
    overall     REAL,
    data        TEXT NOT NULL
);
CREATE TABLE turns (
    session_id  TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    kind        TEXT NOT NULL,
    data        TEXT NOT NULL,
    PRIMARY KEY (session_id, idx)
);
CREATE INDEX sessions_started ON sessions(started_at);
"""


class StoreError(UserError):
    """The session database cannot be opened or is from a newer mockpanel."""


class SessionListing(BaseModel):
    """One line of `mockpanel sessions`."""

    id: str
    started_at: datetime
    role: str
    company: str
    questions: int
    overall: float | None
    status: SessionStatus
    provider: str


def _secure_file(path: Path) -> None:
    """Create `path` owner-only before SQLite opens it; tighten it (and WAL files) if wider."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_CREAT | os.O_RDWR, FILE_MODE)
    os.close(fd)
    for candidate in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        try:
            mode = stat.S_IMODE(candidate.stat().st_mode)
        except FileNotFoundError:
            continue
        if mode & 0o077:
            candidate.chmod(FILE_MODE)


def _timestamp(moment: datetime) -> str:
    """ISO text in UTC, so that text order in SQL is time order."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.isoformat()


class SessionStore:
    """Sessions and turns in `mockpanel.db` under the data directory (or at `path`)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else ensure_data_dir() / DB_NAME
        try:
            _secure_file(self.path)
            # Autocommit mode: transactions are opened explicitly in `_write`.
            self._conn = sqlite3.connect(self.path, isolation_level=None, timeout=10.0)
        except OSError as exc:
            reason = exc.strerror or exc
            raise StoreError(f"cannot open the session store {self.path}: {reason}") from None
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the session store {self.path}: {exc}") from None
        try:
            self._conn.execute("PRAGMA journal_mode=WAL")
            # FULL syncs the WAL at every commit: a saved turn survives power loss too.
            self._conn.execute("PRAGMA synchronous=FULL")
            self._conn.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            self._conn.close()
            raise StoreError(f"cannot use the session store {self.path}: {exc}") from None

    def __enter__(self) -> SessionStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the database connection."""
        self._conn.close()

    @staticmethod
    def new_id() -> str:
        """A fresh session id: 8 lowercase hex characters."""
        return secrets.token_hex(4)

    # -- schema --

    def _migrate(self) -> None:
        version = int(self._conn.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"the session store {self.path} was written by a newer mockpanel "
                f"(schema {version}); upgrade mockpanel to read it"
            )
        if version < SCHEMA_VERSION:
            with self._write() as db:
                # Another process may have created the schema while this one waited for the lock.
                if int(db.execute("PRAGMA user_version").fetchone()[0]) < 1:
                    for statement in _SCHEMA_V1.split(";"):
                        if statement.strip():
                            db.execute(statement)
                db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One committed transaction; rolled back if anything inside fails."""
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:  # locked by another process, disk full...
            raise StoreError(f"cannot write to the session store {self.path}: {exc}") from None
        try:
            yield self._conn
        except BaseException:
            self._rollback()
            raise
        try:
            self._conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            self._rollback()
            raise StoreError(f"cannot save to the session store {self.path}: {exc}") from None

    def _rollback(self) -> None:
        # SQLite may already have rolled back on its own (after an I/O error, for instance).
        if self._conn.in_transaction:
            self._conn.execute("ROLLBACK")

    # -- writes --

    def create(self, session: Session) -> None:
        """Store a new session and any turns it already has."""
        with self._write() as db:
            if db.execute("SELECT 1 FROM sessions WHERE id = ?", (session.id,)).fetchone():
                raise StoreError(f"a session with id {session.id!r} already exists")
            db.execute(
                "INSERT INTO sessions (id, started_at, status, role, company, provider, data)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    session.id,
                    _timestamp(session.started_at),
                    *self._header(session),
                ),
            )
            for turn in session.turns:
                self._upsert_turn(db, session.id, turn)
            self._refresh_listing(db, session.id)

    def save_turn(self, session_id: str, turn: Turn) -> None:
        """Insert or replace turn `turn.index` of a session, committed before returning."""
        with self._write() as db:
            self._require(db, session_id)
            self._upsert_turn(db, session_id, turn)
            self._refresh_listing(db, session_id)

    def update_session(self, session: Session) -> None:
        """Save everything about a session except its turns (status, plan, usage, debriefs...)."""
        with self._write() as db:
            self._require(db, session.id)
            db.execute(
                "UPDATE sessions SET status = ?, role = ?, company = ?, provider = ?, data = ?"
                " WHERE id = ?",
                (*self._header(session), session.id),
            )

    @staticmethod
    def _header(session: Session) -> tuple[str, str, str, str, str]:
        return (
            session.status,
            session.settings.role,
            session.settings.company,
            session.settings.provider,
            session.model_dump_json(exclude={"turns"}),
        )

    @staticmethod
    def _require(db: sqlite3.Connection, session_id: str) -> None:
        if db.execute("SELECT 1 FROM sessions WHERE id = ?", (session_id,)).fetchone() is None:
            raise SessionNotFoundError(f"no session with id {session_id!r}")

    @staticmethod
    def _upsert_turn(db: sqlite3.Connection, session_id: str, turn: Turn) -> None:
        db.execute(
            "INSERT INTO turns (session_id, idx, kind, data) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (session_id, idx) DO UPDATE SET kind = excluded.kind,"
            " data = excluded.data",
            (session_id, turn.index, turn.kind, turn.model_dump_json()),
        )

    def _refresh_listing(self, db: sqlite3.Connection, session_id: str) -> None:
        """Recompute the listing columns (answered questions, overall) from the stored turns."""
        results = question_results(self._turns(db, session_id))
        db.execute(
            "UPDATE sessions SET questions = ?, overall = ? WHERE id = ?",
            (sum(1 for r in results if r.answered), session_overall(results), session_id),
        )

    # -- reads --

    @staticmethod
    def _turns(db: sqlite3.Connection, session_id: str) -> list[Turn]:
        rows = db.execute(
            "SELECT data FROM turns WHERE session_id = ? ORDER BY idx", (session_id,)
        ).fetchall()
        return [Turn.model_validate_json(row[0]) for row in rows]

    def resolve(self, session_id: str) -> str:
        """The full id for `session_id` or a unique prefix of one (at least 4 characters)."""
        wanted = session_id.strip().lower()
        if self._conn.execute("SELECT 1 FROM sessions WHERE id = ?", (wanted,)).fetchone():
            return wanted
        if len(wanted) < MIN_PREFIX:
            raise SessionNotFoundError(
                f"no session with id {session_id!r} (give the full id or at least "
                f"{MIN_PREFIX} characters of it; 'mockpanel sessions' lists them)"
            )
        rows = self._conn.execute(
            "SELECT id FROM sessions WHERE substr(id, 1, ?) = ? ORDER BY started_at DESC",
            (len(wanted), wanted),
        ).fetchall()
        if not rows:
            raise SessionNotFoundError(
                f"no session with id {session_id!r} ('mockpanel sessions' lists them)"
            )
        if len(rows) > 1:
            candidates = ", ".join(row[0] for row in rows[:10])
            more = f" and {len(rows) - 10} more" if len(rows) > 10 else ""
            raise SessionNotFoundError(
                f"session id {session_id!r} is ambiguous: {candidates}{more}"
            )
        return str(rows[0][0])

    def load(self, session_id: str) -> Session:
        """The full session (turns ordered by index) for an id or unique id prefix."""
        full_id = self.resolve(session_id)
        row = self._conn.execute("SELECT data FROM sessions WHERE id = ?", (full_id,)).fetchone()
        session = Session.model_validate_json(row[0])
        return session.model_copy(update={"turns": self._turns(self._conn, full_id)})

    def load_all(self) -> list[Session]:
        """Every stored session with its turns, oldest first."""
        rows = self._conn.execute("SELECT id FROM sessions ORDER BY started_at, id").fetchall()
        return [self.load(row[0]) for row in rows]

    def list_sessions(self) -> list[SessionListing]:
        """One listing per stored session, newest first."""
        rows = self._conn.execute(
            "SELECT id, started_at, role, company, questions, overall, status, provider"
            " FROM sessions ORDER BY started_at DESC, id"
        ).fetchall()
        keys = ("id", "started_at", "role", "company", "questions", "overall", "status", "provider")
        return [SessionListing.model_validate(dict(zip(keys, row, strict=True))) for row in rows]
