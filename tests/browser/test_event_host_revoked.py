"""A table's host has its console open; the organiser revokes the host link: that console closes at once."""

from __future__ import annotations

import re
import subprocess
import sys

from playwright.async_api import expect

from .conftest import ROOT, free_port, start_server, stop_server
from .scene import LAPTOP, Scene


async def test_a_revoked_host_link_closes_the_open_console(browser, tmp_path, artefacts):
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    data = tmp_path / "data"
    made = subprocess.run([sys.executable, "-m", "facilitator_app", "--data", str(data), "--host", "127.0.0.1",
                           "--port", str(port), "--public-url", url, "event", "create", "Dag Noord", "--tables", "2"],
                          cwd=ROOT, capture_output=True, text=True, timeout=60, check=True).stdout
    organiser_link = re.search(r"(http\S+/e/\S+\?key=\w+)", made).group(1)
    host_link = re.search(r"(http\S+/host/t1\?key=\w+)", made).group(1)
    server = start_server(data, port=port)
    scene = Scene(browser, url, artefacts)
    try:
        host = await scene.page(LAPTOP)
        await host.goto(host_link)
        await expect(host.get_by_role("heading", name="Dag Noord · Tafel 1")).to_be_visible()
        organiser = await scene.page(LAPTOP)
        await organiser.goto(organiser_link)
        await organiser.get_by_role("tab", name="Tafels en indeling").click()
        await organiser.get_by_role("button", name="Link gespreksleider van Tafel 1").click()
        await organiser.get_by_role("button", name="Intrekken").click()
        await organiser.get_by_role("button", name=re.compile("^(Ja|Intrekken)")).last.click()
        await expect(host.get_by_label("Sleutel")).to_be_visible(timeout=10_000)  # the key page, not the console
        await expect(host.get_by_role("heading", name="Dag Noord · Tafel 1")).to_have_count(0)
    finally:
        await scene.close()
        stop_server(server)
