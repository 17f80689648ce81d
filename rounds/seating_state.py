"""The state of a seating search: who sits where, and what that costs. Used by seating_search.py.

One cost, lower is better, with weights far apart so the priorities never trade against each other:
a seat missing below the minimum, or a table without a resident or without a professional or
municipality person, costs more than any wish; a wish (together split, apart shared) costs more than
any unevenness of table sizes and roles.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from .events.model import PROFESSIONAL_ROLES, SignUp
from .model import Role

W_SEAT = 1_000_000  # per seat missing below the minimum at a table in use
W_MIX = 1_000_000  # per table in use without a resident, and per table without a professional
W_WISH = 10_000  # per together wish split, per apart wish at one table

ROLES = list(Role)  # a role as an index into the counts per table
RESIDENT = ROLES.index(Role.RESIDENT)
PROFESSIONAL = [ROLES.index(r) for r in Role if r in PROFESSIONAL_ROLES]


def _mutual(people: Sequence[SignUp], kind: str) -> dict[str, list[str]]:
    """A wish written by one person holds for both: "Anna with Ben" keeps Ben with Anna too."""
    present = {p.id for p in people}
    links: dict[str, list[str]] = {p.id: [] for p in people}
    for person in people:
        for other in getattr(person, kind):
            if other in present and other != person.id:
                if other not in links[person.id]:
                    links[person.id].append(other)
                if person.id not in links[other]:
                    links[other].append(person.id)
    return links


class SeatingState:
    """Tables 0..n-1 with their people, counts per role and cost, kept up to date by `place`."""

    def __init__(self, people: Sequence[SignUp], targets: list[int], min_per_table: int, max_per_table: int,
                 rng: random.Random) -> None:
        self.people = list(people)
        self.targets = targets
        self.min, self.max = min_per_table, max_per_table
        self.rng = rng
        self.role = {p.id: ROLES.index(p.role) for p in people}
        self.together = _mutual(people, "together")
        self.apart = _mutual(people, "apart")
        count = len(targets)
        self.at: dict[str, int] = {}
        self.members: list[list[str]] = [[] for _ in range(count)]
        self.size = [0] * count
        self.counts = [[0] * len(ROLES) for _ in range(count)]
        self.cost = [self.table_cost(0, self.counts[t]) for t in range(count)]
        self.evaluations = 0
        self.frozen: set[str] = set()  # people the repair may not move (just after a shake-up)
        residents = sum(1 for r in self.role.values() if r == RESIDENT)
        professionals = sum(1 for r in self.role.values() if r in PROFESSIONAL)
        # What the numbers allow: fewer residents than tables leaves some tables without one, whatever we do.
        self.unavoidable_without_resident = max(0, count - residents)
        self.unavoidable_without_professional = max(0, count - professionals)
        self.size_reachable = len(self.people) >= count * self.min

    def table_cost(self, size: int, counts: list[int]) -> int:
        # Called for every exchange the search weighs, hence plain loops instead of generators.
        cost = 2 * size * size
        if size < self.min:
            cost += W_SEAT * (self.min - size)
        if counts[RESIDENT] == 0:
            cost += W_MIX
        professionals = 0
        for index in PROFESSIONAL:
            professionals += counts[index]
        if professionals == 0:
            cost += W_MIX
        for count in counts:
            cost += count * count
        return cost

    def delta(self, changes: dict[str, int]) -> int | None:
        """How much the cost changes if each person in `changes` moves to the table given; None if it cannot."""
        self.evaluations += 1
        if self.frozen and any(pid in self.frozen for pid in changes):
            return None
        affected: dict[int, tuple[list[int], list[int]]] = {}
        for pid, new in changes.items():
            for table, sign in ((self.at[pid], -1), (new, 1)):
                if table not in affected:
                    affected[table] = ([self.size[table]], self.counts[table][:])
                size, counts = affected[table]
                size[0] += sign
                counts[self.role[pid]] += sign
        total = 0
        for table, (size, counts) in affected.items():
            if size[0] > self.max:
                return None
            total += self.table_cost(size[0], counts) - self.cost[table]
        for pid, new in changes.items():
            old = self.at[pid]
            for kind, split_is_bad in ((self.together, True), (self.apart, False)):
                for other in kind[pid]:
                    if other in changes and other < pid:
                        continue  # a pair that moves together is counted once
                    after = (new != changes.get(other, self.at[other])) == split_is_bad
                    before = (old != self.at[other]) == split_is_bad
                    total += W_WISH * (after - before)
        return total

    def place(self, pid: str, table: int) -> None:
        if pid in self.at:
            old = self.at[pid]
            self.members[old].remove(pid)
            self.size[old] -= 1
            self.counts[old][self.role[pid]] -= 1
            self.cost[old] = self.table_cost(self.size[old], self.counts[old])
        self.at[pid] = table
        self.members[table].append(pid)
        self.size[table] += 1
        self.counts[table][self.role[pid]] += 1
        self.cost[table] = self.table_cost(self.size[table], self.counts[table])

    def troubled_people(self) -> list[str]:
        return [p.id for p in self.people
                if any(self.at[o] != self.at[p.id] for o in self.together[p.id])
                or any(self.at[o] == self.at[p.id] for o in self.apart[p.id])]

    def troubled_tables(self) -> list[int]:
        count = len(self.targets)
        without_resident = [t for t in range(count) if self.counts[t][RESIDENT] == 0]
        without_professional = [t for t in range(count) if not any(self.counts[t][i] for i in PROFESSIONAL)]
        troubled = [t for t in range(count) if self.size_reachable and self.size[t] < self.min]
        if len(without_resident) > self.unavoidable_without_resident:
            troubled += without_resident
        if len(without_professional) > self.unavoidable_without_professional:
            troubled += without_professional
        return list(dict.fromkeys(troubled))

    def block(self, pid: str) -> list[str]:
        """`pid` and everyone at the same table joined to them by together-wishes: they move as one."""
        home, block = self.at[pid], [pid]
        for current in block:
            block.extend(o for o in self.together[current] if self.at[o] == home and o not in block)
        return block

    def broken_pairs(self) -> int:
        broken = sum(1 for p in self.people for o in self.together[p.id] if self.at[o] != self.at[p.id])
        broken += sum(1 for p in self.people for o in self.apart[p.id] if self.at[o] == self.at[p.id])
        return broken // 2  # each pair is seen from both sides

    def fixable(self) -> bool:
        """Something is still wrong that the numbers might allow to be right."""
        return bool(self.broken_pairs() or self.troubled_tables())

    def total(self) -> int:
        return sum(self.cost) + W_WISH * self.broken_pairs()

    def assignment(self) -> dict[str, int]:
        return dict(self.at)

    def load(self, assignment: dict[str, int]) -> None:
        for pid, table in assignment.items():
            if self.at[pid] != table:
                self.place(pid, table)
