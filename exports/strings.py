"""Every word the harvest prints, in Dutch (B1, plain) and English. Keys are English."""

from __future__ import annotations

ROLES: dict[str, dict[str, str]] = {
    "nl": {
        "resident": "Bewoner",
        "professional": "Professional",
        "municipality": "Gemeente",
        "care_welfare": "Zorg/welzijn",
        "business": "Ondernemer",
        "other": "Anders",
    },
    "en": {
        "resident": "Resident",
        "professional": "Professional",
        "municipality": "Municipality",
        "care_welfare": "Care/welfare",
        "business": "Business",
        "other": "Other",
    },
}

# One card's kind, as a word in a table cell.
KINDS: dict[str, dict[str, str]] = {
    "nl": {"none": "", "experience": "ervaring", "dream": "droom", "need": "wat nodig is", "pledge": "mijn stap"},
    "en": {"none": "", "experience": "experience", "dream": "dream", "need": "what is needed", "pledge": "my step"},
}

# A group of cards of one kind, as a heading.
KIND_HEADINGS: dict[str, dict[str, str]] = {
    "nl": {"none": "Kaartjes", "experience": "Ervaringen", "dream": "Dromen", "need": "Wat is nodig",
           "pledge": "Mijn stap"},
    "en": {"none": "Cards", "experience": "Experiences", "dream": "Dreams", "need": "What is needed",
           "pledge": "My step"},
}

MONTHS: dict[str, list[str]] = {
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"],
}

TEXT: dict[str, dict[str, str]] = {
    "nl": {
        "and": "en",
        "yes": "ja",
        "no": "nee",
        "report": "Verslag van de wijkdialoog",
        "anonymous_note": "Anonieme versie: zonder namen.",
        "theme": "Thema",
        "place": "Plaats",
        "date": "Datum",
        "time": "Tijd",
        "facilitator": "Gespreksleider",
        "duration": "Duur",
        "people": "Deelnemers",
        "contents": "Inhoud",
        "sec_people": "Wie waren er",
        "people_total_one": "1 deelnemer.",
        "people_total": "{n} deelnemers.",
        "no_phone_one": "1 deelnemer deed mee zonder telefoon.",
        "no_phone": "{n} deelnemers deden mee zonder telefoon.",
        "removed_one": "De gespreksleider heeft 1 deelnemer uit de wijkdialoog gehaald; {cards} kaartjes en "
                       "{dots} stippen van die deelnemer tellen niet mee.",
        "removed": "De gespreksleider heeft {n} deelnemers uit de wijkdialoog gehaald; {cards} kaartjes en {dots} "
                   "stippen van hen tellen niet mee.",
        "col_role": "Rol",
        "col_people": "Aantal",
        "named_heading": "Met naam in dit verslag (met toestemming)",
        "labels_note": "Wie geen toestemming gaf voor zijn of haar naam, staat in dit verslag als rol en nummer, "
                       "bijvoorbeeld \u201c{example}\u201d.",
        "labels_note_anonymous": "In deze versie staat iedereen als rol en nummer, bijvoorbeeld \u201c{example}\u201d.",
        "sec_rules": "Gespreksregels",
        "sec_rounds": "De rondes",
        "round_heading": "Ronde {n}: {title}",
        "question": "Vraag",
        "spoke_passed": "{spoke} gesproken, {passed} gepast.",
        "away": "{n} niet aan de beurt geweest (weg).",
        "everyone_heard": "Iedereen is gehoord.",
        "override": "Deze ronde is gesloten voordat iedereen gehoord was. Reden: {reason}",
        "not_heard": "Niet gehoord: {names}.",
        "round_not_closed": "Deze ronde is niet afgesloten.",
        "no_cards": "Geen kaartjes.",
        "hidden_one": "1 kaartje is verborgen door de gespreksleider en staat niet in dit verslag.",
        "hidden": "{n} kaartjes zijn verborgen door de gespreksleider en staan niet in dit verslag.",
        "round_notes": "Aantekeningen van de gespreksleider",
        "turn_notes": "Aantekeningen per beurt",
        "sec_agenda": "Wijkagenda",
        "agenda_intro": "Wat is nodig, op volgorde van het aantal stippen. Per rol zie je wie de stippen zette.",
        "agenda_empty": "Er is niet gestemd met stippen.",
        "col_rank": "Nr.",
        "col_item": "Onderwerp",
        "col_dots": "Stippen",
        "col_from": "Van",
        "sec_pledges": "Wie doet wat",
        "pledges_empty": "Er zijn geen stappen opgeschreven.",
        "col_pledge": "Stap",
        "col_who": "Wie",
        "sec_speaking": "Spreektijd",
        "speaking_intro": "Kregen bewoners echt de ruimte? Per rol zie je het deel van de spreektijd naast het "
                          "deel van de mensen.",
        "col_share_people": "Deel van de mensen",
        "col_talk": "Spreektijd",
        "col_share_talk": "Deel van de spreektijd",
        "col_felt_answers": "Antwoorden op \u201cgehoord?\u201d",
        "col_felt_average": "Gehoord (gemiddeld, 1\u20135)",
        "felt_intro": "Na de laatste ronde gaven {n} van de {people} deelnemers antwoord op de vraag \u201cVoelde je "
                      "je gehoord?\u201d, van 1 (helemaal niet) tot 5 (helemaal wel). Gemiddeld: {average}. In de "
                      "tabel staat het per rol naast de spreektijd; nooit per persoon.",
        "felt_intro_one": "Na de laatste ronde gaf 1 van de {people} deelnemers antwoord op de vraag \u201cVoelde je "
                          "je gehoord?\u201d, van 1 (helemaal niet) tot 5 (helemaal wel). Gemiddeld: {average}. In "
                          "de tabel staat het per rol naast de spreektijd; nooit per persoon.",
        "felt_words": "Woorden die mensen erbij gaven (zonder naam of rol, op alfabet): {words}.",
        "speaking_rounds": "Per ronde",
        "col_round": "Ronde",
        "col_duration": "Duur",
        "col_turns": "Beurten",
        "col_over": "Over de tijd",
        "speaking_people": "Per persoon (alleen wie daar toestemming voor gaf)",
        "col_name": "Naam",
        "sec_timeline": "Tijdlijn",
        "ev_start": "De wijkdialoog begint.",
        "ev_open": "Ronde {n} begint: {title}.",
        "ev_close": "Ronde {n} is klaar. Iedereen is gehoord.",
        "ev_override": "Ronde {n} is gesloten voordat iedereen gehoord was. Reden: {reason}. Niet gehoord: {names}.",
        "ev_finish": "De wijkdialoog is afgerond.",
        "made_with": "Gemaakt met Wijkdialoog",
        "page": "pagina {n} van {total}",
        "facilitator_label": "gespreksleider",
        "name_label": "naam",
        # File names (lower case, no spaces)
        "file_anonymous": "anoniem",
        "file_harvest": "oogst",
        "file_theme": "thema",
        # The gate
        "gate_intro": "Het verslag kan nog niet gemaakt worden. Dit ontbreekt nog:",
        "gate_pending": "Ronde {n} is nog niet gedaan",
        "gate_not_heard_one": "Ronde {n}: {names} is nog niet gehoord",
        "gate_not_heard": "Ronde {n}: {names} zijn nog niet gehoord",
        "gate_open": "Ronde {n} is nog open",
        "gate_no_rounds": "De wijkdialoog heeft nog geen rondes",
        "gate_not_finished": "De wijkdialoog is nog niet afgerond",
        # CSV columns
        "csv_round_no": "ronde_nr",
        "csv_round": "ronde",
        "csv_kind": "soort",
        "csv_text": "tekst",
        "csv_author": "auteur",
        "csv_role": "rol",
        "csv_dots": "stippen",
        "csv_hidden": "verborgen",
        "csv_theme": "thema",
        "csv_dialogue": "wijkdialoog",
        "csv_date": "datum",
        "csv_felt_round": "Voelde je je gehoord?",
        "csv_felt": "{n} antwoorden, gemiddeld {average} (1 = helemaal niet, 5 = helemaal wel); {share_talk} van "
                    "de spreektijd",
        "csv_felt_one": "1 antwoord, {average} (1 = helemaal niet, 5 = helemaal wel); {share_talk} van de "
                        "spreektijd",
        "csv_felt_none": "geen antwoorden; {share_talk} van de spreektijd",
        # Across dialogues
        "across_title": "Oogst van {n} wijkdialogen",
        "across_title_one": "Oogst van 1 wijkdialoog",
        "across_theme": "Thema: {theme}",
        "across_no_theme": "(geen thema)",
        "across_dialogues": "Wijkdialogen",
        "across_residents": "Bewoners: {residents} van de {people} deelnemers ({share}).",
        "across_dreams": "Dromen",
        "across_agenda": "Wijkagenda over alle wijkdialogen",
        "across_agenda_intro": "Op volgorde van het aantal stippen, opgeteld over de wijkdialogen.",
        "across_pledges": "Wie doet wat",
        "across_empty": "Er zijn nog geen afgeronde wijkdialogen.",
        "across_none": "Niets.",
        "across_skipped": "Niet meegenomen (nog niet afgerond): {titles}.",
        "col_dialogue": "Wijkdialoog",
        "col_residents": "Bewoners",
    },
    "en": {
        "and": "and",
        "yes": "yes",
        "no": "no",
        "report": "Report of the neighbourhood dialogue",
        "anonymous_note": "Anonymous version: without names.",
        "theme": "Theme",
        "place": "Place",
        "date": "Date",
        "time": "Time",
        "facilitator": "Facilitator",
        "duration": "Duration",
        "people": "Participants",
        "contents": "Contents",
        "sec_people": "Who took part",
        "people_total_one": "1 participant.",
        "people_total": "{n} participants.",
        "no_phone_one": "1 participant took part without a phone.",
        "no_phone": "{n} participants took part without a phone.",
        "removed_one": "The facilitator took 1 participant out of the dialogue; their {cards} cards and {dots} dots "
                       "are not counted.",
        "removed": "The facilitator took {n} participants out of the dialogue; their {cards} cards and {dots} dots "
                   "are not counted.",
        "col_role": "Role",
        "col_people": "People",
        "named_heading": "Named in this report (with consent)",
        "labels_note": "People who did not agree to have their name in the report appear as role and number, "
                       "for example \u201c{example}\u201d.",
        "labels_note_anonymous": "In this version everyone appears as role and number, "
                                 "for example \u201c{example}\u201d.",
        "sec_rules": "Ground rules",
        "sec_rounds": "The rounds",
        "round_heading": "Round {n}: {title}",
        "question": "Question",
        "spoke_passed": "{spoke} spoke, {passed} passed.",
        "away": "{n} had no turn (away).",
        "everyone_heard": "Everyone was heard.",
        "override": "This round was closed before everyone was heard. Reason: {reason}",
        "not_heard": "Not heard: {names}.",
        "round_not_closed": "This round was not closed.",
        "no_cards": "No cards.",
        "hidden_one": "1 card was hidden by the facilitator and is not in this report.",
        "hidden": "{n} cards were hidden by the facilitator and are not in this report.",
        "round_notes": "Facilitator's notes",
        "turn_notes": "Notes per turn",
        "sec_agenda": "Neighbourhood agenda",
        "agenda_intro": "What is needed, in order of the number of dots. Per role you see who placed the dots.",
        "agenda_empty": "There was no dot vote.",
        "col_rank": "No.",
        "col_item": "Item",
        "col_dots": "Dots",
        "col_from": "From",
        "sec_pledges": "Who does what",
        "pledges_empty": "No steps were written down.",
        "col_pledge": "Step",
        "col_who": "Who",
        "sec_speaking": "Speaking time",
        "speaking_intro": "Were residents really heard? Per role you see the share of talk time next to the share "
                          "of people.",
        "col_share_people": "Share of people",
        "col_talk": "Talk time",
        "col_share_talk": "Share of talk time",
        "col_felt_answers": "Answers to \u201cheard?\u201d",
        "col_felt_average": "Felt heard (average, 1\u20135)",
        "felt_intro": "After the last round, {n} of the {people} participants answered the question \u201cDid you "
                      "feel heard?\u201d, from 1 (not at all) to 5 (completely). Average: {average}. The table shows "
                      "it per role next to the talk time; never per person.",
        "felt_intro_one": "After the last round, 1 of the {people} participants answered the question \u201cDid you "
                          "feel heard?\u201d, from 1 (not at all) to 5 (completely). Average: {average}. The table "
                          "shows it per role next to the talk time; never per person.",
        "felt_words": "Words people added (without name or role, in alphabetical order): {words}.",
        "speaking_rounds": "Per round",
        "col_round": "Round",
        "col_duration": "Duration",
        "col_turns": "Turns",
        "col_over": "Over time",
        "speaking_people": "Per person (only those who agreed)",
        "col_name": "Name",
        "sec_timeline": "Timeline",
        "ev_start": "The dialogue starts.",
        "ev_open": "Round {n} opens: {title}.",
        "ev_close": "Round {n} is closed. Everyone was heard.",
        "ev_override": "Round {n} was closed before everyone was heard. Reason: {reason}. Not heard: {names}.",
        "ev_finish": "The dialogue is finished.",
        "made_with": "Made with Wijkdialoog",
        "page": "page {n} of {total}",
        "facilitator_label": "facilitator",
        "name_label": "name",
        "file_anonymous": "anonymous",
        "file_harvest": "harvest",
        "file_theme": "theme",
        "gate_intro": "The harvest cannot be made yet. This is still missing:",
        "gate_pending": "Round {n} has not been done yet",
        "gate_not_heard_one": "Round {n}: {names} has not been heard yet",
        "gate_not_heard": "Round {n}: {names} have not been heard yet",
        "gate_open": "Round {n} is still open",
        "gate_no_rounds": "The dialogue has no rounds yet",
        "gate_not_finished": "The dialogue is not finished yet",
        "csv_round_no": "round_no",
        "csv_round": "round",
        "csv_kind": "kind",
        "csv_text": "text",
        "csv_author": "author",
        "csv_role": "role",
        "csv_dots": "dots",
        "csv_hidden": "hidden",
        "csv_theme": "theme",
        "csv_dialogue": "dialogue",
        "csv_date": "date",
        "csv_felt_round": "Did you feel heard?",
        "csv_felt": "{n} answers, average {average} (1 = not at all, 5 = completely); {share_talk} of the talk time",
        "csv_felt_one": "1 answer, {average} (1 = not at all, 5 = completely); {share_talk} of the talk time",
        "csv_felt_none": "no answers; {share_talk} of the talk time",
        "across_title": "Harvest of {n} neighbourhood dialogues",
        "across_title_one": "Harvest of 1 neighbourhood dialogue",
        "across_theme": "Theme: {theme}",
        "across_no_theme": "(no theme)",
        "across_dialogues": "Dialogues",
        "across_residents": "Residents: {residents} of {people} participants ({share}).",
        "across_dreams": "Dreams",
        "across_agenda": "Agenda across all dialogues",
        "across_agenda_intro": "In order of the number of dots, added up over the dialogues.",
        "across_pledges": "Who does what",
        "across_empty": "There are no finished dialogues yet.",
        "across_none": "Nothing.",
        "across_skipped": "Left out (not finished yet): {titles}.",
        "col_dialogue": "Dialogue",
        "col_residents": "Residents",
    },
}


def lang_of(language: str) -> str:
    return language if language in TEXT else "nl"


def t(lang: str, key: str, **values: object) -> str:
    text = TEXT[lang_of(lang)][key]
    return text.format(**values) if values else text


def counted(lang: str, key: str, n: int, **values: object) -> str:
    """The singular text `key_one` for one, else `key`."""
    one = f"{key}_one"
    if n == 1 and one in TEXT[lang_of(lang)]:
        return t(lang, one, n=n, **values)
    return t(lang, key, n=n, **values)


def role_label(lang: str, role: str) -> str:
    return ROLES[lang_of(lang)].get(str(role), str(role))


def kind_label(lang: str, kind: str) -> str:
    return KINDS[lang_of(lang)].get(str(kind), str(kind))


def kind_heading(lang: str, kind: str) -> str:
    return KIND_HEADINGS[lang_of(lang)].get(str(kind), str(kind))


def join_names(lang: str, names: list[str]) -> str:
    """"Ben", "Ben en Chris", "Anna, Ben en Chris"."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {t(lang, 'and')} {names[-1]}"
