"""Targets of the `tone` detector: what a judgement is about — the people, pay, hours and
premises of work, customers, competitors, groups of people, and other persons whose health is
private — in Latvian and English, in the term syntax of `patterns.py` (`word` inflects, `word*`
is a prefix, `=word` exact; diacritics optional). How a judgement sounds is in tone_words.py.

A target alone is never a finding: "vadība", "klients", "konkurenti" are in clean posts every
day. They are broad so that a complaint is found whichever word names its target.
"""
from __future__ import annotations


def term_list(lang: str, text: str) -> tuple[tuple[str, str], ...]:
    """Terms separated by commas or new lines (phrases keep their spaces)."""
    return tuple((t.strip(), lang) for line in text.splitlines() for t in line.split(",") if t.strip())


# The people a complaint about work is aimed at: management, HR, owners, colleagues.
WORK_PEOPLE = term_list("lv", """
    vadīb*, vadītāj*, priekšniek*, priekšniec*, =šefs, =šefam, =šefu, =šefa, =šefi, =šefiem,
    =bosis, =boss, =bosam, =bosu, direktor*, =valde, =valdei, =valdes, =valdi, īpašniek*,
    personāldaļ*, =hr, darba devēj*, menedžer*, menedžment*, kolēģ*, darbabiedr*,
    =tie augšā, =augšā sēdošie, grāmatvedīb*
""") + term_list("en", """
    management, =manager, =managers, =boss, =bosses, =bossman, leadership, =upper management,
    =the top, =higher-ups, =higher ups, =execs, executive*, director*, =ceo, =owner, =owners,
    =hr, supervisor*, shift lead*, =team lead, =foreman, =employer, =employers, colleague*,
    coworker*, co-worker*, =the office, =payroll, =head office, =upstairs, =the suits,
    =the powers that be, =corporate
""")

# The workplace itself: "this company", "working here", "šo vietu".
WORK_PLACE = term_list("lv", """
    mūsu firm*, =šajā firmā, =šī firma, =šo firmu, =šajā uzņēmumā, mūsu uzņēmum*, =šo vietu,
    =šajā vietā, =šī vieta, =šeit strādāt, =te strādāt, =šeit strādā, =te strādā, =manā darbā,
    =mans darbs, =šis darbs, =šajā darbā, darba apstākļ*, darba vid*, =darbavietā,
    šeit nostrādāj*, te nostrādāj*, =no šejienes, nostrādāj*, =strādāju te, =strādāju šeit,
    =darba vietā, kolektīv*, =pie mums darbā
""") + term_list("en", """
    =the company, =this company, =our company, =my company, =my employer, =this place,
    =working here, =work here, =works here, =worked here, =this job, =my job, workplace,
    =at work, working conditions, =morale, =around here, =worked here for, =the staff, =applying here, =been here,
    =apply here, =the planning
""")

# Pay and working time: what "unpaid", "late again", "cut" are about.
WORK_TERMS = term_list("lv", """
    =alga, =algas, =algu, =algā, =algām, =algai, atalgojum*, prēmij*, piemaks*,
    paaugstinājum*, virsstund*, maiņ*, grafik*, pārtraukum*, pusdienlaik*, darba līgum*,
    atvaļinājum*, slimības lap*, darba laik*, brīvdien*, =samaksa, =samaksu, =dzeramnaudas
""") + term_list("en", """
    salary, salaries, =pay, =paid, paycheck*, paycheque*, payslip*, wage*, =raise, =raises,
    =bonus, =bonuses, overtime, =hours, =shift, =shifts, =doubles, =the schedule,
    =our schedule, =my schedule, =work schedule, =shift schedule, =new schedule,
    =another schedule, =schedules, =rota, =rotas,
    =break, =breaks, lunch break*, =contract, =holiday, =holidays, vacation*, =sick leave,
    =tips, =staffing, =time off, =days off, =rate, =holiday pay, =tips jar, =minimum wage
""")

# Premises and equipment: an internal incident is a fault that nobody fixes.
FACILITIES = term_list("lv", """
    krāsn*, saldētav*, ledusskap*, dzesētav*, dzesētāj*, mīcām*, mīklas mašīn*, iekārt*,
    aprīkojum*, jumt*, ventilācij*, apkur*, kondicionier*, tualet*, noliktav*, =cehā, =ceha,
    =cehs, =cehu, virtuv*, =grīda, =grīdu, busiņ*, furgon*, =telpās, =telpas, =darba rīki,
    trauku mazgājam*, =elektrība, =elektrības, =apkure, =siltums, =naži, =nazis,
    =instrumenti, =atpūtas telpa, =atpūtas telpā, =darba cimdi, =cimdus, =darba drēbes,
    evakuācijas izej*, =avārijas izeja, =ugunsdzēšamais aparāts
""") + term_list("en", """
    oven*, freezer*, fridge*, =cooling room, =cold room, =walk-in, mixer*, =machine,
    =machines, equipment, =roof, ventilation, heating, =air conditioning, =aircon, toilet*,
    bathroom*, warehouse, =storage room, =kitchen, =floor, =van, =vans, =delivery van, =till,
    dishwasher*, =boiler, =lights, =building, =premises, =hot water, =break room, =knife,
    =knives, =tools, =fire exit, =emergency exit, =fire extinguisher
""")

# The people we serve. "People" is here for the generalising sneer ("People are unreal").
CUSTOMERS = term_list("lv", """
    klient*, =viesis, =viesim, =viesi, =viesu, =viesiem, =viesus, =viese, pircēj*,
    apmeklētāj*, pasūtītāj*, =kundze, =kundzei, =kundzi, =kundzes, tant*, onkul*, =vecis,
    =večuks, vecīt*, =vecene, =kāds vīrietis, =kāda sieviete, =kāds vīrs, =kāds tips,
    =kāda dāma, =dāma, =dāmai, =vīrietis, =sieviete, =puisis, =meitene, =cilvēki, =ļaudis,
    =galdiņš, =galdiņam, =galdiņa, =pastāvīgais, =pastāvīgā, =mamma ar, =tas pensionārs,
    =tā pensionāre, =tā kundze, =tas vīrs, =tas tips, =tā sieviete, =tas klients, =tā tante,
    pacient*, pasažier*, =skolēni, =studenti, =iedzīvotāji
""") + term_list("en", """
    customer*, client*, =guest, =guests, shopper*, visitor*, =patron, =patrons, =regulars,
    =some guy, =this guy, =the guy, =a guy, =that guy, =some lady, =this lady, =the lady,
    =a lady, =that lady, =some woman, =a woman, =this woman, =some man, =a man, =this man,
    =old man, =old lady, =table, =people, =karen, =karens, =sir, =madam, =the woman,
    =the man, =the kid, =parents, =the couple, =a couple, patient*, passenger*, =diners, =residents,
    =members, =students
""")

# Competitors by kind; their configured names come from the profile.
COMPETITORS = term_list("lv", """
    konkurent*, =citā maiznīcā, =tā maiznīca, =tie no blakus, =blakus maiznīc*,
    =otrā pusē ielas, =pretējā maiznīca, =viena maiznīca, =kāda maiznīca, =citas maiznīcas,
    =stūra maiznīca, =blakus esošā maiznīca, =tā maiznīca, =tās maiznīcas, =viņu maiznīc*
""") + term_list("en", """
    competitor*, rival*, =the other bakery, =that bakery, =the bakery across,
    =across the street, =the place next door, =down the road, =the bakery on the corner,
    =the bakery down the street, =the place on the corner, =a certain bakery, =other bakeries,
    =some bakeries, =their bakery, =that café, =the café across
""")

# Groups of people (origin, faith, gender, orientation, age, health): a judgement of a whole
# group is hateful content whatever words it uses.
GROUPS = term_list("lv", """
    imigrant*, iebraucēj*, bēgļ*, patvēruma meklētāj*, musulmaņ*, ebrej*, čigān*, =romi,
    =romiem, =romus, =romu, =krievi, =krieviem, =krievus, ukraiņ*, =geji, =gejus, =gejiem,
    homoseksuāļ*, lesbiet*, transpersonas, =sievietes, =sievietēm, melnādain*, aziāt*,
    ārzemniek*, invalīd*, cilvēki ar invaliditāti, pensionār*, =vecie, =vecajiem, =ķīnieši,
    =indieši, =arābi, =lietuvieši, =igauņi, =baltkrievi, =nerunā latviski,
    =nemāk latviski, =nerunā latviešu valodā
""") + term_list("en", """
    immigrants, migrants, refugees, foreigners, =muslims, =jews, =gypsies, =roma, =russians,
    =gays, =lesbians, =trans people, =transgender people, =women, =blacks, =asians, =disabled,
    =old people, =boomers, =chinese, =indians, =arabs, =africans, =mexicans, =poles,
    =ukrainians, =lithuanians, =don't speak latvian, =don't speak english,
    =can't speak latvian
""")

# Another person than the author, for facts about their health.
PERSONS = term_list("lv", """
    kolēģ*, darbabiedr*, grāmatved*, pavār*, maiznie*, pārdevēj*, kasier*, šofer*, kurjer*,
    konditor*, vadītāj*, direktor*, priekšniek*, priekšniec*, =šefs, =šefam, =viņš, =viņa,
    =viņam, =viņai, =viņu, =viņas, =klients, =kliente, =klientam, =klientei
""") + term_list("en", """
    colleague*, coworker*, co-worker*, accountant*, cashier*, =baker, =bakers, =driver,
    =courier, =chef, =manager, =boss, =supervisor, =director, =he, =she, =he's, =she's, =his,
    =her, =him, =customer, =client
""")
