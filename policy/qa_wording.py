"""What an answer says, in Latvian and English: the stance line, the basis, the next step.

An answer leads with its stance as a label ("Not allowed:", "Nav atļauts:") and then quotes the
policy, so it reads right whatever the form of the question: "Can I ...?", "Do I need ...?",
"Must I ...?" or "What should I do ...?" ("No, you may not" is wrong for "Do I need approval?").

The next step follows the sentence the answer quotes, not the clause id: a sentence about the
communications team says to ask them, one about raising problems points to /report, one about
someone's consent says whose, one about what is already public says to wait for the
announcement. Pure functions; the texts are data.
"""
from __future__ import annotations

import re

from policy.model import Lang, Stance, Text
from policy.text import fold

SAY: dict[str, dict[str, str]] = {
    "allowed": {"en": "Allowed:", "lv": "Atļauts:"},
    "not_allowed": {"en": "Not allowed:", "lv": "Nav atļauts:"},
    "depends": {"en": "It depends:", "lv": "Atkarīgs no apstākļiem:"},
    "basis": {
        "en": "“{quote}” (social media guidelines, version {version}, “{title}”)",
        "lv": "“{quote}” (sociālo mediju vadlīnijas, versija {version}, punkts “{title}”)",
    },
    "next": {"en": "Next: {step}", "lv": "Ko darīt: {step}"},
    "not_covered": {
        "en": "The social media guidelines (version {version}) don't cover this question. "
        "Please ask {whom}.",
        "lv": "Sociālo mediju vadlīnijas (versija {version}) uz šo jautājumu neattiecas. "
        "Lūdzu, jautājiet: {whom}.",
    },
    "draft_do_not_post": {
        "en": "Not allowed: don't post this as it is, it goes against the guidelines.",
        "lv": "Nav atļauts: šādu ierakstu nepublicējiet, tas ir pretrunā vadlīnijām.",
    },
    "draft_revise": {
        "en": "Not as it is: revise the draft first.",
        "lv": "Ne šādā veidā: vispirms izlabojiet melnrakstu.",
    },
    "draft_ok": {
        "en": "Allowed: I found nothing in this draft against the guidelines (version {version}).",
        "lv": "Atļauts: šajā melnrakstā neatradu neko pretrunā vadlīnijām (versija {version}).",
    },
    "draft_found": {
        "en": "{count} problems found; each one and its fix are listed with the review.",
        "lv": "Atrastas {count} problēmas; katra un tās labojums ir norādīts pārbaudē.",
    },
    "draft_found_one": {
        "en": "1 problem found; it and its fix are listed with the review.",
        "lv": "Atrasta 1 problēma; tā un tās labojums ir norādīts pārbaudē.",
    },
}

# Whose consent a sentence asks for, by the people it names (folded lv + en), in order.
_WHOSE: tuple[tuple[re.Pattern[str], dict[str, str]], ...] = (
    # A sentence about anyone's data names several kinds of people: the consent is that person's.
    (re.compile(r"citu cilvek|other people"), {"en": "the person concerned", "lv": "attiecīgajai personai"}),
    (re.compile(r"klient|client"), {"en": "the client", "lv": "klientam"}),
    (re.compile(r"koleg|colleague"), {"en": "the colleagues concerned", "lv": "attiecīgajiem kolēģiem"}),
    (re.compile(r"pircej|apmekletaj|customer|visitor"), {"en": "the customer", "lv": "pircējam"}),
)
_SOMEONE = {"en": "the person concerned", "lv": "attiecīgajai personai"}

# What to do next, by what the quoted sentence is about (folded lv + en), checked in order.
_STEPS: tuple[tuple[str, re.Pattern[str], dict[str, str]], ...] = (
    (
        "communications",
        re.compile(r"komunikacijas nodal|communications team"),
        {
            "en": "ask the communications team ({whom}) before you post, reply or set anything up.",
            "lv": "pirms publicēšanas, atbildes vai jebkā izveidošanas jautājiet komunikācijas nodaļai "
            "({whom}).",
        },
    ),
    (
        "report-above",
        re.compile(r"tieso vaditaj|own manager"),
        {
            "en": "use /report to tell senior management in confidence (anonymously if you "
            "prefer); that is still the internal route.",
            "lv": "ar /report konfidenciāli (arī anonīmi) ziņojiet augstākajai vadībai; tas joprojām "
            "ir iekšējais ceļš.",
        },
    ),
    (
        "report",
        re.compile(
            r"problem|kritik|criticis|trauksm|whistle|jainforme vadiba|management must be informed"
            r"|report (it|any problem)|zinot vadibai|ziņo augstakajai|report it to senior"
        ),
        {
            "en": "raise it inside the company first: talk to your manager, or use /report to tell "
            "management in confidence (anonymously if you prefer).",
            "lv": "vispirms risiniet to uzņēmuma iekšienē: runājiet ar savu vadītāju vai ar /report "
            "konfidenciāli (arī anonīmi) ziņojiet vadībai.",
        },
    ),
    (
        "consent",
        re.compile(r"piekrisan|piekrit|consent|agreed|agree\b|vienosan"),
        {
            "en": "ask {who} for consent first (in writing is best) and keep it; without it, leave "
            "them out.",
            "lv": "vispirms palūdziet piekrišanu {who} (vislabāk rakstiski) un saglabājiet to; bez "
            "tās viņus neminiet.",
        },
    ),
    (
        "official",
        re.compile(r"publiskoj|publiskot|oficiali pazinot|made public|announced|officially published|designated"),
        {
            "en": "share only what the company has officially published, as published; until it "
            "is announced, leave it out.",
            "lv": "dalieties tikai ar to, ko uzņēmums ir oficiāli publiskojis, tādā veidā, kā tas "
            "publiskots; kamēr tas nav paziņots, to neminiet.",
        },
    ),
)
_DEFAULT_STEP: dict[str, dict[str, str]] = {
    "allowed": {
        "en": "go ahead; if you want a second look, send your draft with /review.",
        "lv": "drīkstat publicēt; ja vēlaties, pārbaudiet melnrakstu ar /review.",
    },
    "not_allowed": {
        "en": "don't post it; if you think your case is different, ask {whom}.",
        "lv": "nepublicējiet; ja domājat, ka jūsu gadījums ir citāds, jautājiet: {whom}.",
    },
    "depends": {
        "en": "check whether the condition above applies to your case; if unsure, /review your "
        "draft or ask {whom}.",
        "lv": "pārliecinieties, vai iepriekš minētais nosacījums attiecas uz jūsu gadījumu; ja "
        "neesat pārliecināts, pārbaudiet melnrakstu ar /review vai jautājiet: {whom}.",
    },
}


def step_topic(quote: Text) -> str | None:
    """What the quoted sentence's next step is about ("communications", "report-above",
    "report", "consent", "official"), or None for the stance's default."""
    folded = fold(quote.lv + " " + quote.en)
    return next((name for name, pattern, _ in _STEPS if pattern.search(folded)), None)


def next_step(stance: Stance, quote: Text, lang: Lang, whom: str) -> str:
    """The next step for an answer that quotes `quote` with `stance`. A sentence that allows
    something outright needs no procedure unless it names one (reporting, the communications
    team)."""
    topic = step_topic(quote)
    if topic is None or (stance == "allowed" and topic in ("consent", "official")):
        return _DEFAULT_STEP[stance][lang].format(whom=whom)
    text = next(t for name, _, t in _STEPS if name == topic)[lang]
    if topic == "consent":
        # In the answer's language: Latvian "klienti" are customers as well as clients.
        folded = fold(quote.get(lang))
        who = next((w for p, w in _WHOSE if p.search(folded)), _SOMEONE)[lang]
        return text.format(who=who)
    return text.format(whom=whom)


def default_step(stance: Stance, lang: Lang, whom: str) -> str:
    return _DEFAULT_STEP[stance][lang].format(whom=whom)
