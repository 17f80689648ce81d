"""The search behind rounds.seating.plan_seating: deal whole groups out greedily, then repair locally.

The cost and its weights are in seating_state.py. Repair only looks at what is wrong (a broken wish, a table
short of people or of a role), so a large event stays fast. Pure and deterministic: all randomness
comes from the `random.Random` passed in, and nothing iterates over a set.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence

from .events.model import SignUp
from .seating_state import PROFESSIONAL, RESIDENT, W_MIX, W_WISH, SeatingState

W_FILL = 5_000  # dealing: per person above a table's target size (repair evens it out later)
MAX_PASSES = 30
TABLES_TRIED = 24  # per repair step at a large event; the shake-ups reach the other tables over time
HELPERS_TRIED = 48  # people tried per table short of someone, at a large event
MAX_KICKS = 300  # shake-ups when something fixable is still wrong; the evaluation budget stops big events sooner
MAX_FRUITLESS_KICKS = 60  # ... and so does a long run of shake-ups that found nothing better
MAX_EVALUATIONS = 80_000  # well under a second here: bounds a huge event with wishes that cannot be kept


def _groups(people: Sequence[SignUp], together: dict[str, list[str]]) -> list[list[str]]:
    """People joined by together-wishes, each group in sign-up order, groups in order of their first member."""
    order = {p.id: i for i, p in enumerate(people)}
    seen: set[str] = set()
    groups: list[list[str]] = []
    for person in people:
        if person.id in seen:
            continue
        group, todo = [], [person.id]
        seen.add(person.id)
        while todo:
            current = todo.pop()
            group.append(current)
            for other in together[current]:
                if other not in seen:
                    seen.add(other)
                    todo.append(other)
        groups.append(sorted(group, key=order.__getitem__))
    return groups


class Search(SeatingState):
    """Deal, repair and shake up; `solve` below runs them."""

    def _deal_score(self, unit: list[str], table: int) -> int:
        roles = [self.role[pid] for pid in unit]
        clashes = sum(1 for pid in unit for other in self.apart[pid] if self.at.get(other) == table)
        counts = self.counts[table]
        score = W_WISH * clashes + W_FILL * max(0, self.size[table] + len(unit) - self.targets[table])
        if RESIDENT in roles and counts[RESIDENT] == 0:
            score -= W_MIX
        if any(r in PROFESSIONAL for r in roles) and not any(counts[i] for i in PROFESSIONAL):
            score -= W_MIX
        return score + 10 * sum(counts[r] for r in roles) + self.size[table]

    def deal(self) -> None:
        """Whole groups first (largest first), then single people, the scarcest roles first."""
        groups = _groups(self.people, self.together)
        units = sorted((g for g in groups if len(g) > 1), key=len, reverse=True)
        singles = [g[0] for g in groups if len(g) == 1]
        by_role: dict[int, list[str]] = {}
        for pid in singles:
            by_role.setdefault(self.role[pid], []).append(pid)
        for role in sorted(by_role, key=lambda r: (len(by_role[r]), r)):
            self.rng.shuffle(by_role[role])
            units.extend([pid] for pid in by_role[role])
        tables = list(range(len(self.targets)))
        self.rng.shuffle(tables)  # ties go to a random table, the same one for the same seed
        for unit in units:
            fits = [t for t in tables if self.size[t] + len(unit) <= self.max]
            if not fits:  # no table has room for the whole group: seat its members one by one
                for pid in unit:
                    self._deal_unit([pid], tables)
                continue
            self._deal_unit(unit, fits)

    def _deal_unit(self, unit: list[str], tables: list[int]) -> None:
        open_tables = [t for t in tables if self.size[t] + len(unit) <= self.max]
        best = min(open_tables, key=lambda t: self._deal_score(unit, t))
        for pid in unit:
            self.place(pid, best)

    # -- repair -----------------------------------------------------------------------------------------
    def _exchanges(self, mine: list[list[str]], table: int) -> Iterator[dict[str, int]]:
        """Moving `mine` (a person, or their block) to `table`, alone or in exchange for someone there."""
        home = self.at[mine[0][0]]
        for group in mine:
            yield dict.fromkeys(group, table)
        for other in list(self.members[table]):
            theirs = [[other]] + ([block] if len(block := self.block(other)) > 1 else [])
            for group in mine:
                for back in theirs:
                    yield dict.fromkeys(group, table) | dict.fromkeys(back, home)

    def _take_best(self, options: Iterator[dict[str, int]]) -> bool:
        """Make the exchange that helps most. The first that helps at all can be a small gain in evenness
        that breaks a wish to keep another, and leave the search stuck where it was."""
        best, best_delta = None, 0
        for changes in options:
            if self.evaluations > MAX_EVALUATIONS:
                break
            change = self.delta(changes)
            if change is not None and change < best_delta:
                best, best_delta = changes, change
        for pid, table in (best or {}).items():
            self.place(pid, table)
        return best is not None

    def _mine(self, pid: str) -> list[list[str]]:
        block = self.block(pid)
        return [[pid]] + ([block] if len(block) > 1 else [])

    def _some_tables(self, but: int) -> list[int]:
        """Other tables to look at: all of them at a small event, a random few at a large one."""
        others = [t for t in range(len(self.targets)) if t != but]
        return others if len(others) <= TABLES_TRIED else sorted(self.rng.sample(others, TABLES_TRIED))

    def _improve_person(self, pid: str) -> bool:
        home = self.at[pid]
        tables = list(dict.fromkeys(self.at[o] for o in self.together[pid] if self.at[o] != home))
        if not tables or any(self.at[o] == home for o in self.apart[pid]):
            tables += [t for t in self._some_tables(home) if t not in tables]
        mine = self._mine(pid)
        return self._take_best(changes for table in tables for changes in self._exchanges(mine, table))

    def _helpers(self, table: int) -> list[str]:
        """People elsewhere who could fix what `table` lacks, and whose own table can spare them."""
        kinds = (RESIDENT,), tuple(PROFESSIONAL)
        wanted = [kind for kind in kinds if not any(self.counts[table][i] for i in kind)]
        short = self.size[table] < self.min
        found = []
        for source in range(len(self.targets)):
            if source == table:
                continue
            spare = self.size[source] > self.min
            for pid in self.members[source]:
                role = self.role[pid]
                if (short and spare) or any(
                        role in kind and sum(self.counts[source][i] for i in kind) > 1 for kind in wanted):
                    found.append(pid)
        return found if len(found) <= HELPERS_TRIED else self.rng.sample(found, HELPERS_TRIED)

    def _improve_table(self, table: int) -> bool:
        return self._take_best(changes for pid in self._helpers(table)
                               for changes in self._exchanges(self._mine(pid), table))

    def repair(self) -> None:
        for _ in range(MAX_PASSES):
            improved = False
            for pid in self.troubled_people():
                improved |= self._improve_person(pid)
            for table in self.troubled_tables():
                improved |= self._improve_table(table)
            if not improved or self.evaluations > MAX_EVALUATIONS:
                return

    def kick(self) -> list[str]:
        """Shake up one trouble spot, even if that costs for now: repair then climbs out of a dead end.

        Returns who was moved, so the repair right after can hold them where they are: otherwise its
        first step is often to move them straight back."""
        troubled = self.troubled_people()
        tables = self.troubled_tables()
        if troubled:
            pid = self.rng.choice(troubled)
        elif tables:
            pid = self.rng.choice([p for t in range(len(self.targets)) if t not in tables for p in self.members[t]]
                                  or [p.id for p in self.people])
        else:
            return []
        home = self.at[pid]
        others = [t for t in range(len(self.targets)) if t != home]
        if not others:
            return []
        short = [t for t in tables if t != home]
        table = self.rng.choice(short or others)
        group = self.rng.choice([[pid], self.block(pid)])
        room = self.max - self.size[table]
        back = self.rng.sample(self.members[table], min(len(group), len(self.members[table]))) \
            if room < len(group) else []
        if len(back) + room < len(group):
            return []
        for person in group:
            self.place(person, table)
        for person in back:
            self.place(person, home)
        return group



def solve(people: Sequence[SignUp], targets: list[int], min_per_table: int, max_per_table: int,
          rng: random.Random) -> list[list[str]]:
    """The best seating found: deal and repair, then shake up what is left and repair again (iterated
    local search), always going on from the best seating so far."""
    search = Search(people, targets, min_per_table, max_per_table, rng)
    search.deal()
    search.repair()
    best, best_total = search.assignment(), search.total()
    fruitless = 0
    for _ in range(MAX_KICKS):
        if not search.fixable() or search.evaluations > MAX_EVALUATIONS or fruitless > MAX_FRUITLESS_KICKS:
            break
        search.frozen = set(search.kick())
        search.repair()
        search.frozen = set()
        search.repair()
        total = search.total()
        fruitless = 0 if total < best_total else fruitless + 1
        if total <= best_total:  # an equal seating is taken too: it lets the search drift on
            best, best_total = search.assignment(), total
        else:
            search.load(best)
    search.load(best)
    return search.members
