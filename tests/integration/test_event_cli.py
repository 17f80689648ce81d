"""`wijkdialoog event create`, run as a real process: links that work, and a bad sign-up list that makes nothing."""

from __future__ import annotations

import re

from facilitator_app.config import storage_secret
from facilitator_app.events import Events, EventStore
from facilitator_app.events.keys import key_matches
from facilitator_app.room import Rooms
from facilitator_app.store import Store

from .test_cli import wijkdialoog

CSV = "naam;rol;geen telefoon;samen met\nAnna;bewoner;nee;Bram\nBram;bewoner;nee;\nDirk;professional;ja;\n"


def test_event_create_prints_the_organiser_link_and_per_table_a_host_link_and_a_join_url(tmp_path):
    signups = tmp_path / "aanmeldingen.csv"
    signups.write_text(CSV, encoding="utf-8")
    data = tmp_path / "data"
    result = wijkdialoog("--data", str(data), "--host", "127.0.0.1", "--port", "8123", "event", "create",
                         "Dag van de Dialoog Oost", "--tables", "3", "--theme", "Samen leven",
                         "--signups", str(signups))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    organiser = re.search(r"http://127\.0\.0\.1:8123/e/([a-z0-9-]+)\?key=([0-9a-f]+)", out)
    hosts = re.findall(r"/e/[a-z0-9-]+/host/(t\d+)\?key=([0-9a-f]+)", out)
    joins = re.findall(r"http://127\.0\.0\.1:8123/join/([A-Z0-9]{5})", out)
    assert organiser and len(hosts) == 3 and len(set(joins)) == 3 and "3 mensen ingedeeld" in out
    hall = Events(EventStore(data), Rooms(Store(data)), storage_secret(data)).get(organiser.group(1))
    assert key_matches(hall.event.organiser_key_hash, organiser.group(2))
    for table_id, key in hosts:
        assert key_matches(hall.table(table_id).host_key_hash, key)
    assert sorted(hall.table_room(t).dialogue.join_code for t in hall.event.tables) == sorted(joins)
    assert hall.event.theme == "Samen leven"


def test_a_bad_line_in_the_sign_up_list_is_named_and_nothing_is_made(tmp_path):
    signups = tmp_path / "aanmeldingen.csv"
    signups.write_text(CSV + "Kees;koning;nee;\n;bewoner;nee;\n", encoding="utf-8")
    data = tmp_path / "data"
    result = wijkdialoog("--data", str(data), "--lang", "en", "event", "create", "Dag", "--tables", "2",
                         "--signups", str(signups))
    assert result.returncode == 2
    assert "Line 5: we do not know the role \"koning\"" in result.stderr
    assert "Line 6: the name is missing." in result.stderr
    assert not list(data.glob("**/*.json"))


def test_the_people_per_table_can_be_set_so_nine_people_fill_three_tables(tmp_path):
    signups = tmp_path / "negen.csv"
    signups.write_text("naam;rol\n" + "".join(f"Bewoner {n};bewoner\n" for n in range(6))
                       + "Pim;professional\nGea;gemeente\nPiet;professional\n", encoding="utf-8")
    data = tmp_path / "data"
    result = wijkdialoog("--data", str(data), "event", "create", "Dag", "--tables", "3", "--signups", str(signups),
                         "--min-per-table", "3", "--max-per-table", "4")
    assert result.returncode == 0, result.stderr
    hall = Events(EventStore(data), Rooms(Store(data)), storage_secret(data)).all()[0]
    assert sorted(len(t.seats) for t in hall.event.tables) == [3, 3, 3]
    refused = wijkdialoog("--data", str(data), "event", "create", "Dag", "--tables", "3",
                          "--min-per-table", "5", "--max-per-table", "3")
    assert refused.returncode == 2 and "Kies een minimum en maximum" in refused.stderr
