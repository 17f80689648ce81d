"""The dashboard's "Oogst" tab. A placeholder until the event harvest is wired in here (the lead's file)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from nicegui import ui

from ..events import EventHall
from ..i18n import t

if TYPE_CHECKING:
    from ..app import AppState


def harvest_tab(state: AppState, hall: EventHall, lang: str) -> None:
    """Says the harvest comes here; `state` and `hall` are what the real tab will need."""
    ui.label(t(lang, "dash.harvest_coming")).classes("wd-muted text-lg").mark("harvest-coming")
