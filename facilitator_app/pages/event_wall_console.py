"""The organiser's plenary wall (tab "Plenair" of the dashboard): cards in, themes made, dots opened and closed.

The cards from all tables arrive live, newest first, with their kind and table but never their author.
Grouping is a button (one per theme, or a theme list and one button when there are many): nothing needs
dragging. Every move is a command on the event (EventHall.group_card), which records it and deletes nothing.
Themes, voting and the result per role are drawn by event_wall_themes.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from nicegui import ui

from rounds import CardKind
from rounds.events import tables as rules
from rounds.events.wall import live_themes, theme_of

from ..events import ORGANISER, EventChange, EventChanged, EventHall
from ..i18n import kind_label, t
from ..room import Change
from .common import Redraw, attempt
from .event_wall_access import wall_link, wall_path
from .event_wall_cards import TableWatch, WallCard, table_card_changed, wall_cards, wall_version
from .event_wall_themes import WALL_CONSOLE_CSS, ThemeBoard
from .theme import aria_label, heading

if TYPE_CHECKING:
    from ..app import AppState

FEW_THEMES = 3  # up to this many themes, each card gets one button per theme; beyond, a list and one button
SHOWN_CARDS = 40  # the newest; the filters reach the older ones
ALL, OPEN = "all", "open"


def wall_panel(state: AppState, hall: EventHall, lang: str) -> None:
    """The plenary wall for the organiser; the caller has checked that this browser may organise."""
    WallPanel(state, hall, lang).build()


class WallPanel:
    def __init__(self, state: AppState, hall: EventHall, lang: str) -> None:
        self.state, self.hall, self.lang = state, hall, lang
        self.kind, self.table, self.show = "", "", OPEN  # the filters survive every redraw
        self.choice: dict[tuple[str, str], str] = {}  # a theme chosen in a card's list, kept across redraws

    def build(self) -> None:
        lang, slug = self.lang, self.hall.slug
        ui.add_css(WALL_CONSOLE_CSS)
        self.dialog_host = ui.element("div")  # outside the redrawn parts: a change never closes a dialog
        with ui.row().classes("w-full items-center justify-between gap-3"):
            heading(t(lang, "wall.title"), 2)
            ui.button(t(lang, "wall.open_projector"), icon="tv",
                      on_click=lambda: ui.navigate.to(wall_path(self.state, slug), new_tab=True)).props(
                "outline no-caps").mark("wall-open-projector")
        ui.label(t(lang, "wall.projector_link", link=wall_link(self.state, slug))).classes(
            "wd-muted wd-text").mark("wall-projector-link")
        self.board = ThemeBoard(self.hall, lang, self.dialog_host)
        with ui.element("div").classes("wd-wall-console w-full"):
            with ui.column().classes("gap-3"):
                self.board.build()
            with ui.column().classes("gap-3"):
                self._filters()
                self.cards_part = ui.refreshable(self._cards)
                self.cards_part()
        version = lambda: wall_version(self.hall)  # noqa: E731
        self.cards_redraw = Redraw(self.cards_part, version)
        self.board_redraw = Redraw(self.board.part, version)
        self.watch = TableWatch(self.hall, self.table_changed)
        self.hall.changed.subscribe(self.event_changed)

    # -- live ------------------------------------------------------------------------------------
    def table_changed(self, change: Change) -> None:
        if table_card_changed(change):
            self.cards_redraw()
            if not change.card_added:  # an edited or hidden card may sit in a theme
                self.board_redraw()

    def event_changed(self, change: EventChange) -> None:
        self.watch.event_changed(change)
        if change.kind is EventChanged.TABLES:
            self.table_filter.set_options(self._table_options(), value=self._valid_table())
        if change.kind in (EventChanged.WALL, EventChanged.TABLES):
            self.cards_redraw()
        if change.kind in (EventChanged.WALL, EventChanged.VOTES, EventChanged.TABLES):
            self.board_redraw()

    # -- the cards -------------------------------------------------------------------------------
    def _table_options(self) -> dict[str, str]:
        return {"": t(self.lang, "wall.table_all")} | {tb.id: tb.name for tb in rules.planned_tables(self.hall.event)}

    def _valid_table(self) -> str:
        return self.table if self.table in self._table_options() else ""

    def _filters(self) -> None:
        lang = self.lang
        heading(t(lang, "wall.cards_title"), 2)
        with ui.row().classes("w-full items-end gap-3").mark("wall-filters"):
            kinds = {"": t(lang, "wall.kind_all"), CardKind.DREAM.value: kind_label(lang, CardKind.DREAM),
                     CardKind.NEED.value: kind_label(lang, CardKind.NEED)}
            ui.select(kinds, value=self.kind, label=t(lang, "wall.filter_kind"),
                      on_change=lambda e: self._filter("kind", e.value)).props("outlined").classes(
                "wd-wall-filter").mark("wall-filter-kind")
            self.table_filter = ui.select(self._table_options(), value=self.table, label=t(lang, "wall.filter_table"),
                                          on_change=lambda e: self._filter("table", e.value)).props(
                "outlined").classes("wd-wall-filter").mark("wall-filter-table")
            shows = {OPEN: t(lang, "wall.show_open"), ALL: t(lang, "wall.show_all")}
            ui.select(shows, value=self.show, label=t(lang, "wall.filter_show"),
                      on_change=lambda e: self._filter("show", e.value)).props("outlined").classes(
                "wd-wall-filter").mark("wall-filter-show")

    def _filter(self, name: str, value: str | None) -> None:
        setattr(self, name, value or ("" if name != "show" else OPEN))
        self.cards_part.refresh()

    def _cards(self) -> None:
        lang = self.lang
        placed = theme_of(self.hall.wall)
        chosen = [c for c in wall_cards(self.hall) if (not self.table or c.table_id == self.table)
                  and (self.show == ALL or c.ref not in placed)]
        main = [c for c in chosen if c.card.kind != CardKind.PLEDGE and (not self.kind or c.card.kind == self.kind)]
        pledges = [c for c in chosen if c.card.kind == CardKind.PLEDGE]
        with ui.column().classes("w-full gap-2").mark("wall-cards"):
            self._card_list(main, placed)
        heading(t(lang, "wall.pledges_title"), 3, "q-mt-md")
        with ui.column().classes("w-full gap-2").mark("wall-pledges"):
            self._card_list(pledges, placed)

    def _card_list(self, cards: list[WallCard], placed: dict[tuple[str, str], str]) -> None:
        lang = self.lang
        if not cards:
            ui.label(t(lang, "wall.no_cards")).classes("wd-muted")
            return
        themes = {th.id: th.title for th in live_themes(self.hall.wall)}
        for card in cards[:SHOWN_CARDS]:
            self._card_row(card, placed.get(card.ref, ""), themes)
        if len(cards) > SHOWN_CARDS:
            ui.label(t(lang, "wall.more_cards", count=len(cards) - SHOWN_CARDS)).classes("wd-muted").mark(
                "wall-more-cards")

    def _card_row(self, card: WallCard, current: str, themes: dict[str, str]) -> None:
        lang, text = self.lang, card.card.text
        table_id, card_id = card.ref
        with ui.column().classes("wd-card w-full gap-1").mark("wall-card", f"wall-card-{table_id}-{card_id}"):
            ui.label(text).classes("wd-text text-lg")
            ui.label(t(lang, "wall.card_from", kind=kind_label(lang, card.card.kind), table=card.table_name)).classes(
                "wd-muted")
            if current in themes:
                ui.label(t(lang, "wall.in_theme", theme=themes[current])).classes("wd-chip").mark("wall-card-theme")
            if not themes:
                ui.label(t(lang, "wall.make_theme_first")).classes("wd-muted")
                return
            others = {tid: title for tid, title in themes.items() if tid != current}
            if not others:
                return
            with ui.row().classes("w-full items-center gap-2"):
                if len(themes) <= FEW_THEMES:
                    for theme_id, title in others.items():
                        button = ui.button(t(lang, "wall.put_in", theme=title),
                                           on_click=lambda c=card, th=theme_id: self._put(c, th)).props(
                            "outline no-caps").mark("wall-put", f"wall-put-{table_id}-{card_id}-{theme_id}")
                        aria_label(button, t(lang, "wall.put_in_for", card=text, theme=title))
                    return
                if self.choice.get(card.ref) not in others:
                    self.choice[card.ref] = next(iter(others))
                ui.select(others, value=self.choice[card.ref], label=t(lang, "wall.choose_theme"),
                          on_change=lambda e, ref=card.ref: self.choice.__setitem__(ref, e.value)).props(
                    "outlined dense").classes("wd-wall-filter").mark(f"wall-choose-{table_id}-{card_id}")
                button = ui.button(t(lang, "wall.put"), on_click=lambda c=card: self._put(c, self.choice[c.ref])).props(
                    "unelevated no-caps").mark("wall-put", f"wall-put-{table_id}-{card_id}")
                aria_label(button, t(lang, "wall.put_for", card=text))

    async def _put(self, card: WallCard, theme_id: str) -> None:
        await attempt(self.lang, self.hall.group_card(ORGANISER, card.table_id, card.card.id, theme_id))
