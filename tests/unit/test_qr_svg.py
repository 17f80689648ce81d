"""The join QR code is drawn from the code's own modules: the SVG must hold exactly those modules."""

from __future__ import annotations

import re

import pytest
import qrcode

from facilitator_app.network import qr_svg


def grid_of(svg: str) -> list[list[bool]]:
    size = int(re.search(r'viewBox="0 0 (\d+) \1"', svg).group(1))
    grid = [[False] * size for _ in range(size)]
    for x, y, width in re.findall(r"M(\d+),(\d+)h(\d+)v1h-\3z", svg):
        for dx in range(int(width)):
            assert not grid[int(y)][int(x) + dx]  # runs never overlap
            grid[int(y)][int(x) + dx] = True
    return grid


@pytest.mark.parametrize("url", ["http://192.168.1.20:8080/join/ABCDE", "https://buurthuis.example/join/Q7K2M",
                                 "http://10.0.0.2:8080/e/dag-van-de-dialoog-2026/join"])
def test_the_svg_has_exactly_the_modules_of_the_code(url):
    code = qrcode.QRCode(border=2)
    code.add_data(url)
    code.make(fit=True)
    svg = qr_svg(url)
    assert svg.startswith('<svg role="img" aria-label="QR"') and "<script" not in svg
    assert grid_of(svg) == code.get_matrix()
