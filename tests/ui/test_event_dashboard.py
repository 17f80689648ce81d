"""The organiser's dashboard `/e/<event>` and making a Dag van de Dialoog from the home page."""

from __future__ import annotations

import io

from nicegui.elements.upload_files import SmallFileUpload
from nicegui.testing import User
from pypdf import PdfReader

from facilitator_app import app as wijk_app
from facilitator_app.events import ORGANISER
from rounds import FACILITATOR, Outcome, Role
from rounds.events import tables as rules

from .conftest import until

SIGNUPS = (
    "naam;rol;geen telefoon\n"
    "Anna;bewoner;nee\nBram;bewoner;nee\nChris;bewoner;ja\nDirk;professional;nee\n"
    "Eva;bewoner;nee\nFatima;gemeente;nee\nGerrit;bewoner;ja\nHenk;bewoner;nee\n"
)


async def make_event(tables: int = 2, signups: str | None = None):
    made = await wijk_app.current.events.create(title="Dag van de Dialoog Kersenbuurt", tables=tables,
                                                signups=signups.encode() if signups else None, seed=1)
    return made.hall


async def test_a_table_where_a_role_was_not_heard_is_flagged_once_a_round_closed_early(user: User, setup):
    hall = await make_event()
    table = hall.event.tables[0]
    room = hall.table_room(table)
    anna = await room.add_person_without_phone(FACILITATOR, "Anna", Role.RESIDENT)
    bram = await room.add_person_without_phone(FACILITATOR, "Bram", Role.RESIDENT)
    await room.add_person_without_phone(FACILITATOR, "Pim", Role.PROFESSIONAL)
    await user.open(f"/e/{hall.slug}?key={setup.key}")
    await user.should_see("Nog niet begonnen · 3 mensen")
    await room.open_next_round(FACILITATOR)
    await user.should_see("Ronde 1 van 5: Kennismaken")
    await user.should_see("3 nog niet gehoord")
    for person in (anna, bram):
        await room.give_floor(FACILITATOR, person.id)
        await room.end_turn(FACILITATOR, Outcome.SPOKE)
    await user.should_see("1 nog niet gehoord")
    await user.should_not_see("Professional nog niet gehoord")  # the round still runs: Pim may yet speak
    await room.close_round(FACILITATOR, reason="Pim moest weg")
    await user.should_see("Professional nog niet gehoord")
    flags = user.find(marker=f"table-flags-{table.id}").elements.pop()
    assert [label.text for label in flags.descendants() if hasattr(label, "text")] == ["Professional nog niet gehoord"]
    for name in ("Anna", "Bram", "Pim"):  # counts only: nobody is named on the overview
        await user.should_not_see(name)


async def test_the_organiser_moves_someone_to_another_table_with_buttons(user: User, setup):
    hall = await make_event(signups=SIGNUPS)
    first, second = hall.event.tables
    person = next(p for p in hall.event.people if p.id in first.seats)
    await user.open(f"/e/{hall.slug}?key={setup.key}")
    user.find(marker=f"move-{person.id}").click()
    await user.should_see(f"Waar gaat {person.name} zitten?")
    user.find(marker=f"move-{person.id}-to-{second.id}").click()
    await until(lambda: rules.table_of(hall.event, person.id) is second)
    await until(lambda: person.name in [
        e.text for e in user.find(marker=f"table-people-{second.id}").elements.pop().descendants()
        if hasattr(e, "text")])
    assert person.id not in first.seats


async def test_a_bad_sign_up_list_names_its_lines_and_imports_nobody(user: User, setup):
    hall = await make_event()
    await user.open(f"/e/{hall.slug}?key={setup.key}")
    upload = user.find(marker="signups-upload").elements.pop()
    raw = b"naam;rol\nAnna;bewoner\nBram;koning\nChris;\n"
    await upload.handle_uploads([SmallFileUpload("aanmeldingen.csv", "text/csv", raw)])
    await user.should_see("De lijst is niet ingelezen")
    await user.should_see('Regel 3: de rol "koning" kennen we niet')
    await user.should_see("Regel 4: de rol ontbreekt.")
    assert hall.event.people == []
    await user.should_not_see(marker="seat-everyone")


async def test_a_good_sign_up_list_is_read_and_everyone_is_seated(user: User, setup):
    hall = await make_event()
    await user.open(f"/e/{hall.slug}?key={setup.key}")
    upload = user.find(marker="signups-upload").elements.pop()
    await upload.handle_uploads([SmallFileUpload("aanmeldingen.csv", "text/csv", SIGNUPS.encode())])
    await user.should_see("8 mensen ingelezen")
    await user.should_see("8 mensen hebben nog geen tafel")
    user.find(marker="seat-everyone").click()
    await until(lambda: not rules.unseated(hall.event))
    await user.should_not_see(marker="unseated")


async def test_a_walk_in_is_told_their_table(user: User, setup):
    hall = await make_event(signups=SIGNUPS)
    await user.open(f"/e/{hall.slug}?key={setup.key}")
    user.find(marker="walk-in-name").type("Joost")
    user.find(marker="walk-in-add").click()
    await until(lambda: any(p.name == "Joost" for p in hall.event.people))
    joost = next(p for p in hall.event.people if p.name == "Joost")
    await user.should_see(f"Joost zit aan {rules.table_of(hall.event, joost.id).name}.")


async def test_a_table_is_cancelled_after_a_question_and_greyed_at_the_end(user: User, setup):
    hall = await make_event(tables=3)
    second = hall.event.tables[1]
    await user.open(f"/e/{hall.slug}?key={setup.key}")
    user.find(marker=f"cancel-{second.id}").click()
    await user.should_see("Tafel 2 schrappen?")
    user.find(marker="confirm-cancel-yes").click()
    await until(lambda: second not in rules.planned_tables(hall.event))
    await user.should_see(marker=f"table-cancelled-{second.id}")
    cards = user.find(marker="dash-overview").elements.pop().default_slot.children
    assert [card._markers for card in cards] == [["table-card-t1"], ["table-card-t3"], ["table-card-t2"]]
    assert "wd-dash-cancelled" in cards[-1].classes
    await user.should_not_see(marker=f"cancel-{second.id}")


async def test_a_host_link_revoked_on_the_dashboard_stops_opening_the_console(user: User, create_user, setup):
    hall = await make_event()
    table = hall.event.tables[0]
    host = create_user()
    await host.open(f"/e/{hall.slug}/host/{table.id}?key={hall.host_key(table)}")
    await host.should_see(marker="console-title")
    await user.open(f"/e/{hall.slug}?key={setup.key}")
    user.find(marker=f"host-link-{table.id}").click()
    await user.should_see(marker="host-link-url")
    user.find(marker="host-link-revoke").click()
    user.find(marker="confirm-revoke-yes").click()
    await until(lambda: hall.host_key(table) is None)
    await host.open(f"/d/{table.dialogue_slug}")  # the host's browser remembered the old key
    await host.should_see(marker="key-input")
    await host.should_not_see(marker="console-title")


async def test_a_new_host_link_is_shown_and_the_old_one_stops_working(user: User, setup):
    hall = await make_event()
    table = hall.event.tables[0]
    old = hall.host_key(table)
    await user.open(f"/e/{hall.slug}?key={setup.key}")
    user.find(marker=f"host-link-{table.id}").click()
    user.find(marker="host-link-new").click()
    await user.should_see("De oude link werkt dan niet meer")
    user.find(marker="confirm-new-link-yes").click()
    await until(lambda: hall.host_key(table) not in (None, old))
    await user.should_see(hall.host_key(table))


async def test_the_home_page_makes_a_day_with_its_tables_and_opens_its_dashboard(user: User, setup):
    await user.open(f"/?key={setup.key}")
    user.find(marker="event-title-input").type("Dag van de Dialoog Zuid")
    user.find(marker="event-tables").clear().type("3")
    user.find(marker="event-places").type("Buurthuis De Linde, Bibliotheek")
    user.find(marker="create-event").click()
    await user.should_see(marker="dash-title", retries=30)  # three dialogues are made first
    [hall] = wijk_app.current.events.all()
    assert hall.event.title == "Dag van de Dialoog Zuid"
    assert len(rules.planned_tables(hall.event)) == 3
    assert hall.event.places == ["Buurthuis De Linde", "Bibliotheek"]
    await user.should_see("Dag van de Dialoog Zuid")


async def test_the_home_page_refuses_a_bad_day_in_plain_words_and_makes_nothing(user: User, setup):
    await user.open(f"/?key={setup.key}")
    user.find(marker="event-title-input").type("Dag")
    user.find(marker="event-tables").clear()
    user.find(marker="create-event").click()
    await user.should_see("Kies 1 tot 250 tafels.")
    user.find(marker="event-tables").type("2")
    upload = user.find(marker="event-signups").elements.pop()
    await upload.handle_uploads([SmallFileUpload("lijst.csv", "text/csv", b"naam;rol\nAnna;bewoner\nBram;koning\n")])
    user.find(marker="create-event").click()
    await user.should_see('Regel 3: de rol "koning" kennen we niet')
    assert wijk_app.current.events.all() == [] and setup.store.slugs() == []


async def test_the_handouts_download_as_one_pdf_page_per_table(user: User, setup):
    hall = await make_event(tables=3)
    await hall.cancel_table(ORGANISER, hall.event.tables[2].id)
    await user.open(f"/e/{hall.slug}?key={setup.key}")
    user.find(marker="handouts").click()
    response = await user.download.next(timeout=20)
    pages = PdfReader(io.BytesIO(response.content)).pages
    assert len(pages) == 2  # the cancelled table gets no tent
    first = pages[0].extract_text()
    assert "Tafel 1" in first and hall.table_room(hall.event.tables[0]).dialogue.join_code in first
    assert (setup.data_dir / "exports" / "events" / hall.slug / f"{hall.slug}-handouts.pdf").exists()


async def test_the_organiser_sets_the_people_per_table_and_a_wrong_pair_changes_nothing(user: User, setup):
    hall = await make_event()
    await user.open(f"/e/{hall.slug}?key={setup.key}")
    user.find(marker="tab-tables").click()
    user.find(marker="limits-min").clear().type("3")
    user.find(marker="limits-max").clear().type("5")
    user.find(marker="limits-save").click()
    await user.should_see("Nu 3 tot 5 mensen per tafel")
    assert (hall.event.min_per_table, hall.event.max_per_table) == (3, 5)
    user.find(marker="limits-min").clear().type("6")
    user.find(marker="limits-save").click()
    await user.should_see("Kies een minimum en maximum")
    assert (hall.event.min_per_table, hall.event.max_per_table) == (3, 5)
