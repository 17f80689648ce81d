"""The plenary wall on the projector: read from the back of the room, one window high, never scrolls.

Three moments, chosen by the wall record alone:
- grouping: the themes as tiles with their newest cards ("+N" for the rest) and the newest ungrouped cards;
- voting: each theme with its dots as a bar, and the QR code to the phone's vote page;
- after voting: the ranked result with the dots per role.
Card texts and theme titles only; never who wrote a card. The counts below were measured with the
screenshots (docs/make_wall_screenshots.py) to fit 1280x720 with card texts at 24 px or more.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from nicegui import ui

from rounds import Role
from rounds.events.wall import live_dots, live_themes, theme_of, wall_result

from ..events import EventChange, EventChanged, EventHall
from ..i18n import kind_label, role_label, t
from ..network import qr_svg
from ..room import Change
from .common import Redraw
from .event_wall_cards import TableWatch, WallCard, cards_by_theme, table_card_changed, wall_cards, wall_version
from .screen_style import SCREEN_CSS
from .theme import heading, page_language

if TYPE_CHECKING:
    from ..app import AppState

MAX_TILES = 12
MAX_BARS = 8
TWO_LINE_BARS = 5
MAX_RESULT = 6
TWO_LINE_RESULTS = 4
NEWEST_LOOSE = 4  # ungrouped cards beside the tiles

WALL_SCREEN_CSS = """
.wd-screen .w-grid { display: grid; gap: 1.6vh 1.2vw; flex: 1 1 0; min-height: 0; overflow: hidden; }
.wd-screen .w-tile { background: var(--wd-card); border: 1px solid var(--wd-line); border-radius: 12px;
                     padding: 1vh 0.9vw; display: flex; flex-direction: column; gap: 0.8vh; min-height: 0;
                     overflow: hidden; }
.wd-screen .w-tile-title { font-size: max(28px, 4.2vh); font-weight: 800; color: var(--wd-primary);
                           line-height: 1.1; overflow-wrap: anywhere; }
.wd-screen .w-more { font-size: max(24px, 3.2vh); color: var(--wd-muted); font-weight: 700; }
.wd-screen .w-loose { flex: 0 0 27%; min-width: 0; display: flex; flex-direction: column; gap: 1vh; overflow: hidden; }
.wd-screen .w-bars { flex: 1 1 0; min-width: 0; display: flex; flex-direction: column; gap: 1.4vh; overflow: hidden; }
.wd-screen .w-bar-row { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 3fr) 2.5em; gap: 1vw;
                        align-items: center; font-size: max(26px, 3.8vh); line-height: 1.2; }
.wd-screen .w-bar { height: 3.6vh; min-height: 22px; border-radius: 8px; background: var(--wd-primary); }
.wd-screen .w-bar-track { background: #e6e1d6; border-radius: 8px; overflow: hidden; }
.wd-screen .w-num { font-weight: 800; text-align: end; font-variant-numeric: tabular-nums; }
.wd-screen .w-vote { flex: 0 0 32vw; min-width: 0; display: flex; flex-direction: column; align-items: center;
                     gap: 1vh; }
.wd-screen .w-result { display: grid; grid-template-columns: 2.2em minmax(0, 1fr) auto; gap: 0.4vh 1.2vw;
                       align-items: baseline; font-size: max(28px, 4vh); line-height: 1.2; }
.wd-screen .w-roles { grid-column: 2 / 4; font-size: max(24px, 3vh); color: var(--wd-muted);
                      margin-bottom: 1vh; }
.wd-screen .w-clip { overflow-wrap: anywhere; display: -webkit-box; -webkit-box-orient: vertical;
                     -webkit-line-clamp: 2; overflow: hidden; }
.wd-screen .w-clip.w-one-line { -webkit-line-clamp: 1; }
"""


def grid_shape(themes: int) -> tuple[int, int]:
    """(columns, cards per tile) for this many tiles, so every tile fits on a 1280x720 wall."""
    if themes <= 2:
        return max(themes, 1), 4
    if themes <= 4:
        return 2, 2
    if themes <= 6:
        return 3, 2
    if themes <= 9:
        return 3, 1
    return 4, 1


class WallScreen:
    def __init__(self, state: AppState, hall: EventHall, vote_url: str) -> None:
        self.state, self.hall, self.vote_url = state, hall, vote_url
        self.lang = hall.event.language

    def build(self) -> None:
        ui.page_title(self.hall.event.title)
        page_language(self.lang)
        ui.add_css(SCREEN_CSS + WALL_SCREEN_CSS)
        ui.query(".nicegui-content").style("padding: 0")  # the wall is exactly one window high
        with ui.element("main").classes("wd-screen w-full").mark("wall-screen"):
            self.body = ui.refreshable(self._body)
            self.body()
        self.redraw = Redraw(self.body, lambda: wall_version(self.hall))
        self.watch = TableWatch(self.hall, self.table_changed)
        self.hall.changed.subscribe(self.event_changed)

    def table_changed(self, change: Change) -> None:
        # Only the grouping moment shows card texts; bars and results do not change with a card.
        if not self.hall.wall.voting_open and self.hall.wall.voting_closed_at is None and table_card_changed(change):
            self.redraw()

    def event_changed(self, change: EventChange) -> None:
        self.watch.event_changed(change)
        if change.kind in (EventChanged.WALL, EventChanged.VOTES, EventChanged.TABLES):
            self.redraw()

    def _body(self) -> None:
        wall, lang = self.hall.wall, self.lang
        if wall.voting_open:
            phase, draw = t(lang, "wall.screen_voting"), self._voting
        elif wall.voting_closed_at is not None:
            phase, draw = t(lang, "wall.screen_result"), self._result
        else:
            phase, draw = t(lang, "wall.screen_grouping"), self._grouping
        with ui.row().classes("w-full items-baseline no-wrap gap-6"):
            heading(self.hall.event.title, 1, "s-title")
            ui.label(phase).classes("s-sub").mark("wall-phase")
        draw()

    # -- grouping --------------------------------------------------------------------------------
    def _grouping(self) -> None:
        cards = wall_cards(self.hall)
        by_theme = cards_by_theme(self.hall, {c.ref: c for c in cards})
        themes = live_themes(self.hall.wall)
        placed = theme_of(self.hall.wall)
        loose = [c for c in cards if c.ref not in placed]
        with ui.row().classes("w-full no-wrap gap-6").style("flex: 1; min-height: 0"):
            if not themes:
                ui.label(t(self.lang, "wall.screen_empty")).classes("s-question").style("flex: 1").mark(
                    "wall-empty")
            else:
                self._tiles(themes[:MAX_TILES], by_theme, len(themes) - MAX_TILES)
            if loose or not themes:  # an empty column would only narrow the tiles
                with ui.element("div").classes("w-loose").mark("wall-loose"):
                    ui.label(t(self.lang, "wall.screen_new")).classes("s-text text-weight-bold")
                    for card in loose[:NEWEST_LOOSE]:
                        self._card(card, with_kind=True)

    def _tiles(self, themes, by_theme: dict[str, list[WallCard]], hidden_themes: int) -> None:
        columns, per_tile = grid_shape(len(themes))
        with ui.element("div").classes("w-grid").style(
                f"grid-template-columns: repeat({columns}, minmax(0, 1fr)); flex: 1; "
                f"grid-auto-rows: minmax(0, 1fr)").mark("wall-tiles"):
            for theme in themes:
                cards = by_theme[theme.id]
                with ui.element("div").classes("w-tile").mark("wall-tile"):
                    ui.label(theme.title).classes("w-tile-title w-clip").mark("wall-tile-title")
                    for card in cards[:per_tile]:
                        self._card(card)
                    if len(cards) > per_tile:
                        ui.label(t(self.lang, "wall.more", count=len(cards) - per_tile)).classes("w-more").mark(
                            "wall-tile-more")
        if hidden_themes > 0:
            ui.label(t(self.lang, "wall.more_themes", count=hidden_themes)).classes("w-more")

    def _card(self, card: WallCard, *, with_kind: bool = False) -> None:
        with ui.column().classes("w-full gap-0 s-card").mark("wall-screen-card"):
            if with_kind:
                ui.label(f"{kind_label(self.lang, card.card.kind)} \u00b7 {card.table_name}").classes(
                    "wd-muted").style("font-size: max(18px, 2.2vh)")
            ui.label(card.card.text).classes("wd-text")

    # -- voting ----------------------------------------------------------------------------------
    def _voting(self) -> None:
        wall, lang = self.hall.wall, self.lang
        counts: dict[str, int] = {}
        for dot in live_dots(wall):
            counts[dot.theme_id] = counts.get(dot.theme_id, 0) + 1
        by_theme = cards_by_theme(self.hall, {c.ref: c for c in wall_cards(self.hall)})
        # A theme without a visible card cannot take a dot: it is not on the ballot.
        themes = [th for th in live_themes(wall) if by_theme[th.id] or counts.get(th.id)]
        most = max(counts.values(), default=0) or 1
        with ui.row().classes("w-full no-wrap gap-8").style("flex: 1; min-height: 0"):
            with ui.element("div").classes("w-bars").mark("wall-bars"):
                # Two lines of title for a few themes; one line each when there are many, so all fit.
                clip = "w-clip w-one-line" if len(themes) > TWO_LINE_BARS else "w-clip"
                for theme in themes[:MAX_BARS]:
                    dots = counts.get(theme.id, 0)
                    with ui.element("div").classes("w-bar-row").mark("wall-bar-row"):
                        ui.label(theme.title).classes(f"{clip} text-weight-bold")
                        with ui.element("div").classes("w-bar-track"):
                            ui.element("div").classes("w-bar").style(f"width: {100 * dots / most:.1f}%").mark(
                                "wall-bar")
                        ui.label(str(dots)).classes("w-num").mark("wall-bar-dots")
                if len(themes) > MAX_BARS:
                    ui.label(t(lang, "wall.more_themes", count=len(themes) - MAX_BARS)).classes("w-more")
            with ui.element("div").classes("w-vote").mark("wall-vote"):
                ui.label(t(lang, "wall.screen_vote_here")).classes("s-text text-weight-bold text-center")
                ui.html(qr_svg(self.vote_url), sanitize=False).classes("s-qr").style(
                    "width: min(50vh, 30vw); height: min(50vh, 30vw); background: #fff").mark("wall-qr")
                ui.label(f"{t(lang, 'screen.or_type')} {self.vote_url}").classes("s-url text-center").mark(
                    "wall-vote-url")
                ui.label(t(lang, "wall.screen_dots_each", count=wall.dots_per_person)).classes("s-text")

    # -- result ----------------------------------------------------------------------------------
    def _result(self) -> None:
        lang = self.lang
        result = wall_result(self.hall.wall)
        if not result:
            ui.label(t(lang, "wall.no_dots")).classes("s-question").mark("wall-result-empty")
            return
        shown = result[:MAX_RESULT]
        clip = "w-clip w-one-line" if len(shown) > TWO_LINE_RESULTS else "w-clip"
        with ui.element("div").classes("w-result").mark("wall-result"):
            for row in shown:
                ui.label(f"{row.rank}.").classes("text-weight-bold")
                ui.label(row.title).classes(f"{clip} text-weight-bold").mark("wall-result-title")
                ui.label(t(lang, "wall.screen_dots", count=row.dots)).classes("w-num").mark("wall-result-dots")
                roles = [f"{role_label(lang, role)} {row.by_role[role]}" for role in Role if row.by_role[role]]
                ui.label(" \u00b7 ".join(roles)).classes("w-roles").mark("wall-result-roles")
