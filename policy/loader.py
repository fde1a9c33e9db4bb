"""Load the policy (`guidelines.yaml`) and the organisation profile strictly, with line numbers.

The format has one source of truth: the JSON Schemas next to this module (`policy.schema.json`,
`profile.schema.json`), which editors use for completion. This module applies them itself with a
small validator for the subset of JSON Schema they use, because it must name the *line* of every
problem (the `jsonschema` package knows only data paths) and because loading has to stay fast
(`policybot review` starts a fresh process each time). A test checks that `jsonschema` and this
validator agree. What a schema cannot say (unique ids, the changelog matching the version, the
review engine's rule parameters) is checked afterwards, also with lines.

    >>> policy = load_policy()          # the embedded policy/guidelines.yaml
    >>> profile = load_profile()        # the embedded policy/organisation.example.yaml
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Callable

from policy.model import Change, Clause, Policy, Profile, Rule, Terms, Text

HERE = Path(__file__).resolve().parent
POLICY_PATH = HERE / "guidelines.yaml"
PROFILE_PATH = HERE / "organisation.example.yaml"
POLICY_SCHEMA_PATH = HERE / "policy.schema.json"
PROFILE_SCHEMA_PATH = HERE / "profile.schema.json"

_STR_TAG = "tag:yaml.org,2002:str"
_MERGE_TAG = "tag:yaml.org,2002:merge"

# The JSON Schema keywords this validator implements. A schema using any other keyword is
# refused (see `_check_schema`) rather than silently half-applied.
SUPPORTED_KEYWORDS = frozenset(
    {
        "$schema", "$id", "$defs", "$ref", "$comment", "title", "description",
        "type", "properties", "required", "additionalProperties", "items",
        "minItems", "minLength", "pattern", "enum", "format",
    }
)


class PolicyError(Exception):
    """A policy or profile file that cannot be used. The message is one line:
    `file:line: where: problem`, e.g.
    `guidelines.yaml:42: clauses[3].titel: unknown key 'titel' (did you mean 'title'?)`.

    `where` is the data path (0-based indices); `line` is 1-based, or None when the file could
    not be read at all.
    """

    def __init__(self, file: str, line: int | None, where: str, problem: str) -> None:
        self.file = file
        self.line = line
        self.where = where
        self.problem = problem
        location = file if line is None else f"{file}:{line}"
        super().__init__(f"{location}: {where}: {problem}" if where else f"{location}: {problem}")


# ---- public API ----------------------------------------------------------------------------


def load_policy(path: Path | str | None = None) -> Policy:
    """The policy in `path`, or the embedded `policy/guidelines.yaml` when None.

    Raises `PolicyError` naming the file and line of the first problem: YAML syntax, an unknown,
    missing or duplicate key, a wrong type, a duplicate clause or rule id, a version that is not
    semver, a changelog whose newest entry is not the version, or rule parameters the review
    engine rejects."""
    doc = _read(Path(path) if path is not None else POLICY_PATH)
    _Validator(_schema(POLICY_SCHEMA_PATH), doc.file).check(doc.root, doc.data)
    _check_policy(doc)
    return _build_policy(doc.data)


def load_profile(path: Path | str | None = None) -> Profile:
    """The organisation profile in `path`, or the embedded `policy/organisation.example.yaml`.

    Raises `PolicyError` (file and line) on a problem, unknown keys included."""
    doc = _read(Path(path) if path is not None else PROFILE_PATH)
    _Validator(_schema(PROFILE_SCHEMA_PATH), doc.file).check(doc.root, doc.data)
    d = doc.data
    return Profile(
        name=d["name"],
        domains=tuple(d.get("domains", ())),
        emails=tuple(d.get("emails", ())),
        phones=tuple(d.get("phones", ())),
        clients=tuple(d.get("clients", ())),
        competitors=tuple(d.get("competitors", ())),
        confidential_terms=tuple(d.get("confidential_terms", ())),
        contact=d.get("contact", ""),
    )


def semver_key(version: str) -> tuple[Any, ...]:
    """A sort key with semver precedence: 1.0.0-rc.1 < 1.0.0 < 1.0.1 < 1.10.0. Build metadata
    (+...) is ignored, as semver says."""
    core, _, pre = version.split("+", 1)[0].partition("-")
    major, minor, patch = (int(x) for x in core.split("."))
    if not pre:
        return (major, minor, patch, 1, ())
    # Numeric identifiers sort numerically and before alphanumeric ones.
    ids = tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in pre.split("."))
    return (major, minor, patch, 0, ids)


# ---- reading: YAML nodes (for lines) and plain data ------------------------------------------


@dataclass(frozen=True)
class _Doc:
    file: str  # as shown in messages
    root: Any  # yaml.Node of the document
    data: Any  # the same document as plain Python data


def _read(path: Path) -> _Doc:
    import yaml  # here, not at module level: importing the loader should cost nothing

    file = str(path)
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise PolicyError(file, None, "", f"cannot read the file: {e.strerror or e}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw.count(b"\n", 0, e.start) + 1
        raise PolicyError(file, line, "", f"not valid UTF-8 (byte {e.start})") from None

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        root = loader.get_single_node()
        if root is None:
            raise PolicyError(file, 1, "", "the file is empty; expected a mapping of keys")
        data = _Converter(loader, file).convert(root, "")
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        problem = e.problem or e.context or "invalid YAML"
        if e.context and e.problem:
            problem = f"{e.context}: {e.problem}"
        if e.context_mark and mark and e.context_mark.line != mark.line:
            problem += f" (it began at line {e.context_mark.line + 1})"
        if "mapping values are not allowed" in problem:
            # The classic: an unquoted text that contains ": ".
            problem += "; a text containing ': ' must be in quotes"
        raise PolicyError(file, mark.line + 1 if mark else None, "", f"YAML syntax: {problem}") from None
    except yaml.YAMLError as e:
        raise PolicyError(file, None, "", f"YAML syntax: {str(e).splitlines()[0]}") from None
    finally:
        loader.dispose()
    return _Doc(file, root, data)


class _Converter:
    """Turns the node tree into plain data, refusing what would silently lose information:
    duplicate keys (PyYAML keeps the last), non-text keys, merge keys, recursive aliases."""

    def __init__(self, loader: Any, file: str) -> None:
        self.loader = loader
        self.file = file
        self.active: set[int] = set()

    def convert(self, node: Any, path: str) -> Any:
        import yaml

        if isinstance(node, yaml.ScalarNode):
            if node.tag == _STR_TAG:
                return node.value
            try:
                return self.loader.construct_object(node)
            except (ValueError, yaml.YAMLError) as e:
                msg = getattr(e, "problem", None) or str(e)
                what = "a date" if node.tag.endswith(":timestamp") else "a valid value"
                raise PolicyError(self.file, _line(node), path, f"{node.value!r} is not {what} ({msg})") from None
        if id(node) in self.active:
            raise PolicyError(self.file, _line(node), path, "recursive alias")
        self.active.add(id(node))
        try:
            if isinstance(node, yaml.SequenceNode):
                return [self.convert(n, f"{path}[{i}]") for i, n in enumerate(node.value)]
            out: dict[str, Any] = {}
            first: dict[str, int] = {}
            for knode, vnode in node.value:
                if knode.tag == _MERGE_TAG:
                    raise PolicyError(self.file, _line(knode), path, "merge keys (<<) are not supported")
                if not isinstance(knode, yaml.ScalarNode):
                    raise PolicyError(self.file, _line(knode), path, "a key must be text, not a list or mapping")
                if knode.tag != _STR_TAG:
                    raise PolicyError(
                        self.file, _line(knode), path, f'key {knode.value} must be text (quote it: "{knode.value}")'
                    )
                key = knode.value
                if key in first:
                    raise PolicyError(
                        self.file, _line(knode), _join(path, key),
                        f"duplicate key '{key}' (first at line {first[key]})",
                    )
                first[key] = _line(knode)
                out[key] = self.convert(vnode, _join(path, key))
            return out
        finally:
            self.active.discard(id(node))


def _line(node: Any) -> int:
    return node.start_mark.line + 1


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


# ---- the schema subset -----------------------------------------------------------------------

_SCHEMAS: dict[Path, dict[str, Any]] = {}


def _schema(path: Path) -> dict[str, Any]:
    """The schema, read once per process (the files ship with the package)."""
    if path not in _SCHEMAS:
        with path.open(encoding="utf-8") as f:
            schema = json.load(f)
        _check_schema(schema, "#")
        _SCHEMAS[path] = schema
    return _SCHEMAS[path]


def _check_schema(schema: Any, where: str) -> None:
    """Refuse a schema that uses a keyword the validator does not implement."""
    if not isinstance(schema, dict):
        return
    unknown = set(schema) - SUPPORTED_KEYWORDS
    if unknown:
        raise ValueError(f"schema {where}: keywords not supported by policy.loader: {sorted(unknown)}")
    if not isinstance(schema.get("type", ""), str):
        raise ValueError(f"schema {where}: policy.loader supports one type per schema, not a list")
    for name in ("properties", "$defs"):
        for key, sub in schema.get(name, {}).items():
            _check_schema(sub, f"{where}/{name}/{key}")
    for name in ("items", "additionalProperties"):
        _check_schema(schema.get(name), f"{where}/{name}")


_TYPE_NAMES = {"object": "a mapping", "array": "a list", "string": "text", "integer": "a whole number",
               "number": "a number", "boolean": "true or false", "null": "nothing"}
# How a scalar of the wrong type is named: YAML reads `on`, `no`, `2024` or `2026-12-01` as
# something other than text, which surprises people writing keyword lists.
_GOT_NAMES = {"boolean": "the boolean", "integer": "the number", "number": "the number",
              "date": "the date"}


def _json_type(value: Any) -> str:
    """The JSON type an editor would see for this YAML value (dates are strings there)."""
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, (date, datetime)):
        return "date"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    if value is None:
        return "null"
    return type(value).__name__


class _Validator:
    """Applies a JSON Schema (the subset in SUPPORTED_KEYWORDS) to a node tree and its data,
    raising `PolicyError` at the first problem, in document order."""

    def __init__(self, schema: dict[str, Any], file: str) -> None:
        self.root = schema
        self.file = file

    def check(self, node: Any, value: Any) -> None:
        self._check(self.root, node, value, "")

    def _fail(self, node: Any, path: str, problem: str) -> PolicyError:
        return PolicyError(self.file, _line(node), path, problem)

    def _ref(self, ref: str) -> dict[str, Any]:
        target: Any = self.root
        for part in ref.removeprefix("#/").split("/"):
            target = target[part]
        return target

    def _check(self, schema: dict[str, Any], node: Any, value: Any, path: str) -> None:
        if "$ref" in schema:
            self._check(self._ref(schema["$ref"]), node, value, path)
        expected = schema.get("type")
        if expected is not None:
            self._check_type(schema, expected, node, value, path)
        if "enum" in schema and value not in schema["enum"]:
            options = ", ".join(str(v) for v in schema["enum"])
            raise self._fail(node, path, f"{value!r} is not one of: {options}")
        if isinstance(value, str):
            self._check_string(schema, node, value, path)
        elif isinstance(value, list):
            self._check_array(schema, node, value, path)
        elif isinstance(value, dict):
            self._check_object(schema, node, value, path)

    def _check_type(self, schema: dict[str, Any], expected: str, node: Any, value: Any, path: str) -> None:
        actual = _json_type(value)
        if actual == expected or (expected == "number" and actual == "integer"):
            return
        if actual == "date" and expected == "string" and schema.get("format") == "date":
            if not isinstance(value, datetime):
                return
        want = _TYPE_NAMES.get(expected, expected)
        if actual in ("object", "array"):
            raise self._fail(node, path, f"expected {want}, got {_TYPE_NAMES[actual]}")
        shown = getattr(node, "value", "")
        hint = ""
        if expected == "string" and actual != "null":
            hint = f' (put it in quotes: "{shown}")'
        elif expected == "array" and actual != "null":
            hint = f" (write a list: [{shown}])"
        if actual == "null":
            got = "nothing"
        elif actual == "string":
            got = f"the text {shown!r}"
        else:
            got = f"{_GOT_NAMES.get(actual, actual)} {shown}"
        raise self._fail(node, path, f"expected {want}, got {got}{hint}")

    def _check_string(self, schema: dict[str, Any], node: Any, value: str, path: str) -> None:
        if len(value) < schema.get("minLength", 0):
            raise self._fail(node, path, "must not be empty")
        pattern = schema.get("pattern")
        if pattern is not None and not re.search(pattern, value):
            raise self._fail(node, path, f"{value!r} {_pattern_hint(path, pattern)}")
        if schema.get("format") == "date":
            try:
                date.fromisoformat(value)
            except ValueError:
                raise self._fail(node, path, f"{value!r} is not a date (YYYY-MM-DD)") from None

    def _check_array(self, schema: dict[str, Any], node: Any, value: list[Any], path: str) -> None:
        if len(value) < schema.get("minItems", 0):
            raise self._fail(node, path, f"needs at least {schema['minItems']} item(s)")
        items = schema.get("items")
        if items is not None:
            for i, (n, v) in enumerate(zip(node.value, value)):
                self._check(items, n, v, f"{path}[{i}]")

    def _check_object(self, schema: dict[str, Any], node: Any, value: dict[str, Any], path: str) -> None:
        props: dict[str, Any] = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        if extra is False:
            for knode, _ in node.value:
                if knode.value not in props:
                    raise self._fail(knode, _join(path, knode.value), _unknown_key(knode.value, props))
        for key in schema.get("required", ()):
            if key not in value:
                raise self._fail(node, path, f"missing key '{key}'")
        for knode, vnode in node.value:
            key = knode.value
            sub = props.get(key, extra if isinstance(extra, dict) else None)
            if sub is not None:
                self._check(sub, vnode, value[key], _join(path, key))


def _unknown_key(key: str, props: dict[str, Any]) -> str:
    import difflib

    close = difflib.get_close_matches(key, list(props), n=1)
    hint = f"did you mean '{close[0]}'?" if close else f"expected one of: {', '.join(props)}"
    return f"unknown key '{key}' ({hint})"


def _pattern_hint(path: str, pattern: str) -> str:
    """Say what a pattern means instead of printing the regular expression."""
    leaf = path.rsplit(".", 1)[-1]
    if leaf == "version":
        return "is not a semantic version such as \"1.2.0\""
    if leaf in ("id",):
        return "is not a valid id (lower-case words joined by '-', e.g. 'client-names')"
    if leaf == "kind":
        return "is not a valid kind (lower-case letters, digits and '_')"
    if ".domains[" in f".{path}":
        return "is not a domain name such as example.lv"
    if ".emails[" in f".{path}":
        return "is not an e-mail address"
    if ".phones[" in f".{path}":
        return "is not a phone number such as \"+371 67 000 000\""
    return f"does not match {pattern}"


# ---- checks beyond the schema ----------------------------------------------------------------


def _node(root: Any, *keys: str | int) -> Any:
    """The node at a data path (the path is known to exist after schema validation)."""
    node = root
    for key in keys:
        if isinstance(key, int):
            node = node.value[key]
        else:
            node = next(v for k, v in node.value if k.value == key)
    return node


def _check_policy(doc: _Doc) -> None:
    d, root, file = doc.data, doc.root, doc.file

    # The changelog is newest first and its newest entry is this version: a policy whose
    # version was bumped without saying what changed (or the reverse) is refused.
    log = d["changelog"]
    if log[0]["version"] != d["version"]:
        raise PolicyError(
            file, _line(_node(root, "changelog", 0, "version")), "changelog[0].version",
            f"the newest changelog entry is '{log[0]['version']}' but version is '{d['version']}' "
            f"(changelog entries go newest first)",
        )
    for i in range(1, len(log)):
        newer, older = log[i - 1], log[i]
        if semver_key(older["version"]) >= semver_key(newer["version"]):
            raise PolicyError(
                file, _line(_node(root, "changelog", i, "version")), f"changelog[{i}].version",
                f"'{older['version']}' must be older than the entry above it ('{newer['version']}'): "
                f"changelog entries go newest first",
            )
        if _as_date(older["date"]) > _as_date(newer["date"]):
            raise PolicyError(
                file, _line(_node(root, "changelog", i, "date")), f"changelog[{i}].date",
                f"{older['date']} is later than the newer entry's date {newer['date']}",
            )

    clause_lines: dict[str, int] = {}
    rule_lines: dict[str, int] = {}
    for ci, clause in enumerate(d["clauses"]):
        id_node = _node(root, "clauses", ci, "id")
        if clause["id"] in clause_lines:
            raise PolicyError(
                file, _line(id_node), f"clauses[{ci}].id",
                f"duplicate clause id '{clause['id']}' (first at line {clause_lines[clause['id']]})",
            )
        clause_lines[clause["id"]] = _line(id_node)
        for ri, rule in enumerate(clause["rules"]):
            rid_node = _node(root, "clauses", ci, "rules", ri, "id")
            if rule["id"] in rule_lines:
                # Unique across the policy, not only the clause: findings and evaluation name rules.
                raise PolicyError(
                    file, _line(rid_node), f"clauses[{ci}].rules[{ri}].id",
                    f"duplicate rule id '{rule['id']}' (first at line {rule_lines[rule['id']]})",
                )
            rule_lines[rule["id"]] = _line(rid_node)

    if rule_lines:
        _check_rule_params(doc)


def _rule_params_hook() -> Callable[[str, Any], str | None] | None:
    """`policy.review.validate_rule_params` if the review engine provides it, else None.

    Imported lazily so that a policy without rules never pays for the review engine's import."""
    try:
        from policy.review import validate_rule_params  # type: ignore[attr-defined]
    except ModuleNotFoundError as e:
        if e.name == "policy.review":
            return None
        raise
    except ImportError:  # the module exists but has no such function (yet)
        return None
    return validate_rule_params


def _check_rule_params(doc: _Doc) -> None:
    hook = _rule_params_hook()
    if hook is None:
        return
    for ci, clause in enumerate(doc.data["clauses"]):
        for ri, rule in enumerate(clause["rules"]):
            problem = hook(rule["kind"], rule.get("params", {}))
            if problem:
                has_params = "params" in rule
                node = _node(doc.root, "clauses", ci, "rules", ri, "params" if has_params else "kind")
                where = f"clauses[{ci}].rules[{ri}].{'params' if has_params else 'kind'}"
                raise PolicyError(doc.file, _line(node), where, problem)


# ---- building the model ----------------------------------------------------------------------


def _as_date(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


def _text(d: dict[str, str]) -> Text:
    return Text(lv=d["lv"], en=d["en"])


def _texts(items: list[dict[str, str]]) -> tuple[Text, ...]:
    return tuple(_text(d) for d in items)


def _terms(d: dict[str, list[str]]) -> Terms:
    return Terms(lv=tuple(d["lv"]), en=tuple(d["en"]))


def _build_policy(d: dict[str, Any]) -> Policy:
    return Policy(
        version=d["version"],
        effective=_as_date(d["effective"]),
        title=_text(d["title"]),
        owner=d["owner"],
        changelog=tuple(
            Change(version=c["version"], date=_as_date(c["date"]), changes=tuple(c["changes"]))
            for c in d["changelog"]
        ),
        clauses=tuple(
            Clause(
                id=c["id"],
                title=_text(c["title"]),
                text=_text(c["text"]),
                summary=_text(c["summary"]),
                allowed=_texts(c["allowed"]),
                not_allowed=_texts(c["not_allowed"]),
                conditions=_texts(c["conditions"]),
                examples_do=_texts(c["examples_do"]),
                examples_dont=_texts(c["examples_dont"]),
                keywords=_terms(c["keywords"]),
                questions=_terms(c["questions"]),
                rules=tuple(
                    Rule(
                        id=r["id"],
                        kind=r["kind"],
                        severity=r["severity"],
                        message=_text(r["message"]),
                        suggestion=_text(r["suggestion"]),
                        params=r.get("params", {}),
                    )
                    for r in c["rules"]
                ),
            )
            for c in d["clauses"]
        ),
    )
