"""The Dutch and English words a sign-up list may use: column names, roles, yes and no, languages.

Compared after casefolding and squeezing spaces, so "Geen Telefoon" and "zorg / welzijn" match.
"""

from __future__ import annotations

from .model import Role

HEADERS: dict[str, tuple[str, ...]] = {
    "name": ("naam", "name", "volledige naam", "full name"),
    "role": ("rol", "role"),
    "neighbourhood": ("wijk", "buurt", "neighbourhood", "neighborhood"),
    "no_phone": ("geen telefoon", "no phone", "zonder telefoon", "without phone", "geen smartphone",
                 "no smartphone"),
    "language": ("taal", "language"),
    "together": ("samen met", "together with", "graag samen met"),
    "apart": ("niet samen met", "apart from", "not together with", "niet bij", "not with"),
}
HEADER_KEY = {alias: key for key, aliases in HEADERS.items() for alias in aliases}
ROLE_WORDS: dict[Role, tuple[str, ...]] = {
    Role.RESIDENT: ("bewoner", "buurtbewoner", "wijkbewoner", "inwoner", "resident"),
    Role.PROFESSIONAL: ("professional", "professioneel"),
    Role.MUNICIPALITY: ("gemeente", "municipality", "council"),
    Role.CARE_WELFARE: ("zorg/welzijn", "zorg en welzijn", "zorg", "welzijn", "care/welfare", "care and welfare",
                        "care", "welfare"),
    Role.BUSINESS: ("ondernemer", "business", "entrepreneur"),
    Role.OTHER: ("anders", "other", "overig", "overige"),
}
ROLE_OF = {word: role for role, words in ROLE_WORDS.items() for word in (*words, role.value)}
YES = frozenset({"ja", "j", "yes", "y", "x", "1", "waar", "true", "\u2713", "\u2714"})
NO = frozenset({"", "nee", "n", "no", "0", "onwaar", "false", "-"})
LANGUAGE_WORDS = {
    "nederlands": "nl", "dutch": "nl", "engels": "en", "english": "en", "arabisch": "ar", "arabic": "ar",
    "turks": "tr", "turkish": "tr", "pools": "pl", "polish": "pl", "duits": "de", "german": "de",
    "frans": "fr", "french": "fr", "spaans": "es", "spanish": "es", "oekraïens": "uk", "ukrainian": "uk",
}
