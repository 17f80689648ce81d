"""The gate: the final harvest exists only once every round is closed.

The facilitator sees exactly what is missing, by name: "Ronde 3: Ben en Chris zijn nog niet gehoord".
These messages are for the facilitator, not for the harvest, so they use people's real names.
"""

from __future__ import annotations

from rounds import Dialogue, RoundState, Status
from rounds.people import names
from rounds.talking_piece import not_heard

from .strings import join_names, lang_of, t


class HarvestNotReady(Exception):
    """The dialogue is not finished. `missing` says what is missing, in the dialogue's language."""

    def __init__(self, missing: list[str], lang: str) -> None:
        self.missing, self.lang = missing, lang
        super().__init__(message(missing, lang))


def missing_for_harvest(dialogue: Dialogue) -> list[str]:
    """What still has to happen before the harvest can be made; empty when it can."""
    lang = lang_of(dialogue.language)
    if not dialogue.rounds:
        return [t(lang, "gate_no_rounds")]
    missing: list[str] = []
    for number, rnd in enumerate(dialogue.rounds, start=1):
        if rnd.state == RoundState.PENDING:
            missing.append(t(lang, "gate_pending", n=number))
        elif rnd.state == RoundState.OPEN:
            waiting = names(dialogue, not_heard(dialogue, rnd))
            if waiting:
                key = "gate_not_heard_one" if len(waiting) == 1 else "gate_not_heard"
                missing.append(t(lang, key, n=number, names=join_names(lang, waiting)))
            else:
                missing.append(t(lang, "gate_open", n=number))
    if not missing and dialogue.status != Status.FINISHED:
        missing.append(t(lang, "gate_not_finished"))
    return missing


def message(missing: list[str], lang: str) -> str:
    """The whole refusal as one text, one missing thing per line."""
    return "\n".join([t(lang, "gate_intro"), *(f"- {line}" for line in missing)])


def require_finished(dialogue: Dialogue) -> None:
    missing = missing_for_harvest(dialogue)
    if missing:
        raise HarvestNotReady(missing, lang_of(dialogue.language))
