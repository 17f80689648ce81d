"""Page registration. Each screen is one module with one page function."""

from __future__ import annotations

from typing import TYPE_CHECKING

from nicegui import ui

if TYPE_CHECKING:
    from ..app import AppState


def register(state: AppState) -> None:
    from nicegui import app

    @app.get("/healthz")
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @ui.page("/")
    def home() -> None:
        ui.label("Wijkdialoog").classes("text-h4")
        for slug in state.store.slugs():
            ui.label(slug)
