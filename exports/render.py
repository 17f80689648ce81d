"""One entry point for every format: render one file in memory, or write them all to a folder."""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterable
from datetime import tzinfo
from pathlib import Path

from rounds import Dialogue

from .gate import require_finished
from .html_report import to_html
from .json_io import to_json
from .md import to_markdown
from .model import Harvest, build_harvest
from .spreadsheet import to_csv
from .strings import t

FORMATS = ("md", "html", "docx", "pdf", "csv", "csv-nl", "json")
MEDIA_TYPES = {
    "md": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "csv": "text/csv; charset=utf-8",
    "csv-nl": "text/csv; charset=utf-8",
    "json": "application/json",
}


def filename(slug: str, fmt: str, anonymous: bool = False, lang: str = "nl") -> str:
    """`<slug>.md`, `<slug>-excel.csv`; anonymous in the dialogue's language (`lang`):
    `<slug>-anoniem.pdf`, `<slug>-anoniem-excel.csv` in Dutch, `<slug>-anonymous.pdf` in English."""
    _known(fmt)
    safe = re.sub(r"[^\w.-]+", "-", slug).strip(".-") or "wijkdialoog"  # never a path, never hidden
    base = f"{safe}-{t(lang, 'file_anonymous')}" if anonymous else safe
    return f"{base}-excel.csv" if fmt == "csv-nl" else f"{base}.{fmt}"


def _known(fmt: str) -> None:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")


def _text(text: str) -> bytes:
    return text.encode("utf-8", "replace")  # "replace": a lone surrogate from a hand-edited import


def _bytes(dialogue: Dialogue, harvest: Harvest | None, fmt: str, anonymous: bool, tz: tzinfo | None) -> bytes:
    if fmt == "json":
        return _text(to_json(dialogue, anonymous))
    view = harvest or build_harvest(dialogue, anonymous, tz)
    if fmt == "md":
        return _text(to_markdown(view))
    if fmt == "html":
        return _text(to_html(view))
    if fmt == "docx":
        from .word import to_docx  # Word and PDF libraries weigh ~35 MiB: loaded by the first export only

        return to_docx(view)
    if fmt == "pdf":
        from .pdf import to_pdf

        return to_pdf(view)
    return to_csv(view, excel_nl=fmt == "csv-nl")


def render(dialogue: Dialogue, fmt: str, anonymous: bool = False, *, tz: tzinfo | None = None) -> bytes:
    """One harvest file in memory. Raises HarvestNotReady for an unfinished dialogue.

    `tz`: the time zone for clock times; None is this machine's, which is the room's.
    """
    _known(fmt)
    require_finished(dialogue)
    return _bytes(dialogue, None, fmt, anonymous, tz)


def _write_atomic(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_all(dialogue: Dialogue, out_dir: str | Path, anonymous: bool = False,
              formats: Iterable[str] = FORMATS, *, tz: tzinfo | None = None) -> list[Path]:
    """Write the harvest in each format to out_dir; returns the paths. Refuses an unfinished dialogue."""
    wanted = list(dict.fromkeys(formats))
    for fmt in wanted:
        _known(fmt)
    require_finished(dialogue)
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    harvest = build_harvest(dialogue, anonymous, tz) if any(f != "json" for f in wanted) else None
    paths = []
    for fmt in wanted:
        path = folder / filename(dialogue.slug, fmt, anonymous, dialogue.language)
        _write_atomic(path, _bytes(dialogue, harvest, fmt, anonymous, tz))
        paths.append(path)
    return paths
