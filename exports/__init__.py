"""The harvest (oogst): pure functions from a finished Dialogue to Markdown, HTML, Word, PDF, CSV and JSON.

No UI and no storage here. The console and the CLI call:

- `missing_for_harvest(dialogue)`: what is still missing, in the dialogue's language; empty when ready.
- `render(dialogue, fmt, anonymous=False, tz=None) -> bytes` and `filename(slug, fmt, anonymous)`.
- `write_all(dialogue, out_dir, anonymous=False, formats=FORMATS, tz=None) -> list[Path]`.
- `to_json(dialogue, anonymous)` / `from_json(raw)` for moving a dialogue to another machine.
- `exports.across` for the harvest across many dialogues.
"""

from .gate import HarvestNotReady, message, missing_for_harvest, require_finished
from .json_io import FORMAT, SCHEMA_VERSION, ImportProblem, from_json, to_json
from .model import Harvest, build_harvest
from .render import FORMATS, MEDIA_TYPES, filename, render, write_all

__all__ = [
    "FORMAT",
    "FORMATS",
    "MEDIA_TYPES",
    "SCHEMA_VERSION",
    "Harvest",
    "HarvestNotReady",
    "ImportProblem",
    "build_harvest",
    "filename",
    "from_json",
    "message",
    "missing_for_harvest",
    "render",
    "require_finished",
    "to_json",
    "write_all",
]
