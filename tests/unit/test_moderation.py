"""A crowded or hostile room: lock joining, and take someone out with what they put in."""

from __future__ import annotations

import pytest

from exports.strings import template_text
from rounds import FACILITATOR as F
from rounds import DomainError
from rounds import errors as e
from rounds.cards import add_card, place_dot
from rounds.integrity import check_dialogue
from rounds.moderation import lock_joining, remove_person
from rounds.people import join
from rounds.preparation import new_dialogue
from rounds.serialize import dialogue_from_dict, dialogue_to_dict
from rounds.talking_piece import close_round, next_speaker, open_next_round, summarize


def dialogue_with(*names: str):
    dialogue = new_dialogue(slug="linde", title="De Linde", theme="thuis", now=1.0, join_code="ABCDE",
                            texts=template_text)
    people = [join(dialogue, name, "resident", 1.0, token=f"tok-{name}") for name in names]
    return dialogue, people


def test_a_locked_dialogue_refuses_new_phones_but_not_people_who_joined_before():
    dialogue, (anna,) = dialogue_with("Anna")
    lock_joining(dialogue, F, True)
    with pytest.raises(DomainError) as err:
        join(dialogue, "Troll", "resident", 2.0, token="tok-new")
    assert err.value.code == e.JOINING_LOCKED
    assert join(dialogue, "Anna", "resident", 3.0, token="tok-Anna") is anna  # her phone comes back
    henk = join(dialogue, "Henk", "resident", 3.0, has_phone=False)  # the facilitator adds someone at the table
    assert [p.name for p in dialogue.participants] == ["Anna", "Henk"] and not henk.has_phone
    lock_joining(dialogue, F, False)
    assert join(dialogue, "Dana", "resident", 4.0, token="tok-new").name == "Dana"


def test_only_the_facilitator_locks_or_removes():
    dialogue, (anna, ben) = dialogue_with("Anna", "Ben")
    with pytest.raises(DomainError):
        lock_joining(dialogue, anna.id, True)
    with pytest.raises(DomainError):
        remove_person(dialogue, anna.id, ben.id, 2.0)
    assert not dialogue.joining_locked and len(dialogue.participants) == 2


def test_removing_someone_takes_out_their_cards_dots_and_turns_and_counts_it_without_a_name():
    dialogue, (anna, troll, ben) = dialogue_with("Anna", "Troll", "Ben")
    for _ in range(3):
        open_next_round(dialogue, F, 2.0)
        close_round(dialogue, F, 2.0, override_reason="kort")
    open_next_round(dialogue, F, 3.0)  # round 4: needs and dots
    spam = add_card(dialogue, F, troll.id, "Reclame", 3.0)
    good = add_card(dialogue, F, anna.id, "Een bankje", 3.0)
    place_dot(dialogue, F, troll.id, good.id, 3.0)
    place_dot(dialogue, F, ben.id, spam.id, 3.0)
    place_dot(dialogue, F, ben.id, good.id, 3.0)
    next_speaker(dialogue, F, 4.0)
    next_speaker_turn = next(t for t in dialogue.rounds[3].turns if t.participant_id == anna.id)
    assert next_speaker_turn.running
    removal = remove_person(dialogue, F, troll.id, 5.0)
    rnd = dialogue.rounds[3]
    assert (removal.cards, removal.dots) == (1, 1)
    assert [c.text for c in rnd.cards] == ["Een bankje"]
    assert [(v.participant_id, v.card_id) for v in rnd.votes] == [(ben.id, good.id)]
    assert troll.id not in rnd.order and all(t.participant_id != troll.id for r in dialogue.rounds for t in r.turns)
    assert "Troll" not in str(dialogue_to_dict(dialogue)["removals"])
    assert summarize(dialogue, rnd).queue == [ben.id]  # the order goes on without them
    check_dialogue(dialogue)  # nothing refers to someone who is gone
    assert dialogue_from_dict(dialogue_to_dict(dialogue)) == dialogue


def test_a_removed_phone_cannot_join_again():
    dialogue, (anna, troll) = dialogue_with("Anna", "Troll")
    remove_person(dialogue, F, troll.id, 2.0)
    with pytest.raises(DomainError) as err:
        join(dialogue, "Troll 2", "resident", 3.0, token="tok-Troll")
    assert err.value.code == e.REMOVED
    assert [p.name for p in dialogue.participants] == ["Anna"]


def test_taking_someone_out_after_the_end_takes_their_answer_too():
    from rounds.feedback import answer_felt_heard

    dialogue, (anna, ben) = dialogue_with("Anna", "Ben")
    for _ in range(len(dialogue.rounds)):
        open_next_round(dialogue, F, 2.0)
        close_round(dialogue, F, 2.0, override_reason="kort")
    answer_felt_heard(dialogue, ben.id, ben.id, 4, "fijn", 3.0)
    remove_person(dialogue, F, ben.id, 4.0)
    assert dialogue.felt_heard == []
    check_dialogue(dialogue)  # the file still loads: no answer of someone who is gone
