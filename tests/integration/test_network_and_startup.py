"""`wijkdialoog` started as a real process: what it prints, in one language, with links that open.

Issue 13: with --host 127.0.0.1 the printed links named the LAN address, which the app did not listen on;
and the start-up lines were Dutch with "(join)" added, whatever --lang said.
"""

from __future__ import annotations

import os
import queue
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import httpx

from facilitator_app.config import facilitator_key
from facilitator_app.store import Store
from tests.factories import new_dialogue_in

ROOT = Path(__file__).resolve().parents[2]
TITLE = "Buurtgesprek Oost"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Started:
    """The app process and the lines it printed on stdout and stderr, read as they come."""

    def __init__(self, process: subprocess.Popen) -> None:
        self.process = process
        self._out: queue.Queue[str] = queue.Queue()
        self._err: queue.Queue[str] = queue.Queue()
        for stream, lines in ((process.stdout, self._out), (process.stderr, self._err)):
            threading.Thread(target=self._read, args=(stream, lines), daemon=True).start()

    @staticmethod
    def _read(stream: IO[str], lines: queue.Queue[str]) -> None:
        for line in stream:
            lines.put(line.rstrip("\n"))

    def lines(self, count: int, timeout: float = 30.0, errors: bool = False) -> list[str]:
        """The first `count` lines on stdout (or stderr), waiting for them as long as `timeout`."""
        source = self._err if errors else self._out
        deadline = time.monotonic() + timeout
        found: list[str] = []
        while len(found) < count:
            try:
                found.append(source.get(timeout=max(0.0, deadline - time.monotonic())))
            except queue.Empty:
                raise AssertionError(f"the app printed only {found}") from None
        return found


@contextmanager
def wijkdialoog(data_dir: Path, *args: str) -> Iterator[tuple[Started, int]]:
    port = free_port()
    # Without PYTEST_CURRENT_TEST: ui.run would otherwise think it is a NiceGUI screen test (DESIGN.md §4).
    env = {k: v for k, v in os.environ.items() if k != "PYTEST_CURRENT_TEST"}
    process = subprocess.Popen(
        [sys.executable, "-m", "facilitator_app", "--data", str(data_dir), "--port", str(port), *args],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
    )
    try:
        yield Started(process), port
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)


def get_when_up(url: str, timeout: float = 30.0) -> httpx.Response:
    """The page at `url`, asked again until the server answers (it starts listening after printing)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            return httpx.get(url, timeout=5)
        except httpx.TransportError:
            if time.monotonic() > deadline:
                raise


def test_on_loopback_the_printed_join_link_opens_and_everything_is_english(tmp_path):
    data = tmp_path / "data"
    dialogue = new_dialogue_in(Store(data), title=TITLE)  # a restart: the dialogue is already there
    (data / "broken.json").write_text("{", encoding="utf-8")
    with wijkdialoog(data, "--host", "127.0.0.1", "--lang", "en") as (app, port):
        lines = app.lines(3)
        assert app.lines(1, errors=True) == ["  ! This file is damaged and is not used: broken.json"]
        key = facilitator_key(data)
        base = f"http://127.0.0.1:{port}"
        assert lines == [
            "Wijkdialoog has started.",
            f"  For the facilitator: {base}/?key={key}",
            f"  {TITLE}: join at {base}/join/{dialogue.join_code}",
        ]
        join_url = lines[2].rsplit(" ", 1)[1]
        page = get_when_up(join_url)
        assert page.status_code == 200 and TITLE in page.text
        assert get_when_up(lines[1].rsplit(" ", 1)[1]).status_code == 200


def test_in_dutch_the_start_up_lines_are_dutch_only(tmp_path):
    data = tmp_path / "data"
    dialogue = new_dialogue_in(Store(data), title=TITLE)
    (data / "broken.json").write_text("{", encoding="utf-8")
    with wijkdialoog(data, "--host", "127.0.0.1", "--lang", "nl") as (app, port):
        base = f"http://127.0.0.1:{port}"
        assert app.lines(1, errors=True) == ["  ! Dit bestand is beschadigd en wordt niet gebruikt: broken.json"]
        assert app.lines(3) == [
            "Wijkdialoog is gestart.",
            f"  Voor de gespreksleider: {base}/?key={facilitator_key(data)}",
            f"  {TITLE}: meedoen via {base}/join/{dialogue.join_code}",
        ]
