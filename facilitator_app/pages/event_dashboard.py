"""The organiser's dashboard `/e/{event}`: the day at a glance (live), the tables and seating, the plenary
wall and the harvest, as tabs.

Only the app's key or this event's organiser key opens it (`may_organise`); a table's host link does not.
The tabs are in their own modules: event_dashboard_overview.py, event_tables.py, event_wall_console.py
(the wall, when it is there) and event_harvest_panel.py.
"""

from __future__ import annotations

import importlib.util
import logging
from typing import TYPE_CHECKING

from nicegui import ui

from rounds.events import tables as rules

from ..events import EventChange, EventDamaged, EventHall
from ..i18n import t, theme_label
from ..network import qr_svg
from .event_access import full_facilitator, may_organise
from .event_dashboard_overview import OverviewPanel
from .event_harvest_panel import harvest_panel
from .event_tables import TablesPanel
from .gate import FORGET_KEY_IN_URL, key_page, logout_button
from .theme import frame, heading

if TYPE_CHECKING:
    from ..app import AppState

log = logging.getLogger(__name__)
WALL_MODULE = "facilitator_app.pages.event_wall_console"

# The dashboard's own classes (the app runs without Tailwind; see theme.py).
DASHBOARD_CSS = """
.wd-dash-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(270px, 1fr)); gap: 10px;
                width: 100%; }
.wd-dash-card { padding: 10px 12px; font-size: 0.9rem; gap: 2px; }
.wd-dash-cancelled { opacity: 0.6; background: #eeeeee; }
.wd-dash-role { width: 7em; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; font-size: 0.85rem; }
.wd-dash-bar { height: 7px; border-radius: 4px; min-width: 2px; }
.wd-dash-bar-talk { background: var(--wd-primary); }
.wd-dash-bar-people { background: #b3aa98; margin-top: 2px; }
.wd-dash-person { border-top: 1px solid var(--wd-line); padding: 0; flex-wrap: nowrap; }
.wd-dash-flag { display: inline-block; border-radius: 999px; padding: 1px 10px; font-size: 0.85rem; font-weight: 600;
                background: var(--wd-warm); color: var(--wd-warm-text); border: 1px solid #e6c78a; }
.wd-dash-flagged { border-left: 6px solid #b86e00; }
.wd-dash-people { display: grid; grid-template-columns: repeat(auto-fill, minmax(460px, 1fr)); column-gap: 24px;
                  width: 100%; }
"""


def _hall(state: AppState, slug: str) -> EventHall | None | str:
    """The event; None when there is none by that name; "damaged" for a file that cannot be used."""
    try:
        return state.events.get(slug)
    except EventDamaged as err:
        log.warning("event %s cannot be used: %s", slug, err.reason)
        return "damaged"


def _no_event(lang: str, message_key: str) -> None:
    with frame(t(lang, "app_name"), lang):
        heading(t(lang, "dash.no_event_title"))
        ui.label(t(lang, message_key)).classes("text-lg").mark("dash-no-event")
        ui.link(t(lang, "console.home"), "/")


def register(state: AppState) -> None:
    @ui.page("/e/{event_slug}")
    def dashboard(event_slug: str, key: str | None = None) -> None:
        if key:
            ui.add_head_html(FORGET_KEY_IN_URL)  # an organiser key is not left in the address bar either
        found = _hall(state, event_slug)
        lang = found.event.language if isinstance(found, EventHall) else state.settings.lang
        if not isinstance(found, EventHall):  # the reason stays in the log: the page only says it cannot open
            _no_event(lang, "dash.event_damaged" if found == "damaged" else "dash.event_unknown")
            return
        if not may_organise(state, found, key):
            key_page(state, lang, wrong=bool(key))
            return
        with frame(found.event.title, lang, wide=True):
            DashboardView(state, found, lang).build()


class DashboardView:
    def __init__(self, state: AppState, hall: EventHall, lang: str) -> None:
        self.state, self.hall, self.lang = state, hall, lang

    def build(self) -> None:
        lang, event = self.lang, self.hall.event
        ui.add_css(DASHBOARD_CSS)
        with ui.row().classes("w-full items-center justify-between"):
            with ui.column().classes("gap-0"):
                heading(event.title).mark("dash-title")
                self.status = ui.label().classes("wd-muted").mark("dash-status")
            with ui.row().classes("items-center gap-2"):
                if full_facilitator(self.state):  # the organiser of one event has no home page
                    ui.link(t(lang, "console.home"), "/").classes("text-lg q-mr-md")
                ui.button(t(lang, "dash.organiser_link"), icon="key", on_click=self._show_organiser_link).props(
                    "outline no-caps").mark("organiser-link")
                ui.button(t(lang, "dash.event_qr"), icon="qr_code_2", on_click=self._show_event_qr).props(
                    "outline no-caps").mark("event-qr")
                logout_button(lang)
        self._set_status()
        self.hall.changed.subscribe(self._changed)
        wall_there = importlib.util.find_spec(WALL_MODULE) is not None
        with ui.tabs().classes("w-full").props("align=left no-caps") as tabs:
            overview = ui.tab("overview", t(lang, "dash.tab.overview"), icon="dashboard").mark("tab-overview")
            tables = ui.tab("tables", t(lang, "dash.tab.tables"), icon="table_restaurant").mark("tab-tables")
            wall = ui.tab("wall", t(lang, "dash.tab.wall"), icon="view_quilt").mark("tab-wall") if wall_there else None
            harvest = ui.tab("harvest", t(lang, "dash.tab.harvest"), icon="inventory_2").mark("tab-harvest")
        with ui.tab_panels(tabs, value=overview).classes("w-full").style("background: transparent"):
            with ui.tab_panel(overview).classes("q-pa-none"):
                OverviewPanel(self.state, self.hall, lang).build()
            with ui.tab_panel(tables).classes("q-pa-none"):
                TablesPanel(self.state, self.hall, lang).build()
            if wall is not None:
                with ui.tab_panel(wall).classes("q-pa-none"):
                    self._wall()
            with ui.tab_panel(harvest).classes("q-pa-none"):
                harvest_panel(self.state, self.hall, lang)

    def _wall(self) -> None:
        """The plenary wall's console, written alongside this page; a fault there leaves the rest working."""
        try:
            from .event_wall_console import wall_panel
            wall_panel(self.state, self.hall, self.lang)
        except Exception:
            log.exception("the plenary wall panel could not be drawn")
            ui.label(t(self.lang, "error.unexpected")).classes("text-negative")

    def _set_status(self) -> None:
        lang, event = self.lang, self.hall.event
        self.status.set_text(" \u00b7 ".join(filter(None, [
            theme_label(event.theme, lang) if event.theme else "", event.date,
            t(lang, "dash.tables_count", count=len(rules.planned_tables(event))),
            t(lang, "home.people", count=len(event.people)),
            t(lang, "dash.started" if event.started else "dash.not_started_yet")])))

    def _changed(self, _change: EventChange) -> None:
        self._set_status()

    def _link_dialog(self, title: str, url: str, marker: str) -> None:
        with ui.dialog() as dialog, ui.card().classes("items-center"):
            heading(title, 2)
            ui.html(qr_svg(url), sanitize=False).style("width: 280px; height: 280px")
            ui.label(url).classes("wd-text").style("overflow-wrap: anywhere").mark(marker)
            ui.button(t(self.lang, "console.close"), on_click=dialog.close)
        dialog.on_value_change(lambda e: None if e.value else dialog.delete())
        dialog.open()

    def _show_organiser_link(self) -> None:
        key = self.hall.organiser_key()
        if key is None:  # made on another laptop: its key cannot be shown here
            ui.notify(t(self.lang, "dash.organiser_link_elsewhere"), type="warning", position="top")
            return
        self._link_dialog(t(self.lang, "dash.organiser_link_title"), self.state.organiser_link(self.hall.slug, key),
                          "organiser-link-url")

    def _show_event_qr(self) -> None:
        self._link_dialog(t(self.lang, "dash.event_qr_title"), self.state.event_join_url(self.hall.slug),
                          "event-join-url")
