"""The command for "did you feel heard?", asked once the last round has closed."""

from __future__ import annotations

from rounds import feedback as rules
from rounds.model import FeltHeard

from .changes import Changed, Saves
from .door import RoomCore


class FeedbackCommands(RoomCore):
    async def answer_felt_heard(self, actor: str, person_id: str, score: int, word: str = "") -> FeltHeard:
        """A phone answers for itself; the facilitator for someone without a phone. Again replaces the answer."""
        # A finished dialogue has no open round, so OPEN_ROUND writes the head (where the answers live) and
        # reuses every round's last JSON: the answers of a whole table never re-encode the evening.
        return await self._act(Changed.FELT_HEARD, actor, lambda d, now: rules.answer_felt_heard(
            d, actor, person_id, score, word, now), saves=Saves.OPEN_ROUND, person_id=person_id)
