"""What is kept per browser: drafts only for people who joined, orphan files cleaned up, the data folder private."""

from __future__ import annotations

import json
import os
import stat
from collections import Counter
from types import SimpleNamespace

import pytest

from exports.strings import template_text
from facilitator_app import storage_cleanup, visitor_storage
from facilitator_app.storage_cleanup import keep_private, remove_orphan_storage
from facilitator_app.visitor_storage import card_draft, device_token, drop_card_draft, keep_card_draft
from rounds.model import MAX_CARD_CHARS
from rounds.people import join
from rounds.preparation import new_dialogue

SECRET = "storage-secret"
NOW = 1_000_000.0
OLD = NOW - 3600


@pytest.fixture
def dialogue():
    dialogue = new_dialogue(slug="de-linde", title="De Linde", theme="thuis", now=1.0, texts=template_text)
    join(dialogue, "Anna", "resident", 1.0, token=device_token(SECRET, "anna-browser", "de-linde"))
    join(dialogue, "Ben", "resident", 1.0, token="legacy-random-token")
    return dialogue


@pytest.fixture
def storage(monkeypatch) -> SimpleNamespace:
    """NiceGUI's app.storage as far as these modules use it, without a running app."""
    fake = SimpleNamespace(user={}, browser={}, _users={}, _active_request_sessions=Counter())
    monkeypatch.setattr(visitor_storage, "app", SimpleNamespace(storage=fake))
    monkeypatch.setattr(storage_cleanup, "app", SimpleNamespace(storage=fake))
    return fake


def test_a_draft_is_kept_only_for_someone_who_joined_and_cut_to_the_card_limit(dialogue, storage):
    keep_card_draft(dialogue, "not-a-participant", "r1", "x" * 1_000_000)
    assert storage.user == {}
    anna = dialogue.participants[0].id
    keep_card_draft(dialogue, anna, "r1", "y" * 1_000_000)
    assert len(storage.user["drafts"]["de-linde:r1"]) == MAX_CARD_CHARS
    assert card_draft("de-linde", "r1") == "y" * MAX_CARD_CHARS
    drop_card_draft("de-linde", "r1")
    assert card_draft("de-linde", "r1") == ""


def test_old_drafts_make_room_for_new_ones(dialogue, storage):
    anna = dialogue.participants[0].id
    for n in range(50):
        keep_card_draft(dialogue, anna, f"r{n}", f"kaartje {n}")
    assert list(storage.user["drafts"]) == [f"de-linde:r{n}" for n in range(30, 50)]


def write(folder, browser_id: str, data: dict, mtime: float = OLD):
    path = folder / f"storage-user-{browser_id}.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    os.utime(path, (mtime, mtime))
    return path


def test_cleanup_removes_files_of_nobody_and_keeps_participants_and_the_facilitator(tmp_path, dialogue, storage):
    keep = {
        "anna-browser": write(tmp_path, "anna-browser", {"drafts": {"de-linde:r1": "half"}}),
        "ben-browser": write(tmp_path, "ben-browser", {"tokens": {"de-linde": "legacy-random-token"}}),
        "facilitator": write(tmp_path, "facilitator", {"facilitator_key": "app-key"}),
        "just-now": write(tmp_path, "just-now", {"tokens": {}}, mtime=NOW - 60),  # may be joining right now
    }
    gone = {
        "visitor": write(tmp_path, "visitor", {"tokens": {}, "join_draft": {"name": "x" * 100_000}}),
        "stale-key": write(tmp_path, "stale-key", {"facilitator_key": "an-old-key"}),
        "removed-person": write(tmp_path, "removed-person", {"tokens": {"de-linde": "someone-taken-out"}}),
        "broken": write(tmp_path, "broken", {}),
    }
    gone["broken"].write_text("{not json", encoding="utf-8")
    os.utime(gone["broken"], (OLD, OLD))
    other = tmp_path / "storage-general.json"
    other.write_text("{}", encoding="utf-8")

    removed = remove_orphan_storage(tmp_path, [dialogue], SECRET, NOW, app_key="app-key")

    assert sorted(removed) == sorted(gone)
    assert all(path.exists() for path in keep.values())
    assert not any(path.exists() for path in gone.values())
    assert other.exists()


def test_cleanup_empties_a_loaded_storage_so_nicegui_does_not_write_it_back(tmp_path, dialogue, storage):
    write(tmp_path, "visitor", {"tokens": {}})
    write(tmp_path, "open-page", {"tokens": {}})
    storage._users.update(visitor={"tokens": {}}, **{"open-page": {"tokens": {}}})
    storage._active_request_sessions["open-page"] = 1

    assert sorted(remove_orphan_storage(tmp_path, [dialogue], SECRET, NOW)) == ["open-page", "visitor"]
    assert "visitor" not in storage._users
    assert storage._users["open-page"] == {}  # a request is using it: emptied, not taken away


def test_cleanup_judges_a_loaded_storage_by_what_it_holds_now(tmp_path, dialogue, storage):
    write(tmp_path, "logging-in", {})
    storage._users["logging-in"] = {"facilitator_key": "app-key"}  # written to disk a moment from now
    assert remove_orphan_storage(tmp_path, [dialogue], SECRET, NOW, app_key="app-key") == []


def test_the_data_folder_becomes_private(tmp_path):
    data = tmp_path / "data"
    nicegui = data / ".nicegui"
    nicegui.mkdir(parents=True, mode=0o755)
    data.chmod(0o755)
    dialogue_file = data / "de-linde.json"
    dialogue_file.write_text("{}", encoding="utf-8")
    dialogue_file.chmod(0o644)
    old_umask = os.umask(0o022)
    try:
        keep_private(data, nicegui)
        later = nicegui / "storage-user-x.json"
        later.write_text("{}", encoding="utf-8")  # as NiceGUI writes it: with the process umask
    finally:
        os.umask(old_umask)
    mode = lambda path: stat.S_IMODE(path.stat().st_mode)  # noqa: E731
    assert (mode(data), mode(nicegui), mode(dialogue_file), mode(later)) == (0o700, 0o700, 0o600, 0o600)


def test_nicegui_storage_goes_into_the_data_folder(tmp_path, monkeypatch):
    from nicegui.storage import Storage

    from facilitator_app.storage_cleanup import private_storage

    monkeypatch.setattr(Storage, "path", tmp_path / "somewhere-else")
    monkeypatch.delenv("NICEGUI_STORAGE_PATH", raising=False)
    old_umask = os.umask(0o022)
    try:
        assert private_storage(tmp_path / "data") == (tmp_path / "data" / ".nicegui").resolve()
    finally:
        os.umask(old_umask)
    assert Storage.path == (tmp_path / "data" / ".nicegui").resolve()
    assert stat.S_IMODE((tmp_path / "data" / ".nicegui").stat().st_mode) == 0o700
