"""What the facilitator writes down: a note per turn and notes per round, at any time, also after closing."""

from __future__ import annotations

from . import errors as e
from .current import round_by_id
from .errors import DomainError
from .model import MAX_ROUND_NOTES_CHARS, MAX_TURN_NOTE_CHARS, Dialogue, Round, Turn
from .people import require_facilitator
from .text import clean_text


def set_round_notes(dialogue: Dialogue, actor: str, round_id: str, text: str) -> Round:
    require_facilitator(actor)
    rnd = round_by_id(dialogue, round_id)
    rnd.notes = clean_text(text, MAX_ROUND_NOTES_CHARS, allow_empty=True)
    return rnd


def find_turn(dialogue: Dialogue, turn_id: str) -> tuple[Round, Turn]:
    for rnd in dialogue.rounds:
        for turn in rnd.turns:
            if turn.id == turn_id:
                return rnd, turn
    raise DomainError(e.UNKNOWN_TURN)


def set_turn_note(dialogue: Dialogue, actor: str, turn_id: str, text: str) -> Turn:
    """A note belongs to its turn, whoever ended the turn and whenever the typing stops."""
    require_facilitator(actor)
    _, turn = find_turn(dialogue, turn_id)
    turn.note = clean_text(text, MAX_TURN_NOTE_CHARS, allow_empty=True)
    return turn
