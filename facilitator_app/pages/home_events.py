"""The home page's "Dag van de Dialoog" section (app key only): the events on this laptop, and a form to make
one, with its tables and optionally a sign-up list, through `Events.create` (nothing is left half made)."""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

from nicegui import events, ui

from rounds import DomainError
from rounds.events import tables as rules
from rounds.events.model import MAX_TABLES
from rounds.templates import THEMES

from ..events import SignupsRefused
from ..i18n import refusal, signup_problem, t, theme_label
from .event_tables_people import MAX_SIGNUP_BYTES
from .theme import aria_label, heading

if TYPE_CHECKING:
    from ..app import AppState


def event_list(state: AppState, lang: str) -> None:
    with ui.column().classes("w-full gap-2").mark("event-list"):
        heading(t(lang, "home.event.title"), 2)
        halls = state.events.all()
        if not halls:
            ui.label(t(lang, "home.event.none")).classes("wd-muted")
        for hall in halls:
            event = hall.event
            with ui.row().classes("w-full wd-card items-center justify-between").mark("event-row"):
                with ui.column().classes("gap-0"):
                    ui.label(event.title).classes("text-h6 wd-text")
                    ui.label(" \u00b7 ".join(filter(None, [
                        theme_label(event.theme, lang) if event.theme else "", event.date,
                        t(lang, "dash.tables_count", count=len(rules.planned_tables(event))),
                        t(lang, "home.people", count=len(event.people))]))).classes("wd-muted")
                button = ui.button(t(lang, "home.open"), on_click=lambda s=hall.slug: ui.navigate.to(f"/e/{s}")).mark(
                    f"open-event-{hall.slug}")
                aria_label(button, t(lang, "home.event.open_named", title=event.title))


class NewEventForm:
    """Title, theme, date, number of tables, places, and an optional sign-up list."""

    def __init__(self, state: AppState, lang: str) -> None:
        self.state, self.lang = state, lang
        self.signups: bytes | None = None

    def build(self) -> None:
        lang = self.lang
        with ui.expansion(t(lang, "home.event.new"), icon="groups").classes("w-full wd-card").mark("new-event"):
            with ui.column().classes("w-full gap-2"):
                self.title = ui.input(t(lang, "home.event.name")).props("outlined maxlength=120").classes(
                    "w-full").mark("event-title-input")
                themes = {key: theme_label(key, lang) for key in THEMES}
                self.theme = ui.select(themes, label=t(lang, "home.event.theme"), value="thuis").props(
                    "outlined").classes("w-full").mark("event-theme")
                self.free = ui.input(t(lang, "home.event.theme_free")).props("outlined maxlength=200").classes(
                    "w-full")
                with ui.row().classes("w-full gap-3"):
                    self.date = ui.input(t(lang, "home.event.date"), value=time.strftime("%Y-%m-%d")).props(
                        "outlined type=date").classes("col")
                    self.tables = ui.number(t(lang, "home.event.tables", max=MAX_TABLES), value=10, min=1,
                                            max=MAX_TABLES, step=1, precision=0).props("outlined").classes(
                        "col").mark("event-tables")
                    self.language = ui.select({"nl": t(lang, "lang.nl"), "en": t(lang, "lang.en")},
                                              value=self.state.settings.lang,
                                              label=t(lang, "home.event.language")).props("outlined").classes("col")
                self.places = ui.input(t(lang, "home.event.places")).props("outlined maxlength=2000").classes(
                    "w-full").mark("event-places")
                ui.label(t(lang, "home.event.signups_optional")).classes("wd-muted")
                upload = ui.upload(label=t(lang, "dash.signups_upload"), auto_upload=True, on_upload=self._uploaded,
                                   max_file_size=MAX_SIGNUP_BYTES).props('accept=".csv,.txt,text/csv"').classes(
                    "w-full").mark("event-signups")
                upload.on_rejected(self._too_big)
                self.file_label = ui.label().classes("wd-muted").mark("event-signups-file")
                self.problems = ui.column().classes("w-full gap-1").mark("event-problems")
                ui.button(t(lang, "home.event.create"), icon="add", on_click=self.create).props(
                    "unelevated size=lg").mark("create-event")

    def _too_big(self) -> None:
        ui.notify(t(self.lang, "dash.signups_too_big", mb=MAX_SIGNUP_BYTES // 2**20), type="warning",
                  position="top")

    async def _uploaded(self, event: events.UploadEventArguments) -> None:
        if event.file.size() > MAX_SIGNUP_BYTES:  # the browser's limit can be bypassed; never read it all
            self._too_big()
            return
        self.signups = await event.file.read()
        self.file_label.set_text(t(self.lang, "home.event.signups_file", file=event.file.name))

    def _say(self, text: str, lines: Sequence[str] = ()) -> None:
        self.problems.clear()
        with self.problems:
            ui.label(text).classes("text-negative wd-text").mark("event-refused")
            for line in lines:
                ui.label(line).classes("wd-text").mark("event-problem")

    async def create(self) -> None:
        lang = self.lang
        tables = self.tables.value
        if tables is None or tables != int(tables) or not 1 <= int(tables) <= MAX_TABLES:
            self._say(t(lang, "home.event.tables_range", max=MAX_TABLES))
            return
        places = [p.strip() for p in (self.places.value or "").split(",") if p.strip()]
        try:
            made = await self.state.events.create(
                title=self.title.value or "", tables=int(tables),
                theme=(self.free.value or "").strip() or self.theme.value or "", date=self.date.value or "",
                places=places, language=self.language.value, signups=self.signups)
        except SignupsRefused as refused:
            self._say(refusal(lang, refused), [signup_problem(lang, p) for p in refused.result.problems])
            return
        except DomainError as err:
            self._say(refusal(lang, err))
            return
        ui.navigate.to(f"/e/{made.hall.slug}")
