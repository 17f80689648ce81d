"""Who may open what of an event: the organiser key, a table's host link, and the app's key.

- The app's key (the facilitator link printed at start) opens everything, as before.
- An event's organiser key opens that event (dashboard, tables, wall, harvest) and its tables'
  consoles and projectors, and nothing of another event or the home page.
- A table's host link opens that table's console and projector only. The organiser can revoke it.
Keys come in the address once, are checked in constant time, count as wrong guesses like the app key
(five a minute per address), and are then remembered by that browser.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from nicegui import ui

from ..events import EventChange, EventChanged, EventDamaged, EventHall
from ..events.keys import key_matches
from ..visitor_storage import remember_event_key, remembered_event_key
from .gate import is_facilitator

if TYPE_CHECKING:
    from ..app import AppState


def _key_works(state: AppState, stored: str, key: str | None, grant: str) -> bool:
    """A key from the address: rate-limited like the app key, remembered when it matches."""
    if not key:
        return False
    address = ui.context.client.ip
    if state.access.wrong_keys.blocked(address):
        return False
    if key_matches(stored, key):
        remember_event_key(grant, key)
        return True
    state.access.wrong_keys.hit(address)
    return False


def may_organise(state: AppState, hall: EventHall, key: str | None = None) -> bool:
    """The app's key, or this event's organiser key (in the address now, or remembered)."""
    if is_facilitator(state, key if key and state.access.key_matches(key) else None):
        return True  # the app's key, remembered or in this address (the printed link works everywhere)
    stored = hall.event.organiser_key_hash
    if key_matches(stored, remembered_event_key(hall.slug)):
        return True
    return _key_works(state, stored, key, hall.slug)


def may_host_table(state: AppState, hall: EventHall, table_id: str, key: str | None = None) -> bool:
    """The app's key, the event's organiser, or this table's current host link."""
    table = hall.table(table_id)
    if table is None:
        return False
    if may_organise(state, hall):
        return True
    grant = f"{hall.slug}/{table.id}"
    if key_matches(table.host_key_hash, remembered_event_key(grant)):
        return True
    return _key_works(state, table.host_key_hash, key, grant)


def may_run_dialogue(state: AppState, slug: str, key: str | None = None) -> bool:
    """May this browser open a dialogue's console or projector? The app's key (a key in the address is
    the app key here, as before), or the organiser or host of the table this dialogue is."""
    if is_facilitator(state, key):
        return True
    try:
        found = state.events.of_dialogue(slug)
    except EventDamaged:
        return False
    if found is None:
        return False
    hall, table = found
    return may_host_table(state, hall, table.id)


def full_facilitator(state: AppState) -> bool:
    """Holds the app's key: may see the home page, every dialogue and every event."""
    return is_facilitator(state, None)


def close_when_revoked(state: AppState, slug: str) -> None:
    """A table's console opened by a host link closes (shows the key page) as soon as that link is revoked
    or the table cancelled, not only on the next page load.

    The key is taken now: an event's callbacks may run while another browser (the organiser's) acts.
    """
    if full_facilitator(state):
        return
    try:
        found = state.events.of_dialogue(slug)
    except EventDamaged:
        return
    if found is None or may_organise(state, found[0]):
        return
    hall, table = found
    key = remembered_event_key(f"{hall.slug}/{table.id}")
    client = ui.context.client  # the host's page; the change may come from the organiser's

    def changed(change: EventChange) -> None:
        now = hall.table(table.id)
        if change.kind in (EventChanged.KEYS, EventChanged.TABLES) and (
                now is None or not key_matches(now.host_key_hash, key)):
            # The host's own browser reloads (the change comes from the organiser's); the page it then
            # loads asks for a key, and the old page's listeners go with its client.
            client.run_javascript("location.reload()")

    hall.changed.subscribe(changed)
