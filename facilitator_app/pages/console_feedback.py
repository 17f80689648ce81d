"""The console's "did you feel heard?" once the dialogue is finished: how many answered, and the answers
the facilitator enters for people without a phone.

The facilitator sees how many answered, never what someone with a phone answered: the question is about
the facilitator's own work, and people answer more freely when the one they judge cannot look.
"""

from __future__ import annotations

from nicegui import ui

from rounds import FACILITATOR, Participant
from rounds.feedback import answer_of
from rounds.model import FELT_HEARD_HIGHEST, FELT_HEARD_LOWEST, MAX_FELT_HEARD_WORD_CHARS

from ..i18n import t
from ..room import Change, Changed, Room
from .common import attempt
from .theme import aria_label, heading


class FeltHeardPanel:
    def __init__(self, room: Room, lang: str) -> None:
        self.room, self.lang = room, lang

    def build(self) -> None:
        lang = self.lang
        without_phone = [p for p in self.room.dialogue.participants if not p.has_phone]
        with ui.column().classes("w-full wd-card gap-2").mark("felt-heard-console"):
            heading(t(lang, "console.felt_title"), 2)
            ui.label(t(lang, "console.felt_intro")).classes("wd-muted")
            self.count = ui.label().classes("text-lg").mark("felt-count")
            self._count()
            if not without_phone:
                ui.label(t(lang, "console.felt_all_phones")).classes("wd-muted")
            else:
                ui.label(t(lang, "console.felt_no_phone")).classes("wd-text")
                for person in without_phone:
                    self._row(person)
        self.room.changed.subscribe(self.update)

    def update(self, change: Change) -> None:
        if self.count.is_deleted:  # the console drew its body again; a new panel has its own subscription
            self.room.changed.unsubscribe(self.update)
            return
        if change.kind in (Changed.FELT_HEARD, Changed.PEOPLE, Changed.REMOVED):
            self._count()

    def _count(self) -> None:
        dialogue = self.room.dialogue
        known = {p.id for p in dialogue.participants}
        answered = sum(1 for a in dialogue.felt_heard if a.participant_id in known)
        self.count.set_text(t(self.lang, "console.felt_count", count=answered, total=len(dialogue.participants)))

    def _row(self, person: Participant) -> None:
        lang = self.lang
        name = self.room.labels(lang).get(person.id, person.name)
        answer = answer_of(self.room.dialogue, person.id)
        scale = {n: t(lang, f"phone.felt_{n}") for n in range(FELT_HEARD_LOWEST, FELT_HEARD_HIGHEST + 1)}
        with ui.column().classes("w-full gap-1 q-pa-sm").style("border-top: 1px solid var(--wd-line)").mark(
                f"felt-row-{person.id}"):
            ui.label(name).classes("text-weight-bold wd-text")
            score = ui.radio(scale, value=answer.score if answer else None).props("inline").mark(
                f"felt-score-{person.id}")
            aria_label(score, t(lang, "console.felt_title") + " " + name)
            with ui.row().classes("w-full items-end gap-2"):
                word = ui.input(t(lang, "console.felt_word"), value=answer.word if answer else "").props(
                    f"outlined dense maxlength={MAX_FELT_HEARD_WORD_CHARS} dir=auto").classes("col").mark(
                    f"felt-word-{person.id}")

                async def save() -> None:
                    if score.value is None:
                        ui.notify(t(lang, "console.felt_pick"), type="warning", position="top")
                        return
                    done = await attempt(lang, self.room.answer_felt_heard(FACILITATOR, person.id, score.value,
                                                                            word.value or ""))
                    if done is not None:
                        ui.notify(t(lang, "console.felt_saved", name=name), type="positive", position="top")

                button = ui.button(t(lang, "console.felt_save"), on_click=save).props("outline no-caps").mark(
                    f"felt-save-{person.id}")
                aria_label(button, t(lang, "console.felt_save_for", name=name))
