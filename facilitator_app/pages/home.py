"""Home `/` (facilitator only): the dialogues on this machine, a form to create one, and the same for a Dag van
de Dialoog (home_events.py)."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from nicegui import ui

from rounds import DomainError
from rounds.templates import THEMES

from ..i18n import refusal, t, theme_label
from ..room import Damaged
from .gate import is_facilitator, key_page, logout_button
from .home_events import NewEventForm, event_list
from .theme import frame, heading

if TYPE_CHECKING:
    from ..app import AppState


def register(state: AppState) -> None:
    @ui.page("/")
    def home(key: str | None = None) -> None:
        lang = state.settings.lang
        if not is_facilitator(state, key):
            key_page(state, lang, wrong=bool(key))
            return
        with frame(t(lang, "app_name"), lang):
            with ui.row().classes("w-full items-center justify-between"):
                heading(t(lang, "home.title"))
                with ui.row().classes("items-center gap-3"):
                    ui.link(t(lang, "home.harvest"), "/harvest").classes("text-lg").mark("harvest-link")
                    logout_button(lang)
            dialogue_list(state, lang)
            create_form(state, lang)
            event_list(state, lang)  # a Dag van de Dialoog: one event, many tables (home_events.py)
            NewEventForm(state, lang).build()


def dialogue_list(state: AppState, lang: str) -> None:
    # A Dag van de Dialoog's tables are reached through its dashboard: 137 of them would bury the rest here.
    event_tables = {tb.dialogue_slug for hall in state.events.all() for tb in hall.event.tables}
    rooms = [room for room in state.rooms.all() if isinstance(room, Damaged) or room.slug not in event_tables]
    with ui.column().classes("w-full gap-2").mark("dialogue-list"):
        if not rooms:
            ui.label(t(lang, "home.none")).classes("wd-muted")
        for room in rooms:
            if isinstance(room, Damaged):
                ui.label(t(lang, "home.damaged", file=f"{room.slug}.json", reason=room.reason)).classes(
                    "text-negative wd-card w-full").mark("dialogue-damaged")
                continue
            dialogue, slug = room.dialogue, room.slug
            with ui.row().classes("w-full wd-card items-center justify-between").mark("dialogue-row"):
                with ui.column().classes("gap-0"):
                    ui.label(dialogue.title).classes("text-h6 wd-text")
                    ui.label(" \u00b7 ".join(filter(None, [
                        theme_label(dialogue.theme, dialogue.language), dialogue.place, dialogue.date,
                        t(lang, f"status.{dialogue.status}"),
                        t(lang, "home.people", count=len(dialogue.participants))]))).classes("wd-muted")
                ui.button(t(lang, "home.open"), on_click=lambda s=slug: ui.navigate.to(f"/d/{s}")).mark(
                    f"open-{slug}")


def create_form(state: AppState, lang: str) -> None:
    with ui.column().classes("w-full wd-card gap-2").mark("create-form"):
        heading(t(lang, "home.new"), 2)
        title = ui.input(t(lang, "home.field.title")).props("outlined maxlength=120").classes("w-full").mark(
            "new-title")
        themes = {key: theme_label(key, lang) for key in THEMES}
        theme = ui.select(themes, label=t(lang, "home.field.theme"), value="thuis").props("outlined").classes(
            "w-full").mark("new-theme")
        free = ui.input(t(lang, "home.field.theme_free")).props("outlined maxlength=200").classes("w-full")
        with ui.row().classes("w-full gap-3"):
            place = ui.input(t(lang, "home.field.place")).props("outlined maxlength=200").classes("col")
            date = ui.input(t(lang, "home.field.date"), value=time.strftime("%Y-%m-%d")).props(
                "outlined type=date").classes("col")
        with ui.row().classes("w-full gap-3"):
            language = ui.select({"nl": t(lang, "lang.nl"), "en": t(lang, "lang.en")}, value=state.settings.lang,
                                 label=t(lang, "home.field.language")).props("outlined").classes("col")
            template = ui.select({k: t(lang, f"home.template.{k}") for k in ("wijkdialoog", "leeg")},
                                 value="wijkdialoog", label=t(lang, "home.field.template")).props("outlined").classes(
                "col")

        def create() -> None:
            try:
                room = state.rooms.create(
                    title=title.value or "", theme=(free.value or "").strip() or theme.value,
                    place=place.value or "", date=date.value or "", language=language.value,
                    template=template.value)
            except DomainError as err:
                ui.notify(refusal(lang, err), type="warning", position="top")
                return
            ui.navigate.to(f"/d/{room.slug}")

        ui.button(t(lang, "home.create"), icon="add", on_click=create).props("unelevated size=lg").mark("create")
