"""What the bot itself says, in Latvian and English. The policy's own words live in the YAML."""
from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "help": {
        "en": (
            "I coach you on our social-media guidelines (policy {version}).\n"
            "• Ask me anything: \"Can I post a photo of our client's shop?\"\n"
            "• /review <your draft> — I check a post before you publish it.\n"
            "• /report — tell leadership about a problem, privately (anonymously if you like).\n"
            "• /report status <case id> [receipt] — see replies to your report.\n"
            "• /policy — the guidelines in one screen.\n"
            "What you send me stays between you and me."
        ),
        "lv": (
            "Es palīdzu ievērot mūsu sociālo mediju vadlīnijas (versija {version}).\n"
            "• Jautājiet: \"Vai drīkstu publicēt foto no klienta veikala?\"\n"
            "• /review <melnraksts> — pārbaudu ierakstu pirms publicēšanas.\n"
            "• /report — privāti (arī anonīmi) ziņojiet vadībai par problēmu.\n"
            "• /report status <lietas nr.> [kvīts] — atbildes uz jūsu ziņojumu.\n"
            "• /policy — vadlīnijas vienā ekrānā.\n"
            "Tas, ko man rakstāt, paliek starp mums."
        ),
    },
    "greeting": {
        "en": "Hi! Ask me whether something is fine to post, or send /review with your draft. /help shows everything.",
        "lv": "Sveiki! Jautājiet, vai kaut ko drīkst publicēt, vai sūtiet /review ar savu melnrakstu. /help parāda visu.",
    },
    "thanks": {
        "en": "You're welcome. Post well!",
        "lv": "Lūdzu! Veiksmīgus ierakstus!",
    },
    "policy_header": {
        "en": "{title} — version {version}, in force since {effective}.",
        "lv": "{title} — versija {version}, spēkā no {effective}.",
    },
    "policy_footer": {
        "en": "Ask me about any of these, or /review a draft.",
        "lv": "Jautājiet par jebkuru no tiem vai pārbaudiet melnrakstu ar /review.",
    },
    "review_usage": {
        "en": "Send the draft after the command: /review We are hiring a baker!",
        "lv": "Ierakstiet melnrakstu aiz komandas: /review Meklējam maiznieku!",
    },
    "too_long": {
        "en": "That is {length} characters; I review up to {limit}. Send a shorter part.",
        "lv": "Tās ir {length} rakstzīmes; es pārbaudu līdz {limit}. Sūtiet īsāku daļu.",
    },
    "unknown_command": {
        "en": "I don't know /{command}. /help lists what I can do.",
        "lv": "Komandu /{command} nezinu. /help parāda, ko protu.",
    },
    "error": {
        "en": "Something went wrong on my side and nothing you sent was lost or shared. Please try again in a minute.",
        "lv": "Man radās kļūda; nekas no jūsu sūtītā nav zudis vai nodots citiem. Lūdzu, mēģiniet vēlreiz pēc minūtes.",
    },
    "wrong_verdict_thanks": {
        "en": "Thanks — noted (only the clause and policy version are counted, not your text).",
        "lv": "Paldies — atzīmēts (tiek skaitīts tikai punkts un versija, ne jūsu teksts).",
    },
    # ---- reporting ----
    "report_title": {"en": "Report a problem", "lv": "Ziņot par problēmu"},
    "report_submit": {"en": "Send privately", "lv": "Nosūtīt privāti"},
    "report_category": {"en": "What is it about?", "lv": "Par ko tas ir?"},
    "report_text": {"en": "What happened?", "lv": "Kas notika?"},
    "report_text_hint": {
        "en": "Only leadership will read this.",
        "lv": "To lasīs tikai vadība.",
    },
    "report_link": {"en": "Link (optional)", "lv": "Saite (nav obligāta)"},
    "report_anonymous": {"en": "Keep me anonymous", "lv": "Saglabāt manu anonimitāti"},
    "category_other": {"en": "Something else", "lv": "Kas cits"},
    "report_unavailable": {
        "en": "Reporting is not set up here yet. Please tell your manager or the communications team directly.",
        "lv": "Ziņošana te vēl nav iestatīta. Lūdzu, vērsieties pie sava vadītāja vai komunikācijas nodaļas.",
    },
    "report_received": {
        "en": "Thank you. Your report reached leadership and no one else.\nCase id: {case_id}",
        "lv": "Paldies. Jūsu ziņojums ir nonācis pie vadības un pie neviena cita.\nLietas nr.: {case_id}",
    },
    "report_receipt": {
        "en": (
            "You are anonymous. Your receipt: {receipt}\n"
            "Keep it secret and safe: it is shown only this once, and with it you can read replies: "
            "/report status {case_id} {receipt}"
        ),
        "lv": (
            "Jūs esat anonīms. Jūsu kvīts: {receipt}\n"
            "Glabājiet to noslēpumā: tā tiek parādīta tikai vienreiz, un ar to varat lasīt atbildes: "
            "/report status {case_id} {receipt}"
        ),
    },
    "report_outside": {
        "en": "You may also report to the competent authorities; in Latvia, the whistleblowing contact point is trauksmescelejs.lv.",
        "lv": "Jūs varat ziņot arī kompetentajām iestādēm; Latvijā — trauksmescelejs.lv.",
    },
    "report_status_usage": {
        "en": "Use: /report status <case id> [receipt], e.g. /report status SM-2026-0042",
        "lv": "Lietojiet: /report status <lietas nr.> [kvīts], piem. /report status SM-2026-0042",
    },
    "report_in_channel": {
        "en": "I'll continue privately — check your direct messages with me.",
        "lv": "Turpināšu privāti — skatiet mūsu privāto saraksti.",
    },
    "not_found": {"en": "There is no case {case_id}.", "lv": "Lietas {case_id} nav."},
    "not_allowed": {
        "en": "You can't see case {case_id}.",
        "lv": "Jūs nevarat skatīt lietu {case_id}.",
    },
    "case_status": {
        "en": "Case {case_id} — {status}, opened {created}.",
        "lv": "Lieta {case_id} — {status}, atvērta {created}.",
    },
    "case_no_replies": {"en": "No replies yet.", "lv": "Atbilžu vēl nav."},
    "open_case": {"en": "Open case", "lv": "Atvērt lietu"},
    "ack_case": {"en": "Acknowledge", "lv": "Apstiprināt saņemšanu"},
    "reply_case": {"en": "Reply to reporter", "lv": "Atbildēt ziņotājam"},
    "close_case": {"en": "Close", "lv": "Slēgt"},
    "reply_title": {"en": "Reply to the reporter", "lv": "Atbilde ziņotājam"},
    "reply_field": {"en": "Your reply", "lv": "Jūsu atbilde"},
    "close_title": {"en": "Close the case", "lv": "Slēgt lietu"},
    "close_field": {"en": "Outcome", "lv": "Iznākums"},
    "reply_sent": {"en": "Reply saved for {case_id}; the reporter will see it.", "lv": "Atbilde lietai {case_id} saglabāta; ziņotājs to redzēs."},
    "case_closed": {"en": "Case {case_id} closed.", "lv": "Lieta {case_id} slēgta."},
    "case_acknowledged": {"en": "Case {case_id} acknowledged.", "lv": "Lietas {case_id} saņemšana apstiprināta."},
    "no_open_cases": {"en": "No open cases.", "lv": "Atvērtu lietu nav."},
    "required": {"en": "Please fill this in.", "lv": "Lūdzu, aizpildiet."},
    # ---- review rendering ----
    "verdict_ok": {"en": "✅ OK — looks good, no issues found.", "lv": "✅ OK — izskatās labi, problēmu nav."},
    "verdict_revise": {"en": "✏️ Revise before posting.", "lv": "✏️ Pirms publicēšanas labojiet."},
    "verdict_do_not_post": {"en": "⛔ Do not post this.", "lv": "⛔ Nepublicējiet šo."},
    "finding": {"en": "“{excerpt}” — {title} ({clause}, v{version})", "lv": "“{excerpt}” — {title} ({clause}, v{version})"},
    "why": {"en": "Why", "lv": "Kāpēc"},
    "fix": {"en": "Fix", "lv": "Labojums"},
    "show_clause": {"en": "Show clause", "lv": "Rādīt punktu"},
    "wrong_verdict": {"en": "This verdict is wrong", "lv": "Šis vērtējums ir kļūdains"},
    # A clean verdict carries no other verdict word, so its feedback button does not say "wrong".
    "missed": {"en": "Missed something? Tell us", "lv": "Kaut kas palaists garām? Pasakiet"},
    "policy_version": {"en": "Policy {version}", "lv": "Vadlīnijas {version}"},
}

STATUS = {
    "new": {"en": "received", "lv": "saņemta"},
    "acknowledged": {"en": "acknowledged by leadership", "lv": "vadība apstiprinājusi saņemšanu"},
    "closed": {"en": "closed", "lv": "slēgta"},
}


def t(key: str, lang: str, **values: object) -> str:
    """The text `key` in `lang` (English when the language is unknown), formatted with values."""
    entry = TEXTS[key]
    text = entry.get(lang) or entry["en"]
    return text.format(**values) if values else text
