"""The floor: a bare NiceGUI page that appends one label per message on every open page.

Started by room_load.py as a child process, measured with the same simulated clients as the app.
The socket settings match the app's (reconnect_timeout), so the comparison is about the page work.

    python bench/load/floor_app.py --port 8090
"""

from __future__ import annotations

import argparse

from nicegui import Event, app, ui

messages: Event[str] = Event()


@app.get("/healthz")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@ui.page("/")
def index() -> None:
    text = ui.input("Bericht").mark("floor-input")
    ui.button("Stuur", on_click=lambda: messages.emit(text.value or "")).mark("floor-send")
    with ui.column() as column:

        def append(message: str) -> None:
            with column:
                ui.label(message)

        messages.subscribe(append)


if __name__ in {"__main__", "__mp_main__"}:
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8090)
    args = parser.parse_args()
    ui.run(host=args.host, port=args.port, show=False, reload=False, reconnect_timeout=30.0,
           show_welcome_message=False, title="floor")
