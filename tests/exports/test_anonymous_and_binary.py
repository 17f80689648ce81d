"""Anonymous files carry no names at all; Word and PDF carry the same harvest as the text formats."""

from __future__ import annotations

import re

import pytest

from exports import FORMATS, render, write_all
from exports.across import combine
from exports.across_render import ACROSS_FORMATS, render_across

from .helpers import docx_text, docx_xml, pdf_text
from .story import FACILITATOR_NAME, NAMES, TZ, evening

# Every name, and every part of a name someone could write on its own.
NAME_PARTS = sorted({part for name in [*NAMES, FACILITATOR_NAME] for part in [name, *name.split()]
                     if len(part) > 2 and part not in ("van", "de")})


def names_in(text: str) -> list[str]:
    return [part for part in NAME_PARTS if re.search(rf"(?<!\w){re.escape(part)}(?!\w)", text)]


def readable(fmt: str, data: bytes) -> list[str]:
    """What a reader or a tool could get out of the file: its text, and its raw bytes where they are text."""
    if fmt == "docx":
        return [docx_text(data), docx_xml(data)]
    if fmt == "pdf":
        return [pdf_text(data), data.decode("latin-1")]
    return [data.decode("utf-8-sig")]


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_no_name_anywhere_in_an_anonymous_file(lang: str, fmt: str) -> None:
    data = render(evening(lang), fmt, anonymous=True, tz=TZ)
    for text in readable(fmt, data):
        assert names_in(text) == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_named_version_has_the_consented_names_and_only_those(fmt: str) -> None:
    data = render(evening("nl"), fmt, tz=TZ)
    found = set(names_in(readable(fmt, data)[0]))
    assert {"Anna de Vries", "Daan Visser"} <= found
    # The JSON too: it moves the dialogue to another machine, and consent goes with it.
    assert found <= {"Anna de Vries", "Anna", "Vries", "Daan Visser", "Daan", "Visser", "مريم العلي", "مريم",
                     "العلي", FACILITATOR_NAME, "Fatima", "Amrani"}


def test_no_name_in_the_anonymous_harvest_across_dialogues() -> None:
    across = combine([evening("nl"), evening("en")], anonymous=True, tz=TZ)
    for fmt in ACROSS_FORMATS:
        assert names_in(render_across(across, fmt).decode("utf-8-sig")) == []


def test_write_all_names_the_anonymous_files_so(tmp_path) -> None:
    paths = write_all(evening("nl"), tmp_path, anonymous=True, tz=TZ)
    assert [p.name for p in paths] == ["kersentuin-anoniem.md", "kersentuin-anoniem.html", "kersentuin-anoniem.docx",
                                       "kersentuin-anoniem.pdf", "kersentuin-anoniem.csv",
                                       "kersentuin-anoniem-excel.csv", "kersentuin-anoniem.json"]
    assert all(p.stat().st_size > 500 for p in paths)


def test_write_all_names_english_anonymous_files_in_english(tmp_path) -> None:
    paths = write_all(evening("en"), tmp_path, anonymous=True, formats=["md", "csv-nl", "json"], tz=TZ)
    assert [p.name for p in paths] == ["kersentuin-anonymous.md", "kersentuin-anonymous-excel.csv",
                                       "kersentuin-anonymous.json"]
    named = write_all(evening("en"), tmp_path / "named", formats=["md", "csv-nl"], tz=TZ)
    assert [p.name for p in named] == ["kersentuin.md", "kersentuin-excel.csv"]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_word_has_the_harvest_in_headings_lists_and_tables(lang: str) -> None:
    import io

    import docx

    data = render(evening(lang), "docx", tz=TZ)
    doc = docx.Document(io.BytesIO(data))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    words = {"nl": ("1. Wie waren er", "Ronde 4: Wijkagenda (wat is nodig, wat eerst)", "4. Wijkagenda",
                    "5. Wie doet wat", "6. Spreektijd", "7. Tijdlijn"),
             "en": ("1. Who took part", "Round 4: Neighbourhood agenda (what is needed, what first)",
                    "4. Neighbourhood agenda", "5. Who does what", "6. Speaking time", "7. Timeline")}[lang]
    for heading in words:
        assert heading in headings
    bullets = [p.text for p in doc.paragraphs if p.style.name == "List Bullet"]
    first_pledge = {"nl": "Ik bel morgen de woningcorporatie over de moestuin.\nAnna de Vries",
                    "en": "Tomorrow I will call the housing association about the garden.\nAnna de Vries"}[lang]
    assert first_pledge in bullets
    agenda = next(t for t in doc.tables if t.rows[0].cells[1].text in ("Onderwerp", "Item"))
    first = [c.text for c in agenda.rows[1].cells]
    assert first[0] == "1" and first[3:] == ["6", "4", "0", "1", "1"]
    text = docx_text(data)
    assert ("Niet gehoord: Bewoner 2 en Bewoner 5." if lang == "nl" else "Not heard: Resident 2 and Resident 5.") \
        in text
    assert doc.core_properties.language == ("nl-NL" if lang == "nl" else "en-GB")
    assert doc.sections[0].page_width.mm == pytest.approx(210, abs=0.5)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_pdf_has_the_harvest_in_reading_order(lang: str) -> None:
    text = pdf_text(render(evening(lang), "pdf", tz=TZ))
    order = {"nl": ["Wijkdialoog De Kersentuin", "1. Wie waren er", "2. Gespreksregels", "Ronde 1: Kennismaken",
                    "Iedereen is gehoord.", "Deze ronde is gesloten voordat iedereen gehoord was.",
                    "Niet gehoord: Bewoner 2 en Bewoner 5.", "4. Wijkagenda", "Een vaste plek voor de moestuin.",
                    "5. Wie doet wat", "6. Spreektijd", "7. Tijdlijn", "De wijkdialoog is afgerond."],
             "en": ["Cherry Garden neighbourhood dialogue", "1. Who took part", "2. Ground rules",
                    "Round 1: Getting acquainted", "Everyone was heard.",
                    "This round was closed before everyone was heard.", "4. Neighbourhood agenda",
                    "5. Who does what", "6. Speaking time", "7. Timeline", "The dialogue is finished."]}[lang]
    flat, at = " ".join(text.split()), 0
    for piece in order:  # each piece after the one before it
        found = flat.find(piece, at)
        assert found >= 0, f"{piece!r} not after position {at}"
        at = found + len(piece)
    assert re.search(r"(pagina 1 van|page 1 of) [2-9]", text)
    assert "مريم العلي" in text


def test_pdf_and_word_do_not_show_a_hidden_card() -> None:
    dialogue = evening("nl")
    hidden = next(c.text for c in dialogue.rounds[1].cards if c.hidden)
    assert hidden not in pdf_text(render(dialogue, "pdf", tz=TZ))
    assert hidden not in docx_text(render(dialogue, "docx", tz=TZ))
