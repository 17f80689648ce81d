"""`/harvest` (facilitator only): the harvest across every finished dialogue on this machine, per theme."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from nicegui import events, ui

from exports import ImportProblem, from_json
from exports.across import combine
from exports.across_render import render_across
from rounds.templates import THEMES, theme_label

from ..i18n import t
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
        ui.upload(label=t(lang, "harvest.import"), auto_upload=True, on_upload=self.imported).props(
            'accept=".json,application/json"').classes("w-full").mark("harvest-upload")
        self.report = ui.refreshable(self._report)
        self.report()

    def across(self):
        return combine(self.state.rooms.dialogues(), theme=self.theme.value or None, lang=self.lang,
                       anonymous=bool(self.anonymous.value))

    def _report(self) -> None:
        page = render_across(self.across(), "html").decode("utf-8")
        # The report is its own printable document; an iframe keeps its styles apart from the app's.
        ui.html(f'<iframe title="{html.escape(t(self.lang, "harvest.title"))}" srcdoc="{html.escape(page)}" '
                'style="width:100%;height:75vh;border:1px solid #d9d3c7;border-radius:12px;background:#fff">'
                '</iframe>', sanitize=False).classes("w-full").mark("harvest-report")

    def download(self, fmt: str) -> None:
        name = "oogst" + ("-anoniem" if self.anonymous.value else "")
        ui.download.content(render_across(self.across(), fmt), f"{name}.{fmt}", MEDIA[fmt])

    async def imported(self, event: events.UploadEventArguments) -> None:
        try:
            dialogue = from_json(await event.file.read())
        except ImportProblem:
            ui.notify(t(self.lang, "harvest.import_failed"), type="warning", position="top")
            return
        room = self.state.rooms.import_dialogue(dialogue)
        ui.notify(t(self.lang, "harvest.imported", title=room.dialogue.title), type="positive", position="top")
        self.report.refresh()
