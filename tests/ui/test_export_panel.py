"""The console's harvest panel: names what is missing, then gives the files once every round is closed."""

from __future__ import annotations

import io

from docx import Document

from rounds import FACILITATOR as F
from rounds import Outcome
from rounds.talking_piece import close_round, end_turn, next_speaker, open_next_round


def finish(setup, dialogue):
    now = 10.0
    for _ in range(len(dialogue.rounds)):
        open_next_round(dialogue, F, now)
        while True:
            try:
                next_speaker(dialogue, F, now)
            except Exception:
                break
            end_turn(dialogue, F, Outcome.SPOKE, now + 20)
            now += 30
        close_round(dialogue, F, now)
    setup.store.save(dialogue)


async def test_the_panel_names_who_is_not_heard_yet(user, setup):
    dialogue = setup.dialogue("De Linde", ("Anna", "resident"), ("Ben", "resident"))
    open_next_round(dialogue, F, 5)
    setup.store.save(dialogue)
    await user.open(f"/d/{dialogue.slug}?key={setup.key}")
    await user.should_see(marker="export-missing")
    await user.should_see("Ronde 1: Anna en Ben zijn nog niet gehoord")
    await user.should_not_see(marker="export-html")


async def test_a_finished_dialogue_downloads_and_keeps_the_files(user, setup):
    dialogue = setup.dialogue("De Linde", ("Anna", "resident"), ("Ben", "professional"))
    finish(setup, dialogue)
    await user.open(f"/d/{dialogue.slug}?key={setup.key}")
    await user.should_see("De wijkdialoog is klaar")
    user.find(marker="export-docx").click()
    response = await user.download.next(timeout=10)
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert "De Linde" in text
    saved = setup.data_dir / "exports" / dialogue.slug / f"{dialogue.slug}.docx"
    assert saved.read_bytes() == response.content
    user.find(marker="export-anonymous").click()
    user.find(marker="export-html").click()
    response = await user.download.next(timeout=10)
    assert b"De Linde" in response.content and b"Anna" not in response.content
