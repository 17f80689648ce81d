"""Event <-> plain dict (JSON-ready), like rounds/serialize.py for a dialogue. Pure."""

from __future__ import annotations

from typing import Any

from ..model import Role
from .model import Event, EventTable, SignUp, TableStatus


def event_to_dict(event: Event) -> dict[str, Any]:
    # vars() rather than asdict: no deep copy; StrEnum members are str and dump as str.
    data = dict(vars(event))
    data["places"] = list(event.places)
    data["tables"] = [dict(vars(t)) | {"seats": list(t.seats)} for t in event.tables]
    data["people"] = [
        dict(vars(p)) | {"together": list(p.together), "apart": list(p.apart)} for p in event.people
    ]
    return data


def _table(data: dict[str, Any]) -> EventTable:
    return EventTable(**{**data, "status": TableStatus(data["status"]), "seats": list(data.get("seats", []))})


def _person(data: dict[str, Any]) -> SignUp:
    return SignUp(
        **{
            **data,
            "role": Role(data["role"]),
            "together": list(data.get("together", [])),
            "apart": list(data.get("apart", [])),
        }
    )


def event_from_dict(data: dict[str, Any]) -> Event:
    """Rebuild an event. Raises KeyError, TypeError or ValueError on a malformed dict; check it with check_event."""
    if not isinstance(data, dict):
        raise TypeError("an event is a JSON object")
    return Event(
        **{
            **data,
            "places": list(data.get("places", [])),
            "tables": [_table(t) for t in data.get("tables", [])],
            "people": [_person(p) for p in data.get("people", [])],
        }
    )
