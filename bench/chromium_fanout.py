""""Volgende spreker" in a real browser: a console and 20 phone pages in one Debian Chromium. Prints figures.

Starts the app as a child process on a free loopback port (as bench/room_load.py does) with one dialogue
between two rounds, lets --phones people join through the join page, each in its own browser context (its
own cookies, as its own phone), opens the console, taps "Ronde beginnen", and then taps "Volgende spreker"
--clicks times. For each tap it measures, on every phone, the time from the click on the console until the
phone's text changed (a MutationObserver in each page notes the moment the page's text first differs).
Every page runs in the same browser on the same machine, so both moments come from one clock.

After phones + 1 taps everyone in the round is heard: the round is closed and the next one opened (not
timed), so any number of taps can be measured.

    .venv/bin/python bench/chromium_fanout.py [--phones 20] [--clicks 30]

Chromium is /usr/bin/chromium through Playwright's `executable_path`, never `playwright install`.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
if "--app-root" in sys.argv[:-1]:  # before the app's modules are imported: they come from that tree
    os.environ["WIJKDIALOOG_BENCH_APP_ROOT"] = sys.argv[sys.argv.index("--app-root") + 1]
    sys.path.insert(0, str(Path(os.environ["WIJKDIALOOG_BENCH_APP_ROOT"]).resolve()))

from load.measure import percentile  # noqa: E402
from load.servers import APP_ROOT, code_version, prepare_dialogues, start_app  # noqa: E402
from playwright.async_api import Browser, Page, async_playwright  # noqa: E402

from facilitator_app.i18n import t  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Every page must keep running while it is not the one in front: no throttling of pages in the background.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-background-timer-throttling",
                 "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows"]
LANG = "nl"
TIMEOUT_MS = 30_000

# Arm a page: the first moment after now at which its visible text differs from what it is now.
ARM = """() => {
    window.__wdChanged = null;
    if (window.__wdObserver) window.__wdObserver.disconnect();
    const before = document.body.innerText;
    window.__wdObserver = new MutationObserver(() => {
        if (window.__wdChanged === null && document.body.innerText !== before) {
            window.__wdChanged = Date.now();
            window.__wdObserver.disconnect();
        }
    });
    window.__wdObserver.observe(document.body, {subtree: true, childList: true, characterData: true,
                                                attributes: true});
}"""
# The console notes the moment of the click itself, in the page, before NiceGUI sends it to the server.
NOTE_CLICKS = """() => document.addEventListener('click', () => { window.__wdClicked = Date.now(); }, true)"""


async def new_page(browser: Browser, width: int, height: int) -> Page:
    context = await browser.new_context(viewport={"width": width, "height": height}, locale="nl-NL")
    page = await context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    return page


async def join(browser: Browser, url: str, name: str) -> Page:
    page = await new_page(browser, 390, 844)
    await page.goto(url)
    await page.get_by_label(t(LANG, "phone.name")).fill(name)
    await page.get_by_role("button", name=t(LANG, "phone.next")).click()
    await page.get_by_role("button", name=t(LANG, "phone.take_part")).click()
    await page.get_by_text(t(LANG, "phone.hello", name=name)).wait_for()  # joined: the page has reloaded
    await page.wait_for_function("window.did_handshake === true")
    return page


async def click_and_time(console: Page, button: str, phones: list[Page]) -> list[float]:
    """Tap `button` on the console; ms from the click until each phone's text changed."""
    await asyncio.gather(*(p.evaluate(ARM) for p in phones))
    await console.get_by_role("button", name=button).click()
    await asyncio.gather(*(p.wait_for_function("window.__wdChanged !== null") for p in phones))
    clicked = await console.evaluate("window.__wdClicked")
    changed = await asyncio.gather(*(p.evaluate("window.__wdChanged") for p in phones))
    return [float(c - clicked) for c in changed]


async def next_round(console: Page, phones: list[Page]) -> None:
    """Close the round (everyone has been heard) and open the next one; not timed."""
    await console.get_by_role("button", name=t(LANG, "console.close_round")).click()
    await click_and_time(console, t(LANG, "console.open_round"), phones)
    await console.get_by_role("button", name=t(LANG, "console.next")).wait_for()


async def measure(base: str, key: str, slug: str, code: str, args: argparse.Namespace) -> dict:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            start = time.perf_counter()
            gate = asyncio.Semaphore(4)

            async def one(n: int) -> Page:
                async with gate:
                    return await join(browser, f"{base}/join/{code}", f"Telefoon {n:02d}")

            phones = list(await asyncio.gather(*(one(n) for n in range(args.phones))))
            joined = time.perf_counter() - start
            console = await new_page(browser, 1280, 900)
            await console.goto(f"{base}/d/{slug}?key={key}")
            await console.evaluate(NOTE_CLICKS)
            opened = await click_and_time(console, t(LANG, "console.open_round"), phones)
            await console.get_by_role("button", name=t(LANG, "console.next")).wait_for()
            taps: list[list[float]] = []
            in_round = 0
            while len(taps) < args.clicks:
                if in_round == args.phones + 1:  # everyone has been heard
                    await next_round(console, phones)
                    in_round = 0
                taps.append(await click_and_time(console, t(LANG, "console.next"), phones))
                in_round += 1
        finally:
            await browser.close()
    return {"joined_s": joined, "opened": opened, "taps": taps}


def spread(values: list[float]) -> str:
    return (f"p50 {percentile(values, 50):.0f} ms, p95 {percentile(values, 95):.0f} ms, "
            f"max {max(values):.0f} ms over {len(values)} deliveries")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], epilog=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--phones", type=int, default=20, help="phone pages in the browser (default 20)")
    parser.add_argument("--clicks", type=int, default=30, help='"Volgende spreker" taps timed (default 30)')
    parser.add_argument("--app-root", type=Path, default=APP_ROOT,
                        help="source tree of the app to run, e.g. a git worktree of an older commit")
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} is missing: apt-get install -y chromium", file=sys.stderr)
        return 2
    print(f"# chromium_fanout {datetime.datetime.now().astimezone().isoformat(timespec='seconds')}")
    print(f"command: {' '.join(sys.argv)}; Chromium {CHROMIUM}, one browser, a context per page")
    print(f"code: {code_version(args.app_root)}")
    work = Path(tempfile.mkdtemp(prefix="chromium-fanout-"))
    server = None
    started = time.perf_counter()
    try:
        data = work / "data"
        data.mkdir()
        info = prepare_dialogues(data, 1)[0]
        server, key = start_app(data, work, args.app_root)
        result = asyncio.run(measure(server.base_url, key, info.slug, info.join_code, args))
        rss = server.rss_mib()
    finally:
        if server is not None:
            server.stop()
        shutil.rmtree(work, ignore_errors=True)
    taps = result["taps"]
    every = [ms for tap in taps for ms in tap]
    last = [max(tap) for tap in taps]
    print(f"  {args.phones} phones joined in {result['joined_s']:.1f} s (4 at a time); server RSS {rss:.0f} MiB")
    print(f'  "Ronde beginnen", click -> text changed on every phone: {spread(result["opened"])}')
    print(f"  next speaker, click on the console -> text changed on every phone ({len(taps)} clicks): "
          f"{spread(every)}; until the last phone: p50 {percentile(last, 50):.0f} ms, "
          f"p95 {percentile(last, 95):.0f} ms")
    print(f"  (run took {time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
