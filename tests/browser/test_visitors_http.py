"""Against the real app on loopback, as anyone on the room's Wi-Fi: plain GETs, guessing, the key in the URL."""

from __future__ import annotations

import stat
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from .conftest import Server, start_server, stop_server


@pytest.fixture
def server(tmp_path, monkeypatch) -> Iterator[Server]:
    """The demo app, with NiceGUI's storage pinned to <data dir>/.nicegui so these files can be counted.

    (The CLI sets NICEGUI_STORAGE_PATH after nicegui is already imported, so without this the files
    land in the folder the server was started from, shared with every other test run.)
    """
    data_dir = tmp_path / "data"
    monkeypatch.setenv("NICEGUI_STORAGE_PATH", str(data_dir / ".nicegui"))
    srv = start_server(data_dir, extra=["--demo"])
    yield srv
    stop_server(srv)


def storage_files(server: Server) -> list[Path]:
    return sorted((server.data_dir / ".nicegui").glob("storage-user-*.json"))


def wait_for(condition, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"not within {timeout} s"
        time.sleep(0.05)


def test_cookieless_visits_write_no_storage_files(server):
    join_url = server.join_url()
    for _ in range(20):  # each without a cookie: a new browser to the server every time
        response = httpx.get(join_url, timeout=10)
        assert response.status_code == 200
    for path in ("/", "/harvest", "/join/ZZZZZ"):
        httpx.get(server.url + path, timeout=10)
    # The facilitator's browser is the one that gets a file; when it is there, the visits above were
    # long handled, so nothing more is coming.
    httpx.get(f"{server.url}/?key={server.key}", timeout=10)
    wait_for(lambda: len(storage_files(server)) >= 1)
    files = storage_files(server)
    assert len(files) == 1 and "facilitator_key" in files[0].read_text()


def test_a_blocked_address_gets_429_before_the_code_is_looked_up(server):
    join_url = server.join_url()
    with httpx.Client(timeout=10, headers={"Accept-Language": "en-US,en;q=0.9"}) as guesser:
        for n in range(10):
            assert guesser.get(f"{server.url}/join/ZZZZ{n}").status_code == 200
        refused = guesser.get(join_url)
    assert refused.status_code == 429
    assert "Too many tries" in refused.text and "De Linde" not in refused.text


def test_the_data_folder_and_storage_files_are_private(server):
    httpx.get(f"{server.url}/?key={server.key}", timeout=10)
    wait_for(lambda: len(storage_files(server)) >= 1)
    modes = {path.name: stat.S_IMODE(path.stat().st_mode) for path in [server.data_dir, *storage_files(server)]}
    assert set(modes.values()) <= {0o700, 0o600}, modes


async def test_the_key_leaves_the_address_bar_and_the_history(server, browser):
    context = await browser.new_context()
    try:
        page = await context.new_page()
        await page.goto(server.url + "/healthz")
        await page.goto(f"{server.url}/?key={server.key}")
        await page.get_by_text("Nieuwe wijkdialoog").first.wait_for()
        assert "key" not in page.url and await page.evaluate("location.search") == ""
        await page.go_back()
        await page.go_forward()
        assert server.key not in page.url
        await page.get_by_text("Nieuwe wijkdialoog").first.wait_for()  # the browser still holds the key
    finally:
        await context.close()
