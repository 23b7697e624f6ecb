"""``People``: who an article names, and the lookups that resolution asks of them.

Built by ``roster.scan``; answers the canonical (registry or fullest) form of a name,
a name's gender, whether it is a person, and the latest person or clause subject
before a position that a pronoun of some gender can mean.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from index.lexicon import (
    DEMONYMS,
    FEMALE_FIRST_NAMES,
    FUNCTION_WORDS,
    INDEFINITE_PRONOUNS,
    MALE_FIRST_NAMES,
    NON_PERSON_WORDS,
)
from index.speakers import SpeakerRegistry, gender_of_honorific

from .document import Doc, coordinate, has_word, sent_of, whole_word_at
from .names import (
    PARTICLES,
    epithet_word,
    leading_role,
    name_of_run,
    names_an_organisation,
    one_edit,
)
from .namesakes import newest_namesake
from .orgs import is_outlet, named_as_firm
from .roles import ORG_HEADS, Stated, scan_roles
from .roster import scan
from .words import (
    FEMALE_NAMES,
    FIRST_NAMES,
    GROUP_NOUNS,
    MALE_NAMES,
    PLACES,
    cap,
)

_GROUP_ENDINGS = ("ians", "icans", "ites", "ists")  # "Latin Americans", "Californians"
_NUMERALS = frozenset({"II", "III", "IV", "JR", "SR"})
_WORD_RUN_RE = re.compile(r"(?:[^\W_]|['’\-])+")  # a word as has_word sees one
_RUN_RE = re.compile(r"[\w'’\-]+")  # the same with "_"
_GLUED = frozenset("_.'’-")
_LOOKUPS_BEFORE_A_SET = 32
_NAMESAKES = 8  # people with one surname that a bare surname is weighed between
_FIRST_AND_SURNAME_RE = re.compile(r"\b([A-Z][a-z]+)[ \u00a0]+(?:[A-Z]\.[ \u00a0]+)?([A-Z][\w'’\-]+)")
_HONORIFIC_BEFORE_RE = re.compile(r"\b(Mr|Mrs|Ms|Miss|Madam|Dame|Lady|Sir|Lord)\.?[ \u00a0]+$")


@dataclass
class Known:
    """What an article has told about its people so far, kept across the sections of a
    long text (``sections.py``): full names at the offset of their first use in the whole
    text, genders, and who is a person, a speaker or a registered name used here."""

    full: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # surname -> [(first pos, full name)]
    by_first: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # first word -> [(first pos, name)]
    by_names: dict[tuple[str, str], list[str]] = field(default_factory=dict)  # (surname, first word) -> names
    full_names: set[str] = field(default_factory=set)  # every full name in `full`
    gender: dict[str, str] = field(default_factory=dict)
    persons: set[str] = field(default_factory=set)  # names with a title, an honorific or ", who"
    speakers: set[str] = field(default_factory=set)  # names that a cue attributes speech to
    registered_here: set[str] = field(default_factory=set)
    roles: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # role word -> [(pos, person)]
    shapes: dict[tuple[str, int], list[str]] = field(default_factory=dict)  # (first letter, length) -> surnames


CATAPHORA = 600  # how far after a role noun its first holder may be named (characters)


# parties named by one word, which are never a person
_PARTIES = frozenset("labour tories tory conservatives democrats republicans gop ukip snp liberals greens dems".split())


class People:
    """Names used in the article: fullest forms, genders, roles, mention positions.

    `known` carries what earlier sections of a long text said (``offset`` is where this
    document starts in that text); positions in it are offsets into the whole text.
    """

    def __init__(self, doc: Doc, registry: SpeakerRegistry, known: Known | None = None, offset: int = 0) -> None:
        self.registry = registry
        self.doc = doc
        self.offset = offset
        known = known if known is not None else Known()
        self.full = known.full
        self.gender = known.gender
        self.registered_here = known.registered_here
        self.speakers = known.speakers
        self.persons = known.persons
        self._full_names = known.full_names
        # Indexes kept as names are found, so that no question about a name reads the whole
        # article (that made extraction quadratic in its length):
        self._by_first = known.by_first
        self._by_names = known.by_names
        self._roles = known.roles
        self._shapes = known.shapes
        self.mentions: list[tuple[int, str]] = []  # (pos, canonical) in order
        self.subjects: list[tuple[int, str]] = []  # names that start a clause, in order
        self._lower_seen: dict[str, bool] = {}
        self._first_name_full: dict[int, str] = {}  # subject position -> full name of a first name
        self.embedded: set[int] = set()  # cues whose speaker is inside another clause
        self.askers: set[int] = set()  # cues of a question ("a voter asked if she ..."): no reply
        self.asked: dict[int, str] = {}  # such a cue -> whom it names as asked, who replies
        self.unissued: list[int] = []  # cues of a document nobody issued ("the report said"): what "it" may be
        # positions of full-name mentions by (surname, first word), indexed as far as
        # self.mentions[:_indexed] (the scan adds mentions while it asks for names)
        self._surnames: dict[tuple[str, str], list[int]] = {}
        self._surname_genders: dict[str, str] = {}  # surname shared by two people -> see _surname_gender
        self._misspellings: dict[tuple[str, int], str | None] = {}  # see _misspelt
        self._indexed = 0
        self._named: dict[str, bool] = {}  # is this registered name written in the article?
        self._words: set[str] | None = None  # the article's words (runs of letters, digits, '’-)
        self._cap_tokens: dict[str, list[int]] | None = None  # capitalised word -> its token indexes
        self._bare_asked = 0
        self._firms: dict[str, bool] = {}  # names written after a profession's plural ("analysts Gartner")
        self.groups: set[str] = set()  # names a plural verb follows ("Birmingham have confirmed")
        scan(self, doc)
        self.stated = Stated(scan_roles(doc, self))  # the roles the article gives named people and bodies

    def add_role(self, word: str, pos: int, name: str) -> None:
        """`name` is named with the role noun `word` at `pos` ("spokesman Josh Earnest")."""
        self._roles.setdefault(word, []).append((pos + self.offset, name))

    def role_holder(self, word: str, pos: int) -> str | None:
        """Who the article names with role noun `word`: the last one before `pos`, else the
        first one after it ("candidate Ben Carson", "candidate Jeb Bush")."""
        named = self._roles.get(word)
        if not named:
            return None
        i = bisect.bisect_right(named, (pos + self.offset, "\uffff"))
        if i:
            return named[i - 1][1]
        # (named only later: close by, as a title then its holder is written, not pages on)
        return named[0][1] if named[0][0] - pos - self.offset <= CATAPHORA else None

    def add_full(self, pos: int, name: str) -> None:
        """A full name used for the first time at `pos`."""
        words = name.split()
        pos += self.offset
        surname = words[-1].lower()
        if surname not in self.full:
            self._shapes.setdefault((surname[:1], len(surname)), []).append(surname)
        self.full.setdefault(surname, []).append((pos, name))
        for i in range(2, len(words) - 1):
            if words[i] in PARTICLES:
                # "Lula" for Luiz Inacio Lula da Silva: the word before the surname's particle
                self.full.setdefault(words[i - 1].lower(), []).append((pos, name))
                break
        self._by_first.setdefault(words[0], []).append((pos, name))
        self._by_names.setdefault((words[-1].lower(), words[0]), []).append(name)

    def used_in_lower_case(self, word: str) -> bool:
        """Does the article also write this word in lower case ("Cost" vs "cost")?"""
        low = word.lower()
        got = self._lower_seen.get(low)
        if got is None:
            # a few words are looked for in the text; past that, in the set of its words,
            # made once (a long text asks for thousands; a news article for a handful)
            if self._words is None and len(self._lower_seen) >= _LOOKUPS_BEFORE_A_SET:
                # runs of letters, digits and '’- (one character class scans fast; "_" splits)
                runs = _RUN_RE.findall(self.doc.masked)
                self._words = {w for run in runs for w in run.split("_")} if "_" in self.doc.masked else set(runs)
            if self._words is not None and _WORD_RUN_RE.fullmatch(low):
                got = low in self._words
            else:  # (and a word of other characters, "u.s", always)
                got = has_word(self.doc.masked, low)
            self._lower_seen[low] = got
        return got

    def canonical(self, name: str, pos: int) -> str:
        """The registry name, or the fullest form of this name used in the article."""
        canon = self.registry.canonical(name)
        honorific = _HONORIFIC_BEFORE_RE.search(self.doc.masked, max(0, pos - 8), pos) if " " not in name else None
        said_gender = gender_of_honorific(honorific.group(1)) if honorific is not None else ""
        if canon is not None and said_gender and self.registry.gender(canon) not in ("", said_gender):
            canon = None  # "Mrs. Trump said": not the registered Donald Trump (nor "Mr. Clinton" Hillary)
        if (
            canon is not None
            and not said_gender
            and " " not in name
            and self.registry.gender(canon)
            and self.full.get(name.lower())
            and not self._written(canon)
        ):
            # "Trump ... she said", again and again, in an article about Ivanka Trump (where
            # the registered Donald Trump is never named in full)
            g = self._surname_gender(name)
            if g and g != self.registry.gender(canon):
                same = [f for _, f in self.full[name.lower()] if self.gender_of(f) == g]
                if len({f.split()[0] for f in same}) == 1:
                    return max(same, key=len)
        if canon is not None:
            return canon
        words = name.split()
        if not words:
            return name
        if said_gender and len(words) == 1:
            same = [f for _, f in self.full.get(words[0].lower(), ()) if self.gender_of(f) == said_gender]
            if len({f.split()[0] for f in same}) == 1:
                return max(same, key=len)  # "Mrs. Trump" in an article about Melania Trump
        if len(words) > 2 and words[0].lower() in DEMONYMS and not names_an_organisation(words):
            words = words[1:]  # "Russian Dmitriy Bogdanov" is Dmitriy Bogdanov
            name = " ".join(words)
        if len(words) >= 2 and (leading_role(words) or any(epithet_word(w) for w in words[:-1])):
            core = name_of_run(tuple(words))[0]  # "Liberal Oscar-winner Sarandon": Sarandon
            if core:
                words = list(core)
                name = " ".join(words)
        fulls = self.full.get(words[-1].lower())
        if not fulls:
            if len(words) == 1 and name.lower() in FIRST_NAMES:
                # "Bill" in an article about Bill Clinton and Hillary Clinton: the full name
                # used last before `pos`, else the first one after it
                named = self._by_first.get(name, ())
                i = bisect.bisect_right(named, (pos + self.offset, "\uffff"))
                for _, full in (*reversed(named[:i]), *named[i:]):
                    if self.is_person(full):
                        return full
            return name
        if len(words) >= 2 and words[0].lower() in PARTICLES:
            # "De Blasio" opening a sentence is Bill de Blasio's surname
            for _, full in fulls:
                if full.lower().endswith(name.lower()) and len(full) > len(name):
                    return full
            return name
        if len(words) >= 2:
            # a full name: prefer a longer form with the same first word
            for full in self._by_names.get((words[-1].lower(), words[0]), ()):
                if len(full) > len(name):
                    return full
            return name
        # a surname: the fullest name with it used so far (else later in the article); of
        # the last few people so named (fulls are in the order of their first use), which
        # keeps a very long text's common surnames from costing more per use
        if len(fulls) == 1:
            return fulls[0][1]  # the only one either way
        i = bisect.bisect_right(fulls, (pos + self.offset, "\uffff"))
        earlier = [f for _, f in fulls[max(0, i - _NAMESAKES) : i]] or [f for _, f in fulls[:_NAMESAKES]]
        firsts = {f.split()[0] for f in earlier}
        if len(firsts) > 1:
            # "Clinton ... she said", again and again: the surname alone means Hillary, not Bill
            g = self._surname_gender(words[-1])
            same = [f for f in earlier if self.gender_of(f) == g] if g else []
            if same and len({f.split()[0] for f in same}) == 1:
                return max(same, key=len)
        if len(firsts) > 1 and self.doc.paras:
            # "Faultless Federer has no equal" heads the article about Roger Federer: a
            # headline's word before a surname is no first name
            top = self.doc.paras[0][1] + self.offset
            body = {f for p, f in fulls if p >= top or f.split()[0].lower() in FIRST_NAMES}
            if body and len(body) < len(set(earlier)):
                earlier = [f for f in earlier if f in body] or [f for _, f in fulls if f in body][:_NAMESAKES]
                firsts = {f.split()[0] for f in earlier}
        if len(firsts) > 1:
            # two people with one surname ("Liz Cheney" and her father "Dick Cheney"): the
            # one just introduced in this paragraph, else the one the article names most,
            # the first on a tie
            count = {f: self._mentions_before(name.lower(), f, pos) for f in firsts}
            top = max(count.values())
            keep = newest_namesake(self, name.lower(), firsts, pos) or next(
                f for f in (g.split()[0] for g in earlier) if count[f] == top
            )
            earlier = [f for f in earlier if f.split()[0] == keep]
        return max(earlier, key=lambda f: (f.split()[0].lower() in FIRST_NAMES, len(f)))

    def spelt_out(self, name: str) -> str:
        """A speaker's name as the article gave it in full, when a bare surname misspells it
        (asked of speakers only: a long article has too many capitalised words to ask of all)."""
        return self._misspelt(name) or name if " " not in name else name

    def _misspelt(self, name: str) -> str | None:
        """The one person whose surname this bare, never-introduced surname misspells by a
        letter ("Nijnisto told Putin" after "Finnish leader Sauli Niinisto"; "Keidis" for
        Kiedis): news style names everyone in full first, so a near-twin is a typo."""
        low = name.lower()
        if len(low) < 6 or not name[:1].isupper() or name.isupper() or not low.isalpha() or low in GROUP_NOUNS:
            return None
        shapes = [self._shapes.get((low[:1], n), ()) for n in (len(low) - 1, len(low), len(low) + 1)]
        key = (low, sum(map(len, shapes)))  # (the answer holds until a surname of its shape is added)
        if key in self._misspellings:
            return self._misspellings[key]
        got = None
        near = [
            k
            for same in shapes  # (by shape: a long text has many surnames)
            for k in same
            if k.isalpha() and one_edit(k, low) and low != k + "s" and k != low + "s"  # ("Catholics": no typo)
        ]
        if len(near) == 1 and not self.used_in_lower_case(low):
            named = {f for _, f in self.full[near[0]]}
            full = named.pop() if len(named) == 1 else None
            got = full if full is not None and self.is_person(full) else None
        self._misspellings[key] = got
        return got

    def _surname_gender(self, surname: str) -> str:
        """The gender of the subject pronouns ("he", "she") that follow the bare surname
        in its own sentence, before any other name; "" unless they clearly agree. (Not
        after a possessive: in "Clinton's wife said she", "she" is the wife.)"""
        got = self._surname_genders.get(surname)
        if got is not None:
            return got
        doc = self.doc
        votes = {"male": 0, "female": 0}
        for k, start in self._bare_uses(surname):
            if (
                k < len(doc.tokens)
                and doc.token_starts[k] == start
                and k > 0
                and cap(doc.tokens[k - 1][2])
                and not doc.gaps[k].strip()
            ):
                continue  # part of a full name ("Bill Clinton"), which says who it is
            end = doc.sents[sent_of(doc, start)][1] if doc.sents else len(doc.masked)
            for j in range(k + 1, min(len(doc.tokens), k + 25)):
                if doc.tokens[j][0] >= end:
                    break
                w = doc.lows[j]
                if w in ("he", "she"):
                    g = "male" if w == "he" else "female"
                    if not self._other_of_gender_before(surname, g, start):
                        votes[g] += 1  # (not when "she" may be Hillary Clinton, named just before)
                    break
                if cap(doc.tokens[j][2]) and w not in FUNCTION_WORDS:
                    break  # another name: the pronoun may be theirs
        male, female = votes["male"], votes["female"]
        g = "male" if male and male >= 3 * female else "female" if female and female >= 3 * male else ""
        self._surname_genders[surname] = g
        return g

    def capitalised_inside(self, word: str) -> bool:
        """Is `word` written with its capital somewhere other than a sentence's start (so
        a name, not a common word that opened a sentence: "Google", not "Markets")?"""
        doc = self.doc
        for _, at in self._bare_uses(word):
            if doc.sents:
                ss = doc.sents[sent_of(doc, at)][0]
                if doc.masked[ss:at].strip(" \"“‘'(\n\x01”’-–—•*"):
                    return True
        return False

    def _bare_uses(self, word: str) -> list[tuple[int, int]]:
        """Where `word` (capitalised) stands as a word of its own: (token index, offset).

        The first few words asked for are searched for in the text; past that, an index
        of the capitalised tokens is made once (a long text asks for hundreds).
        """
        doc = self.doc
        self._bare_asked += 1
        indexed = "." not in word and word[:1].isupper()  # (the index keys no other word)
        if not indexed or self._cap_tokens is None and self._bare_asked <= _LOOKUPS_BEFORE_A_SET:
            m = doc.masked
            return [
                (bisect.bisect_left(doc.token_starts, at), at)
                for at in whole_word_at(m, word)
                if not at or not (m[at - 1].isalnum() or m[at - 1] in _GLUED)
            ]
        if self._cap_tokens is None:
            self._cap_tokens = {}
            for k, w in enumerate(doc.words):
                if w[:1].isupper():
                    self._cap_tokens.setdefault(w.split(".", 1)[0], []).append(k)
        m, starts = doc.masked, doc.token_starts
        # a token is never preceded by a letter or digit; "_", ".", "'" or "-" before it
        # make it part of something else ("U.S.Smith", "-Smith")
        return [(k, starts[k]) for k in self._cap_tokens.get(word, ()) if m[starts[k] - 1 : starts[k]] not in _GLUED]

    def _written(self, name: str) -> bool:
        """Is `name` written (anywhere, as is) in the article?"""
        got = self._named.get(name)
        if got is None:
            got = self._named[name] = name in self.doc.masked
        return got

    def _other_of_gender_before(self, surname: str, gender: str, pos: int) -> bool:
        """Whether someone of `gender` with another surname is named in the sentence of
        `pos` or the one before ("Hillary Clinton was in Ohio. Trump said she lied")."""
        names = FEMALE_NAMES if gender == "female" else MALE_NAMES
        doc = self.doc
        start = doc.sents[max(0, sent_of(doc, pos) - 1)][0] if doc.sents else max(0, pos - 300)
        for m in _FIRST_AND_SURNAME_RE.finditer(doc.masked, start, pos):
            if m.group(1).lower() in names and m.group(2) != surname:
                return True
        return False

    def _mentions_before(self, surname: str, first: str, pos: int) -> int:
        """How many times the full name `first` ... `surname` is used before `pos`."""
        mentions = self.mentions
        for k in range(self._indexed, len(mentions)):
            p, m = mentions[k]
            words = m.split()
            if len(words) >= 2:
                bisect.insort(self._surnames.setdefault((words[-1].lower(), words[0]), []), p)
        self._indexed = len(mentions)
        return bisect.bisect_right(self._surnames.get((surname, first), ()), pos)

    def gender_of(self, name: str) -> str:
        g = self.registry.gender(name)
        if g:
            return g
        g = self.gender.get(name, "")
        if g:
            return g
        words = name.split()
        if len(words) >= 2:
            first = words[0].lower()
            if first in MALE_NAMES:
                return "male"
            if first in FEMALE_NAMES:
                return "female"
        last = words[-1].lower() if words else ""
        g = self.gender.get("#" + last, "")
        if not g and len(words) == 1:
            # a first name alone ("a resident named Caroline") says the gender, unless
            # the article knows it as a surname ("Warren" for Elizabeth Warren)
            if last in FEMALE_NAMES and last not in MALE_FIRST_NAMES:
                g = "female"
            elif last in MALE_NAMES and last not in FEMALE_FIRST_NAMES:
                g = "male"
        return g

    def is_person(self, name: str) -> bool:
        """Evidence that a name is a person: registry, a known first name, a gender, a speaker."""
        if self.registry.get(name) is not None:
            return True
        if name in self.groups:
            return False
        words = name.lower().split()
        if not words or words[0] in INDEFINITE_PRONOUNS:
            return False
        if len(words) == 1 and len(name) > 1 and name.isupper() and name.isalpha():
            return False  # "FT", "TASS", "NATO": an acronym names a body
        stated = getattr(self, "stated", None)  # (made once the scan of names is done)
        if (
            stated is not None
            and words[0] not in FIRST_NAMES
            and name not in self.persons
            and not self.gender_of(name)
            and any(r.org for r in stated.of(name))
        ):
            return False  # "the Polish daily Kurier Lubelski", "the cybersecurity firm Ergo"
        if words[0] not in FIRST_NAMES and name not in self.persons and is_outlet(name):
            return False  # "London's Evening Standard", "the Financial Times": a newspaper
        if (
            words[-1] in _PARTIES
            and (len(words) == 1 or words[0] not in FIRST_NAMES)
            or (len(words) == 1 and words[0] in PLACES and words[0] not in FIRST_NAMES)
        ):
            return False  # "Labour returned to power. ... he said", "Birmingham have confirmed": no "he"
        if not NON_PERSON_WORDS.isdisjoint(words) and not (
            # "Mayor Don Guardian": a titled first name and surname, whatever the surname means;
            # "Carolina Milanesi", "Ms Milanesi": a place's name as a first name, and a gender
            len(words) == 2
            and (
                words[0] in FIRST_NAMES
                and words[0] not in NON_PERSON_WORDS
                and (name in self.persons or words[0] in MALE_NAMES or words[0] in FEMALE_NAMES)  # "Edward Fox"
                or words[1] not in NON_PERSON_WORDS
                and self.gender_of(name)
            )
        ):
            return False
        if (
            len(words) >= 2
            and (words[-1] in ORG_HEADS or words[-1] == "industry")
            and name.rsplit(None, 1)[-1][:1].isupper()
            and words[0] not in FIRST_NAMES
            and name not in self.persons
        ):
            return False  # "World Food Programme", "Cybersecurity Task Force Group": a body
        if len(words) >= 2 and words[0] in DEMONYMS and name not in self.persons:
            return False  # "The Scottish Executive has seconded staff. But he said": a body, no "he"
        if len(words) >= 2 and name[:1].isupper():
            # a full name that is no place or organisation; not "New Yorkers" (a plural
            # demonym) nor "Independence USA" (an acronym ends no person's name)
            last = name.rsplit(None, 1)[-1]
            if last.isupper() and len(last) > 1 and last.isalpha() and last not in _NUMERALS:
                return False
            if "-" in last and last.rsplit("-", 1)[1][:1].islower():
                return False  # "Pulitzer Prize-winning": an adjective
            plural = words[-1].endswith(_GROUP_ENDINGS) or words[0] == "new" and words[-1].endswith("ers")
            return not (plural and words[0] not in FIRST_NAMES)
        if name in self.persons:
            return True
        if len(words) == 1:
            if "-" in name and name.rsplit("-", 1)[1][:1].islower():
                return False  # "T-shirts", "X-rays": a thing
            if words[0] in GROUP_NOUNS:
                return False  # "Analysts", "Protesters": a group
            if self._common_plural(name):
                return False  # "Candidates who think ...", "Latinos", "T-shirts": a group or a thing
            low = words[0]
            if low.endswith("s") and low[:-1] in self.full:
                return False  # "the Clintons": a family, not one person
        if name not in self._firms:
            self._firms[name] = named_as_firm(self.doc, whole_word_at(self.doc.masked, name))
        if self._firms[name]:
            return False  # "analysts Gartner said ... she added": a firm is no "she"
        if name in self.speakers:
            return True
        return bool(self.gender_of(name))

    def _common_plural(self, word: str) -> bool:
        """A capitalised plural whose singular or plural the article also writes in lower case.

        Surnames ending in -s ("Sanders", "Jones") are not common words, so the article
        never writes them lower-cased; "Candidates" opening a sentence is "candidates".
        """
        low = word.lower()
        if len(low) < 4 or not low.endswith("s") or low.endswith(("ss", "us", "is", "'s", "’s")):
            return False
        if self.registry.get(word) is not None or self.gender.get("#" + low):
            return False
        return (
            self.used_in_lower_case(low)
            or self.used_in_lower_case(low[:-1])
            or (low.endswith("es") and self.used_in_lower_case(low[:-2]))
        )

    def subject_before(
        self, pos: int, want: str, main_only: bool = False, exclude: str | None = None
    ) -> tuple[int, str] | None:
        """The latest person who is a clause subject before `pos`, compatible with a gender.

        With `main_only`, a subject that follows another one in its sentence is passed
        over: "Rubio refrained from attacking Bush and Christie, who say ..." keeps
        Rubio, the sentence's topic, as the antecedent of the next "he".
        """
        i = bisect.bisect_left(self.subjects, (pos, ""))
        doc = self.doc
        for k in range(i - 1, max(-1, i - 30), -1):
            p, name = self.subjects[k]
            if " " not in name and name.lower() in FIRST_NAMES:
                full = self._first_name_full.get(p)
                if full is None:
                    full = self._first_name_full[p] = self.canonical(name, p)
                name = full  # "Bill" before "Bill Clinton" was written out
            if name == exclude or not self.is_person(name):
                continue
            g = self.gender_of(name)
            if want and g and g != want:
                continue
            if main_only and want and doc.sents and self._pronoun_topic(p, want):
                continue  # "She has gone public as ... Hillary Clinton, as she pursues ...": she, before
            if (
                main_only
                and k > 0
                and doc.sents
                and sent_of(doc, self.subjects[k - 1][0]) == sent_of(doc, p)
                and not coordinate(doc, p)
            ):
                # the topic wins only if it could be meant: "Clinton campaign manager Robby
                # Mook released a memo. He writes ..." has no male topic before Mook
                topic = self.subjects[k - 1][1]
                tg = self.gender_of(topic)
                if self.is_person(topic) and (not want or not tg or tg == want):
                    continue
            return p, name
        return None

    def _pronoun_topic(self, pos: int, want: str) -> bool:
        """Whether the sentence holding `pos` opens with "he" or "she" of gender `want`
        before it: the name inside is not the sentence's topic, the pronoun's referent is."""
        doc = self.doc
        ss = doc.sents[sent_of(doc, pos)][0]
        k = bisect.bisect_left(doc.token_starts, ss)
        if k >= len(doc.tokens) or doc.tokens[k][0] >= pos or doc.masked[ss : doc.tokens[k][0]].strip():
            return False
        return doc.lows[k] == ("she" if want == "female" else "he" if want == "male" else "")

    def person_before(self, pos: int, want: str, exclude: str | None = None) -> str | None:
        """The latest person mentioned before `pos` compatible with a gender."""
        i = bisect.bisect_left(self.mentions, (pos, ""))
        for k in range(i - 1, max(-1, i - 40), -1):
            name = self.mentions[k][1]
            if name == exclude or not self.is_person(name):
                continue
            g = self.gender_of(name)
            if want and not g and not self._named_as_person(name):
                continue  # ("he" for a name with no first name, gender or title: "Nottingham Forest")
            if not want or not g or g == want:
                return name
        return None

    def _named_as_person(self, name: str) -> bool:
        """Does the article say this name is a person's: a first name, a title or a role?"""
        if name.split(None, 1)[0].lower() in FIRST_NAMES or name in self.persons:
            return True
        return self.registry.get(name) is not None or any(not r.org for r in self.stated.of(name))
