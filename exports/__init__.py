"""The harvest (oogst): pure functions from a finished Dialogue to Markdown, HTML, Word, PDF, CSV and JSON.

No UI and no storage here. The console and the CLI call:

- `missing_for_harvest(dialogue)`: what is still missing, in the dialogue's language; empty when ready.
- `render(dialogue, fmt, anonymous=False, tz=None) -> bytes` and
  `filename(slug, fmt, anonymous=False, lang="nl")` (pass the dialogue's language).
- `write_all(dialogue, out_dir, anonymous=False, formats=FORMATS, tz=None) -> list[Path]`.
- `to_json(dialogue, anonymous)` / `from_json(raw)` for moving a dialogue to another machine: consent
  applies, and neither holds a facilitator key or device token (the importer makes a fresh key).
- `combine(dialogues, theme=, lang=, anonymous=)` then `render_across(across, fmt)` and
  `across_filename(fmt, theme, anonymous, lang)` for the harvest across many dialogues.
"""

from .across import Across, combine
from .across_render import ACROSS_FORMATS, across_filename, render_across
from .gate import HarvestNotReady, message, missing_for_harvest, require_finished
from .json_io import FORMAT, SCHEMA_VERSION, ImportProblem, from_json, to_json
from .model import Harvest, build_harvest
from .render import FORMATS, MEDIA_TYPES, filename, render, write_all

__all__ = [
    "ACROSS_FORMATS",
    "Across",
    "FORMAT",
    "FORMATS",
    "MEDIA_TYPES",
    "SCHEMA_VERSION",
    "Harvest",
    "HarvestNotReady",
    "ImportProblem",
    "across_filename",
    "build_harvest",
    "combine",
    "filename",
    "from_json",
    "message",
    "missing_for_harvest",
    "render",
    "render_across",
    "require_finished",
    "to_json",
    "write_all",
]
