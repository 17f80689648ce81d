"""Random joins, leaves, returns, floors, passes, overrides and cards must keep the invariants."""

from __future__ import annotations

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from exports.strings import template_text
from rounds import FACILITATOR as F
from rounds import DomainError, Outcome, RoundState, SpeakerState
from rounds.cards import add_card
from rounds.people import join, mark_back, mark_left
from rounds.preparation import new_dialogue
from rounds.serialize import dialogue_from_dict, dialogue_to_dict
from rounds.talking_piece import (
    close_round,
    end_turn,
    give_floor,
    next_speaker,
    open_next_round,
    open_round,
    speaker_state,
    start_open_conversation,
    waiting,
)

DONE = {SpeakerState.SPOKE, SpeakerState.PASSED_FINAL}
names = st.text(min_size=0, max_size=45)


class TalkingPieceMachine(RuleBasedStateMachine):
    @initialize()
    def setup(self) -> None:
        self.now = 0.0
        self.dialogue = new_dialogue(slug="prop", title="Property", theme="thuis", now=0, texts=template_text)
        self.refusals = 0

    def tick(self, seconds: float = 1.0) -> float:
        self.now += seconds
        return self.now

    def _people(self) -> list[str]:
        return [p.id for p in self.dialogue.participants]

    def _attempt(self, action, *args):
        before = dialogue_to_dict(self.dialogue)
        try:
            return action(*args)
        except DomainError:
            self.refusals += 1
            assert dialogue_to_dict(self.dialogue) == before, "a refusal changed the dialogue"
            return None

    def _check_floor(self, turn, waiting_before: list[str]) -> None:
        rnd = open_round(self.dialogue)
        earlier = [t for t in rnd.turns[:-1] if t.participant_id == turn.participant_id and not t.open_conversation]
        if earlier:
            others_waiting = [pid for pid in waiting_before if pid != turn.participant_id]
            assert not others_waiting, "second turn while someone present was still waiting"

    @rule(name=names, role=st.sampled_from(["resident", "professional", "municipality", "x"]))
    def someone_joins(self, name: str, role: str) -> None:
        self._attempt(join, self.dialogue, name, role, self.tick())

    @rule(index=st.integers(0, 20))
    def someone_leaves(self, index: int) -> None:
        people = self._people()
        if people:
            self._attempt(mark_left, self.dialogue, F, people[index % len(people)], self.tick())

    @rule(index=st.integers(0, 20))
    def someone_comes_back(self, index: int) -> None:
        people = self._people()
        if people:
            self._attempt(mark_back, self.dialogue, F, people[index % len(people)])

    @rule()
    def next(self) -> None:
        rnd = open_round(self.dialogue)
        before = waiting(self.dialogue, rnd) if rnd else []
        turn = self._attempt(next_speaker, self.dialogue, F, self.tick())
        if turn is not None:
            self._check_floor(turn, before)

    @rule(index=st.integers(0, 20))
    def floor_out_of_order(self, index: int) -> None:
        people, rnd = self._people(), open_round(self.dialogue)
        if not people:
            return
        before = waiting(self.dialogue, rnd) if rnd else []
        turn = self._attempt(give_floor, self.dialogue, F, people[index % len(people)], self.tick())
        if turn is not None:
            self._check_floor(turn, before)

    @rule(outcome=st.sampled_from(list(Outcome)), by_speaker=st.booleans(), seconds=st.floats(0, 400))
    def end(self, outcome: Outcome, by_speaker: bool, seconds: float) -> None:
        rnd = open_round(self.dialogue)
        actor = F
        if by_speaker and rnd and rnd.current_turn:
            actor = rnd.current_turn.participant_id
        self._attempt(end_turn, self.dialogue, actor, outcome, self.tick(seconds))

    @rule(reason=st.one_of(st.none(), st.just(""), st.text(min_size=1, max_size=20)))
    def close(self, reason: str | None) -> None:
        rnd = open_round(self.dialogue)
        present_before = {p.id for p in self.dialogue.participants if p.present}
        closed = self._attempt(close_round, self.dialogue, F, self.tick(), reason)
        if closed is not None and closed.override is None:
            for pid in closed.order:
                if pid in present_before:
                    assert speaker_state(self.dialogue, rnd, pid) in DONE

    @rule()
    def open_next(self) -> None:
        self._attempt(open_next_round, self.dialogue, F, self.tick())

    @rule()
    def open_conversation(self) -> None:
        self._attempt(start_open_conversation, self.dialogue, F)

    @rule(index=st.integers(0, 20), text=st.text(max_size=30))
    def card(self, index: int, text: str) -> None:
        people = self._people()
        if people:
            pid = people[index % len(people)]
            self._attempt(add_card, self.dialogue, pid, pid, text, self.tick())

    @invariant()
    def turns_run_forward(self) -> None:
        for rnd in self.dialogue.rounds:
            for turn in rnd.turns:
                assert turn.ended_at is None or turn.started_at <= turn.ended_at
            assert sum(1 for t in rnd.turns if t.running) <= (1 if rnd.state == RoundState.OPEN else 0)

    @invariant()
    def at_most_one_round_open(self) -> None:
        assert sum(1 for r in self.dialogue.rounds if r.state == RoundState.OPEN) <= 1

    @invariant()
    def save_then_load_is_equal(self) -> None:
        assert dialogue_from_dict(dialogue_to_dict(self.dialogue)) == self.dialogue


TalkingPieceMachine.TestCase.settings = settings(
    max_examples=150, stateful_step_count=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
test_talking_piece_invariants = TalkingPieceMachine.TestCase
