"""Speech-verb lexicon: lemmas, their inflections, and the words around speakers.

Built broader than the Gender Gap Tracker's list (it misses "urged", "cautioned",
"stressed"). Verbs are split in two tiers: *reporting* verbs can introduce indirect
speech ("X warned that ..."); the others only attribute a nearby quotation
("X called it “a disgrace”").
"""

from __future__ import annotations

from collections.abc import Iterable

# Verbs that introduce reported speech as well as quotations.
REPORTING_LEMMAS: tuple[str, ...] = tuple(
    """say tell add claim state explain argue warn caution stress urge insist declare
    announce confirm deny admit reply respond answer suggest acknowledge inform note
    recall predict promise vow pledge threaten complain concede contend maintain assert
    reiterate repeat tweet testify hint observe remark comment conclude estimate believe
    think emphasize emphasise indicate reveal disclose allege signal mention report write
    assure advise recommend propose predict counter retort acknowledge agree
    charge boast lament joke quip speculate surmise concur opine affirm aver
    reckon predict admit recount explain clarify elaborate brief convey relay reassure""".split()
)

# Verbs that attribute a nearby quotation but rarely introduce reported speech.
QUOTE_ONLY_LEMMAS: tuple[str, ...] = tuple(
    """call describe ask praise honour honor cite condemn dismiss reject criticize criticise accuse welcome demand
    shout whisper cry scream yell exclaim mutter murmur continue post quote read
    label dub term brand slam blast mock decry hail tout question wonder pray plead
    beg chant sing snap scoff sneer laugh insist interject begin finish
    conclude recite summarize summarise characterize characterise deride confess""".split()
)

# Irregular past forms (regular ones are derived).
_IRREGULAR: dict[str, tuple[str, ...]] = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "write": ("writes", "wrote", "written", "writing"),
    "think": ("thinks", "thought", "thinking"),
    "speak": ("speaks", "spoke", "spoken", "speaking"),
    "read": ("reads", "read", "reading"),
    "begin": ("begins", "began", "begun", "beginning"),
    "sing": ("sings", "sang", "sung", "singing"),
    "cry": ("cries", "cried", "crying"),
    "reply": ("replies", "replied", "replying"),
    "deny": ("denies", "denied", "denying"),
    "testify": ("testifies", "testified", "testifying"),
    "clarify": ("clarifies", "clarified", "clarifying"),
    "quip": ("quips", "quipped", "quipping"),
    "snap": ("snaps", "snapped", "snapping"),
    "admit": ("admits", "admitted", "admitting"),
    "concur": ("concurs", "concurred", "concurring"),
    "aver": ("avers", "averred", "averring"),
    "slam": ("slams", "slammed", "slamming"),
    "dub": ("dubs", "dubbed", "dubbing"),
    "plead": ("pleads", "pleaded", "pled", "pleading"),
    "pray": ("prays", "prayed", "praying"),
}

_VOWELS = set("aeiou")


def inflections(lemma: str) -> set[str]:
    """The lemma and its -s, -ed and -ing forms (phrases inflect their first word)."""
    lemma = lemma.strip().lower()
    if not lemma:
        return set()
    head, sep, rest = lemma.partition(" ")
    if head == "according":
        return {lemma}
    if head in _IRREGULAR:
        forms = {head, *_IRREGULAR[head]}
    else:
        forms = {head, _third(head), _past(head), _gerund(head)}
    return {f + sep + rest for f in forms}


def _third(w: str) -> str:
    if w.endswith(("s", "sh", "ch", "x", "z", "o")):
        return w + "es"
    if w.endswith("y") and len(w) > 1 and w[-2] not in _VOWELS:
        return w[:-1] + "ies"
    return w + "s"


def _past(w: str) -> str:
    if w.endswith("e"):
        return w + "d"
    if w.endswith("y") and len(w) > 1 and w[-2] not in _VOWELS:
        return w[:-1] + "ied"
    return w + "ed"


def _gerund(w: str) -> str:
    if w.endswith("ie"):
        return w[:-2] + "ying"
    if w.endswith("e") and not w.endswith(("ee", "ye", "oe")):
        return w[:-1] + "ing"
    return w + "ing"


def forms_of(lemmas: Iterable[str]) -> set[str]:
    """All inflected forms of `lemmas` (lower-case)."""
    out: set[str] = set()
    for lemma in lemmas:
        if isinstance(lemma, str):
            out |= inflections(lemma)
    return out


REPORTING_FORMS: frozenset[str] = frozenset(forms_of(REPORTING_LEMMAS))
QUOTE_ONLY_FORMS: frozenset[str] = frozenset(forms_of(QUOTE_ONLY_LEMMAS) - REPORTING_FORMS)

# Head nouns of unnamed sources ("two officials", "people familiar with ...").
ANONYMOUS_NOUNS: frozenset[str] = frozenset(
    """source sources official officials insider insiders people person persons
    individual individuals diplomat diplomats aide aides adviser advisers advisors
    advisor someone somebody witness witnesses observers""".split()
)

# Titles and honorifics dropped from names ("Sen. Bernie Sanders" -> "Bernie Sanders").
TITLES: frozenset[str] = frozenset(
    """mr mr. mrs mrs. ms ms. dr dr. prof prof. sen sen. senator rep rep. representative
    gov gov. governor president vice secretary minister prime chancellor director ambassador
    general gen gen. gen col col. lt lt. sgt capt cmdr adm rev rev. hon judge justice
    mayor chairman chairwoman chair speaker leader spokesman spokeswoman spokesperson
    chief deputy former acting attorney commissioner congressman congresswoman
    president-elect presidentelect pope king queen prince princess lord lady sir dame
    sheikh ayatollah premier candidate nominee frontrunner front-runner gop republican
    democrat democratic presumptive state house senate white u.s. us uk un eu
    sir ceo cfo coo executive professor analyst economist officer agent editor
    editor-in-chief publisher founder co-founder anchor correspondent columnist strategist
    pollster mp mep msp archbishop bishop cardinal reverend""".split()
)

# Capitalised words that start sentences but never names.
FUNCTION_WORDS: frozenset[str] = frozenset(
    """the a an and but or so yet however still also then meanwhile later earlier
    last first next this that these those it its he she they we i you his her their
    our my your in on at for from by with of to as after before when while if
    although though because since once now today yesterday tomorrow asked speaking whether
    writing according in instead indeed moreover furthermore besides thus hence
    separately similarly likewise elsewhere there here what who which where why how
    both either neither each every some many most several few all no not one two three
    four five six seven eight nine ten monday tuesday wednesday thursday friday saturday
    sunday january february march april may june july august september october
    november december mr mrs ms dr under over during despite among into through via like
    unlike about against amid without within beyond across around behind toward towards
    throughout along upon beside whilst hello goodbye yes oh hey wow thanks please granted admittedly
    arguably""".split()
)

PRONOUNS_MALE = frozenset({"he", "him", "his"})
PRONOUNS_FEMALE = frozenset({"she", "her"})
PRONOUNS_GROUP = frozenset({"they", "them", "their", "we"})
# nouns for one person, not an organisation or a thing: "One California delegate said he
# ..." is someone a later "he" can mean, unlike "the campaign said"
PERSON_NOUNS = frozenset(
    """delegate voter resident worker student woman man girl boy mother father wife husband
    supporter activist veteran member attendee nurse teacher owner retiree volunteer
    protester protestor demonstrator immigrant citizen reporter writer author organizer
    organiser neighbor neighbour friend customer employee lawmaker parent doctor pastor
    farmer miner donor fan viewer caller reader listener participant official
    economist professor scholar researcher strategist consultant pollster controller presenter
    analyst broker trader dealer banker lawyer investor shopkeeper driver passenger witness
    survivor soldier diplomat""".split()
)
# capitalised when they open a sentence ("Nobody asked ..."), yet never anyone's name
INDEFINITE_PRONOUNS = frozenset(
    "nobody everybody somebody anybody everyone someone anyone none nothing everything something".split()
)

# Common first names, only to tell "he" from "she" for people the registry lacks.
MALE_FIRST_NAMES: frozenset[str] = frozenset(
    """abraham enrico fidel john james robert michael william david richard joseph thomas charles christopher
    daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george
    timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry
    justin scott brandon benjamin samuel gregory frank alexander raymond patrick jack dennis
    jerry tyler aaron jose adam henry nathan douglas zachary peter kyle walter ethan jeremy
    harold keith christian roger noah gerald carl terry sean austin arthur lawrence jesse
    dylan bryan joe jordan billy bruce albert willie gabriel logan alan juan wayne roy ralph
    randy eugene vincent russell elijah louis bobby philip johnny bernie ted marco jeb ben
    chris mike mitt barack bill newt rand rick lindsey mitch reince karl rudy dick tim
    jim tom dan bob ron ken steve greg jeff tony harry vladimir dmitry dmitri volodymyr
    sergei sergey boris emmanuel francois recep xi ali omar hugh corey jared
    eric rex rudolph rush sean howard marty elliot andy alex allen andre andres angelo
    antonio barry ben benny bernard brad bradley brent brett calvin cameron carlos cecil
    chad charlie chuck clarence clark claude clay clayton clifford clint cody colin
    craig curtis dale darrell darren dave dean derek devin dewey don doug drew duane dustin
    earl ed eddie edgar edwin eli elliott elmer emil enrique ernest ernie evan felix fernando
    floyd francis francisco fred freddie frederick gene gil gilbert glen glenn gordon grant
    guy hank harvey hector herbert herman hal ian isaac ivan jake jamal javier jay jeffery
    jerome jimmy joel johnnie jon jorge julian julio karl keith kent kurt lance leon
    leonard leroy lester lewis lloyd lonnie luis luke malcolm manuel marcus mario marshall
    martin marvin mathew max maurice melvin micah miguel milton mitchell morris nate neil
    nelson nick norman oliver orrin oscar pat pedro perry pete phil preston rafael ralph ray
    reggie reid rene ricardo ricky rob robbie roberto rodney rodrigo roland ronnie ross ruben
    rudy salvador sam sammy scotty seth shane shawn sherrod sidney simon stan stanley stuart
    ted terrence theodore toby todd tommy travis trent trey troy vernon victor wade wallace
    warren wesley wilbur willard wilson zach jerry jesse devon luther mohammed muhammad
    ahmed hassan hussein abdul khalid yusuf ibrahim hamid mahmoud ismail mustafa benjamin
    bibi binyamin shimon ehud avigdor yair naftali moshe david francisco jacques nicolas
    jean-claude jean-marc pierre jean-luc françois manuel matteo matteo silvio giuseppe
    luigi angelo wolfgang helmut gerhard olaf horst frank-walter hans heiko juergen jürgen
    sigmar martin nigel tony gordon david boris jeremy keir rishi liam
    matt josh franz mikhail graham clive marc gavin jonny alastair gareth geoff damien olivier
    lleyton philippe kostas rupert elvis viktor arsene thierry martyn denis trevor danny yannick keanu
    federico alejandro eduardo raul sergio amadou hugo andrei alexei yuri oleg dmitriy nikolai mykola
    petro vitali vitaly arseniy igor anatoly leonid gennady valery vasily pavel piotr pawel tomasz
    andrzej jacek mateusz stefan stephan jens lars sven anders bjorn nils magnus henrik nikos giorgos
    gianni giorgio paolo massimo fabio enzo sandro claudio lorenzo alessandro francesco carlo antoine
    laurent didier gerard yves alain xavier thibault benoit lionel fabien sebastien remi dieter klaus
    uwe joachim friedrich guido markus thorsten norbert volker winfried thabo cyril julius kofi kwame
    muhammadu olusegun uhuru raila yoweri emmerson narendra rahul manmohan amit arvind ashok sunil
    rajiv sanjay vijay anil nawaz imran shehbaz asif pervez shinzo fumio yoshihide junichiro taro
    hiroshi kenji takeshi ahmet mehmet kemal hossein javad ebrahim bashar hafez abdullah salman
    mohammad mohamed hosni anwar gamal aleksandar slobodan owen rhys dai ieuan gethin huw emyr callum
    connor declan ciaran seamus padraig eamon eamonn enda gerry fergus hamish angus ewan euan iain
    alistair alasdair neville dwight dwayne tyrone darnell deshawn lamar jalen kareem cornel sheldon
    kirk duncan archie barney bertie boyd bruno byron cedric conrad cyrus dominic edmund elias
    emmett ezra gideon jasper joaquin lucas marcel mortimer nathaniel niall oswald otto quentin rufus
    sebastian silas solomon tobias tristan ulrich vaughn wilfred zane anton dario emilio esteban
    gustavo hernan horacio ignacio leandro marcelo mauricio nestor octavio pablo ramon santiago tomas
    vicente beto evo lula luiz jair kieron wes ned cory kelvin kurtis lorne mel merv monty""".split()
)
FEMALE_FIRST_NAMES: frozenset[str] = frozenset(
    """mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa
    betty margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa
    deborah stephanie rebecca sharon laura cynthia kathleen amy shirley angela helen anna
    brenda pamela nicole emma samantha katherine christine debra rachel catherine carolyn
    janet ruth maria heather diane virginia julie joyce victoria olivia kelly christina
    lauren joan evelyn judith megan cheryl andrea hannah martha jacqueline frances gloria
    ann teresa kathryn sara janice jean alice madison doris abigail julia judy grace denise
    amber marilyn beverly danielle theresa sophia marie diana brittany natalie isabella
    charlotte rose alexis kayla hillary chelsea carly nikki sarah kellyanne hope huma
    melania ivanka elizabeth nancy debbie donna michele kirsten tammy jeanne dianne
    condoleezza madeleine marine theresa ursula kamala tulsi ayanna ilhan valerie loretta
    sally susana mia jill ellen meghan katie ann abby adriana agnes aileen alexandra alicia
    alison allison alma amelia anita annette annie arlene audrey barbra becky belinda
    bernadette beth bethany betsy beverley billie bonnie brandy bridget brooke camille
    candace cara carla carmen caroline carrie cassandra cathy cecilia celia charlene cindy
    claire clara claudia colleen connie constance courtney crystal daisy dana darlene dawn
    deanna debora deirdre delia della diana dolores dora edith edna eileen elaine eleanor
    elena elisa ella eloise elsa emilia erica erika erin esther ethel eva faith felicia fiona
    florence francine gabriela gabrielle gail georgia geraldine gina ginger gwen gwendolyn
    harriet hazel heidi helena holly ida ingrid irene iris irma isabel jackie jan jana jane
    janine jasmine jeanette jenna jenny jo joanna joanne jocelyn jodi josephine joy juanita
    kara kari kate kathy katrina kay kaye kelli kendra kristen kristin kristina krystal
    lana leah lena leslie lillian linda lindsay lois lora loraine lorraine lucia lucille
    lucy lydia lynn mabel mae maggie mandy marcia margarita margie maria marian marianne
    marion marjorie marla marsha maureen maxine megyn melanie melinda mercedes meredith
    miranda misty molly monica monique muriel myra myrtle nadia naomi natasha nell nina
    nora norma olga paige paula pauline pearl peggy penny phyllis priscilla rachael ramona
    regina renee rhonda rita roberta robin rochelle rosa rosemary roxanne ruby sabrina
    samantha selena shannon sheila sherri sheryl shelly sonia sonya stacy stella sue susanne
    suzanne sylvia tamara tanya tara tina toni tracy trisha vanessa vera veronica vicki
    vickie viola violet wanda wendy whitney yolanda yvonne zoe zoey angela hilary condi
    marsha michele kristi kimberley bernadette claudine rachida segolene marion
    frauke andrea theresa nicola liz priti
    anne imelda katerina cate dena serena adele aisha alessandra alina amal anastasia angelina
    anja anke annalena antje arianna ariana astrid beatrice bettina birgit bianca brigitte catalina
    cecile chantal christa christiane cristina daniela dilma dorota edwina eliza elisabeth elise emine
    esperanza evita federica francesca giorgia giulia greta gudrun hanna hanne heike helga hilde ilse
    ines inga irina isabelle jacinda jelena johanna justine karin katarina katharina katja kerstin
    kirsty larissa leila liliana lina ludmila lyudmila magdalena maia malala margot marta martina
    mathilde michaela mila mireille monika nadine natalia nathalie olena oksana petra pia rania renate
    rosalind sabine sanna silvia simone sinead siobhan sonja stefanie susanna svetlana tatiana
    tatyana ulrike valentina valeria viktoria yulia yuliya zuzana alana annabel bryony camilla cherie
    clare dolly elspeth emmeline esme fenella freya georgina gillian hattie imogen isla jemima
    juliet lorna lottie maude mhairi millie niamh orla pippa rosie roisin shona stacey tessa thea
    yvette kezia leanne angharad oprah beyonce mazie shelley joni deb kyrsten rashida
    omarosa ivana tiffany lara gennifer neera katy jessica marianne""".split()
)

# First names given to men and women alike, neither sex a clear majority ("Pat Miller",
# "Dana Perino"): names all the same, but they say nothing about "he" or "she".
UNISEX_FIRST_NAMES: frozenset[str] = frozenset(
    """pat jordan devon robin dana jean jackie marion casey taylor jamie jessie kerry jody
    kris jaime riley avery quinn peyton reese skyler ashley jan andrea nicola""".split()
)

# Words that end organisation and place names: never "he" or "she".
NON_PERSON_WORDS: frozenset[str] = frozenset(
    """department committee party state states news times post journal university college
    school foundation campaign council court house senate congress agency association
    institute center centre network company corp inc group bank street city county union
    club united rovers athletic wanderers albion hotspur church office ministry board commission service administration government army
    navy force forces police republic kingdom nations reuters bloomberg politico cnn fox
    msnbc abc nbc cbs npr ap afp tass bbc guardian kremlin pentagon whitehouse org com
    america europe russia ukraine china iran iraq syria israel mexico canada britain france
    germany japan korea india africa asia moscow kyiv kiev washington london paris beijing
    alabama alaska arizona arkansas california colorado connecticut delaware florida georgia
    hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts
    michigan minnesota mississippi missouri montana nebraska nevada hampshire jersey mexico
    york carolina dakota ohio oklahoma oregon pennsylvania island tennessee texas utah
    vermont virginia wisconsin wyoming islamic isis isil qaeda taliban nato un eu gop dnc
    rnc fbi cia nsa doj irs sec democrats republicans capital partners holdings fund funds
    llc ltd plc corporation co industries airlines motors media studios records hospital
    clinic museum library airport station reform movement coalition alliance project
    initiative caucus society trust federation institution organization organisation
    foundation academy magazine review tribune herald gazette daily weekly radio tv
    act treaty directive report index inquiry rule
    television channel website twitter facebook google amazon microsoft hook falls
    springs valley mountain mountains creek harbor harbour square avenue road airport
    stadium arena convention conference summit""".split()
)

# Nationalities written before a name ("Russian Dmitriy Bogdanov", "Briton Paula
# Radcliffe"): they describe the person and are no part of the name.
DEMONYMS: frozenset[str] = frozenset(
    """american british briton english scottish scot welsh irish french german italian
    spanish portuguese dutch belgian swiss austrian swedish swede norwegian danish dane
    finnish finn icelandic polish czech slovak hungarian romanian bulgarian greek turkish
    russian ukrainian belarusian georgian armenian serbian croatian bosnian slovenian
    albanian lithuanian latvian estonian israeli palestinian iranian iraqi syrian
    lebanese jordanian saudi egyptian libyan moroccan algerian tunisian nigerian kenyan
    ethiopian ghanaian african chinese japanese korean indian pakistani afghan bangladeshi
    indonesian malaysian thai vietnamese filipino australian canadian mexican brazilian
    argentine argentinian chilean colombian venezuelan peruvian cuban jamaican kiwi european asian
    arab""".split()
)
