"""The phone's "did you feel heard?", shown once the last round has closed: a number, one word, thanks.

A tap on a number is saved at once, so someone who puts the phone away after that still counts; the
word is a second, optional step. Everything drawn here comes from the stored answer, so a phone that
sleeps and reloads shows the thanks (or the question) again, never a half-done step.
"""

from __future__ import annotations

from nicegui import ui

from rounds import Status
from rounds.feedback import answer_of
from rounds.model import FELT_HEARD_HIGHEST, FELT_HEARD_LOWEST, MAX_FELT_HEARD_WORD_CHARS

from ..i18n import t
from ..room import Change, Changed, Room
from .common import attempt
from .theme import heading

SCORES = range(FELT_HEARD_LOWEST, FELT_HEARD_HIGHEST + 1)


class FeltHeardPart:
    def __init__(self, room: Room, person_id: str, lang: str) -> None:
        self.room, self.person_id, self.lang = room, person_id, lang
        self.word_for: int | None = None  # the number just tapped: the word step is open for it
        self.changing = False  # "change my answer": the numbers again, with the current one marked
        self.shown = False  # whether the part shows anything now

    def build(self) -> None:
        """Drawn with the phone's page; `update` is called by the phone's view for every change in the room."""
        self.part = ui.refreshable(self._draw)
        self.part()

    def update(self, change: Change) -> None:
        # The question appears when the last round closes; this phone's own answers it draws itself.
        # Not at every round: when one opens, 200 phones would each redraw an empty part for nothing.
        if change.kind in (Changed.ROUND, Changed.REMOVED) and (
                self.shown or self.room.dialogue.status == Status.FINISHED):
            self.part.refresh()

    def _draw(self) -> None:
        self.shown = self.room.dialogue.status == Status.FINISHED
        if not self.shown:
            return
        lang = self.lang
        answer = answer_of(self.room.dialogue, self.person_id)
        with ui.column().classes("w-full wd-card gap-3").mark("felt-heard"):
            if self.word_for is not None:
                heading(t(lang, "phone.felt_title"), 2)
                ui.label(t(lang, "phone.felt_your_answer", answer=t(lang, f"phone.felt_{self.word_for}"))).classes(
                    "text-lg").mark("felt-chosen")
                word = ui.input(t(lang, "phone.felt_word"), value=answer.word if answer else "").props(
                    f"outlined maxlength={MAX_FELT_HEARD_WORD_CHARS} dir=auto").classes("w-full").mark("felt-word")
                ui.button(t(lang, "phone.felt_done"), on_click=lambda: self._keep_word(word.value or "")).props(
                    "size=lg unelevated no-caps").classes("w-full").mark("felt-done")
            elif answer is not None and not self.changing:
                heading(t(lang, "phone.felt_thanks"), 2).mark("felt-thanks")
                ui.label(t(lang, "phone.felt_your_answer", answer=t(lang, f"phone.felt_{answer.score}"))).classes(
                    "text-lg")
                if answer.word:
                    ui.label(answer.word).classes("wd-text text-lg").props("dir=auto").mark("felt-own-word")
                ui.button(t(lang, "phone.felt_change"), on_click=self._change).props("outline no-caps").classes(
                    "w-full").mark("felt-change")
            else:
                heading(t(lang, "phone.felt_title"), 2).mark("felt-question")
                ui.label(t(lang, "phone.felt_hint")).classes("wd-muted")
                for score in SCORES:
                    chosen = answer is not None and answer.score == score
                    button = ui.button(t(lang, f"phone.felt_{score}"), on_click=lambda s=score: self._choose(s))
                    # Large and the whole width: easy to hit with a thumb, the words readable without glasses.
                    button.props(f"size=lg no-caps align=left {'unelevated' if chosen else 'outline'}").classes(
                        "w-full").style("min-height: 56px").mark(f"felt-{score}")
                    button.props["aria-pressed"] = "true" if chosen else "false"

    async def _choose(self, score: int) -> None:
        me, before = self.person_id, answer_of(self.room.dialogue, self.person_id)
        done = await attempt(self.lang, self.room.answer_felt_heard(me, me, score, before.word if before else ""))
        if done is not None:
            self.word_for, self.changing = score, False
            self.part.refresh()

    async def _keep_word(self, word: str) -> None:
        if self.word_for is None:
            return
        me = self.person_id
        if await attempt(self.lang, self.room.answer_felt_heard(me, me, self.word_for, word)) is not None:
            self.word_for = None
            self.part.refresh()

    def _change(self) -> None:
        self.changing = True
        self.part.refresh()
