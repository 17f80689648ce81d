"""The event harvest's files: one per format, each readable, each holding the traced items, and none holding a
hidden card's text, a removed person's words or the name of someone who did not consent."""

from __future__ import annotations

import csv
import io
import json

import docx
import pytest
from pypdf import PdfReader

from exports.event_harvest import build_event_harvest
from exports.event_render import event_filename, event_harvest_files

from .fixtures.event_day import CARDS, NON_CONSENTING, event_day
from .helpers import docx_text, docx_xml, pdf_text

TRACED = {"nl": "Dit punt rust op 5 ervaringen van 3 tafels: 1 bewoner, 2 professionals, 1 persoon van de gemeente.",
          "en": "This item rests on 5 experiences from 3 tables: 1 resident, 2 professionals, "
                "1 person from the municipality."}
NEVER = [CARDS["secret_exp"][3], CARDS["secret_dream"][3], CARDS["troll_exp"][3], "Trol"]


def files(lang: str = "nl", anonymous: bool = False) -> dict[str, bytes]:
    day = event_day(lang)
    return event_harvest_files(build_event_harvest(day.event, day.dialogues, day.wall, anonymous=anonymous))


def texts(data: dict[str, bytes]) -> dict[str, str]:
    """Every file as the text a reader could find in it: Word unzipped, PDF extracted, whitespace as one space."""
    out = {}
    for name, raw in data.items():
        if name.endswith(".docx"):
            text = docx_xml(raw) + docx_text(raw)
        elif name.endswith(".pdf"):
            text = pdf_text(raw)
        else:
            text = raw.decode("utf-8")
        out[name] = " ".join(text.split())
    return out


@pytest.mark.parametrize(("lang", "anonymous", "names"), [
    ("nl", False, ["dag-oost-oogst.md", "dag-oost-oogst.html", "dag-oost-oogst.docx", "dag-oost-oogst.pdf",
                   "dag-oost-oogst.csv", "dag-oost-oogst.json"]),
    ("nl", True, ["dag-oost-oogst-anoniem.md", "dag-oost-oogst-anoniem.html", "dag-oost-oogst-anoniem.docx",
                  "dag-oost-oogst-anoniem.pdf", "dag-oost-oogst-anoniem.csv", "dag-oost-oogst-anoniem.json"]),
    ("en", True, ["dag-oost-harvest-anonymous.md", "dag-oost-harvest-anonymous.html",
                  "dag-oost-harvest-anonymous.docx", "dag-oost-harvest-anonymous.pdf",
                  "dag-oost-harvest-anonymous.csv", "dag-oost-harvest-anonymous.json"]),
])
def test_one_file_per_format_named_like_the_harvest_across_dialogues(lang, anonymous, names):
    assert list(files(lang, anonymous)) == names


def test_a_file_name_is_never_a_path():
    assert event_filename("../../etc/passwd", "pdf") == "etc-passwd-oogst.pdf"
    with pytest.raises(ValueError):
        event_filename("dag", "exe")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_format_parses_and_holds_the_traced_item(lang):
    data = files(lang)
    by_ext = {name.rsplit(".", 1)[1]: raw for name, raw in data.items()}
    envelope = json.loads(by_ext["json"])
    assert envelope["format"] == "wijkdialoog-event-harvest" and envelope["schema"] == 1
    assert TRACED[lang] in [i["trace"]["sentence"] for i in envelope["harvest"]["agenda"]]
    document = docx.Document(io.BytesIO(by_ext["docx"]))
    assert TRACED[lang] in [p.text for p in document.paragraphs]
    reader = PdfReader(io.BytesIO(by_ext["pdf"]))
    assert TRACED[lang] in " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    rows = list(csv.reader(io.StringIO(by_ext["csv"].decode("utf-8"))))
    assert len({len(row) for row in rows}) == 1 and TRACED[lang] in [row[5] for row in rows]
    assert TRACED[lang] in by_ext["md"].decode() and TRACED[lang] in by_ext["html"].decode()


@pytest.mark.parametrize("anonymous", [False, True])
def test_no_format_holds_a_hidden_card_or_a_removed_persons_words(anonymous):
    for name, text in texts(files("nl", anonymous)).items():
        for secret in NEVER:
            assert secret not in text, (name, secret)
        assert "1 verborgen kaartje lag op de muur" in text, name  # ... and the record still counts them


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_names_without_consent_are_in_no_format_and_a_consented_name_only_in_the_named_one(lang):
    parts = {part for name in NON_CONSENTING for part in name.split()}
    for anonymous in (False, True):
        for name, text in texts(files(lang, anonymous)).items():
            words = set(text.replace("[", " ").replace("]", " ").split())
            assert not parts & words, (name, parts & words)
            assert ("Anna de Vries" in text) != anonymous, name


def test_people_s_words_are_data_in_html_and_markdown_and_csv_cells_cannot_run_formulas():
    day = event_day("nl")
    day.wall.themes[0].title = "<script>alert(1)</script>"
    day.wall.themes[1].title = '=HYPERLINK("x")'
    data = event_harvest_files(build_event_harvest(day.event, day.dialogues, day.wall))
    assert b"<script>" not in data["dag-oost-oogst.html"]
    assert b"\\<script\\>" in data["dag-oost-oogst.md"]
    rows = list(csv.reader(io.StringIO(data["dag-oost-oogst.csv"].decode("utf-8"))))
    assert all(not cell.startswith("=") for row in rows for cell in row)
    assert "'=HYPERLINK(\"x\")" in [row[2] for row in rows]
