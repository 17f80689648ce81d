"""`/harvest` (facilitator only): the harvest across every finished dialogue on this machine, per theme."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from nicegui import events, ui

from exports import ImportProblem, from_json
from exports.across import combine
from exports.across_render import across_filename, render_across
from exports.json_io import MAX_IMPORT_BYTES
from rounds.templates import THEMES

from ..i18n import t, theme_label
from ..room import Damaged
from .common import serve_download
from .damaged import safe_reason
from .gate import is_facilitator, key_page
from .theme import frame, heading

if TYPE_CHECKING:
    from ..app import AppState

MEDIA = {"md": "text/markdown; charset=utf-8", "html": "text/html; charset=utf-8", "csv": "text/csv; charset=utf-8"}


def register(state: AppState) -> None:
    @ui.page("/harvest")
    def harvest(key: str | None = None) -> None:
        lang = state.settings.lang
        if not is_facilitator(state, key):
            key_page(state, lang, wrong=bool(key))
            return
        with frame(t(lang, "harvest.title"), lang, wide=True):
            HarvestView(state, lang).build()


class HarvestView:
    def __init__(self, state: AppState, lang: str) -> None:
        self.state, self.lang = state, lang

    def build(self) -> None:
        lang = self.lang
        with ui.row().classes("w-full items-center justify-between"):
            heading(t(lang, "harvest.title"))
            ui.link(t(lang, "console.home"), "/")
        ui.label(t(lang, "harvest.intro")).classes("wd-text")
        with ui.row().classes("w-full items-end gap-3"):
            themes = {"": t(lang, "harvest.all_themes")} | {k: theme_label(k, lang) for k in THEMES}
            self.theme = ui.select(themes, value="", label=t(lang, "home.field.theme")).props("outlined").style(
                "min-width: 18em").mark("harvest-theme")
            self.anonymous = ui.checkbox(t(lang, "export.anonymous")).mark("harvest-anonymous")
            ui.button(t(lang, "harvest.show"), icon="visibility", on_click=lambda: self.report.refresh()).mark(
                "harvest-show")
            for fmt in ("html", "md", "csv"):
                ui.button(fmt.upper(), icon="download", on_click=lambda f=fmt: self.download(f)).props(
                    "outline").mark(f"harvest-{fmt}")
        # max_file_size makes the browser refuse a huge file before sending it; imported() checks again.
        upload = ui.upload(label=t(lang, "harvest.import"), auto_upload=True, on_upload=self.imported,
                           max_file_size=MAX_IMPORT_BYTES).props(
            'accept=".json,application/json"').classes("w-full").mark("harvest-upload")
        # Quasar says which rule refused a file (too big, or not .json); on_rejected would not tell us.
        upload.on("rejected", self.rejected, js_handler="(entries) => emit(entries.map((e) => e.failedPropValidation))")
        self.report = ui.refreshable(self._report)
        self.report()

    def across(self):
        return combine(self.state.rooms.dialogues(), theme=self.theme.value or None, lang=self.lang,
                       anonymous=bool(self.anonymous.value))

    def _skipped(self) -> None:
        """Files that could not be used are named, with the reason, so nobody wonders where a table went."""
        damaged = [room for room in self.state.rooms.all() if isinstance(room, Damaged)]
        if not damaged:
            return
        with ui.column().classes("wd-card w-full gap-1").mark("harvest-skipped"):
            ui.label(t(self.lang, "harvest.skipped_title")).classes("text-h6 wd-text")
            for room in damaged:
                ui.label(t(self.lang, "harvest.skipped", file=f"{room.slug}.json",
                           reason=safe_reason(room.reason) or "?")).classes("text-negative")

    def _report(self) -> None:
        self._skipped()
        page = render_across(self.across(), "html").decode("utf-8")
        # The report is its own printable document; an iframe keeps its styles apart from the app's.
        ui.html(f'<iframe title="{html.escape(t(self.lang, "harvest.title"))}" srcdoc="{html.escape(page)}" '
                'style="width:100%;height:75vh;border:1px solid #d9d3c7;border-radius:12px;background:#fff">'
                '</iframe>', sanitize=False).classes("w-full").mark("harvest-report")

    def download(self, fmt: str) -> None:
        across = self.across()
        name = across_filename(fmt, self.theme.value or None, bool(self.anonymous.value), across.lang)
        folder = self.state.settings.data_dir / "exports" / "oogst"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(render_across(across, fmt))
        serve_download(folder / name, name, MEDIA[fmt])

    def too_big(self) -> None:
        ui.notify(t(self.lang, "harvest.import_too_big", mb=MAX_IMPORT_BYTES // 2**20), type="warning",
                  position="top")

    def rejected(self, event: events.GenericEventArguments) -> None:
        if "max-file-size" in str(event.args):
            self.too_big()
        else:
            ui.notify(t(self.lang, "harvest.import_failed"), type="warning", position="top")

    async def imported(self, event: events.UploadEventArguments) -> None:
        if event.file.size() > MAX_IMPORT_BYTES:  # the browser's limit can be bypassed; never read it all
            self.too_big()
            return
        try:
            dialogue = from_json(await event.file.read())
        except ImportProblem as problem:
            key = "harvest.import_too_big" if problem.code == "too_big" else "harvest.import_failed"
            ui.notify(t(self.lang, key, mb=MAX_IMPORT_BYTES // 2**20), type="warning", position="top")
            return
        room = self.state.rooms.import_dialogue(dialogue)
        ui.notify(t(self.lang, "harvest.imported", title=room.dialogue.title), type="positive", position="top")
        self.report.refresh()
