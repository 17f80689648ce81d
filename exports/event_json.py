"""An event as one JSON file, to carry a venue's tables to the organiser's laptop (issue 11, several laptops).

Each table's dialogue is in it as its own harvest JSON (exports/json_io.py: consent applied, no key, no
device tokens). The event record goes without the organiser's and hosts' key hashes and without the
sign-up list: the harvest needs the tables, not who signed up. Reading checks everything, like a
dialogue's import: size and nesting first, then the event record and every table.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from rounds import Dialogue
from rounds.events import Event, EventTable
from rounds.events.integrity import check_event
from rounds.events.serialize import event_from_dict, event_to_dict
from rounds.events.tables import planned_tables
from rounds.integrity import IntegrityProblem

from .json_io import MAX_IMPORT_BYTES, ImportProblem, from_json, read_envelope, to_json

EVENT_FORMAT = "wijkdialoog-event"
EVENT_SCHEMA = 1
MAX_EVENT_IMPORT_BYTES = 200 * 1024 * 1024  # 137 tables of a long day, each far below MAX_IMPORT_BYTES


@dataclass
class EventExport:
    event: Event
    tables: list[tuple[EventTable, Dialogue]]  # the planned tables that have a dialogue, in table order
    exported_at: float


def event_to_json(event: Event, dialogues: dict[str, Dialogue], now: float, origins: dict[str, str]) -> str:
    """`dialogues`: table id -> dialogue; `origins`: table id -> origin (see rounds/events/merge.py)."""
    record = event_to_dict(event)
    record["organiser_key_hash"] = ""
    record["people"] = []
    tables: dict[str, Any] = {}
    for table in record["tables"]:
        table["host_key_hash"], table["seats"] = "", []
        if table["id"] in origins:
            table["origin"] = origins[table["id"]]
    for table in planned_tables(event):
        if table.id in dialogues:
            tables[table.id] = json.loads(to_json(dialogues[table.id]))
    envelope = {"format": EVENT_FORMAT, "schema_version": EVENT_SCHEMA, "exported_at": now,
                "event": record, "tables": tables}
    return json.dumps(envelope, ensure_ascii=False) + "\n"


def event_from_json(raw: str | bytes) -> EventExport:
    """Raises ImportProblem (codes as for a dialogue: too_big, not_json, not_harvest, newer, damaged)."""
    envelope = read_envelope(raw, fmt=EVENT_FORMAT, schema=EVENT_SCHEMA, max_bytes=MAX_EVENT_IMPORT_BYTES)
    exported_at = envelope.get("exported_at")
    tables = envelope.get("tables")
    if not isinstance(exported_at, (int, float)) or isinstance(exported_at, bool) or not isinstance(tables, dict):
        raise ImportProblem("damaged", "envelope")
    try:
        event = event_from_dict(envelope.get("event"))
        check_event(event)
    except IntegrityProblem as problem:
        raise ImportProblem("damaged", problem.reason) from None
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ImportProblem("damaged", f"event: {type(exc).__name__}") from None
    found: list[tuple[EventTable, Dialogue]] = []
    for table in planned_tables(event):
        data = tables.get(table.id)
        if data is None:
            continue
        text = json.dumps(data, ensure_ascii=False)
        if len(text) > MAX_IMPORT_BYTES:
            raise ImportProblem("too_big", table.id)
        found.append((table, from_json(text)))
    return EventExport(event, found, float(exported_at))
