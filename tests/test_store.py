"""The session store: round trips, durability after a kill, permissions, WAL, id lookup."""

from __future__ import annotations

import os
import signal
import sqlite3
import stat
import subprocess
import sys
import textwrap
from datetime import timedelta
from pathlib import Path

import pytest

from mockpanel.errors import SessionNotFoundError, UserError
from mockpanel.models import PanelistDebrief, Usage
from mockpanel.store import SCHEMA_VERSION, SessionStore, StoreError
from session_builders import T0, empty_session, sample_session


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "store" / "mockpanel.db"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_session_saved_turn_by_turn_reloads_equal(db_path: Path) -> None:
    full = sample_session()
    with SessionStore(db_path) as store:
        store.create(empty_session())
        for turn in full.turns:
            store.save_turn(full.id, turn)
        store.update_session(full)
    with SessionStore(db_path) as reopened:
        loaded = reopened.load(full.id)
    assert loaded == full
    assert [t.index for t in loaded.turns] == [0, 1, 2, 3]
    assert loaded.turns[0].assessment == full.turns[0].assessment


def test_create_stores_turns_it_already_has(db_path: Path) -> None:
    session = sample_session()
    with SessionStore(db_path) as store:
        store.create(session)
        assert store.load(session.id) == session


def test_save_turn_replaces_the_same_index(db_path: Path) -> None:
    session = sample_session()
    with SessionStore(db_path) as store:
        store.create(session)
        edited = session.turns[3].model_copy(update={"answer": "A better answer."})
        store.save_turn(session.id, edited)
        turns = store.load(session.id).turns
    assert len(turns) == 4
    assert turns[3].answer == "A better answer."


def test_update_session_changes_everything_but_turns(db_path: Path) -> None:
    session = empty_session()
    with SessionStore(db_path) as store:
        store.create(session)
        store.save_turn(session.id, sample_session().turns[0])
        changed = session.model_copy(
            update={
                "status": "paused",
                "usage": Usage(prompt_tokens=10, completion_tokens=5, calls=1),
                "notes": ["fell back to the analyzer"],
                "plan": ["ownership-1"],
                "debriefs": [
                    PanelistDebrief(panelist="Hana Ito", title="EM", persona="p", impression="ok")
                ],
                "finished_at": T0 + timedelta(hours=1),
            }
        )
        store.update_session(changed)
        loaded = store.load(session.id)
    assert loaded.model_dump(exclude={"turns"}) == changed.model_dump(exclude={"turns"})
    assert len(loaded.turns) == 1  # update_session leaves the stored turns alone
    assert store_listing_status(db_path, session.id) == "paused"


def store_listing_status(path: Path, session_id: str) -> str:
    with SessionStore(path) as store:
        return next(s.status for s in store.list_sessions() if s.id == session_id)


def test_creating_an_existing_id_is_refused_and_keeps_the_original(db_path: Path) -> None:
    with SessionStore(db_path) as store:
        store.create(sample_session())
        with pytest.raises(StoreError, match="already exists"):
            store.create(empty_session())
        assert len(store.load("abcd1234").turns) == 4


def test_writes_to_an_unknown_session_are_refused(db_path: Path) -> None:
    with SessionStore(db_path) as store:
        with pytest.raises(SessionNotFoundError):
            store.save_turn("nothere1", sample_session().turns[0])
        with pytest.raises(SessionNotFoundError):
            store.update_session(empty_session("nothere1"))


CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from mockpanel.models import Session, SessionSettings, Turn
    from mockpanel.store import SessionStore

    store = SessionStore(Path(sys.argv[1]))
    store.create(Session(id="feedc0de", settings=SessionSettings(), panelists=[]))
    index = 0
    while True:
        store.save_turn("feedc0de", Turn(index=index, panelist="P", kind="question",
                        competency="ownership", question=f"q{index}", answer="a" * 3000))
        print(index, flush=True)
        index += 1
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_killed_writer_keeps_every_turn_whose_save_returned(db_path: Path) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    confirmed: list[int] = []
    try:
        while len(confirmed) < 40:
            line = child.stdout.readline()
            assert line, f"the writer died early: {child.stderr.read() if child.stderr else ''}"
            confirmed.append(int(line))
    finally:
        os.kill(child.pid, signal.SIGKILL)
        rest, _ = child.communicate(timeout=30)
    confirmed += [int(line) for line in rest.split()]
    assert child.returncode == -signal.SIGKILL

    with SessionStore(db_path) as store:
        saved = {t.index for t in store.load("feedc0de").turns}
        integrity = store._conn.execute("PRAGMA integrity_check").fetchone()[0]
    assert set(confirmed) <= saved
    assert integrity == "ok"


def test_database_file_is_owner_only(db_path: Path) -> None:
    with SessionStore(db_path) as store:
        store.create(sample_session())
        assert mode(db_path) == 0o600
        wal = db_path.with_name(db_path.name + "-wal")
        assert wal.exists() and mode(wal) == 0o600


def test_a_wider_existing_file_is_tightened(db_path: Path) -> None:
    with SessionStore(db_path) as store:
        store.create(sample_session())
    db_path.chmod(0o644)
    with SessionStore(db_path) as store:
        assert store.load("abcd1234").id == "abcd1234"
    assert mode(db_path) == 0o600


def test_default_location_is_the_data_dir(isolated_home: Path) -> None:
    with SessionStore() as store:
        store.create(sample_session())
    assert (isolated_home / "mockpanel.db").is_file()
    assert mode(isolated_home / "mockpanel.db") == 0o600


def test_wal_and_schema_version(db_path: Path) -> None:
    SessionStore(db_path).close()
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
        conn.commit()
    finally:
        conn.close()
    with pytest.raises(StoreError, match="newer mockpanel"):
        SessionStore(db_path)


def test_a_file_that_is_not_a_database_is_a_clear_error(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"this is not sqlite, just text " * 100)
    with pytest.raises(StoreError, match="cannot use the session store") as caught:
        SessionStore(db_path)
    assert isinstance(caught.value, UserError)
    assert "\n" not in str(caught.value)


def test_new_ids_are_eight_lowercase_hex_characters() -> None:
    ids = {SessionStore.new_id() for _ in range(50)}
    assert len(ids) == 50
    assert all(len(i) == 8 and set(i) <= set("0123456789abcdef") for i in ids)


@pytest.fixture
def three_sessions(db_path: Path) -> SessionStore:
    store = SessionStore(db_path)
    for offset, session_id in enumerate(["abcd1234", "abcd5678", "ef012345"]):
        store.create(sample_session(session_id, T0 + timedelta(days=offset)))
    return store


def test_load_accepts_a_unique_prefix(three_sessions: SessionStore) -> None:
    with three_sessions as store:
        assert store.load("ef01").id == "ef012345"
        assert store.load("ABCD12").id == "abcd1234"
        assert store.load("abcd5678").id == "abcd5678"


def test_ambiguous_prefix_lists_the_candidates(three_sessions: SessionStore) -> None:
    with three_sessions as store, pytest.raises(SessionNotFoundError) as caught:
        store.load("abcd")
    message = str(caught.value)
    assert "ambiguous" in message and "abcd1234" in message and "abcd5678" in message
    assert "\n" not in message


@pytest.mark.parametrize("wanted", ["ffff", "ab", "abcd12345", ""])
def test_unknown_or_too_short_ids_are_not_found(three_sessions: SessionStore, wanted: str) -> None:
    with three_sessions as store, pytest.raises(SessionNotFoundError) as caught:
        store.load(wanted)
    assert "\n" not in str(caught.value)


def test_list_sessions_is_newest_first_with_probe_aware_scores(
    three_sessions: SessionStore,
) -> None:
    with three_sessions as store:
        listings = store.list_sessions()
    assert [s.id for s in listings] == ["ef012345", "abcd5678", "abcd1234"]
    first = listings[0]
    # Question 1 scores 2.0 but with its probe 3.0, less 0.5 for needing it; question 2 was
    # skipped; question 3 scores 4.0. So two answered questions averaging 3.25.
    assert (first.questions, first.overall) == (2, 3.25)
    assert (first.role, first.company, first.status, first.provider) == (
        "Data Engineer",
        "Northwind",
        "finished",
        "offline",
    )


def test_listing_follows_each_saved_turn(db_path: Path) -> None:
    full = sample_session()
    with SessionStore(db_path) as store:
        store.create(empty_session())
        assert store.list_sessions()[0].overall is None
        store.save_turn(full.id, full.turns[0])
        assert (store.list_sessions()[0].questions, store.list_sessions()[0].overall) == (1, 2.0)
        store.save_turn(full.id, full.turns[1])
        assert store.list_sessions()[0].overall == 2.5  # the probe's 3.0, less the discount


def test_load_all_is_oldest_first(three_sessions: SessionStore) -> None:
    with three_sessions as store:
        assert [s.id for s in store.load_all()] == ["abcd1234", "abcd5678", "ef012345"]
