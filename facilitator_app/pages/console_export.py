"""The console's harvest panel: what is still missing, or the downloads once every round is closed."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from nicegui import run, ui

from exports import FORMATS, MEDIA_TYPES, filename, missing_for_harvest, render
from rounds import Status
from rounds.talking_piece import heard

from ..i18n import names_list, t
from ..room import Room
from .common import serve_download
from .console_feedback import FeltHeardPanel
from .theme import heading

if TYPE_CHECKING:
    from ..app import AppState

log = logging.getLogger(__name__)
FORMAT_LABELS = {"md": "Markdown", "html": "HTML", "docx": "Word", "pdf": "PDF", "csv": "CSV",
                 "csv-nl": "CSV (Excel NL)", "json": "JSON"}


def finished_summary(room: Room, lang: str) -> None:
    dialogue = room.dialogue
    labels = room.labels(lang)
    with ui.column().classes("w-full wd-card gap-2").mark("finished"):
        heading(t(lang, "console.finished"), 2)
        for index, rnd in enumerate(dialogue.rounds, start=1):
            if rnd.override is not None:
                who = names_list(lang, [labels.get(p, "?") for p in rnd.override.not_heard])
                line = t(lang, "console.round_override", n=index, title=rnd.title, reason=rnd.override.reason,
                         names=who or "-")
            else:
                line = t(lang, "console.round_heard", n=index, title=rnd.title, count=len(heard(rnd).spoke))
            ui.label(line).classes("wd-text")


def export_panel(state: AppState, room: Room, lang: str) -> None:
    """Downloads are offered only for a finished dialogue; before that the panel names what is missing."""
    dialogue = room.dialogue
    if dialogue.status == Status.FINISHED:
        finished_summary(room, lang)
        FeltHeardPanel(room, lang).build()
    with ui.column().classes("w-full wd-card gap-2").mark("export-panel"):
        heading(t(lang, "export.title"), 2)
        missing = missing_for_harvest(dialogue)
        if missing:
            ui.label(t(lang, "export.not_yet")).classes("wd-text")
            with ui.element("ul").mark("export-missing"):
                for line in missing:
                    with ui.element("li"):
                        ui.label(line).classes("wd-text")
            return
        ui.label(t(lang, "export.intro")).classes("wd-text")
        anonymous = ui.checkbox(t(lang, "export.anonymous")).mark("export-anonymous")
        folder = state.settings.data_dir / "exports" / dialogue.slug

        async def download(fmt: str) -> None:
            name = filename(dialogue.slug, fmt, anonymous.value, dialogue.language)
            try:
                data = await run.io_bound(render, room.dialogue, fmt, anonymous.value)
                if data is None:
                    raise RuntimeError("the export was interrupted")
                folder.mkdir(parents=True, exist_ok=True)
                (folder / name).write_bytes(data)
            except Exception:
                log.exception("export %s failed", fmt)
                ui.notify(t(lang, "error.unexpected"), type="negative", position="top")
                return
            serve_download(folder / name, name, MEDIA_TYPES[fmt])

        with ui.row().classes("gap-2"):
            for fmt in FORMATS:
                ui.button(FORMAT_LABELS[fmt], icon="download", on_click=lambda f=fmt: download(f)).props(
                    "outline no-caps").mark(f"export-{fmt}")
        ui.label(t(lang, "export.folder", folder=str(folder))).classes("wd-muted text-caption")
