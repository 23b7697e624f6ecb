"""The speaker registry: canonical names, aliases and roles from the configuration.

One registry answers three questions the rest of the product asks: which canonical
person a mention in an article means ("Peskov", "the Kremlin spokesperson"), whether a
user's query names a speaker (``--speaker peskov``), and which words to index so that
``speaker:peskov`` and ``speaker:"dmitry peskov"`` both find him.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from index.lexicon import ANONYMOUS_NOUNS, TITLES
from index.models import Speaker

_ARTICLES = ("the ", "a ", "an ")
_UNSEEN: Any = object()


# the speaker of quotations whose sources the article does not name (as index.quotes.words.ANONYMOUS)
UNNAMED = "anonymous sources"

# words after which a described speaker's head has come ("sources close to the Kremlin")
_AFTER_HEAD = frozenset("of for at to from in with on within close connected familiar who that".split())


def unnamed(speaker: str | None) -> bool:
    """Is `speaker` sources the article does not name, described one way or another
    ("officials", "Russian officials", "Kremlin insiders", "the agency's sources", "sources
    close to the Kremlin")? The same anonymously sourced statement is described differently
    by each outlet; comparing renderings treats them as one speaker."""
    if not speaker:
        return False
    if speaker == UNNAMED:
        return True
    words = speaker.replace("’", "'").split()
    head = ""
    for w in words:
        low = w.lower()
        if low in _AFTER_HEAD and head:
            break
        head = low
    if head.endswith("'s"):
        head = head[:-2]
    return head in ANONYMOUS_NOUNS and not (words[0][:1].isupper() and all(w[:1].isupper() for w in words))


def normalise(text: str) -> str:
    """Lower-case, curly apostrophes straightened, spaces collapsed, dots dropped."""
    text = text.replace("’", "'").replace("‘", "'").lower()
    text = text.replace(".", " ")
    return " ".join(text.split())


def merge_speakers(
    counts: Iterable[tuple[str | None, int]], registry: SpeakerRegistry | None = None
) -> tuple[list[tuple[str | None, int]], dict[str, list[str]]]:
    """One entry per speaker across a corpus: counts summed over the names that mean the
    same speaker (the registry's aliases and transliterations: Zelensky, Zelenskiy,
    Zelenskyy; case: "Analysts", "analysts"; curly or straight apostrophes). A described
    speaker stays apart from the person it describes ("Mr Blair's official spokesman" is
    not Tony Blair), and a surname alone is never merged with a full name across
    articles (two articles' "Brown" may be two people).

    Returns the merged (name, count) list, most quoted first (None, no speaker, last), and
    each shown name's variants as stored.
    """
    totals: dict[str, int] = {}
    variants: dict[str, list[tuple[int, str]]] = {}
    none = 0
    for name, count in counts:
        if not name:
            none += count
            continue
        canon = _registered_name(registry, name)
        key = _formal(normalise(canon or name))
        totals[key] = totals.get(key, 0) + count
        variants.setdefault(key, []).append((count, name))
    shown: dict[str, list[str]] = {}
    merged: list[tuple[str | None, int]] = []
    for key, total in totals.items():
        names = variants[key]
        canon = _registered_name(registry, names[0][1])
        # the registry's name, else the most used spelling (a capital first on a tie)
        display = (
            canon
            if canon in {n for _, n in names} or canon
            else max(names, key=lambda x: (x[0], x[1][:1].isupper()))[1]
        )
        shown[display] = [n for _, n in names]
        merged.append((display, total))
    merged.sort(key=lambda x: (-x[1], x[0] or ""))
    if none:
        merged.append((None, none))
    return merged, shown


# short forms of first names that stand for one long form only ("Vince Cable" is Vincent
# Cable); ambiguous ones (Chris, Sam, Alex, Pat) are left out
_FORMAL = {
    "vince": "vincent", "bill": "william", "will": "william", "bob": "robert", "rob": "robert",
    "bobby": "robert", "jim": "james", "jimmy": "james", "mike": "michael", "mick": "michael",
    "tony": "anthony", "tom": "thomas", "tommy": "thomas", "dick": "richard", "rick": "richard",
    "dave": "david", "ken": "kenneth", "joe": "joseph", "andy": "andrew", "nick": "nicholas",
    "ben": "benjamin", "dan": "daniel", "danny": "daniel", "matt": "matthew", "pete": "peter",
    "ron": "ronald", "don": "donald", "jeff": "jeffrey", "greg": "gregory", "fred": "frederick",
    "chuck": "charles", "charlie": "charles", "liz": "elizabeth", "kate": "katherine",
}  # fmt: skip


def _formal(key: str) -> str:
    """A normalised full name with its first name in its long form ("vince cable" ->
    "vincent cable"), so that an article's "Vince" and another's "Vincent" are one speaker."""
    first, _, rest = key.partition(" ")
    return f"{_FORMAL[first]} {rest}" if rest and first in _FORMAL else key


def _registered_name(registry: SpeakerRegistry | None, name: str) -> str | None:
    """The registry's name for a stored name that is a name or an alias ("Zelensky"), not
    for a description that is a registered role ("spokesman" is no one's name)."""
    if registry is None or not name[:1].isupper() or registry.role_holders(name):
        return None
    return registry.canonical(name)


def _strip_article(text: str) -> str:
    for art in _ARTICLES:
        if text.startswith(art):
            return text[len(art) :]
    return text


def _strip_possessive(word: str) -> str:
    return word[:-2] if word.endswith("'s") else word


def name_words(name: str) -> list[str]:
    """Lower-case words of a name without titles ("President Putin" -> ["putin"])."""
    words = [_strip_possessive(w) for w in normalise(name).split()]
    core = [w for w in words if w not in TITLES and len(w) > 1]
    return core or words


class SpeakerRegistry:
    """Canonical speakers with their aliases and roles, and name matching over them."""

    def __init__(self, speakers: Iterable[Speaker] = ()) -> None:
        self.speakers: tuple[Speaker, ...] = tuple(speakers)
        self._by_alias: dict[str, str] = {}
        self._by_role: dict[str, list[str]] = {}
        self._by_surname: dict[str, list[str]] = {}
        self._first_names: dict[str, set[str]] = {}
        self._by_name: dict[str, Speaker] = {}
        self._memo: dict[str, str | None] = {}
        self._last_words: set[str] = set()  # a mention must end in one of these to match
        for sp in self.speakers:
            self._add(sp)

    # -- construction -------------------------------------------------------------
    @classmethod
    def from_config(cls, entries: list[dict[str, Any]] | None) -> SpeakerRegistry:
        """Build from config.yaml ``speakers:`` items; malformed items are skipped."""
        speakers: list[Speaker] = []
        for entry in entries or ():
            if not isinstance(entry, dict):
                continue
            name = str(entry.get("name") or "").strip()
            if not name:
                continue
            speakers.append(
                Speaker(
                    name=name,
                    aliases=tuple(str(a).strip() for a in _as_list(entry.get("aliases")) if str(a).strip()),
                    roles=tuple(str(r).strip().lower() for r in _as_list(entry.get("roles")) if str(r).strip()),
                    gender=str(entry.get("gender") or "").strip().lower(),
                )
            )
        return cls(speakers)

    def _add(self, sp: Speaker) -> None:
        self._by_name[sp.name] = sp
        for phrase in (sp.name, *sp.aliases, *sp.roles):
            words = normalise(phrase).split()
            if words:
                self._last_words.add(_strip_possessive(words[-1]))
        for mention in (sp.name, *sp.aliases):
            key = normalise(mention)
            self._by_alias.setdefault(key, sp.name)
            words = name_words(mention)
            if words:
                self._by_surname.setdefault(words[-1], [])
                if sp.name not in self._by_surname[words[-1]]:
                    self._by_surname[words[-1]].append(sp.name)
                if len(words) > 1:
                    self._first_names.setdefault(sp.name, set()).add(words[0])
        for role in sp.roles:
            self._by_role.setdefault(_strip_article(normalise(role)), []).append(sp.name)

    # -- queries ------------------------------------------------------------------
    def get(self, name: str) -> Speaker | None:
        """The registered speaker with this canonical name."""
        return self._by_name.get(name)

    def gender(self, name: str) -> str:
        sp = self._by_name.get(name)
        return sp.gender if sp else ""

    def canonical(self, mention: str) -> str | None:
        """The canonical name a mention means, or None when it is not registered.

        A role ("the Kremlin spokesperson") resolves only when exactly one registered
        speaker holds it; a surname resolves unless the mention's first name belongs to
        someone else ("Hunter Biden" is not "Joe Biden").
        """
        if not isinstance(mention, str):
            return None
        got = self._memo.get(mention, _UNSEEN)  # negatives too: extraction asks about every capitalised word
        if got is not _UNSEEN:
            return got
        if not mention.strip():
            return None
        last = mention.rsplit(None, 1)[-1].replace("’", "'").lower().strip(".")
        if _strip_possessive(last) not in self._last_words:
            got = None  # fast path: most capitalised words in an article are nobody we know
        else:
            got = self._canonical(mention)
        if len(self._memo) > 50_000:
            self._memo.clear()
        self._memo[mention] = got
        return got

    def _canonical(self, mention: str) -> str | None:
        key = normalise(mention)
        if key in self._by_alias:
            return self._by_alias[key]
        bare = _strip_article(key)
        if bare in self._by_alias:
            return self._by_alias[bare]
        owners = self.role_holders(bare)
        if len(owners) == 1:
            return owners[0]
        words = name_words(mention)
        if not words:
            return None
        honorific = key.split(None, 1)[0].strip(".") if " " in key else ""
        for name in self._by_surname.get(words[-1], ()):
            if gender_of_honorific(honorific) not in ("", self._by_name[name].gender or gender_of_honorific(honorific)):
                continue  # "Mrs. Trump" is not Donald Trump
            firsts = self._first_names.get(name, set())
            if (
                len(words) == 1
                or not firsts
                or words[0] in firsts
                or words[-2] in firsts
                or _initial_of(words[0], firsts)
            ):
                return name  # "Zelenskiy", "Volodymyr Zelenskiy", "Ukrainian President Volodymyr Zelenskiy"
        return None

    def role_holders(self, role: str) -> list[str]:
        """Registered speakers holding a role phrase ("spokesman", "the russian leader")."""
        key = _strip_article(normalise(role))
        return list(self._by_role.get(key, ()))

    def matches(self, query: str, speaker: str | None) -> bool:
        """Does a user's query ("peskov", "Dmitry Peskov", an alias) name this speaker?"""
        if not isinstance(query, str) or not speaker:
            return False
        q = normalise(query).strip("\"' ")
        if not q:
            return False
        if q == normalise(speaker):
            return True
        canon = self.canonical(query)
        if canon is not None and canon == speaker:
            return True
        terms = self.search_terms(speaker)
        return q in terms

    def search_terms(self, speaker: str) -> list[str]:
        """Lower-case names, aliases and their name words to index for a speaker."""
        if not isinstance(speaker, str) or not speaker.strip():
            return []
        mentions = [speaker]
        sp = self._by_name.get(speaker)
        if sp is not None:
            mentions.extend(sp.aliases)
        out: list[str] = []
        for mention in mentions:
            for term in (normalise(mention), *name_words(mention)):
                if term and term not in out:
                    out.append(term)
        return out


FEMALE_HONORIFICS = frozenset({"mrs", "ms", "miss", "madam", "dame", "lady"})
MALE_HONORIFICS = frozenset({"mr", "sir", "lord"})


def gender_of_honorific(word: str) -> str:
    """ "female" for "Mrs.", "Ms", "Lady" ...; "male" for "Mr.", "Sir", "Lord"; else ""."""
    w = word.lower().rstrip(".")
    return "female" if w in FEMALE_HONORIFICS else "male" if w in MALE_HONORIFICS else ""


def _initial_of(word: str, firsts: set[str]) -> bool:
    """True for an initial ("d") that fits a registered first name ("dmitry")."""
    return len(word) == 1 and any(f.startswith(word) for f in firsts)


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return list(value)
    return [value]
