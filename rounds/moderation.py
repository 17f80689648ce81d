"""For a crowded or hostile room: lock joining, and take someone out of the dialogue.

Taking someone out removes them with everything they put in: their cards, their dots (and the dots
others put on their cards), their turns and their place in every order. What stays is a count without a
name (`Removal`), so the harvest can say that something was taken out, and their device, so the same
phone cannot simply join again.
"""

from __future__ import annotations

from .feedback import forget_answer_of
from .model import Dialogue, Removal
from .people import participant, require_facilitator


def lock_joining(dialogue: Dialogue, actor: str, locked: bool) -> Dialogue:
    require_facilitator(actor)
    dialogue.joining_locked = bool(locked)
    return dialogue


def remove_person(dialogue: Dialogue, actor: str, participant_id: str, now: float) -> Removal:
    require_facilitator(actor)
    person = participant(dialogue, participant_id)
    their_cards = {c.id for rnd in dialogue.rounds for c in rnd.cards if c.author_id == participant_id}
    dots = 0
    for rnd in dialogue.rounds:
        dots += sum(1 for v in rnd.votes if v.participant_id == participant_id)
        rnd.votes = [v for v in rnd.votes if v.participant_id != participant_id and v.card_id not in their_cards]
        rnd.cards = [c for c in rnd.cards if c.author_id != participant_id]
        rnd.turns = [t for t in rnd.turns if t.participant_id != participant_id]
        rnd.order = [pid for pid in rnd.order if pid != participant_id]
        if rnd.planned_order is not None:
            rnd.planned_order = [pid for pid in rnd.planned_order if pid != participant_id]
        if rnd.override is not None:
            rnd.override.not_heard = [pid for pid in rnd.override.not_heard if pid != participant_id]
    # Their running turn, if any, went with their turns: the floor is free again.
    forget_answer_of(dialogue, participant_id)  # "did you feel heard?" goes with the rest
    dialogue.participants.remove(person)
    if person.token:
        dialogue.blocked_tokens.append(person.token)
    removal = Removal(at=now, cards=len(their_cards), dots=dots)
    dialogue.removals.append(removal)
    return removal
