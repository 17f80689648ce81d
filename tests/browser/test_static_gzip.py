"""The real app gzips NiceGUI's files once (static_gzip.py): what a phone gets is the file on disk."""

from __future__ import annotations

import gzip
from pathlib import Path

import httpx
import nicegui
from nicegui.version import __version__

NICEGUI_STATIC = Path(nicegui.__file__).parent / "static"


def fetch(url: str, encoding: str = "gzip, deflate") -> tuple[httpx.Response, bytes]:
    """The response and its body as sent (httpx would otherwise decompress it)."""
    with httpx.stream("GET", url, headers={"accept-encoding": encoding}, timeout=10) as response:
        return response, b"".join(response.iter_raw())


def test_nicegui_files_are_sent_gzipped_and_the_same_each_time(server):
    url = f"{server.url}/_nicegui/{__version__}/static/quasar.umd.prod.js"
    on_disk = (NICEGUI_STATIC / "quasar.umd.prod.js").read_bytes()
    first, first_body = fetch(url)
    second, second_body = fetch(url)

    assert first.status_code == second.status_code == 200
    assert second_body == first_body
    assert gzip.decompress(second_body) == on_disk
    assert second.headers["content-encoding"] == "gzip" and "Accept-Encoding" in second.headers["vary"]
    # Starlette streams a file this large without a length; the kept copy is sent whole, with its length.
    assert int(second.headers["content-length"]) == len(second_body)
    assert "immutable" in second.headers["cache-control"]

    plain, plain_body = fetch(url, encoding="identity")
    assert "content-encoding" not in plain.headers and plain_body == on_disk


def test_a_font_is_sent_as_it_is(server):
    font = next(NICEGUI_STATIC.glob("fonts/*.woff2"))
    for _ in range(2):
        response, body = fetch(f"{server.url}/_nicegui/{__version__}/static/fonts/{font.name}")
        assert response.status_code == 200 and "content-encoding" not in response.headers
        assert body == font.read_bytes()
