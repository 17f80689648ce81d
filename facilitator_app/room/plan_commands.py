"""Commands for preparing: edit the rounds, plan or shuffle the speaking order of a round to come."""

from __future__ import annotations

import random

from rounds import Round
from rounds import preparation as rules
from rounds.talking_piece import initial_order

from .changes import Changed
from .door import RoomCore


class PlanCommands(RoomCore):
    async def plan_order(self, actor: str, round_id: str, person_ids: list[str] | None) -> Round:
        return await self._act(Changed.PLAN, actor, lambda d, now: rules.plan_round_order(d, actor, round_id,
                                                                                         person_ids))

    async def move_in_order(self, actor: str, round_id: str, person_id: str, step: int) -> Round:
        """Move one person up (-1) or down (+1) in the planned order of a round to come."""
        def move(d, now):
            rnd = rules.round_by_id(d, round_id)
            order = initial_order(d, rnd, d.rounds.index(rnd))
            if person_id in order:
                i = order.index(person_id)
                j = min(max(i + step, 0), len(order) - 1)
                order[i], order[j] = order[j], order[i]
            return rules.plan_round_order(d, actor, round_id, order)
        return await self._act(Changed.PLAN, actor, move)

    async def shuffle_order(self, actor: str, round_id: str, rng: random.Random | None = None) -> Round:
        chosen = rng or random.Random()
        return await self._act(Changed.PLAN, actor, lambda d, now: rules.shuffle_round_order(d, actor, round_id,
                                                                                            chosen))

    async def add_round(self, actor: str, title: str, question: str) -> Round:
        return await self._act(Changed.PLAN, actor, lambda d, now: rules.add_round(d, actor, title, question))

    async def remove_round(self, actor: str, round_id: str) -> Round:
        return await self._act(Changed.PLAN, actor, lambda d, now: rules.remove_round(d, actor, round_id))

    async def move_round(self, actor: str, round_id: str, new_index: int) -> Round:
        return await self._act(Changed.PLAN, actor, lambda d, now: rules.move_round(d, actor, round_id, new_index))

    async def update_round(self, actor: str, round_id: str, **fields) -> Round:
        """Title, question, card kind, speaking time, dot vote: see rounds.preparation.update_round."""
        return await self._act(Changed.PLAN, actor, lambda d, now: rules.update_round(d, actor, round_id, **fields))
