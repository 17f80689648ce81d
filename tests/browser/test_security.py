"""A phone cannot act for someone else, even by replaying or forging the socket messages of a click."""

from __future__ import annotations

import json

from playwright.async_api import expect

from facilitator_app.store import Store

from .scene import Scene, button, join, open_demo_console


def click_frames(page) -> list[dict]:
    """Collects the NiceGUI `event` messages this page sends (socket.io frames '42["event",{...}]')."""
    frames: list[dict] = []

    def on_socket(socket) -> None:
        def on_frame(payload) -> None:
            text = payload if isinstance(payload, str) else ""
            if text.startswith('42["event"'):
                frames.append(json.loads(text[2:])[1])
        socket.on("framesent", on_frame)

    page.on("websocket", on_socket)
    return frames


async def test_a_replayed_or_forged_click_cannot_end_someone_elses_turn(server, browser, artefacts):
    scene = Scene(browser, server.url, artefacts)
    try:
        console, slug = await open_demo_console(scene, server)
        anna = await join(scene, server.join_url(), "Anna")
        sent = click_frames(anna)
        await anna.reload()  # a fresh socket, so its frames are seen from the start
        ben = await join(scene, server.join_url(), "Ben")
        await button(console, "Start de wijkdialoog")
        for _ in range(3):  # Marja and Henk from the demo, then Anna
            await button(console, "Volgende spreker")
        await expect(anna.get_by_text("Jij bent aan de beurt")).to_be_visible()
        await button(anna, "Klaar")
        await expect(anna.get_by_text("Je bent gehoord in deze ronde")).to_be_visible()
        assert sent, "the click on Klaar went out as an event message"
        anna_click = sent[-1]
        await button(console, "Volgende spreker")
        await expect(ben.get_by_text("Jij bent aan de beurt")).to_be_visible()

        # Anna replays her own earlier "Klaar" click.
        await anna.evaluate("frame => window.socket.emit('event', frame)", anna_click)
        # Anna forges a click on Ben's "Klaar" button, with her own client id.
        ben_button_id = int((await ben.get_by_role("button", name="Klaar").get_attribute("id")).lstrip("c"))
        forged = {**anna_click, "id": ben_button_id}
        await anna.evaluate("frame => window.socket.emit('event', frame)", forged)
        # Anna's socket is handled in order: once her next real action shows, the forged frames were handled.
        await anna.get_by_text("Naam of rol aanpassen").click()
        await anna.get_by_label("Je naam").fill("Anna V")
        await button(anna, "Opslaan")
        await expect(anna.get_by_text("Hallo Anna V")).to_be_visible()

        await expect(ben.get_by_text("Jij bent aan de beurt")).to_be_visible()
        dialogue = Store(server.data_dir).load(slug)
        turn = dialogue.rounds[0].current_turn
        assert turn is not None and turn.participant_id == dialogue.participants[-1].id  # still Ben's turn
        assert [t.outcome for t in dialogue.rounds[0].turns if t.participant_id == dialogue.participants[-2].id] == [
            "spoke"]
    finally:
        await scene.close()
