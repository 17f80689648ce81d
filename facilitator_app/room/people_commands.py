"""Commands about who is at the table: join, add someone without a phone, rename, left, back."""

from __future__ import annotations

from rounds import Dialogue, Participant, Removal, Role, moderation
from rounds import people as rules

from .changes import Changed, Saves
from .door import NEWCOMER, RoomCore


class PeopleCommands(RoomCore):
    async def join(self, token: str, name: str, role: str | Role, *, consent: bool = False) -> Participant:
        """A phone joins. The same device token joining again gets the same person back."""
        return await self._act(Changed.PEOPLE, NEWCOMER, lambda d, now: rules.join(
            d, name, role, now, token=token, name_in_report=consent), saves=Saves.OPEN_ROUND)

    async def add_person_without_phone(self, actor: str, name: str, role: str | Role, *,
                                       consent: bool = False) -> Participant:
        rules.require_facilitator(actor)
        return await self._act(Changed.PEOPLE, actor, lambda d, now: rules.join(
            d, name, role, now, has_phone=False, name_in_report=consent), saves=Saves.OPEN_ROUND)

    async def rename(self, actor: str, person_id: str, *, name: str | None = None, role: str | Role | None = None,
                     consent: bool | None = None) -> Participant:
        return await self._act(Changed.PEOPLE, actor, lambda d, now: rules.rename(
            d, actor, person_id, name=name, role=role, name_in_report=consent), person_id=person_id)

    async def mark_left(self, actor: str, person_id: str) -> Participant:
        return await self._act(Changed.PEOPLE, actor, lambda d, now: rules.mark_left(d, actor, person_id, now),
                               saves=Saves.OPEN_ROUND, person_id=person_id)

    async def mark_back(self, actor: str, person_id: str) -> Participant:
        return await self._act(Changed.PEOPLE, actor, lambda d, now: rules.mark_back(d, actor, person_id),
                               saves=Saves.OPEN_ROUND, person_id=person_id)

    async def lock_joining(self, actor: str, locked: bool) -> Dialogue:
        """No new phones may join (people who joined before come back as usual)."""
        return await self._act(Changed.PEOPLE, actor, lambda d, now: moderation.lock_joining(d, actor, locked))

    async def remove_person(self, actor: str, person_id: str) -> Removal:
        """Take someone out, with their cards and dots; the harvest counts it without a name."""
        return await self._act(Changed.REMOVED, actor, lambda d, now: moderation.remove_person(
            d, actor, person_id, now), person_id=person_id)
