"""A notes box that never loses what the facilitator typed.

Every keystroke reaches the server at once (no debounce in the browser, where a box that is redrawn
would drop the last words). The server saves after a short pause, and at once when the box is about to
show another turn or round, or disappears. Each save goes to the turn or round the text was typed for,
whoever ends the turn and whenever the typing stops.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from nicegui import background_tasks, ui

Save = Callable[[str], Awaitable[object]]


class NoteBox(ui.textarea):
    def __init__(self, label: str, value: str, save: Save, *, max_chars: int, pause: float = 0.8) -> None:
        super().__init__(label, value=value)
        self.props(f"outlined autogrow maxlength={max_chars}")
        self._save, self._pause = save, pause
        self._pending: tuple[str, Save] | None = None
        self._timer: asyncio.Task | None = None
        self._quiet = False  # while the page itself sets the text, that is not typing
        self.on_value_change(self._typed)

    def _typed(self, event) -> None:
        if self._quiet:
            return
        self._pending = (event.value or "", self._save)
        if self._timer is not None and not self._timer.done():
            self._timer.cancel()
        self._timer = background_tasks.create(self._after_pause(), name="note pause")

    async def _after_pause(self) -> None:
        await asyncio.sleep(self._pause)
        await self.flush()

    async def flush(self) -> None:
        if self._pending is None:
            return
        text, save = self._pending
        self._pending = None
        await save(text)

    def show(self, label: str, value: str, save: Save) -> None:
        """Point the box at another turn or round; what was typed for the old one is saved there first."""
        if self._pending is not None:
            background_tasks.create(self.flush(), name="note flush")
        self._save = save
        self.props["label"] = label
        self._quiet = True
        try:
            self.set_value(value)
        finally:
            self._quiet = False

    def _handle_delete(self) -> None:
        if self._pending is not None:  # the box is redrawn or the page closes: keep the words
            background_tasks.create(self.flush(), name="note flush")
        super()._handle_delete()
