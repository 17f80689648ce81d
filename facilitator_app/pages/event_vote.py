"""Phone `/e/{event}/vote`: dots on the plenary wall's themes, from every phone that sits at a table.

The phone is recognised as at its table's page: by the device token of each table's dialogue. A phone that
is nobody at any table is sent to the event's QR page and gets no buttons (the event's door refuses its
dots anyway). The phone's own language and right-to-left look come from phone_look.py, like the table's
phone page; people's own words (theme titles, card texts) take their direction from their first letter.

Live, and cheap with a few hundred phones: a dot placed by someone else changes nothing on this phone, so
only the opening and closing of the voting, a change to the themes, and a card edited or hidden at a table
redraw it (once per burst, see common.Redraw); this phone's own dots redraw it after its own command.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from nicegui import ui
from starlette.requests import Request
from starlette.responses import Response

from rounds import Participant
from rounds.events import EventTable
from rounds.events import tables as rules
from rounds.events.wall import dots_left, live_themes
from rounds.people import by_token

from ..events import EventChange, EventChanged, EventDamaged, EventHall
from ..events.wall_commands import voter_id
from ..i18n import t
from ..room import Change, Changed, Room
from .common import Redraw, attempt
from .event_wall_cards import TableWatch, cards_by_theme, table_card_changed, wall_cards, wall_version
from .phone import device_token
from .phone_look import PhoneLook, apply_look, choose_look, isolate, keep_look, look_bar
from .refused import too_many_tries
from .theme import aria_label, frame, heading

if TYPE_CHECKING:
    from ..app import AppState

CARDS_PER_THEME = 3  # a summary: the phone is for choosing, the wall shows the rest


def find_voter(state: AppState, hall: EventHall) -> tuple[EventTable, Room, Participant] | None:
    """The table and the person this phone is, from its device token at each planned table."""
    for table in rules.planned_tables(hall.event):
        room = hall.table_room(table)
        person = by_token(room.dialogue, device_token(state, room.slug)) if room is not None else None
        if person is not None:
            return table, room, person
    return None


def register(state: AppState) -> None:
    @ui.page("/e/{event_slug}/vote", viewport="width=device-width, initial-scale=1")
    def vote(event_slug: str, request: Request) -> Response | None:
        client_ip = ui.context.client.ip
        if state.access.code_guessing_blocked(client_ip):  # a guessed event address counts like a join code
            ui.context.client.delete()
            return too_many_tries(request, state.settings.lang)
        try:
            hall = state.events.get(event_slug)
        except EventDamaged:
            hall = None
        look = choose_look(request, hall.event.language if hall else state.settings.lang)
        apply_look(look)
        if hall is None:
            state.access.count_wrong_code(client_ip)
            with frame(t(look.lang, "app_name"), look.lang):
                heading(t(look.lang, "event.no_entry_title"))
                ui.label(t(look.lang, "event.unknown")).classes("text-lg").mark("vote-unknown")
            return None
        with frame(hall.event.title, look.lang):
            found = find_voter(state, hall)
            if found is None:
                heading(t(look.lang, "phone.wall_title"))
                ui.label(t(look.lang, "phone.wall_who")).classes("text-lg").mark("vote-who")
                ui.link(t(look.lang, "phone.wall_to_join"), f"/e/{hall.slug}/join").classes("text-lg").mark(
                    "vote-to-join")
                look_bar(look)
                return None
            table, room, person = found
            keep_look(look, room.dialogue, person.id)
            VoteView(hall, table, room, person.id, look).build()
        return None


class VoteView:
    def __init__(self, hall: EventHall, table: EventTable, room: Room, person_id: str, look: PhoneLook) -> None:
        self.hall, self.table, self.room, self.person_id, self.look = hall, table, room, person_id, look
        self.lang = look.lang
        self.voter = voter_id(table.id, person_id)

    def build(self) -> None:
        person = self.room.person(self.person_id)
        ui.label(t(self.lang, "phone.hello", name=isolate(person.name, self.look))).classes("text-lg").mark(
            "phone-hello")
        self.part = ui.refreshable(self._draw)
        self.part()
        look_bar(self.look, on_large=lambda look: keep_look(look, self.room.dialogue, self.person_id))
        self.redraw = Redraw(self.part, lambda: wall_version(self.hall))
        self.watch = TableWatch(self.hall, self.table_changed)
        self.hall.changed.subscribe(self.event_changed)

    def event_changed(self, change: EventChange) -> None:
        self.watch.event_changed(change)
        # A dot placed by anyone returns a count; opening and closing return the wall.
        if change.kind is EventChanged.WALL or (change.kind is EventChanged.VOTES and not isinstance(
                change.subject, int)):
            self.redraw()

    def table_changed(self, change: Change) -> None:
        if change.kind is Changed.REMOVED and self.room.person(self.person_id) is None:
            ui.navigate.reload()  # taken out of the table: this phone is nobody now
        elif self.hall.wall.voting_open and table_card_changed(change, new_cards=False):
            self.redraw()  # a card edited or hidden at a table: its text may be in a theme's summary

    def _draw(self) -> None:
        wall, lang = self.hall.wall, self.lang
        heading(t(lang, "phone.wall_title"))
        if not wall.voting_open:
            key = "phone.wall_done" if wall.voting_closed_at is not None else "phone.wall_wait"
            ui.label(t(lang, key)).classes("text-lg wd-card").mark("vote-wait")
            return
        left = dots_left(wall, self.voter)
        ui.label(t(lang, "phone.dots_left", count=left)).classes("text-h6").mark("vote-dots-left")
        ui.label(t(lang, "phone.wall_intro"))
        mine: dict[str, int] = {}
        for dot in wall.dots:
            if dot.voter == self.voter:
                mine[dot.theme_id] = mine.get(dot.theme_id, 0) + 1
        by_theme = cards_by_theme(self.hall, {c.ref: c for c in wall_cards(self.hall)})
        themes = [theme for theme in live_themes(wall) if by_theme[theme.id]]
        if not themes:
            ui.label(t(lang, "phone.wall_no_themes")).classes("text-lg").mark("vote-no-themes")
        for theme in themes:
            cards = by_theme[theme.id]
            with ui.column().classes("w-full wd-card gap-1").mark("vote-theme", f"vote-theme-{theme.id}"):
                heading(theme.title, 2).mark("vote-theme-title")
                for card in cards[:CARDS_PER_THEME]:
                    ui.label(card.card.text).classes("wd-text text-base wd-muted")
                if len(cards) > CARDS_PER_THEME:
                    ui.label(t(lang, "phone.wall_more", count=len(cards) - CARDS_PER_THEME)).classes(
                        "text-base wd-muted")
                count = mine.get(theme.id, 0)
                with ui.row().classes("w-full items-center no-wrap gap-2"):
                    ui.label(t(lang, "phone.wall_mine", count=count) if count else "").classes(
                        "col text-h6 text-primary").mark("vote-mine")
                    title = isolate(theme.title, self.look)
                    minus = ui.button("\u2212", on_click=lambda th=theme.id: self._dot(th, False)).props(
                        "outline size=lg").mark("vote-minus", f"vote-minus-{theme.id}")
                    minus.set_enabled(count > 0)
                    aria_label(minus, t(lang, "phone.wall_dot_remove_for", theme=title))
                    plus = ui.button("+", on_click=lambda th=theme.id: self._dot(th, True)).props(
                        "unelevated size=lg").mark("vote-plus", f"vote-plus-{theme.id}")
                    plus.set_enabled(left > 0)
                    aria_label(plus, t(lang, "phone.wall_dot_add_for", theme=title))

    async def _dot(self, theme_id: str, add: bool) -> None:
        command = (self.hall.place_wall_dot if add else self.hall.remove_wall_dot)(self.voter, theme_id)
        if await attempt(self.lang, command) is not None:
            self.redraw()
