"""The facilitator gate: the printed link's key, remembered by that browser; everyone else is asked for it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from nicegui import ui

from ..i18n import t
from ..visitor_storage import forget_event_keys, forget_key, remember_key, remembered_key
from .theme import frame, heading

if TYPE_CHECKING:
    from ..app import AppState

# Takes the key out of the address bar and out of the history entry, so it is not left on a shared
# screen, in a screenshot or in the browser's history; other query parameters stay.
FORGET_KEY_IN_URL = """<script>(() => {
  const url = new URL(window.location.href);
  if (!url.searchParams.has("key")) return;
  url.searchParams.delete("key");
  window.history.replaceState(window.history.state, "", url.pathname + url.search + url.hash);
})();</script>"""


def is_facilitator(state: AppState, key_param: str | None, _retired_dialogue_key: str = "") -> bool:
    """True for a browser holding the app's key. A key in the URL is checked, rate-limited and remembered.

    Only the key this app printed counts. The third parameter is ignored: a dialogue's own key used to
    be accepted too, but it travelled in exported files. (Kept only until console.py stops passing it.)
    """
    if key_param:
        ui.add_head_html(FORGET_KEY_IN_URL)
    if state.access.key_matches(remembered_key()):
        return True
    if key_param:
        client_ip = ui.context.client.ip
        if state.access.wrong_keys.blocked(client_ip):
            return False
        if state.access.key_matches(key_param):
            remember_key(key_param)
            return True
        state.access.wrong_keys.hit(client_ip)
    return False


def logout_button(lang: str) -> ui.button:
    """Forgets the key in this browser and shows the key page (the console, home and harvest pages)."""

    def logout() -> None:
        forget_key()
        forget_event_keys()  # an organiser's or host's keys go too: "log out" means this browser opens nothing
        ui.navigate.to("/")

    return ui.button(t(lang, "access.logout"), icon="logout", on_click=logout).props("flat").mark("logout")


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
                remember_key(key.value)
                ui.navigate.reload()
                return
            state.access.wrong_keys.hit(client_ip)
            message.set_text(t(lang, "access.too_many" if state.access.wrong_keys.blocked(client_ip)
                               else "access.wrong"))

        key.on("keydown.enter", submit)
        ui.button(t(lang, "access.submit"), on_click=submit).mark("key-submit")
