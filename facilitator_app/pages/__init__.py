"""Page registration. Each screen is one module with one page function."""

from __future__ import annotations

from typing import TYPE_CHECKING

from nicegui import app

from ..storage_cleanup import remove_orphan_storage_now
from . import console, event_dashboard, event_entry, event_vote, event_wall, harvest, home, phone, screen
from .theme import add_shared_style

if TYPE_CHECKING:
    from ..app import AppState


def register(state: AppState) -> None:
    add_shared_style()
    # Quasar's default blue fails WCAG AA with white text; these pass (contrast >= 4.5:1). Warning
    # notifications use dark text, so that colour stays light.
    app.colors(primary="#0b5a57", secondary="#5c4a1e", accent="#6a3d9a", positive="#1e6b35",
               negative="#a4001b", info="#1f5580", warning="#f5c451")

    @app.get("/healthz")
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    # One app-level clock for every speaking timer on every screen, not a timer per client.
    app.timer(1.0, state.tick.emit)
    # Storage of visitors who never joined is removed at start and every five minutes.
    app.timer(300, lambda: remove_orphan_storage_now(state.rooms, state.secret, state.access.key,
                                                     keeps_grant=state.events.grant_works))
    home.register(state)
    console.register(state)
    screen.register(state)
    phone.register(state)
    harvest.register(state)
    event_entry.register(state)
    event_wall.register(state)
    event_vote.register(state)
    event_dashboard.register(state)
