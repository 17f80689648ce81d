"""The organiser's themes, dots and result on the plenary wall (drawn inside event_wall_console.WallPanel).

A theme is renamed or retired in a dialog, so a redraw for a card arriving never wipes what is typed.
Retiring keeps the theme in the record and sends its cards back; the count of groupings shows that the
record only grows.
"""

from __future__ import annotations

from nicegui import ui

from rounds import Role
from rounds.events.wall import MAX_THEME_TITLE_CHARS, MAX_WALL_DOTS_PER_PERSON, live_dots, live_themes, wall_result

from ..events import ORGANISER, EventHall
from ..i18n import kind_label, role_label, t
from .common import attempt
from .event_wall_cards import WallCard, cards_by_theme, wall_cards
from .theme import aria_label, heading

WALL_CONSOLE_CSS = """
.wd-wall-console { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 24px;
                   align-items: start; }
@media (max-width: 900px) { .wd-wall-console { grid-template-columns: minmax(0, 1fr); } }
.wd-wall-filter { min-width: 11em; }
.wd-wall-table { border-collapse: collapse; width: 100%; background: var(--wd-card); }
.wd-wall-table th, .wd-wall-table td { border: 1px solid var(--wd-line); padding: 6px 10px; text-align: start; }
.wd-wall-table td.wd-num, .wd-wall-table th.wd-num { text-align: end; font-variant-numeric: tabular-nums; }
"""


class ThemeBoard:
    def __init__(self, hall: EventHall, lang: str, dialog_host: ui.element) -> None:
        self.hall, self.lang, self.dialog_host = hall, lang, dialog_host
        self.dots = hall.wall.dots_per_person  # the organiser's choice before opening, kept across redraws

    def build(self) -> None:
        lang = self.lang
        heading(t(lang, "wall.themes"), 2)
        with ui.row().classes("w-full items-end no-wrap gap-2").mark("wall-add-theme"):
            self.title = ui.input(t(lang, "wall.new_theme")).props(
                f"outlined maxlength={MAX_THEME_TITLE_CHARS}").classes("col").mark("wall-theme-input")
            self.title.on("keydown.enter", self._add)
            ui.button(t(lang, "wall.add_theme"), icon="add", on_click=self._add).props("unelevated no-caps").mark(
                "wall-theme-add")
        self.part = ui.refreshable(self._draw)
        self.part()

    async def _add(self) -> None:
        if await attempt(self.lang, self.hall.add_theme(ORGANISER, self.title.value or "")) is not None:
            self.title.set_value("")

    def _draw(self) -> None:
        wall, lang = self.hall.wall, self.lang
        ui.label(t(lang, "wall.grouped_times", count=len(wall.groupings))).classes("wd-muted").mark(
            "wall-grouped-count")
        visible = {card.ref: card for card in wall_cards(self.hall)}
        by_theme = cards_by_theme(self.hall, visible)
        themes = live_themes(wall)
        if not themes:
            ui.label(t(lang, "wall.no_themes")).classes("wd-muted").mark("wall-no-themes")
        for theme in themes:
            self._theme(theme.id, theme.title, by_theme[theme.id])
        retired = [theme.title for theme in wall.themes if theme.retired]
        if retired:
            ui.label(t(lang, "wall.retired_list", themes=", ".join(retired))).classes("wd-muted wd-text").mark(
                "wall-retired")
        self._voting()
        self._result()

    def _theme(self, theme_id: str, title: str, cards: list[WallCard]) -> None:
        lang = self.lang
        with ui.column().classes("wd-card w-full gap-2").mark("wall-theme", f"wall-theme-{theme_id}"):
            with ui.row().classes("w-full items-center justify-between gap-2"):
                heading(title, 3).mark("wall-theme-title")
                ui.label(t(lang, "wall.theme_cards", count=len(cards))).classes("wd-muted")
            for card in cards:
                with ui.row().classes("w-full items-center no-wrap gap-2").style(
                        "border-top: 1px solid var(--wd-line); padding-top: 6px").mark("wall-theme-card"):
                    with ui.column().classes("col gap-0"):
                        ui.label(card.card.text).classes("wd-text")
                        ui.label(t(lang, "wall.card_from", kind=kind_label(lang, card.card.kind),
                                   table=card.table_name)).classes("wd-muted text-base")
                    out = ui.button(t(lang, "wall.take_out"), on_click=lambda c=card: self._take_out(c)).props(
                        "flat no-caps").mark(f"wall-take-out-{card.table_id}-{card.card.id}")
                    aria_label(out, t(lang, "wall.take_out_for", card=card.card.text, theme=title))
            with ui.row().classes("gap-2"):
                rename = ui.button(t(lang, "wall.rename"), icon="edit",
                                   on_click=lambda: self._rename(theme_id, title)).props("flat no-caps").mark(
                    f"wall-rename-{theme_id}")
                aria_label(rename, t(lang, "wall.rename_for", theme=title))
                retire = ui.button(t(lang, "wall.retire"), icon="archive",
                                   on_click=lambda: self._retire(theme_id, title)).props(
                    "flat no-caps color=grey-9").mark(f"wall-retire-{theme_id}")
                aria_label(retire, t(lang, "wall.retire_for", theme=title))

    async def _take_out(self, card: WallCard) -> None:
        await attempt(self.lang, self.hall.group_card(ORGANISER, card.table_id, card.card.id, ""))

    def _rename(self, theme_id: str, title: str) -> None:
        lang = self.lang
        with self.dialog_host, ui.dialog() as dialog, ui.card().classes("w-full").style("max-width: 520px"):
            heading(t(lang, "wall.rename_title", theme=title), 2)
            box = ui.input(t(lang, "wall.new_name"), value=title).props(
                f"outlined autofocus maxlength={MAX_THEME_TITLE_CHARS}").classes("w-full").mark("wall-rename-input")

            async def save() -> None:
                if await attempt(lang, self.hall.rename_theme(ORGANISER, theme_id, box.value or "")) is not None:
                    dialog.close()

            box.on("keydown.enter", save)
            with ui.row().classes("gap-2"):
                ui.button(t(lang, "wall.save"), on_click=save).props("unelevated no-caps").mark("wall-rename-save")
                ui.button(t(lang, "wall.cancel"), on_click=dialog.close).props("flat no-caps")
        dialog.open()

    def _retire(self, theme_id: str, title: str) -> None:
        lang = self.lang
        with self.dialog_host, ui.dialog() as dialog, ui.card().classes("w-full").style("max-width: 520px"):
            ui.label(t(lang, "wall.retire_confirm", theme=title)).classes("text-lg wd-text").mark(
                "wall-retire-question")

            async def retire() -> None:
                await attempt(lang, self.hall.retire_theme(ORGANISER, theme_id))
                dialog.close()

            with ui.row().classes("gap-2"):
                ui.button(t(lang, "wall.retire_yes"), on_click=retire).props("unelevated no-caps").mark(
                    "wall-retire-yes")
                ui.button(t(lang, "wall.cancel"), on_click=dialog.close).props("flat no-caps")
        dialog.open()

    # -- dots ------------------------------------------------------------------------------------
    def _voting(self) -> None:
        wall, lang = self.hall.wall, self.lang
        heading(t(lang, "wall.voting"), 2, "q-mt-md")
        with ui.column().classes("wd-card w-full gap-2").mark("wall-voting"):
            if wall.voting_open:
                dots = live_dots(wall)
                ui.label(t(lang, "wall.voting_open_status", count=len(dots), people=len({d.voter for d in dots}),
                           per=wall.dots_per_person)).classes("text-lg").mark("wall-voting-status")
                ui.button(t(lang, "wall.close_voting"), icon="stop", on_click=self._close).props(
                    "unelevated no-caps").mark("wall-close-voting")
                return
            ui.label(t(lang, "wall.voting_closed_status")).classes("text-lg").mark("wall-voting-status")
            with ui.row().classes("items-end gap-2"):
                ui.select(list(range(1, MAX_WALL_DOTS_PER_PERSON + 1)), value=self.dots,
                          label=t(lang, "wall.dots_per_person"),
                          on_change=lambda e: setattr(self, "dots", e.value)).props("outlined").classes(
                    "wd-wall-filter").mark("wall-dots-per-person")
                ui.button(t(lang, "wall.open_voting"), icon="how_to_vote", on_click=self._open).props(
                    "unelevated no-caps").mark("wall-open-voting")

    async def _open(self) -> None:
        await attempt(self.lang, self.hall.open_voting(ORGANISER, self.dots))

    async def _close(self) -> None:
        await attempt(self.lang, self.hall.close_voting(ORGANISER))

    def _result(self) -> None:
        lang = self.lang
        heading(t(lang, "wall.result"), 2, "q-mt-md")
        result = wall_result(self.hall.wall)
        if not result:
            ui.label(t(lang, "wall.no_dots")).classes("wd-muted").mark("wall-result-empty")
            return
        roles = [role for role in Role if any(row.by_role[role] for row in result)]
        with ui.element("table").classes("wd-wall-table").mark("wall-result"):
            with ui.element("thead"), ui.element("tr"):
                for text, numeric in [(t(lang, "wall.col_rank"), True), (t(lang, "wall.col_theme"), False),
                                      (t(lang, "wall.col_dots"), True)] + [(role_label(lang, r), True) for r in roles]:
                    with ui.element("th").classes("wd-num" if numeric else ""):
                        ui.label(text)
            with ui.element("tbody"):
                for row in result:
                    with ui.element("tr").mark("wall-result-row"):
                        for text, numeric in [(f"{row.rank}.", True), (row.title, False), (str(row.dots), True)] + [
                                (str(row.by_role[r]), True) for r in roles]:
                            with ui.element("td").classes("wd-num" if numeric else "wd-text"):
                                ui.label(text)
