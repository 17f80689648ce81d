"""A simulated browser speaking NiceGUI 3.18's own client protocol, as static/nicegui.js does.

One `Browser` is one phone (or laptop): a cookie jar (the signed session cookie that keys
app.storage.user), a sessionStorage tab id that survives reloads, and its own loopback source
address (a real room has one address per phone, and the app rate-limits joins per address).
A `Tab` is one page load: GET the page, read `client_id`, `next_message_id` and the initial
elements from the HTML, connect Socket.IO with the same query the browser sends
(implicit handshake), apply `update` messages to a local element tree, send `ack` every 3 s,
and send `event` messages for value changes and clicks.
"""

from __future__ import annotations

import ast
import asyncio
import html
import json
import re
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import aiohttp
import socketio

ELEMENTS_RE = re.compile(r"parseElements\(String\.raw`(.*?)`\)", re.S)
QUERY_RE = re.compile(r"^\s*query: (\{.*\}),\s*$", re.M)
HTML_UNESCAPE = (("&#36;", "$"), ("&#96;", "`"), ("&gt;", ">"), ("&lt;", "<"), ("&amp;", "&"))
SOCKET_PATH = "/_nicegui_ws/socket.io"
ACK_SECONDS = 3.0  # nicegui.js: setInterval(() => ack(), 3000)

Update = dict[str, Any]
Predicate = Callable[[Update], bool]


class PageError(Exception):
    """The page could not be loaded or connected the way a browser would."""


def parse_page(html: str) -> tuple[dict[str, Any], dict[int, dict[str, Any]]]:
    """The socket query (client_id, next_message_id, implicit_handshake) and the initial elements."""
    query_match, elements_match = QUERY_RE.search(html), ELEMENTS_RE.search(html)
    if query_match is None or elements_match is None:
        raise PageError("no NiceGUI client data in the page")
    query = ast.literal_eval(query_match.group(1))  # rendered as a Python dict literal (True, not true)
    raw = elements_match.group(1)
    for entity, char in HTML_UNESCAPE:  # same order as parseElements() in nicegui.js
        raw = raw.replace(entity, char)
    return query, {int(k): v for k, v in json.loads(raw).items()}


def html_words(element: dict[str, Any] | None) -> list[str]:
    """The texts inside an HTML element's markup, each as the browser shows it (a phone's own-card list)."""
    markup = ((element or {}).get("props") or {}).get("innerHTML") or ""
    return [html.unescape(words) for words in re.findall(r">([^<]+)<", markup)]


def element_text(element: dict[str, Any] | None) -> str:
    if not element:
        return ""
    props = element.get("props") or {}
    return " ".join(str(v) for v in (element.get("text"), props.get("label"), props.get("model-value"),
                                     *html_words(element)) if v)


def any_update(_: Update) -> bool:
    return True


def shows_text(text: str) -> Predicate:
    return lambda update: any(text in element_text(v) for v in update.values() if isinstance(v, dict))


@dataclass
class Waiter:
    predicate: Predicate
    future: asyncio.Future[float]


@dataclass
class Stats:
    updates: int = 0
    update_bytes: int = 0
    notifications: list[tuple[str, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


class Browser:
    def __init__(self, base_url: str, source_host: str | None = None) -> None:
        self.base_url = base_url
        self.source_host = source_host
        self.tab_id = str(uuid.uuid4())  # sessionStorage.__nicegui_tab_id: kept across reloads of the tab
        self.http: aiohttp.ClientSession | None = None

    def session(self) -> aiohttp.ClientSession:
        if self.http is None:
            local_addr = (self.source_host, 0) if self.source_host else None
            # force_close: a pooled keep-alive connection reused for the WebSocket was later closed by aiohttp's
            # pool, dropping the socket after a few seconds; one connection per request avoids that.
            connector = aiohttp.TCPConnector(local_addr=local_addr, limit=4, force_close=True)
            # unsafe=True: keep cookies for an IP-address host such as 127.0.0.1, as a browser does
            self.http = aiohttp.ClientSession(connector=connector, cookie_jar=aiohttp.CookieJar(unsafe=True))
        return self.http

    async def open(self, path: str, stats: Stats | None = None, timeout: float = 60.0) -> Tab:
        tab = Tab(self, path, stats or Stats())
        await asyncio.wait_for(tab.load(), timeout)
        return tab

    async def close(self) -> None:
        if self.http is not None:
            await self.http.close()
            self.http = None


class Tab:
    def __init__(self, browser: Browser, path: str, stats: Stats) -> None:
        self.browser, self.path, self.stats = browser, path, stats
        self.elements: dict[int, dict[str, Any]] = {}
        self.max_id = -1
        self.client_id = ""
        self.next_message_id = 0
        self.acked_message_id = -1
        self.waiters: list[Waiter] = []
        self.listeners: list[Callable[[Update, float], None]] = []  # see every update, e.g. to count cards
        self.reload_requested = asyncio.Event()
        self.sio: socketio.AsyncClient | None = None
        self._ack_task: asyncio.Task | None = None
        self.closed = False

    # -- loading ---------------------------------------------------------------------------------------
    async def load(self) -> None:
        http = self.browser.session()
        async with http.get(self.browser.base_url + self.path) as response:
            html = await response.text()
            if response.status != 200:
                raise PageError(f"GET {self.path}: HTTP {response.status}")
        query, self.elements = parse_page(html)
        self.max_id = max(self.elements, default=-1)
        self.client_id = query["client_id"]
        self.next_message_id = int(query["next_message_id"])
        params = {
            **{k: _js_query_value(v) for k, v in query.items()},
            "document_id": str(uuid.uuid4()),  # window.documentId: new for every page load
            "tab_id": self.browser.tab_id,
            "old_tab_id": "null",  # OLD_TAB_ID is null after a reload or in a fresh tab
        }
        self.sio = socketio.AsyncClient(reconnection=False, http_session=http, handle_sigint=False)
        for name, handler in (("update", self._on_update), ("run_javascript", self._on_javascript),
                              ("notify", self._on_notify), ("open", self._on_open),
                              ("load_js_components", self._on_other), ("download", self._on_other)):
            self.sio.on(name, handler)
        url = f"{self.browser.base_url}/?{'&'.join(f'{k}={v}' for k, v in params.items())}"
        try:
            await self.sio.connect(url, socketio_path=SOCKET_PATH, transports=["websocket"], wait_timeout=30)
        except socketio.exceptions.ConnectionError as err:
            raise PageError(f"socket for {self.path}: {err}") from None
        self._ack_task = asyncio.create_task(self._ack_loop())

    async def close(self) -> None:
        self.closed = True
        if self._ack_task is not None:
            self._ack_task.cancel()
        if self.sio is not None:
            if self.sio.connected:
                await self.sio.disconnect()
            # engineio's AsyncClient.__del__ closes its http session even when it was given one: detach the
            # browser's shared session (cookies, source address) so a closed tab cannot break the next one.
            self.sio.eio.http = None
        for waiter in self.waiters:
            waiter.future.cancel()
        self.waiters.clear()

    # -- incoming --------------------------------------------------------------------------------------
    def _fresh(self, message: dict[str, Any]) -> bool:
        """nicegui.js drops messages it has seen (after a rewind) and remembers the next id."""
        message_id = message.pop("_id", None)
        if message_id is None:
            return True
        if message_id < self.next_message_id:
            return False
        self.next_message_id = message_id + 1
        return True

    async def _on_update(self, update: Update) -> None:
        received = time.perf_counter()
        if not self._fresh(update):
            return
        self.stats.updates += 1
        for key, element in update.items():
            element_id = int(key)
            if element is None:
                self.elements.pop(element_id, None)
            else:
                self.elements[element_id] = element
                self.max_id = max(self.max_id, element_id)
        for listener in self.listeners:
            listener(update, received)
        for waiter in list(self.waiters):
            if not waiter.future.done() and waiter.predicate(update):
                waiter.future.set_result(received)
                self.waiters.remove(waiter)

    async def _on_javascript(self, message: dict[str, Any]) -> None:
        if self._fresh(message) and ("history.go(0)" in message["code"] or "location.reload" in message["code"]):
            self.reload_requested.set()

    async def _on_notify(self, message: dict[str, Any]) -> None:
        if self._fresh(message):
            self.stats.notifications.append((str(message.get("type")), str(message.get("message"))))

    async def _on_open(self, message: dict[str, Any]) -> None:
        if self._fresh(message):
            self.reload_requested.set()  # navigation: the caller opens the new page

    async def _on_other(self, message: dict[str, Any]) -> None:
        self._fresh(message)

    async def _ack_loop(self) -> None:
        while not self.closed:
            await asyncio.sleep(ACK_SECONDS)
            if self.sio is None or not self.sio.connected or self.acked_message_id >= self.next_message_id:
                continue
            try:
                await self.sio.emit("ack", {"client_id": self.client_id, "next_message_id": self.next_message_id})
                self.acked_message_id = self.next_message_id
            except Exception as err:  # a socket closing under us is not worth a crash
                self.stats.errors.append(f"ack: {err}")

    # -- waiting ---------------------------------------------------------------------------------------
    def expect(self, predicate: Predicate) -> asyncio.Future[float]:
        """A future resolved with the perf_counter time of the first later update matching the predicate."""
        future: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        self.waiters.append(Waiter(predicate, future))
        return future

    # -- finding and acting ------------------------------------------------------------------------------
    def find(self, *, tag: str | None = None, label: str | None = None, text: str | None = None,
             props: dict[str, Any] | None = None) -> int | None:
        """The newest element matching all given conditions (the newest is the one on screen after a redraw)."""
        for element_id in sorted(self.elements, reverse=True):
            element = self.elements[element_id]
            element_props = element.get("props") or {}
            if tag is not None and element.get("tag") != tag:
                continue
            if label is not None and element_props.get("label") != label:
                continue
            if props is not None and any(element_props.get(k) != v for k, v in props.items()):
                continue
            if text is not None and text not in (element.get("text") or ""):
                continue
            return element_id
        return None

    def require(self, **conditions: Any) -> int:
        element_id = self.find(**conditions)
        if element_id is None:
            raise PageError(f"{self.path}: no element with {conditions}")
        return element_id

    def has_text(self, text: str) -> bool:
        return any(text in element_text(e) for e in self.elements.values())

    def _listener(self, element_id: int, event_type: str) -> str:
        for event in self.elements[element_id].get("events") or []:
            if event["type"] == event_type:
                return event["listener_id"]
        raise PageError(f"element {element_id} has no {event_type} listener")

    async def _emit_event(self, element_id: int, event_type: str, args: list[str]) -> None:
        if self.sio is None or not self.sio.connected:
            raise PageError("socket not connected")
        await self.sio.emit("event", {"id": element_id, "client_id": self.client_id,
                                      "listener_id": self._listener(element_id, event_type), "args": args})

    async def click(self, element_id: int) -> None:
        # A q-btn click listener declares args=[], so stringifyEventArgs() sends no arguments.
        await self._emit_event(element_id, "click", [])

    async def set_value(self, element_id: int, value: Any) -> None:
        """The model-value update Quasar emits (after its debounce, or on blur before a button's click)."""
        event_types = {e["type"] for e in self.elements[element_id].get("events") or []}
        event_type = "update:value" if "update:value" in event_types else "update:modelValue"
        await self._emit_event(element_id, event_type, [json.dumps(value)])


def _js_query_value(value: Any) -> str:
    """How socket.io-client's query encoding writes a JS value (true, not True)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
