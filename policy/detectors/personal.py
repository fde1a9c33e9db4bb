"""Personal data of other people: e-mail addresses, phone numbers, IBANs, Latvian personal codes
and payment card numbers, each found by pattern and confirmed by its validator (mod-97, the
personal-code checksum, Luhn) in the manner of Presidio's pattern recognisers, or by a form
that no other number takes (an IBAN of its country's length, sixteen digits in four groups of
four, DDMMYY-CNNNN with a real date), since people and made-up examples rarely get the check
digits right; and any number
that the words before it call an identifier ("personas kods", "account number": Presidio's
context words), which needs no validator because people mistype; and a street address that
the words before it call someone's home.

The company's own public contacts (its domains, e-mails and phones in the profile) are not
personal data and are never reported; nor are any organisation's role mailboxes (info@,
rekini@, hr@) and public lines (a number after "customer centre" or "front desk", a Latvian
landline nobody is named as holding), since posts name suppliers', partners' and new employers'
contacts that no profile lists. A number said to be a person's ("her mobile", "kolēģei Laurai")
is personal whatever stands around it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Mapping

from policy.detectors.doc import Doc, Hit
from policy.model import Profile, Rule

TYPES = ("iban", "card", "personal_code", "cued_id", "address", "email", "phone")  # also the priority on overlap

LABELS = {
    "email": ("e-pasta adrese", "e-mail address"),
    "phone": ("tālruņa numurs", "phone number"),
    "iban": ("bankas konta numurs (IBAN)", "bank account number (IBAN)"),
    "personal_code": ("personas kods", "personal identity number"),
    "card": ("maksājumu kartes numurs", "payment card number"),
    "cued_id": ("personas kods vai konta numurs", "ID or account number"),
    "address": ("dzīvesvietas adrese", "home address"),
}

# Mailboxes of a role or a team, not of a person: "info@", "rekini@", "support@", "jobs@". Any
# organisation's, not only ours: an employee of a shop in a post about their shop gives its
# inbox, and the profile cannot list every company (posts quote suppliers' and partners' too).
_ROLE_MAILBOX = re.compile(
    r"(?:info|hello|hi|contact|contacts|kontakti|kontakts|office|birojs|admin|support|help|"
    r"helpdesk|service|serviss|sales|pardosana|pārdošana|orders|order|pasutijumi|pasūtījumi|"
    r"pasutijums|booking|bookings|rezervacijas|rezervācijas|reservations|reception|recepcija|"
    r"events|pasakumi|pasākumi|press|prese|media|marketing|marketings|pr|comms|"
    r"komunikacija|komunikācija|hr|personals|personāls|jobs|careers|karjera|cv|vakances|"
    r"darbs|accounts|accounting|billing|invoices|invoice|rekini|rēķini|finance|finanses|"
    r"gramatvediba|grāmatvedība|legal|privacy|dpo|noreply|no-reply|klienti|klientu\.?serviss|"
    r"customerservice|customer\.?service|team|komanda|studio|shop|veikals|eshop|store|"
    r"feedback|atsauksmes|partners|partneri|suppliers|piegadataji|iepirkumi|procurement|"
    r"security|drosiba|it|webmaster|post|pasts|kanceleja|lietvediba|volunteer|volunteers|"
    r"brivpratigie|prakse|prakses|internships?|recruitment|recruiting|atlase|talent|"
    r"bookings?|appointments?|pieraksts|registratura|clinic|klinika|hotel|viesnica|restorans)"
    r"(?:[._-]?[a-z]{2})?",
    re.IGNORECASE,
)
# Words just before a number that make it an organisation's public line, not a person's.
_ORG_PHONE_BEFORE = re.compile(
    r"(?:company|klīnikas|klinikas|veikala|biroja|office|dienest\w*|iestād\w*|iestad\w*|"
    r"reception|recepcij\w*|front desk|desk|klientu (?:centr|serviss|apkalpošan|apkalposan)\w*|"
    r"customer (?:service|centre|center|care|line)|support|hotline|infolīnij\w*|infolinij\w*|"
    r"helpline|public line|publisk\w* (?:tālr|talr)\w*|pieraksts|pierakstīties|pierakstities|"
    r"reģistratūr\w*|registratur\w*|rezervācij\w*|rezervacij\w*|booking\w*|reservations?|"
    r"neatliekam\w* palīdzīb\w*|neatliekam\w* palidzib\w*|emergenc\w*|pasūtījum\w*|pasutijum\w*|"
    r"orders?|zvaniet mums|call us|ring us|contact us|sazinieties ar mums|maiznīcas|maiznicas|"
    r"main line|our line|phone line|landline|switchboard|pieraksts|pierakstam|"
    r"viesnīcas|viesnicas|restorāna|restorana|kafejnīcas|kafejnicas)\b[^\n\d]{0,30}$",
    re.IGNORECASE,
)
# An organisation's role mailbox right before a number ("info@… vai zvaniet 29 …"): its line too.
_MAILBOX_BEFORE = re.compile(r"([\w.+-]+)@[\w-]+(?:\.[\w-]+)+[^\n\d@]{0,30}$")
# ...unless a person is named as its holder right before it.
_PERSON_PHONE_BEFORE = re.compile(
    r"(?:viņa|viņas|viņam|viņai|vina|vinas|vinam|vinai|his|her|him|mobil\w*|personal|privāt\w*|"
    r"kolēģ\w*|koleģ\w*|koleg\w*|colleague\w*|"
    r"privat\w*|home|mājas|majas)\b[^\n\d]{0,20}$",
    re.IGNORECASE,
)

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}\b")
# Latvian numbers: 8 digits starting 2 (mobile) or 6 (landline), optional +371/00371; spaces or
# hyphens anywhere. Dots are not accepted as separators: "20.12.2024" is a date.
_PHONE_LV = re.compile(r"(?<![\w+.,])(?:(?:\+|00)\s?371[\s-]?)?[26](?:[ \-]?\d){7}(?![\d])")
_PHONE_INTL = re.compile(
    r"(?<![\w+])(?:\+|00)(?!\s?371)\d{1,3}[\s-]?(?:\(\d{1,4}\)[\s-]?)?\d(?:[\s-]?\d){6,12}(?!\d)"
)
_IBAN = re.compile(r"(?<![\w])[A-Za-z]{2}\d{2}(?:[ ]?[A-Za-z0-9]){11,30}(?![\w])")
_PERSONAL_CODE = re.compile(r"(?<![\w-])(\d{6})[-\s]?(\d{5})(?![\w-])")
# A number introduced as an identifier ("personas kods 120385-12345", "account number 1234
# 5678"): people mistype, so the words vouch for it and no checksum is asked for.
_CUED_ID = re.compile(
    r"(?:\bpersonas\s+kod\w*|\bpers\.\s*kod\w*|\bp\.\s?k\.|\bpersonal\s+(?:identity\s+|id\s+)?"
    r"(?:code|number|no\.?)|\bid\s+(?:code|number|no\.?|nr\.?)|\bidentity\s+(?:code|number)"
    r"|\bsocial\s+security\s+(?:number|no\.?)|\bssn\b|\bpassport\s+(?:number|no\.?|nr\.?)"
    r"|\bpases\s+(?:numur\w*|nr\.?)|\bkonta\s+(?:numur\w*|nr\.?)|\bkontu\s+nr\.?"
    r"|\baccount\s+(?:number|no\.?|nr\.?)|\bbankas\s+kont\w*|\bbank\s+account)"
    # The number may come a few words later ("personas kods ir uz līguma, kas stāv uz galda:
    # 251290 11223"), but within the same line.
    r"[^\d\n]{0,48}?(\d(?:[\s-]?\d){5,24})(?!\d)",
    re.IGNORECASE,
)
_CARD = re.compile(r"(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])")
# Sixteen digits in four groups of four is how a card number is written; it needs no Luhn.
_CARD_GROUPS = re.compile(r"\d{4}([ -])\d{4}\1\d{4}\1\d{4}")
# A street address said to be where someone lives ("dzīvo Brīvības ielā 150-12", "lives at
# 12 Elm Street"): a shop's address is public, so only the words about living make it personal.
_STREET = (
    r"(?:[A-ZĀČĒĢĪĶĻŅŠŪŽ][\w'-]+\s+){1,3}(?:iela|ielā|ielas|gatve|gatvē|prospekts|prospektā|bulvāris"
    r"|bulvārī|šoseja|šosejā|street|st\.|road|rd\.|avenue|ave\.|lane)\s*\d+[a-zA-Z]?(?:\s?[-/]\s?\d+)?"
    r"|\d+[a-zA-Z]?\s+(?:[A-Z][\w'-]+\s+){1,3}(?:street|st\.|road|rd\.|avenue|ave\.|lane)"
)
_ADDRESS = re.compile(
    r"(?:\bdzīvo|\bdzivo|\bdzīvoja|\bdzīvesvieta|\bmājas adrese|\bmajas adrese|\bviņa adrese"
    r"|\bviņas adrese|\blives at|\blives on|\bliving at|\bhome address|\bhis address|\bher address"
    r"|\baddress is|\badrese ir)[^\n\d]{0,20}?(" + _STREET + ")",
    re.IGNORECASE,
)
# Right after a number: units that make it an amount, not a phone ("20 000 000 EUR").
_AMOUNT_AFTER = re.compile(
    r"\s?(?:€|\$|%|eur|eiro|euro|usd|gab|cilvēk|cilvek|people|units|km|kg|m\b)", re.IGNORECASE
)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}|\d{2}-\d{2}-\d{4}")
# Thousands grouping ending in 000 is a round amount, not a phone (phones rarely end so).
_ROUND_AMOUNT = re.compile(r"\d{1,3}(?: \d{3})* 000")
_AMOUNT_BEFORE = re.compile(r"(?:€|\$|eur|eiro|usd)\s?$", re.IGNORECASE)


# A person named right before a number ("zvani Annai 67 123 456", "call Tom on ..."): a
# capitalised word that does not start a sentence, then at most a preposition.
_NAME_BEFORE = re.compile(
    r"(?<![.!?:]\s)(?<!^)(?<=\s)[A-ZĀČĒĢĪĶĻŅŠŪŽ][a-zāčēģīķļņšūž]+,?\s+(?:on|at|uz|pa|tel\.?|mob\.?)?\s*:?\s*$"
)


def _is_landline(digits: str) -> bool:
    """A Latvian landline or service number (6…, 8…), with or without +371: today nearly always an
    organisation's (people give their mobiles, 2…), so it is personal only when a person is
    named as holding it."""
    national = digits[3:] if digits.startswith("371") and len(digits) == 11 else digits
    return len(national) == 8 and national[0] in "68"


def _digits(s: str) -> str:
    return "".join(c for c in s if c.isdigit())


def iban_ok(raw: str) -> bool:
    """ISO 13616 mod-97 check of an IBAN in any spacing and case."""
    s = raw.replace(" ", "").upper()
    if not (15 <= len(s) <= 34) or not s[:2].isalpha() or not s[2:4].isdigit():
        return False
    rearranged = s[4:] + s[:4]
    try:
        return int("".join(str(int(c, 36)) for c in rearranged)) % 97 == 1
    except ValueError:
        return False


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, c in enumerate(reversed(digits)):
        d = int(c)
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


_PK_WEIGHTS = (1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def personal_code_ok(digits: str, checksum: bool = True) -> bool:
    """A Latvian personal code: since 2017 "32..." (no date, no checksum); before, DDMMYY, a
    century digit (0: 1800s, 1: 1900s, 2: 2000s) and a checksum. Company registration numbers
    (first digit 4 or more) are not personal codes. `checksum=False` accepts a code whose last
    digit is wrong: written in the code's own form, DDMMYY-CNNNN with a real date, it is one,
    and people (and made-up examples) rarely get the check digit right."""
    if len(digits) != 11:
        return False
    if digits.startswith("32"):
        return True
    dd, mm, yy, century = int(digits[0:2]), int(digits[2:4]), int(digits[4:6]), digits[6]
    if century not in "012":
        return False
    try:
        date(1800 + 100 * int(century) + yy, mm, dd)
    except ValueError:
        return False
    if not checksum:
        return True
    check = (1101 - sum(w * int(d) for w, d in zip(_PK_WEIGHTS, digits))) % 11
    return check < 10 and check == int(digits[10])


# IBAN lengths of the countries whose accounts people in Latvia meet most: an IBAN of exactly its
# country's length and shape is an account number even when its check digits are wrong.
_IBAN_LENGTHS = {"LV": 21, "LT": 20, "EE": 20, "FI": 18, "SE": 24, "DE": 22, "PL": 28, "GB": 22, "NL": 18, "DK": 18, "NO": 15}


def iban_shaped(raw: str) -> bool:
    """The country's IBAN length, check digits and, for Latvia, a 4-letter bank code."""
    s = raw.replace(" ", "").upper()
    n = _IBAN_LENGTHS.get(s[:2])
    if n is None or len(s) != n or not s[2:4].isdigit():
        return False
    return s[4:8].isalpha() if s[:2] == "LV" else s[4:].isalnum()


# ---- masking ---------------------------------------------------------------------------------


def mask(kind: str, text: str) -> str:
    """`text` with its identifying part replaced by asterisks: j***@gmail.com, +371 2*** ****."""
    if kind == "email":
        local, _, domain = text.partition("@")
        return f"{local[:1]}***@{domain}"
    if kind == "phone":
        digits = _digits(text)
        if text.lstrip().startswith(("+", "00")):
            cc = _country_code(text)
            national = digits[len(cc) + (2 if text.lstrip().startswith("00") else 0):]
            return f"+{cc} {national[:1]}{_stars(len(national) - 1)}"
        return f"{digits[:1]}{_stars(len(digits) - 1)}"
    if kind == "iban":
        s = text.replace(" ", "").upper()
        body = s[:4] + "*" * (len(s) - 8) + s[-4:]
        return " ".join(body[i : i + 4] for i in range(0, len(body), 4))
    if kind == "personal_code":
        return "******-*****"
    if kind == "cued_id":
        return re.sub(r"\d", "*", text)
    if kind == "address":
        return "***"
    if kind == "card":
        d = _digits(text)
        return "**** **** **** " + d[-4:]
    raise ValueError(kind)


def _country_code(text: str) -> str:
    m = re.match(r"\s*(?:\+|00)(\d{1,3})", text)
    return m.group(1) if m else ""


def _stars(n: int) -> str:
    """n asterisks grouped like a Latvian number: 7 -> "*** ****"."""
    if n == 7:
        return "*** ****"
    return "*" * n


# ---- the detector ----------------------------------------------------------------------------


def validate(params: Mapping[str, Any]) -> str | None:
    unknown = set(params) - {"types"}
    if unknown:
        return f"unknown parameter(s) {', '.join(sorted(map(str, unknown)))} (known: types)"
    types = params.get("types", list(TYPES))
    if not isinstance(types, (list, tuple)) or not types:
        return "types: expected a non-empty list"
    bad = [t for t in types if t not in TYPES]
    if bad:
        return f"types: unknown type(s) {', '.join(map(str, bad))} (known: {', '.join(TYPES)})"
    return None


@dataclass(frozen=True)
class PersonalData:
    types: tuple[str, ...]
    own_emails: frozenset[str]
    own_domains: tuple[str, ...]
    own_phones: frozenset[str]  # national numbers, digits only

    def find(self, doc: Doc) -> list[Hit]:
        text = doc.text
        if not any(c.isdigit() for c in text) and "@" not in text:
            # Every kind needs a digit or an at sign (addresses have a house number).
            return []  # the common case: nothing that could be personal data
        found: list[tuple[int, int, str]] = []  # (start, end, kind), in priority order
        for kind in TYPES:
            if kind in self.types:
                found.extend((s, e, kind) for s, e in self._find(kind, text))
        hits: list[Hit] = []
        taken: list[tuple[int, int]] = []
        for s, e, kind in found:
            if any(s < te and ts < e for ts, te in taken):
                continue  # an earlier (stronger) kind already covers it: a card is no phone
            taken.append((s, e))
            lv, en = LABELS[kind]
            hits.append(Hit(s, e, en if doc.lang == "en" else lv, mask(kind, text[s:e])))
        hits.sort(key=lambda h: h.start)
        return hits

    def _find(self, kind: str, text: str) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        if kind == "email":
            for m in _EMAIL.finditer(text):
                addr = m.group().lower()
                domain = addr.rpartition("@")[2]
                own = addr in self.own_emails or any(
                    domain == d or domain.endswith("." + d) for d in self.own_domains
                )
                if not own and not _role_local_part(addr):
                    out.append(m.span())
        elif kind == "phone":
            for rx in (_PHONE_LV, _PHONE_INTL):
                for m in rx.finditer(text):
                    s, e = m.span()
                    if _AMOUNT_AFTER.match(text, e) or _AMOUNT_BEFORE.search(text, max(0, s - 5), s):
                        continue
                    digits = _digits(m.group())
                    if digits[-8:] in self.own_phones or digits in self.own_phones:
                        continue
                    if _DATE.fullmatch(m.group()) or _ROUND_AMOUNT.fullmatch(m.group()):
                        continue  # 2026-12-01 is a date; "2 000 000 kukuļu" is a count
                    if rx is _PHONE_INTL and not 8 <= len(digits) <= 15:
                        continue
                    before = text[max(0, s - 60) : s]
                    if _PERSON_PHONE_BEFORE.search(before):
                        pass  # "call her mobile", "kolēģei Laurai": a person's, whatever else is near
                    elif _ORG_PHONE_BEFORE.search(before) or _role_mailbox_before(before):
                        continue  # "our customer centre 67 000 111": an organisation's public line
                    elif _is_landline(digits) and not _NAME_BEFORE.search(before):
                        continue  # a landline nobody is named as holding: an organisation's
                    out.append((s, e))
        elif kind == "iban":
            out = [m.span() for m in _IBAN.finditer(text) if iban_ok(m.group()) or iban_shaped(m.group())]
        elif kind == "cued_id":
            for m in _CUED_ID.finditer(text):
                digits = _digits(m.group(1))
                if digits[-8:] not in self.own_phones and digits not in self.own_phones:
                    out.append(m.span(1))
        elif kind == "address":
            out = [m.span(1) for m in _ADDRESS.finditer(text)]
        elif kind == "personal_code":
            for m in _PERSONAL_CODE.finditer(text):
                digits = m.group(1) + m.group(2)
                written_as_code = text[m.end(1) : m.start(2)] == "-" and personal_code_ok(digits, checksum=False)
                if personal_code_ok(digits) or written_as_code:
                    out.append(m.span())
        elif kind == "card":
            for m in _CARD.finditer(text):
                d = _digits(m.group())
                if 13 <= len(d) <= 19 and d[0] in "23456" and (luhn_ok(d) or _CARD_GROUPS.fullmatch(m.group())):
                    out.append(m.span())
        return out


def _role_local_part(addr: str) -> bool:
    return bool(_ROLE_MAILBOX.fullmatch(addr.partition("@")[0]))


def _role_mailbox_before(before: str) -> bool:
    m = _MAILBOX_BEFORE.search(before)
    return m is not None and bool(_ROLE_MAILBOX.fullmatch(m.group(1)))


def compile_rule(rule: Rule, profile: Profile) -> PersonalData:
    phones = set()
    for p in profile.phones:
        d = _digits(p)
        phones.add(d[-8:] if len(d) >= 8 else d)
    return PersonalData(
        types=tuple(rule.params.get("types", TYPES)),
        own_emails=frozenset(e.lower() for e in profile.emails),
        own_domains=tuple(d.lower().removeprefix("www.") for d in profile.domains),
        own_phones=frozenset(phones),
    )
