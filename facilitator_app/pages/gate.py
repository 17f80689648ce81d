"""The facilitator gate: the printed link's key, remembered by that browser; everyone else is asked for it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from nicegui import app, ui

from ..i18n import t
from .theme import frame, heading

if TYPE_CHECKING:
    from ..app import AppState


def is_facilitator(state: AppState, key_param: str | None, dialogue_key: str = "") -> bool:
    """True for a browser holding the key. A key in the URL is checked, rate-limited and remembered."""
    remembered = app.storage.user.get("facilitator_key")
    if state.access.key_matches(remembered, dialogue_key):
        return True
    if key_param:
        client_ip = ui.context.client.ip
        if state.access.wrong_keys.blocked(client_ip):
            return False
        if state.access.key_matches(key_param, dialogue_key):
            app.storage.user["facilitator_key"] = key_param
            return True
        state.access.wrong_keys.hit(client_ip)
    return False


def key_page(state: AppState, lang: str, *, wrong: bool = False) -> None:
    """Asks for the key. Wrong keys are counted per address; after five a minute, no more tries."""
    with frame(t(lang, "access.title"), lang):
        heading(t(lang, "access.title"))
        ui.label(t(lang, "access.intro")).classes("text-lg")
        key = ui.input(t(lang, "access.key"), password=True).props("outlined").classes("w-full").mark("key-input")
        message = ui.label("").classes("text-negative text-lg").mark("key-message")
        client_ip = ui.context.client.ip
        if state.access.wrong_keys.blocked(client_ip):
            message.set_text(t(lang, "access.too_many"))
        elif wrong:
            message.set_text(t(lang, "access.wrong"))

        def submit() -> None:
            if state.access.wrong_keys.blocked(client_ip):
                message.set_text(t(lang, "access.too_many"))
                return
            if state.access.key_matches(key.value):
                app.storage.user["facilitator_key"] = key.value
                ui.navigate.reload()
                return
            state.access.wrong_keys.hit(client_ip)
            message.set_text(t(lang, "access.too_many" if state.access.wrong_keys.blocked(client_ip)
                               else "access.wrong"))

        key.on("keydown.enter", submit)
        ui.button(t(lang, "access.submit"), on_click=submit).mark("key-submit")
