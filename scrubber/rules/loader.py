"""Load and validate TOML rule packs, built-in and user-written, before any document is seen."""

from __future__ import annotations

import os
from functools import lru_cache
from importlib import resources
from pathlib import Path

import regex

from ..errors import RuleFileError
from .model import ACTIONS, Pack, Rule, line_key
from .safety import check_pattern

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

PACK_KEYS = {"name", "domains", "detect", "stage", "description"}
RULE_KEYS = {"id", "text", "regex", "selector", "note", "max_words", "seen_on", "pages"}
MATCH_KEYS = ("text", "regex", "selector")
RULES_DIR_ENV = "SCRUBBER_RULES_DIR"


def load_pack(source, *, builtin: bool = False, default_stage: str = "site_rules") -> Pack:
    """Load one pack from a TOML file path, a TOML string (``text=...`` via ``parse_pack``) or a dict."""
    if isinstance(source, Pack):
        return source
    if isinstance(source, dict):
        return build_pack(source, path=None, raw=None, builtin=builtin, default_stage=default_stage)
    path = Path(source)
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise RuleFileError(path, None, f"cannot read rule file: {exc.strerror or exc}") from exc
    return parse_pack(raw, path=path, builtin=builtin, default_stage=default_stage)


def parse_pack(raw: str, *, path=None, builtin: bool = False, default_stage: str = "site_rules") -> Pack:
    """Parse TOML text into a validated Pack."""
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        found = regex.search(r"at line (\d+)", str(exc))
        line = int(found.group(1)) if found else None
        raise RuleFileError(path, line, f"not valid TOML: {exc}") from exc
    return build_pack(data, path=path, raw=raw, builtin=builtin, default_stage=default_stage)


def build_pack(data: dict, *, path, raw, builtin: bool, default_stage: str) -> Pack:
    locate = _Locator(raw)
    header = data.get("pack", {})
    if not isinstance(header, dict):
        raise RuleFileError(path, locate("[pack]"), "[pack] must be a table")
    unknown = set(data) - {"pack", *ACTIONS}
    if unknown:
        key = sorted(unknown)[0]
        raise RuleFileError(path, locate(key), f"unknown section {key!r}; expected [pack] or [[{']], [['.join(ACTIONS)}]]")
    bad = set(header) - PACK_KEYS
    if bad:
        key = sorted(bad)[0]
        raise RuleFileError(path, locate(key), f"unknown key {key!r} in [pack]; expected one of {sorted(PACK_KEYS)}")
    name = header.get("name") or (Path(path).stem if path else None)
    if not name or not isinstance(name, str):
        raise RuleFileError(path, locate("[pack]"), "the pack has no name: add name = \"...\" under [pack]")
    domains = _str_list(header.get("domains", []), path, locate("domains"), "domains")
    detect = _str_list(header.get("detect", []), path, locate("detect"), "detect")
    rules, seen = [], set()
    for action in ACTIONS:
        entries = data.get(action, [])
        if not isinstance(entries, list):
            raise RuleFileError(path, locate(action), f"{action} must be an array of tables: write [[{action}]]")
        for entry in entries:
            rule = _build_rule(entry, action, name, path, locate)
            if rule.id in seen:
                raise RuleFileError(path, rule.line, "duplicate rule id", rule_id=rule.id)
            seen.add(rule.id)
            rules.append(rule)
    return Pack(
        name=name,
        rules=tuple(rules),
        domains=tuple(d.casefold().lstrip(".") for d in domains),
        detect=tuple(detect),
        detect_keys=frozenset(line_key(d) for d in detect),
        stage=header.get("stage", default_stage),
        description=header.get("description", ""),
        path=str(path) if path else None,
        builtin=builtin,
    )


def _build_rule(entry, action, pack_name, path, locate) -> Rule:
    if not isinstance(entry, dict):
        raise RuleFileError(path, locate(f"[[{action}]]"), f"each [[{action}]] entry must be a table")
    rid = entry.get("id")
    line = locate(f'"{rid}"') if rid else locate(f"[[{action}]]")
    if not rid or not isinstance(rid, str):
        raise RuleFileError(path, line, f"a [[{action}]] rule has no id")
    bad = set(entry) - RULE_KEYS
    if bad:
        raise RuleFileError(path, line, f"unknown key {sorted(bad)[0]!r}; expected one of {sorted(RULE_KEYS)}", rule_id=rid)
    given = [k for k in MATCH_KEYS if k in entry]
    if len(given) != 1:
        raise RuleFileError(path, line, "a rule needs exactly one of text, regex or selector", rule_id=rid)
    kind = given[0]
    value = entry[kind]
    if not isinstance(value, str) or not value.strip():
        raise RuleFileError(path, line, f"{kind} must be a non-empty string", rule_id=rid)
    full_id = f"{pack_name}/{rid}"
    fields = dict(id=full_id, action=action, pack=pack_name, note=entry.get("note", ""), line=line,
                  source=str(path) if path else None, max_words=entry.get("max_words"))
    if kind == "text":
        return Rule(text=line_key(value), **fields)
    if kind == "regex":
        problem = check_pattern(value)
        if problem:
            raise RuleFileError(path, line, problem, rule_id=rid)
        try:
            pattern = regex.compile(value, regex.IGNORECASE | regex.V0)
        except regex.error as exc:
            raise RuleFileError(path, line, f"regex does not compile: {exc}", rule_id=rid) from exc
        return Rule(pattern=pattern, **fields)
    problem = _check_selector(value)
    if problem:
        raise RuleFileError(path, line, problem, rule_id=rid)
    return Rule(selector=value, **fields)


def _check_selector(selector: str) -> str | None:
    try:
        from lxml.cssselect import CSSSelector
        CSSSelector(selector)
    except ImportError:
        return None
    except Exception as exc:  # cssselect raises several parse error types
        return f"selector does not parse: {exc}"
    return None


def _str_list(value, path, line, key):
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RuleFileError(path, line, f"{key} must be a list of strings")
    return value


class _Locator:
    """Finds the first line of the raw TOML that mentions a key, for error messages."""

    def __init__(self, raw):
        self.lines = raw.splitlines() if raw else []

    def __call__(self, needle):
        for number, text in enumerate(self.lines, 1):
            if needle in text:
                return number
        return None


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
    names = [p.name for p in builtin_packs()]
    for pack in packs:
        if pack.name in names:
            raise RuleFileError(pack.path, None, f"pack name {pack.name!r} is already used by another pack")
        names.append(pack.name)
    return tuple(packs)


def rules_from_environment() -> tuple[Pack, ...]:
    """Packs from the directory named by $SCRUBBER_RULES_DIR, if set."""
    folder = os.environ.get(RULES_DIR_ENV)
    return load_rules(folder) if folder else ()
