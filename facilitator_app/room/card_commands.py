"""Commands about cards and dots: write, edit, take back, hide, and vote (also on someone's behalf)."""

from __future__ import annotations

from rounds import Card, Vote
from rounds import cards as rules

from .changes import Changed, Saves
from .door import RoomCore


class CardCommands(RoomCore):
    async def add_card(self, actor: str, author_id: str, text: str) -> Card:
        """A card in the open round; the facilitator may write one on behalf of someone without a phone."""
        return await self._act(Changed.CARDS, actor, lambda d, now: rules.add_card(d, actor, author_id, text, now),
                               saves=Saves.OPEN_ROUND, person_id=author_id, card_added=True)

    async def edit_card(self, actor: str, card_id: str, text: str) -> Card:
        return await self._act(Changed.CARDS, actor, lambda d, now: rules.edit_card(d, actor, card_id, text, now),
                               saves=Saves.OPEN_ROUND, person_id=actor)

    async def delete_card(self, actor: str, card_id: str) -> Card:
        return await self._act(Changed.CARDS, actor, lambda d, now: rules.delete_card(d, actor, card_id),
                               saves=Saves.OPEN_ROUND, person_id=actor)

    async def set_card_hidden(self, actor: str, card_id: str, hidden: bool) -> Card:
        return await self._act(Changed.CARDS, actor, lambda d, now: rules.set_hidden(d, actor, card_id, hidden))

    async def place_dot(self, actor: str, person_id: str, card_id: str) -> Vote:
        return await self._act(Changed.VOTES, actor, lambda d, now: rules.place_dot(d, actor, person_id, card_id, now),
                               saves=Saves.OPEN_ROUND, person_id=person_id)

    async def remove_dot(self, actor: str, person_id: str, card_id: str) -> Vote:
        return await self._act(Changed.VOTES, actor, lambda d, now: rules.remove_dot(d, actor, person_id, card_id),
                               saves=Saves.OPEN_ROUND, person_id=person_id)
