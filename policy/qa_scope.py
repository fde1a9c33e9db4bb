"""Is a question about the social-media policy at all? The general scope rules of the Q&A engine.

Retrieval scores alone are too strict for people who do not use the policy's words: "is it ok if I
upload the team photo to my page?" or "vai var komentēt zem konkurenta reklāmas?" share few
stems with any clause. What makes such a question in scope is its shape: it asks for permission
or advice ("can I", "is it ok", "should I", "vai drīkstu", "vai var", "ko darīt", "kā rīkoties")
*and* it is about saying or showing something to someone (posting, sharing, an account, a
platform, a colleague, a customer, a competitor, a photo, the company, a review, a journalist).

The other side of the trade-off is workplace admin, which also asks for permission and names
colleagues and managers: leave, pay dates, shifts, badges, IT, facilities, training. Such a
question is out of scope unless it also says where in public (a platform, "post", "online").

Pure functions over folded text (`policy.text.fold`); the patterns are data, one line per idea.
"""
from __future__ import annotations

import re


def _any(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


# Asks whether something may or should be done, or what to do.
ASKS = _any(
    r"^\W*(can|could|may|might|shall) (i|we)\b|\b(am i|are we) (allowed|permitted|supposed)\b",
    r"\b(is|would|will) (it|that|this) (be )?(ok|okay|fine|alright|allowed|acceptable|appropriate|a problem|an issue"
    r"|a good idea|wise|smart)\b|\bok( if| to)\b|\b(ok|okay|fine)\W*$",
    r"\b(should|must) (i|we)\b|\bdo (i|we) (have|need) to\b|\bdo i need\b",
    r"\bwhat (should|do|can|shall) (i|we) (do|say|write)\b|\bhow (should|do|can) (i|we) (handle|respond|react|deal|reply)\b",
    # "Does my boss read my chats?", "vai vadība skatās ...": whether others may do something to you.
    r"^\W*(does|do|will|would|can|could|may|is|are) (the |my |our )?(company|management|manager|boss|employer|hr"
    r"|supervisor|director|ceo|comms|communications team)\b",
    r"^\W*vai (uznemums|vadiba|(mans )?(vaditajs|prieksnieks|darba devejs|sefs)|direktors|komunikacijas nodala)\b",
    r"\bvai (es |man |mes |mums )?(ir )?(drikst\w*|var\b|varu|varam|varetu|ir (ok|labi|pienemami|atlauts|normali)"
    r"|butu (ok|labi|normali)|vajag|vajadzetu|jā\w+|ja(?=[a-z]{4,}))",
    r"\bko (lai |man |mums )?(dara|darit|daru|saku|teikt|rakstit)\b|\bka (lai |man |mums )?(rikojas|rikoties|reaget|atbildet)\b",
)

# Shows or says something where others see it: posting, platforms, accounts, pictures, reviews,
# comments, opinions, the press. Enough on its own.
SHOWING = _any(
    r"\b(post\w*|writ(e|es|ing)|wrote|upload\w*|put (it |this |them )?up|tag\w*|comment\w*|tweet\w*|publish\w*|stor(y|ies)|reels?|bio"
    r"|profile|page|account|feed|opinions?|views|online|internet|social|facebook|insta\w*|linkedin|tiktok|twitter"
    r"|youtube|whatsapp|messenger|dms?|photos?|pics?|pictures?|selfies?|videos?|vids?|images?|screenshots?"
    r"|reviews?|ratings?|logo|journalists?|reporters?|press|influencers?)\b",
    r"\b(\w*rakst\w*|ielik\w*|uzlik\w*|ievieto\w*|publice\w*|publisk\w*|atzim\w*|komentar\w*|komentet\w*|kommentet\w*"
    r"|ierakst\w*|kont(s|a|u|ā|os|am)\b|profil\w*|lap(a|u|as)\b|tikl\w*|medij\w*|feisbuk\w*|bild\w*|foto\w*"
    r"|video\w*|selfij\w*|atsauksm\w*|logo|viedokl\w*|uzskat\w*|zurnalist\w*)\b",
)
# People a post may be about, and the company: in scope only together with a word for saying
# something (`policy.qa_vocab.is_speech`): "can I tell a colleague ..." is, "can I invite a
# client to lunch?" is not.
PEOPLE = _any(
    r"\b(colleagues?|co-?workers?|teammates?|customers?|clients?|shoppers?|visitors?|managers?|boss|management"
    r"|competitors?|rivals?|suppliers?|partners?|company|employer|bakery|brand)\b",
    r"\b(koleg\w*|klient\w*|pircej\w*|apmekletaj\w*|vaditaj\w*|prieksniek\w*|vadib\w*|konkurent\w*"
    r"|piegadataj\w*|partner\w*|uznemum\w*|firm\w*|maiznic\w*|ceptuv\w*)\b",
)

# Workplace admin: asks for permission and names people, but is not about saying anything.
ADMIN = _any(
    r"\b(vacation|holiday(s| days| schedule)|day off|days off|time off|take (friday|monday|\w+day) off|annual leave"
    r"|sick (day|days|leave|note)|parental leave|payslip\w*|pay ?day|payroll|bank details|expense\w*"
    r"|(swap|change|switch|cover|trade)\w* (my |a |the )?shifts?|shifts? (swap|change|with a)|work(ing)? from home"
    r"|remote work|badge|id card|staff card|key card|password|laptop|computer|printer|vpn|wifi|wi-fi|e-?mail (is )?not working"
    r"|parking|park my|canteen|uniform|dress code|training|course|health insurance|gym|overtime hours"
    r"|(be|am|i'?m|running) late\b|eat (lunch )?at my desk|lunch at my desk|bring my (dog|kid|child)|business cards?)\b",
    r"\b(atvalinajum\w*|brivdien\w*|briva diena|slimib\w* lap\w*|algas (diena|izmaks\w*|aprekin\w*|lapin\w*)"
    r"|izmaksa\w* alg\w*|alg\w* izmaks\w*|mainu ar|mainam ar|mainit mainu|nomainit mainu|no majam|attalinat\w*"
    r"|caurlaid\w*|parol\w*|dator\w*|printer\w*|darba telefon\w*|e-?pasts? (neiet|nestrada)|neiet e-?pasts"
    r"|stavviet\w*|novietot masin\w*|masin\w* (pie|novieto)|edinasan\w*|darba apgerb\w*|apmacib\w*|kursi\w*"
    r"|sporta (zal|klub)\w*|abonement\w*|komandejum\w*|apdrosinasan\w*|nokavet\w*|nokavesu|kavesos|suni uz darbu)\b",
)


# Internal tools and errands, where "post" and "share" mean something else ("post the minutes on
# SharePoint", "post a parcel", "share my screen"): out of scope even with such a word, unless a
# public platform is named too.
INTERNAL_ERRANDS = _any(
    r"\b(intranet|sharepoint|(hr|leave|employee|staff) portal|notice ?board|share (my |the )?screen|screen ?shar\w*"
    r"|excel|omniva|dpd|parcel|chatgpt|copilot|price offer|meeting minutes|teams call|zoom call|team channel"
    r"|shared drive|google drive|linkedin premium|reimburs\w*|timesheet\w*|jira|confluence|journal entr\w*"
    r"|accruals?|open (post|position|role) in|apply for internally|internal phone list|outlook|powerpoint|ms word"
    r"|microsoft word|word (document|doc|report|file)|in word\b|slack|teams channel|bitbucket|gitlab|github"
    r"|pull request|merge request|code review|story points?|sprint|crm|erp|hr system|out-of-office|out of office"
    r"|credit note|invoice \d|vat number|performance review|self-assessment|projector|meeting room|pdf|template"
    r"|internal job board|internal newsletter|account manager|handling their account|payday|pay day)\b",
    r"\b(intranet\w*|iekseja tikl\w*|(hr|personala) portal\w*|zinojumu del\w*|ekran\w* kopigo\w*|excel\w*"
    r"|omniva|dpd|pak\w* (sutit|nosutit)\w*|chatgpt|cenu piedavajum\w*|sapulces protokol\w*|koplietosan\w* map\w*"
    r"|kompenset\w*|informacijas stend\w*|jira|darba laika uzskait\w*|ieksej\w* talrun\w*|\w*stavviet\w*"
    r"|outlook\w*|powerpoint\w*|word dokument\w*|slack\w*|teams (kanal|sapulc)\w*|bitbucket\w*|gitlab\w*"
    r"|koda review|story point\w*|sprint\w*|crm\w*|erp\w*|kreditrekin\w*|pdf|sablon\w*|projektor\w*"
    r"|ieksej\w* (darba sludinajum\w*|jaunumu izdevum\w*|portal\w*)|klienta kont\w* (vada|parnem)\w*)\b",
)
PLATFORMS = re.compile(
    r"\b(facebook|feisbuk\w*|insta\w*|linkedin(?! premium)|tiktok|twitter|x\.com|youtube|snapchat|reddit|threads"
    r"|soc\w* (media|tikl\w*|medij\w*)|social media|online|internet\w*|publicly|publiski)\b"
)


def asks_about_saying(folded: str, speech: bool) -> bool:
    """A request for permission or advice about saying or showing something to someone;
    `speech` says the question has a word for saying something (tell, write, joke, share)."""
    if not ASKS.search(folded):
        return False
    return bool(SHOWING.search(folded)) or (speech and bool(PEOPLE.search(folded)))


def is_admin(folded: str) -> bool:
    """Workplace admin (leave, pay dates, shifts, IT, facilities): not the policy's business."""
    return bool(ADMIN.search(folded))


def is_internal_errand(folded: str) -> bool:
    """An internal tool or errand ("post the minutes on SharePoint") with no public platform."""
    return bool(INTERNAL_ERRANDS.search(folded)) and not PLATFORMS.search(folded)
