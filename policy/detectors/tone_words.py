"""Vocabularies of the `tone` detector: how a judgement sounds (strong cues, hints, positive
frames) and the special lists of some rules (customer sneers, attacks on a business,
stereotypes, health, secrecy), in Latvian and English, in the term syntax of `patterns.py`
(`word` inflects, `word*` is a prefix, `=word` exact; diacritics optional). What a judgement is
about (the targets) is in tone_targets.py; both are registered here as TONE_WORDLISTS.

They are broad on purpose: held-out posts by outsiders kept missing because a complaint used a
word no list had ("keeps promising raises and never delivers", "neviens nereaģē"). A single
word here is never a finding; `tone` needs a target and enough negative weight near it, and a
positive frame ("paldies", "proud", "no complaints") vetoes a mild judgement.

Which list is strong and which a hint was calibrated on the tuning set (policy/eval/drafts.yaml):
hints are words that are harmless alone and telling together ("atkal" + "kavējas", "again" +
"broken"), strong cues are words that are rarely innocent next to a boss, a customer or a
competitor.
"""
from __future__ import annotations

from typing import Mapping

from policy.detectors.tone_targets import (
    COMPETITORS,
    CUSTOMERS,
    FACILITIES,
    GROUPS,
    PERSONS,
    WORK_PEOPLE,
    WORK_PLACE,
    WORK_TERMS,
    term_list,
)


# ---- how it sounds ---------------------------------------------------------------------------

# Strong cues (weight 1): complaint, contempt, neglect. The word lists of wordlists.py
# (negative, insults, profanity) are strong cues as well; rules list them next to this one.
TONE_STRONG = term_list("lv", """
    nekompetent*, bezjēdzīg*, =haoss, haotisk*, =bardaks, =cirks, =pilns cirks, =joks,
    =jokiņš, smieklīg*, absurd*, muļķīg*, =apnicis, =apnikusi, =apnika, =apnīk, =pietiek,
    =noguris no, =nogurusi no, izdeg*, =nemaksā, =nemaksāja, nesamaksā*, neizmaksā*,
    neapmaksā*, =bez samaksas, =bez piemaksas, =par velti, =par brīvu, =kavējas, =kavējās,
    =kavē, aizkavēj*, negodīg*, netaisnīg*, =meli, =melo, =meloja, melīg*, =mānās, kliedz*,
    =bļauj, =bļāva, apsaukā*, pazemo*, =draud, =draudēja, =vaino, =vainoja, ekspluatē*,
    =vergi, =vergiem, =kā vergi, pārstrādāj*, pārslogot*, =bez pārtraukuma, =bez pusdienām,
    =bez brīvdienām, necilvēcīg*, šausmīg*, briesmīg*, drausmīg*, =murgs, =katastrofa,
    =nekādas cieņas, =necieņa, neciena, =necien, =atņēma, =atņem, =nogrieza, =samazināja,
    =nereaģē, =nereaģēja, =nereaģēs, =neviens nereaģē, =neko nedara, =neviens neko nedara,
    =nekas nemainās, =nekas nenotiek, =nekas nav mainījies, =bet nekā, =un nekā,
    =joprojām nekā, =joprojām nav, neatbild*, =neklausās, =neklausa, =neinteresē, =vienalga,
    =pie kājas, =pie vienas vietas, =izliekas, =klusē, ignorē*, =nav ne jausmas,
    =nav ne mazākās, =nesaprot, =neko nesaprot, =nejēdz, =tukši solījumi, =tukšas runas,
    =tikai sola, =vai tas ir normāli, =vai tas vispār ir, =kā tas var būt, =nevienam nav laika,
    =nevienam neinteresē, =kārtējie meli, =nav ne jausmas, =nopietni, =neticami, =bojājas,
    =bojāti, =iet bojā, =neviens neprasa, =neko neprasa, =neviens nezina, =neko nezina,
    =dara ko grib, =katrs dara, =nekādas cieņas, =nu cik var, nenovērtēt*, =necienīgi,
    =izturas kā pret, =pret mums izturas, =meklēt citu darbu, =meklēju citu darbu,
    =meklēšu citu darbu, =pēdējais piliens, atlūgum*, =paldies par neko, =aizmirst samaksāt,
    =aizmirsa samaksāt, =aizmirst izmaksāt, =aizmirsa izmaksāt, =nogurdinoši, =izsmelti,
    =ne par centu, =nav pacēlis, =nav pacēluši, =nepaceļ, nokauninā*, =nedrīkst izturēties,
    nejēdzīb*, =kurš to izdomāja, =kas to izdomāja, =mēnešiem prasām, =jau mēnešiem,
    =tikai saku, =kad kādam notiks, =kamēr kāds nesavainosies, =izturas pret mums,
    =taisnīgi vai ne, =vai tas ir taisnīgi, =retorisks jautājums, =lai kāds kaut ko dara,
    =brīnās kāpēc, =bez pieredzes, =radinieks dabūja, =dēls dabūja, =pa blatu, =strādājam viņu vietā, =strādāju viņu vietā,
    =minimālā alga, =minimālo algu, =minimālās algas, =kadru mainība, =nav budžeta,
    =kurš to apstiprināja, =cik var, =izsmiekls, =ņirgāšanās,
    =ārprāts, =traki
""") + term_list("en", """
    =fed up, =sick of, =sick and tired, =tired of, =done with, =had enough, =so done,
    =can't take, =cannot take, =can't stand, =over it, =enough is enough, =what a joke,
    =a joke, =clueless, =incompetent, =useless, =chaos, =chaotic, =mess, =messy, =shambles,
    =disorganised, =disorganized, =unfair, =unpaid, =underpaid, =not paid, =no extra pay,
    =without pay, =for free, =clock out, =clocked out, =off the clock, =unpaid overtime,
    =overworked, =exhausted, =burnout, =burnt out, =burned out, =understaffed,
    =short-staffed, =short staffed, =lies, =lied, =lying, =liars, =lied to, micromanag*,
    =favouritism, =favoritism, =favourites, =toxic, =hostile, =yells, =yelled, =yelling,
    =screams, =screamed, =screaming, =shouts, =shouted, =shouting, =blames, =blamed,
    =blaming, =threatens, =threatened, humiliat*, exploit*, =abuse, =abusive, =bully,
    =bullies, =bullying, =insane, =ridiculous, =absurd, =pathetic, =disgrace, =shameful,
    =embarrassing, =nightmare, =disaster, =worst, =terrible, =awful, =horrible, =appalling,
    =miserable, demotivat*, =low morale, =zero morale, =morale is, =reorg, =reorgs,
    =another reorg, =no breaks, =no break, =no lunch, =nobody cares, =no one cares,
    =nobody listens, =no one listens, =nobody answers, =no one answers, =nobody responds,
    =no one responds, =nobody reacts, =nobody does anything, =no one does anything,
    =nothing happens, =nothing happened, =nothing changes, =nothing has changed,
    =nothing's changed, =nothing gets done, =nothing gets fixed, =nothing was done,
    =still nothing, =still waiting, =still hasn't, =still haven't, =still no, =never fixed,
    =never fix, =never delivers, =never deliver, =never delivered, =never listen,
    =never listens, =never answer, =never answers, =never pays, =never paid, =no response,
    =no reply, =no answer, =ignored, =ignores, =ignoring, =couldn't care less, =don't care,
    =doesn't care, =didn't care, =no idea, =have no idea, =has no idea, =not a clue,
    =no clue, =zero communication, =no communication, =who does that, =unbelievable,
    =how is this legal, =is this even legal, =is this normal, =is that normal,
    =empty promises, =broken promises, =all talk, =unreal, =seriously, =the audacity,
    =love how, =gotta love, =love it when, =nothing like,
    =sleeps through, =covering for, =takes all the credit, =takes the credit, =nobody dares,
    =no respect, disrespect*, =cut our, =cut my, =cuts our, =slashed, =took away,
    =taking away, =lost my, =who thought, =whoever decided, =wtf, =smh, =ugh, =yikes,
    =no wonder, =what a mess, =undervalued, =unappreciated, =underappreciated,
    =taken for granted, =treated like, =disrespected, =demoralised, =demoralized, =drained,
    =looking for another job, =find another job, =the last straw, =last straw,
    =handing in my notice, =thanks for nothing, =forget to pay, =forgot to pay,
    =forgets to pay, =never been lower, =all-time low, =rock bottom, =maybe listen,
    =they expect us, =expect us to, =we're expected to, =forced to, =made us work,
    =no working, =no heating, =no heat, =not a cent, =not a penny, =no raise,
    =no pay rise, =pay freeze, =who came up with, =whose idea was, =don't apply,
    =ask me why, =love the planning, =great planning, =brilliant planning, =nice planning,
    =never see the money, =we never see, =we never get, =months asking, =weeks asking,
    =been asking for, =keep asking for, =normal rate, =standard rate, =let that sink in,
    =just saying, =we see you, =is anyone even, =anyone even there, =before someone gets hurt,
    =until someone gets hurt, =treats us like, =treat us like, =no thanks, =still on minimum,
    =staff turnover, =waiting for a fire, =waiting for someone to get hurt, =who approved,
    =cringe, =cringy, =no budget, =work for them, =doing their job, =nothing says,
    =rhetorical question, =totally fair, =someone please do something, =wonders why,
    =zero experience, nepotism*, =owner's son, =boss's son, =boss's daughter
""")

# Hints (weight 0.5): harmless alone, telling together ("atkal" + "kavējas").
TONE_HINTS = term_list("lv", """
    =atkal, =kārtējo reizi, =kārtējais, =kārtējā, =kārtējie, =kārtējo, =otro reizi,
    =trešo reizi, =ceturto reizi, =vienmēr, =joprojām, =vēl joprojām, =nekad, =neviens,
    =nevienam, =nekas, =neko, =nekā, =sola, =solīja, solījum*, =jau mēnesi, =jau nedēļu,
    =jau gadu, =jau pusgadu, =otro nedēļu, =trešo nedēļu, =otro mēnesi, =trešo mēnesi,
    =pusgadu, =kopš vasaras, =kopš pavasara, =kopš rudens, =kopš ziemas, =mēnešiem,
    =nedēļām, =gadiem, salūz*, sabojāj*, =nestrādā, =nedarbojas, =tek, =tecēja, =pil,
    =sūcas, =plīsis, =sabruka, sabruk*, nobruk*, pelēj*, =žurkas, =peles, prusak*, =auksts,
    =salst, =netīrs, =netīri, =bīstami, =bīstams, =nedroši, =nobeidzās, =nomira, =jau atkal,
    =pēdējā brīdī, =dienu iepriekš, reorganizācij*, pārkārtojum*, =kā parasti, =kā vienmēr,
    =protams, =nu protams, kļūd*, =nav atnākusi, =nav atnācis, =nav atnākuši, =divatā,
    =vienai pašai, =vienam pašam, =jātiek galā, =mums liek, =liek strādāt, piespiež*,
    =kamēr mēs, =nu labs, =ko teikt, =sēž telefonā, =tipiski, =klasika, =katru reizi,
    =simto reizi, =kaulējas, =nevar paskaidrot, =nav cilvēku, =trūkst cilvēku,
    =nav karstā ūdens, =nav ūdens, =nav elektrības, =nav apkures, =laikam liekas,
    =laikam domā, =nostrādāju _ stundas, =strādāju _ stundas, =slimības lapā, sagriez*,
    savainoj*, apdedzin*, =paslīdēja, =pakrita, =dūmo, =kūp, =ziņojām, =teicām jau,
    =vai ne, =katru pusstundu, =smēķē, =viņu vietā, =interesanti, =nu nu, =apgalvo,
    bloķēt*, =aizkrauts, =aizkrauta
""") + term_list("en", """
    =again, =yet again, =once again, =another, =second time, =third time, =every time,
    =still, =always, =keeps, =keep, =never, =nobody, =no one, =nothing, =promised,
    =promises, =promise, =supposedly, =apparently, =for weeks, =for months, =for a week,
    =for a month, =for ages, =weeks now, =months now, =two weeks, =three weeks, =a month now,
    =since summer, =since spring, =since january, =broken, =broke, =broke down,
    =breaking down, =leaking, =leaks, =leak, =not working, =doesn't work, =stopped working,
    =died, =dead, =falling apart, mould*, mold*, =rats, =mice, cockroach*, =freezing,
    =flooded, =dirty, =unsafe, =dangerous, restructur*, =last minute, =last-minute,
    =cut, =cuts, =as always, =as usual, =of course, mistake*, =error, =errors, =wrong,
    =no-show, =no-shows, =didn't show up, =while we, =just a thought, =asking for a friend,
    =cool cool, =actually, =for once, =classic, =typical, =every single time, =for the 100th time,
    =left without buying, =on his phone, =on her phone, =on the phone all day,
    =no hot water, =no water, =no power, =called in sick, =oh wait, =imagine, =another week,
    =worked _ hours, =to the guy who, =to the woman who, =to the lady who, =to the man who,
    =to the person who, =to the customer who, =to whoever, =for _ weeks, =for _ months,
    =for _ days, =nobody from, =no one from, =nobody has, =no one has, =injured, =got hurt,
    =burned, =cut his finger, =cut her finger, =slipped, =smoking, =we've told,
    =told everyone, =reported it, =we reported, =i guess, =sure, =they said, =apparently,
    =thinks, =i'm sure, =totally, =blocked, =days straight, =claims, =calling their
""") + (("#mock", "any"), ("#anger", "any"), ("#quoted", "any"), ("#clap", "any"), ("#eyes", "any"),
    ("#concord", "any"))

# Positive frames: thanks, pride, congratulations, praise. They veto a mild judgement in the
# same sentence ("never been prouder of our team", "no complaints", "paldies vadībai").
TONE_POSITIVE = term_list("lv", """
    paldies, pateic*, =lepns, =lepna, =lepni, =lepnas, lepoj*, apsvei*, sveic*, =cieņa,
    =malači, =malacis, =molodec, =bravo, lielisk*, =super, =superīgi, =forši, =foršs,
    =prieks, priecā*, laimīg*, =mīļie, =mīļš, =mīļā, =mīļākā, =mīļi, garšīg*, izcil*,
    brīnišķīg*, apbrīn*, =nekādu sūdzību, =nav ko sūdzēties, =bez iebildumiem,
    =nekādu iebildumu, =veiksmi, =izdevās, =izglāba, =atbalsts, =atbalstu, =palīdzību,
    sirsnīg*, =jauki, =jauks, =jaukā, =netīrs darbs, =melnais darbs, =tikām galā, =ar godu
""") + term_list("en", """
    thank*, =thx, grateful, appreciat*, proud, =pride, congrat*, =well done, =well deserved,
    =shout-out, =shoutout, =kudos, =respect, =love, =loved, =loving, =lovely, =best,
    =amazing, =awesome, =fantastic, =wonderful, =brilliant, =happy, =happier, =happiest,
    =glad, enjoy*, =welcome, =legends, =legend, =heroes, =hero, =no complaints,
    =never been happier, =never been prouder, =couldn't be happier, =couldn't be prouder,
    =no problems, =no problem, =delicious, =tasty, =yummy, =sweet, =fun, =excited,
    =celebrate, =celebrating, =had my back, =have our back, =support, =dirty job,
    =dirty work, =nailed it, =we did it, =pulled it off, =smashed it, =made it work
""") + (("#smile", "any"),)

# What makes a remark about customers a sneer rather than a story.
CUSTOMER_SNEER = term_list("lv", """
    =nu nopietni, =nopietni, =nu cik var, =cik var, =kāpēc cilvēki, =cilvēki ir, =strīdējās,
    =strīdas, =kliedza, =bļāva, =pieprasīja, =sūdzējās, =sūdzas, =nu tik, dīvaiņ*, =trakie,
    =trakā, ņaud*, smird*, =fui, =negaršoja, =apēstu, =nespēj, =nemāk, =neprot, =nezina pat,
    =pat nevar, =pusstundu, =stundu, =mēģināja atgriezt, =aptausta, =čamdīja, aptaust*,
    =kā mazs bērns, =kā bērni, =nu un, =vēl prasa, =vēl gribēja, =kaulējas, =kaulējās,
    =nogurdinoši, =tipiski, =klasika, =simto reizi, =aizgāja neko nenopircis,
    =neko nenopirka, =ej uz, =ej tad, =neesam kalpi, =neesam suņi, =rupjš, =rupja, =rupji, =rupjais, =rupjā, =rupjam, =ko tādi cilvēki,
    =tādi cilvēki, =gribējās iemest, =gribējās iesist, =zog, =nozaga, zagļ*, =atpazīstat, =kas viņu pazīst, =ne ar vīru,
    =ne ar sievu
""") + term_list("en", """
    =why do people, =why do customers, =adults, =grown adults,
    =grown-ups, =unreal, =seriously, =really, =the audacity, =entitled, =rude, =yell, =yelled,
    =yelling, =scream, =screamed, =screaming, =shout, =shouted, =argued, =arguing, =argue,
    =complained, =complaining, =complains, =demanded, =demanding, =every single day,
    =weirdos, =weird, =can't make this up, =bless, =eww, =ew, =smelled, =stank, =stinks,
    =can't read, =couldn't read, cheapskate*, =no tip, =tried to return, =half-eaten,
    =lol, =lmao, =rofl, =facepalm, =extra foam, =means they get, =think they, =classic,
    =typical, =left without buying, =without buying anything, =for the 100th time,
    =every single time, =stealing, =stole, =steals, shoplift*, =recognise him,
    =recognize him, =recognise her, =recognize her, =we see you, =not with her husband,
    =not with his wife, =new boyfriend, =new girlfriend, =you can't win,
    =snap their fingers, =snapping fingers, =snaps his fingers, =snaps her fingers,
    =we're not dogs, =we're not servants, =we're not your
""")

# Attacks on a business: advice to stay away and claims that its goods are fake or bad.
BUSINESS_ATTACK = term_list("lv", """
    neņemiet, nepērciet, neejiet, nebrauciet, izvairieties, =neiesaku, plastmas*,
    =pilni ar, =pilna ar, ķīmij*, e-viel*, surogāt*, =viltus, viltot*, =kā svaigas,
    =kā svaigu, =kā svaigu maizi, =sausa, =sauss, =sausas, =pārcepts,
    =piedegusi, saldēt*, =saldētu, =no saldētas, =nav īsta, =nav īsts, =neēdiet,
    =nepērc, =neņem, =neej, =krāpj, =apkrāpj, =lai izput, sapuvuš*, pelējum*,
    =par velti nauda, =naudas izmešana, =naudas izšķiešana, =izmesta nauda, =nekāda,
    =vienkārši nekāda, =nav nekāda, =neļaujiet sevi apmānīt, =no rūpnīcas, nokopēj*,
    =oriģinalitāte nulle, =tikai saku, =nav stiprā puse, =nav viņu stiprā, =kā gumija,
    =kā plastmasa, =kā kartons, =kas to pērk, =kas to ēd, =esiet uzmanīgi, =jaunām etiķetēm,
    =pagājušās nedēļas, pārlīmē*, =kurš to apstiprināja, =sliktākā, =sliktāko, =sliktākais,
    vissliktāk*, =neēstu, =es gan redzēju, =redzēju kā, krāpniek*, =tā viņiem vajag,
    =sen bija laiks, =beidzot bankrotē, =beidzot bankrotēja
""") + term_list("en", """
    =avoid, =don't bother, =stay away, =don't buy, =never buy, =don't go, =do not go,
    =don't waste, =skip it, =plastic, =frozen, =supermarket dough, =from concentrate,
    =so-called, =fake, =not real, =basically, =don't fall for, =rip-off, =ripoff,
    =overrated, =dry, =stale, =burnt, =bland, =soggy, =nobody should, =microwaved,
    =reheated, =mass-produced, =factory bread, =cardboard, =waste of money, =tastes like,
    =don't be fooled, =bless them, =they tried, =nice try, =better luck next time, =copied,
    copycat*, =zero originality, =let that sink in, =just saying, =never again,
    =not their strong suit, =not their forte, =basically coloured, =basically colored,
    =like rubber, =like plastic, =like cardboard, =who buys this, =who buys that,
    =who eats this, =be careful, =beware, =new labels, =last week's, relabel*, =cringe,
    =cringy, =who approved, =from a factory, =just so you know, =the worst, =worst,
    =funniest thing, =the funniest, =wouldn't eat, =i've seen how, =seen how it's made,
    =crooks, =bunch of crooks, =couldn't happen to a nicer, =serves them right, =finally going bust
    """)

# Judgements of a whole group beyond insults: bans, sweeping claims, "go back".
STEREOTYPES = term_list("lv", """
    =visi līdz vienam, =visi vienādi, =visi ir, =vienmēr, slink*, noziedzniek*,
    =nedrīkstētu, =nevajadzētu ļaut, =nedrīkst ļaut, =jāaizliedz, =brauc mājās,
    =lai brauc mājās, =atņem darbu, =atņem mums, =negrib strādāt, =nevar uzticēties,
    =nepieņemt darbā, =neņemt darbā, =neņemtu darbā, =zagļi, =zog, =netīri, =smird,
    =nav ko darīt, =nav vietas, =vīriešu darbs, =sieviešu darbs, =nav piemērot*, =nespēj,
    =tikai problēmas, =jāņem darbā, =vajag ņemt darbā, =nebūs kur strādāt, =nav kur strādāt,
    =atņems darbu, =atņems mums
""") + term_list("en", """
    =shouldn't be allowed, =should not be allowed, =should be banned, =ban them,
    =not be allowed, =all the same, =every single one, =all of them, =they all, =always,
    =lazy, =criminals, =thieves, =go back, =take our jobs, =steal, =can't be trusted,
    =cannot be trusted, =taking our jobs, =taking all the jobs, =nowhere to work, =don't hire, =never hire, =wouldn't hire, =shouldn't work,
    =should not work, =don't belong, =dirty, =not suitable, =can't handle, =belong in,
    =no place in, =have no business, =only problems, =only trouble, =nothing but trouble
""")

# Health and other sensitive facts about a person.
HEALTH = term_list("lv", """
    =slims, =slima, =slimo, =slimoja, =saslima, =saslimis, =saslimusi, slimīb*,
    =slimnīcā, =slimnīcu, diagnoz*, =diagnosticēja, =atklāja diabētu, =vēzis, =vēzi, =vēža,
    onkoloģ*, depresij*, grūtniec*, =ir stāvoklī, =ir bērna gaidībās, =gaida bērniņu,
    =gaida bērnu, invaliditāt*, diabēt*, =insults, =insultu, infarkt*, psihiatr*, terapij*,
    ārstēj*, rehabilitācij*, atkarīb*, alkoholiķ*, =covid, =gripa, =gripu, =gripā,
    =operācija, =operāciju, =pēc operācijas, ķīmijterapij*, =spontāno abortu, =aborts,
    =abortu, =slimības lapā, =slimības lapu, epilepsij*, =astma, =hiv, pneimonij*,
    =plaušu karsonis, =plaušu karsoni, lūzum*, =salauza kāju, =salauza roku, =lauza kāju,
    =ārstniecības iestādē, =ātrā palīdzība, =ātro palīdzību, =panikas lēkmes, =nervu sabrukums,
    dzemdīb*, =atkopjas, =atveseļojas
""") + term_list("en", """
    =sick, =ill, =illness, =in hospital, =in the hospital, =hospitalised, =hospitalized,
    =surgery, =diagnosed, =diagnosis, =cancer, =chemo, =chemotherapy, =pregnant, =pregnancy,
    =expecting a baby, =miscarriage, =depression, =anxiety disorder, =mental health,
    =therapy, =rehab, =diabetes, =hiv, =covid, =flu, =on sick leave, =sick leave,
    =disability, =epilepsy, =stroke, =heart attack, =breakdown, =addiction, =alcoholic,
    =pneumonia, =broke his leg, =broke her leg, =broken leg, =broken arm, =in the er,
    =ambulance, =panic attacks, =on medication, =mental health stuff, =recovering from,
    =giving birth, =gave birth
""")

# Words that make a health word about something else: charity, a hospital as a place to
# donate to, idioms ("sick of", "sick and tired", "ill-timed").
HEALTH_VETO = term_list("lv", """
    ziedoj*, labdarīb*, =ziedojumu, =ziedojumi, koncert*, =apnicis, aizvietoj*, =par slimajiem,
    =trūkst cilvēku
""") + term_list("en", """
    donat*, charity, fundrais*, =sick of, =sick and tired, =sick day, =ill-timed,
    =children's hospital, =sick beats, =covered for, =cover for, =covering for, =the sick ones,
    =short-staffed, =understaffed
""")

# Secrecy cues: said in a public post, they announce that what follows is not public. These
# are findings on their own.
SECRECY = term_list("lv", """
    =neviens vēl nezina, =vēl neviens nezina, =neviens vēl nav dzirdējis, =tikai starp mums,
    =starp mums runājot, =starp mums sakot, konfidenciāl*, nopludināt*, =noplūdis, =noplūda,
    =iekšējai lietošanai, =tikai iekšējai, =vēl nav oficiāli, =vēl nav paziņots,
    =pirms oficiālā paziņojuma, =pirms oficiāla paziņojuma, =pirms tas tiek paziņots,
    =pirms paziņošanas, =neoficiāli, =jūs to nedzirdējāt, =to nedzirdējāt no manis,
    =vēl nav publisks, =vēl nav publiski, =vēl nav publiskots, =vēl ir noslēpums,
    =vēl noslēpums, =pagaidām noslēpums, =iekšējā info, =iekšējā informācija,
    =darbinieku sapulcē, =iekšējā sapulcē, =nevajadzētu stāstīt, =droši vien nedrīkstu,
    =nedrīkstu stāstīt, =nedrīkstētu stāstīt, =redzēju tabulā, =redzēju e-pastā,
    =nevaru daudz teikt, =nevaru vairāk teikt, =vairāk nevaru teikt, =neko vairāk neteikšu,
    =es neko neteicu, =es jums neko neteicu, =ne vārda vairāk, =oficiāli paziņos tikai,
    =vēl nav apstiprināts, =vēl nav apstiprināta, =vēl nav apstiprināti, =nedrīkstam teikt
""") + term_list("en", """
    =just between us, =strictly between us, =between you and me, =between ourselves,
    =off the record, =internal only, =internal use only, =for internal use, =confidential,
    =leaked from, =leaked memo, =leaked email, =leaked document, =got leaked,
    =not announced yet, =not yet announced, =hasn't been announced, =before it's announced,
    =before it is announced, =before it's official, =not official yet, =not yet official,
    =unofficially, =you didn't hear it from me, =you didn't hear this from me,
    =keep it under your hat, =hush-hush, =nobody knows yet, =no one knows yet,
    =not public yet, =not yet public, =insider info, =insider tip, =don't spread this,
    =still a secret, =still secret, =can't say more till, =can't say more until,
    =internal info, =in the staff meeting, =at the staff meeting, =from the staff meeting,
    =shouldn't share, =shouldn't be sharing, =probably shouldn't, =not supposed to share,
    =not supposed to say, =saw the spreadsheet, =saw the email, =saw the document,
    =can't say more, =cannot say more, =i didn't say anything, =i never said anything,
    =nothing's official yet, =nobody's said anything official, =nothing official yet,
    =not approved yet, =not yet approved, =we're not allowed to say, =won't say more,
    =keep it between us, =little secret, =officially announced only
""")

# Playful secrecy: marketing teasers use it too ("Psst... pumpkin bread is back!"), so these
# count only next to plans, dates of launches, money or people (unannounced-plans).
SECRECY_SOFT = term_list("lv", """
    =klusiņām, =pagaidām klusiņām, =čuču, =psst, =pst, =ššš, =nevienam nesakiet,
    =nevienam nestāstiet, =nestāstiet nevienam, =nesakiet nevienam, =starp mums, =pssst,
    =baumas, =baumo, =runā ka
""") + term_list("en", """
    =don't tell anyone, =do not tell anyone, =dont tell anyone, =don't tell anybody,
    =between us, =psst, =pssst, =shh, =shhh, =sneak peek, =spoiler, =can't say much,
    =cannot say much, =stay tuned, =watch this space, =rumour, =rumours, =rumor, =rumors,
    =word is
""") + (("#hush", "any"),)

# Words near a capitalised word that make it something other than a business to attack:
# "Neejiet garām" is "don't miss", not "stay away".
BUSINESS_VETO = term_list("lv", """
    =neejiet garām, =nepalaidiet garām, =nepaejiet garām, =neaizmirstiet
""") + term_list("en", """
    =don't miss, =do not miss, =don't forget, =don't wait, =avoid the queue, =avoid queues,
    =avoid the rush, =skip the queue, =skip the line
""")

TONE_WORDLISTS: Mapping[str, tuple[tuple[str, str], ...]] = {
    "work_people": WORK_PEOPLE,
    "work_place": WORK_PLACE,
    "work_terms": WORK_TERMS,
    "facilities": FACILITIES,
    "customers": CUSTOMERS,
    "competitors": COMPETITORS,
    "groups": GROUPS,
    "persons": PERSONS,
    "tone_strong": TONE_STRONG,
    "tone_hints": TONE_HINTS,
    "tone_positive": TONE_POSITIVE,
    "customer_sneer": CUSTOMER_SNEER,
    "business_attack": BUSINESS_ATTACK,
    "business_veto": BUSINESS_VETO,
    "stereotypes": STEREOTYPES,
    "health": HEALTH,
    "health_veto": HEALTH_VETO,
    "secrecy": SECRECY,
    "secrecy_soft": SECRECY_SOFT,
}
