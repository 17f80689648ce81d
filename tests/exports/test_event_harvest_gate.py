"""The event harvest's gate: every table that went ahead is finished, or closed early with its reason."""

from __future__ import annotations

import pytest

from exports import HarvestNotReady
from exports.event_harvest import EventHarvestNotReady, build_event_harvest, event_gate
from rounds import FACILITATOR as F
from rounds import Status
from rounds.events import TableStatus
from rounds.events.wall import new_wall
from rounds.talking_piece import close_round, open_next_round

from .fixtures.event_day import START, event_day


def test_an_unfinished_table_blocks_and_the_organiser_sees_which_table_and_why():
    day = event_day("nl", finish=False)  # Tafel 2 is in its first round and nobody has been heard
    missing = event_gate(day.event, day.dialogues)
    assert missing[0].startswith("Tafel 2: Ronde 1: Dirk Mulder, Eva Smit en Fleur Gerritsen")
    assert all(line.startswith("Tafel 2: ") for line in missing)  # Tafel 1 and 3 are done; Tafel 4 cancelled
    assert len(missing) == 4  # round 1 open, rounds 2 to 4 not begun


def test_the_builder_refuses_with_the_same_list():
    day = event_day("nl", finish=False)
    with pytest.raises(EventHarvestNotReady) as refused:
        build_event_harvest(day.event, day.dialogues, day.wall)
    assert refused.value.missing == event_gate(day.event, day.dialogues)
    assert isinstance(refused.value, HarvestNotReady)  # a page that shows a dialogue's refusal shows this one too
    assert str(refused.value).splitlines()[0] == (
        "De oogst van de dag kan nog niet gemaakt worden. Deze tafels zijn nog niet klaar:")


def test_a_table_closed_early_with_its_reason_opens_the_gate_and_the_reason_is_reported():
    day = event_day("nl", finish=False)
    dialogue = day.dialogue("Tafel 2")
    close_round(dialogue, F, START + 3000, override_reason="Brandalarm, iedereen moest naar buiten.")
    for n in range(3):
        open_next_round(dialogue, F, START + 3001 + n)
        close_round(dialogue, F, START + 3002 + n, override_reason="Brandalarm, iedereen moest naar buiten.")
    assert dialogue.status == Status.FINISHED
    assert event_gate(day.event, day.dialogues) == []
    h = build_event_harvest(day.event, day.dialogues, new_wall())
    status = next(line.status for line in h.tables if line.name == "Tafel 2")
    assert "Ronde 1 is eerder gesloten, voordat iedereen gehoord was. Reden: Brandalarm" in status


def test_an_early_close_without_a_reason_blocks():
    # The domain refuses this; a table's file from another laptop might still hold it.
    day = event_day("nl")
    rnd = day.dialogue("Tafel 3").rounds[-1]
    assert rnd.override is not None
    rnd.override.reason = " "
    assert event_gate(day.event, day.dialogues) == ["Tafel 3: Ronde 4 is eerder gesloten, maar zonder reden."]


def test_a_planned_table_without_a_dialogue_blocks_and_a_cancelled_one_never_does():
    day = event_day("en")
    assert day.event.tables[3].status == TableStatus.CANCELLED and day.event.tables[3].id not in day.dialogues
    assert event_gate(day.event, day.dialogues) == []
    del day.dialogues[day.table_id["Tafel 2"]]
    assert event_gate(day.event, day.dialogues) == ["Table 2: this table has no dialogue yet."]


def test_the_gate_speaks_the_language_asked_for():
    day = event_day("en", finish=False)
    missing = event_gate(day.event, day.dialogues)
    assert missing[0].startswith("Table 2: Round 1: ")
    assert event_gate(day.event, day.dialogues, lang="nl")[0].startswith("Table 2: Ronde 1: ")


def test_an_event_with_every_table_cancelled_has_nothing_to_harvest():
    day = event_day("nl")
    for table in day.event.tables:
        table.status = TableStatus.CANCELLED
    assert event_gate(day.event, day.dialogues) == ["Er is geen tafel die doorgaat."]
