"""The talking piece: who has the floor, and the rules that make sure everyone is heard.

The central invariant: nobody gets a second turn while someone present is still waiting for
their first. Turns in an open conversation are recorded and timed like any other turn.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import errors as e
from .current import finish_turn, open_round, require_open_round, round_by_id
from .errors import DomainError
from .model import (
    FACILITATOR,
    MAX_REASON_CHARS,
    Dialogue,
    Outcome,
    Override,
    Round,
    RoundState,
    SpeakerState,
    Status,
    Turn,
)
from .people import names, participant, require_facilitator
from .text import clean_text

__all__ = ["Heard", "Summary", "close_round", "end_and_next", "end_turn", "everyone_heard", "finish_turn",
           "floor_refusal", "give_floor", "heard", "initial_order", "next_speaker", "not_heard", "open_next_round",
           "open_round", "require_open_round", "round_by_id", "speaker_state", "start_open_conversation", "states",
           "summarize", "waiting"]


def _go_around_turns(rnd: Round, participant_id: str) -> list[Turn]:
    return [t for t in rnd.turns if t.participant_id == participant_id and not t.open_conversation]


def _tally(rnd: Round) -> dict[str, tuple[int, bool, int]]:
    """One pass over the round's turns: per person (go-around turns, spoke, passes).

    Every query below is linear in people plus turns, so a room of 200 stays cheap to redraw.
    """
    tally: dict[str, tuple[int, bool, int]] = {}
    for turn in rnd.turns:
        if turn.open_conversation:
            continue
        count, spoke, passes = tally.get(turn.participant_id, (0, False, 0))
        tally[turn.participant_id] = (count + 1, spoke or turn.outcome == Outcome.SPOKE,
                                      passes + (turn.outcome == Outcome.PASSED))
    return tally


def _state(pid: str, tally: dict[str, tuple[int, bool, int]], current: Turn | None,
           present: set[str]) -> SpeakerState:
    count, spoke, passes = tally.get(pid, (0, False, 0))
    if current is not None and current.participant_id == pid:
        return SpeakerState.ASKED_AGAIN if count > 1 else SpeakerState.SPEAKING
    if spoke:
        return SpeakerState.SPOKE
    if passes >= 2:
        return SpeakerState.PASSED_FINAL
    if pid not in present:
        return SpeakerState.LEFT
    return SpeakerState.PASSED if passes == 1 else SpeakerState.WAITING


def speaker_state(dialogue: Dialogue, rnd: Round, participant_id: str) -> SpeakerState:
    participant(dialogue, participant_id)
    return _state(participant_id, _tally(rnd), rnd.current_turn, _present(dialogue))


def states(dialogue: Dialogue, rnd: Round) -> dict[str, SpeakerState]:
    """Each person in the round's order, in order, with where they stand."""
    tally, current, present = _tally(rnd), rnd.current_turn, _present(dialogue)
    return {pid: _state(pid, tally, current, present) for pid in rnd.order}


def _present(dialogue: Dialogue) -> set[str]:
    return {p.id for p in dialogue.participants if p.present}


def waiting(dialogue: Dialogue, rnd: Round) -> list[str]:
    """Present people in the order who have not had any turn yet."""
    present, tally = _present(dialogue), _tally(rnd)
    return [pid for pid in rnd.order if pid in present and pid not in tally]


@dataclass(frozen=True)
class Summary:
    """Where everyone stands in one round, worked out once and read by every screen and phone."""

    states: dict[str, SpeakerState]
    waiting: list[str]
    to_ask_again: list[str]
    not_heard: list[str]
    had_turn: frozenset[str]

    @property
    def queue(self) -> list[str]:
        """Who gets the floor next, in order: first those waiting, then those who passed once."""
        return self.waiting or self.to_ask_again


def summarize(dialogue: Dialogue, rnd: Round) -> Summary:
    tally, current, present = _tally(rnd), rnd.current_turn, _present(dialogue)
    by_pid = {pid: _state(pid, tally, current, present) for pid in rnd.order}
    done = (SpeakerState.SPOKE, SpeakerState.PASSED_FINAL, SpeakerState.LEFT)
    return Summary(
        states=by_pid,
        waiting=[pid for pid in rnd.order if pid in present and pid not in tally],
        to_ask_again=[pid for pid, st in by_pid.items() if st == SpeakerState.PASSED],
        not_heard=[pid for pid, st in by_pid.items() if st not in done and pid in present],
        had_turn=frozenset(tally),
    )


@dataclass(frozen=True)
class Heard:
    """Who was heard in a round's go-around: the one count the console and the harvest share."""

    spoke: frozenset[str]
    passed: frozenset[str]  # passed (once or for good) and never spoke


def heard(rnd: Round) -> Heard:
    tally = _tally(rnd)
    spoke = frozenset(pid for pid, (_, did_speak, _) in tally.items() if did_speak)
    passed = frozenset(pid for pid, (_, did_speak, passes) in tally.items() if passes and not did_speak)
    return Heard(spoke, passed)


def not_heard(dialogue: Dialogue, rnd: Round) -> list[str]:
    """Present people who have neither spoken nor passed for good in this round."""
    done = {SpeakerState.SPOKE, SpeakerState.PASSED_FINAL, SpeakerState.LEFT}
    present = _present(dialogue)
    return [pid for pid, st in states(dialogue, rnd).items() if st not in done and pid in present]


def everyone_heard(dialogue: Dialogue, rnd: Round) -> bool:
    return not not_heard(dialogue, rnd)


def initial_order(dialogue: Dialogue, rnd: Round, index: int) -> list[str]:
    """The order a round gets when it opens (also what the console shows before it opens)."""
    present = [p.id for p in dialogue.participants if p.present]
    if rnd.planned_order is not None:
        planned = [pid for pid in rnd.planned_order if pid in present]
        return planned + [pid for pid in present if pid not in planned]
    if not present:
        return []
    shift = index % len(present)  # each round starts one seat further than the last
    return present[shift:] + present[:shift]


def open_next_round(dialogue: Dialogue, actor: str, now: float) -> Round:
    """Start the dialogue, or open the round after the one that just closed."""
    require_facilitator(actor)
    if dialogue.status == Status.FINISHED:
        raise DomainError(e.DIALOGUE_FINISHED)
    if not dialogue.rounds:
        raise DomainError(e.NO_ROUNDS)
    current = open_round(dialogue)
    if current is not None:
        raise DomainError(e.ROUND_STILL_OPEN, round=current.title)
    index = next((i for i, r in enumerate(dialogue.rounds) if r.state == RoundState.PENDING), None)
    if index is None:
        raise DomainError(e.NO_NEXT_ROUND)
    rnd = dialogue.rounds[index]
    if dialogue.status == Status.PREPARING:
        dialogue.status = Status.RUNNING
        dialogue.started_at = now
    rnd.order = initial_order(dialogue, rnd, index)
    rnd.state = RoundState.OPEN
    rnd.opened_at = now
    return rnd


def _new_turn(dialogue: Dialogue, rnd: Round, participant_id: str, now: float) -> Turn:
    had_go_around_turn = bool(_go_around_turns(rnd, participant_id))
    done = speaker_state(dialogue, rnd, participant_id) in (SpeakerState.SPOKE, SpeakerState.PASSED_FINAL)
    turn = Turn(
        id=f"t{dialogue.next_id}",
        participant_id=participant_id,
        started_at=now,
        open_conversation=rnd.open_conversation and had_go_around_turn and done,
    )
    dialogue.next_id += 1
    rnd.turns.append(turn)
    return turn


def floor_refusal(dialogue: Dialogue, rnd: Round, participant_id: str,
                  summary: Summary | None = None) -> DomainError | None:
    """Why this person may not get the floor right now, or None if they may.

    Pass a `summary` of the round when asking for many people at once.
    """
    person = participant(dialogue, participant_id)
    if rnd.current_turn is not None:
        return DomainError(e.SOMEONE_SPEAKING, names(dialogue, [rnd.current_turn.participant_id]))
    if not person.present:
        return DomainError(e.NOT_PRESENT, [person.name])
    summary = summary or summarize(dialogue, rnd)
    if participant_id in summary.had_turn:
        still_waiting = [pid for pid in summary.waiting if pid != participant_id]
        if still_waiting:
            return DomainError(e.ALREADY_HAD_TURN, [person.name], waiting=names(dialogue, still_waiting))
    state = summary.states.get(participant_id) or speaker_state(dialogue, rnd, participant_id)
    if state in (SpeakerState.SPOKE, SpeakerState.PASSED_FINAL) and not rnd.open_conversation:
        return DomainError(e.ALREADY_DONE, [person.name])
    return None


def give_floor(dialogue: Dialogue, actor: str, participant_id: str, now: float) -> Turn:
    """Give the floor to one person, out of order if need be, but never ahead of someone waiting."""
    require_facilitator(actor)
    rnd = require_open_round(dialogue)
    refusal = floor_refusal(dialogue, rnd, participant_id)
    if refusal is not None:
        raise refusal
    if participant_id not in rnd.order:
        rnd.order.append(participant_id)
    return _new_turn(dialogue, rnd, participant_id, now)


def next_speaker(dialogue: Dialogue, actor: str, now: float) -> Turn:
    """The floor goes to the next person who has not had a turn; then to those who passed once."""
    require_facilitator(actor)
    rnd = require_open_round(dialogue)
    if rnd.current_turn is not None:
        raise DomainError(e.SOMEONE_SPEAKING, names(dialogue, [rnd.current_turn.participant_id]))
    queue = summarize(dialogue, rnd).queue  # the same queue every phone shows as "your place in line"
    if not queue:
        raise DomainError(e.EVERYONE_HEARD)
    return _new_turn(dialogue, rnd, queue[0], now)


def end_and_next(dialogue: Dialogue, actor: str, now: float) -> Turn:
    """The console's "Next": whoever holds the floor is done (spoke), and the floor goes on.

    When nobody is left to ask, the ended turn is returned; with nobody speaking and nobody
    left, it is refused like `next_speaker`.
    """
    require_facilitator(actor)
    rnd = require_open_round(dialogue)
    ended = None
    if rnd.current_turn is not None:
        ended = finish_turn(rnd, rnd.current_turn, now, Outcome.SPOKE, by_facilitator=True)
    if not summarize(dialogue, rnd).queue and ended is not None:
        return ended
    return next_speaker(dialogue, actor, now)


def end_turn(dialogue: Dialogue, actor: str, outcome: Outcome | str, now: float) -> Turn:
    """The speaker (or the facilitator) ends the turn as spoke or passed. Going over is only noted."""
    rnd = require_open_round(dialogue)
    turn = rnd.current_turn
    if turn is None:
        raise DomainError(e.NOBODY_SPEAKING)
    if actor not in (turn.participant_id, FACILITATOR):
        raise DomainError(e.NOT_YOUR_TURN, names(dialogue, [turn.participant_id]))
    try:
        parsed = Outcome(outcome)
    except ValueError:
        raise DomainError(e.INVALID_VALUE, field="outcome") from None
    return finish_turn(rnd, turn, now, parsed, by_facilitator=actor != turn.participant_id)


def start_open_conversation(dialogue: Dialogue, actor: str) -> Round:
    require_facilitator(actor)
    rnd = require_open_round(dialogue)
    pending = not_heard(dialogue, rnd)
    if pending:
        raise DomainError(e.GO_AROUND_NOT_COMPLETE, names(dialogue, pending))
    rnd.open_conversation = True
    return rnd


def close_round(dialogue: Dialogue, actor: str, now: float, override_reason: str | None = None) -> Round:
    """Close when everyone present is heard; earlier only with an override and a reason."""
    require_facilitator(actor)
    rnd = require_open_round(dialogue)
    pending = not_heard(dialogue, rnd)
    reason = None
    if pending:
        if override_reason is None or not override_reason.strip():
            if override_reason is not None:
                raise DomainError(e.REASON_REQUIRED)
            raise DomainError(e.NOT_EVERYONE_HEARD, names(dialogue, pending))
        reason = clean_text(override_reason, MAX_REASON_CHARS)
    if rnd.current_turn is not None:
        finish_turn(rnd, rnd.current_turn, now, by_facilitator=True)
    if reason is not None:
        rnd.override = Override(reason=reason, not_heard=not_heard(dialogue, rnd), at=now)
    rnd.state = RoundState.CLOSED
    rnd.closed_at = now
    if all(r.state == RoundState.CLOSED for r in dialogue.rounds):
        dialogue.status = Status.FINISHED
        dialogue.finished_at = now
    return rnd
