"""NiceGUI `user` fixture tests: each test gets its own data directory and facilitator key."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path

import pytest
from nicegui.testing import User

from facilitator_app import app as wijk_app
from facilitator_app.config import facilitator_key
from facilitator_app.store import Store
from rounds import Dialogue
from rounds.people import join
from tests.factories import new_dialogue_in

from .join_http import join_by_form


@dataclass
class Setup:
    data_dir: Path
    key: str
    store: Store

    def dialogue(self, title: str = "Wijkdialoog De Linde", *people: tuple[str, str], **fields) -> Dialogue:
        dialogue = new_dialogue_in(self.store, title=title, theme="thuis", **fields)
        for name, role in people:
            join(dialogue, name, role, 1.0)
        self.store.save(dialogue)
        return dialogue

    def load(self, slug: str) -> Dialogue:
        return Store(self.data_dir).load(slug)


@pytest.fixture(autouse=True)
def setup(tmp_path, monkeypatch) -> Setup:
    data_dir = tmp_path / "data"
    monkeypatch.setenv("WIJKDIALOOG_DATA", str(data_dir))
    monkeypatch.setenv("WIJKDIALOOG_PUBLIC_URL", "http://wijk.test:8080")
    monkeypatch.delenv("WIJKDIALOOG_DEMO", raising=False)
    return Setup(data_dir, facilitator_key(data_dir), Store(data_dir))


async def until(condition, timeout: float = 3.0) -> None:
    """Wait for something a test can observe (a file on disk, a value) instead of sleeping a fixed time."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"not within {timeout} s: {getattr(condition, '__name__', condition)}")
        await asyncio.sleep(0.02)


def screen_url(slug: str) -> str:
    """The projector's own link (what the console offers for a screen on another device)."""
    from facilitator_app.pages.screen_access import screen_token

    return f"/d/{slug}/screen?s={screen_token(wijk_app.current, slug)}"


def live_room(slug: str):
    return wijk_app.current.rooms.get(slug)


async def join_as(user: User, code: str, name: str, consent: bool = False) -> None:
    await join_by_form(user, code, name, consent=consent)
    await user.should_see(f"Hallo {name}")
