"""While someone fills in the join form, the phone fetches what its view will need (pages/join_form.py)."""

from __future__ import annotations

import re

from nicegui.testing import User

from facilitator_app.pages.join_form import prefetched

from .conftest import join_as
from .join_http import open_form


async def test_the_form_prefetches_the_files_the_phone_view_loads(user: User, setup):
    dialogue = setup.dialogue()
    form = await open_form(user, dialogue.join_code)
    asked = re.findall(r'<link rel="prefetch" href="([^"]+)"', form.text)
    assert asked == list(prefetched())
    for address in asked:  # every one is served (a NiceGUI update that renames a file shows here)
        assert (await user.http_client.get(address)).status_code == 200, address
    await join_as(user, dialogue.join_code, "Anna")
    view = (await user.http_client.get(f"/join/{dialogue.join_code}")).text
    loaded = {a or b for a, b in re.findall(
        r'(?:src|href)="(/(?:_nicegui|wd-static)/[^"]+)"|@import url\("(/_nicegui/[^"]+)"\)', view)}
    # Everything the view's page asks for first was fetched while the form was filled in (phone.js was
    # already loaded by the form itself).
    assert loaded - set(asked) <= {a for a in loaded if "phone.js" in a}, loaded - set(asked)
    assert len(loaded) >= 5, loaded
