"""The round that is open now, and ending its running turn. The lowest layer of the rules: people,
the talking piece and the cards all build on it, and it builds on none of them."""

from __future__ import annotations

from . import errors as e
from .errors import DomainError
from .model import Dialogue, Outcome, Round, RoundState, Turn


def open_round(dialogue: Dialogue) -> Round | None:
    return next((r for r in dialogue.rounds if r.state == RoundState.OPEN), None)


def require_open_round(dialogue: Dialogue) -> Round:
    rnd = open_round(dialogue)
    if rnd is None:
        raise DomainError(e.ROUND_NOT_OPEN)
    return rnd


def round_by_id(dialogue: Dialogue, round_id: str) -> Round:
    for rnd in dialogue.rounds:
        if rnd.id == round_id:
            return rnd
    raise DomainError(e.UNKNOWN_ROUND)


def finish_turn(rnd: Round, turn: Turn, now: float, outcome: Outcome = Outcome.SPOKE, *,
                by_facilitator: bool = False) -> Turn:
    """Record the end of a turn. Going over the speaking time is only noted, never enforced."""
    turn.ended_at = max(now, turn.started_at)
    turn.outcome = outcome
    turn.ended_by_facilitator = by_facilitator
    limit = rnd.speaking_seconds
    turn.over_time = limit is not None and (turn.ended_at - turn.started_at) > limit
    return turn
