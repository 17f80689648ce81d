"""Removes NiceGUI user-storage files that belong to nobody, and keeps the data folder private.

A file `storage-user-<browser id>.json` is kept when that browser is the device of a participant in
some dialogue, or holds the app's key (the facilitator). Anything else (from a visitor who never
joined, an earlier version, or someone removed from a dialogue) is deleted once it is older than
ORPHAN_AGE, so a file being written for someone who is joining right now is left alone.
"""

from __future__ import annotations

import json
import logging
import os
import stat
import time
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nicegui import app
from nicegui.storage import Storage

from .room import Room
from .visitor_storage import EVENT_KEYS, FACILITATOR_KEY, TOKENS, device_token

if TYPE_CHECKING:
    from rounds import Dialogue

    from .room import Rooms

log = logging.getLogger(__name__)

ORPHAN_AGE = 600.0  # seconds
PREFIX, SUFFIX = "storage-user-", ".json"


def _belongs_to_someone(browser_id: str, data: Mapping[str, Any], tokens: Mapping[str, set[str]], secret: str,
                        app_key: str | None, keeps_grant: Callable[[str, str], bool] | None = None) -> bool:
    key = data.get(FACILITATOR_KEY)
    if isinstance(key, str) and key and (app_key is None or key == app_key):
        return True
    grants = data.get(EVENT_KEYS)
    if keeps_grant is not None and isinstance(grants, dict) and any(
            isinstance(k, str) and keeps_grant(g, k) for g, k in grants.items()):
        return True  # an organiser's or a table host's browser, with a key that still works
    if any(device_token(secret, browser_id, slug) in known for slug, known in tokens.items()):
        return True
    stored = data.get(TOKENS)
    return isinstance(stored, dict) and any(stored.get(slug) in known for slug, known in tokens.items())


def _read(path: Path) -> Mapping[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # unreadable or half-written: it cannot prove it belongs to anyone
    return data if isinstance(data, dict) else {}


def remove_orphan_storage(storage_dir: Path, dialogues: Iterable[Dialogue], secret: str, now: float, *,
                          app_key: str | None = None, max_age: float = ORPHAN_AGE,
                          keeps_grant: Callable[[str, str], bool] | None = None) -> list[str]:
    """Deletes the orphan user-storage files in `storage_dir`; returns the browser ids removed.

    `app_key` is the key this app accepts; without it, any stored key counts. A storage NiceGUI has
    loaded in memory is judged by what it holds now, and emptied too, so it is not written back.
    """
    tokens = {d.slug: {p.token for p in d.participants if p.token} for d in dialogues}
    loaded = app.storage._users  # noqa: SLF001 - NiceGUI has no public way to reach a loaded user storage
    removed: list[str] = []
    for path in sorted(Path(storage_dir).glob(f"{PREFIX}*{SUFFIX}")):
        browser_id = path.name[len(PREFIX):-len(SUFFIX)]
        try:
            if now - path.stat().st_mtime < max_age:
                continue
        except FileNotFoundError:
            continue
        in_memory = loaded.get(browser_id)
        data = in_memory if in_memory else _read(path)
        if _belongs_to_someone(browser_id, data, tokens, secret, app_key, keeps_grant):
            continue
        if in_memory is not None:
            in_memory.clear()  # an open page may still use it; empty, NiceGUI no longer writes it
            if browser_id not in app.storage._active_request_sessions:  # noqa: SLF001
                loaded.pop(browser_id, None)  # NiceGUI makes a fresh one on this browser's next request
        path.unlink(missing_ok=True)
        path.with_name(path.name + ".tmp").unlink(missing_ok=True)
        removed.append(browser_id)
    if removed:
        log.info("removed %d user storage files that belong to nobody", len(removed))
    return removed


def remove_orphan_storage_now(rooms: Rooms, secret: str, app_key: str, now: float | None = None,
                              keeps_grant: Callable[[str, str], bool] | None = None) -> list[str]:
    """The job at start and every few minutes. Every dialogue that can be read counts; a damaged file
    cannot name its people, but its phones lose only card drafts (they are known by their cookie)."""
    dialogues = [room.dialogue for room in rooms.all() if isinstance(room, Room)]
    return remove_orphan_storage(app.storage.path, dialogues, secret, time.time() if now is None else now,
                                 app_key=app_key, keeps_grant=keeps_grant)


def private_storage(data_dir: Path) -> Path:
    """At start, before the first request: NiceGUI's user storage in <data dir>/.nicegui (or in
    NICEGUI_STORAGE_PATH if set), and the data folder and that storage readable by their owner only.

    NiceGUI reads NICEGUI_STORAGE_PATH when it is first imported, and the CLI sets it only after
    modules that import nicegui are loaded, so the path is set here again, where it cannot come too late.
    """
    storage_dir = Path(os.environ.get("NICEGUI_STORAGE_PATH") or Path(data_dir) / ".nicegui").resolve()
    Storage.path = storage_dir
    keep_private(data_dir, storage_dir)
    return storage_dir


def keep_private(data_dir: Path, storage_dir: Path) -> None:
    """Makes the data folder and NiceGUI's storage readable by their owner only (0700 folders, 0600 files).

    The umask covers everything written from now on, by the store and by NiceGUI; the chmod fixes what
    an earlier run left readable for everyone.
    """
    os.umask(0o077)
    for folder in (Path(data_dir), Path(storage_dir)):
        folder.mkdir(parents=True, exist_ok=True)
        folder.chmod(stat.S_IRWXU)
        for path in folder.iterdir():
            try:
                if path.is_symlink():
                    continue
                path.chmod(stat.S_IRWXU if path.is_dir() else stat.S_IRUSR | stat.S_IWUSR)
            except OSError as err:  # e.g. a file another user put there; the rest still gets fixed
                log.warning("could not make %s private: %s", path, err)
