"""The two doors into an event's tables: a host's link, and the event's QR code for a phone.

- `/e/{event}/host/{table}?key=...`: a table's host link. It opens that table's console (and, from
  there, its projector) and nothing else. A revoked or wrong link says so, in plain words.
- `/e/{event}/join`: the QR code on the wall and in the invitation. A phone types its name and is sent
  to its table; someone not on the list chooses a table with room. Nobody's table is shown for a name
  that was not typed, and names that match nobody count as wrong guesses (like join codes).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from nicegui import ui
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from rounds.events import tables as rules
from rounds.people import by_token
from rounds.text import look_alike_key

from ..events import EventDamaged, EventHall
from ..i18n import t
from .event_access import may_host_table
from .phone import device_token
from .phone_look import apply_look, choose_look
from .refused import too_many_tries
from .theme import frame, heading

if TYPE_CHECKING:
    from ..app import AppState


def to_table(label: str, code: str) -> ui.button:
    """A link to a table's join form, drawn as a button: the browser opens it itself (it is a plain page)."""
    button = ui.button(label).classes("w-full")
    button.props["href"] = f"/join/{code}"
    return button


def _hall(state: AppState, slug: str) -> EventHall | None:
    try:
        return state.events.get(slug)
    except EventDamaged:
        return None


def _no_entry(lang: str, message_key: str) -> None:
    with frame(t(lang, "app_name"), lang):
        heading(t(lang, "event.no_entry_title"))
        ui.label(t(lang, message_key)).classes("text-lg").mark("event-no-entry")


def tables_with_room(state: AppState, hall: EventHall) -> list[tuple[str, str, int]]:
    """(table name, join code, free places) of every planned table that has room, in table order."""
    found = []
    for table in rules.planned_tables(hall.event):
        room = hall.table_room(table)
        if room is None or room.dialogue.joining_locked:
            continue
        taken = max(len(table.seats), sum(1 for p in room.dialogue.participants if p.present))
        if taken < hall.event.max_per_table:
            found.append((table.name, room.dialogue.join_code, hall.event.max_per_table - taken))
    return found


def register(state: AppState) -> None:
    @ui.page("/e/{event_slug}/host/{table_id}")
    def host_link(event_slug: str, table_id: str, key: str | None = None) -> Response | None:
        hall = _hall(state, event_slug)
        lang = hall.event.language if hall else state.settings.lang
        if hall is None or hall.table(table_id) is None:
            _no_entry(lang, "event.host_link_unknown")
            return None
        if state.access.wrong_keys.blocked(ui.context.client.ip):
            _no_entry(lang, "access.too_many")
            return None
        if not may_host_table(state, hall, table_id, key):
            _no_entry(lang, "event.host_link_revoked")
            return None
        table = hall.table(table_id)
        ui.context.client.delete()  # no page is drawn here: the browser goes on to the table's console
        return RedirectResponse(f"/d/{table.dialogue_slug}", status_code=303)

    @ui.page("/e/{event_slug}/join", viewport="width=device-width, initial-scale=1")
    def event_join(event_slug: str, request: Request) -> Response | None:
        client_ip = ui.context.client.ip
        if state.access.code_guessing_blocked(client_ip):
            ui.context.client.delete()
            return too_many_tries(request, state.settings.lang)
        hall = _hall(state, event_slug)
        look = choose_look(request, hall.event.language if hall else state.settings.lang)
        lang = look.lang
        if hall is None:
            state.access.count_wrong_code(client_ip)
            _no_entry(lang, "event.unknown")
            return None
        apply_look(look)
        with frame(hall.event.title, lang):
            heading(hall.event.title).mark("event-title")
            mine = _my_table(state, hall)
            if mine is not None:
                name, code = mine
                ui.label(t(lang, "event.your_table", table=name)).classes("text-h6").mark("event-your-table")
                to_table(t(lang, "event.to_table"), code).mark("event-go")
                return None
            EventJoinForm(state, hall, lang).build()
        return None


def _my_table(state: AppState, hall: EventHall) -> tuple[str, str] | None:
    """The table whose dialogue this phone already joined (it came back to the event's QR code)."""
    for table in rules.planned_tables(hall.event):
        room = hall.table_room(table)
        if room is not None and by_token(room.dialogue, device_token(state, room.slug)) is not None:
            return table.name, room.dialogue.join_code
    return None


class EventJoinForm:
    def __init__(self, state: AppState, hall: EventHall, lang: str) -> None:
        self.state, self.hall, self.lang = state, hall, lang

    def build(self) -> None:
        lang = self.lang
        ui.label(t(lang, "event.join_intro")).classes("text-lg")
        self.name = ui.input(t(lang, "event.your_name")).props("outlined autocomplete=name").classes(
            "w-full").mark("event-name")
        self.name.on("keydown.enter", self.find)
        ui.button(t(lang, "event.find_table"), on_click=self.find).classes("w-full").mark("event-find")
        self.answer = ui.column().classes("w-full gap-2").mark("event-answer")

    def find(self) -> None:
        lang, event = self.lang, self.hall.event
        client_ip = ui.context.client.ip
        self.answer.clear()
        with self.answer:
            if self.state.access.code_guessing_blocked(client_ip):
                ui.label(t(lang, "access.too_many")).classes("text-negative text-lg")
                return
            wanted = look_alike_key(self.name.value or "")
            matches = [p for p in event.people if wanted and look_alike_key(p.name) == wanted]
            seated = [table for p in matches if (table := rules.table_of(event, p.id)) is not None]
            if seated and all(table is seated[0] for table in seated):
                table = seated[0]
                room = self.hall.table_room(table)
                if room is not None:
                    ui.label(t(lang, "event.your_table", table=table.name)).classes("text-h6").mark(
                        "event-your-table")
                    to_table(t(lang, "event.to_table"), room.dialogue.join_code).mark("event-go")
                    return
            if wanted:
                self.state.access.count_wrong_code(client_ip)
            ui.label(t(lang, "event.not_on_list")).classes("text-lg").mark("event-not-found")
            room_left = tables_with_room(self.state, self.hall)
            if not room_left:
                ui.label(t(lang, "event.no_room")).classes("text-lg text-negative")
            for name, code, free in room_left:
                to_table(t(lang, "event.table_with_room", table=name, count=free), code).props("outline").mark(
                    "event-table-choice")
