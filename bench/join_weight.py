"""Join page weight: bytes transferred and time to interactive for a phone on "Fast 3G". Prints figures.

Starts the app as a child process on a free loopback port, opens the join link in Debian's
Chromium (Playwright's async API, never `playwright install`) as a 360x640 phone, throttles the
network through the DevTools protocol with DevTools' own "Fast 3G" preset (562.5 ms latency,
1.44 Mbit/s down, 675 kbit/s up), and measures a cold first visit with the cache disabled:

  - bytes transferred: every HTTP response's encoded length with headers (Network.loadingFinished)
    plus the WebSocket frames received until interactive;
  - time to interactive: from navigation until the name field is shown and the page can take the tap:
    the join form is a plain HTML form (pages/join_form.py), usable once it is parsed (DOMContentLoaded);
    a NiceGUI page (an older tree, --app-root) also needs its socket's handshake (window.did_handshake);
  - the whole join: the person types and reads for --typing seconds (the phone meanwhile prefetches the
    phone view's scripts), taps "Verder" and "Ik doe mee", and the phone's own view is live (its socket's
    handshake done): seconds from the tap on "Ik doe mee";
  - and, for comparison, a second visit with a warm cache;
  - the server's CPU per cold visit: its process's CPU time before and after --cpu-visits more cold visits
    without throttling (after the ones above, so the first page, imports and warm-up are not counted); each
    covers the page, its styles, scripts and font, and the socket (bench/load/servers.py, ServerProcess);
  - where the time goes: the page's HTML, styles and scripts until DOMContentLoaded, start-up until the
    socket is opened, the socket's handshake, and the rest; and the floor Fast 3G sets for this page (its
    round trips one after the other, and the bytes received before interactive at the download rate).

What the emulation leaves out, so a real Fast 3G link is slower than these figures: DevTools delays each
HTTP request and the WebSocket's opening handshake by the latency, but not TCP connects nor the frames on an
open WebSocket, and socket.io's connect packet needs one more round trip after the socket opens before
NiceGUI's page is live (about 0.56 s more). And the page is fetched from 127.0.0.1, a secure context, where
Chromium also offers brotli and zstd; to a LAN address over plain http (a phone on the hall's Wi-Fi) it
offers gzip and deflate only, so a saving from brotli would show here but never reach such a phone.

    .venv/bin/python bench/join_weight.py [--runs 3] [--cpu-visits 20] [--app-root /tmp/some-worktree]
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
if "--app-root" in sys.argv[:-1]:  # before the app's modules are imported: they come from that tree
    os.environ["WIJKDIALOOG_BENCH_APP_ROOT"] = sys.argv[sys.argv.index("--app-root") + 1]

from load.servers import APP_ROOT, ServerProcess, code_version, prepare_dialogues, start_app  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
# Chrome DevTools' "Fast 3G" (front_end/core/sdk/NetworkManager.ts): throughputs in bytes per second.
FAST_3G = {"offline": False, "latency": 150 * 3.75, "downloadThroughput": 1.6 * 1000 * 1000 / 8 * 0.9,
           "uploadThroughput": 750 * 1000 / 8 * 0.9}
TARGET_BYTES = 1.5 * 1000 * 1000
TARGET_SECONDS = 2.0
TARGET_WARM_SECONDS = 1.0
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
    # Seconds from navigation (DevTools' clock): the HTML received, DOMContentLoaded, the socket's opening
    # handshake sent and answered; and the bytes of the HTTP responses finished before the socket opened.
    html_s: float = 0.0
    dom_ready_s: float = 0.0
    socket_sent_s: float = 0.0
    socket_open_s: float = 0.0
    bytes_before_interactive: int = 0

    @property
    def total(self) -> int:
        return self.http_bytes + self.ws_bytes


async def visit(page: Page, url: str, *, cache: bool) -> Visit:
    cdp = await page.context.new_cdp_session(page)
    await cdp.send("Network.enable")
    await cdp.send("Page.enable")
    await cdp.send("Network.setCacheDisabled", {"cacheDisabled": not cache})
    await cdp.send("Network.emulateNetworkConditions", FAST_3G)
    result = Visit()
    urls: dict[str, str] = {}
    sizes: dict[str, int] = {}
    finished: dict[str, float] = {}  # request id -> DevTools timestamp (s) of its last byte
    clock: dict[str, float] = {}  # DevTools timestamps of the navigation, DOMContentLoaded and the socket

    def sent(event: dict) -> None:
        urls[event["requestId"]] = event["request"]["url"]
        if event.get("type") == "Document":
            clock.setdefault("navigation", event["timestamp"])
            clock.setdefault("document", event["requestId"])

    def loaded(event: dict) -> None:
        sizes[event["requestId"]] = int(event["encodedDataLength"])
        finished[event["requestId"]] = event["timestamp"]

    cdp.on("Network.requestWillBeSent", sent)
    cdp.on("Network.loadingFinished", loaded)
    cdp.on("Page.domContentEventFired", lambda e: clock.setdefault("dom_ready", e["timestamp"]))
    cdp.on("Network.webSocketWillSendHandshakeRequest", lambda e: clock.setdefault("socket_sent", e["timestamp"]))
    cdp.on("Network.webSocketHandshakeResponseReceived", lambda e: clock.setdefault("socket_open", e["timestamp"]))

    def frame(event: dict) -> None:
        result.ws_bytes += len(event["response"]["payloadData"].encode())

    cdp.on("Network.webSocketFrameReceived", frame)
    start = time.perf_counter()
    await page.goto(url, wait_until="commit")
    await page.get_by_label(NAME_LABEL).wait_for(state="visible", timeout=60_000)
    await ready(page)
    result.interactive_s = time.perf_counter() - start
    await page.wait_for_load_state("load")
    timing = await page.evaluate("""() => { const n = performance.getEntriesByType('navigation')[0];
        return [n.domContentLoadedEventEnd / 1000, n.loadEventEnd / 1000]; }""")
    result.dom_content_loaded_s, result.load_s = timing
    await asyncio.sleep(0.5)  # let the last loadingFinished events arrive
    result.http_bytes = sum(sizes.values())
    result.requests = len(sizes)
    result.largest = sorted(((size, urls.get(rid, "?")) for rid, size in sizes.items()), reverse=True)
    zero = clock.get("navigation", 0.0)
    since = {name: clock[name] - zero for name in ("dom_ready", "socket_sent", "socket_open") if name in clock}
    result.html_s = finished.get(str(clock.get("document")), zero) - zero
    result.dom_ready_s = since.get("dom_ready", 0.0)
    result.socket_sent_s = since.get("socket_sent", 0.0)
    result.socket_open_s = since.get("socket_open", 0.0)
    opened = clock.get("socket_open", clock.get("dom_ready", float("inf")))  # a plain form needs no socket
    result.bytes_before_interactive = sum(size for rid, size in sizes.items() if finished[rid] <= opened)
    await cdp.detach()
    return result


async def ready(page: Page) -> None:
    """The join page takes a tap: a plain form once parsed, a NiceGUI page once its socket's handshake is done."""
    await page.wait_for_function("document.readyState !== 'loading'", timeout=60_000)
    if not await page.evaluate("!!document.querySelector('form[method=post]')"):
        await page.wait_for_function("window.did_handshake === true", timeout=60_000)


async def whole_join(page: Page, url: str, typing: float) -> float:
    """Cold, on Fast 3G: the form, `typing` seconds of typing and reading, then seconds from "Ik doe mee" until
    the phone's own view is live."""
    cdp = await page.context.new_cdp_session(page)
    await cdp.send("Network.enable")
    await cdp.send("Network.emulateNetworkConditions", FAST_3G)
    await page.goto(url, wait_until="commit")
    await page.get_by_label(NAME_LABEL).wait_for(state="visible", timeout=60_000)
    await asyncio.sleep(typing)
    await page.get_by_label(NAME_LABEL).fill("Sanne")
    await page.get_by_role("button", name="Verder").click()
    start = time.perf_counter()
    await page.get_by_role("button", name="Ik doe mee").click()
    await page.get_by_text("Hallo Sanne").wait_for(timeout=60_000)
    await page.wait_for_function("window.did_handshake === true", timeout=60_000)
    seconds = time.perf_counter() - start
    await cdp.detach()
    return seconds


async def phone_page(browser: Browser) -> Page:
    context = await browser.new_context(viewport={"width": 360, "height": 640}, device_scale_factor=2,
                                        is_mobile=True, has_touch=True, locale="nl-NL")
    return await context.new_page()


async def unthrottled_cold_visit(browser: Browser, url: str) -> None:
    """A phone at the door on a fast network: the page, every file it loads (the font too) and the socket."""
    page = await phone_page(browser)
    cdp = await page.context.new_cdp_session(page)
    await cdp.send("Network.enable")
    await cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    await page.goto(url)
    await ready(page)
    await page.wait_for_load_state("load")
    await asyncio.sleep(0.3)  # the last responses leave the server
    await page.context.close()


async def measure(url: str, runs: int, server: ServerProcess, cpu_visits: int,
                  typing: float) -> tuple[list[Visit], Visit, float, float]:
    """The cold visits, the warm second visit, the server's CPU seconds per unthrottled cold visit, and the
    seconds from "Ik doe mee" to the live phone view in a whole cold join."""
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
            await asyncio.sleep(1.0)
            cpu_before = server.cpu_seconds()
            for _ in range(cpu_visits):
                await unthrottled_cold_visit(browser, url)
            cpu_per_visit = (server.cpu_seconds() - cpu_before) / max(cpu_visits, 1)
            page = await phone_page(browser)
            to_view = await whole_join(page, url, typing)
            await page.context.close()
        finally:
            await browser.close()
    return cold, warm, cpu_per_visit, to_view


def kb(size: float) -> str:
    return f"{size / 1000:.0f} kB"


def time_spent(v: Visit) -> str:
    """The phases of one visit, one after the other, in seconds."""
    if not v.socket_open_s:  # a plain form: no socket before it takes a tap
        return (f"page HTML {v.html_s:.2f} s, shown and parsed (the form takes a tap; this bench's polling "
                f"included) +{v.interactive_s - v.html_s:.2f} s")
    return (f"page HTML {v.html_s:.2f} s, styles and scripts until DOMContentLoaded +{v.dom_ready_s - v.html_s:.2f} s, "
            f"start-up until the socket is opened +{v.socket_sent_s - v.dom_ready_s:.2f} s, socket handshake "
            f"+{v.socket_open_s - v.socket_sent_s:.2f} s, the rest (socket.io connect, NiceGUI's handshake, this "
            f"bench's polling) +{v.interactive_s - v.socket_open_s:.2f} s")


def floor(v: Visit, round_trips: int) -> float:
    """The least time Fast 3G allows: its round trips one after the other, plus the bytes at its download rate."""
    return round_trips * FAST_3G["latency"] / 1000 + v.bytes_before_interactive / FAST_3G["downloadThroughput"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], epilog=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="cold visits to take the median of (default 3)")
    parser.add_argument("--cpu-visits", type=int, default=20,
                        help="unthrottled cold visits to count the server's CPU over (default 20)")
    parser.add_argument("--typing", type=float, default=8.0,
                        help="seconds a person types and reads before 'Ik doe mee' in the whole join (default 8)")
    parser.add_argument("--app-root", type=Path, default=APP_ROOT,
                        help="source tree of the app to run, e.g. a git worktree of an older commit (default: "
                             "this one); the bench itself always runs from this tree")
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
        server, _ = start_app(data, work, app_root=args.app_root)
        url = f"{server.base_url}/join/{info.join_code}"
        cold, warm, cpu_per_visit, to_view = asyncio.run(measure(url, args.runs, server, args.cpu_visits,
                                                                 args.typing))
    finally:
        if server is not None:
            server.stop()
        shutil.rmtree(work, ignore_errors=True)
    total = statistics.median(v.total for v in cold)
    interactive = statistics.median(v.interactive_s for v in cold)
    print(f"# join_weight {datetime.datetime.now().astimezone().isoformat(timespec='seconds')}")
    print(f"command: {' '.join(sys.argv)}; Chromium {CHROMIUM}, 360x640 phone, DevTools 'Fast 3G'")
    print(f"code: {args.app_root} at {code_version(args.app_root)}; load average "
          f"{' '.join(f'{n:.2f}' for n in os.getloadavg())} on {os.cpu_count()} CPUs")
    for n, v in enumerate(cold, start=1):
        print(f"  cold visit {n}: {kb(v.total)} ({kb(v.http_bytes)} HTTP in {v.requests} requests + "
              f"{v.ws_bytes} B WebSocket), interactive {v.interactive_s:.2f} s, DOMContentLoaded "
              f"{v.dom_content_loaded_s:.2f} s, load {v.load_s:.2f} s")
    print("  responses of the first cold visit, largest first: " + ", ".join(
        f"{kb(size)} {url.rsplit('/', 1)[-1][:40] or url}" for size, url in cold[0].largest))
    print(f"  warm second visit: {kb(warm.total)} in {warm.requests} requests, interactive {warm.interactive_s:.2f} s")
    first = cold[0]
    print(f"  where the time goes, first cold visit: {time_spent(first)}")
    print(f"  where the time goes, warm second visit: {time_spent(warm)}")
    if first.socket_open_s:
        print(f"  Fast 3G floor for this page: cold {floor(first, 3):.2f} s (page, files, socket: 3 round trips of "
              f"{FAST_3G['latency'] / 1000:.2f} s, and {kb(first.bytes_before_interactive)} received before the "
              f"socket opened at {kb(FAST_3G['downloadThroughput'])}/s), warm {floor(warm, 2):.2f} s (page and "
              "socket: 2 round trips)")
    else:
        print(f"  Fast 3G floor for this page: {floor(first, 1):.2f} s (a plain form: one round trip of "
              f"{FAST_3G['latency'] / 1000:.2f} s and {kb(first.bytes_before_interactive)} until it is parsed)")
    print(f"  whole join, cold: after {args.typing:.0f} s of typing and reading, \"Ik doe mee\" -> the phone's own "
          f"view live in {to_view:.2f} s")
    if args.cpu_visits:
        print(f"  server CPU per cold visit: {cpu_per_visit * 1000:.0f} ms ({args.cpu_visits} more cold visits "
              "without throttling: the page and every file it loads or prefetches, and a NiceGUI page's socket)")
    print(f"  {'MET' if total <= TARGET_BYTES else 'MISSED'}  bytes transferred <= 1.5 MB: median {kb(total)}")
    print(f"  {'MET' if interactive <= TARGET_SECONDS else 'MISSED'}  time to interactive <= 2 s: median "
          f"{interactive:.2f} s")
    print(f"  {'MET' if warm.interactive_s <= TARGET_WARM_SECONDS else 'MISSED'}  warm second visit interactive "
          f"<= {TARGET_WARM_SECONDS:.0f} s: {warm.interactive_s:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
