"""Who opens what of a Dag van de Dialoog: a host link opens its own table only, an organiser key its own event
only, and the app's key everything (issue 11, keys and roles)."""

from __future__ import annotations

from nicegui.testing import User

from facilitator_app import app as wijk_app


async def make_event(title: str, tables: int = 2):
    made = await wijk_app.current.events.create(title=title, tables=tables)
    return made.hall, made.organiser_key


async def sees_console(user: User, slug: str) -> None:
    await user.open(f"/d/{slug}")
    await user.should_see(marker="console-title")


async def is_asked_for_a_key(user: User, path: str) -> None:
    await user.open(path)
    await user.should_see(marker="key-input")
    for marker in ("console-title", "dash-title", "dialogue-list", "event-list"):
        await user.should_not_see(marker=marker)


async def test_a_host_link_opens_its_own_tables_console_and_nothing_else(user: User, setup):
    hall, _ = await make_event("Dag Noord")
    mine, other = hall.event.tables
    await user.open(f"/e/{hall.slug}/host/{mine.id}?key={hall.host_key(mine)}")
    await user.should_see(marker="console-title")
    await user.should_see(f"Dag Noord · {mine.name}")
    await sees_console(user, mine.dialogue_slug)  # remembered by this browser
    await is_asked_for_a_key(user, f"/d/{other.dialogue_slug}")
    await is_asked_for_a_key(user, f"/e/{hall.slug}")
    await is_asked_for_a_key(user, "/")
    await is_asked_for_a_key(user, "/harvest")


async def test_a_host_link_does_not_open_the_dashboard_even_in_its_address(user: User, setup):
    hall, _ = await make_event("Dag Noord")
    table = hall.event.tables[0]
    await is_asked_for_a_key(user, f"/e/{hall.slug}?key={hall.host_key(table)}")


async def test_a_host_link_revoked_by_the_organiser_stops_working_also_where_it_was_remembered(
        user: User, create_user, setup):
    hall, organiser_key = await make_event("Dag Noord")
    table = hall.event.tables[0]
    link = f"/e/{hall.slug}/host/{table.id}?key={hall.host_key(table)}"
    await user.open(link)
    await user.should_see(marker="console-title")
    organiser = create_user()
    await organiser.open(f"/e/{hall.slug}?key={organiser_key}")
    organiser.find(marker=f"host-link-{table.id}").click()
    organiser.find(marker="host-link-revoke").click()
    organiser.find(marker="confirm-revoke-yes").click()
    await organiser.should_see(marker="host-link-none")  # the dashboard says the table has no working link now
    await is_asked_for_a_key(user, f"/d/{table.dialogue_slug}")
    await user.open(link)
    await user.should_see("Deze link voor de gespreksleider werkt niet (meer)")
    await user.should_not_see(marker="console-title")
    organiser.find(marker="host-link-new").click()  # no old link works, so no question: the new one is shown
    await organiser.should_see(marker="host-link-url")
    new_link = organiser.find(marker="host-link-url").elements.pop().text
    await user.open(new_link.removeprefix("http://wijk.test:8080"))
    await user.should_see(marker="console-title")


async def test_the_organiser_of_one_event_cannot_open_another(user: User, setup):
    a, a_key = await make_event("Dag Noord")
    b, _ = await make_event("Dag Zuid")
    await user.open(f"/e/{a.slug}?key={a_key}")
    await user.should_see(marker="dash-title")
    await user.should_see("Dag Noord")
    await user.open(f"/e/{a.slug}")  # remembered by this browser
    await user.should_see(marker="dash-title")
    await sees_console(user, a.event.tables[1].dialogue_slug)  # the organiser opens every table of their day
    await is_asked_for_a_key(user, f"/e/{b.slug}")
    await is_asked_for_a_key(user, f"/e/{b.slug}?key={a_key}")
    for table in b.event.tables:
        await is_asked_for_a_key(user, f"/d/{table.dialogue_slug}")
    await is_asked_for_a_key(user, "/")


async def test_the_apps_key_opens_every_event_and_every_table(user: User, setup):
    a, _ = await make_event("Dag Noord")
    b, _ = await make_event("Dag Zuid")
    await user.open(f"/?key={setup.key}")
    await user.should_see(marker="event-list")
    await user.should_see("Dag Noord")
    await user.should_see("Dag Zuid")
    for hall in (a, b):
        await user.open(f"/e/{hall.slug}")
        await user.should_see(marker="dash-title")
        for table in hall.event.tables:
            await sees_console(user, table.dialogue_slug)


async def test_an_unknown_event_gets_a_friendly_page(user: User, setup):
    await user.open(f"/e/bestaat-niet?key={setup.key}")
    await user.should_see("Deze Dag van de Dialoog bestaat niet")
    await user.should_not_see(marker="dash-title")
