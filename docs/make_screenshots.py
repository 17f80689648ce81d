"""Screenshots of the real app for the README: phone, projector (1280x720 and 1920x1080) and console.

    .venv/bin/python docs/make_screenshots.py

Starts the app on a free loopback port with a temporary data directory, plays a short scene in
Debian's Chromium, and writes PNGs into docs/img/.
"""

from __future__ import annotations

import asyncio
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from playwright.async_api import async_playwright, expect

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "img"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


def start(data: Path) -> tuple[subprocess.Popen, str, str, str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    log = data.parent / "server.log"
    env = {k: v for k, v in os.environ.items() if k != "PYTEST_CURRENT_TEST"}
    process = subprocess.Popen([sys.executable, "-m", "facilitator_app", "--demo", "--data", str(data), "--host",
                                "127.0.0.1", "--port", str(port), "--public-url", url],
                               cwd=ROOT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT)
    for _ in range(150):
        try:
            if httpx.get(url + "/healthz", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.2)
    text = log.read_text()
    key = re.search(r"\?key=(\S+)", text).group(1)
    join = re.search(r"(http\S+/join/[A-Z0-9]{5})\b", text).group(1)
    return process, url, key, join


async def phone_joins(browser, join_url: str, name: str):
    context = await browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=1, locale="nl-NL")
    page = await context.new_page()
    await page.goto(join_url)
    await page.get_by_label("Je naam").fill(name)
    await page.get_by_role("button", name="Verder").click()
    await page.get_by_role("button", name="Ik doe mee").click()
    await expect(page.get_by_text(f"Hallo {name}")).to_be_visible()
    return page


async def scene(url: str, key: str, join_url: str) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        console = await (await browser.new_context(viewport={"width": 1280, "height": 800})).new_page()
        await console.goto(f"{url}/?key={key}")
        await console.get_by_role("button", name="Openen").first.click()
        await console.wait_for_url("**/d/**")
        slug = console.url.split("/d/")[1].split("?")[0]
        screen = await console.context.new_page()  # the projector window, on the laptop that holds the key
        await screen.set_viewport_size({"width": 1280, "height": 720})
        await screen.goto(f"{url}/d/{slug}/screen")
        phones = [await phone_joins(browser, join_url, name) for name in ("Fatma", "Joost", "Anouk")]
        await screen.wait_for_timeout(500)
        await screen.screenshot(path=str(OUT / "projector-welcome-1280x720.png"))
        await phones[0].screenshot(path=str(OUT / "phone-waiting.png"))
        await console.get_by_role("button", name="Start de wijkdialoog").click()
        for speaker in ("Marja", "Henk", "Fatma", "Joost"):  # the demo's two people joined first
            await console.get_by_role("button", name="Volgende spreker").click()
            await expect(console.get_by_text(speaker, exact=True).first).to_be_visible()
            await console.wait_for_timeout(300)
        await expect(phones[1].get_by_text("Jij bent aan de beurt")).to_be_visible()
        await phones[1].screenshot(path=str(OUT / "phone-your-turn.png"))
        await screen.wait_for_timeout(1200)
        await screen.screenshot(path=str(OUT / "projector-round-1280x720.png"))
        await screen.set_viewport_size({"width": 1920, "height": 1080})
        await screen.wait_for_timeout(500)
        await screen.screenshot(path=str(OUT / "projector-round-1920x1080.png"))
        await console.evaluate("window.scrollTo(0, 0)")
        await console.screenshot(path=str(OUT / "console-run.png"))
        harvest = await (await browser.new_context(viewport={"width": 794, "height": 1123})).new_page()
        await harvest.goto((ROOT / "tests" / "exports" / "golden" / "nl" / "kersentuin.html").as_uri())
        await harvest.screenshot(path=str(OUT / "harvest-html-page1.png"))
        await browser.close()


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        process, url, key, join_url = start(Path(tmp) / "data")
        try:
            asyncio.run(scene(url, key, join_url))
        finally:
            process.terminate()
            process.wait(10)
    print("\n".join(str(p.relative_to(ROOT)) for p in sorted(OUT.glob("*.png"))))


if __name__ == "__main__":
    main()
