"""The organiser's "Oogst" tab: the event harvest (gated), and the files that carry tables between laptops.

- The harvest of all tables in one report, in every format, named or anonymous, once every table that went
  ahead is finished or closed early with its reason; until then the tab says which tables block and why.
- "File for the organiser": this laptop's tables of the event as one JSON file (venue laptops).
- "Read a venue's file": adds that venue's tables; the same file twice doubles nothing, a later one
  replaces the older copy of a table (facilitator_app/events/venues.py).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from nicegui import events, run, ui
from slugify import slugify

from exports import ImportProblem
from exports.event_harvest import build_event_harvest
from exports.event_harvest_gate import event_gate
from exports.event_json import MAX_EVENT_IMPORT_BYTES, event_from_json
from exports.event_render import EVENT_FORMATS, event_filename, event_harvest_files
from rounds.events.tables import planned_tables

from ..events import ORGANISER, EventHall
from ..i18n import t
from ..room import Changed
from .common import attempt, serve_download
from .console_export import FORMAT_LABELS, MEDIA_TYPES
from .theme import heading

if TYPE_CHECKING:
    from ..app import AppState

log = logging.getLogger(__name__)


def _dialogues(hall: EventHall) -> dict:
    found = {}
    for table in planned_tables(hall.event):
        room = hall.table_room(table)
        if room is not None:
            found[table.id] = room.dialogue
    return found


def _files(hall: EventHall, anonymous: bool) -> dict[str, bytes]:
    harvest = build_event_harvest(hall.event, _dialogues(hall), hall.wall, anonymous=anonymous)
    return event_harvest_files(harvest)


def harvest_panel(state: AppState, hall: EventHall, lang: str) -> None:
    folder = state.settings.data_dir / "exports" / "events" / hall.slug

    shown: list[list[str]] = []  # the gate's reasons as last drawn

    def gate_changed() -> None:
        """Redraw only when what the gate says changed (a round closing at any table asks; few change it)."""
        if not shown or event_gate(hall.event, _dialogues(hall), lang) != shown[-1]:
            gate_and_downloads.refresh()

    @ui.refreshable
    def gate_and_downloads() -> None:
        missing = event_gate(hall.event, _dialogues(hall), lang)
        shown[:] = [missing]
        if missing:
            with ui.column().classes("wd-card w-full gap-1").mark("event-harvest-gate"):
                ui.label(t(lang, "event_harvest.not_yet")).classes("text-h6 wd-text")
                with ui.element("ul"):
                    for line in missing:
                        with ui.element("li"):
                            ui.label(line).classes("wd-text")
            return
        ui.label(t(lang, "event_harvest.ready")).classes("wd-text")
        anonymous = ui.checkbox(t(lang, "export.anonymous")).mark("event-harvest-anonymous")

        async def download(fmt: str) -> None:
            name = event_filename(hall.slug, fmt, bool(anonymous.value), hall.event.language)
            try:
                files = await run.io_bound(_files, hall, bool(anonymous.value))
                if files is None:
                    raise RuntimeError("the export was interrupted")
                folder.mkdir(parents=True, exist_ok=True)
                (folder / name).write_bytes(files[name])
            except Exception:
                log.exception("event harvest %s failed", fmt)
                ui.notify(t(lang, "error.unexpected"), type="negative", position="top")
                return
            serve_download(folder / name, name, MEDIA_TYPES[fmt])

        with ui.row().classes("gap-2"):
            for fmt in EVENT_FORMATS:
                ui.button(FORMAT_LABELS[fmt], icon="download", on_click=lambda f=fmt: download(f)).props(
                    "outline no-caps").mark(f"event-harvest-{fmt}")

    heading(t(lang, "event_harvest.title"), 2)
    gate_and_downloads()
    hall.changed.subscribe(lambda _change: gate_changed())  # unsubscribed with the page
    for table in planned_tables(hall.event):  # a table that finishes may open the gate
        room = hall.table_room(table)
        if room is not None:
            room.changed.subscribe(lambda change: gate_changed() if change.kind == Changed.ROUND else None)
    ui.button(t(lang, "event_harvest.check_again"), icon="refresh", on_click=gate_and_downloads.refresh).props(
        "flat").mark("event-harvest-refresh")

    heading(t(lang, "event_harvest.venues_title"), 2)
    ui.label(t(lang, "event_harvest.venues_intro")).classes("wd-text")

    def export_for_organiser() -> None:
        name = f"{slugify(hall.slug, max_length=60)}-{t(lang, 'event_harvest.file_word')}.json"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(hall.export_json(), encoding="utf-8")
        serve_download(folder / name, name, "application/json")

    ui.button(t(lang, "event_harvest.export_venue"), icon="download", on_click=export_for_organiser).props(
        "outline").mark("event-export-venue")
    report = ui.label("").classes("wd-text").mark("event-import-report")

    async def imported(event: events.UploadEventArguments) -> None:
        if event.file.size() > MAX_EVENT_IMPORT_BYTES:
            ui.notify(t(lang, "event_harvest.import_failed"), type="warning", position="top")
            return
        try:
            export = event_from_json(await event.file.read())
        except ImportProblem:
            ui.notify(t(lang, "event_harvest.import_failed"), type="warning", position="top")
            return
        done = await attempt(lang, hall.import_venue(ORGANISER, export))
        if done is None:
            return
        report.set_text(t(lang, "event_harvest.imported", added=done.added, replaced=done.replaced,
                          unchanged=done.unchanged + done.older))
        gate_and_downloads.refresh()

    ui.upload(label=t(lang, "event_harvest.import_venue"), auto_upload=True, on_upload=imported,
              max_file_size=MAX_EVENT_IMPORT_BYTES).props('accept=".json,application/json"').classes(
        "w-full").mark("event-import-venue")
