"""The table tent picture for the README: one handout sheet of a sample Dag van de Dialoog, as a PNG.

    .venv/bin/python docs/make_handout_image.py

Makes the sheet with exports.handouts (the same code the organiser's page prints with) and turns page 1
into docs/img/table-tent.png with poppler's pdftoppm (Debian: apt-get install poppler-utils).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from exports.handouts import HandoutTable, handouts_pdf  # noqa: E402
from exports.strings import template_text  # noqa: E402

OUT = ROOT / "docs" / "img" / "table-tent.png"
SAMPLE_EVENT, SAMPLE_KEY = "dag-van-de-dialoog-oost", "0f3a9c2e7b1d4e6f8a0b2c4d6e8f1a3c"  # made up, real format
DPI = 90  # 744 x 1052 pixels: the tent's name and code read at README size, the host sheet's rounds too
BASE = "http://192.168.1.20:8080"  # a LAN address, as on the day; this sample's links lead nowhere
THEME = "thuis"
ROUNDS = ("kennismaken", "ervaringen", "dromen", "wijkagenda", "doen")


def sample_pdf(lang: str = "nl") -> bytes:
    theme_words = template_text(lang, f"theme.{THEME}")
    rounds = tuple((template_text(lang, f"template.{key}.title"),
                    template_text(lang, f"template.{key}.question").format(theme=theme_words)) for key in ROUNDS)
    table = HandoutTable(name="De Kersentuin", place="Wijkcentrum De Linde", join_url=f"{BASE}/join/K7PQ2",
                         join_code="K7PQ2", host_url=f"{BASE}/e/{SAMPLE_EVENT}/host/t3?key={SAMPLE_KEY}",
                         rounds=rounds)
    return handouts_pdf(event_title="Dag van de Dialoog Oost", theme=THEME, date="zaterdag 7 november 2026",
                        lang=lang, tables=[table])


def main() -> None:
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        sys.exit("pdftoppm not found: apt-get install poppler-utils")
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "handout.pdf"
        pdf.write_bytes(sample_pdf())
        subprocess.run([pdftoppm, "-png", "-r", str(DPI), "-f", "1", "-l", "1", "-singlefile", str(pdf),
                        str(Path(tmp) / "page")], check=True)
        OUT.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(Path(tmp) / "page.png", OUT)
    print(OUT.relative_to(ROOT))


if __name__ == "__main__":
    main()
