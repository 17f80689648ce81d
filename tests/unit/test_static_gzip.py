"""GZipOnceMiddleware: NiceGUI's versioned files are gzipped once and then sent from memory; the rest is Starlette's."""

from __future__ import annotations

import asyncio
import gzip
import random
from pathlib import Path
from types import SimpleNamespace

import httpx
import pytest
from starlette.applications import Starlette
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from facilitator_app import app as app_module
from facilitator_app.app import run_kwargs
from facilitator_app.static_gzip import KEPT_PREFIXES, GZipOnceMiddleware

STATIC, COMPONENTS = KEPT_PREFIXES[0], KEPT_PREFIXES[1]


def script(size: int, seed: int = 1) -> bytes:
    """Compressible but not trivial, like a minified script; larger than one 64 KiB file chunk when size is."""
    words = [f"var{n}" for n in range(300)] + ["function", "return", "{", "}", "(", ")", ";", "=>"]
    rng = random.Random(seed)
    text = " ".join(rng.choice(words) for _ in range(size // 3))
    return text.encode()[:size]


class Served:
    """A small app with a static folder under NiceGUI's prefix and elsewhere; counts the requests it answers."""

    def __init__(self, folder: Path, **options) -> None:
        self.calls = 0

        def component(request: Request) -> PlainTextResponse:
            name = request.path_params["name"]
            return PlainTextResponse(script(5000).decode(), status_code=503 if name == "broken.js" else 200,
                                     media_type="text/javascript",
                                     headers={"set-cookie": "a=b"} if name == "cookie.js" else None)

        inner = Starlette(routes=[
            Mount(STATIC.rstrip("/"), StaticFiles(directory=folder)),
            Route(COMPONENTS + "{name}", component),
            Mount("/wd-static", StaticFiles(directory=folder)),
        ])

        async def counting(scope, receive, send) -> None:
            self.calls += 1
            await inner(scope, receive, send)

        self.middleware = GZipOnceMiddleware(counting, **options)

        async def outer(scope, receive, send) -> None:
            async def add_header(message) -> None:  # like NiceGUI's Cache-Control middleware: in place
                if message["type"] == "http.response.start":
                    message["headers"].append((b"x-outer", b"1"))
                await send(message)
            await self.middleware(scope, receive, add_header)

        self.client = httpx.AsyncClient(transport=httpx.ASGITransport(app=outer), base_url="http://phone")

    async def get(self, path: str, method: str = "GET", **headers: str) -> tuple[httpx.Response, bytes]:
        """The response and its body as sent (httpx would otherwise decompress it)."""
        headers = {"accept-encoding": "gzip, deflate", **{k.replace("_", "-"): v for k, v in headers.items()}}
        async with self.client.stream(method, path, headers=headers) as response:
            return response, b"".join([chunk async for chunk in response.aiter_raw()])


@pytest.fixture
def files(tmp_path) -> dict[str, bytes]:
    contents = {"quasar.js": script(200_000), "vue.js": script(150_000, seed=2), "tiny.css": b"a{color:red}",
                "font.woff2": script(20_000, seed=3)}
    for name, content in contents.items():
        (tmp_path / name).write_bytes(content)
    return contents


async def test_a_file_is_gzipped_once_and_then_sent_again_byte_for_byte(tmp_path, files):
    served = Served(tmp_path)
    first, first_body = await served.get(STATIC + "quasar.js")
    second, second_body = await served.get(STATIC + "quasar.js")
    third, third_body = await served.get(STATIC + "quasar.js?v=2")

    assert served.calls == 1
    assert first.status_code == second.status_code == third.status_code == 200
    assert second_body == first_body == third_body
    assert gzip.decompress(second_body) == files["quasar.js"]
    assert len(second_body) < len(files["quasar.js"]) / 2
    for response in (first, second, third):
        assert response.headers["content-encoding"] == "gzip"
        assert response.headers["vary"] == "Accept-Encoding"
        assert response.headers["content-type"].startswith("text/javascript")
        assert response.headers.get_list("x-outer") == ["1"]  # the kept headers are not the ones changed later
    assert int(second.headers["content-length"]) == len(second_body)
    assert second.headers["etag"] == first.headers["etag"]
    assert "transfer-encoding" not in second.headers


async def test_first_requests_at_the_same_time_all_get_the_file_and_it_is_kept_once(tmp_path, files):
    served = Served(tmp_path)
    answers = await asyncio.gather(*(served.get(STATIC + "quasar.js") for _ in range(4)))
    assert served.calls == 4  # they really overlapped: all four compressed
    assert all(gzip.decompress(body) == files["quasar.js"] for _, body in answers)
    kept = served.middleware.kept
    assert list(kept) == [STATIC + "quasar.js"]
    assert served.middleware.kept_bytes == len(kept[STATIC + "quasar.js"].body)
    _, body = await served.get(STATIC + "quasar.js")
    assert served.calls == 4 and gzip.decompress(body) == files["quasar.js"]


async def test_other_paths_are_gzipped_each_time_like_starlette_does(tmp_path, files):
    served = Served(tmp_path)
    bodies = [(await served.get("/wd-static/quasar.js"))[1] for _ in range(2)]
    assert served.calls == 2 and not served.middleware.kept
    assert gzip.decompress(bodies[1]) == files["quasar.js"]


async def test_a_response_other_than_200_or_with_a_cookie_is_not_kept(tmp_path, files):
    served = Served(tmp_path)
    for _ in range(2):
        broken, body = await served.get(COMPONENTS + "broken.js")
        assert broken.status_code == 503 and broken.headers["content-encoding"] == "gzip"
        assert gzip.decompress(body) == script(5000)
        cookie, _ = await served.get(COMPONENTS + "cookie.js")
        assert cookie.headers["set-cookie"] == "a=b"
        missing, _ = await served.get(STATIC + "missing.js")
        assert missing.status_code == 404
    assert served.calls == 6 and not served.middleware.kept


async def test_range_conditional_and_head_requests_get_starlettes_own_answer(tmp_path, files):
    served = Served(tmp_path)
    full, _ = await served.get(STATIC + "quasar.js")
    part, part_body = await served.get(STATIC + "quasar.js", range="bytes=0-99")
    unchanged, _ = await served.get(STATIC + "quasar.js", if_none_match=full.headers["etag"])
    head, head_body = await served.get(STATIC + "quasar.js", method="HEAD")

    assert served.calls == 4
    assert part.status_code == 206 and part_body == files["quasar.js"][:100]
    assert unchanged.status_code == 304
    assert head.status_code == 200 and head_body == b""


async def test_a_client_without_gzip_gets_the_file_as_it_is(tmp_path, files):
    served = Served(tmp_path)
    await served.get(STATIC + "quasar.js")
    plain, body = await served.get(STATIC + "quasar.js", accept_encoding="identity")
    assert served.calls == 2
    assert "content-encoding" not in plain.headers and body == files["quasar.js"]
    assert int(plain.headers["content-length"]) == len(files["quasar.js"])


async def test_fonts_and_small_files_are_sent_as_they_are_and_not_kept(tmp_path, files):
    served = Served(tmp_path)
    for _ in range(2):
        font, font_body = await served.get(STATIC + "font.woff2")
        tiny, tiny_body = await served.get(STATIC + "tiny.css")
        assert "content-encoding" not in font.headers and font_body == files["font.woff2"]
        assert "content-encoding" not in tiny.headers and tiny_body == files["tiny.css"]
    assert served.calls == 4 and not served.middleware.kept


async def test_no_more_is_kept_than_the_limit(tmp_path, files):
    gzipped_size = len((await Served(tmp_path).get(STATIC + "quasar.js"))[1])
    served = Served(tmp_path, max_kept_bytes=gzipped_size + 100)
    for _ in range(2):
        for name in ("quasar.js", "vue.js"):
            _, body = await served.get(STATIC + name)
            assert gzip.decompress(body) == files[name]
    assert list(served.middleware.kept) == [STATIC + "quasar.js"]
    assert served.middleware.kept_bytes == gzipped_size <= served.middleware.max_kept_bytes
    assert served.calls == 3  # vue.js did not fit: compressed each time


def test_the_app_runs_with_it_and_nicegui_s_gzip_settings(monkeypatch):
    monkeypatch.setattr(app_module, "tune_garbage_collection", lambda: None)  # no start-up hooks from a unit test
    monkeypatch.setattr(app_module, "server_limits", dict)
    state = SimpleNamespace(settings=SimpleNamespace(host="127.0.0.1", port=1), secret="s")
    factory = run_kwargs(state)["gzip_middleware_factory"]  # type: ignore[arg-type]
    ours, theirs = factory(PlainTextResponse("x")), GZipMiddleware(PlainTextResponse("x"))  # NiceGUI's default
    assert factory is GZipOnceMiddleware
    assert (ours.minimum_size, ours.compresslevel, ours.exclude_content_types) == \
        (theirs.minimum_size, theirs.compresslevel, theirs.exclude_content_types)
