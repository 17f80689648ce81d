"""The running app does not load what only an export or a QR code needs (issue 10: 24 + 8 MiB of RSS).

Word (python-docx with lxml) and PDF (fpdf2 with fonttools) are loaded by the first export, the QR code
library (with PIL) by the first QR code drawn; a phone never needs them. The exports' and the QR
code's own tests show they still load when needed.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("docx", "fpdf", "qrcode", "PIL", "lxml")


def loaded_after(code: str) -> set[str]:
    probe = f"{code}\nimport sys\nprint(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True,
                            timeout=60)
    return set(result.stdout.split())


def test_starting_the_app_loads_no_export_or_qr_library():
    assert loaded_after("import facilitator_app.app, facilitator_app.pages") == set()


def test_drawing_a_qr_code_does_not_load_lxml():
    assert "lxml" not in loaded_after("from facilitator_app.network import qr_svg; qr_svg('http://x/join/ABCDE')")
