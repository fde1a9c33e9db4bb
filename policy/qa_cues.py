"""What a question says about the act it asks about, beyond its topic: cues for the stance.

Topic words find the clause; they say little about the stance, because every clause has both
polarities ("mention a competitor neutrally" / "mock a competitor"). What decides is how the act
is qualified: mocking, swearing, secretly, without consent, before it is announced (the policy
forbids it); thanking, congratulating, already published, they agreed, internally (it allows
it); "what should I do", "does management ..." (a procedure or a condition). `read_cues` finds
those qualifiers in the folded question, in Latvian (with or without diacritics) and English.

Pure functions over folded text; the patterns are data, one line per idea.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, fields

from policy.text import fold


def _any(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


# ---- the act is one the policy forbids -----------------------------------------------------------

# Ridicule, complaint, disparagement, gossip: saying bad things about someone in public.
_RIDICULE = _any(
    r"\b(mock\w*|make fun|making fun|made fun|laugh(ing|ed)? (at|about)|jok(e|es|ing) about|gloat\w*"
    r"|ridicul\w*|roast\w*|tease\w*|trash[- ]?talk\w*|bad[- ]?mouth\w*|slag\w*|insult\w*|humiliat\w*"
    r"|rant\w*|vent(ing)? about|moan\w* about|whin\w*|complain\w*|criticis\w*|criticiz\w*|call(ing)? out"
    r"|bash\w*|slam\w*|shame\w*|diss\b|defam\w*|slander\w*|libel\w*|disparag\w*|smear\w*"
    r"|rumou?rs?|gossip\w*|spread\w*)",
    r"\b(\w*smie\w*|\w*smej\w*|\w*nirgaj\w*|\w*nirga\w*|zobo\w*|\w*jokot\w* par|jok\w* par"
    r"|\w*kritiz\w*|\w*sudz\w*|niev\w*|apmel\w*|neslav\w*|nomelno\w*|baum\w*|tenk\w*|melo\b|izsmie\w*)",
)
# Bad language and harsh judgements (of a product, a boss, a customer, a competitor).
_HARSH = _any(
    r"\b(swear\w*|curs(e|es|ing)|profan\w*|obscen\w*|vulgar\w*|f-word|offensive|hateful|racist\w*"
    r"|slurs?|garbage|trash|crap\w*|awful|terrible|horrible|disgusting|gross|sucks?|useless"
    r"|incompetent|idiots?|stupid|dumb|clowns?|pathetic|lazy|rude|annoying|drunk|weird\w*|ugly"
    r"|fat|stingy|cheap|burnt|a joke|is a joke|poison\w*|scam\w*|liars?|frauds?|cheat(s|ers|ing)?|bad|worse|worst"
    r"|flop\w*|bullies|bully\w*|shout(s|ed|ing)?\b(?!-)|yell\w*|scream\w*)\b",
    r"\b(lam(a|u|aj|at|as)\w*|rupj(?!maiz)\w*|nekitr\w*|aizskar\w*|naid\w*|diskrimin\w*|slikt\w*|dran\w*|sausmig\w*"
    r"|briesmig\w*|pretig\w*|riebig\w*|nekompetent\w*|stulb\w*|idiot\w*|mulk\w*|dumj\w*|debil\w*"
    r"|sud(s|i|u|ig\w*|ain\w*)\b|mesl\w*|nejedzig\w*|bezjedzig\w*|neizdev\w*|piedzer\w*|dzeruma\w*|apcel\w*"
    r"|kliedz\w*|neciesam\w*|izgazan\w*|izgazas|kaka\b|kaitin\w*|divain\w*|neglaimoj\w*|slink\w*|melis|meli|zagl\w*)\b",
)
# Secrecy, no consent, not yet public, speaking for the company: the conditions the policy sets,
# denied.
_WITHOUT = _any(
    # Someone's consent, not a manager's approval: "without approval" is what trust-oversight
    # allows ("without prior approval").
    r"\bwithout (their |his |her |the \w+'?s? |anyone'?s? )?(consent|permission|agreement|ok|okay)\b",
    r"\bwithout asking (them|him|her|the \w+|anyone|people)\b|\bwithout a contract\b"
    r"|\bwithout (their|his|her) knowledge\b|\bwithout (them|him|her) knowing\b|\bbez (vina|vinas|vinu) ziņas\b|\bbez (vina|vinas|vinu) zinas\b",
    r"\bwithout (saying|telling|mentioning|disclosing|revealing|admitting|noting) (that |so |it |i |we )",
    r"\bwithout (saying|telling|mentioning|disclosing) (so|it)\b",
    r"\b(secretly|in secret|behind \w+ back|fake (account|profile|name|review)s?|anonymous\w* (review|post|account|comment)s?"
    r"|pretend\w*|posing as|pose as|sock ?puppet\w*|under (a |another |a different )?(fake |false )?name"
    r"|second account|another account|without being asked)\b",
    r"\bbez (vinu |vina |vinas |klienta |kolega |kolegu |pirceja |to |tas )?(atlaujas|piekrisanas|jautasanas|ligum\w*)\b",
    r"\b(vinam nejautajot|vinai nejautajot|viniem nejautajot|nepasakot|nesakot|nenoradot,? ka|neatklajot,? ka|nepieminot,? ka|neminot,? ka|slepus|slepeni"
    r"|viltus|viltot\w*|izliekoties|izlikties|uzdoties|uzdodoties|ar citu vardu|cita varda|sveša varda"
    r"|svesa varda|otru kontu|otra konta|anonim\w* (atsauksm|komentar|ierakst|kont)\w*)\b",
)
# Anonymous praise or reviews hide who wrote them; anonymous reports to management are fine.
_ANONYMOUS = re.compile(r"\b(anonym\w*|anonim\w*)\b")
# Said to be not public yet, in so many words ("before it's announced", "vēl nav paziņots").
# "Before I post it" is about the asker's own post, not about an announcement.
_NOT_ANNOUNCED = _any(
    r"\bbefore\b(?! i\b)(?! i'm\b)(?! posting)(?! publishing).{0,40}\b(announc\w*|publish\w*|official\w*|release\w*|launch\w*|opens|opening"
    r"|public|comes out|is out|says anything)",
    r"\bnot (yet |even )?(been )?(announced|published|public|official|released)\b|\bunannounced\b",
    r"\b(hasn'?t|haven'?t|has not|have not|isn'?t|aren'?t|wasn'?t) (yet )?(been )?(announced|published|made public|released|official)",
    r"\b(go|goes|going|will go|will be|are|is) (public|announced|out|official)\b.{0,10}\b(next|tomorrow|later|on (monday|tuesday|wednesday|thursday|friday))",
    r"\b(confidential|secret|internal (document|e-?mail|memo|meeting|slide|figure|number|dashboard|presentation|report)s?"
    r"|leak\w*|insider|under nda)\b",
    r"\bpirms\b(?! publices)(?! publicet)(?! es\b)(?! ievieto)(?! ierakst).{0,40}(pazino\w*|publice\w*|publisko\w*|oficial\w*"
    r"|izzino\w*|iznak\w*|izlaid\w*|palais\w*|laisan\w*|atklas\w*|atvers\w*)",
    r"\b(vel nav|nav vel|vel neviens|neizzinot\w*|nepazinot\w*|nepublicet\w*|nepubliskot\w*)\b",
    r"\b(konfidencial\w*|slepen\w*|nopludin\w*|ieksej\w* (dokument|e-?past|sapulc|prezentacij)\w*|ieksej\w* informacij\w*)\b",
)
# About the company's future: plans, which are not public until announced.
_FUTURE = re.compile(
    r"\b(upcoming|next (year|month|quarter)|are planning|we plan|we'?re planning|plans to|going to (open|close|buy)"
    r"|nakamgad\w*|nakamaja gada|nakammenes\w*|planoj\w*|plano\w*|atversim|ieiesim)\b"
)
_FOR_THE_COMPANY = _any(
    r"\b(on behalf of|in the name of|speak(ing)? for|as the company|the company'?s (official )?(position|view|stance)"
    r"|our company (supports|backs|endorses|stands)|(company|we) (supports?|backs?|endorses?) (a |the )?(party|candidate))",
    r"\b(uznemuma varda|firmas varda|kompanijas varda|oficiala nostaja|musu (uznemums|firma) atbalsta|uznemums atbalsta)\b",
)

# ---- the act is one the policy allows -----------------------------------------------------------

_KIND = _any(
    r"\b(congrat\w*|thank\w*|grateful|appreciat\w*|welcome\w*|celebrat\w*|proud|praise\w*|compliment\w*"
    r"|neutral\w*|factual\w*|wish(ing)? \w+ (luck|well)|good luck|shout-?out)\b",
    r"\b(apsvei\w*|sveic\w*|pateikties|pateicos|pateicamies|pateicib\w*|paldies|lepoj\w*|lepn\w*|neitral\w*"
    r"|faktos|novel\w*|uzslav\w*|slavet\w*|pozitiv\w*)\b",
)
_ALREADY_PUBLIC = _any(
    r"\b(official (statement|announcement|press release|post|news)|press release|already (been )?(announced|published|public|out|posted)"
    r"|(once|after|now that|since) (it'?s |it is |they'?re |they are |the company (has |have )?|it has been |they have been |the company )?"
    r"(announced|published|publishes|announces|made (it |them )?public|officially|public|out)"
    r"|publicly available|(company|it|they) (announced|published|put out|released)|put out (a|an) (statement|apology)"
    r"|(menu|public|listed|advertised|shop|website) prices?|prices? (on|in) (the |our )?(menu|website|shop|window)|price list"
    r"|already (in (the )?shops|on sale|available|in stores)"
    r"|(share|reshare|repost|retweet)\w* (the |our |a )?(company'?s?|bakery'?s?|employer'?s?) (own )?(\w+ )?"
    r"(post|video|news|story|reel|tweet|update|announcement)s?"
    r"|is (now )?public|are (now )?public|the announcement)\b",
    r"\b(jau (ir )?(oficiali )?(pazinot\w*|publiskot\w*|publicet\w*|izzinot\w*|pazinoj\w*|publiskoj\w*)"
    r"|oficial\w* (pazinojum|relizi|ierakst|zin)\w*|preses reliz\w*|kad (uznemums |tas |tie |tos )?(to |tos )?(ir |bus )?"
    r"(oficiali )?(publicet|publiskot|pazinot|izzinot|publice|publisko|pazino)\w*"
    r"|(uznemums|firma|vadiba|ceptuve|maiznica) (jau )?(oficiali )?(pazinoja|publiskoja|publiceja)"
    r"|jau (ir )?(veikalos|pardosana|nopērkam\w*|nopirkt)"
    r"|(share|reshare|repost|retweet|dalit\w* ar|parpublic\w*) (musu|our|the company'?s) (\w+ )?(reklam\w*|ads?|advert\w*"
    r"|campaign\w*|kampan\w*|video\w*|ierakst\w*|posts?)"
    r"|cenradi\w*|edienkart\w*|publisk\w* cen\w*|cenas (veikala|majas lapa|edienkarte)"
    r"|(parpublic\w*|dalit\w* ar|kopig\w*) (musu )?(uznemuma|firmas|ceptuves|maiznicas) (\w+ )?(ierakst|video|jaunum|zin|stast|pazinojum)\w*)\b",
    # Out in the open already: "went up on our website", "it's public knowledge". (In the news is
    # not the company's publishing: careful readers answer "it depends" to those.)
    r"\b(went|is|are|was|were|it'?s|they'?re) (up|out|live) on (our|the|their) (\w+ ){0,2}(website|site|page|blog)"
    r"|\b(it'?s|is|already) public (info|information|knowledge|record)\b",
    r"\b(ir |jau )(publicet|ievietot|ielikt)\w* (musu |uznemuma |firmas )?(majas ?lap|saita|web)\w*"
    r"|\bpubliski (pieejam|zinam)\w*|\bpubliska informacija\b",
)
_CONSENT = _any(
    r"\b(agree|agreed|agrees|consent\w*|signed off|approved|permission|said yes|says yes|ok with it"
    r"|okay with it|fine with it|they'?re fine|doesn'?t mind|don'?t mind|gave (me )?(the )?(ok|go-ahead)"
    r"|piekrit\w*|piekris\w*|vienojies|vienojamies|vienosan\w*|atlauj\w*|atlauts|atlauja|atlava"
    r"|atlavis|nav pret|neiebilst|saskanoj\w*)\b",
    # Asked for it themselves, or said it is fine: "she asked me to post it", "he said I can",
    # "everyone's ok with it", "viņa pati palūdza", "teica, ka var likt", "visi ir ok ar to".
    r"\b(himself|herself|themselves)\b.{0,20}\b(asked|offered|wanted|suggested)\b"
    r"|\b(he|she|they|everyone|everybody|all of them|the (customer|client|guest|patient|couple|family)) "
    r"(asked me to|asked us to|wants me to|wanted me to|told me to|offered|suggested)"
    r"|\bsaid (i|we) (can|could|may|should)\b|\b(are|is|was|were|all|everyone'?s?) (totally |all )?(ok|okay|fine|happy|cool) with (it|that|this)\b"
    r"|\bwith (their|his|her) (blessing|ok)\b",
    r"\b(pats|pati|pasi|pasas)\b.{0,20}\b(palu[gd]\w*|lu[gd]z\w*|piedavaj\w*|gribeja|ierosinaj\w*|aicinaj\w*)"
    r"|\b(teica|teikusi|teicis|atrakstija|saka),? ka (var|drikst|ir (ok|okei|okej|labi|kartiba))\b"
    r"|\b(ir )?(ok|okei|okej) ar to\b|\bvisi (teica|piekrita|ir (ok|okei|okej|ar mieru))|\bar mieru\b"
    r"|\bpalu[gd]z\w* (mani|man|lai)\b",
)
_NO_CONSENT = re.compile(
    r"\b(without|no|not|bez|nav|ne|haven'?t|hasn'?t|didn'?t|neesam|nav)\b(\s+\S+){0,2}\s+(their |vinu )?"
    r"(agree|agreed|consent\w*|permission|piekris\w*|atlauj\w*|saskanoj\w*|said yes)"
    r"|\bneesam\b.{0,20}\bsaskanoj\w*|\bnav\b.{0,20}(piekritis|piekritusi|atlavis|atlavusi)"
    # Refused in so many words: "the couple said no", "viņš teica, ka negrib".
    r"|\b(said|says|told me) no\b|\b(doesn'?t|don'?t|didn'?t) want (it|to be|me to)\b|\brefus\w*"
    r"|\b(teica|saka|teikusi|teicis),? ka (negrib|nevel|nepiekrit)\w*|\bnepiekrit\w*|\batteic\w*"
    # Not asked, or not told: "I haven't asked comms", "he doesn't know I took it", "neprasot".
    r"|\b(didn'?t|haven'?t|hasn'?t|have not|did not|never) (even )?ask(ed)?\b|\bwithout asking\b"
    r"|\b(doesn'?t|does not|don'?t|didn'?t) know (i|we|about)\b"
    r"|\bneprasi\w*|\bneprasot\b|\bneesmu (vel )?(\w+ )?(prasij|jautaj)\w*|\bnejautaj\w*|\bnezina,? ka\b|\bbez (\w+ )?(\w+ )?zinas\b"
    # Asked not to: "the client asked us not to mention them", "lūdza mūs nepieminēt".
    r"|\b(asked|told|begged) (us|me|everyone|people) not to\b|\b(pa)?lu[gd]z\w* (mus |mani |visus )?ne(piemin|min|public|rad|liec|liek|lik|rakst|ievieto|izlik)\w*"
)
_WITHOUT_CONSENT = re.compile(
    r"\bwithout (their |his |her )?(consent|permission)|\bwithout asking (them|him|her)"
    r"|\bwithout (their|his|her) knowledge|\bwithout (them|him|her) knowing|\bbez (vina|vinas|vinu) zinas"
)
_INTERNAL = _any(
    r"\b(report\w*|tell|talk\w*|speak\w*|raise\w*|flag\w*|mention\w*|escalat\w*|discuss\w*|complain\w*)\b"
    r".{0,40}\b(to|with) (my |the |our |senior |top )?(manager|management|boss|supervisor|team lead|leadership|hr|director|ceo)\b",
    r"\b(internally|internal chat|team chat|internal channel|/report|through the bot|via the bot|in private|privately)\b",
    r"^\W*(should|can|may|must|do) i (report|flag|tell on)\b|^\W*vai (man )?(drikstu |vajag |jā)?zinot\b",
    r"\b(tell|inform|notify|warn|alert) (my |the |our |senior |top )?(manager|management|boss|supervisor|team lead|leadership|hr)\b",
    r"\b(zinot|zinoju|pateikt|pastastit|informet|runat|sudzeties|pasudzeties)\b.{0,30}\b(vadibai|vaditajam|prieksniekam"
    r"|direktoram|valdei|personaldalai)\b",
    r"\b(iekseji|ieksej\w* (terzesan|cat|kanal|sarakst)\w*|konfidencial\w* zino\w*|privat\w* zinojum\w*)\b",
)
_OWN = _any(
    r"\b(my (own )?(salary|pay|wage|wages|income|earnings|hourly rate|paycheck|job title|title|role|position)"
    r"|what i (earn|make|get paid)|how much i (earn|make|get paid)|i earn|i make \d|i get paid"
    r"|(i|i'?ve) (got|get|received|had) a (raise|pay rise|bonus|promotion)|my (raise|pay rise|payslip|pay slip|bonus))\b",
    r"\b((mana|manu|savu|savas|sava|mans) (alg\w*|atalgojum\w*|amat\w*|ienakum\w*)|cik (es )?(pelnu|nopelnu|sanemu)"
    r"|cik man maksa|es pelnu|es nopelnu|man (pielika|paaugstinaja) algu|mana algas lapin\w*)\b",
)

# Taking back or fixing one's own post, which the policy asks for: "can I just delete it?",
# "vai varu izdzēst savu ierakstu?".
_REMEDY = _any(
    r"\b(can|could|may|should) i (just |still |now |quietly )?(delete|remove|take down|edit|correct|fix"
    r"|take (it|this|that|the post|my post) (down|off))\b",
    r"\bvai (es |man )?(varu |drikstu |vajadzetu |vajag )?(to |so |savu |manu )?(vienkarsi |tagad |vel )?"
    r"(izdzest|dzest|nonemt|izlabot|labot|rediget)\b",
)


# The asker's own account is linked to the employer: the bio names it, their name is on the
# company's website ("my bio says I work at ...", "profilā redzams, kur strādāju"). Then a
# personal opinion is fine only as the clause's conditions say: it depends.
_LINKED = _any(
    r"\b(bio|profile|about section|about me|headline|linkedin|insta\w*|twitter|x|fb|facebook|channel|page)"
    r"( \w+)? (says|shows|mentions|lists|names|states|has|said)\b(?! nothing)(?! no\b)"
    r".{0,30}\b(i work|where i work|my (employer|job|workplace|company|title)|i'?m (a|an|the) |works? (at|for)|\| )"
    r"|\b(says|shows|mentions|lists) (where i work|my (employer|job|workplace|company))\b"
    r"|\bmy (name|photo|face)( (and|\+|&) (my )?(name|photo|face|picture))? (is|are) on (the|our) (\w+'?s? )?"
    r"('our \w+' |our \w+ |team |staff |doctors |website'?s? )?(website|site|page)",
    r"\b(profil\w*|bio\w*|aprakst\w*) (ir |tiek )?(redzams|redzama|minets|mineta|noradits|noradita|rakstits|rakstita"
    r"|rada)\b|\b(mans |mana )?(profils|bio) to rada\b|\bmans (fb |insta\w* |linkedin )?profils to rada"
    r"|\b(darbavieta|darba vieta|darba devejs|amats) (ir |tiek )?(redzam|minet|noradit)\w*"
    r"|\b(mans|mana) (vards|bilde|foto) (ir )?(uznemuma|musu|firmas) (majas ?lap|lap)\w*",
)


# Opinions on public matters, which the clause's conditions are about (a linked account posting
# holiday photos is just a personal account).
_OPINION = _any(
    r"\b(opinions?|views?|take on|politic\w*|elections?|vot(e|ing)|part(y|ies)|reform|law|tax\w*|petition\w*"
    r"|religio\w*|faith|protest\w*|referendum|government|council|minister\w*|vaccin\w*|comment on)\b",
    r"\b(viedokl\w*|uzskat\w*|politik\w*|velesan\w*|balsot|balso\w*|partij\w*|reform\w*|likum\w*|nodokl\w*"
    r"|religij\w*|ticib\w*|protest\w*|petic\w*|referendum\w*|valdib\w*|saeim\w*|pasvaldib\w*|vakcin\w*|komentet)\b",
)


# The problem is out already: in the news, or customers are talking about it in public.
_IN_NEWS = _any(
    r"\b((in|on) the news|news (article|story|stories|coverage|site|portal)s?|articles?|newspapers?|journalists?"
    r"|reporters?|(press|media|papers) (wrote|reported|report|are|is|picked)|on (delfi|tvnet|lsm)|already on \w+"
    r"|all over (the )?(news|twitter|x|social media|facebook|reddit)|went viral"
    r"|(customers|people|clients) (are )?(already )?(complaining|asking|raging|angry|talking) (publicly|on|online|about it))\b",
    r"\b(raksts|rakstu|rakstus|portal\w*|medij\w*|prese|presei|zurnalist\w*|delf\w*|tvnet|lsm|avize\w*"
    r"|(klienti|cilveki) (jau )?(sudzas|trako|raksta|jauta|runa) (publiski|twitteri|tviteri|facebook\w*|fb|socialajos|internet\w*))\b",
)

# "Sociālie mediji" are where the asker posts, not the news.
_SOCIAL_MEDIA = re.compile(r"\bsocial\w* medij\w*")

# The asker says openly what the policy asks to be said: "I'll write 'gifted by ...'", "full
# disclosure, I work there", "skaidri norādot, ka tā ir dāvana".
_DISCLOSED = _any(
    r"\b(full disclosure|gifted by|#ad|#sponsored|#gifted|#partner\w*|clearly (marked|labell?ed) as|with a disclaimer"
    r"|(say|said|saying|state|stating|mention|mentioning|note|noting|disclose|disclosing|write|writing|make it clear)"
    r"( upfront| openly| clearly| in the post)?( that)? (i work (for|at|here)|it'?s (a gift|gifted|sponsored|an ad|paid)"
    r"|it was (a gift|gifted|free|comped|paid)|they (were|are) (a gift|gifted|free)))",
    r"\b((skaidri |atklati )?(norad\w*|pasak\w*|uzrakst\w*|piemin\w*|atzim\w*),? ka (ta|tas|tas ir|tas bija|ta ir|es stradaju)"
    r"( \w+)? (davana|davanas|reklam\w*|apmaksat\w*|sadarbib\w*|uznemum\w*)|#reklama|#sadarbiba|sadarbibas ierakst\w*)",
)


# ---- the question asks for a procedure or a condition, not a permission -------------------------

_HOW = _any(
    r"\b(what (should|do|can|shall) i (do|say)|what if|what happens|what to do|who (should|do|can|shall) i (tell|ask|talk|report|contact)"
    r"|where (do|can|should) i (report|complain|go)|how (do|should|can) i (respond|react|handle|deal|report)"
    r"|should i (answer|reply|respond|keep|say|tell)|not sure|unsure|i don'?t know (if|whether)"
    r"|who (is|are) (allowed|supposed|meant)|who (can|may|gets to) (post|run|manage))\b",
    r"\b(ko (lai |man )?(dara|darit|daru|saka|saku|teikt|atbild\w*)|ka (man )?(rikoties|reaget|atbildet)"
    r"|kam (man )?(zinot|pateikt|pastastit|jautat|jazino)|kur (man )?(zinot|sudzeties|vērsties|versties)"
    r"|nezinu,? vai|neesmu parliecinat\w*|vai man (jaatbild|jazino|jasaka)|kur(s|am|i)? (drikst|var|ir atlauts))\b",
)
# "Does management read ...", "vai vadība skatās ...": about what others do, i.e. oversight.
_THIRD_PERSON = _any(
    r"^\W*(does|do|will|would|can|could|is|are|may|might)\s+(the |my |our )?(company|management|manager|boss|employer"
    r"|supervisor|hr|leadership|they|anyone|someone|director|ceo)\b",
    r"^\W*vai\s+(uznemums|vadiba|(mans )?(vaditajs|prieksnieks|darba devejs|sefs)|kads|vini|direktors|personaldala)\b",
)


@dataclass(frozen=True)
class Cues:
    """The qualifiers a question states; each field is evidence for one stance.

    `harm` and `kind` are counts of matched ideas (not words), so one long rant is not more
    evidence than one word of it."""

    harm: int = 0  # the act is forbidden as asked (ridicule, harsh words)
    covert: bool = False  # secretly, without saying so, on the company's behalf
    kind: int = 0  # the act is a benign one (thanks, congratulations, neutral, already public)
    consent: bool | None = None  # True: the question says consent is given; False: denied
    not_public: bool = False  # about something not yet announced, or the company's plans
    unannounced: bool = False  # said in so many words to be not announced yet
    already_public: bool = False  # about something already published
    internal: bool = False  # about raising or discussing it inside the company
    own: bool = False  # about one's own pay or title
    remedy: bool = False  # about deleting or correcting one's own post
    linked: bool = False  # an opinion on public matters from an account linked to the employer
    in_news: bool = False  # the problem is out already: in the news, talked about in public
    disclosed: bool = False  # says openly it was a gift, paid, or that they work there
    how: bool = False  # asks what to do, or states a doubt
    third_person: bool = False  # asks what the company or management does
    public: bool = False  # says where in public: a platform, "publicly" (set by the index)


def read_cues(question: str) -> Cues:
    """The cues of one question (see the module docstring)."""
    f = fold(question)
    consent: bool | None = None
    if _NO_CONSENT.search(f) or _WITHOUT_CONSENT.search(f):
        consent = False
    elif _CONSENT.search(f):
        consent = True
    unannounced = bool(_NOT_ANNOUNCED.search(f))
    not_public = unannounced or bool(_FUTURE.search(f))
    already = bool(_ALREADY_PUBLIC.search(f)) and not re.search(
        r"\bbefore\b.{0,40}\b(announc|publish|official)|\bpirms\b.{0,40}(pazino|publice|publisko|oficial)", f
    )
    internal = bool(_INTERNAL.search(f))
    return Cues(
        harm=int(bool(_RIDICULE.search(f))) + int(bool(_HARSH.search(f))),
        covert=bool(
            _WITHOUT.search(f) or _FOR_THE_COMPANY.search(f) or (_ANONYMOUS.search(f) and not internal)
        ),
        kind=int(bool(_KIND.search(f))) + int(already),
        consent=consent,
        not_public=not_public and not already,
        unannounced=unannounced and not already,
        already_public=already,
        internal=internal,
        own=bool(_OWN.search(f)),
        remedy=bool(_REMEDY.search(f)),
        linked=bool(_LINKED.search(f)) and bool(_OPINION.search(f)),
        in_news=bool(_IN_NEWS.search(_SOCIAL_MEDIA.sub(" ", f))),
        disclosed=bool(_DISCLOSED.search(f)),
        how=bool(_HOW.search(f)),
        third_person=bool(_THIRD_PERSON.search(f)),
    )


def merge_cues(a: Cues, b: Cues) -> Cues:
    """The cues of two wordings of one question (an example question's lv and en): either
    wording's evidence counts (counts: the larger; flags: either; consent: the first one stated)."""
    merged: dict[str, object] = {}
    for f in fields(Cues):
        x, y = getattr(a, f.name), getattr(b, f.name)
        if f.name == "consent":
            merged[f.name] = x if x is not None else y
        elif isinstance(x, bool):
            merged[f.name] = x or y
        else:
            merged[f.name] = max(x, y)
    return Cues(**merged)  # type: ignore[arg-type]
