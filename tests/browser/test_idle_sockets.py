"""A phone can still join while hundreds of idle sockets are open (issue 9: 1,100 half-open sockets made
the app unreachable for 25 s).

The app runs on loopback only, with the open-file limit of a small laptop (400 files, soft and hard, so
the app cannot lift it). Before the connection guard, 500 silent sockets used up those files and every new
connection was dropped for as long as they stayed open; now the oldest silent ones make room, and all are
closed once their request head is overdue.
"""

from __future__ import annotations

import asyncio
import os
import re
import resource
import select
import socket
import subprocess
import sys
import time
from collections.abc import Iterator

import httpx
import pytest
from playwright.async_api import expect

from facilitator_app.connection_guard import HEAD_TIMEOUT, MAX_HEAD_BYTES

from .conftest import ROOT, free_port
from .scene import Scene, join

LOOPBACK = "127.0.0.1"  # never any other address: this test opens hundreds of sockets
APP_OPEN_FILES = 400
SILENT, HALF_SENT = 250, 250


def small_laptop_limit() -> None:
    """Runs in the app's process before it starts: the soft and hard limit, so it cannot be raised."""
    resource.setrlimit(resource.RLIMIT_NOFILE, (APP_OPEN_FILES, APP_OPEN_FILES))


@pytest.fixture
def small_app(tmp_path) -> Iterator[tuple[str, subprocess.Popen]]:
    """The app on loopback with --demo; yields the join link it printed."""
    port = free_port()
    log = tmp_path / "app.log"
    env = {k: v for k, v in os.environ.items() if k != "PYTEST_CURRENT_TEST"}
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "facilitator_app", "--data", str(tmp_path / "data"), "--host", LOOPBACK,
             "--port", str(port), "--demo"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, preexec_fn=small_laptop_limit,
        )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"http://{LOOPBACK}:{port}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                assert process.poll() is None and time.monotonic() < deadline, log.read_text()
                time.sleep(0.1)  # not listening yet: ask again shortly
        match = re.search(r"(http://\S+/join/\S+)", log.read_text())
        assert match, log.read_text()
        yield match.group(1), process
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()


def open_idle_sockets(port: int, join_path: str) -> list[socket.socket]:
    """Half connect and say nothing; the other half send part of a request and stop."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < 2048:  # this test process needs 500 sockets plus the browser's pipes
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(2048, hard), hard))
    sockets = []
    for index in range(SILENT + HALF_SENT):
        sock = socket.create_connection((LOOPBACK, port), timeout=5)
        if index >= SILENT:
            sock.sendall(f"GET {join_path} HTTP/1.1\r\nHost: {LOOPBACK}\r\n".encode())
        sock.setblocking(False)
        sockets.append(sock)
    return sockets


def still_open(sockets: list[socket.socket]) -> list[socket.socket]:
    """The sockets the server has not closed (a closed one reads as end of file or a reset)."""
    readable, _, _ = select.select(sockets, [], [], 0) if sockets else ([], [], [])
    closed = set()
    for sock in readable:
        try:
            if sock.recv(4096) == b"":
                closed.add(sock)
        except OSError:
            closed.add(sock)
    return [sock for sock in sockets if sock not in closed]


async def test_a_phone_joins_while_500_idle_sockets_are_open(small_app, browser, artefacts):
    join_url, _ = small_app
    port = int(join_url.split(":")[2].split("/")[0])
    sockets = open_idle_sockets(port, "/join/" + join_url.rsplit("/", 1)[1])
    scene = Scene(browser, f"http://{LOOPBACK}:{port}", artefacts)
    try:
        phone = await join(scene, join_url, "Sanne")  # loads the page, opens the websocket, joins
        socket_id = await phone.evaluate("window.socket.id")

        # Every idle socket is closed once its request head is overdue: nothing holds files for ever.
        deadline = time.monotonic() + HEAD_TIMEOUT + 10
        while (left := still_open(sockets)) and time.monotonic() < deadline:
            await asyncio.sleep(0.2)
        assert left == []

        # The phone's websocket lived through that deadline: only request heads have one.
        assert await phone.evaluate("window.socket.connected && window.socket.id") == socket_id
        await expect(phone.get_by_text("Hallo Sanne")).to_be_visible()
    finally:
        for sock in sockets:
            sock.close()
        await scene.close()


def test_an_endless_request_head_is_cut_off(small_app):
    """A head that never ends would otherwise grow in memory until its sender stops."""
    join_url, _ = small_app
    port = int(join_url.split(":")[2].split("/")[0])
    answer = b""
    with socket.create_connection((LOOPBACK, port), timeout=10) as sock:  # a timeout here means: still open
        try:
            sock.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nX-Filler: " + b"a" * (MAX_HEAD_BYTES + 512))
            while chunk := sock.recv(4096):  # until the server closes the connection
                answer += chunk
        except ConnectionResetError:  # closed while bytes were still on their way: also cut off
            pass
    assert answer == b"" or answer.startswith(b"HTTP/1.1 400")
