"""The Q&A engine's vocabulary: which words carry no topic, which put a question in the
policy's domain, and how a word of a question is looked up in the index.

Pure functions over folded words (see `policy.text.fold`); the word lists are data.
"""
from __future__ import annotations

import re
from typing import Iterable

from policy.model import Lang
from policy.text import stem, tokens


# Folded words that carry no topic: question words, pronouns, modals and their negations,
# auxiliaries. Kept out of both the index and the query (see `policy.qa_index` on modals).
STOP = frozenset(
    """
    vai es tu mes jus vins vina vini man mani manu mans mana manas manam manai mums musu jusu
    tev tevi tavs tava tavu savu sava savs savas saviem savam savai sev ir nav bija bus but esmu
    esam esat un ka kas ko kam kur kad cik kapec kads kada kadu kadi kadas ka tas ta to tie tam
    tad tur seit sis si so sie sim sai par uz ar pie no pec pret bez lidz lai ja bet ari jau vel
    tikai ne nu labi ok okay lugdzu ludzu tiesam vispar kaut kautko kaut ko drikst drikstu
    drikstam drikstat driksti nedrikst nedrikstu nedriksti var varu varam varat vari nevar nevaru
    vajag vajadzetu jadara jadara drikstetu varetu atlauts atlauta aizliegts aizliegta pielaujams
    pienemami tagad sodien rit kadreiz
    a an the and or but if then so to of in on at for with by from as into about over this that
    these those it its i me my mine we us our ours you your yours he him his she her they them
    their is are was were be been being am do does did doing have has had can could may might
    must shall should will would not no don't doesn't didn't can't cannot won't isn't aren't
    i'm it's is allowed allow ok okay fine alright acceptable permitted forbidden prohibited
    what which who whom whose when where why how whether any some there here just also even
    still really please hey hi anyone someone something anything
    make need use want like get got put go going come know think see look let keep try
    new old good same again now today yesterday tomorrow year time day days thing things way
    people all own one lot much many more most other another sure right actually maybe
    dien diena dienu dienas diena jaun jauns jauna jaunu jauno laba labi labu labak vis visu
    visi viss redzu redzeju dabut gribu negribu darit daru dara darisim darit
    """.split()
)

# Words that put a question in the policy's domain. Questions outside the policy are about
# logistics ("where is the printer", "kad ir algas diena"); questions inside it are about saying
# something to someone, somewhere public. A question without any of these words needs a much
# stronger match to be answered (see `QAIndex.match`). Folded prefixes catch inflection
# ("publicēšu", "publiski"); Latvian verb prefixes are tried off too ("pastāstīt" -> "stāstīt").
#
# Media words (social media, platforms, publishing) are in nearly every question, so they also
# count less in retrieval (`MEDIA_WEIGHT`): "on LinkedIn" says where, not what about.
_MEDIA_PREFIXES = (
    "social", "socia", "medij", "media", "tikl", "ierakst", "post", "publi", "share", "reshar",
    "repost", "retweet", "tweet", "twit", "tvit", "dalit", "dalos", "dalies", "dalij", "kopig",
    "facebook", "feisbuk", "insta", "linkedin", "tiktok", "youtube", "snapchat", "reddit",
    "online", "internet", "tiessaist", "website", "forum", "portal", "blog", "vlog", "profil",
    "komentar", "koment", "comment", "atzim", "tematur", "hashtag", "foto", "photo", "pictur",
    "bild", "video", "selfi", "ekranuzn", "screenshot", "zurnalist", "journalist", "reporter",
    "prese", "press", "intervij", "interview", "ietekmetaj", "influencer", "atsauksm", "review",
    "rakst", "writ", "story", "portfolio",
)
# Media words that say "in public" on their own. The others ("share", "photo", "review",
# "account", and speech words like "tell") also have everyday senses ("share my desk", "a photo
# for my ID badge"), so a question with only those needs a somewhat better match.
STRONG_MEDIA = (
    "social", "socia", "medij", "media", "tikl", "ierakst", "post", "publi", "reshar", "repost",
    "retweet", "tweet", "twit", "tvit", "facebook", "feisbuk", "insta", "linkedin", "tiktok",
    "youtube", "snapchat", "reddit", "online", "internet", "tiessaist", "website", "forum",
    "portal", "blog", "vlog", "hashtag", "tematur", "zurnalist", "journalist", "reporter",
    "prese", "press", "intervij", "interview", "ietekmetaj", "influencer", "selfi",
)
MEDIA_WORDS = frozenset("x ig fb bio tag tags konts kontu konta kontos kontam account accounts".split())
_SPEECH_PREFIXES = (
    "stast", "teikt", "sacit", "minet", "minej", "runa", "speak", "tell", "say", "said",
    "mention", "discuss", "apspried", "sudz", "complain", "kritiz", "critici", "criticiz",
    "jok", "joke", "smie", "laugh", "nirg", "mock", "rant", "vent", "gossip", "baum", "rumo",
    "slave", "praise", "pateik", "thank", "apsvei", "congratul", "zino", "zinot", "report",
    "trauksm", "whistle", "atbild", "repl", "answer", "izteik", "paust", "klus", "quiet",
    "izpaust", "disclos", "noplud", "leak", "reveal", "announc", "pazino", "express",
    "badmouth", "defam", "sauk", "nosauk", "slander", "neslav", "apmel", "promot", "reklam",
)
_SPEECH_WORDS = frozenset("saku saka".split())
# Trouble at work is in the domain too: internal-first says it is raised inside the company, not
# hushed up ("mans vadītājs mani apceļ, ko darīt?").
_TROUBLE_PREFIXES = (
    "bully", "bulli", "harass", "mobb", "mobing", "apcel", "pazemo", "kliedz", "kliegt", "shout",
    "yell", "humiliat", "discrimin", "diskrimin", "uzmak", "toxic", "toksisk", "aizskar", "unsafe",
)
OTHER_ACCOUNT = re.compile(
    r"\b(bank\w*|e-?pasta|e-?mail|email|algas|algai|payroll|parol\w*|password|wifi|vpn|datora|computer)\b"
    r".{0,20}\b(kont\w*|account\w*)|\b(kont\w*|account\w*)\b.{0,15}\b(bank\w*|algai|algas|payroll)"
)
NEGATION = frozenset("nav ne nevar not no never nekad isn't aren't don't doesn't".split())
_LV_VERB_PREFIXES = ("pa", "iz", "uz", "pie", "no", "at", "sa", "ap", "ie", "ne")
# Prefixed words whose meaning is not their root's: "pieteikt" is to apply, not to say;
# "noteikumi" are rules; "atteikt" is to refuse, "uzteikt" to quit; "aptieka" a pharmacy.
_NOT_PREFIXED = ("pieteik", "noteik", "atteik", "uzteik", "aptiek")


def starts(norm: str, prefixes: tuple[str, ...]) -> bool:
    if norm.startswith(prefixes):
        return True
    if norm.startswith(_NOT_PREFIXED):
        return False
    return any(norm.startswith(p) and norm[len(p) :].startswith(prefixes) for p in _LV_VERB_PREFIXES)


def is_media(norm: str) -> bool:
    return norm in MEDIA_WORDS or starts(norm, _MEDIA_PREFIXES)


def is_speech(norm: str) -> bool:
    return norm in _SPEECH_WORDS or starts(norm, _SPEECH_PREFIXES) or norm.startswith(_TROUBLE_PREFIXES)


def term(stem_: str) -> str:
    """An index term from a stem. The light English stemmer keeps a final "e" that its
    inflections lose ("compare" / "comparing" -> "compare" / "compar"; "write" / "writing"):
    the Q&A engine drops it on both sides so that they meet."""
    return stem_[:-1] if len(stem_) >= 4 and stem_.endswith("e") else stem_


def stems(text: str, lang: str) -> list[str]:
    """Content stems of a policy text in its own language (the index side)."""
    return [term(t.stem) for t in tokens(text, lang) if t.norm not in STOP]  # type: ignore[arg-type]


# Latvian verb forms the light stemmer leaves whole (folded): conditional "-tu" ("slavētu"),
# future "-šu/-si/-sim/-siet" ("publicēšu"), past "-ju/-ja/-jām" ("ierakstīju", "zvanīja"),
# participles "-ts/-ta/-jis/-jusi" ("saskaņojuši"), the gerund "-ot"; and the debitive prefix
# "jā-" ("jāstāsta", "jāapstiprina"). Longest first.
_LV_VERB_ENDINGS = (
    "jusies", "siet", "jusi", "jies", "jam", "jat", "jas", "sim", "jis", "tas",
    "tu", "su", "si", "ju", "ja", "ji", "ot", "ts", "ta", "ti",
)
_DEBITIVE = "ja"
PREFIX_MIN = 5  # an unknown word may match a known stem it starts with, this long at least ...
PREFIX_REST = 4  # ... when at most this many letters are left over ("produkcija" -> "produk")


def _verb_forms(norm: str) -> Iterable[str]:
    """The word without a Latvian verb ending or the debitive prefix, each stemmed."""
    bases = [norm]
    if norm.startswith(_DEBITIVE) and len(norm) - len(_DEBITIVE) >= 4:
        bases.append(norm[len(_DEBITIVE) :])
    for base in bases:
        if base is not norm:
            yield stem(base, "lv")
        for ending in _LV_VERB_ENDINGS:
            if base.endswith(ending) and len(base) - len(ending) >= 4:
                yield stem(base[: -len(ending)], "lv")
                break


def candidates(norm: str, own_stem: str, other: Lang) -> Iterable[str]:
    """The forms under which a question's word may be in the index, most likely first."""
    yield own_stem
    yield stem(norm, other)
    yield norm
    if "-" in norm:
        # "co-worker", "trash-talk": one of the parts carries the meaning, usually the last.
        for part in (norm.rsplit("-", 1)[1], norm.split("-", 1)[0]):
            if len(part) >= 3:
                yield stem(part, "en")
                yield stem(part, "lv")
    lexicalised = norm.startswith(_NOT_PREFIXED)
    forms = list(_verb_forms(norm))
    yield from forms
    for p in _LV_VERB_PREFIXES:
        # Never "ne": "nedrīkst" must not become "drīkst".
        if p != "ne" and norm.startswith(p) and not lexicalised and len(norm) - len(p) >= 4:
            yield stem(norm[len(p) :], "lv")
            yield from _verb_forms(norm[len(p) :])


# Question frames whose words are not the topic: "is there a problem with", "any issue if",
# "is it against the rules to", "vai būs problēmas, ja". "Problem" and "rules" are topics of
# two clauses, so left in they would pull every such question there.
_FRAMES = re.compile(
    r"\b(is there |are there )?(any|an?) (issue|problem)s? (with|if)\b"
    r"|\b(would|will|is|could|might) (it|that|this) be (a |an |any )?(issue|problem)\b"
    r"|\bis (it|that|this) (a|an) (issue|problem)\b"
    r"|\b(is it |is that |would it be |is this )?against (the |our |company )?(rules|policy|policies|guidelines)\b"
    r"|\bvai (ir|būs|nebūs|nav|bus|nebus) (kāda |kādas |kādu |kada |kadas )?problēm\w*,?( ja)?\b"
    r"|\bvai (ir|būs|bus) (kāda |kada )?(problēma|problema)\b"
    r"|\b(pret|pretrunā ar|pretruna ar) (noteikumiem|vadlīnijām|vadlinijam|politiku)\b",
    re.IGNORECASE,
)


def strip_frames(question: str) -> str:
    """The question without frames that are not its topic (see `_FRAMES`)."""
    return _FRAMES.sub(" ", question)
