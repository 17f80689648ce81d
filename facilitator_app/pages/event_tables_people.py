"""The people of an event on the dashboard's "Tafels en indeling" tab: who sits where, moving someone with
buttons (never by dragging), the sign-up list, seating everyone, a walk-in, and what the seating lacks.

Names are shown here: this is the organiser's own list of who signed up, not a dialogue's report.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from nicegui import events, ui

from rounds import DomainError, Role
from rounds.events import EventTable, SignUp
from rounds.events import tables as rules
from rounds.seating import APART, NOT_SEATED, seating_report

from ..events import ORGANISER, EventHall, SignupsRefused
from ..i18n import names_list, refusal, role_label, signup_problem, t
from .common import attempt
from .confirm import confirm
from .theme import aria_label, heading

if TYPE_CHECKING:
    from ..app import AppState

MAX_SIGNUP_BYTES = 2 * 1024 * 1024  # the command line's limit too: 2,000 people with every column fit easily


def seating_shortfalls(hall: EventHall, lang: str) -> list[str]:
    """What the seating as it is now could not do, in plain words (nothing before anyone signed up)."""
    event = hall.event
    if not event.people:
        return []
    report = seating_report(event)
    table_names = {tb.id: tb.name for tb in event.tables}
    person_names = {p.id: p.name for p in event.people}

    def tables(ids: list[str]) -> str:
        return names_list(lang, [table_names[i] for i in ids])

    lines = []
    if report.not_seated:
        lines.append(t(lang, "dash.seat.not_seated", count=len(report.not_seated)))
    filled_below = [tid for tid in report.below_minimum if report.tables.get(tid)]
    if filled_below:
        lines.append(t(lang, "dash.seat.below_minimum", tables=tables(filled_below), min=event.min_per_table))
    if report.without_resident:
        lines.append(t(lang, "dash.seat.without_resident", tables=tables(report.without_resident)))
    if report.without_professional:
        lines.append(t(lang, "dash.seat.without_professional", tables=tables(report.without_professional)))
    for wish in report.unmet:
        key = ("dash.seat.apart_same_table" if wish.kind == APART else
               "dash.seat.together_not_seated" if wish.reason == NOT_SEATED else "dash.seat.together_split")
        lines.append(t(lang, key, name=person_names.get(wish.person_id, "?"),
                       other=person_names.get(wish.other_id, "?")))
    return lines


class PeopleTools:
    """Everything on the tab that concerns people. Dialogs go into `dialogs`, a container outside the part
    of the page that is redrawn after each change, so a redraw never closes a dialog that is in use."""

    def __init__(self, state: AppState, hall: EventHall, lang: str, dialogs: ui.element) -> None:
        self.state, self.hall, self.lang, self.dialogs = state, hall, lang, dialogs

    # --- one person, and moving them ------------------------------------------------------------------
    def person_line(self, person: SignUp) -> None:
        lang = self.lang
        with ui.row().classes("items-center gap-2 wd-dash-person").mark(f"person-{person.id}"):
            ui.label(person.name).classes("wd-text col").mark("person-name")
            ui.label(role_label(lang, person.role)).classes("wd-chip")
            if not person.has_phone:
                with ui.row().classes("items-center gap-0 no-wrap"):
                    ui.icon("phone_disabled", size="xs").classes("wd-muted")  # the words follow for screen readers
                    ui.label(t(lang, "dash.no_phone")).classes("wd-muted text-caption").style("white-space: nowrap")
            move = ui.button(t(lang, "dash.move"), icon="swap_horiz",
                             on_click=lambda pid=person.id: self.move_dialog(pid)).props("flat no-caps").mark(
                f"move-{person.id}")
            aria_label(move, t(lang, "dash.move_person", name=person.name))

    def move_dialog(self, person_id: str) -> None:
        """One button per other table that still has room."""
        event, lang = self.hall.event, self.lang
        person = next((p for p in event.people if p.id == person_id), None)
        if person is None:
            return
        here = rules.table_of(event, person_id)
        choices = [tb for tb in rules.planned_tables(event)
                   if tb is not here and len(tb.seats) < event.max_per_table]
        with self.dialogs, ui.dialog() as dialog, ui.card().classes("gap-2").style("min-width: 20rem"):
            heading(t(lang, "dash.move_title", name=person.name), 2)
            if not choices:
                ui.label(t(lang, "dash.move_nowhere")).classes("wd-text")
            for table in choices:
                label = t(lang, "dash.move_to", table=table.name, seated=len(table.seats), max=event.max_per_table)
                button = ui.button(label, on_click=lambda tid=table.id: self._move(person_id, tid, dialog)).props(
                    "outline no-caps").classes("w-full").mark(f"move-{person_id}-to-{table.id}")
                aria_label(button, t(lang, "dash.move_person_to", name=person.name, table=table.name))
            ui.button(t(lang, "console.close"), on_click=dialog.close).props("flat").mark("move-close")
        dialog.on_value_change(lambda e: None if e.value else dialog.delete())
        dialog.open()

    async def _move(self, person_id: str, table_id: str, dialog: ui.dialog) -> None:
        dialog.close()
        await attempt(self.lang, self.hall.move_person(ORGANISER, person_id, table_id))

    # --- the sign-up list and seating -----------------------------------------------------------------
    def signups_section(self) -> None:
        lang = self.lang
        # Folded once people are on the list: on the day the tables matter more than the import.
        with ui.expansion(t(lang, "dash.signups_title"), icon="upload_file",
                          value=not self.hall.event.people).classes("w-full wd-card").mark("signups"):
            ui.label(t(lang, "dash.signups_intro")).classes("wd-text")
            upload = ui.upload(label=t(lang, "dash.signups_upload"), auto_upload=True, on_upload=self._signups,
                               max_file_size=MAX_SIGNUP_BYTES).props('accept=".csv,.txt,text/csv"').classes(
                "w-full").mark("signups-upload")
            upload.on_rejected(self._too_big)
            self.signup_answer = ui.column().classes("w-full gap-1").mark("signup-answer")
            self.seat_button = ui.button(t(lang, "dash.seat_everyone"), icon="groups",
                                         on_click=self._ask_seat_everyone).props("unelevated").mark("seat-everyone")

    def update(self) -> None:
        """After a change of the event: seating everyone afresh is for before the day only."""
        self.seat_button.set_visibility(bool(self.hall.event.people) and not self.hall.event.started)

    def _too_big(self) -> None:
        ui.notify(t(self.lang, "dash.signups_too_big", mb=MAX_SIGNUP_BYTES // 2**20), type="warning",
                  position="top")

    async def _signups(self, event: events.UploadEventArguments) -> None:
        lang = self.lang
        self.signup_answer.clear()
        if event.file.size() > MAX_SIGNUP_BYTES:  # the browser's limit can be bypassed; never read it all
            self._too_big()
            return
        raw = await event.file.read()
        try:
            result = await self.hall.import_signups(ORGANISER, raw)
        except SignupsRefused as refused:
            with self.signup_answer:
                ui.label(refusal(lang, refused)).classes("text-negative wd-text").mark("signups-refused")
                for problem in refused.result.problems:
                    ui.label(signup_problem(lang, problem)).classes("wd-text").mark("signup-problem")
            return
        except DomainError as err:
            with self.signup_answer:
                ui.label(refusal(lang, err)).classes("text-negative wd-text").mark("signups-refused")
            return
        with self.signup_answer:
            ui.label(t(lang, "dash.signups_read", count=len(result.signups))).classes("text-positive").mark(
                "signups-read")
            for problem in result.problems:  # lines that were read with something left out
                ui.label(signup_problem(lang, problem)).classes("wd-text").mark("signup-problem")
        self.update()

    async def _ask_seat_everyone(self) -> None:
        if any(tb.seats for tb in self.hall.event.tables):  # moves made by hand would be lost
            with self.dialogs:
                confirm(self.lang, t(self.lang, "dash.seat_again_question"), t(self.lang, "dash.seat_everyone"),
                        self._seat_everyone, marker="confirm-seat")
            return
        await self._seat_everyone()

    async def _seat_everyone(self) -> None:
        seating = await attempt(self.lang, self.hall.seat_everyone(ORGANISER))
        if seating is not None:
            ui.notify(t(self.lang, "dash.seated_everyone"), type="positive", position="top")

    # --- a walk-in ------------------------------------------------------------------------------------
    def walk_in_form(self) -> None:
        lang = self.lang
        with ui.column().classes("w-full wd-card gap-2").mark("walk-in"):
            heading(t(lang, "dash.walk_in_title"), 2)
            with ui.row().classes("w-full items-end gap-3"):
                name = ui.input(t(lang, "console.person_name")).props("outlined maxlength=40").mark("walk-in-name")
                role = ui.select({r.value: role_label(lang, r.value) for r in Role}, value=Role.RESIDENT.value,
                                 label=t(lang, "console.person_role")).props("outlined").style(
                    "min-width: 12em").mark("walk-in-role")
                phone = ui.checkbox(t(lang, "dash.has_phone"), value=True).mark("walk-in-phone")
                result = ui.label().classes("text-h6").mark("walk-in-result")

                async def add() -> None:
                    added = await attempt(lang, self.hall.add_walk_in(ORGANISER, name.value or "", role.value,
                                                                      has_phone=bool(phone.value)))
                    if added is not None:
                        person, table = added
                        result.set_text(t(lang, "dash.walk_in_seated", name=person.name, table=table.name))
                        name.set_value("")

                ui.button(t(lang, "dash.walk_in_add"), icon="person_add", on_click=add).mark("walk-in-add")

    def unseated(self) -> list[SignUp]:
        return rules.unseated(self.hall.event)

    def table_people(self, table: EventTable) -> list[SignUp]:
        by_id = {p.id: p for p in self.hall.event.people}
        return [by_id[pid] for pid in table.seats if pid in by_id]
