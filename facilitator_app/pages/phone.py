"""Phone `/join/{code}`: join with name and role, then follow the round, speak, write cards, place dots."""

from __future__ import annotations

import logging
import urllib.parse
from typing import TYPE_CHECKING

from nicegui import app, ui
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from rounds import DomainError, Status
from rounds.model import MAX_NAME_CHARS
from rounds.people import by_token, new_token
from rounds.preparation import normalise_join_code
from rounds.text import clean_name

from ..events import EventDamaged, EventHall
from ..i18n import refusal, t
from ..visitor_storage import browser_id, remembered_token
from ..visitor_storage import device_token as token_for
from .join_form import STEP_BACK, STEP_JOIN, Typed, code_form_page, join_form_page
from .phone_look import PhoneLook, apply_look, choose_look, keep_look, register_static
from .phone_parts import PhoneView
from .refused import too_many_tries
from .theme import frame

log = logging.getLogger(__name__)
MAX_FORM_BYTES = 64 * 1024  # a form holds a name of 40 letters and two choices; a longer name still gets its message

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


def _event_of(state: AppState, slug: str) -> EventHall | None:
    """The event a table's dialogue belongs to (its plenary voting is offered on the phone)."""
    try:
        found = state.events.of_dialogue(slug)
    except EventDamaged:
        return None
    return found[0] if found else None


def register(state: AppState) -> None:
    register_static()

    @app.get("/join")
    def join_without_code(request: Request) -> Response:
        """The code form's answer (`/join?code=...`), or the bare address: then the form asks for a code."""
        look = choose_look(request, state.settings.lang)
        code = normalise_join_code(request.query_params.get("code", ""))
        if code:  # the language chosen on the form comes along
            return RedirectResponse(PhoneLook(look.lang, look.large, f"/join/{code}", look.chosen).kept_address(),
                                    status_code=303)
        return code_form_page(look, "phone.wrong_code")

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
            ui.context.client.delete()  # the answer is a small HTML page, like the join form
            return code_form_page(look, "phone.wrong_code")
        person = by_token(room.dialogue, device_token(state, room.slug))
        if person is None:  # the form is a small HTML page: no NiceGUI client while someone types
            ui.context.client.delete()
            if room.dialogue.status == Status.FINISHED:
                return code_form_page(look, "phone.finished_code")
            return join_form_page(room.dialogue.title, look)
        apply_look(look)
        with frame(room.dialogue.title, look.lang):
            keep_look(look, room.dialogue, person.id)  # a choice made in the address is remembered
            PhoneView(room, person.id, look.lang, look=look, hall=_event_of(state, room.slug)).build()
        return None

    @app.post("/join/{code}")
    async def join_post(code: str, request: Request) -> Response:
        return await answer_join_form(state, code, request)


async def read_form(request: Request) -> dict[str, str] | None:
    """The posted fields, read up to MAX_FORM_BYTES (a hostile phone could send megabytes); None beyond that."""
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_FORM_BYTES:
            return None
    try:
        fields = urllib.parse.parse_qs(body.decode("utf-8", errors="replace"), max_num_fields=20)
    except ValueError:  # more fields than any form of ours has
        return None
    return {name: values[0] for name, values in fields.items()}


def _same_origin(request: Request) -> bool:
    """A form posted from another site (which could make a visitor join under someone else's name) is ignored."""
    origin = request.headers.get("origin")
    return origin is None or origin == "null" or urllib.parse.urlsplit(origin).netloc == request.headers.get("host")


async def answer_join_form(state: AppState, code: str, request: Request) -> Response:
    """A step of the join form: the ground rules after a valid name, then the join itself.

    Every refusal draws the form again with what was typed and a message in the phone's language; only a
    join that the room accepted changes anything. Then the phone is sent to its own view.
    """
    client_ip = request.client.host if request.client else ""
    if state.access.code_guessing_blocked(client_ip):
        return too_many_tries(request, state.settings.lang)
    room = state.rooms.by_code(normalise_join_code(code))
    here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    if room is None or not _same_origin(request):
        return RedirectResponse(here, status_code=303)  # the page itself says what is wrong (and counts it)
    look = choose_look(request, room.dialogue.language)
    lang, title = look.lang, room.dialogue.title
    token = device_token(state, room.slug)
    if by_token(room.dialogue, token) is not None:  # a second tap, or another tab: already in
        return RedirectResponse(here, status_code=303)
    form = await read_form(request)
    if form is None:  # far more than a name and a role: not from our form
        return join_form_page(title, look, error=t(lang, "error.unexpected"), status=413)
    typed, step = Typed.from_form(form), form.get("step")
    if step == STEP_BACK:
        return join_form_page(title, look, typed)
    try:  # the same check the domain makes at joining, shown before the ground rules
        clean_name(typed.name, MAX_NAME_CHARS)
    except DomainError as err:
        return join_form_page(title, look, typed, error=refusal(lang, err), status=422)
    if step != STEP_JOIN:
        return join_form_page(title, look, typed, rules=True)
    if state.access.joining_blocked(client_ip):
        busy = state.access.joining_busy() and not state.access.joins.blocked(client_ip)
        return join_form_page(title, look, typed, rules=True, status=429,
                              error=t(lang, "phone.busy" if busy else "error.rate_limited"))
    try:
        person = await room.join(token, typed.name, typed.role, consent=typed.consent)
    except DomainError as err:
        return join_form_page(title, look, typed, error=refusal(lang, err), status=422)
    except Exception:
        log.exception("joining failed")
        return join_form_page(title, look, typed, rules=True, error=t(lang, "error.unexpected"), status=500)
    state.access.count_join(client_ip)
    keep_look(look, room.dialogue, person.id)  # joined now: the phone may remember its language
    return RedirectResponse(here, status_code=303)  # the same address, now the phone's own view
