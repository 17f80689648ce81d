"""Every text format of one fixed evening, in Dutch and English, against files checked by eye.

Regenerate after an intended change with `UPDATE_GOLDEN=1 .venv/bin/pytest tests/exports`, then
read the diff in git before committing it.
"""

from __future__ import annotations

import pytest

from exports import filename, render
from exports.across import combine
from exports.across_render import render_across

from .helpers import check_golden
from .story import TZ, evening

TEXT_FORMATS = ["md", "html", "csv", "csv-nl", "json"]


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_the_evening_matches_its_golden_file(lang: str, fmt: str) -> None:
    data = render(evening(lang), fmt, tz=TZ)
    check_golden(f"{lang}/{filename('kersentuin', fmt)}", data)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("fmt", ["md", "html", "csv", "json"])
def test_the_anonymous_evening_matches_its_golden_file(lang: str, fmt: str) -> None:
    data = render(evening(lang), fmt, anonymous=True, tz=TZ)
    check_golden(f"{lang}/{filename('kersentuin', fmt, anonymous=True, lang=lang)}", data)


@pytest.mark.parametrize("fmt", ["md", "html", "csv"])
def test_the_harvest_across_two_evenings_matches_its_golden_file(fmt: str) -> None:
    across = combine([evening("nl"), evening("en")], lang="nl", tz=TZ)
    check_golden(f"across/oogst.{fmt}", render_across(across, fmt))


def test_rendering_twice_gives_the_same_bytes() -> None:
    dialogue = evening("nl")
    assert render(dialogue, "md", tz=TZ) == render(dialogue, "md", tz=TZ)
    assert render(dialogue, "html", tz=TZ) == render(evening("nl"), "html", tz=TZ)
