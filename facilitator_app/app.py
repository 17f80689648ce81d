"""Builds the app for one data directory: store, rooms, access, pages. No page logic here."""

from __future__ import annotations

import gc
import logging
import os
from dataclasses import dataclass, field
from typing import Any

from nicegui import Event, app

from .access import Access
from .config import Settings, facilitator_key, storage_secret
from .connection_guard import server_limits
from .demo import ensure_demo
from .events import Events, EventStore
from .network import base_url
from .quiet_collection import start_quiet_collection, stop_quiet_collection
from .room import Rooms
from .static_gzip import GZipOnceMiddleware
from .storage_cleanup import private_storage
from .store import Store


@dataclass
class AppState:
    settings: Settings
    store: Store
    rooms: Rooms
    access: Access
    events: Events
    demo_slug: str | None = None
    tick: Event = field(default_factory=Event)
    secret: str = ""  # the storage secret: signs cookies and derives device tokens

    @property
    def base_url(self) -> str:
        return base_url(self.settings.public_url, self.settings.port, self.settings.host)

    def join_url(self, code: str) -> str:
        return f"{self.base_url}/join/{code}"

    def organiser_link(self, event_slug: str, key: str) -> str:
        return f"{self.base_url}/e/{event_slug}?key={key}"

    def host_link(self, event_slug: str, table_id: str, key: str) -> str:
        return f"{self.base_url}/e/{event_slug}/host/{table_id}?key={key}"

    def event_join_url(self, event_slug: str) -> str:
        return f"{self.base_url}/e/{event_slug}/join"

    def facilitator_link(self) -> str:
        return f"{self.base_url}/?key={self.access.key}"


log = logging.getLogger(__name__)
# For benchmarks only (bench/load/servers.py): hundreds of simulated phones join from this machine's loopback
# addresses within a minute, which the limit for all addresses together (Access) would rightly stop. When set, it
# replaces the join limits, per address and in all, with this many a minute. Never set it for a real evening.
BENCH_JOIN_LIMIT_ENV = "WIJKDIALOOG_BENCH_JOIN_LIMIT"

current: AppState | None = None  # the state of the app built last (tests reach the live rooms through it)


def build(settings: Settings) -> AppState:
    from . import pages  # imported here so the store and CLI work without starting NiceGUI pages

    private_storage(settings.data_dir)  # owner-only folder and files; NiceGUI's storage kept beside the dialogues
    store = Store(settings.data_dir)
    rooms, secret = Rooms(store), storage_secret(settings.data_dir)
    state = AppState(settings, store, rooms, Access(facilitator_key(settings.data_dir)),
                     Events(EventStore(settings.data_dir), rooms, secret), secret=secret)
    bench_join_limit(state.access)
    if settings.demo:
        state.demo_slug = ensure_demo(state.rooms, settings.lang)
    pages.register(state)
    global current
    current = state
    return state


def bench_join_limit(access: Access) -> None:
    limit = os.environ.get(BENCH_JOIN_LIMIT_ENV, "").strip()
    if not limit:
        return
    access.joins.limit = access.all_joins.limit = int(limit)
    log.warning("%s=%s: join limits raised for a benchmark", BENCH_JOIN_LIMIT_ENV, limit)


# A full collection with 200 phones connected froze the event loop for 300-600 ms, 50-80 times in one bench
# run. With Python's default first threshold (700) a page's short-lived objects are often collected while still
# in use, move up, and soon trigger a full collection. At 50,000 they are gone by the next young collection, and
# full collections became rare (1 in a run instead of 78). But the pages of phones that leave have lived long
# enough to be in the oldest generation: with (50,000, 20, 10) a full collection was only tried every 10 million
# allocations, and RSS grew 24-27 % in the 600 s soak. Trying one at every young collection (Python's own rule
# still skips it until that generation has grown by a quarter): +4.8 %, and "next speaker" stayed level with the
# floor (p95 ratio 0.73; BENCHMARKS.md, issue 10).
GC_THRESHOLDS = (50_000, 1, 1)


def tune_garbage_collection() -> None:
    gc.set_threshold(*GC_THRESHOLDS)
    app.on_startup(freeze_start_up_objects)
    app.on_startup(start_quiet_collection)  # a full collection due is made in a quiet moment, not at a tap
    app.on_shutdown(stop_quiet_collection)


def freeze_start_up_objects() -> None:
    """Moves everything alive once the app has started (modules, NiceGUI, pages) out of the collector's sight.

    They live as long as the process, and a full collection no longer walks them. Done once: a freeze
    repeated while phones come and go kept their garbage for ever (242 -> 295 MiB in 150 s), so a process
    that starts the app again (NiceGUI's test fixture does, once per test) does not freeze again.
    """
    if gc.get_freeze_count():
        return
    gc.collect()
    gc.freeze()
    log.info("garbage collection: %d start-up objects frozen", gc.get_freeze_count())


def run_kwargs(state: AppState) -> dict[str, Any]:
    """What every entry point passes to ui.run. NiceGUI hands keywords it does not know to uvicorn's Config:
    `server_limits` bounds idle and slow connections (and lifts the open-file limit, so call this just
    before ui.run). It also tunes the garbage collector for a room full of phones."""
    tune_garbage_collection()
    return {
        **server_limits(),
        "host": state.settings.host,
        "port": state.settings.port,
        "title": "Wijkdialoog",
        "show": False,
        "reload": False,
        "storage_secret": state.secret,
        "reconnect_timeout": 30.0,  # phones on a busy Wi-Fi blink; keep their page alive a while
        "favicon": "\U0001f4ac",
        "language": "nl",
        "show_welcome_message": False,
        # No Tailwind runtime: 260 kB of script a phone downloads and runs on every page; Quasar's classes and a
        # few utilities in theme.py (TAILWIND_SUBSET) draw the same pages.
        "tailwind": False,
        # Starlette's gzip (NiceGUI's default: level 9, from 500 bytes), but NiceGUI's versioned files are gzipped
        # once and then sent from memory: a cold phone cost the server about 120 ms of CPU, most of it gzipping
        # the same 1.1 MB again, and about 50 ms without that (bench/join_weight.py; static_gzip.py).
        "gzip_middleware_factory": GZipOnceMiddleware,
        # Left at NiceGUI's defaults, measured on the join page with DevTools' "Fast 3G" (bench/join_weight.py,
        # issue 10; cold 4.1 s, warm 1.3 s either way):
        # - The socket already opens as a WebSocket, without long-polling round trips, and NiceGUI falls back to
        #   polling only if that fails (a proxy that blocks WebSockets). WebSocket-only saved nothing and would
        #   strand those phones.
        # - gzip at level 9 (Starlette's default). Level 6 took as long and sent 1 kB more (and saved only about
        #   5 ms of CPU per cold phone; gzipping each file once saves more, see above).
        # - NiceGUI's files are versioned and cached for a year ("immutable"), so a second visit asks only for the
        #   page and the socket: 2 round trips (1.13 s).
        # What is left cold is the bytes of Vue and Quasar (about 300 kB before the name field shows, 1.7 s at
        # Fast 3G's rate) after the page's round trip, and the socket's after them: a floor of about 3.4 s.
    }
