"""Join page weight: bytes transferred and time to interactive for a phone on "Fast 3G". Prints figures.

Starts the app as a child process on a free loopback port, opens the join link in Debian's
Chromium (Playwright's async API, never `playwright install`) as a 360x640 phone, throttles the
network through the DevTools protocol with DevTools' own "Fast 3G" preset (562.5 ms latency,
1.44 Mbit/s down, 675 kbit/s up), and measures a cold first visit with the cache disabled:

  - bytes transferred: every HTTP response's encoded length with headers (Network.loadingFinished)
    plus the WebSocket frames received until interactive;
  - time to interactive: from navigation until the name field is shown and NiceGUI's socket has
    finished its handshake, so a tap is handled (window.did_handshake);
  - and, for comparison, a second visit with a warm cache.

    .venv/bin/python bench/join_weight.py [--runs 3]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import os
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from playwright.async_api import Browser, Page, async_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))

from load.servers import prepare_dialogues, start_app  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
# Chrome DevTools' "Fast 3G" (front_end/core/sdk/NetworkManager.ts): throughputs in bytes per second.
FAST_3G = {"offline": False, "latency": 150 * 3.75, "downloadThroughput": 1.6 * 1000 * 1000 / 8 * 0.9,
           "uploadThroughput": 750 * 1000 / 8 * 0.9}
TARGET_BYTES = 1.5 * 1000 * 1000
TARGET_SECONDS = 2.0
NAME_LABEL = "Je naam"


@dataclass
class Visit:
    http_bytes: int = 0
    ws_bytes: int = 0
    requests: int = 0
    interactive_s: float = 0.0
    dom_content_loaded_s: float = 0.0
    load_s: float = 0.0
    largest: list[tuple[int, str]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.http_bytes + self.ws_bytes


async def visit(page: Page, url: str, *, cache: bool) -> Visit:
    cdp = await page.context.new_cdp_session(page)
    await cdp.send("Network.enable")
    await cdp.send("Network.setCacheDisabled", {"cacheDisabled": not cache})
    await cdp.send("Network.emulateNetworkConditions", FAST_3G)
    result = Visit()
    urls: dict[str, str] = {}
    sizes: dict[str, int] = {}
    cdp.on("Network.requestWillBeSent", lambda e: urls.__setitem__(e["requestId"], e["request"]["url"]))
    cdp.on("Network.loadingFinished", lambda e: sizes.__setitem__(e["requestId"], int(e["encodedDataLength"])))

    def frame(event: dict) -> None:
        result.ws_bytes += len(event["response"]["payloadData"].encode())

    cdp.on("Network.webSocketFrameReceived", frame)
    start = time.perf_counter()
    await page.goto(url, wait_until="commit")
    await page.get_by_label(NAME_LABEL).wait_for(state="visible", timeout=60_000)
    await page.wait_for_function("window.did_handshake === true", timeout=60_000)
    result.interactive_s = time.perf_counter() - start
    await page.wait_for_load_state("load")
    timing = await page.evaluate("""() => { const n = performance.getEntriesByType('navigation')[0];
        return [n.domContentLoadedEventEnd / 1000, n.loadEventEnd / 1000]; }""")
    result.dom_content_loaded_s, result.load_s = timing
    await asyncio.sleep(0.5)  # let the last loadingFinished events arrive
    result.http_bytes = sum(sizes.values())
    result.requests = len(sizes)
    result.largest = sorted(((size, urls.get(rid, "?")) for rid, size in sizes.items()), reverse=True)
    await cdp.detach()
    return result


async def phone_page(browser: Browser) -> Page:
    context = await browser.new_context(viewport={"width": 360, "height": 640}, device_scale_factor=2,
                                        is_mobile=True, has_touch=True, locale="nl-NL")
    return await context.new_page()


async def measure(url: str, runs: int) -> tuple[list[Visit], Visit]:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            cold = []
            for _ in range(runs):
                page = await phone_page(browser)  # a new context: no cookies, no cache, like a phone at the door
                cold.append(await visit(page, url, cache=False))
                await page.context.close()
            page = await phone_page(browser)
            await visit(page, url, cache=True)
            warm = await visit(page, url, cache=True)
            await page.context.close()
        finally:
            await browser.close()
    return cold, warm


def kb(size: float) -> str:
    return f"{size / 1000:.0f} kB"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], epilog=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="cold visits to take the median of (default 3)")
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} is missing: apt-get install -y chromium", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="join-weight-"))
    server = None
    try:
        data = work / "data"
        data.mkdir()
        info = prepare_dialogues(data, 1)[0]
        server, _ = start_app(data, work)
        url = f"{server.base_url}/join/{info.join_code}"
        cold, warm = asyncio.run(measure(url, args.runs))
    finally:
        if server is not None:
            server.stop()
        shutil.rmtree(work, ignore_errors=True)
    total = statistics.median(v.total for v in cold)
    interactive = statistics.median(v.interactive_s for v in cold)
    print(f"# join_weight {datetime.datetime.now().astimezone().isoformat(timespec='seconds')}")
    print(f"command: {' '.join(sys.argv)}; Chromium {CHROMIUM}, 360x640 phone, DevTools 'Fast 3G'")
    for n, v in enumerate(cold, start=1):
        print(f"  cold visit {n}: {kb(v.total)} ({kb(v.http_bytes)} HTTP in {v.requests} requests + "
              f"{v.ws_bytes} B WebSocket), interactive {v.interactive_s:.2f} s, DOMContentLoaded "
              f"{v.dom_content_loaded_s:.2f} s, load {v.load_s:.2f} s")
    print("  responses of the first cold visit, largest first: " + ", ".join(
        f"{kb(size)} {url.rsplit('/', 1)[-1][:40] or url}" for size, url in cold[0].largest))
    print(f"  warm second visit: {kb(warm.total)} in {warm.requests} requests, interactive {warm.interactive_s:.2f} s")
    print(f"  {'MET' if total <= TARGET_BYTES else 'MISSED'}  bytes transferred <= 1.5 MB: median {kb(total)}")
    print(f"  {'MET' if interactive <= TARGET_SECONDS else 'MISSED'}  time to interactive <= 2 s: median "
          f"{interactive:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
