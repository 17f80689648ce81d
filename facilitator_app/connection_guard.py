"""Keeps idle and half-sent connections from locking phones out of the app.

Measured with uvicorn 0.54 and httptools (README, "Running a big room"): uvicorn closes a connection only
`timeout_keep_alive` seconds after a *response*. A socket that connects and sends nothing, or half a
request, stays open for ever. 1,100 of them used up the 1,024 files a process may open on a usual Linux
laptop (macOS allows 256), and from then on every phone's connection was dropped at once.

Three small defences, none of which a real phone ever meets:
- `GuardedHttpProtocol` gives each request head `HEAD_TIMEOUT` seconds to arrive, and at most
  `MAX_HEAD_BYTES`;
- it caps the connections that have not sent their first request yet, per address and in total, by closing
  the one that has waited longest (a phone sends its request within milliseconds of connecting, so the
  oldest silent socket is never a phone that is about to speak);
- `raise_open_file_limit` lifts the soft limit on open files to what the system allows.
"""

from __future__ import annotations

import asyncio
from typing import Any
from weakref import WeakKeyDictionary

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
from uvicorn.server import ServerState

# A phone sends its request head (under 2 KB, one packet) right after connecting, even on a poor Wi-Fi.
# Browsers keep an unused spare connection for up to 10 s; closing it sooner only makes them open another.
HEAD_TIMEOUT = 10.0
MAX_HEAD_BYTES = 64 * 1024  # a NiceGUI request head with its cookies is about 1 KB
# One phone opens at most 6 connections at once (the browser's per-host limit) plus a spare or two.
PENDING_PER_ADDRESS = 32
WANTED_OPEN_FILES = 8192


class _Waiting:
    """The connections of one server that have not sent a first request head yet, oldest first."""

    def __init__(self) -> None:
        self.everyone: dict[GuardedHttpProtocol, None] = {}  # dicts keep insertion order: oldest first
        self.by_address: dict[str, dict[GuardedHttpProtocol, None]] = {}

    def add(self, conn: GuardedHttpProtocol, address: str, per_address: int, total: int) -> list[GuardedHttpProtocol]:
        """Adds `conn`; returns the connections that must make room for it."""
        self.everyone[conn] = None
        same = self.by_address.setdefault(address, {})
        same[conn] = None
        evicted = []
        while len(same) > per_address:
            evicted.append(self._pop(next(iter(same))))
        while len(self.everyone) > total:
            evicted.append(self._pop(next(iter(self.everyone))))
        return evicted

    def _pop(self, conn: GuardedHttpProtocol) -> GuardedHttpProtocol:
        self.discard(conn)
        return conn

    def discard(self, conn: GuardedHttpProtocol) -> None:
        self.everyone.pop(conn, None)
        same = self.by_address.get(conn.address)
        if same is not None:
            same.pop(conn, None)
            if not same:
                del self.by_address[conn.address]


_WAITING: WeakKeyDictionary[ServerState, _Waiting] = WeakKeyDictionary()


class GuardedHttpProtocol(HttpToolsProtocol):
    """uvicorn's own HTTP/1.1 protocol (the one it picks by default) with a deadline for each request head."""

    pending_total = 512  # replaced by `protocol_for` to fit the open-file limit

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self.address = self.client[0] if self.client else ""
        self.head_timer: asyncio.TimerHandle | None = None
        self.head_bytes = 0
        self.waiting = _WAITING.setdefault(self.server_state, _Waiting())
        for old in self.waiting.add(self, self.address, PENDING_PER_ADDRESS, self.pending_total):
            old.drop()
        self._expect_head()

    def _expect_head(self) -> None:
        self.head_bytes = 0
        self.head_timer = self.loop.call_later(HEAD_TIMEOUT, self.drop)

    def _head_arrived(self) -> None:
        if self.head_timer is not None:
            self.head_timer.cancel()
            self.head_timer = None
        self.waiting.discard(self)

    def drop(self) -> None:
        """Closes a connection that never finished its request head."""
        self._head_arrived()
        if not self.transport.is_closing():
            self.transport.close()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self.head_timer is None or self.transport.is_closing():
            return
        self.head_bytes += len(data)  # counted after parsing, so a body that came with its head is not counted
        if self.head_bytes > MAX_HEAD_BYTES:
            self._head_arrived()
            self.send_400_response("Request head too large.")

    def on_headers_complete(self) -> None:
        # Also reached for a websocket upgrade, after which this protocol hears nothing more of the socket.
        self._head_arrived()
        super().on_headers_complete()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if self.timeout_keep_alive_task is not None:
            # Idle between requests: uvicorn closes after timeout_keep_alive, unless a byte arrives; from
            # then on the next head has HEAD_TIMEOUT too, so a half-sent second request cannot hang on.
            self._expect_head()

    def connection_lost(self, exc: Exception | None) -> None:
        self._head_arrived()
        super().connection_lost(exc)


def protocol_for(open_files: int) -> type[GuardedHttpProtocol]:
    """The guarded protocol, with room for silent connections in proportion to the files the app may open."""
    total = max(64, min(512, open_files // 4))
    return type("GuardedHttpProtocol", (GuardedHttpProtocol,), {"pending_total": total})


def raise_open_file_limit(wanted: int = WANTED_OPEN_FILES) -> int:
    """Lifts the soft limit on open files towards `wanted` (never above the hard limit); returns the limit now.

    Each connection is one open file. A laptop's default (1,024 on Linux, 256 on macOS) is below what a hall
    of 300 phones with their page loads can use at a peak.
    """
    try:
        import resource  # not on Windows, which has no such per-process limit for sockets
    except ImportError:
        return wanted
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    if soft != resource.RLIM_INFINITY and soft < target:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
            soft = target
        except (ValueError, OSError):  # macOS refuses more than kern.maxfilesperproc: keep what we have
            pass
    return wanted if soft == resource.RLIM_INFINITY else soft


def server_limits() -> dict[str, Any]:
    """uvicorn settings for a hall of about 300 phones plus consoles and projectors (see run_kwargs)."""
    open_files = raise_open_file_limit()
    return {
        "http": protocol_for(open_files),
        # Every phone holds one websocket, and limit_concurrency counts those as well as idle keep-alive
        # connections (uvicorn answers 503 once connections or running requests reach it). 300 phones
        # + 10 screens hold about 310; a join wave of 100 phones loading the page at once opens up to 6
        # connections each, which stay for timeout_keep_alive: about 900 together. 2,000 leaves twice that,
        # and stays well under the open-file limit raised above, so a 503 means overload, never a hall.
        "limit_concurrency": 2000,
        # Connections the kernel queues before the app accepts them: a whole hall scanning the QR code in
        # the same second (300 phones x 6) fits. The system caps it (Linux somaxconn, 4,096 by default).
        "backlog": 2048,
        # Seconds an idle connection stays open after a response. Phones reconnect cheaply on a LAN.
        "timeout_keep_alive": 5,
        # Only used if uvicorn falls back to h11; GuardedHttpProtocol caps heads itself (MAX_HEAD_BYTES).
        "h11_max_incomplete_event_size": MAX_HEAD_BYTES,
        # A phone that walked out without closing its socket is noticed after ping + timeout (40 s) and its
        # websocket closed; NiceGUI keeps the page itself for reconnect_timeout, so a blink costs nothing.
        "ws_ping_interval": 20.0,
        "ws_ping_timeout": 20.0,
    }
