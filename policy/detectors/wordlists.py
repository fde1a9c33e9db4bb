"""The project's own word lists, named so rules can refer to them (`lists: [profanity]`).

No package has a usable Latvian list (see shared/docs/language.md), so these are written here.
They follow the term syntax of `patterns.py` and are matched on whole, folded words, which is what
keeps "Scunthorpe", "sūdzība" (complaint), "pistācija" and "jebkurš" (any) out of trouble:

- `=word` exact folded word, for short words or where a prefix would catch innocent words
  ("=pist" but not "pistole"; "=bļin" but not "blini", pancakes on a menu);
- `word*` a prefix that no common innocent word shares;
- `word`  the word and its inflections through the light stem ("sūds" -> "sūdi", "sūdu").

They hold the words themselves only: whether a word is a problem in context (an insult about a
customer, a negative word about a competitor) is decided by the rules in guidelines.yaml.
"""
from __future__ import annotations

from typing import Mapping

from policy.detectors.tone_words import TONE_WORDLISTS


def _terms(lang: str, text: str) -> tuple[tuple[str, str], ...]:
    return tuple((w, lang) for w in text.split())


PROFANITY_LV = _terms(
    "lv",
    """
    =bļaģ =blaģ =bļat =bļeģ =bļin pizd* pizģ* =huiņa =huiņu =huiņas =hujņa =hujņu
    =hujs =huja =hujā =nahuj =nahuiņ =pohuj =pohuiņ =nahren joban* =jebal =jebat =jopt
    =pist =pisties =pisies =pizies =nopisies =aizpisies =atpisies =sapisa =pisiens =pisējs
    =dirst =dirsa =dirsā =dirsu =dirsas =izdirsies =aizdirsies dirsēj* sūds sūdīg* =sūdains
    mauka mēsls pimpis =pimpja peža kuce
    """,
)

PROFANITY_EN = _terms(
    "en",
    """
    fuck* =motherfucker =motherfuckers shit* =bullshit bitch* asshole* =arsehole =dumbass
    =jackass cunt* =dickhead =dickheads =cocksucker =bastard =bastards =piss =pissed =twat
    =wanker =wankers =wtf =stfu =slut =sluts =whore =whores =goddamn =bollocks
    """,
)

# Slurs: words whose only use is to demean a group. Where folding would make a slur collide
# with an innocent word ("žīds" vs "zīds", silk), only the forms that do not collide are listed.
SLURS = _terms(
    "any",
    """
    nigger* =nigga =niggas =ņiga =ņigas =ņigeri =ņigers ņeger* nēģer* pidar* =pideri =pideras
    =pīderis pederast* =pediks =pediki =žīdi =žīdus =žīdiem =žīdeļi čurk* =vatņiks =vatņiki
    =vatniks =vatniki =dauņi =dauņis =dauņus faggot* =fag =fags retard =retards =retarded
    =tranny =trannies =kike =kikes =spic =spics =chink =chinks =gook =gooks =paki =pakis
    =wetback =wetbacks =towelhead =raghead =subhuman =subhumans zemcilvēk*
    """,
)

# Words that insult a person; a problem when aimed at someone (customers, colleagues,
# competitors), so rules pair them with a target.
INSULTS = _terms(
    "any",
    """
    idiot* debil* kretīn* stulb* muļķ* dumj* =dumš nejēg* =lohs =lohi =lohu =lops =lopi =lopu
    =lopiem =ķēms =ķēmi ķēmīg* =nūģis =nūģi =nelga =nelgas =mērglis =bāba =bābas =slinķis
    =slinķi =tupais =tupā =tupi =dauņis =dauņi =vecene =cūka =aitasgalva
    =moron =morons =moronic =stupid =dumb =imbecile =imbeciles =clueless =dimwit =halfwit
    =loser =losers =freak =weirdo =psycho =karen =clown =clowns =pathetic =brainless
    =airhead =fatso =ugly =dumbest =stupidest =idiots =jerk =jerks =twit =numpty =muppet =prat
    =dumjā =dumjais =dumjie =mērkaķis =mērkaķi
    """,
)

# Negative judgements of quality or honesty (of a product, a company, a competitor, a boss).
NEGATIVE = _terms(
    "any",
    """
    slikt* draņķ* šausmīg* briesmīg* pretīg* riebīg* nekvalitatīv* nejēdzīg* krāp* apkrāp*
    =zagļi =zagļu =zaglis apzag* indīg* netīr* =mēsls =mēsli =sūds =sūdi =sūdu sūdīg*
    bezjēdzīg* nekompetent* nespējīg* neprofesionāl* nesvaig* sastāvēj* pelējuš* neēdam*
    pārcen* bezgaumīg* =kauns =smird smirdīg* smirdoš* negodīg* =meļi =melo melīg* nožēlojam*
    nevērtīg* =nevajadzīgs =garlaicīgs garlaicīg* =vājš =vāja =vāji =katastrofa katastrofāl*
    =bad =worse =worst =terrible =awful =horrible =garbage =trash =crap =crappy =rubbish
    =disgusting =gross =filthy =dirty scam* =rip-off =ripoff =cheat =cheats =cheating =cheaters
    =fraud =frauds =liars =lying =useless =incompetent =overpriced =stale =poison =poisonous
    =sucks =suck =joke =inedible =mediocre =shady =dishonest =unprofessional =thieves =lousy
    =toxic =sloppy =pathetic =nightmare
    bezcerīg* bezatbildīg* drausmīg* kaunpiln* apkaunojoš* smieklīg* absurd* muļķīg* negaršīg*
    bezgaršīg* sapuv* =kartons =kartona =kartonu alkatīg* korumpēt* nelegāl* blēž* =blēdis
    blēdīg* nekaunīg* augstprātīg* nepieklājīg* =haoss =bardaks =murgs =elle vājprāt* =ņirga
    =hopeless =pointless =appalling =atrocious =dreadful =crooks =crooked =scammers =shameful
    =disgrace =disgraceful =embarrassing =ridiculous =absurd =nonsense =amateurs =amateurish
    =cardboard =tasteless =bland =soggy =rotten =nasty =vile =revolting =greedy =corrupt
    =unethical =illegal =sketchy =lies =lie =ignores =ignored =ignoring =mess =chaos =clowns
    =jerks =hell =horrendous =abysmal =unbearable =miserable
    """,
)

WORDLISTS: Mapping[str, tuple[tuple[str, str], ...]] = {
    "profanity_lv": PROFANITY_LV,
    "profanity_en": PROFANITY_EN,
    "slurs": SLURS,
    "insults": INSULTS,
    "negative": NEGATIVE,
    **TONE_WORDLISTS,  # targets and tone of the `tone` detector (tone_words.py)
}
