"""Capitalised names in a draft: the stand-in for named-entity recognition, which Latvian lacks
offline (shared/docs/language.md). A post that attacks "Pilsētas Ceptuve" or "Golden Crust"
attacks a business even when the profile does not list it, so `tone` rules with `names: true`
treat these spans as targets.

A name is a run of capitalised words. The first word of a sentence is capitalised anyway, so it
starts a name only when a second capitalised word follows ("Hanzas Maiznīca cep...") or it is
possessive ("Fazer's"). Function words, months, days, holidays, places and platforms are never
names, nor are short all-capital abbreviations (HR, CEO, PVD), which are other rules' business.
"""
from __future__ import annotations

from policy.detectors.doc import Doc, Span
from policy.text import fold

# Folded words that are capitalised for other reasons than being a business's name.
_NOT_NAMES = frozenset(
    fold(w)
    for w in """
    i i'm i've i'll i'd we our my the this that these those a an it its if so but and or when
    what why how who where there here today tonight tomorrow yesterday honestly seriously
    please thanks thank hi hello hey ok okay yes no not just also still never
    mūsu mans mana mēs es tu jūs viņš viņa tas tā šis šī šodien rīt vakar sveiki labdien
    paldies lūdzu jā nē bet un vai ja kad kur kāpēc kā kas tie tās vēl jau arī tikai nu
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december
    pirmdien otrdien trešdien ceturtdien piektdien sestdien svētdien pirmdiena otrdiena
    trešdiena ceturtdiena piektdiena sestdiena svētdiena janvārī februārī martā aprīlī maijā
    jūnijā jūlijā augustā septembrī oktobrī novembrī decembrī janvāris februāris marts
    aprīlis maijs jūnijs jūlijs augusts septembris oktobris novembris decembris
    christmas easter ziemassvētki ziemassvētkos ziemassvētkus lieldienas lieldienās jāņi jāņos
    līgo midsummer
    rīga rīgā rīgas rīgu riga latvija latvijā latvijas latvia latvian latvians europe eiropa
    eiropā jūrmala jūrmalā liepāja liepājā daugavpils jelgava jelgavā ogre ogrē cēsis cēsīs
    sigulda siguldā valmiera valmierā ventspils tallinn tallinā tartu vilnius viļņā
    lithuania lietuva lietuvā estonia igaunija sweden zviedrija poland polija germany vācija
    vecrīga vecrīgā imanta teika purvciems čiekurkalns mežaparks mežaparkā
    google facebook instagram tiktok twitter linkedin youtube wolt bolt tripadvisor yelp
    reddit whatsapp telegram
    """.split()
)
# A name followed by one of these is a place: "Brīvības iela", "Doma laukums".
_PLACE_WORDS = frozenset(
    fold(w)
    for w in """iela ielā ielas ielu prospekts prospektā laukums laukumā laukuma bulvāris
    bulvārī tilts street st road avenue square park parks parkā""".split()
)


def _capitalised(text: str) -> bool:
    if not text[:1].isupper() or any(c.isdigit() for c in text):
        return False
    letters = [c for c in text if c.isalpha()]
    # HR, CEO, PVD, LSM: abbreviations, not business names (all-capital words up to 4 letters).
    return not (len(letters) <= 4 and all(c.isupper() for c in letters))


def business_names(doc: Doc, skip: list[Span] = ()) -> list[Span]:  # type: ignore[assignment]
    """Runs of capitalised words that may name a business, as spans; tokens inside `skip`
    (words the caller already knows, such as "Avoid" in "Avoid Golden Crust") are not names."""
    toks, sent = doc.tokens, doc.sentence
    skipped = {i for s in skip for i in range(s.first, s.last + 1)}
    out: list[Span] = []
    i, n = 0, len(toks)
    while i < n:
        t = toks[i]
        if i in skipped or not _capitalised(t.text) or t.norm in _NOT_NAMES:
            i += 1
            continue
        j = i
        while (
            j + 1 < n and sent[j + 1] == sent[i] and j + 1 not in skipped
            and _capitalised(toks[j + 1].text) and toks[j + 1].norm not in _NOT_NAMES
        ):
            j += 1
        # A word after a skipped one ("Avoid Sunnys") is capitalised for its own sake.
        first_in_sentence = i == 0 or sent[i - 1] != sent[i]
        possessive = toks[j].norm.endswith("'s")
        place = j + 1 < n and toks[j + 1].norm in _PLACE_WORDS
        if not place and (j > i or possessive or not first_in_sentence):
            out.append(Span(i, j, toks[i].start, toks[j].end))
        i = j + 1
    return out

