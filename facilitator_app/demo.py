"""The sample dialogue that `wijkdialoog --demo` (and `make run`) adds when there is none."""

from __future__ import annotations

import time

from rounds.people import join

from .store import Store

DEMO_TITLE = "Wijkdialoog De Linde \u2014 thuis in je buurt"


def ensure_demo(store: Store, lang: str = "nl") -> str:
    for slug in store.slugs():
        try:
            if store.load(slug).title == DEMO_TITLE:
                return slug
        except Exception:  # a damaged file is reported on its own page; the demo still starts
            continue
    now = time.time()
    dialogue = store.create(
        title=DEMO_TITLE, theme="thuis", now=now, place="Buurthuis De Linde",
        date=time.strftime("%Y-%m-%d"), language=lang,
    )
    join(dialogue, "Marja", "resident", now)
    join(dialogue, "Henk", "resident", now, has_phone=False)
    store.save(dialogue)
    return dialogue.slug
