"""The event records on disk: one JSON file per event in `<data>/events/`, written like a dialogue's.

An event's file holds the event record (tables, people, key hashes) and its plenary wall. The tables'
dialogues stay ordinary dialogue files beside the others, so everything that works for a dialogue
(export, harvest, the damaged-file page) works for a table.
"""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path
from typing import Any

from slugify import slugify

from rounds.events import Event
from rounds.events.integrity import check_event
from rounds.events.serialize import event_from_dict, event_to_dict
from rounds.events.wall import Wall, new_wall
from rounds.events.wall_integrity import check_wall
from rounds.events.wall_serialize import wall_from_dict, wall_to_dict
from rounds.integrity import IntegrityProblem

from ..store import AtomicJSONStorage, StoreError

EVENT_SCHEMA = 1
EVENTS_FOLDER = "events"


class EventStore:
    """Loads and saves event records. One lock: saves run in a worker thread while pages read."""

    def __init__(self, data_dir: str | Path) -> None:
        self.folder = Path(data_dir) / EVENTS_FOLDER
        self.folder.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(OSError):
            self.folder.chmod(0o700)  # like the data folder: keys' hashes and sign-up names live here
        self._lock = threading.RLock()

    def path_for(self, slug: str) -> Path:
        return self.folder / f"{slug}.json"

    def slugs(self) -> list[str]:
        return sorted(p.stem for p in self.folder.glob("*.json") if not p.name.startswith("."))

    def exists(self, slug: str) -> bool:
        return self.path_for(slug).exists()

    def unique_slug(self, title: str) -> str:
        base = slugify(title, max_length=60, word_boundary=True) or "dag-van-de-dialoog"
        slug, n = base, 2
        while self.path_for(slug).exists():
            slug, n = f"{base}-{n}", n + 1
        return slug

    def save(self, event: Event, wall: Wall) -> None:
        data = {"schema": EVENT_SCHEMA, "event": event_to_dict(event), "wall": wall_to_dict(wall)}
        with self._lock:
            AtomicJSONStorage(self.path_for(event.slug)).write(data)

    def load(self, slug: str) -> tuple[Event, Wall]:
        """The event and its wall, checked as a whole. Raises StoreError for a file that cannot be used."""
        path = self.path_for(slug)
        with self._lock:
            data = AtomicJSONStorage(path).read()
        if data is None:
            raise StoreError("unreadable", path, "no such event")
        return parse_event_file(data, path, slug)


def parse_event_file(data: dict[str, Any], path: Path, slug: str | None = None) -> tuple[Event, Wall]:
    """Rebuild and check an event file's content (also an event exported from another laptop)."""
    if data.get("schema") != EVENT_SCHEMA:
        raise StoreError("unknown_schema", path, f"schema {data.get('schema')!r}")
    try:
        event = event_from_dict(data.get("event"))
        if slug is not None:
            event.slug = slug  # the file name is the slug, as for a dialogue
        check_event(event)
        wall_data = data.get("wall")
        problems = check_wall(wall_data) if wall_data is not None else []
        if problems:
            raise IntegrityProblem(f"wall: {problems[0]}")
        wall = wall_from_dict(wall_data) if wall_data is not None else new_wall()
    except IntegrityProblem as problem:
        raise StoreError("damaged", path, problem.reason) from None
    except (ValueError, TypeError, KeyError, AttributeError) as err:
        raise StoreError("damaged", path, f"malformed event: {type(err).__name__}") from None
    return event, wall
