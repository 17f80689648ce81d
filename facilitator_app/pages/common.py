"""Small helpers the pages share: running a room command with a plain-language refusal."""

from __future__ import annotations

import asyncio
import logging
import math
import time
import urllib.parse
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TypeVar

from nicegui import app, background_tasks, ui

from rounds import DomainError

from ..i18n import refusal, t
from .handler_signatures import install as install_quick_handler_check

log = logging.getLogger(__name__)
install_quick_handler_check()  # every page imports this module; NiceGUI then makes elements about 25 % faster
T = TypeVar("T")


async def attempt(lang: str, action: Awaitable[T]) -> T | None:
    """Await a room command. A refusal is shown in plain words; nothing else changes."""
    try:
        return await action
    except DomainError as err:
        ui.notify(refusal(lang, err), type="warning", position="top", multi_line=True)
    except Exception:
        log.exception("room action failed")
        ui.notify(t(lang, "error.unexpected"), type="negative", position="top")
    return None



class Redraw:
    """Redraw a part once for a burst of changes: in NiceGUI 3 a refresh runs later, as a background task.

    Five rounds opened in a row would otherwise draw the console five times after the fact, and the
    later draws would wipe what the facilitator has typed meanwhile. The draw reads the dialogue as it
    is when it runs, so one draw after the last change shows everything; a draw that already showed
    the room's current version is not repeated.
    """

    def __init__(self, part: ui.refreshable, version: Callable[[], int]) -> None:
        self.part, self.version = part, version
        self.pending = False
        self.drawn = version()  # the part has just been drawn by its page

    def __call__(self) -> None:
        if self.pending or self.drawn == self.version():
            return
        self.pending = True
        background_tasks.create(self._draw(), name="redraw")

    async def _draw(self) -> None:
        self.pending = False
        if self.drawn == self.version():
            return
        self.drawn = self.version()
        await self.part.refresh()


class Coalesced:
    """Run a page's in-place update once for a burst of changes, and at most every `interval` seconds meanwhile.

    At the door 200 phones join within minutes. A list that follows everyone (the console's people and
    planned order) is then brought up to date a few times a second, not once per phone; the first change
    after a quiet spell is shown at once. The update reads the room as it is when it runs.
    """

    def __init__(self, update: Callable[[], None], interval: float = 0.25) -> None:
        self.update, self.interval = update, interval
        self.pending = False
        self.last = -math.inf

    def __call__(self) -> None:
        if self.pending:
            return
        self.pending = True
        background_tasks.create(self._run(), name="coalesced update")

    async def _run(self) -> None:
        wait = self.last + self.interval - time.monotonic()
        if wait > 0:
            await asyncio.sleep(wait)
        self.pending = False
        self.last = time.monotonic()
        self.update()


def serve_download(path: Path, name: str, media_type: str) -> None:
    """Let the browser download a file just written, by its own one-time URL.

    Handing the bytes over as a blob lost about one click in ten in Chromium: NiceGUI revokes the
    blob's URL right after the click, sometimes before the browser has fetched it.
    """
    src = app.add_static_file(local_file=path, single_use=True)
    ui.context.client.on_delete(lambda: app.remove_route(urllib.parse.unquote(src)))
    ui.download.from_url(src, name, media_type)
