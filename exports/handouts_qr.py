"""QR codes for the printed handouts, drawn as vector squares so they stay sharp on any printer.

A bitmap scaled up by the PDF viewer can come out blurred (viewers smooth small images), which makes a
phone's camera hesitate; squares filled as one path have crisp edges at any size. Each row's dark run is
one rectangle and the whole code is one path with one fill: separate fills would leave hairline seams
between rows in anti-aliasing viewers.
"""

from __future__ import annotations

from fpdf import FPDF
from fpdf.drawing import DeviceRGB, PaintedPath

from .qr_runs import dark_runs, qr_matrix

QUIET_MODULES = 4  # the white margin a reader needs around the code, in modules; the layout keeps it free
INK = DeviceRGB(25 / 255, 35 / 255, 30 / 255)  # the text colour of the report: near black, full contrast


def quiet_zone(data: str, size: float) -> float:
    """How much white the code drawn `size` wide needs on every side."""
    return size / len(qr_matrix(data)) * QUIET_MODULES


def draw_qr(pdf: FPDF, x: float, y: float, size: float, data: str) -> None:
    """The QR code for `data` as a `size` x `size` square with its top left corner at (x, y)."""
    matrix = qr_matrix(data)
    module = size / len(matrix)
    path = PaintedPath()
    path.style.fill_color = INK
    path.style.stroke_color = None
    for row_no, start, length in dark_runs(matrix):
        path.rectangle(x + start * module, y + row_no * module, length * module, module)
    pdf.draw_path(path, copy=False)  # new_path() deep-copies the path: two thirds of the time for 40 tables
