"""The event's QR code on a phone: a typed name finds its table; someone not on the list picks a table with room."""

from __future__ import annotations

from nicegui.testing import User

from facilitator_app import app as wijk_app

from .conftest import join_as
from .join_http import open_form, text_of

SIGNUPS = b"naam;rol\nAnna de Vries;bewoner\nDirk Jansen;professional\nEva;bewoner\nFatima;gemeente\n"


async def _event(tables: int = 2):
    made = await wijk_app.current.events.create(title="Dag van de Dialoog", tables=tables, signups=SIGNUPS, seed=2)
    return made.hall


async def test_a_name_on_the_list_is_sent_to_its_table(user: User):
    await user.open("/")  # starts the app
    hall = await _event()
    table = next(t for t in hall.event.tables if any(
        p.id in t.seats for p in hall.event.people if p.name == "Anna de Vries"))
    await user.open(f"/e/{hall.slug}/join")
    user.find(marker="event-name").type("anna DE vries ")
    user.find(marker="event-find").click()
    await user.should_see(f"Jij zit aan {table.name}.")
    go = next(iter(user.find(marker="event-go").elements))
    room = hall.table_room(table)
    assert go.props["href"] == f"/join/{room.dialogue.join_code}"  # the browser follows the link
    form = await open_form(user, room.dialogue.join_code)  # that table's join form
    assert room.dialogue.title in text_of(form)


async def test_an_unknown_name_sees_only_tables_with_room_and_no_names(user: User):
    await user.open("/")
    hall = await _event(tables=3)
    await user.open(f"/e/{hall.slug}/join")
    user.find(marker="event-name").type("Iemand Anders")
    user.find(marker="event-find").click()
    await user.should_see("We vinden je naam niet op de lijst")
    choices = [b.props.get("label", "") for b in user.find(marker="event-table-choice").elements]
    assert len(choices) == 3 and all("plek" in c for c in choices)
    codes = {b.props["href"] for b in user.find(marker="event-table-choice").elements}
    assert codes == {f"/join/{hall.table_room(t).dialogue.join_code}" for t in hall.event.tables}
    for name in ("Anna", "Dirk", "Eva", "Fatima"):
        await user.should_not_see(name)


async def test_a_phone_that_joined_a_table_is_shown_its_table_again(user: User):
    await user.open("/")
    hall = await _event()
    table = hall.event.tables[1]
    await join_as(user, hall.table_room(table).dialogue.join_code, "Ravi")
    await user.open(f"/e/{hall.slug}/join")
    await user.should_see(f"Jij zit aan {table.name}.")


async def test_a_revoked_host_link_opens_nothing(user: User):
    await user.open("/")
    hall = await _event()
    table = hall.event.tables[0]
    key = hall.host_key(table)
    await hall.revoke_host_link("organiser", table.id)
    await user.open(f"/e/{hall.slug}/host/{table.id}?key={key}")
    await user.should_see("werkt niet (meer)")
