"""Phone `/join/{code}`: join with name and role, then follow the round, speak, write cards, place dots."""

from __future__ import annotations

from typing import TYPE_CHECKING

from nicegui import Client, ui
from starlette.requests import Request
from starlette.responses import Response

from rounds import DomainError, Role, Status
from rounds.model import MAX_NAME_CHARS
from rounds.people import by_token, new_token
from rounds.preparation import normalise_join_code
from rounds.text import clean_name

from ..events import EventDamaged, EventHall
from ..i18n import refusal, role_label, t
from ..room import Room
from ..visitor_storage import browser_id, remembered_token
from ..visitor_storage import device_token as token_for
from .common import attempt
from .phone_look import PhoneLook, apply_look, choose_look, keep_look, look_bar, register_static
from .phone_parts import PhoneView
from .phone_voice import ground_rules_list
from .refused import too_many_tries
from .theme import frame, heading

if TYPE_CHECKING:
    from ..app import AppState


def device_token(state: AppState, slug: str) -> str:
    """This phone's token for one dialogue.

    It is derived from the browser id in the signed session cookie, so a phone is recognised again
    without the server storing anything for it (a visitor who never joins costs no disk space); the
    dialogue file holds only this HMAC, never the cookie itself. A token stored by an earlier version
    is still honoured.
    """
    remembered = remembered_token(slug)
    if remembered:
        return remembered
    browser = browser_id()
    if not browser:
        return new_token()
    return token_for(state.secret, browser, slug)


def wrong_code_page(state: AppState, look: PhoneLook, message_key: str) -> None:
    lang = look.lang
    apply_look(look)
    with frame(t(lang, "app_name"), lang):
        look_bar(look)
        heading(t(lang, "phone.wrong_code_title") if message_key == "phone.wrong_code" else t(lang, "app_name"))
        ui.label(t(lang, message_key)).classes("text-lg").mark("wrong-code")
        code_input = ui.input(t(lang, "phone.code")).props("outlined autocapitalize=characters").classes("w-full")
        code_input.mark("code-input")

        def go() -> None:
            code = normalise_join_code(code_input.value)
            if code:  # the language chosen here comes along
                ui.navigate.to(PhoneLook(look.lang, look.large, f"/join/{code}").address())

        ui.button(t(lang, "phone.try_code"), on_click=go).classes("w-full").mark("code-go")


def _event_of(state: AppState, slug: str) -> EventHall | None:
    """The event a table's dialogue belongs to (its plenary voting is offered on the phone)."""
    try:
        found = state.events.of_dialogue(slug)
    except EventDamaged:
        return None
    return found[0] if found else None


def register(state: AppState) -> None:
    register_static()

    @ui.page("/join")
    def join_without_code(request: Request) -> None:
        wrong_code_page(state, choose_look(request, state.settings.lang), "phone.wrong_code")

    @ui.page("/join/{code}", viewport="width=device-width, initial-scale=1")
    async def phone(code: str, request: Request) -> Response | None:
        client_ip = ui.context.client.ip
        # The block comes before the lookup: otherwise a blocked guesser still learns which code is right.
        if state.access.code_guessing_blocked(client_ip):
            ui.context.client.delete()  # no page will connect; otherwise each refusal is kept for a minute
            return too_many_tries(request, state.settings.lang)
        room = state.rooms.by_code(normalise_join_code(code))
        # The phone's own language (issue 12); the dialogue's language is only the last fallback.
        look = choose_look(request, room.dialogue.language if room else state.settings.lang)
        if room is None:
            state.access.count_wrong_code(client_ip)
            wrong_code_page(state, look, "phone.wrong_code")
            return None
        person = by_token(room.dialogue, device_token(state, room.slug))
        if person is None and room.dialogue.status == Status.FINISHED:
            wrong_code_page(state, look, "phone.finished_code")
            return None
        apply_look(look)
        with frame(room.dialogue.title, look.lang):
            if person is None:
                join_form(state, room, look)
            else:
                keep_look(look, room.dialogue, person.id)  # a choice made in the address is remembered
                PhoneView(room, person.id, look.lang, look=look, hall=_event_of(state, room.slug)).build()
        return None


def drop_form_after_reload(client: Client) -> None:
    """The phone reloads into its view, a new page: the form's elements go as soon as its socket closes.

    NiceGUI keeps a page whose socket went away for the reconnect timeout (30 s, for phones that blink on a
    busy Wi-Fi). In a rush of 200 joins that held up to 200 finished join forms next to the new phone views.
    """
    client.on_disconnect(lambda: client.content.clear())


def join_form(state: AppState, room: Room, look: PhoneLook) -> None:
    """Step 1: name, role, consent. Step 2: the ground rules and "Ik doe mee".

    What is typed here lives in the page only: someone who has not joined gets nothing stored. The
    language and large-text choice live in the address until then.
    """
    lang = look.lang
    look_bar(look)
    heading(t(lang, "phone.welcome"), 2, "wd-muted")
    heading(room.dialogue.title, 1)
    with ui.column().classes("w-full gap-3") as step_one:
        name = ui.input(t(lang, "phone.name")).props(
            f'outlined maxlength={MAX_NAME_CHARS} autocomplete=name').classes("w-full text-lg").mark("join-name")
        roles = {r.value: role_label(lang, r.value) for r in Role}
        role = ui.select(roles, label=t(lang, "phone.role"), value=Role.RESIDENT.value).props(
            "outlined").classes("w-full").mark("join-role")
        consent = ui.checkbox(t(lang, "phone.consent"), value=False).mark("join-consent")
        error = ui.label("").classes("text-negative").mark("join-error")
        next_button = ui.button(t(lang, "phone.next")).classes("w-full").props("size=lg").mark("join-next")
    with ui.column().classes("w-full gap-3") as step_two:
        heading(t(lang, "phone.rules_title"), 2)
        ground_rules_list(lang)
        take_part = ui.button(t(lang, "phone.take_part")).classes("w-full").props("size=lg").mark("join-confirm")
        ui.button(t(lang, "phone.back"), on_click=lambda: (
            step_two.set_visibility(False), step_one.set_visibility(True))).props("flat").classes("w-full")
    step_two.set_visibility(False)

    def to_rules() -> None:
        try:  # the same check the domain makes at joining, shown before the ground rules
            clean_name(name.value or "", MAX_NAME_CHARS)
        except DomainError as err:
            error.set_text(refusal(lang, err))
            return
        error.set_text("")
        step_one.set_visibility(False)
        step_two.set_visibility(True)

    async def confirm() -> None:
        client_ip = ui.context.client.ip
        if state.access.joining_blocked(client_ip):
            busy = state.access.joining_busy() and not state.access.joins.blocked(client_ip)
            ui.notify(t(lang, "phone.busy" if busy else "error.rate_limited"), type="warning", position="top")
            return
        token = device_token(state, room.slug)
        person = await attempt(lang, room.join(token, name.value or "", role.value, consent=consent.value))
        if person is None:
            step_two.set_visibility(False)
            step_one.set_visibility(True)
            return
        state.access.count_join(client_ip)
        keep_look(look, room.dialogue, person.id)  # joined now: the phone may remember its language
        ui.navigate.reload()  # the token is derived from the cookie again after the reload: nothing to store
        drop_form_after_reload(ui.context.client)

    next_button.on_click(to_rules)
    take_part.on_click(confirm)

