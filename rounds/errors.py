"""Domain refusals.

Every refusal carries a machine code and the names of the people involved, so the UI can say it
plainly in the dialogue's language ("Ben heeft al gesproken; Anna en Chris wachten nog.").
"""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """A rule of the dialogue refused an action. Nothing was changed."""

    def __init__(self, code: str, names: tuple[str, ...] | list[str] = (), **details: Any) -> None:
        self.code = code
        self.names = tuple(names)
        self.details = details
        super().__init__(f"{code}: {', '.join(self.names)} {details or ''}".strip())


# Codes, grouped by what they protect. The UI catalog has one message per code.
NOT_FACILITATOR = "not_facilitator"
NOT_YOUR_TURN = "not_your_turn"
NOT_YOUR_CARD = "not_your_card"
UNKNOWN_PARTICIPANT = "unknown_participant"
UNKNOWN_CARD = "unknown_card"
UNKNOWN_ROUND = "unknown_round"
UNKNOWN_TURN = "unknown_turn"

NAME_EMPTY = "name_empty"
NAME_TOO_LONG = "name_too_long"
NAME_CONTROL_CHARS = "name_control_chars"
TEXT_EMPTY = "text_empty"
TEXT_TOO_LONG = "text_too_long"
TEXT_CONTROL_CHARS = "text_control_chars"
REASON_REQUIRED = "reason_required"
INVALID_VALUE = "invalid_value"

DIALOGUE_FULL = "dialogue_full"
JOINING_LOCKED = "joining_locked"
REMOVED = "removed"
DIALOGUE_FINISHED = "dialogue_finished"
DIALOGUE_NOT_PREPARING = "dialogue_not_preparing"
DIALOGUE_NOT_RUNNING = "dialogue_not_running"
NO_ROUNDS = "no_rounds"

ROUND_NOT_OPEN = "round_not_open"
ROUND_NOT_PENDING = "round_not_pending"
ROUND_STILL_OPEN = "round_still_open"
NO_NEXT_ROUND = "no_next_round"
NOT_EVERYONE_HEARD = "not_everyone_heard"
SOMEONE_SPEAKING = "someone_speaking"
NOBODY_SPEAKING = "nobody_speaking"
ALREADY_HAD_TURN = "already_had_turn"
ALREADY_DONE = "already_done"
NOT_PRESENT = "not_present"
EVERYONE_HEARD = "everyone_heard"
GO_AROUND_NOT_COMPLETE = "go_around_not_complete"

NO_CARDS_THIS_ROUND = "no_cards_this_round"
TOO_MANY_CARDS = "too_many_cards"
NOT_A_VOTE_ROUND = "not_a_vote_round"
CARD_NOT_VOTABLE = "card_not_votable"
NO_DOTS_LEFT = "no_dots_left"
NO_DOT_HERE = "no_dot_here"
CARD_HAS_DOTS = "card_has_dots"
