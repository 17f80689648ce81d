"""A yes/no question before an action that cannot simply be undone (cancel a table, a new host link, ...)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from nicegui import ui

from ..i18n import t
from .theme import heading


def confirm(lang: str, question: str, yes_label: str, on_yes: Callable[[], Awaitable[None] | None], *,
            marker: str = "confirm") -> ui.dialog:
    """Open a dialog asking `question`; `on_yes` runs after "yes". The dialog removes itself when closed, so
    the page does not collect one per question."""
    with ui.dialog() as dialog, ui.card().classes("gap-3").style("max-width: 32rem"):
        heading(question, 2)

        async def yes() -> None:
            dialog.close()
            result = on_yes()
            if result is not None:
                await result

        with ui.row().classes("w-full justify-end gap-2"):
            ui.button(t(lang, "dash.no"), on_click=dialog.close).props("flat").mark(f"{marker}-no")
            ui.button(yes_label, on_click=yes).props("unelevated").mark(f"{marker}-yes")
    dialog.on_value_change(lambda event: None if event.value else dialog.delete())
    dialog.open()
    return dialog
