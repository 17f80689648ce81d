"""The event harvest of a Dag van de Dialoog: all tables in one report, gated like a dialogue's.

The organiser's page and the CLI call:
- `event_gate(event, dialogues)`: why the harvest cannot be made yet, one line per blocking table; empty
  when it can. `dialogues` maps a table id to that table's dialogue.
- `build_event_harvest(event, dialogues, wall, lang=, anonymous=, tz=)`: the view every writer prints;
  it raises `EventHarvestNotReady` (a `HarvestNotReady`, with `.missing`) when the gate is closed.
- `event_harvest_files(harvest)` (exports/event_render.py): one file per format, by file name.

Names follow each table's harvest: a name only with consent, and none at all in the anonymous version.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import tzinfo

from rounds import Dialogue
from rounds.events import Event
from rounds.events.wall import Wall

from . import fmt
from .event_harvest_gate import EventHarvestNotReady, event_gate, require_event_finished
from .event_harvest_model import EventHarvest
from .event_harvest_tables import Tables, people_line, record_lines, roles_and_felt, table_lines, tables_line
from .event_harvest_wall import WallCards, grouping_record, plenary_agenda, rank_differences, unpledged_dreams
from .strings import lang_of, t, theme_label

__all__ = ["EventHarvest", "EventHarvestNotReady", "build_event_harvest", "event_gate"]


def _places(tables: Tables) -> str:
    places = tables.event.places or [seat.table.place or seat.dialogue.place for seat in tables.seats]
    return ", ".join(dict.fromkeys(tables.scrub(place) for place in places if place))


def build_event_harvest(event: Event, dialogues: Mapping[str, Dialogue], wall: Wall, *, lang: str | None = None,
                        anonymous: bool = False, tz: tzinfo | None = None) -> EventHarvest:
    """Everything the event harvest says, in the event's language (or `lang`). `tz` None: this machine's zone.

    Refuses (EventHarvestNotReady) while a table that went ahead is not finished.
    """
    language = lang_of(lang or event.language)
    require_event_finished(event, dialogues, language)
    tables = Tables(event, dialogues, language, anonymous)
    cards = WallCards(tables, wall)
    agenda, agenda_roles = plenary_agenda(cards)
    differences, difference_rule = rank_differences(agenda, language)
    roles, felt_intro = roles_and_felt(tables)
    return EventHarvest(
        lang=language, anonymous=anonymous, slug=event.slug, title=tables.scrub(event.title),
        theme=tables.scrub(theme_label(event.theme, language)),
        date=tables.scrub(event.date) or fmt.long_date(event.started_at, language, tz),
        places=_places(tables), tables_line=tables_line(tables),
        people_total=sum(len(seat.dialogue.participants) for seat in tables.seats), people_line=people_line(tables),
        roles=roles, felt_intro=felt_intro, tables=table_lines(tables),
        agenda=agenda, agenda_roles=agenda_roles, trace_rule=t(language, "event.trace_rule"),
        differences=differences, difference_rule=difference_rule,
        unpledged=unpledged_dreams(cards), pledge_rule=t(language, "event.pledge_rule"),
        record=record_lines(tables, cards.hidden_on_wall, cards.gone_from_wall),
        record_note=t(language, "event.record_note"), grouping=grouping_record(cards, agenda),
    )
