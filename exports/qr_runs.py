"""A QR code's dark modules, row by row and as horizontal runs: what the printed handouts and the
projector's SVG both draw (one rectangle per run, all in one path, so there are no seams between rows)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache


@lru_cache(maxsize=64)  # a handout draws each code twice and measures it once more; pages redraw theirs
def qr_matrix(data: str, border: int = 0) -> tuple[tuple[bool, ...], ...]:
    """The QR code's modules (True = dark), with `border` light modules around them.

    Error correction M recovers about 15 % of the code: enough for a crease or a coffee ring, while a long
    host link still gives modules big enough to scan from a printed A5.
    """
    import qrcode  # with PIL ~5 MiB: loaded by the first code drawn, not by every process that imports exports

    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=border)
    code.add_data(data)
    code.make(fit=True)
    return tuple(tuple(row) for row in code.get_matrix())


def dark_runs(matrix: tuple[tuple[bool, ...], ...]) -> Iterator[tuple[int, int, int]]:
    """(row, first column, length) of every horizontal run of dark modules."""
    for row_no, row in enumerate(matrix):
        col = 0
        while col < len(row):
            if not row[col]:
                col += 1
                continue
            start = col
            while col < len(row) and row[col]:
                col += 1
            yield row_no, start, col - start
