"""The address in printed links and the QR code is one the app really listens on (issue 13, item 6)."""

from __future__ import annotations

import pytest

from facilitator_app import network
from facilitator_app.access import Access
from facilitator_app.app import AppState
from facilitator_app.config import Settings
from facilitator_app.events import Events, EventStore
from facilitator_app.room import Rooms
from facilitator_app.store import Store

LAN = "192.168.1.10"


@pytest.fixture(autouse=True)
def lan(monkeypatch):
    """The machine's LAN address, fixed so the test does not depend on the network it runs on."""
    monkeypatch.setattr(network, "lan_address", lambda: LAN)


@pytest.mark.parametrize(("host", "url"), [
    ("127.0.0.1", "http://127.0.0.1:8080"),
    ("localhost", "http://127.0.0.1:8080"),
    ("::1", "http://[::1]:8080"),
    ("192.168.43.1", "http://192.168.43.1:8080"),  # the hotspot's own interface
    ("fd00::7", "http://[fd00::7]:8080"),
    ("0.0.0.0", f"http://{LAN}:8080"),
    ("::", f"http://{LAN}:8080"),
])
def test_links_use_an_address_the_app_listens_on(host, url):
    assert network.base_url("", 8080, host) == url


@pytest.mark.parametrize("host", ["127.0.0.1", "::1", "0.0.0.0", "192.168.43.1"])
def test_public_url_always_wins(host):
    assert network.base_url("https://wijk.example.nl/", 8080, host) == "https://wijk.example.nl"


def test_join_link_and_facilitator_link_of_a_loopback_app_open_on_loopback(tmp_path):
    store = Store(tmp_path)
    rooms = Rooms(store)
    state = AppState(Settings(data_dir=tmp_path, host="127.0.0.1", port=9123), store, rooms, Access("k3y"),
                     Events(EventStore(tmp_path), rooms, "secret"))
    assert state.join_url("AB12C") == "http://127.0.0.1:9123/join/AB12C"
    assert state.facilitator_link() == "http://127.0.0.1:9123/?key=k3y"
    assert state.host_link("dag", "t2", "h0st") == "http://127.0.0.1:9123/e/dag/host/t2?key=h0st"
    assert state.event_join_url("dag") == "http://127.0.0.1:9123/e/dag/join"
