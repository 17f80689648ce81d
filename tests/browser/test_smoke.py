"""The app starts from the command line and serves its pages to a real browser, from its own host only."""

from __future__ import annotations

from urllib.parse import urlparse


async def test_home_page_loads_only_from_its_own_host(server, browser, artefacts):
    context = await browser.new_context(viewport={"width": 1280, "height": 720})
    page = await context.new_page()
    hosts: set[str] = set()
    page.on("request", lambda request: hosts.add(urlparse(request.url).netloc))
    await page.goto(f"{server.url}/?key={server.key}")
    await page.wait_for_load_state("networkidle")
    assert await page.get_by_text("Wijkdialoog De Linde", exact=False).count() >= 1
    await page.screenshot(path=str(artefacts / "smoke-home.png"))
    assert hosts == {urlparse(server.url).netloc}
    await context.close()
