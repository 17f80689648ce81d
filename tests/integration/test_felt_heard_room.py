"""The room's "did you feel heard?" command: acknowledged means on disk, one typed change, refusals change nothing."""

from __future__ import annotations

import pytest

from facilitator_app.room import Change, Changed, Room
from rounds import FACILITATOR as F
from rounds import DomainError
from rounds import errors as e
from rounds.feedback import ANSWERS_ON_OWN_PHONE, NOT_FINISHED_YET
from rounds.people import join

from .test_room import make_room, on_disk


async def finish(room: Room) -> None:
    for _ in room.dialogue.rounds:
        await room.open_next_round(F)
        await room.close_round(F, reason="kort")


async def test_an_answer_is_on_disk_when_acknowledged_and_told_once(tmp_path):
    room = make_room(tmp_path, "Anna")
    anna = room.dialogue.participants[0].id
    await finish(room)
    seen: list[Change] = []
    room.changed.subscribe(seen.append)
    answer = await room.answer_felt_heard(anna, anna, 4, "fijn")
    assert on_disk(room).felt_heard == [answer]
    assert [(c.kind, c.person_id) for c in seen] == [(Changed.FELT_HEARD, anna)]
    again = await room.answer_felt_heard(anna, anna, 2)
    assert [(a.score, a.word) for a in on_disk(room).felt_heard] == [(2, "")]
    assert on_disk(room).felt_heard == [again] and on_disk(room) == room.dialogue


async def test_the_facilitator_answers_for_someone_without_a_phone(tmp_path):
    room = make_room(tmp_path, "Anna")
    joop = join(room.dialogue, "Joop", "resident", 2, has_phone=False)
    room.store.save(room.dialogue)
    await finish(room)
    await room.answer_felt_heard(F, joop.id, 5, "gezellig")
    assert [(a.participant_id, a.by_facilitator) for a in on_disk(room).felt_heard] == [(joop.id, True)]


async def test_refusals_leave_the_file_as_it_was(tmp_path):
    room = make_room(tmp_path, "Anna", "Ben")
    anna, ben = (p.id for p in room.dialogue.participants)
    with pytest.raises(DomainError) as refused:
        await room.answer_felt_heard(anna, anna, 4)
    assert refused.value.code == NOT_FINISHED_YET
    await finish(room)
    before = on_disk(room)
    for actor, person, score, code in ((F, anna, 3, ANSWERS_ON_OWN_PHONE), (ben, anna, 3, e.NOT_FACILITATOR),
                                       (anna, anna, 9, e.INVALID_VALUE), ("stranger", anna, 3, e.UNKNOWN_PARTICIPANT)):
        with pytest.raises(DomainError) as refused:
            await room.answer_felt_heard(actor, person, score)
        assert refused.value.code == code
    assert on_disk(room) == before == room.dialogue
