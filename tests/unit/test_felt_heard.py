""""Did you feel heard?": only after the last round, each person's own answer, 1 to 5, replaced when asked again."""

from __future__ import annotations

import copy
import json

import pytest

from rounds import FACILITATOR as F
from rounds import Dialogue, DomainError, Role, Status
from rounds import errors as e
from rounds.feedback import (
    ANSWERS_ON_OWN_PHONE,
    NOT_FINISHED_YET,
    answer_felt_heard,
    answer_of,
    answers_by_role,
    forget_answer_of,
)
from rounds.integrity import IntegrityProblem, check_dialogue
from rounds.people import join
from rounds.preparation import add_round
from rounds.serialize import dialogue_from_dict, dialogue_to_dict
from rounds.talking_piece import close_round, open_next_round

from .helpers import Clock, table


def finished(*names: str, clock: Clock | None = None) -> tuple[Dialogue, dict]:
    clock = clock or Clock()
    dialogue, people = table(*names, template="leeg", clock=clock)
    add_round(dialogue, F, "Afsluiten", "Hoe ging het?")
    open_next_round(dialogue, F, clock.tick())
    close_round(dialogue, F, clock.tick(), override_reason="klaar")
    assert dialogue.status == Status.FINISHED
    return dialogue, people


def test_a_phone_answers_for_itself_with_a_word() -> None:
    dialogue, people = finished("Anna")
    anna = people["Anna"]
    answer = answer_felt_heard(dialogue, anna.id, anna.id, 4, "  fijn\u200b  ", 50.0)
    assert (answer.score, answer.word, answer.at, answer.by_facilitator) == (4, "fijn", 50.0, False)
    assert dialogue.felt_heard == [answer]


def test_answering_again_replaces_the_answer() -> None:
    dialogue, people = finished("Anna", "Ben")
    anna, ben = people["Anna"], people["Ben"]
    answer_felt_heard(dialogue, anna.id, anna.id, 2, "", 1.0)
    answer_felt_heard(dialogue, ben.id, ben.id, 5, "", 2.0)
    answer_felt_heard(dialogue, anna.id, anna.id, 3, "toch wel", 3.0)
    assert [(a.participant_id, a.score, a.word) for a in dialogue.felt_heard] == [
        (ben.id, 5, ""), (anna.id, 3, "toch wel")]
    assert answer_of(dialogue, anna.id).score == 3


def test_the_question_waits_until_the_last_round_has_closed() -> None:
    clock = Clock()
    dialogue, people = table("Anna", clock=clock)
    anna = people["Anna"]
    with pytest.raises(DomainError) as refused:
        answer_felt_heard(dialogue, anna.id, anna.id, 4, "", 1.0)  # still preparing
    assert refused.value.code == NOT_FINISHED_YET
    open_next_round(dialogue, F, clock.tick())
    with pytest.raises(DomainError) as refused:
        answer_felt_heard(dialogue, anna.id, anna.id, 4, "", 1.0)  # running
    assert refused.value.code == NOT_FINISHED_YET
    assert dialogue.felt_heard == []


@pytest.mark.parametrize("score", [0, 6, -1, True, 3.5, "4", None])
def test_a_score_outside_one_to_five_is_refused_and_nothing_changes(score) -> None:
    dialogue, people = finished("Anna")
    anna = people["Anna"]
    answer_felt_heard(dialogue, anna.id, anna.id, 2, "eerst", 1.0)
    before = copy.deepcopy(dialogue.felt_heard)
    with pytest.raises(DomainError) as refused:
        answer_felt_heard(dialogue, anna.id, anna.id, score, "", 2.0)
    assert (refused.value.code, refused.value.details) == (e.INVALID_VALUE, {"field": "score"})
    assert dialogue.felt_heard == before


def test_a_word_too_long_or_with_control_characters_is_refused() -> None:
    dialogue, people = finished("Anna")
    anna = people["Anna"]
    with pytest.raises(DomainError) as refused:
        answer_felt_heard(dialogue, anna.id, anna.id, 3, "x" * 81, 1.0)
    assert refused.value.code == e.TEXT_TOO_LONG
    with pytest.raises(DomainError) as refused:
        answer_felt_heard(dialogue, anna.id, anna.id, 3, "a\x07b", 1.0)
    assert refused.value.code == e.TEXT_CONTROL_CHARS
    assert answer_felt_heard(dialogue, anna.id, anna.id, 3, "x" * 80, 1.0).word == "x" * 80
    assert len(dialogue.felt_heard) == 1


def test_the_facilitator_answers_only_for_someone_without_a_phone() -> None:
    clock = Clock()
    dialogue, people = table("Anna", template="leeg", clock=clock)
    joop = join(dialogue, "Joop", "resident", clock.tick(), has_phone=False)
    add_round(dialogue, F, "Afsluiten", "Hoe ging het?")
    open_next_round(dialogue, F, clock.tick())
    close_round(dialogue, F, clock.tick(), override_reason="klaar")
    answer = answer_felt_heard(dialogue, F, joop.id, 5, "gezellig", 2.0)
    assert answer.by_facilitator is True
    with pytest.raises(DomainError) as refused:
        answer_felt_heard(dialogue, F, people["Anna"].id, 1, "", 3.0)
    assert (refused.value.code, refused.value.names) == (ANSWERS_ON_OWN_PHONE, ("Anna",))
    assert [a.participant_id for a in dialogue.felt_heard] == [joop.id]


def test_nobody_answers_for_someone_else_and_strangers_are_refused() -> None:
    dialogue, people = finished("Anna", "Ben")
    with pytest.raises(DomainError) as refused:
        answer_felt_heard(dialogue, people["Ben"].id, people["Anna"].id, 1, "", 1.0)
    assert refused.value.code == e.NOT_FACILITATOR
    with pytest.raises(DomainError) as refused:
        answer_felt_heard(dialogue, F, "nobody", 3, "", 1.0)
    assert refused.value.code == e.UNKNOWN_PARTICIPANT
    assert dialogue.felt_heard == []


def test_answers_per_role_count_and_average_without_anyone_named() -> None:
    clock = Clock()
    dialogue, people = finished("Anna", "Ben", "Chris", clock=clock)
    people["Chris"].role = Role.MUNICIPALITY
    for name, score in (("Anna", 4), ("Ben", 5), ("Chris", 2)):
        answer_felt_heard(dialogue, people[name].id, people[name].id, score, "", clock.tick())
    by_role = answers_by_role(dialogue)
    assert (by_role[Role.RESIDENT].answers, by_role[Role.RESIDENT].average) == (2, 4.5)
    assert (by_role[Role.MUNICIPALITY].answers, by_role[Role.MUNICIPALITY].average) == (1, 2.0)
    assert (by_role[Role.PROFESSIONAL].answers, by_role[Role.PROFESSIONAL].average) == (0, None)


def test_answers_survive_a_save_and_pass_the_integrity_check() -> None:
    dialogue, people = finished("Anna")
    answer_felt_heard(dialogue, people["Anna"].id, people["Anna"].id, 4, "gehoord 👍🏽", 9.0)
    again = dialogue_from_dict(json.loads(json.dumps(dialogue_to_dict(dialogue))))
    check_dialogue(again)
    assert again == dialogue


def test_a_file_from_before_the_question_reads_with_no_answers() -> None:
    dialogue, _ = finished("Anna")
    data = dialogue_to_dict(dialogue)
    del data["felt_heard"]
    assert dialogue_from_dict(data).felt_heard == []


def test_taking_someone_out_forgets_their_answer() -> None:
    dialogue, people = finished("Anna", "Ben")
    for person in people.values():
        answer_felt_heard(dialogue, person.id, person.id, 3, "", 1.0)
    forget_answer_of(dialogue, people["Anna"].id)
    assert [a.participant_id for a in dialogue.felt_heard] == [people["Ben"].id]


@pytest.mark.parametrize(("change", "reason"), [
    (lambda d, pid: setattr(d.felt_heard[0], "score", 6), "out of range: felt_heard[0].score"),
    (lambda d, pid: setattr(d.felt_heard[0], "score", True), "not a whole number: felt_heard[0].score"),
    (lambda d, pid: setattr(d.felt_heard[0], "participant_id", "x"), "unknown participant id"),
    (lambda d, pid: d.felt_heard.append(copy.copy(d.felt_heard[0])), "second answer of one person"),
    (lambda d, pid: setattr(d.felt_heard[0], "word", "w" * 81), "text too long: felt_heard[0].word"),
    (lambda d, pid: setattr(d.felt_heard[0], "at", float("nan")), "not finite: felt_heard[0].at"),
    (lambda d, pid: setattr(d.felt_heard[0], "by_facilitator", "yes"), "not a boolean"),
    (lambda d, pid: setattr(d, "status", Status.RUNNING), "felt_heard before the dialogue finished"),
    (lambda d, pid: setattr(d, "felt_heard", "4"), "not a list: felt_heard"),
])
def test_a_damaged_answer_is_refused_by_name(change, reason: str) -> None:
    dialogue, people = finished("Anna")
    answer_felt_heard(dialogue, people["Anna"].id, people["Anna"].id, 4, "", 1.0)
    check_dialogue(dialogue)
    change(dialogue, people["Anna"].id)
    with pytest.raises(IntegrityProblem, match=reason.replace("[", r"\[").replace("]", r"\]")):
        check_dialogue(dialogue)
