"""Load and validate TOML rule packs, built-in and user-written, before any document is seen.

Every problem raises ``RuleFileError`` naming the file, the line and the rule id: unknown keys,
a rule without id, duplicate ids, a regex that does not compile or is open to catastrophic
backtracking, a selector that does not parse. ``check_pack_file`` lists every problem of a
file at once (``scrubber rules check``).
"""

from __future__ import annotations

import os
from functools import lru_cache
from importlib import resources
from pathlib import Path

import regex

from ..errors import RuleFileError
from .locate import TomlLines
from .model import ACTIONS, Pack, Rule, line_key
from .safety import check_pattern

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

PACK_KEYS = {"name", "domains", "detect", "stage", "description", "lang"}
RULE_KEYS = {"id", "text", "regex", "selector", "note", "max_words", "seen_on", "pages"}
MATCH_KEYS = ("text", "regex", "selector")
RULES_DIR_ENV = "SCRUBBER_RULES_DIR"
_RULE_ID = regex.compile(r"[\w.-]+")


def load_pack(source, *, builtin: bool = False, default_stage: str = "site_rules") -> Pack:
    """Load one pack from a TOML file path, a dict (the parsed TOML) or a Pack.

    >>> pack = load_pack({"pack": {"name": "example-news"}, "drop": [{"id": "views", "regex": r"\\d+ views"}]})
    >>> [rule.id for rule in pack.rules]
    ['example-news/views']
    """
    if isinstance(source, Pack):
        return source
    if isinstance(source, dict):
        return build_pack(source, path=None, raw=None, builtin=builtin, default_stage=default_stage)
    if not isinstance(source, (str, os.PathLike)):
        raise TypeError(f"a rule pack is a path, a dict or a Pack, not {type(source).__name__}")
    path = Path(source)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError(path, None, f"cannot read rule file: {getattr(exc, 'strerror', None) or exc}") from exc
    return parse_pack(raw, path=path, builtin=builtin, default_stage=default_stage)


def parse_pack(raw: str, *, path=None, builtin: bool = False, default_stage: str = "site_rules",
               problems: list | None = None) -> Pack:
    """Parse TOML text into a validated Pack.

    With a ``problems`` list, a bad rule is recorded there and skipped instead of raised, so
    every problem of a file can be reported at once.
    """
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        found = regex.search(r"at line (\d+)", str(exc))
        line = int(found.group(1)) if found else None
        raise RuleFileError(path, line, f"not valid TOML: {exc}") from exc
    return build_pack(data, path=path, raw=raw, builtin=builtin, default_stage=default_stage, problems=problems)


def check_pack_file(path) -> list[RuleFileError]:
    """Every problem of one rule file (an empty list when it is valid), in line order."""
    problems: list[RuleFileError] = []
    stage = _builtin_stage(path)
    try:
        raw = Path(path).read_text(encoding="utf-8")
        pack = parse_pack(raw, path=path, problems=problems, builtin=stage is not None,
                          default_stage=stage or "site_rules")
        if stage is None:
            problems.extend(_name_clashes([pack]))
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(RuleFileError(path, None, f"cannot read rule file: {getattr(exc, 'strerror', None) or exc}"))
    except RuleFileError as exc:
        problems.append(exc)
    return sorted(problems, key=lambda e: e.line or 0)


def _builtin_stage(path) -> str | None:
    """The stage of a built-in pack file (checked in place), or None for a user file."""
    root = Path(str(resources.files("scrubber.rules") / "packs")).resolve()
    try:
        relative = Path(path).resolve().relative_to(root)
    except ValueError:
        return None
    return "platforms" if relative.parts[0] == "platforms" else relative.stem


def build_pack(data: dict, *, path, raw, builtin: bool, default_stage: str, problems: list | None = None) -> Pack:
    """Validate parsed TOML (or a dict written in code) and build the Pack."""
    lines = TomlLines(raw)
    header = data.get("pack", {})
    if not isinstance(header, dict):
        raise RuleFileError(path, lines.line("pack"), "[pack] must be a table")
    unknown = sorted(set(data) - {"pack", *ACTIONS})
    if unknown:
        raise RuleFileError(path, lines.line(unknown[0]),
                            f"unknown section {unknown[0]!r}; expected [pack] or [[{']], [['.join(ACTIONS)}]]")
    bad = sorted(set(header) - PACK_KEYS)
    if bad:
        raise RuleFileError(path, lines.line("pack", 0, bad[0]),
                            f"unknown key {bad[0]!r} in [pack]; expected one of {sorted(PACK_KEYS)}")
    name = header.get("name") or (Path(path).stem if path else None)
    if not name or not isinstance(name, str):
        raise RuleFileError(path, lines.line("pack", 0, "name"), "the pack has no name: add name = \"...\" under [pack]")
    domains = _str_list(header, "domains", path, lines)
    detect = _str_list(header, "detect", path, lines)
    langs = _str_list(header, "lang", path, lines)
    stage = header.get("stage", default_stage)
    if not builtin and stage not in _user_stages():
        raise RuleFileError(path, lines.line("pack", 0, "stage"),
                            f"unknown stage {stage!r}; expected a filter name: {', '.join(sorted(_user_stages()))}")
    rules, seen = [], set()
    for action in ACTIONS:
        entries = data.get(action, [])
        if not isinstance(entries, list):
            raise RuleFileError(path, lines.line(action), f"{action} must be an array of tables: write [[{action}]]")
        for index, entry in enumerate(entries):
            try:
                rule = _build_rule(entry, action, name, path, lines, index)
                if rule.id in seen:
                    raise RuleFileError(path, rule.line, "duplicate rule id", rule_id=rule.id.split("/", 1)[1])
            except RuleFileError as exc:
                if problems is None:
                    raise
                problems.append(exc)
                continue
            seen.add(rule.id)
            rules.append(rule)
    return Pack(
        name=name,
        rules=tuple(rules),
        domains=tuple(d.casefold().lstrip(".") for d in domains),
        detect=tuple(detect),
        detect_keys=frozenset(line_key(d) for d in detect),
        lang=tuple(code.casefold() for code in langs),
        stage=stage,
        description=header.get("description", ""),
        path=str(path) if path else None,
        line=lines.line("pack", 0, "name"),
        builtin=builtin,
    )


def _build_rule(entry, action, pack_name, path, lines, index) -> Rule:
    header = lines.line(action, index)
    if not isinstance(entry, dict):
        raise RuleFileError(path, header, f"each [[{action}]] entry must be a table")
    rid = entry.get("id")
    if not rid or not isinstance(rid, str):
        raise RuleFileError(path, header, f"a [[{action}]] rule has no id: add id = \"...\"")
    line = lines.line(action, index, "id")
    if not _RULE_ID.fullmatch(rid):
        raise RuleFileError(path, line, "a rule id may only hold letters, digits, '_', '-' and '.'", rule_id=rid)
    bad = sorted(set(entry) - RULE_KEYS)
    if bad:
        raise RuleFileError(path, lines.line(action, index, bad[0]),
                            f"unknown key {bad[0]!r}; expected one of {sorted(RULE_KEYS)}", rule_id=rid)
    given = [k for k in MATCH_KEYS if k in entry]
    if len(given) != 1:
        raise RuleFileError(path, line, "a rule needs exactly one of text, regex or selector", rule_id=rid)
    kind = given[0]
    value, where = entry[kind], lines.line(action, index, kind)
    if not isinstance(value, str) or not value.strip():
        raise RuleFileError(path, where, f"{kind} must be a non-empty string", rule_id=rid)
    max_words = entry.get("max_words")
    if max_words is not None and (not isinstance(max_words, int) or isinstance(max_words, bool) or max_words < 1):
        raise RuleFileError(path, lines.line(action, index, "max_words"), "max_words must be a positive integer",
                            rule_id=rid)
    note = entry.get("note", "")
    if not isinstance(note, str):
        raise RuleFileError(path, lines.line(action, index, "note"), "note must be a string", rule_id=rid)
    fields = dict(id=f"{pack_name}/{rid}", action=action, pack=pack_name, note=note, line=line,
                  source=str(path) if path else None, max_words=max_words)
    if kind == "text":
        return Rule(text=line_key(value), **fields)
    if kind == "regex":
        try:
            pattern = regex.compile(value, regex.IGNORECASE | regex.V0)
        except regex.error as exc:
            raise RuleFileError(path, where, f"regex does not compile: {exc}", rule_id=rid) from exc
        problem = check_pattern(value)
        if problem:
            raise RuleFileError(path, where, problem, rule_id=rid)
        return Rule(pattern=pattern, **fields)
    if action not in ("drop", "keep"):
        raise RuleFileError(path, where, f"a selector only works in [[drop]] and [[keep]] rules, not [[{action}]]",
                            rule_id=rid)
    problem = _check_selector(value)
    if problem:
        raise RuleFileError(path, where, problem, rule_id=rid)
    return Rule(selector=value, **fields)


def _check_selector(selector: str) -> str | None:
    from lxml.cssselect import CSSSelector

    try:
        CSSSelector(selector)
    except Exception as exc:  # cssselect raises several parse error types
        return f"selector does not parse: {exc}"
    return None


def _str_list(header, key, path, lines):
    value = header.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise RuleFileError(path, lines.line("pack", 0, key), f"{key} must be a list of non-empty strings")
    return value


def _user_stages() -> set[str]:
    """Filters that apply ``drop`` rules of the packs naming them as their stage."""
    # Imported here: filters import the rules package, so a module-level import would be circular.
    from ..filters import FILTERS_BY_NAME, RuleFilter

    return {name for name, cls in FILTERS_BY_NAME.items() if issubclass(cls, RuleFilter)}


def _name_clashes(packs) -> list[RuleFileError]:
    names = {p.name for p in builtin_packs()}
    clashes = []
    for pack in packs:
        if pack.name in names:
            clashes.append(RuleFileError(pack.path, pack.line, f"pack name {pack.name!r} is already used by another pack"))
        names.add(pack.name)
    return clashes


@lru_cache(maxsize=1)
def builtin_packs() -> tuple[Pack, ...]:
    """The packs that ship with scrubber (``scrubber/rules/packs/**/*.toml``), loaded once."""
    root = resources.files("scrubber.rules") / "packs"
    packs = []
    for entry in sorted(_walk(root), key=lambda e: e.name):
        stage = entry.stage
        packs.append(parse_pack(entry.path.read_text(encoding="utf-8"), path=f"scrubber/rules/packs/{entry.rel}",
                                builtin=True, default_stage=stage))
    return tuple(packs)


class _Entry:
    def __init__(self, path, rel, stage):
        self.path, self.rel, self.stage = path, rel, stage
        self.name = rel


def _walk(root):
    # Top-level files are concern packs, named after the filter that applies them;
    # files under platforms/ are scoped platform packs applied by the `platforms` filter.
    for item in root.iterdir():
        if item.name.endswith(".toml"):
            yield _Entry(item, item.name, item.name[:-5])
        elif item.is_dir() and item.name == "platforms":
            for sub in item.iterdir():
                if sub.name.endswith(".toml"):
                    yield _Entry(sub, f"platforms/{sub.name}", "platforms")


def load_rules(*sources) -> tuple[Pack, ...]:
    """Load user rule packs: file paths, directories of ``*.toml`` files, dicts or Packs.

    Raises RuleFileError for the first invalid file; a pack name used twice is an error too.
    """
    packs = []
    for source in sources:
        if isinstance(source, (str, os.PathLike)) and Path(source).is_dir():
            packs.extend(load_pack(p) for p in sorted(Path(source).glob("*.toml")))
        else:
            packs.append(load_pack(source))
    clashes = _name_clashes(packs)
    if clashes:
        raise clashes[0]
    return tuple(packs)


def rules_from_environment() -> tuple[Pack, ...]:
    """Packs from the directory named by $SCRUBBER_RULES_DIR, if set."""
    folder = os.environ.get(RULES_DIR_ENV)
    return load_rules(folder) if folder else ()
