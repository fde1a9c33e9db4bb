"""Vocabularies of the `tone` detector: what a judgement is about (targets) and how it sounds
(strong cues, hints, positive frames), in Latvian and English, in the term syntax of
`patterns.py` (`word` inflects, `word*` is a prefix, `=word` exact; diacritics optional).

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


def _terms(lang: str, text: str) -> tuple[tuple[str, str], ...]:
    """Terms separated by commas or new lines (phrases keep their spaces)."""
    return tuple((t.strip(), lang) for line in text.splitlines() for t in line.split(",") if t.strip())


# ---- targets ---------------------------------------------------------------------------------

# The people a complaint about work is aimed at: management, HR, owners, colleagues.
WORK_PEOPLE = _terms("lv", """
    vadīb*, vadītāj*, priekšniek*, priekšniec*, =šefs, =šefam, =šefu, =šefa, =šefi, =šefiem,
    =bosis, =boss, =bosam, =bosu, direktor*, =valde, =valdei, =valdes, =valdi, īpašniek*,
    personāldaļ*, =hr, darba devēj*, menedžer*, menedžment*, kolēģ*, darbabiedr*,
    =tie augšā, =augšā sēdošie, grāmatvedīb*
""") + _terms("en", """
    management, =manager, =managers, =boss, =bosses, =bossman, leadership, =upper management,
    =the top, =higher-ups, =higher ups, =execs, executive*, director*, =ceo, =owner, =owners,
    =hr, supervisor*, shift lead*, =team lead, =foreman, =employer, =employers, colleague*,
    coworker*, co-worker*, =the office, =payroll, =head office
""")

# The workplace itself: "this company", "working here", "šo vietu".
WORK_PLACE = _terms("lv", """
    mūsu firm*, =šajā firmā, =šī firma, =šo firmu, =šajā uzņēmumā, mūsu uzņēmum*, =šo vietu,
    =šajā vietā, =šī vieta, =šeit strādāt, =te strādāt, =šeit strādā, =te strādā, =manā darbā,
    =mans darbs, =šis darbs, =šajā darbā, darba apstākļ*, darba vid*, =darbavietā,
    šeit nostrādāj*, te nostrādāj*, =no šejienes, nostrādāj*, =strādāju te, =strādāju šeit,
    =darba vietā, kolektīv*, =pie mums darbā
""") + _terms("en", """
    =the company, =this company, =our company, =my company, =my employer, =this place,
    =working here, =work here, =works here, =worked here, =this job, =my job, workplace,
    =at work, working conditions, =morale, =around here, =worked here for, =the staff, =applying here, =been here,
    =apply here, =the planning
""")

# Pay and working time: what "unpaid", "late again", "cut" are about.
WORK_TERMS = _terms("lv", """
    =alga, =algas, =algu, =algā, =algām, =algai, atalgojum*, prēmij*, piemaks*,
    paaugstinājum*, virsstund*, maiņ*, grafik*, pārtraukum*, pusdienlaik*, darba līgum*,
    atvaļinājum*, slimības lap*, darba laik*, brīvdien*, =samaksa, =samaksu, =dzeramnaudas
""") + _terms("en", """
    salary, salaries, =pay, =paid, paycheck*, paycheque*, payslip*, wage*, =raise, =raises,
    =bonus, =bonuses, overtime, =hours, =shift, =shifts, =doubles, =the schedule,
    =our schedule, =my schedule, =work schedule, =shift schedule, =new schedule,
    =another schedule, =schedules, =rota, =rotas,
    =break, =breaks, lunch break*, =contract, =holiday, =holidays, vacation*, =sick leave,
    =tips, =staffing, =time off, =days off, =rate, =holiday pay, =tips jar, =minimum wage
""")

# Premises and equipment: an internal incident is a fault that nobody fixes.
FACILITIES = _terms("lv", """
    krāsn*, saldētav*, ledusskap*, dzesētav*, dzesētāj*, mīcām*, mīklas mašīn*, iekārt*,
    aprīkojum*, jumt*, ventilācij*, apkur*, kondicionier*, tualet*, noliktav*, =cehā, =ceha,
    =cehs, =cehu, virtuv*, =grīda, =grīdu, busiņ*, furgon*, =telpās, =telpas, =darba rīki,
    trauku mazgājam*, =elektrība, =elektrības, =apkure, =siltums, =naži, =nazis,
    =instrumenti, =atpūtas telpa, =atpūtas telpā, =darba cimdi, =cimdus, =darba drēbes
""") + _terms("en", """
    oven*, freezer*, fridge*, =cooling room, =cold room, =walk-in, mixer*, =machine,
    =machines, equipment, =roof, ventilation, heating, =air conditioning, =aircon, toilet*,
    bathroom*, warehouse, =storage room, =kitchen, =floor, =van, =vans, =delivery van, =till,
    dishwasher*, =boiler, =lights, =building, =premises, =hot water, =break room, =knife,
    =knives, =tools
""")

# The people we serve. "People" is here for the generalising sneer ("People are unreal").
CUSTOMERS = _terms("lv", """
    klient*, =viesis, =viesim, =viesi, =viesu, =viesiem, =viesus, =viese, pircēj*,
    apmeklētāj*, pasūtītāj*, =kundze, =kundzei, =kundzi, =kundzes, tant*, onkul*, =vecis,
    =večuks, vecīt*, =vecene, =kāds vīrietis, =kāda sieviete, =kāds vīrs, =kāds tips,
    =kāda dāma, =dāma, =dāmai, =vīrietis, =sieviete, =puisis, =meitene, =cilvēki, =ļaudis,
    =galdiņš, =galdiņam, =galdiņa, =pastāvīgais, =pastāvīgā, =mamma ar, =tas pensionārs,
    =tā pensionāre, =tā kundze, =tas vīrs, =tas tips, =tā sieviete, =tas klients, =tā tante
""") + _terms("en", """
    customer*, client*, =guest, =guests, shopper*, visitor*, =patron, =patrons, =regulars,
    =some guy, =this guy, =the guy, =a guy, =that guy, =some lady, =this lady, =the lady,
    =a lady, =that lady, =some woman, =a woman, =this woman, =some man, =a man, =this man,
    =old man, =old lady, =table, =people, =karen, =karens, =sir, =madam, =the woman,
    =the man, =the kid, =parents, =the couple, =a couple
""")

# Competitors by kind; their configured names come from the profile.
COMPETITORS = _terms("lv", """
    konkurent*, =citā maiznīcā, =tā maiznīca, =tie no blakus, =blakus maiznīc*,
    =otrā pusē ielas, =pretējā maiznīca, =viena maiznīca, =kāda maiznīca, =citas maiznīcas,
    =stūra maiznīca, =blakus esošā maiznīca, =tā maiznīca, =tās maiznīcas, =viņu maiznīc*
""") + _terms("en", """
    competitor*, rival*, =the other bakery, =that bakery, =the bakery across,
    =across the street, =the place next door, =down the road, =the bakery on the corner,
    =the bakery down the street, =the place on the corner, =a certain bakery, =other bakeries,
    =some bakeries, =their bakery, =that café, =the café across
""")

# Groups of people (origin, faith, gender, orientation, age, health): a judgement of a whole
# group is hateful content whatever words it uses.
GROUPS = _terms("lv", """
    imigrant*, iebraucēj*, bēgļ*, patvēruma meklētāj*, musulmaņ*, ebrej*, čigān*, =romi,
    =romiem, =romus, =romu, =krievi, =krieviem, =krievus, ukraiņ*, =geji, =gejus, =gejiem,
    homoseksuāļ*, lesbiet*, transpersonas, =sievietes, =sievietēm, melnādain*, aziāt*,
    ārzemniek*, invalīd*, cilvēki ar invaliditāti, pensionār*, =vecie, =vecajiem, =ķīnieši,
    =indieši, =arābi, =lietuvieši, =igauņi, =baltkrievi, =nerunā latviski,
    =nemāk latviski, =nerunā latviešu valodā
""") + _terms("en", """
    immigrants, migrants, refugees, foreigners, =muslims, =jews, =gypsies, =roma, =russians,
    =gays, =lesbians, =trans people, =transgender people, =women, =blacks, =asians, =disabled,
    =old people, =boomers, =chinese, =indians, =arabs, =africans, =mexicans, =poles,
    =ukrainians, =lithuanians, =don't speak latvian, =don't speak english,
    =can't speak latvian
""")

# Another person than the author, for facts about their health.
PERSONS = _terms("lv", """
    kolēģ*, darbabiedr*, grāmatved*, pavār*, maiznie*, pārdevēj*, kasier*, šofer*, kurjer*,
    konditor*, vadītāj*, direktor*, priekšniek*, priekšniec*, =šefs, =šefam, =viņš, =viņa,
    =viņam, =viņai, =viņu, =viņas, =klients, =kliente, =klientam, =klientei
""") + _terms("en", """
    colleague*, coworker*, co-worker*, accountant*, cashier*, =baker, =bakers, =driver,
    =courier, =chef, =manager, =boss, =supervisor, =director, =he, =she, =he's, =she's, =his,
    =her, =him, =customer, =client
""")

# ---- how it sounds ---------------------------------------------------------------------------

# Strong cues (weight 1): complaint, contempt, neglect. The word lists of wordlists.py
# (negative, insults, profanity) are strong cues as well; rules list them next to this one.
TONE_STRONG = _terms("lv", """
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
    =taisnīgi vai ne, =vai tas ir taisnīgi, =strādājam viņu vietā, =strādāju viņu vietā,
    =minimālā alga, =minimālo algu, =minimālās algas, =kadru mainība, =nav budžeta,
    =kurš to apstiprināja, =cik var, =izsmiekls, =ņirgāšanās,
    =ārprāts, =traki
""") + _terms("en", """
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
    =cringe, =cringy, =no budget, =work for them, =doing their job
""")

# Hints (weight 0.5): harmless alone, telling together ("atkal" + "kavējas").
TONE_HINTS = _terms("lv", """
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
    =vai ne, =katru pusstundu, =smēķē, =viņu vietā
""") + _terms("en", """
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
    =thinks
""") + (("#mock", "any"), ("#anger", "any"), ("#quoted", "any"), ("#clap", "any"), ("#eyes", "any"),
    ("#concord", "any"))

# Positive frames: thanks, pride, congratulations, praise. They veto a mild judgement in the
# same sentence ("never been prouder of our team", "no complaints", "paldies vadībai").
TONE_POSITIVE = _terms("lv", """
    paldies, pateic*, =lepns, =lepna, =lepni, =lepnas, lepoj*, apsvei*, sveic*, =cieņa,
    =malači, =malacis, =molodec, =bravo, lielisk*, =super, =superīgi, =forši, =foršs,
    =prieks, priecā*, laimīg*, =mīļie, =mīļš, =mīļā, =mīļākā, =mīļi, garšīg*, izcil*,
    brīnišķīg*, apbrīn*, =nekādu sūdzību, =nav ko sūdzēties, =bez iebildumiem,
    =nekādu iebildumu, =veiksmi, =izdevās, =izglāba, =atbalsts, =atbalstu, =palīdzību,
    sirsnīg*, =jauki, =jauks, =jaukā, =netīrs darbs, =melnais darbs, =tikām galā, =ar godu
""") + _terms("en", """
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
CUSTOMER_SNEER = _terms("lv", """
    =nu nopietni, =nopietni, =nu cik var, =cik var, =kāpēc cilvēki, =cilvēki ir, =strīdējās,
    =strīdas, =kliedza, =bļāva, =pieprasīja, =sūdzējās, =sūdzas, =nu tik, dīvaiņ*, =trakie,
    =trakā, ņaud*, smird*, =fui, =negaršoja, =apēstu, =nespēj, =nemāk, =neprot, =nezina pat,
    =pat nevar, =pusstundu, =stundu, =mēģināja atgriezt, =aptausta, =čamdīja, aptaust*,
    =kā mazs bērns, =kā bērni, =nu un, =vēl prasa, =vēl gribēja, =kaulējas, =kaulējās,
    =nogurdinoši, =tipiski, =klasika, =simto reizi, =aizgāja neko nenopircis,
    =neko nenopirka, =ej uz, =ej tad, =neesam kalpi, =neesam suņi, =rupjš, =rupja, =rupji, =rupjais, =rupjā, =rupjam, =ko tādi cilvēki,
    =tādi cilvēki, =gribējās iemest, =gribējās iesist, =zog, =nozaga, zagļ*, =atpazīstat, =kas viņu pazīst, =ne ar vīru,
    =ne ar sievu
""") + _terms("en", """
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
BUSINESS_ATTACK = _terms("lv", """
    neņemiet, nepērciet, neejiet, nebrauciet, izvairieties, =neiesaku, plastmas*,
    =pilni ar, =pilna ar, ķīmij*, e-viel*, surogāt*, =viltus, viltot*, =kā svaigas,
    =kā svaigu, =kā svaigu maizi, =sausa, =sauss, =sausas, =pārcepts,
    =piedegusi, saldēt*, =saldētu, =no saldētas, =nav īsta, =nav īsts, =neēdiet,
    =nepērc, =neņem, =neej, =krāpj, =apkrāpj, =lai izput, sapuvuš*, pelējum*,
    =par velti nauda, =naudas izmešana, =naudas izšķiešana, =izmesta nauda, =nekāda,
    =vienkārši nekāda, =nav nekāda, =neļaujiet sevi apmānīt, =no rūpnīcas, nokopēj*,
    =oriģinalitāte nulle, =tikai saku, =nav stiprā puse, =nav viņu stiprā, =kā gumija,
    =kā plastmasa, =kā kartons, =kas to pērk, =kas to ēd, =esiet uzmanīgi, =jaunām etiķetēm,
    =pagājušās nedēļas, pārlīmē*, =kurš to apstiprināja
""") + _terms("en", """
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
    =cringy, =who approved, =from a factory, =just so you know
    """)

# Judgements of a whole group beyond insults: bans, sweeping claims, "go back".
STEREOTYPES = _terms("lv", """
    =visi līdz vienam, =visi vienādi, =visi ir, =vienmēr, slink*, noziedzniek*,
    =nedrīkstētu, =nevajadzētu ļaut, =nedrīkst ļaut, =jāaizliedz, =brauc mājās,
    =lai brauc mājās, =atņem darbu, =atņem mums, =negrib strādāt, =nevar uzticēties,
    =nepieņemt darbā, =neņemt darbā, =neņemtu darbā, =zagļi, =zog, =netīri, =smird,
    =nav ko darīt, =nav vietas, =vīriešu darbs, =sieviešu darbs, =nav piemērot*, =nespēj,
    =tikai problēmas, =jāņem darbā, =vajag ņemt darbā
""") + _terms("en", """
    =shouldn't be allowed, =should not be allowed, =should be banned, =ban them,
    =not be allowed, =all the same, =every single one, =all of them, =they all, =always,
    =lazy, =criminals, =thieves, =go back, =take our jobs, =steal, =can't be trusted,
    =cannot be trusted, =don't hire, =never hire, =wouldn't hire, =shouldn't work,
    =should not work, =don't belong, =dirty, =not suitable, =can't handle, =belong in,
    =no place in, =have no business, =only problems, =only trouble, =nothing but trouble
""")

# Health and other sensitive facts about a person.
HEALTH = _terms("lv", """
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
""") + _terms("en", """
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
HEALTH_VETO = _terms("lv", """
    ziedoj*, labdarīb*, =ziedojumu, =ziedojumi, koncert*, =apnicis
""") + _terms("en", """
    donat*, charity, fundrais*, =sick of, =sick and tired, =sick day, =ill-timed,
    =children's hospital, =sick beats
""")

# Secrecy cues: said in a public post, they announce that what follows is not public. These
# are findings on their own.
SECRECY = _terms("lv", """
    =neviens vēl nezina, =vēl neviens nezina, =neviens vēl nav dzirdējis, =tikai starp mums,
    =starp mums runājot, =starp mums sakot, konfidenciāl*, nopludināt*, =noplūdis, =noplūda,
    =iekšējai lietošanai, =tikai iekšējai, =vēl nav oficiāli, =vēl nav paziņots,
    =pirms oficiālā paziņojuma, =pirms oficiāla paziņojuma, =pirms tas tiek paziņots,
    =pirms paziņošanas, =neoficiāli, =jūs to nedzirdējāt, =to nedzirdējāt no manis,
    =vēl nav publisks, =vēl nav publiski, =vēl nav publiskots, =vēl ir noslēpums,
    =vēl noslēpums, =pagaidām noslēpums, =iekšējā info, =iekšējā informācija,
    =darbinieku sapulcē, =iekšējā sapulcē, =nevajadzētu stāstīt, =droši vien nedrīkstu,
    =nedrīkstu stāstīt, =nedrīkstētu stāstīt, =redzēju tabulā, =redzēju e-pastā
""") + _terms("en", """
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
    =not supposed to say, =saw the spreadsheet, =saw the email, =saw the document
""")

# Playful secrecy: marketing teasers use it too ("Psst... pumpkin bread is back!"), so these
# count only next to plans, dates of launches, money or people (unannounced-plans).
SECRECY_SOFT = _terms("lv", """
    =klusiņām, =pagaidām klusiņām, =čuču, =psst, =pst, =ššš, =nevienam nesakiet,
    =nevienam nestāstiet, =nestāstiet nevienam, =nesakiet nevienam, =starp mums, =pssst,
    =baumas, =baumo, =runā ka
""") + _terms("en", """
    =don't tell anyone, =do not tell anyone, =dont tell anyone, =don't tell anybody,
    =between us, =psst, =pssst, =shh, =shhh, =sneak peek, =spoiler, =can't say much,
    =cannot say much, =stay tuned, =watch this space, =rumour, =rumours, =rumor, =rumors,
    =word is
""") + (("#hush", "any"),)

# Words near a capitalised word that make it something other than a business to attack:
# "Neejiet garām" is "don't miss", not "stay away".
BUSINESS_VETO = _terms("lv", """
    =neejiet garām, =nepalaidiet garām, =nepaejiet garām, =neaizmirstiet
""") + _terms("en", """
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
