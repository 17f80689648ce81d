"""How one table of an event is doing, for the organiser's dashboard. Pure: a dialogue and a time in, counts out.

No names: the dashboard shows counts and shares only, so nobody who did not consent is named there.

Time planned: a round is planned as one speaking time per person in its order (the round's
`speaking_seconds`, or the default when it has none), a go-around being the heart of the method.
A table runs behind when the time it used so far is more than BEHIND_SHARE above what was planned for
the rounds it has done and the one it is in, and at least BEHIND_MINIMUM seconds above it.
A role is "not heard" at a table when someone of that role is present and, once at least one round
has closed, nobody of that role has spoken in any round.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..current import open_round
from ..model import DEFAULT_SPEAKING_SECONDS, Dialogue, Outcome, Role, RoundState, Status
from ..talking_piece import not_heard

BEHIND_SHARE = 0.25
BEHIND_MINIMUM = 5 * 60


@dataclass(frozen=True)
class RoleShare:
    role: Role
    people: int
    share_people: float  # 0..1 of the people present
    share_talk: float  # 0..1 of the speaking time so far
    spoke: bool


@dataclass(frozen=True)
class TableProgress:
    status: Status
    round_number: int  # 1-based number of the open round, or of the last closed one; 0 before the first
    rounds_total: int
    round_title: str
    round_open: bool
    floor_taken: bool
    not_heard: int  # present people not heard yet in the open round
    present: int
    used_seconds: float
    planned_seconds: float
    roles: tuple[RoleShare, ...]
    behind: bool
    roles_not_heard: tuple[Role, ...]
    closed_early: bool  # a round was closed before everyone was heard, with a reason


def _planned(rnd, people: int) -> float:
    return (rnd.speaking_seconds or DEFAULT_SPEAKING_SECONDS) * max(len(rnd.order), people)


def table_progress(dialogue: Dialogue, now: float) -> TableProgress:
    present = [p for p in dialogue.participants if p.present]
    current = open_round(dialogue)
    done = [r for r in dialogue.rounds if r.state == RoundState.CLOSED]
    used = sum((r.closed_at or now) - (r.opened_at or now) for r in done)
    planned = sum(_planned(r, len(present)) for r in done)
    number = len(done)
    title = done[-1].title if done else ""
    if current is not None:
        used += now - (current.opened_at or now)
        planned += _planned(current, len(present))
        number = dialogue.rounds.index(current) + 1
        title = current.title
    elif done:
        number = dialogue.rounds.index(done[-1]) + 1
    talk: Counter[str] = Counter()
    for rnd in dialogue.rounds:
        for turn in rnd.turns:
            if turn.outcome == Outcome.SPOKE or turn.running:
                talk[turn.participant_id] += (turn.ended_at or now) - turn.started_at
    role_of = {p.id: p.role for p in dialogue.participants}
    talk_by_role: Counter[Role] = Counter()
    for pid, seconds in talk.items():
        if pid in role_of:
            talk_by_role[role_of[pid]] += seconds
    spoke_roles = {role_of[t.participant_id] for r in dialogue.rounds for t in r.turns
                   if t.outcome == Outcome.SPOKE and t.participant_id in role_of}
    people_by_role = Counter(p.role for p in present)
    total_talk = sum(talk_by_role.values())
    roles = tuple(
        RoleShare(role, count, count / len(present), (talk_by_role[role] / total_talk) if total_talk else 0.0,
                  role in spoke_roles)
        for role, count in sorted(people_by_role.items(), key=lambda item: list(Role).index(item[0])))
    unheard_roles = tuple(share.role for share in roles if done and not share.spoke)
    return TableProgress(
        status=dialogue.status,
        round_number=number,
        rounds_total=len(dialogue.rounds),
        round_title=title,
        round_open=current is not None,
        floor_taken=current is not None and current.current_turn is not None,
        not_heard=len(not_heard(dialogue, current)) if current is not None else 0,
        present=len(present),
        used_seconds=used,
        planned_seconds=planned,
        roles=roles,
        behind=used - planned >= max(BEHIND_MINIMUM, BEHIND_SHARE * planned) if planned else False,
        roles_not_heard=unheard_roles,
        closed_early=any(r.override is not None for r in done),
    )
