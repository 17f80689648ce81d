"""Where a card's server memory goes: element counts per page, tracemalloc bytes and RSS per card. Prints figures.

Starts the app as a child process on a free loopback port (bench/load/memory_server.py: the app plus a
read-only memory route), opens a console and a projector, lets --phones simulated phones join through the
join page (bench/load/protocol.py speaks NiceGUI's own protocol) and opens the card round. Each phone
sends one card to warm up, and the join forms' clients are let go (about 30 s); then the phones send
--cards cards in turn, one after another, each until the author's phone and the console show it. Before
and after, the server collects garbage and answers its RSS, the bytes tracemalloc traces and every
page's NiceGUI elements; the difference is divided by the cards. Element counts and traced bytes are
deterministic; RSS is printed too, but it moves with the allocator (and tracemalloc's own traces add to
it; --no-trace for a plain RSS figure).

    .venv/bin/python bench/card_memory.py [--phones 20] [--cards 300] [--no-trace] [--app-root DIR]
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
from collections import Counter
from pathlib import Path

import aiohttp

sys.path.insert(0, str(Path(__file__).resolve().parent))
if "--app-root" in sys.argv[:-1]:  # before the app's modules are imported: they come from that tree
    os.environ["WIJKDIALOOG_BENCH_APP_ROOT"] = sys.argv[sys.argv.index("--app-root") + 1]

from load.people import Phone, Viewer, join_all  # noqa: E402
from load.protocol import shows_text  # noqa: E402
from load.servers import APP_ROOT, HOST, PYTHON, ServerProcess, code_version, prepare_dialogues, screen_path  # noqa: E402

SERVER = Path(__file__).resolve().parent / "load" / "memory_server.py"
KiB = 1024


async def memory(base: str, **query: str) -> dict:
    async with aiohttp.ClientSession() as http, http.get(f"{base}/_bench/memory", params=query) as response:
        return await response.json()


def by_page(answer: dict) -> dict[str, tuple[int, Counter]]:
    """Elements per kind of page (phones summed): (count, by element type)."""
    pages: dict[str, tuple[int, Counter]] = {}
    for client in answer["clients"]:
        count, types = pages.get(client["page"], (0, Counter()))
        pages[client["page"]] = (count + client["elements"], types + Counter(client["by_type"]))
    return pages


async def settled(base: str, pages: int, timeout: float = 90.0) -> None:
    """Until only the pages measured are left: NiceGUI keeps each join form's client for the app's
    reconnect_timeout (30 s) after its socket closed, and deleting those while the cards arrive would
    count as memory and elements the cards gave back."""
    deadline = time.monotonic() + timeout
    while len((await memory(base))["clients"]) > pages:
        if time.monotonic() > deadline:
            raise RuntimeError(f"more than {pages} pages are still open after {timeout:.0f} s")
        await asyncio.sleep(2.0)


async def send_cards(phones: list[Phone], console: Viewer, count: int, start: int) -> None:
    """`count` cards from the phones in turn, each until its author's phone and the console show it."""
    assert console.tab is not None
    for k in range(start, start + count):
        author = phones[k % len(phones)]
        assert author.tab is not None
        text = f"Kaartje {k} van {author.name}: meer groen in de straat"
        seen = [author.tab.expect(shows_text(text)), console.tab.expect(shows_text(text))]
        await author.send_card(text)
        await asyncio.wait_for(asyncio.gather(*seen), 30)


async def run(args: argparse.Namespace, work: Path) -> None:
    data = work / "data"
    data.mkdir()
    info = prepare_dialogues(data, 1)[0]
    if args.trace:
        os.environ["WIJKDIALOOG_BENCH_TRACE"] = "1"
    server = ServerProcess("app", lambda port: [PYTHON, str(SERVER), "--data", str(data), "--host", HOST,
                                                "--port", str(port), "--app-root", str(args.app_root)],
                           work / "app.log", work / "nicegui-storage", cwd=args.app_root)
    viewers: list[Viewer] = []
    phones: list[Phone] = []
    try:
        await asyncio.to_thread(server.wait_ready, "/healthz")
        key = server.log_text().split("?key=", 1)[1].split()[0]
        base = server.base_url
        console = Viewer(base, f"/d/{info.slug}?key={key}")
        screen = Viewer(base, screen_path(data, info.slug))
        viewers = [console, screen]
        for viewer in viewers:
            await viewer.open()
        phones = [Phone(base, info.join_code, n) for n in range(args.phones)]
        _, errors = await join_all(phones, 5)
        if errors:
            raise RuntimeError(f"joins failed: {errors[:3]}")
        await console.click("console.open_round")
        deadline = time.monotonic() + 30
        while any(p.tab.find(tag="nicegui-input", props={"type": "textarea"}) is None for p in phones if p.tab):
            if time.monotonic() > deadline:
                raise RuntimeError("the card round did not reach every phone")
            await asyncio.sleep(0.1)
        await send_cards(phones, console, len(phones), 0)  # warm-up: every code path has run once
        await settled(base, len(phones) + len(viewers))
        before = await memory(base, snapshot="before")
        started = time.perf_counter()
        await send_cards(phones, console, args.cards, len(phones))
        sending = time.perf_counter() - started
        await asyncio.sleep(3.5)  # an ack from every page (every 3 s) prunes NiceGUI's message history
        after = await memory(base, compare="before")
        report(args, before, after, sending, server.log_text().count("Traceback"))
    finally:
        await asyncio.gather(*(p.close() for p in phones), *(v.close() for v in viewers), return_exceptions=True)
        server.stop()


def report(args: argparse.Namespace, before: dict, after: dict, sending: float, tracebacks: int) -> None:
    n = args.cards
    print(f"  {n} cards from {args.phones} phones in {sending:.1f} s; server tracebacks: {tracebacks}")
    rss = (after["rss"] - before["rss"]) / n / KiB
    print(f"  RSS {before['rss'] / KiB / KiB:.1f} -> {after['rss'] / KiB / KiB:.1f} MiB: {rss:+.1f} KiB per card"
          + (" (tracemalloc's own traces included)" if args.trace else ""))
    if after.get("traced_grown") is not None:
        print(f"  traced by tracemalloc: {after['traced_grown'] / n / KiB:+.1f} KiB per card (snapshot after the "
              "cards against the one before)")
    pages_before, pages_after = by_page(before), by_page(after)
    total = 0
    for page in sorted(pages_after):
        count_before, types_before = pages_before.get(page, (0, Counter()))
        count_after, types_after = pages_after[page]
        total += count_after - count_before
        grown = types_after.copy()
        grown.subtract(types_before)
        detail = ", ".join(f"{name} {diff / n:+.2f}" for name, diff in grown.most_common() if diff)
        print(f"  {page}: {count_before} -> {count_after} elements, {(count_after - count_before) / n:+.2f} per "
              f"card" + (f" ({detail})" if detail else ""))
    print(f"  all pages: {total / n:+.2f} elements per card")
    history = sum(c["history"] for c in after["clients"])
    print(f"  NiceGUI message history kept after the cards: {history} messages over {len(after['clients'])} pages")
    if after.get("packages"):
        print("  traced growth by package or module, KiB per card: " + ", ".join(
            f"{name} {size / n / KiB:+.1f}" for name, size in after["packages"][:8]))
    if after.get("grown"):
        print("  where the traced bytes grew most (file:line, KiB per card, blocks per card):")
        for where, size, count in after["grown"][:args.top]:
            print(f"    {size / n / KiB:+7.2f} KiB {count / n:+6.1f}  {where}")
        print("  of which in the app's own code:")
        for where, size, count in [g for g in after["grown"] if "facilitator_app" in g[0]][:5]:
            print(f"    {size / n / KiB:+7.2f} KiB {count / n:+6.1f}  {where}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], epilog=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--phones", type=int, default=20, help="simulated phones (default 20)")
    parser.add_argument("--cards", type=int, default=300,
                        help="cards measured, after one warm-up card per phone (default 300; at most 19 per phone)")
    parser.add_argument("--no-trace", dest="trace", action="store_false", help="run the server without tracemalloc")
    parser.add_argument("--top", type=int, default=15, help="lines of tracemalloc growth to print (default 15)")
    parser.add_argument("--app-root", type=Path, default=APP_ROOT,
                        help="source tree of the app to run, e.g. a git worktree of an older commit")
    args = parser.parse_args()
    if args.cards > 19 * args.phones:
        parser.error("a person may write 20 cards a round: use fewer cards or more phones")
    print(f"# card_memory {datetime.datetime.now().astimezone().isoformat(timespec='seconds')}")
    print(f"command: {' '.join(sys.argv)}")
    print(f"code: {args.app_root} at {code_version(args.app_root)}; load average "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs")
    work = Path(tempfile.mkdtemp(prefix="card-memory-"))
    try:
        asyncio.run(run(args, work))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
