"""What people write instead of the policy's own words: concepts for the Q&A engine.

The policy says "customers", "management", "profanity", "salary"; people ask about "the old lady
who comes in every day", "my boss", "swear words", "how much I earn". Curated keywords close that
gap for finding the clause, but the stance is decided by the clause's *sentences*, which use the
policy's wording only. A concept below names the policy's words for an idea (both languages) and
a pattern of what people write instead; a question that matches the pattern gets the policy's
words as extra, lighter query terms (`policy.qa_index.CONCEPT_WEIGHT`).

Patterns run over folded text (lower case, no diacritics: "pircējs" -> "pircejs"). Keep each
pattern to words that mean the concept on their own in a question about posting.
"""
from __future__ import annotations

# (the policy's distinctive word for it, lv and en; folded regular expression of what people write
# instead). One word a language: generic words ("internal", "data") would pull in every clause.
CONCEPTS: tuple[tuple[str, str], ...] = (
    # ---- people ------------------------------------------------------------------------------
    (
        "vadība management",
        r"\b(boss\w*|ceo|director\w*|supervisor\w*|team ?lead\w*|line manager|head of|higher-ups|leadership"
        r"|prieksniek\w*|prieksniec\w*|sef(s|am|u|a)?|direktor\w*|valde\w*|vaditaj\w*|menedzer\w*|brigadier\w*)\b",
    ),
    (
        "kolēģi colleagues",
        r"\b(co-?workers?|teammates?|workmates?|colleagues?|kolleg\w*|koleg\w*|darbabiedr\w*|komandas biedr\w*)\b",
    ),
    (
        "pircēji customers",
        r"\b(shoppers?|guests?|visitors?|regulars?|old lady|a lady|the lady|this lady|old man|a guy|this guy|some guy"
        r"|pircej\w*|apmekletaj\w*|vies(is|i|im|u|iem)|kundz\w*|tant\w*|onkul\w*|vecene\w*|vecis|vecitis"
        r"|who (comes|came) in|at the (till|counter|checkout)|pie letes|kase|celebrit\w*|famous \w+|singers?|actors?"
        r"|actress\w*|slavenib\w*|slaven\w* \w+|dziedataj\w*|aktier\w*|aktris\w*|klient(s|u|am|a|e|i|iem|us)\b(?! logo))\b",
    ),
    (
        "konkurenti competitors",
        r"\b(rivals?|competition|the other bakery|another bakery|other bakeries|konkurent\w*|konkurenc\w*"
        r"|cita maiznica|citas maiznicas|citu maiznic\w*|cita ceptuve)\b",
    ),
    (
        "žurnālisti journalists",
        r"\b(reporters?|press(?! releas)|journalists?|newspapers?|tv|radio|media outlet|news site|zurnalist\w*|reportier\w*"
        r"|prese(?! reliz)\w*|avize\w*|televizij\w*|lsm|delfi|tvnet|tv3|ltv)\b",
    ),
    (
        "ietekmētāji influencers",
        r"\b(influencers?|bloggers?|youtubers?|tiktokers?|creators?|ietekmetaj\w*|blogeri?\w*|influenser\w*)\b",
    ),
    # ---- what is said --------------------------------------------------------------------------
    (
        "rupjības profanity",
        r"\b(swear\w*|curs(e|es|ing)|cuss\w*|f-word|f-bomb|obscen\w*|vulgar\w*|bad words|lamu ?vard\w*|lamat\w*"
        r"|lamaj\w*|rupj(i|us|as|ie|o) vard\w*|rupji\b|necenzet\w*|nekitr\w*)\b",
    ),
    (
        "ņirgāties mock jokot joke",
        r"\b(make fun|making fun|made fun|laugh\w* at|joke about|joking about|jokes about|tease\w*|ridicul\w*"
        r"|roast\w*|smieties par|pasmie\w*|izsmie\w*|apsmie\w*|zobot\w*|pazobo\w*|jokot par|pajokot)\b",
    ),
    (
        "kritizēt criticise",
        r"\b(rant\w*|vent(ing)? about|moan\w*|whin\w*|bash\w*|slam\w*|call out|calling out|trash[- ]?talk\w*"
        r"|sudzet\w*|pasudz\w*|zeloties|pukst\w*|kritiz\w*)\b",
    ),
    (
        "nievāt disparage",
        r"\b(garbage|trash|crap\w*|awful|terrible|horrible|worst|sucks?|useless|disgusting|badmouth\w*|bad-mouth\w*"
        r"|a flop|inedible|overpriced|draņķ\w*|dran\w*|sausmig\w*|briesmig\w*|pretig\w*|sliktak\w*|riebig\w*|nekam nederig\w*"
        r"|negarsig\w*|neizdev\w*)\b",
    ),
    (
        "baumas rumours",
        r"\b(gossip\w*|hearsay|heard that|i heard|rumou?r\w*|unconfirmed|not sure (it'?s|if it'?s) true|tenk\w*"
        r"|dzirdeju|runa, ka|runa ka|esot)\b",
    ),
    (
        "humors humour",
        r"\b(memes?|funny|jokes?|joking|humou?r\w*|mem(s|u|i|e|iem)|smiekl\w*|jok(s|i|u|us|iem)|joc\w*|humor\w*)\b",
    ),
    (
        "pateikties thank",
        r"\b(thanks|thank-you|grateful|appreciat\w*|shout-?out|paldies|pateic\w*|pateikties)\b",
    ),
    (
        "apsveicot congratulating",
        r"\b(congrat\w*|well done|good luck|apsvei\w*|novelet\w* veiksm\w*)\b",
    ),
    # ---- what is shown ---------------------------------------------------------------------------
    (
        "foto photos",
        r"\b(pictures?|pics?|selfies?|images?|snaps?|snapshots?|group photo|bild\w*|atel\w*|fotogr\w*|selfij\w*)\b",
    ),
    (
        "ekrānuzņēmumus screenshots",
        r"\b(screen ?grabs?|screencaps?|screen ?shots?|ekransavin\w*|ekranuzn\w*|skrinsot\w*)\b",
    ),
    (
        "dokumentus documents",
        r"\b(memos?|slides?|presentations?|minutes|whiteboard|internal chat|staff chat|emails?|prezentacij\w*|slaid\w*"
        r"|protokol\w*|tafel\w*|e-?past\w*|sapulc\w*|dokument\w*)\b",
    ),
    (
        "kontaktiem contact",
        r"\b(phone numbers?|mobile numbers?|home address\w*|addresses|date of birth|id codes?|personal codes?"
        r"|telefon\w*|talrun\w*|adres\w*|personas kod\w*|dzimsanas dat\w*)\b",
    ),
    (
        "veselības health",
        r"\b(sick\w*|ill|illness|doctor'?s?|medical|hospital\w*|injur\w*|broken (leg|arm)|diagnos\w*|pregnan\w*"
        r"|slim\w*|arst\w*|slimnic\w*|veselib\w*|lauzt\w*|grutniec\w*)\b",
    ),
    (
        "ekrāni screens",
        r"\b(monitors?|computer screens?|dashboards?|ekran\w*|displej\w*)\b",
    ),
    # ---- the company's information ----------------------------------------------------------------
    (
        "alga salary",
        r"\b(earn|earns|earning|earnings|income|wages?|paid|paycheck\w*|payslip\w*|hourly|per hour|bonus\w*"
        r"|pelnu|nopelnu|pelna|pelnit|ienakum\w*|prem\w*|stunda|stundas likm\w*|man maksa|(a|my|pay) raise|pay rise"
        r"|pay ?slips?|algas lapin\w*|pielika algu|algas pielikum\w*)\b",
    ),
    (
        "peļņu profit finanšu financial",
        r"\b(sales|turnover|revenue\w*|profits?|margins?|(?<!phone )numbers|figures|losses|in the red|q[1-4]|quarterly"
        r"|apgrozijum\w*|pelna|pelnu|pelnam|ienemum\w*|zaudejum\w*|mars\w*|skaitl\w*|ceturksn\w*|financ\w*|finans\w*"
        r"|bankrupt\w*|bankrot\w*|debts?|in debt|parad(s|u|us|os|iem|a)|losing money|cash flow|naudas (grutib|trukum)\w*)\b",
    ),
    (
        "plānus plans",
        r"\b(plann?ing|planned|roadmap|upcoming|going to (open|buy|launch|close)|will open|to buy|to acquire|acquir\w*"
        r"|merg\w*|launch\w*|expan(d|ds|ding|sion)\b|paplasin\w*|planoj\w*|planot\w*|atversim|ieiesim|nopirk\w*"
        r"|iegad\w*|jaun\w* (veikal|filial|ceptuv|produkt)\w*|palaid\w*|(getting|being) (bought|acquired|sold)|bought by"
        r"|takeover|taken over|parnem\w*|apvieno\w*|pirks mus|perk mus|mus perk|mus pirks)\b",
    ),
    (
        "produktiem products",
        r"\b(bread|loaf|loaves|cakes?|croissants?|pastr(y|ies)|buns?|cookies?|rye|sourdough|baguettes?|maiz\w*|rupjmaiz\w*"
        r"|kuk(a|as|u|am|u|ām)\b|kukas|kruasan\w*|bulcin\w*|pirag\w*|cepum\w*|tort(e|es|i|u)\b|produkcij\w*)\b",
    ),
    (
        "klientus client",
        r"\b(clients?|accounts? like|klient\w*|pasutitaj\w*|sadarbibas partner\w*|rimi|maxima)\b",
    ),
    (
        "darījumus apjomus deals volumes",
        r"\b(orders? (worth|of|for|from)|ordered|volumes?|how much \w+ (pays|paid|buys|bought|orders|ordered|spends)"
        r"|deals?|contracts?|apjom\w*|cik (daudz|liel\w*) \w*|darijum\w*|ligum\w*|kontrakt\w*)\b",
    ),
    (
        "portfolio",
        r"\b(portfolio|case stud\w*|my work samples|darbu izlas\w*|portfolij\w*)\b",
    ),
    # ---- the company's channels -------------------------------------------------------------------
    (
        "oficiālajos official",
        r"\b(company'?s? (page|account|instagram|facebook|tiktok|linkedin|profile|channel)|brand account|official page"
        r"|uznemuma (lap|kont|instagram|facebook|profil)\w*|oficial\w* (lap|kont|profil)\w*)\b",
    ),
    (
        "izveidot create",
        r"\b((make|create|start|open|launch|set up|setting up|run) (a |an |the |our )?((unofficial |new )?(company|bakery|shop"
        r"|official|fan|brand)'?s? (\w+ )?(tiktok|instagram|insta|facebook|youtube|page|account|group|channel|profile)"
        r"|(\w+ )?(page|account|group|channel|profile) for (the|our) (company|bakery|shop|cafe|brand))"
        r"|izveid\w*|uztais\w*|atvert \w* ?(lap|kont|grup|kanal)\w*)\b",
    ),
    (
        "sludinājumus ads",
        r"\b(vacanc\w*|job (ad|advert|opening|posting|offer)s?|hiring|open (role|position)s?|we'?re looking for"
        r"|vakanc\w*|sludinajum\w*|darba piedavajum\w*|meklejam)\b",
    ),
    (
        "pasākumiem events",
        r"\b(party|parties|dinner|team (lunch|dinner|outing)|team ?building|christmas do|celebration|outing|open day|pasakum\w*"
        r"|ballit\w*|vakarin\w*|saliedes\w*|svinib\w*|gadatirg\w*|atverto durvju)\b",
    ),
    (
        "komunikācijas communications",
        r"\b(comms|pr (team|department|people)|communications|marketing (team|department)|komunikacij\w*|sabiedrisk\w* attiecib\w*)\b",
    ),
    (
        "tēmturus hashtags",
        r"\b(tag(s|ged|ging)?|hashtags?|@mention|atzim\w*|tematur\w*|hesteg\w*)\b",
    ),
    # ---- oversight and honesty ---------------------------------------------------------------------
    (
        "pārrauga oversees",
        r"\b(monitor(s|ing|ed)? (my|our|what|the|employees|staff|posts|social)|watch\w*|spy\w*|track\w*|check\w* (my|our|what)"
        r"|look\w* at my|reads? my|surveil\w*"
        r"|uzraug\w*|skatas|skatit\w*|skatis\w*|lasa|parbauda|izseko\w*|seko|noverot\w*|kontrole\w*)\b",
    ),
    (
        "ziņas messages",
        r"\b(dms?|direct messages|chats?|whatsapp|messenger|telegram|letters?|sarakste\w*|privat\w* zin\w*|vestul\w*)\b",
    ),
    (
        "noņemt remove",
        r"\b(delete\w*|take (it |this |my \w+ )?down|remove\w*|edit\w*|dzest\w*|izdzes\w*|nonem\w*|novakt\w*|labot)\b",
    ),
    (
        "saskaņošanas approval",
        r"\b(approv\w*|sign-?off|pre-?approv\w*|permission|clear(ed)? it|ask (anyone|someone|my manager) (first|before)"
        r"|saskanot\w*|saskano\w*|apstiprin\w*|jaapstiprina|atlauj\w*)\b",
    ),
    (
        "viltus fake",
        r"\b(fake (account|profile|name)s?|second account|another account|sock ?puppet\w*|under (a |another )?(different |fake )?name"
        r"|pretend\w*|posing as|viltus|otr\w* kont\w*|cit\w* vard\w*|izliekoties|izlikties|izliekas|uzdoties|uzdodoties|uzdodas)\b",
    ),
    (
        "atsauksmes reviews",
        r"\b(reviews?|ratings?|stars|five-star|5-star|google|tripadvisor|atsauksm\w*|vertejum\w*|zvaigzn\w*)\b",
    ),
    (
        "dāvanu gift",
        r"\b(free (coffee|stuff|product|sample)s?|freebies?|gifts?|sponsor\w*|paid (post|partnership)|discounts?"
        r"|davan\w*|atlaid\w*|par brivu|bez maksas|sponsor\w*)\b",
    ),
    (
        "laikā hours",
        r"\b(breaks?|lunch break|shifts?|on the clock|at work|during work|while working|pusdienlaik\w*|partraukum\w*"
        r"|darba laik\w*|maina\w* laik\w*)\b",
    ),
    # ---- the person -----------------------------------------------------------------------------
    (
        "biogrāfijā bio",
        r"\b(headline|about (me|section)|bio|profile|description|apraksts?|biograf\w*|profil\w*)\b",
    ),
    (
        "amatu title",
        r"\b(where i work|who i work for|my job|my role|my position|my title|workplace|strad\w* par|darba viet\w*|amat\w*)\b",
    ),
    (
        "politiskiem political politics",
        r"\b(political|politics|elections?|political part(y|ies)|candidates?|votes?|voting|petitions?|campaign\w*|protest\w*"
        r"|politik\w*|velesan\w*|partij\w*|kandidat\w*|balsot\w*|peticij\w*|kampan\w*|protest\w*|government|parliament"
        r"|ministers?|valdib\w*|saeim\w*|ministr\w*|deputat\w*)\b",
    ),
    # ---- problems --------------------------------------------------------------------------------
    (
        "incidentiem incidents",
        r"\b(accidents?|fires?|injur\w*|outages?|broke down|broken|breaking|not working|recall\w*|contaminat\w*"
        r"|mould|mold|rats|mice|delays?|shortage\w*|overtime|unpaid|unsafe|dangerous|hazard\w*|negadijum\w*|ugunsgrek\w*"
        r"|avarij\w*|bistam\w*|nedros\w*"
        r"|salauz\w*|salu\w*|nestrada|kave\w*|nav kartiba|traum\w*|virsstund\w*)\b",
    ),
    (
        "atlaišanām layoffs",
        r"\b(lay-?offs?|laying off|fired|firing|redundanc\w*|job cuts|let go|downsiz\w*|atlais\w*|stata samazin\w*"
        r"|darbinieku samazin\w*)\b",
    ),
    (
        "konfliktiem conflicts",
        r"\b(bull(y|ies|ying|ied)|harass\w*|mobbing|shout\w*|yell\w*|scream\w*|humiliat\w*|toxic|abus\w*|conflict\w*"
        r"|apcel\w*|kliedz\w*|kliegt|mobing\w*|uzmak\w*|pazemo\w*|toksisk\w*|konflikt\w*|aizskar\w* mani|mani aizskar\w*)\b",
    ),
)

# Concepts that name people a post may be about. A question that is harsh about one of them is
# about the clause that forbids being harsh about them (see `policy.qa_index.TARGET_PRIOR`).
TARGETS = frozenset(
    {"vadība management", "kolēģi colleagues", "pircēji customers", "konkurenti competitors", "klientus client"}
)
