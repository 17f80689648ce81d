"""The gate of the event harvest: every table that went ahead is finished, or closed early with its reason.

A table's own gate (exports/gate.py) already says what is missing inside one dialogue; here each of its
lines is prefixed with the table's name, so the organiser sees which table blocks and why:
"Tafel 2: Ronde 3: Ben en Chris zijn nog niet gehoord". Like the dialogue's gate, these messages are
for the organiser, not for the harvest, so they use people's real names.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from rounds import Dialogue
from rounds.events import Event, EventTable, TableStatus

from .gate import HarvestNotReady, missing_for_harvest
from .strings import lang_of, t


class EventHarvestNotReady(HarvestNotReady):
    """Some tables are not finished. `missing` holds one line per blocking reason, in the event's language.

    A HarvestNotReady, so a page that already shows a dialogue's refusal can show this one the same way.
    """

    def __init__(self, missing: list[str], lang: str) -> None:
        super().__init__(missing, lang)
        self.args = (event_message(missing, lang),)


def planned(event: Event) -> list[EventTable]:
    return [table for table in event.tables if table.status == TableStatus.PLANNED]


def _table_missing(table: EventTable, dialogue: Dialogue | None, lang: str) -> list[str]:
    if dialogue is None:
        return [t(lang, "event.gate_no_dialogue", table=table.name)]
    # The table's own gate, worded in the event's language (the copy is shallow; the gate only reads).
    missing = missing_for_harvest(dataclasses.replace(dialogue, language=lang))
    # The domain refuses an early close without a reason; a file from another laptop may still lack one.
    missing += [t(lang, "event.gate_no_reason", n=number)
                for number, rnd in enumerate(dialogue.rounds, start=1)
                if rnd.override is not None and not rnd.override.reason.strip()]
    return [t(lang, "event.gate_table", table=table.name, what=line) for line in missing]


def event_gate(event: Event, dialogues: Mapping[str, Dialogue], lang: str | None = None) -> list[str]:
    """Why the event harvest cannot be made yet, one line per reason; empty when it can.

    `dialogues` maps table id to that table's dialogue. Cancelled tables never block.
    """
    language = lang_of(lang or event.language)
    tables = planned(event)
    if not tables:
        return [t(language, "event.gate_no_tables")]
    missing: list[str] = []
    for table in tables:
        missing += _table_missing(table, dialogues.get(table.id), language)
    return missing


def event_message(missing: list[str], lang: str) -> str:
    """The whole refusal as one text, one blocking reason per line."""
    return "\n".join([t(lang, "event.gate_intro"), *(f"- {line}" for line in missing)])


def require_event_finished(event: Event, dialogues: Mapping[str, Dialogue], lang: str | None = None) -> None:
    missing = event_gate(event, dialogues, lang)
    if missing:
        raise EventHarvestNotReady(missing, lang_of(lang or event.language))
