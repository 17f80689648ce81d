"""Entry point for `python facilitator_app/main.py` and NiceGUI's test fixture; settings from the environment."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from nicegui import ui  # noqa: E402

from facilitator_app.app import build, run_kwargs  # noqa: E402
from facilitator_app.config import Settings  # noqa: E402

state = build(Settings.from_env())

if __name__ in {"__main__", "__mp_main__"}:
    ui.run(**run_kwargs(state))
