"""axe-core on the Dag van de Dialoog pages: the phone's way in, the vote page, the dashboard, the wall."""

from __future__ import annotations

import re
import subprocess
import sys

from playwright.async_api import expect

from .conftest import ROOT, free_port, start_server, stop_server
from .scene import LAPTOP, PHONE, PROJECTOR, Scene
from .test_accessibility import fit_report, serious_violations

SIGNUPS = "naam;rol;geen telefoon\nAnna;bewoner;nee\nDirk;professional;nee\nEva;bewoner;ja\nFatima;gemeente;nee\n"


async def test_the_event_pages_have_no_serious_accessibility_violations(browser, tmp_path, artefacts):
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    data = tmp_path / "data"
    csv = tmp_path / "aanmeldingen.csv"
    csv.write_text(SIGNUPS, encoding="utf-8")
    made = subprocess.run([sys.executable, "-m", "facilitator_app", "--data", str(data), "--host", "127.0.0.1",
                           "--port", str(port), "--public-url", url, "event", "create", "Dag Noord", "--tables", "2",
                           "--signups", str(csv), "--seed", "1"],
                          cwd=ROOT, capture_output=True, text=True, timeout=60, check=True).stdout
    organiser_link = re.search(r"(http\S+/e/\S+\?key=\w+)", made).group(1)
    event_path = organiser_link.split("?")[0]
    server = start_server(data, port=port)
    scene = Scene(browser, url, artefacts)
    try:
        phone = await scene.page({"width": 360, "height": 640})
        await phone.goto(f"{event_path}/join")
        await phone.get_by_label("Je naam").fill("Anna")
        await phone.get_by_role("button", name="Zoek mijn tafel").click()
        await expect(phone.get_by_text(re.compile("Jij zit aan Tafel"))).to_be_visible()
        found = {"event-join": await serious_violations(phone)}
        fit = await fit_report(phone)
        await phone.get_by_role("link", name="Naar mijn tafel").click()
        # The room's page has a "Je naam" field too: wait for the table's join page before typing in it.
        await phone.wait_for_url(re.compile(r"/join/[A-Z0-9]{5}"))
        await expect(phone.get_by_role("button", name="Verder")).to_be_visible()
        await phone.get_by_label("Je naam").fill("Anna")
        await phone.get_by_role("button", name="Verder").click()
        await phone.get_by_role("button", name="Ik doe mee").click()
        await expect(phone.get_by_text("Hallo Anna")).to_be_visible()
        vote = await scene.page(PHONE, phone.context)
        await vote.goto(f"{event_path}/vote")
        await expect(vote.get_by_text("Het stemmen is nog niet begonnen", exact=False)).to_be_visible()
        found["event-vote-waiting"] = await serious_violations(vote)

        organiser = await scene.page(LAPTOP)
        await organiser.goto(organiser_link)
        await expect(organiser.get_by_role("tab", name="Overzicht")).to_be_visible()
        found["dashboard-overview"] = await serious_violations(organiser)
        await organiser.get_by_role("tab", name="Tafels en indeling").click()
        await expect(organiser.get_by_role("button", name="Tafel toevoegen")).to_be_visible()
        found["dashboard-tables"] = await serious_violations(organiser)
        await organiser.get_by_role("tab", name="Plenair").click()
        found["dashboard-plenary"] = await serious_violations(organiser)
        wall = await scene.page(PROJECTOR, organiser.context)
        await wall.goto(f"{event_path}/wall")
        await expect(wall.get_by_text("Dag Noord").first).to_be_visible()
        found["wall"] = await serious_violations(wall)
        assert {page: v for page, v in found.items() if v} == {}
        assert fit == []
    finally:
        await scene.close()
        stop_server(server)
