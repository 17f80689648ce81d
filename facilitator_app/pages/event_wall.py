"""The plenary wall's addresses: `/e/{event}/wall` (the projector) and `/e/{event}/plenair` (the organiser's panel).

The projector laptop is often not the organiser's own, so the wall also opens with a token in its link
(event_wall_access.py). The wall shows card texts and theme titles, never who wrote a card.
`/e/{event}/plenair` shows the organiser's panel on its own until the dashboard's tab "Plenair" has it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from nicegui import ui

from ..events import EventDamaged, EventHall
from ..i18n import t
from .event_access import may_organise
from .event_wall_access import may_see_wall, vote_path, wall_link, wall_path
from .event_wall_console import wall_panel
from .event_wall_screen import WallScreen
from .gate import FORGET_KEY_IN_URL
from .theme import frame, heading

if TYPE_CHECKING:
    from ..app import AppState

__all__ = ["register", "wall_link", "wall_path"]  # the wall's own link, for the dashboard and the handouts


def _hall(state: AppState, slug: str) -> EventHall | None:
    try:
        return state.events.get(slug)
    except EventDamaged:
        return None


def _locked(lang: str, message_key: str) -> None:
    """The same page for an unknown event and a closed door: a guessed address learns nothing."""
    with frame(t(lang, "app_name"), lang):
        heading(t(lang, "app_name"))
        ui.label(t(lang, message_key)).classes("text-lg").mark("wall-locked")


def register(state: AppState) -> None:
    @ui.page("/e/{event_slug}/wall")
    def wall(event_slug: str, s: str | None = None, key: str | None = None) -> None:
        if key:
            ui.add_head_html(FORGET_KEY_IN_URL)  # not left on the projector for the room to read
        hall = _hall(state, event_slug)
        if hall is None or not may_see_wall(state, hall, s, key):
            _locked(state.settings.lang, "wall.locked")
            return
        WallScreen(state, hall, state.base_url + vote_path(hall.slug)).build()

    @ui.page("/e/{event_slug}/plenair")
    def plenary_panel(event_slug: str, key: str | None = None) -> None:
        if key:
            ui.add_head_html(FORGET_KEY_IN_URL)
        hall = _hall(state, event_slug)
        if hall is None or not may_organise(state, hall, key):
            _locked(state.settings.lang, "wall.organiser_only")
            return
        lang = hall.event.language
        with frame(f"{hall.event.title} \u00b7 {t(lang, 'wall.title')}", lang, wide=True):
            heading(hall.event.title, 1).mark("wall-event-title")
            wall_panel(state, hall, lang)
