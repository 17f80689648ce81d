"""Commands about the talking piece and the rounds: the floor, turns, notes, opening and closing."""

from __future__ import annotations

from rounds import Outcome, Round, Turn
from rounds import notes as note_rules
from rounds import talking_piece as rules

from .changes import Changed, Saves
from .door import RoomCore


class FloorCommands(RoomCore):
    async def next_speaker(self, actor: str) -> Turn:
        """"Next": whoever holds the floor is done, and the floor goes to the next in the queue."""
        return await self._act(Changed.FLOOR, actor, lambda d, now: rules.end_and_next(d, actor, now),
                               saves=Saves.OPEN_ROUND)

    async def give_floor(self, actor: str, person_id: str) -> Turn:
        return await self._act(Changed.FLOOR, actor, lambda d, now: rules.give_floor(d, actor, person_id, now),
                               saves=Saves.OPEN_ROUND)

    async def end_turn(self, actor: str, outcome: Outcome) -> Turn:
        return await self._act(Changed.FLOOR, actor, lambda d, now: rules.end_turn(d, actor, outcome, now),
                               saves=Saves.OPEN_ROUND)

    async def open_conversation(self, actor: str) -> Round:
        return await self._act(Changed.FLOOR, actor, lambda d, now: rules.start_open_conversation(d, actor),
                               saves=Saves.OPEN_ROUND)

    async def open_next_round(self, actor: str) -> Round:
        return await self._act(Changed.ROUND, actor, lambda d, now: rules.open_next_round(d, actor, now))

    async def close_round(self, actor: str, reason: str | None = None) -> Round:
        """Close when everyone is heard; earlier only with a reason (the override goes into the harvest)."""
        return await self._act(Changed.ROUND, actor, lambda d, now: rules.close_round(
            d, actor, now, override_reason=reason))

    async def set_turn_note(self, actor: str, turn_id: str, text: str) -> Turn:
        """A note belongs to its turn, whoever ended the turn, also after the round has closed."""
        return await self._act(Changed.NOTES, actor, lambda d, now: note_rules.set_turn_note(d, actor, turn_id, text),
                               saves=self._saves_for(turn_id=turn_id))

    async def set_round_notes(self, actor: str, round_id: str, text: str) -> Round:
        return await self._act(Changed.NOTES, actor, lambda d, now: note_rules.set_round_notes(
            d, actor, round_id, text), saves=self._saves_for(round_id=round_id))

    def _saves_for(self, *, round_id: str | None = None, turn_id: str | None = None) -> Saves:
        """Notes on the open round take the fast path; notes on any other round save everything."""
        rnd = rules.open_round(self.dialogue)
        if rnd is None:
            return Saves.EVERYTHING
        if round_id is not None and rnd.id == round_id:
            return Saves.OPEN_ROUND
        if turn_id is not None and any(turn.id == turn_id for turn in rnd.turns):
            return Saves.OPEN_ROUND
        return Saves.EVERYTHING
