"""Someone taken out of the dialogue: the harvest counts it without a name, and no device token leaves."""

from __future__ import annotations

import json

import pytest

from exports import render
from rounds import FACILITATOR as F
from rounds import Status
from rounds.moderation import remove_person
from rounds.people import join

from .helpers import docx_text, pdf_text
from .story import evening


def with_a_troll(lang: str):
    dialogue = evening(lang)
    dialogue.status = Status.RUNNING  # the troll joined during the evening ...
    troll = join(dialogue, "Trol Trolsma", "other", dialogue.started_at or 0, token="apparaat-van-de-trol")
    dialogue.status = Status.FINISHED
    remove_person(dialogue, F, troll.id, (dialogue.finished_at or 0) + 1)  # ... and was taken out
    return dialogue


@pytest.mark.parametrize(("lang", "words"), [("nl", "1 deelnemer uit de wijkdialoog gehaald"),
                                             ("en", "took 1 participant out of the dialogue")])
def test_every_report_says_someone_was_taken_out_without_a_name(lang, words):
    dialogue = with_a_troll(lang)
    texts = [render(dialogue, "md").decode(), render(dialogue, "html").decode(),
             docx_text(render(dialogue, "docx")), pdf_text(render(dialogue, "pdf"))]
    for text in texts:
        assert words in " ".join(text.split())
        assert "Trol" not in text


@pytest.mark.parametrize("anonymous", [False, True])
def test_the_json_export_holds_no_device_of_a_removed_person(anonymous):
    raw = render(with_a_troll("nl"), "json", anonymous=anonymous).decode()
    assert "apparaat-van-de-trol" not in raw
    assert json.loads(raw)["dialogue"]["removals"][0]["cards"] == 0
