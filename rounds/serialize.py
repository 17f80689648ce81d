"""Dialogue <-> plain dict (JSON-ready). Pure: the store and the JSON export both use it."""

from __future__ import annotations

from typing import Any

from .model import (
    Card,
    CardKind,
    Dialogue,
    FeltHeard,
    Outcome,
    Override,
    Participant,
    Removal,
    Role,
    Round,
    RoundState,
    Status,
    Turn,
    Vote,
)


def _fields(obj: Any) -> dict[str, Any]:
    # vars() instead of dataclasses.asdict: asdict deep-copies and took 90 ms for a big dialogue.
    # Enum values stay StrEnum members: they are str, compare equal to str and dump as str.
    return dict(vars(obj))


def round_to_dict(rnd: Round) -> dict[str, Any]:
    data = _fields(rnd)
    data["vote_on_rounds"] = list(rnd.vote_on_rounds)
    data["planned_order"] = list(rnd.planned_order) if rnd.planned_order is not None else None
    data["order"] = list(rnd.order)
    data["turns"] = [_fields(t) for t in rnd.turns]
    data["cards"] = [_fields(c) for c in rnd.cards]
    data["votes"] = [_fields(v) for v in rnd.votes]
    data["override"] = _fields(rnd.override) | {"not_heard": list(rnd.override.not_heard)} if rnd.override else None
    return data


def dialogue_to_dict(dialogue: Dialogue, *, with_rounds: bool = True) -> dict[str, Any]:
    data = _fields(dialogue)
    data["rounds"] = [round_to_dict(r) for r in dialogue.rounds] if with_rounds else []
    data["participants"] = [_fields(p) for p in dialogue.participants]
    data["removals"] = [_fields(r) for r in dialogue.removals]
    data["blocked_tokens"] = list(dialogue.blocked_tokens)
    data["felt_heard"] = [_fields(a) for a in dialogue.felt_heard]
    return data


def _turn(data: dict[str, Any]) -> Turn:
    outcome = data.get("outcome")
    return Turn(**{**data, "outcome": Outcome(outcome) if outcome else None})


def _round(data: dict[str, Any]) -> Round:
    override = data.get("override")
    return Round(
        **{
            **data,
            "card_kind": CardKind(data["card_kind"]),
            "state": RoundState(data["state"]),
            "turns": [_turn(t) for t in data.get("turns", [])],
            "cards": [Card(**{**c, "kind": CardKind(c["kind"])}) for c in data.get("cards", [])],
            "votes": [Vote(**v) for v in data.get("votes", [])],
            "override": Override(**override) if override else None,
        }
    )


def dialogue_from_dict(data: dict[str, Any]) -> Dialogue:
    """Rebuild a dialogue. Raises KeyError, TypeError or ValueError on a malformed dict."""
    return Dialogue(
        **{
            **data,
            "status": Status(data["status"]),
            "rounds": [_round(r) for r in data.get("rounds", [])],
            "participants": [
                Participant(**{**p, "role": Role(p["role"])}) for p in data.get("participants", [])
            ],
            "removals": [Removal(**r) for r in data.get("removals", [])],
            "blocked_tokens": list(data.get("blocked_tokens", [])),
            "felt_heard": [FeltHeard(**a) for a in data.get("felt_heard", [])],  # absent in files from before
        }
    )
