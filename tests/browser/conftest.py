"""Real Chromium (Debian's /usr/bin/chromium) against the app started as a subprocess.

The async Playwright API is used, so pytest-asyncio's loop and Playwright never clash.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from playwright.async_api import Browser, async_playwright

ROOT = Path(__file__).resolve().parents[2]
ARTEFACTS = ROOT / "test-artefacts"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    url: str
    key: str
    data_dir: Path
    process: subprocess.Popen
    output: Path

    def join_url(self) -> str:
        match = re.search(r"(http\S+/join/[A-Z0-9]{5})\b", self.output.read_text())
        assert match, self.output.read_text()
        return match.group(1)


def start_server(data_dir: Path, port: int | None = None, extra: list[str] | None = None) -> Server:
    port = port or free_port()
    url = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if k != "PYTEST_CURRENT_TEST"}
    output = data_dir.parent / f"server-{port}.log"
    handle = output.open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "facilitator_app", "--data", str(data_dir), "--host", "127.0.0.1",
         "--port", str(port), "--public-url", url, *(extra or [])],
        cwd=ROOT, env=env, stdout=handle, stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/healthz", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.2)
        if process.poll() is not None:
            raise RuntimeError(output.read_text())
    else:
        process.kill()
        raise RuntimeError("server did not start: " + output.read_text())
    key = re.search(r"\?key=(\S+)", output.read_text()).group(1)
    return Server(url, key, data_dir, process, output)


def stop_server(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(10)
    except subprocess.TimeoutExpired:
        server.process.kill()


@pytest.fixture
def server(tmp_path) -> Iterator[Server]:
    srv = start_server(tmp_path / "data", extra=["--demo"])
    yield srv
    stop_server(srv)


@pytest.fixture
async def browser() -> AsyncIterator[Browser]:
    async with async_playwright() as playwright:
        chromium = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        await chromium.close()


@pytest.fixture
def artefacts() -> Path:
    ARTEFACTS.mkdir(exist_ok=True)
    return ARTEFACTS
