"""Load and validate `config.yaml`: the shipped default, the user's file, `--config`.

Files merge key by key (mappings merge, lists and scalars replace). Every error names
the file, the line and the key, because a user editing YAML by hand needs all three.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .models import Speaker

if TYPE_CHECKING:
    import yaml

APP_NAME = "quotewire"
CACHE_FILE = "config-cache"  # JSON; no .json suffix, which a corpus folder would read as articles
OLD_CACHE_FILE = "config-cache.pickle"  # the cache until #19: unpickling can run code, so never read


class ConfigError(Exception):
    """A config file that cannot be used; the message is meant for the user as is."""

    def __init__(self, path: str | Path, line: int | None, key: str, problem: str) -> None:
        self.path, self.line, self.key, self.problem = str(path), line, key, problem
        where = f"{path}, line {line}" if line else str(path)
        super().__init__(f"{where}: {key}: {problem}" if key else f"{where}: {problem}")


def default_config_path() -> Path:
    """The commented default: packaged as `index/default_config.yaml` in a wheel,
    `config.yaml` at the top of a source checkout."""
    here = Path(__file__).resolve().parent
    packaged = here / "default_config.yaml"
    return packaged if packaged.exists() else here.parent / "config.yaml"


def user_config_path() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME, appauthor=False)) / "config.yaml"


@dataclass(frozen=True)
class Config:
    corpus_folders: tuple[Path, ...] = ()
    include_seeds: bool = True
    max_bytes: int = 20_000_000
    corpus_ignore: tuple[str, ...] = ()  # globs of files and folders in the corpus that are not articles
    speakers: tuple[Speaker, ...] = ()
    speech_verbs: tuple[str, ...] = ()
    boilerplate: tuple[str, ...] = ()
    index_dir: Path | None = None
    data_dir: Path | None = None
    theme: str = "textual-dark"
    min_confidence: float = 0.0
    keys: dict[str, str] = field(default_factory=dict)
    sources: tuple[Path, ...] = ()  # the files this config was merged from

    @property
    def speaker_entries(self) -> list[dict[str, Any]]:
        """The registry in the shape `SpeakerRegistry.from_config` reads."""
        return [
            {"name": s.name, "aliases": list(s.aliases), "roles": list(s.roles), "gender": s.gender}
            for s in self.speakers
        ]


# --- reading YAML with line numbers ------------------------------------------------------


class _Doc:
    """A parsed file plus the line of every key path, for error messages."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lines: dict[str, int] = {}
        try:
            raw = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise ConfigError(path, None, "", "file not found") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(path, None, "", f"cannot read: {exc}") from None
        import yaml

        from . import safe_yaml

        try:
            node = safe_yaml.compose(raw)
        except safe_yaml.YamlRefused as exc:
            raise ConfigError(path, exc.line, self._key_near(raw, exc.line), f"refused: {exc}") from None
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
            line = mark.line + 1 if mark else None
            problem = getattr(exc, "problem", None) or str(exc)
            raise ConfigError(path, line, self._key_near(raw, line), f"invalid YAML: {problem}") from None
        if node is None:
            self.data: dict[str, Any] = {}
            return
        if not isinstance(node, yaml.MappingNode):
            raise ConfigError(path, node.start_mark.line + 1, "", "the top level must be a mapping of keys")
        self.data = self._build(node, "")

    @staticmethod
    def _key_near(raw: str, line: int | None) -> str:
        """The nearest key at or above a broken line: the best name for where it broke."""
        if not line:
            return ""
        rows = raw.splitlines()
        for row in reversed(rows[:line]):
            stripped = row.strip()
            if ":" in stripped and not stripped.startswith(("#", "-")):
                return stripped.split(":", 1)[0].strip().strip("'\"")
        return ""

    def _build(self, node: yaml.Node, prefix: str) -> Any:
        import yaml

        if isinstance(node, yaml.MappingNode):
            out: dict[str, Any] = {}
            for knode, vnode in node.value:
                key = str(knode.value)
                path = f"{prefix}.{key}" if prefix else key
                if key in out:
                    raise ConfigError(self.path, knode.start_mark.line + 1, path, "key given twice")
                self.lines[path] = knode.start_mark.line + 1
                out[key] = self._build(vnode, path)
            return out
        if isinstance(node, yaml.SequenceNode):
            items = []
            for i, item in enumerate(node.value):
                path = f"{prefix}[{i}]"
                self.lines[path] = item.start_mark.line + 1
                items.append(self._build(item, path))
            return items
        constructor = yaml.SafeLoader("")
        try:
            return constructor.construct_object(node, deep=True)
        except yaml.YAMLError as exc:
            raise ConfigError(self.path, node.start_mark.line + 1, prefix, f"invalid value: {exc}") from None


# --- merging and validation ---------------------------------------------------------------

_ADDITIVE = {"extra_speakers": "speakers", "extra_speech_verbs": "speech_verbs", "extra_boilerplate": "boilerplate"}
_TOP_KEYS = {
    "corpus",
    "speakers",
    "extra_speakers",
    "speech_verbs",
    "extra_speech_verbs",
    "boilerplate",
    "extra_boilerplate",
    "paths",
    "theme",
    "min_confidence",
    "keys",
}
_SECTION_KEYS = {
    "corpus": {"folders", "include_seeds", "max_bytes", "ignore"},
    "paths": {"index_dir", "data_dir"},
}


def _close_matches(word: str, options: list[str], n: int) -> list[str]:
    import difflib  # only for an error message: not at start-up

    return difflib.get_close_matches(word, options, n=n)


class _Merged:
    """Merged values plus, for each key path, which file and line set it last."""

    def __init__(self) -> None:
        self.data: dict[str, Any] = {}
        self.origin: dict[str, tuple[Path, int | None]] = {}
        # Items of `extra_*` lists, each with its file, line and the key the user wrote
        # (`extra_boilerplate[0]`), which an error must name: not its place in the merge.
        self.extras: dict[str, list[tuple[Any, Path, int | None, str]]] = {k: [] for k in _ADDITIVE.values()}

    def add(self, doc: _Doc) -> None:
        for key, value in doc.data.items():
            line = doc.lines.get(key)
            if key not in _TOP_KEYS:
                close = _close_matches(key, sorted(_TOP_KEYS), n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                raise ConfigError(doc.path, line, key, f"unknown key{hint}")
            if key in _ADDITIVE:
                if value is None:
                    continue
                if not isinstance(value, list):
                    raise ConfigError(doc.path, line, key, f"must be a list, not {_kind(value)}")
                for i, item in enumerate(value):
                    where = doc.lines.get(f"{key}[{i}]", line)
                    self.extras[_ADDITIVE[key]].append((item, doc.path, where, f"{key}[{i}]"))
                continue
            if key in _SECTION_KEYS:
                if value is None:
                    continue
                if not isinstance(value, dict):
                    raise ConfigError(doc.path, line, key, f"must be a mapping, not {_kind(value)}")
                section = self.data.setdefault(key, {})
                for sub, subval in value.items():
                    path = f"{key}.{sub}"
                    if sub not in _SECTION_KEYS[key]:
                        close = _close_matches(sub, sorted(_SECTION_KEYS[key]), n=1)
                        hint = f" (did you mean '{close[0]}'?)" if close else ""
                        raise ConfigError(doc.path, doc.lines.get(path), path, f"unknown key{hint}")
                    section[sub] = subval
                    self.origin[path] = (doc.path, doc.lines.get(path))
                continue
            if key == "keys" and isinstance(value, dict) and isinstance(self.data.get("keys"), dict):
                self.data["keys"] = {**self.data["keys"], **value}
            else:
                self.data[key] = value
            self.origin[key] = (doc.path, line)
            if key in _ADDITIVE.values() and isinstance(value, list):
                for i in range(len(value)):
                    self.origin[f"{key}[{i}]"] = (doc.path, doc.lines.get(f"{key}[{i}]", line))
            if key == "keys" and isinstance(value, dict):
                for sub in value:
                    self.origin[f"keys.{sub}"] = (doc.path, doc.lines.get(f"keys.{sub}", line))

    def fail(self, key: str, problem: str) -> ConfigError:
        path, line = self.origin.get(key) or self.origin.get(key.split(".")[0]) or (Path("config"), None)
        return ConfigError(path, line, key, problem)


def _kind(value: Any) -> str:
    return {
        dict: "a mapping",
        list: "a list",
        str: "text",
        bool: "true/false",
        int: "a number",
        float: "a number",
        type(None): "empty",
    }.get(type(value), type(value).__name__)


def load_config(extra: Path | None = None, *, use_user_config: bool = True) -> Config:
    """Default config, then the user's file (if any), then `extra` (`--config`)."""
    files = [default_config_path()]
    user = user_config_path()
    if use_user_config and user.exists():
        files.append(user)
    if extra is not None:
        files.append(Path(extra))
    key = _cache_key(files)
    cached = _read_cache(key)
    if cached is not None:
        return cached
    merged = _Merged()
    for f in files:
        merged.add(_Doc(f))
    config = _validate(merged, tuple(files))
    _write_cache(key, config)
    return config


# --- the validated config, cached -----------------------------------------------------------
# Importing pyyaml and validating cost a tenth of the app's start-up; the result only
# changes when a config file (or this code) does. Only a config that validated is kept,
# so a broken file is always read, and reported, afresh.


def _cache_path() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(APP_NAME, appauthor=False)) / CACHE_FILE


def _cache_key(files: list[Path]) -> tuple[object, ...]:
    stamps: list[object] = [os.environ.get("HOME", "")]
    for f in [Path(__file__), *files]:
        try:
            st = f.stat()
        except OSError:
            return ()  # a missing file: read it, so the error names it
        stamps.append((str(f.resolve()), st.st_mtime_ns, st.st_size))
    return tuple(stamps)


def _read_cache(key: tuple) -> Config | None:
    """The cached config, if it was made from these very files.

    JSON, read into the few types a config holds: a file in the cache folder can never
    run code (the cache was a pickle, which runs whatever it was made to run)."""
    if not key:
        return None
    try:
        stored = json.loads(_cache_path().read_text(encoding="utf-8"))
        if stored.get("key") != _plain(key):
            return None
        config = Config(**{f.name: _decode(stored["config"][f.name]) for f in fields(Config)})
        same = all(_plain(getattr(config, f.name)) == stored["config"][f.name] for f in fields(Config))
    except Exception:  # missing, half-written, from another version, or not ours
        return None
    return config if same else None


def _write_cache(key: tuple, config: Config) -> None:
    if not key:
        return
    path = _cache_path()
    tmp = path.with_name(f".{CACHE_FILE}.{os.getpid()}.tmp")
    try:
        data = {
            "key": _plain(key),
            "config": {f.name: _encode(getattr(config, f.name)) for f in fields(Config)},
        }
        text = json.dumps(data, ensure_ascii=False)
    except TypeError:
        return  # a value of a kind the cache does not know: read the files each time
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
        path.with_name(OLD_CACHE_FILE).unlink(missing_ok=True)
    except OSError:
        tmp.unlink(missing_ok=True)  # a cache we could not write is only slower next time


def _encode(value: Any) -> Any:
    """A config value as JSON, its type kept: paths, tuples, speakers, mappings."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, Path):
        return {"path": str(value)}
    if isinstance(value, tuple):
        return {"tuple": [_encode(v) for v in value]}
    if isinstance(value, Speaker):
        return {"speaker": [value.name, list(value.aliases), list(value.roles), value.gender]}
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        return {"dict": {k: _encode(v) for k, v in value.items()}}
    raise TypeError(f"cannot cache a {type(value).__name__}")


def _decode(value: Any) -> Any:
    """The inverse of `_encode`; anything else raises (and the files are read instead)."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if not isinstance(value, dict) or len(value) != 1:
        raise ValueError("not a cached config value")
    ((kind, inner),) = value.items()
    if kind == "path" and isinstance(inner, str):
        return Path(inner)
    if kind == "tuple" and isinstance(inner, list):
        return tuple(_decode(v) for v in inner)
    if kind == "dict" and isinstance(inner, dict):
        return {str(k): _decode(v) for k, v in inner.items()}
    if kind == "speaker" and isinstance(inner, list) and len(inner) == 4:
        name, aliases, roles, gender = inner
        if isinstance(name, str) and isinstance(gender, str) and isinstance(aliases, list) and isinstance(roles, list):
            return Speaker(name, tuple(map(str, aliases)), tuple(map(str, roles)), gender)
    raise ValueError(f"not a cached config value: {kind}")


def _plain(value: Any) -> Any:
    """``value`` encoded as it reads back from JSON, to compare with what is stored."""
    return json.loads(json.dumps(_encode(value)))


def _validate(m: _Merged, sources: tuple[Path, ...]) -> Config:
    d = m.data
    corpus = d.get("corpus", {})
    folders = corpus.get("folders") or []
    if not isinstance(folders, list) or not all(isinstance(f, str) for f in folders):
        raise m.fail("corpus.folders", "must be a list of folder paths")
    base = m.origin.get("corpus.folders", (Path("."), None))[0].parent
    # Absolute, not resolved: the library resolves symlinks when it opens, so a cached
    # config does not pin a link to the folder it pointed at then.
    corpus_folders = tuple(Path(os.path.abspath(base / os.path.expanduser(f))) for f in folders)
    include_seeds = corpus.get("include_seeds", True)
    if not isinstance(include_seeds, bool):
        raise m.fail("corpus.include_seeds", "must be true or false")
    max_bytes = corpus.get("max_bytes", 20_000_000)
    if not isinstance(max_bytes, int) or isinstance(max_bytes, bool) or max_bytes <= 0:
        raise m.fail("corpus.max_bytes", "must be a positive whole number of bytes")
    ignore = corpus.get("ignore") or []
    if not isinstance(ignore, list) or not all(isinstance(g, str) and g.strip() for g in ignore):
        raise m.fail("corpus.ignore", "must be a list of file name patterns such as '*.draft.md' or 'archive/*'")

    speakers = _speakers(m, list(d.get("speakers") or []), "speakers")
    for item, path, line, key in m.extras["speakers"]:
        speakers.extend(_speakers_one(item, path, line, key))

    verbs = _strings(m, d.get("speech_verbs"), "speech_verbs")
    verbs += [_string_item(v, p, ln, key) for v, p, ln, key in m.extras["speech_verbs"]]
    import re

    # Each pattern is checked where it was written, so an error names that file and key.
    own = [
        (pat, m.origin.get(f"boilerplate[{i}]") or m.origin.get("boilerplate"), f"boilerplate[{i}]")
        for i, pat in enumerate(_strings(m, d.get("boilerplate"), "boilerplate"))
    ]
    own += [(_string_item(v, p, ln, key), (p, ln), key) for v, p, ln, key in m.extras["boilerplate"]]
    for pat, origin, key in own:
        try:
            re.compile(pat)
        except re.error as exc:
            path, line = origin or (Path("config"), None)
            raise ConfigError(path, line, key, f"invalid regular expression {pat!r}: {exc}") from None
    patterns = [pat for pat, _, _ in own]

    paths = d.get("paths", {})
    dirs: dict[str, Path | None] = {}
    for key in ("index_dir", "data_dir"):
        value = paths.get(key) or ""
        if not isinstance(value, str):
            raise m.fail(f"paths.{key}", "must be a folder path (text)")
        dirs[key] = Path(os.path.expanduser(value)) if value else None

    theme = d.get("theme", "textual-dark")
    if not isinstance(theme, str) or not theme:
        raise m.fail("theme", "must be a theme name such as textual-dark")
    min_conf = d.get("min_confidence", 0.0)
    if not isinstance(min_conf, (int, float)) or isinstance(min_conf, bool) or not 0 <= min_conf <= 1:
        raise m.fail("min_confidence", "must be a number between 0 and 1")
    keys = d.get("keys") or {}
    if not isinstance(keys, dict):
        raise m.fail("keys", f"must be a mapping of binding id to keys, not {_kind(keys)}")
    _check_keys(m, keys)
    return Config(
        corpus_folders=corpus_folders,
        include_seeds=include_seeds,
        max_bytes=max_bytes,
        corpus_ignore=tuple(g.strip() for g in ignore),
        speakers=tuple(speakers),
        speech_verbs=tuple(dict.fromkeys(verbs)),
        boilerplate=tuple(patterns),
        index_dir=dirs["index_dir"],
        data_dir=dirs["data_dir"],
        theme=theme,
        min_confidence=float(min_conf),
        keys={str(k): str(v) for k, v in keys.items()},
        sources=sources,
    )


def _strings(m: _Merged, value: Any, key: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise m.fail(key, f"must be a list, not {_kind(value)}")
    out = []
    for i, item in enumerate(value):
        if not isinstance(item, str):
            raise m.fail(f"{key}[{i}]", f"must be text, not {_kind(item)}")
        out.append(item)
    return out


def _string_item(value: Any, path: Path, line: int | None, key: str) -> str:
    if not isinstance(value, str):
        raise ConfigError(path, line, key, f"must be text, not {_kind(value)}")
    return value


def _speakers(m: _Merged, items: list[Any], key: str) -> list[Speaker]:
    out: list[Speaker] = []
    for i, item in enumerate(items):
        path, line = m.origin.get(f"{key}[{i}]") or m.origin.get(key) or (Path("config"), None)
        out.extend(_speakers_one(item, path, line, f"{key}[{i}]"))
    return out


def _speakers_one(item: Any, path: Path, line: int | None, key: str = "extra_speakers") -> list[Speaker]:
    if not isinstance(item, dict):
        raise ConfigError(path, line, key, "each speaker must be a mapping with at least `name`")
    unknown = set(item) - {"name", "aliases", "roles", "gender"}
    if unknown:
        raise ConfigError(path, line, f"{key}.{sorted(unknown)[0]}", "unknown key (use name, aliases, roles, gender)")
    name = item.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ConfigError(path, line, f"{key}.name", "every speaker needs a name")
    lists = {}
    for sub in ("aliases", "roles"):
        value = item.get(sub) or []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(path, line, f"{key}.{sub}", "must be a list of text")
        lists[sub] = tuple(v.strip() for v in value if v.strip())
    gender = item.get("gender") or ""
    if gender not in ("", "male", "female", "group", "other"):
        raise ConfigError(path, line, f"{key}.gender", "must be male, female, group or other")
    return [Speaker(name=name.strip(), aliases=lists["aliases"], roles=lists["roles"], gender=gender)]


# --- key bindings ---------------------------------------------------------------------------
# `index` never imports Textual, yet a typo under `keys:` must be an error like any other,
# with its file and line. So the bindings and the key names Textual sends are written out
# here, and tests/tui/test_config_keys_match_textual.py holds them to the app's bindings
# and to Textual's own tables.

# (place, binding id, default keys): every binding with an id, where it is live.
BINDINGS: tuple[tuple[str, str, str], ...] = (
    ("app", "quit", "q"),
    ("app", "help", "question_mark,f1"),
    ("library", "search", "slash"),
    ("library", "back", "escape"),
    ("library", "accept_suggestion", "ctrl+y"),
    ("library", "down", "j"),
    ("library", "up", "k"),
    ("library", "top", "g"),
    ("library", "bottom", "G"),
    ("library", "speakers", "s"),
    ("library", "tags", "T"),
    ("reader", "back", "escape"),
    ("reader", "down", "j"),
    ("reader", "up", "k"),
    ("reader", "top", "g,ctrl+home"),
    ("reader", "bottom", "G,ctrl+end"),
    ("reader", "next_hit", "n"),
    ("reader", "prev_hit", "N"),
    ("reader", "next_quote", "right_square_bracket"),
    ("reader", "prev_quote", "left_square_bracket"),
    ("reader", "quote_detail", "enter"),
    ("reader", "toggle_boilerplate", "b"),
    ("reader", "speakers_panel", "p"),
    ("reader", "toggle_confident", "f"),
    ("reader", "jump_mention", "m"),
    ("reader", "speakers", "s"),
    ("reader", "compare", "c"),
    ("reader", "select", "v"),
    ("reader", "tag", "t"),
    ("reader", "tags", "T"),
    ("reader", "remove_tag", "x"),
    ("reader", "undo", "u"),
    ("reader", "search", "slash"),
    ("quotes", "back", "escape"),
    ("quotes", "search", "slash"),
    ("quotes", "switch_pane", "tab"),
    ("tags", "back", "escape"),
    ("tags", "switch_pane", "tab"),
    ("compare", "back", "escape"),
    ("compare", "next_sentence", "j,down"),
    ("compare", "prev_sentence", "k,up"),
    ("compare", "switch_pane", "tab"),
    ("compare", "toggle_diff", "d"),
    ("compare", "swap", "w"),
    ("compare", "replace_other", "r"),
    ("compare", "top", "g"),
    ("compare", "bottom", "G"),
    ("compare picker", "cancel_pick", "escape"),
    ("help", "close_help", "escape,q,question_mark"),
    ("quote detail", "close_detail", "escape"),
    ("tag prompt", "cancel_tag", "escape"),
    ("lists", "down", "down,j"),
    ("lists", "up", "up,k"),
    ("lists", "top", "home,g"),
    ("lists", "bottom", "end,G"),
)
# The screens with a list in them (the "lists" bindings are live there too).
LIST_SCREENS = frozenset({"library", "reader", "quotes", "tags", "compare picker", "quote detail"})
# The order Textual writes modifiers in (sorted): "shift+ctrl+f" would never match.
MODIFIERS = ("alt", "ctrl", "hyper", "meta", "shift", "super")
# Keys with a name of more than one character that are not a character's name.
NAMED_KEYS = frozenset(
    "add backspace caps_lock ctrl-at decimal delete divide down end enter equal escape home insert "
    "iso_level3_shift iso_level5_shift kp_begin left left_alt left_control left_hyper left_meta "
    "left_shift left_super lower_volume media_fast_forward media_pause media_play media_play_pause "
    "media_record media_reverse media_rewind media_stop media_track_next media_track_previous menu "
    "multiply mute_volume num_lock pagedown pageup pause print_screen raise_volume return right "
    "right_alt right_control right_hyper right_meta right_shift right_super scroll_lock separator "
    "space subtract tab up".split()
) | {f"f{n}" for n in range(1, 36)}
# Textual's shorter names for some characters (textual.keys.KEY_NAME_REPLACEMENTS).
_CHAR_NAMES = {
    "solidus": "slash",
    "reverse_solidus": "backslash",
    "commercial_at": "at",
    "hyphen_minus": "minus",
    "plus_sign": "plus",
    "low_line": "underscore",
}


def character_key(ch: str) -> str:
    """The key name Textual gives a typed character: "/" is "slash", "?" "question_mark"."""
    import unicodedata

    if ch.isalnum():
        return ch
    if ch == "\t":
        return "tab"
    try:
        name = unicodedata.name(ch).lower().replace("-", "_").replace(" ", "_")
    except ValueError:
        return ch
    return _CHAR_NAMES.get(name, name)


def _is_character_name(name: str) -> bool:
    """A key named after the character it types ("question_mark", "less_than_sign")."""
    import unicodedata

    if any(character_key(chr(c)) == name for c in range(32, 127)):
        return True
    try:
        unicodedata.lookup(name.replace("_", " "))
    except KeyError:
        return False
    return True


def _key_problem(key: str) -> tuple[str, str]:
    """(the key as Textual names it, "") or ("", what is wrong with it)."""
    if len(key) == 1:
        return character_key(key), ""
    *mods, base = key.split("+")
    if not base:  # "ctrl++" is ctrl and the plus key
        mods, base = mods[:-1], "+"
    for mod in mods:
        if mod not in MODIFIERS:
            close = _close_matches(mod, list(MODIFIERS), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            return "", f"'{mod}' in '{key}' is not a modifier: use {', '.join(MODIFIERS)}{hint}"
    if len(set(mods)) < len(mods):
        return "", f"'{key}' names a modifier twice"
    if len(base) == 1:
        base = character_key(base)
    elif base not in NAMED_KEYS and not _is_character_name(base):
        close = _close_matches(base, sorted(NAMED_KEYS), n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        return "", f"'{base}' in '{key}' is not a key a terminal sends{hint}"
    ordered = "+".join([*sorted(mods), base])
    if mods != sorted(mods):
        return "", f"write '{key}' as '{ordered}': Textual names modifiers in that order, so it would never match"
    return ordered, ""


def _live_together(a: str, b: str) -> bool:
    """Two places whose bindings can answer the same key press."""
    return a == b or "app" in (a, b) or (a == "lists" and b in LIST_SCREENS) or (b == "lists" and a in LIST_SCREENS)


def _check_keys(m: _Merged, keys: dict[Any, Any]) -> None:
    """Every remapped id exists, every key is one Textual sends, and no two bindings
    live on one screen share a key (one would silently hide the other)."""
    ids = sorted({ident for _, ident, _ in BINDINGS})
    wanted: dict[str, list[str]] = {}
    written: dict[str, str] = {}  # a key as Textual names it -> as the user wrote it
    for k, v in keys.items():
        where = f"keys.{k}"
        if k not in ids:
            close = _close_matches(str(k), ids, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise m.fail(where, f"no binding has this id{hint}; the ids are in README.md (Key bindings)")
        if not isinstance(v, str) or not v.strip():
            raise m.fail(where, "must be keys such as 'ctrl+f' or 'j,down'")
        names = []
        for key in v.split(","):
            if not key.strip():
                raise m.fail(where, f"an empty key in {v!r}: keys are separated by single commas")
            name, problem = _key_problem(key.strip())
            if problem:
                raise m.fail(where, problem)
            names.append(name)
            written.setdefault(name, key.strip())
        wanted[k] = names
    if wanted:
        _check_clashes(m, wanted, written)


def _check_clashes(m: _Merged, wanted: dict[str, list[str]], written: dict[str, str]) -> None:
    """Two bindings live on one screen with a key in common, one of them the user's."""
    live = [(place, ident, wanted.get(ident) or keys.split(",")) for place, ident, keys in BINDINGS]
    clashes: dict[tuple[str, str], tuple[str, set[str]]] = {}  # (id, id) -> (a key, places)
    for i, (place_a, id_a, keys_a) in enumerate(live):
        for place_b, id_b, keys_b in live[i + 1 :]:
            if id_a == id_b or (id_a not in wanted and id_b not in wanted) or not _live_together(place_a, place_b):
                continue
            shared = [k for k in keys_a if k in keys_b]
            if shared:
                pair = (id_a, id_b) if id_a in wanted else (id_b, id_a)  # the user's first
                key, places = clashes.setdefault(pair, (shared[0], set()))
                places.update(p for p in (place_a, place_b) if p not in ("app", "lists"))
    if not clashes:
        return
    (mine, other), (key, places) = next(iter(clashes.items()))
    screens = f"the {', '.join(sorted(places))} screen{'s' if len(places) > 1 else ''}" if places else "every screen"
    also = ""
    if other in wanted:  # both were the user's: say where the other one is too
        path, line = m.origin.get(f"keys.{other}") or (None, None)
        mine_path = (m.origin.get(f"keys.{mine}") or (None, None))[0]
        place = f"line {line}" if path == mine_path else f"{path}, line {line}"
        also = f" (keys.{other}, {place})" if line else f" (keys.{other})"
    raise m.fail(
        f"keys.{mine}",
        f"'{written.get(key, key)}' is bound to both '{mine}' and '{other}'{also} on {screens}; "
        "one would hide the other, so give one of them another key",
    )
