"""Small and large corners: nobody at the table, no votes, very long notes in any script."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from exports import FORMATS, render
from exports.strings import template_text
from rounds import FACILITATOR as F
from rounds.preparation import new_dialogue
from rounds.talking_piece import close_round, open_next_round

from .helpers import docx_text, pdf_text
from .story import TZ, evening


def empty_evening(language: str):
    """Every round opened and closed with nobody there: finished, with nothing said."""
    dialogue = new_dialogue(slug="leeg", title="Lege zaal", theme="gemeenschap", now=0, language=language,
                            texts=template_text)
    for n in range(len(dialogue.rounds)):
        open_next_round(dialogue, F, 10 * n + 1)
        close_round(dialogue, F, 10 * n + 5)
    return dialogue


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_finished_dialogue_with_nobody_still_says_so_in_every_format(fmt: str) -> None:
    data = render(empty_evening("nl"), fmt, tz=TZ)
    text = {"docx": docx_text, "pdf": pdf_text}.get(fmt, lambda b: b.decode("utf-8-sig"))(data)
    if fmt.startswith("csv"):
        assert len(text.strip().splitlines()) == 1  # only the header row: there are no cards
    elif fmt == "json":
        assert '"participants": []' in text
    else:
        for words in ("0 deelnemers.", "Er is niet gestemd met stippen.", "Er zijn geen stappen opgeschreven."):
            assert words in text


def test_very_long_notes_in_arabic_run_over_pages_in_the_pdf() -> None:
    dialogue = evening("nl")
    dialogue.rounds[1].notes = ("مرحبا بالجميع في حديقة الحي " * 30 + "\n") * 12
    dialogue.rounds[0].turns[0].note = "x" * 1000
    data = render(dialogue, "pdf", tz=TZ)
    normal = render(evening("nl"), "pdf", tz=TZ)
    assert len(PdfReader(io.BytesIO(data)).pages) >= len(PdfReader(io.BytesIO(normal)).pages) + 2
    assert "Wie doet wat" in pdf_text(data)  # everything after the notes is still there
