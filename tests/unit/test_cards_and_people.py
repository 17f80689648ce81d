"""Stories for cards, dots, participants and the template."""

from __future__ import annotations

import pytest

from exports.strings import template_text
from rounds import FACILITATOR as F
from rounds import CardKind, DomainError, Outcome, Role
from rounds import errors as e
from rounds.cards import (
    add_card,
    delete_card,
    dot_counts,
    dot_counts_by_role,
    dots_left,
    edit_card,
    place_dot,
    remove_dot,
    set_hidden,
)
from rounds.people import join, rename
from rounds.preparation import JOIN_CODE_ALPHABET, add_round, new_dialogue, remove_round, update_round
from rounds.talking_piece import close_round, end_turn, next_speaker, open_next_round

from .helpers import Clock, running_table, table


def advance_to(dialogue, clock, index):
    """Close rounds (by override, to keep the story short) until round `index` is open."""
    while True:
        current = next(i for i, r in enumerate(dialogue.rounds) if r.state == "open")
        if current == index:
            return dialogue.rounds[index]
        close_round(dialogue, F, clock.tick(), override_reason="test")
        open_next_round(dialogue, F, clock.tick())


# Cards
def test_cards_only_in_a_round_that_collects_them():
    dialogue, people = running_table("Anna")
    with pytest.raises(DomainError) as err:
        add_card(dialogue, people["Anna"].id, people["Anna"].id, "Hallo", 10)
    assert err.value.code == e.NO_CARDS_THIS_ROUND


def test_a_card_takes_the_kind_of_its_round():
    clock = Clock()
    dialogue, people = running_table("Anna", clock=clock)
    advance_to(dialogue, clock, 2)
    card = add_card(dialogue, people["Anna"].id, people["Anna"].id, "  Een moestuin  ", clock.tick())
    assert (card.kind, card.text) == (CardKind.DREAM, "Een moestuin")


def test_participant_edits_and_deletes_only_their_own_cards():
    clock = Clock()
    dialogue, people = running_table("Anna", "Ben", clock=clock)
    advance_to(dialogue, clock, 1)
    anna, ben = people["Anna"].id, people["Ben"].id
    card = add_card(dialogue, anna, anna, "Buurthuis", clock.tick())
    with pytest.raises(DomainError) as err:
        edit_card(dialogue, ben, card.id, "Iets anders", clock.tick())
    assert err.value.code == e.NOT_YOUR_CARD
    edit_card(dialogue, anna, card.id, "Het buurthuis", clock.tick())
    assert card.text == "Het buurthuis"
    with pytest.raises(DomainError):
        delete_card(dialogue, ben, card.id)
    delete_card(dialogue, anna, card.id)
    assert dialogue.rounds[1].cards == []


def test_cards_cannot_change_after_the_round_closes():
    clock = Clock()
    dialogue, people = running_table("Anna", clock=clock)
    advance_to(dialogue, clock, 1)
    anna = people["Anna"].id
    card = add_card(dialogue, anna, anna, "Buurthuis", clock.tick())
    advance_to(dialogue, clock, 2)
    with pytest.raises(DomainError) as err:
        edit_card(dialogue, anna, card.id, "Later", clock.tick())
    assert err.value.code == e.ROUND_NOT_OPEN


def test_facilitator_types_a_card_for_someone_without_a_phone():
    clock = Clock()
    dialogue, _ = running_table("Anna", clock=clock)
    kees = join(dialogue, "Kees", "resident", clock.tick(), has_phone=False)
    advance_to(dialogue, clock, 1)
    card = add_card(dialogue, F, kees.id, "De bankjes bij de vijver", clock.tick())
    assert card.author_id == kees.id and card.by_facilitator


def test_moderation_hides_and_never_deletes():
    clock = Clock()
    dialogue, people = running_table("Anna", clock=clock)
    advance_to(dialogue, clock, 1)
    card = add_card(dialogue, F, people["Anna"].id, "Iets kwetsends", clock.tick())
    set_hidden(dialogue, F, card.id, True)
    assert card in dialogue.rounds[1].cards and card.hidden
    with pytest.raises(DomainError):
        set_hidden(dialogue, people["Anna"].id, card.id, False)


def test_at_most_twenty_cards_per_person_per_round():
    clock = Clock()
    dialogue, people = running_table("Anna", clock=clock)
    advance_to(dialogue, clock, 1)
    anna = people["Anna"].id
    for n in range(20):
        add_card(dialogue, anna, anna, f"kaartje {n}", clock.tick())
    with pytest.raises(DomainError) as err:
        add_card(dialogue, anna, anna, "nog een", clock.tick())
    assert err.value.code == e.TOO_MANY_CARDS and len(dialogue.rounds[1].cards) == 20


@pytest.mark.parametrize(
    "text,code", [("   ", e.TEXT_EMPTY), ("x" * 501, e.TEXT_TOO_LONG), ("a\x00b", e.TEXT_CONTROL_CHARS)]
)
def test_bad_card_text_is_refused(text, code):
    clock = Clock()
    dialogue, people = running_table("Anna", clock=clock)
    advance_to(dialogue, clock, 1)
    with pytest.raises(DomainError) as err:
        add_card(dialogue, people["Anna"].id, people["Anna"].id, text, clock.tick())
    assert err.value.code == code and dialogue.rounds[1].cards == []


# Dots
def _agenda(clock):
    dialogue, people = running_table("Anna", "Ben", clock=clock)
    dialogue.participants[1].role = Role.PROFESSIONAL
    advance_to(dialogue, clock, 2)
    anna, ben = people["Anna"].id, people["Ben"].id
    dream = add_card(dialogue, anna, anna, "Een moestuin", clock.tick())
    advance_to(dialogue, clock, 3)
    need = add_card(dialogue, ben, ben, "Een vaste plek", clock.tick())
    return dialogue, anna, ben, dream, need


def test_dots_go_on_dreams_and_needs_within_the_budget():
    clock = Clock()
    dialogue, anna, ben, dream, need = _agenda(clock)
    rnd = dialogue.rounds[3]
    for _ in range(2):
        place_dot(dialogue, anna, anna, dream.id, clock.tick())
    place_dot(dialogue, anna, anna, need.id, clock.tick())
    assert dots_left(rnd, anna) == 0
    with pytest.raises(DomainError) as err:
        place_dot(dialogue, anna, anna, need.id, clock.tick())
    assert err.value.code == e.NO_DOTS_LEFT
    place_dot(dialogue, ben, ben, need.id, clock.tick())
    assert dot_counts(dialogue, rnd) == {dream.id: 2, need.id: 2}
    assert dot_counts_by_role(dialogue, rnd)[need.id] == {Role.RESIDENT: 1, Role.PROFESSIONAL: 1}


def test_a_dot_can_be_taken_back():
    clock = Clock()
    dialogue, anna, _, dream, _ = _agenda(clock)
    place_dot(dialogue, anna, anna, dream.id, clock.tick())
    remove_dot(dialogue, anna, anna, dream.id)
    assert dots_left(dialogue.rounds[3], anna) == 3
    with pytest.raises(DomainError) as err:
        remove_dot(dialogue, anna, anna, dream.id)
    assert err.value.code == e.NO_DOT_HERE


def test_no_dots_on_hidden_cards_or_for_someone_else():
    clock = Clock()
    dialogue, anna, ben, dream, _ = _agenda(clock)
    set_hidden(dialogue, F, dream.id, True)
    with pytest.raises(DomainError) as err:
        place_dot(dialogue, anna, anna, dream.id, clock.tick())
    assert err.value.code == e.CARD_NOT_VOTABLE
    with pytest.raises(DomainError):
        place_dot(dialogue, ben, anna, dream.id, clock.tick())


def test_dots_only_in_an_open_vote_round():
    clock = Clock()
    dialogue, people = running_table("Anna", clock=clock)
    advance_to(dialogue, clock, 2)
    card = add_card(dialogue, F, people["Anna"].id, "Droom", clock.tick())
    with pytest.raises(DomainError) as err:
        place_dot(dialogue, F, people["Anna"].id, card.id, clock.tick())
    assert err.value.code == e.NOT_A_VOTE_ROUND


# Participants
@pytest.mark.parametrize("name,code", [("   ", e.NAME_EMPTY), ("\u200b \u200b", e.NAME_EMPTY),
                                       ("A" * 41, e.NAME_TOO_LONG), ("An\nna", e.NAME_CONTROL_CHARS)])
def test_bad_names_are_refused(name, code):
    dialogue, _ = table()
    with pytest.raises(DomainError) as err:
        join(dialogue, name, "resident", 1)
    assert err.value.code == code and dialogue.participants == []


def test_names_may_repeat_and_the_same_device_gets_the_same_person():
    dialogue, _ = table()
    one = join(dialogue, "Anna", "resident", 1, token="tok-1")
    two = join(dialogue, "Anna", "professional", 2, token="tok-2")
    again = join(dialogue, "Anna B", "other", 3, token="tok-1")
    assert one.id != two.id and again is one and len(dialogue.participants) == 2


def test_at_most_300_participants():
    dialogue, _ = table()
    for n in range(300):
        join(dialogue, f"P{n}", "resident", n)
    with pytest.raises(DomainError) as err:
        join(dialogue, "One more", "resident", 301)
    assert err.value.code == e.DIALOGUE_FULL and len(dialogue.participants) == 300


def test_name_and_role_can_change_while_running():
    dialogue, people = running_table("Anna")
    rename(dialogue, people["Anna"].id, people["Anna"].id, name="Anna K", role="business")
    assert (people["Anna"].name, people["Anna"].role) == ("Anna K", Role.BUSINESS)
    with pytest.raises(DomainError):
        rename(dialogue, people["Anna"].id, people["Anna"].id, role="king")
    assert people["Anna"].role == Role.BUSINESS


# Template and dialogue
def test_default_template_has_five_rounds_with_the_theme_in_the_questions():
    nl = new_dialogue(slug="a", title="De Linde", theme="thuis", now=0, texts=template_text)
    en = new_dialogue(slug="b", title="De Linde", theme="Free theme", now=0, language="en", texts=template_text)
    assert [r.card_kind for r in nl.rounds] == ["none", "experience", "dream", "need", "pledge"]
    assert "thuis in je buurt" in nl.rounds[0].question and "Free theme" in en.rounds[0].question
    assert en.rounds[0].title == "Getting acquainted"
    vote = nl.rounds[3]
    assert vote.dot_vote and vote.dots_per_person == 3 and vote.vote_on_rounds == [nl.rounds[2].id, vote.id]


def test_join_code_has_no_look_alikes_and_key_is_long():
    codes = {new_dialogue(slug="a", title="T", theme="", now=0, texts=template_text).join_code for _ in range(200)}
    assert all(len(c) == 5 and set(c) <= set(JOIN_CODE_ALPHABET) for c in codes)
    assert not set("0O1IL") & set(JOIN_CODE_ALPHABET)
    assert len(new_dialogue(slug="a", title="T", theme="", now=0, texts=template_text).facilitator_key) >= 20


def test_rounds_are_edited_only_while_preparing():
    dialogue, _ = table("Anna")
    extra = add_round(dialogue, F, "Extra", "Wat nog?")
    update_round(dialogue, F, extra.id, speaking_seconds=None, card_kind="need")
    assert extra.speaking_seconds is None and extra.card_kind == CardKind.NEED
    with pytest.raises(DomainError) as err:
        update_round(dialogue, F, extra.id, title="Nieuw", speaking_seconds=-5)
    assert err.value.code == e.INVALID_VALUE and extra.title == "Extra"
    remove_round(dialogue, F, dialogue.rounds[2].id)
    assert dialogue.rounds[2].vote_on_rounds == [dialogue.rounds[2].id]
    open_next_round(dialogue, F, 1)
    with pytest.raises(DomainError) as err:
        add_round(dialogue, F, "Te laat", "?")
    assert err.value.code == e.DIALOGUE_NOT_PREPARING


def test_finished_dialogue_takes_no_new_people():
    clock = Clock()
    dialogue, people = running_table("Anna", clock=clock)
    for index in range(len(dialogue.rounds)):
        if index:
            open_next_round(dialogue, F, clock.tick())
        next_speaker(dialogue, F, clock.tick())
        end_turn(dialogue, F, Outcome.SPOKE, clock.tick())
        close_round(dialogue, F, clock.tick())
    with pytest.raises(DomainError) as err:
        join(dialogue, "Laat", "resident", clock.tick())
    assert err.value.code == e.DIALOGUE_FINISHED
