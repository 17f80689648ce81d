"""Golden files, a dialogue full of hostile text, and ways to read the binary formats back."""

from __future__ import annotations

import difflib
import io
import os
import zipfile
from pathlib import Path

import docx
from pypdf import PdfReader

from exports.strings import template_text
from rounds import FACILITATOR as F
from rounds import Dialogue, DomainError, Outcome
from rounds.cards import add_card, place_dot
from rounds.people import join
from rounds.preparation import add_round, new_dialogue, update_round
from rounds.talking_piece import close_round, end_turn, next_speaker, open_next_round

GOLDEN = Path(__file__).parent / "golden"


def check_golden(name: str, data: bytes) -> None:
    """Compare with tests/exports/golden/<name>; `UPDATE_GOLDEN=1 pytest tests/exports` rewrites them."""
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return
    assert path.exists(), f"no golden file {path}; run with UPDATE_GOLDEN=1 and check the new file by eye"
    expected = path.read_bytes()
    if data != expected:
        diff = "\n".join(difflib.unified_diff(
            expected.decode("utf-8", "replace").splitlines(), data.decode("utf-8", "replace").splitlines(),
            "golden", "now", lineterm="", n=2))
        raise AssertionError(f"{name} differs from its golden file:\n{diff[:4000]}")


HOSTILE = [
    "<script>alert(1)</script>",
    "**bold** and _under_ and `code`",
    "| a | b |",
    '=HYPERLINK("x")',
    "+31 6 1234 5678",
    "@everyone come",
    "-5 degrees\n- not a list\n# not a heading\n1. not numbered\n> not quoted",
    "Feest 🎉 met 🧡 en 👍🏽 en \u263a",
    "مرحبا بالجميع في حديقة الحي",
    "Çağrı Şükrü Işık ve Ömer: çay için gelin, é ë ü",
    "[link](http://example.com) &amp; <b>tag</b> \\ back",
    ("heel lange tekst " * 40)[:500],
    "x" * 500,
]
HOSTILE_NAME = "<b>Ali</b> | *Ömer*"  # consented, so it is printed: it must stay plain text too
FORMULA_NAME = "=cmd|' /C calc'!A0"


def hostile_dialogue(language: str = "nl") -> Dialogue:
    """A finished two-round dialogue whose cards (one each) are the hostile texts, all voted on."""
    now = 1_795_802_400.0
    dialogue = new_dialogue(slug="hostile", title="Test <i>&</i> | *titel*", theme="verschil", now=now,
                            template="leeg", language=language, texts=template_text)
    cards_round = add_round(dialogue, F, "Kaartjes", "Schrijf iets")
    update_round(dialogue, F, cards_round.id, card_kind="need")
    vote_round = add_round(dialogue, F, "Stippen", "Zet je stippen")
    update_round(dialogue, F, vote_round.id, dot_vote=True, vote_on_rounds=[cards_round.id], dots_per_person=20)
    people = [join(dialogue, HOSTILE_NAME, "resident", now + 1, name_in_report=True),
              join(dialogue, FORMULA_NAME, "other", now + 2, name_in_report=True),
              join(dialogue, "Zeynep", "resident", now + 3, has_phone=False)]
    open_next_round(dialogue, F, now + 10)
    for n, text in enumerate(HOSTILE):
        add_card(dialogue, F, people[n % 3].id, text, now + 20 + n)
    _everyone_speaks(dialogue, now + 100)
    close_round(dialogue, F, now + 200)
    open_next_round(dialogue, F, now + 210)
    for n, card in enumerate(dialogue.rounds[0].cards):
        place_dot(dialogue, F, people[n % 3].id, card.id, now + 220)
    _everyone_speaks(dialogue, now + 230)
    close_round(dialogue, F, now + 300)
    return dialogue


def _everyone_speaks(dialogue: Dialogue, now: float) -> None:
    while True:
        try:
            next_speaker(dialogue, F, now)
        except DomainError:
            return
        end_turn(dialogue, F, Outcome.SPOKE, now + 20)


def docx_text(data: bytes) -> str:
    """All text of a Word file: paragraphs, then every table cell, then the footer."""
    doc = docx.Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    parts += [p.text for p in doc.sections[0].footer.paragraphs]
    return "\n".join(parts)


def docx_xml(data: bytes) -> str:
    """Every part of the Word file, unzipped: the raw bytes are compressed, so names would hide there."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return "\n".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist())


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    meta = reader.metadata or {}
    return "\n".join([*(page.extract_text() for page in reader.pages), *(str(v) for v in meta.values())])
