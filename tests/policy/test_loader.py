"""policy.loader: the embedded files load; every kind of broken file is refused with its line."""
from __future__ import annotations

import json
import re
import time
from datetime import date
from pathlib import Path

import pytest

from policy.loader import (
    POLICY_PATH,
    POLICY_SCHEMA_PATH,
    PROFILE_PATH,
    PROFILE_SCHEMA_PATH,
    SUPPORTED_KEYWORDS,
    PolicyError,
    load_policy,
    load_profile,
    semver_key,
)
from policy.model import Policy, Profile

# A small valid policy. Markers `#@name` at line ends let a case say "the error is on this line"
# without counting lines by hand; they are YAML comments, so the text stays valid.
MINIMAL = """\
version: "1.2.0"  #@version
effective: 2026-12-01
title: {lv: "Vadlīnijas", en: "Guidelines"}
owner: "komunikācijas nodaļa"
changelog:  #@changelog
  - version: "1.2.0"  #@log0-version
    date: 2026-12-01
    changes: ["Otrā versija"]
  - version: "1.0.0"  #@log1-version
    date: 2026-06-01  #@log1-date
    changes: ["Pirmā versija"]
clauses:
  - id: first  #@first-id
    title:  #@first-title
      lv: "Pirmais"  #@first-title-lv
      en: "First"
    text: {lv: "Teksts.", en: "Text."}
    summary: {lv: "Īsi.", en: "Short."}
    allowed:
      - lv: "Drīkst."  #@first-allowed0
        en: "May."
    not_allowed: [{lv: "Nedrīkst.", en: "Must not."}]
    conditions: []
    examples_do: []
    examples_dont: []
    keywords:  #@first-keywords
      lv: [klients, klienta]  #@first-keywords-lv
      en: [client]
    questions: {lv: ["Vai drīkst?"], en: ["May I?"]}
    rules:
      - id: first-rule  #@rule0-id
        kind: terms
        severity: high  #@rule0-severity
        message: {lv: "Ziņa.", en: "Message."}
        suggestion: {lv: "Ieteikums.", en: "Suggestion."}
        params: {lv: [alga, algas], en: [salary]}  #@rule0-params
  - id: second  #@second-id
    title: {lv: "Otrais", en: "Second"}
    text: {lv: "Teksts.", en: "Text."}
    summary: {lv: "Īsi.", en: "Short."}
    allowed: []
    not_allowed: []
    conditions: []
    examples_do: []
    examples_dont: []
    keywords: {lv: [], en: []}
    questions: {lv: [], en: []}
    rules: []  #@second-rules
"""


def line_of(text: str, marker: str) -> int:
    """1-based line of `#@marker` in `text`."""
    for n, line in enumerate(text.splitlines(), 1):
        if line.rstrip().endswith(f"#@{marker}"):
            return n
    raise AssertionError(f"marker {marker} not found")


def write(tmp_path: Path, text: str, name: str = "guidelines.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def replace(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


def test_minimal_policy_loads(tmp_path: Path) -> None:
    policy = load_policy(write(tmp_path, MINIMAL))
    assert policy.version == "1.2.0"
    assert policy.effective == date(2026, 12, 1)
    assert policy.clause_ids == ("first", "second")
    assert policy.changelog[1].date == date(2026, 6, 1)
    first = policy.clause("first")
    assert first.keywords.lv == ("klients", "klienta")
    assert first.rules[0].severity == "high"
    assert first.rules[0].params == {"lv": ["alga", "algas"], "en": ["salary"]}
    assert policy.clause("second").rules == ()


def test_path_may_be_a_string(tmp_path: Path) -> None:
    assert load_policy(str(write(tmp_path, MINIMAL))).version == "1.2.0"


# (case, old snippet, new snippet, marker of the expected line, expected `where`, words in problem)
BROKEN = [
    ("unknown key in a clause",
     "    title:  #@first-title", "    titel:  #@first-title",
     "first-title", "clauses[0].titel", ["unknown key 'titel'", "did you mean 'title'"]),
    ("unknown key at the top",
     'version: "1.2.0"  #@version', 'version: "1.2.0"  #@version\nverison: "1.2.0"  #@extra',
     "extra", "verison", ["unknown key 'verison'"]),
    ("unknown key inside a text",
     '      lv: "Pirmais"  #@first-title-lv', '      lv: "Pirmais"\n      de: "Erste"  #@de',
     "de", "clauses[0].title.de", ["unknown key 'de'", "expected one of: lv, en"]),
    ("unknown key inside a list item",
     '      - lv: "Drīkst."  #@first-allowed0', '      - lv: "Drīkst."\n        ru: "x"  #@ru',
     "ru", "clauses[0].allowed[0].ru", ["unknown key 'ru'"]),
    ("unknown key in a rule",
     "        severity: high  #@rule0-severity", "        severity: high\n        level: high  #@level",
     "level", "clauses[0].rules[0].level", ["unknown key 'level'"]),
    ("missing field in a clause",
     "    rules: []  #@second-rules\n", "",
     "second-id", "clauses[1]", ["missing key 'rules'"]),
    ("missing language",
     '    title: {lv: "Otrais", en: "Second"}', '    title: {lv: "Otrais"}  #@no-en',
     "no-en", "clauses[1].title", ["missing key 'en'"]),
    ("wrong type: list instead of text",
     '      lv: "Pirmais"  #@first-title-lv', '      lv: ["Pirmais"]  #@list',
     "list", "clauses[0].title.lv", ["expected text, got a list"]),
    ("wrong type: a YAML boolean in a keyword list",
     "      lv: [klients, klienta]  #@first-keywords-lv", "      lv: [klients, on]  #@bool",
     "bool", "clauses[0].keywords.lv[1]", ["expected text", 'put it in quotes: "on"']),
    ("wrong type: mapping instead of list",
     "      lv: [klients, klienta]  #@first-keywords-lv", "      lv: {klients: 1}  #@map",
     "map", "clauses[0].keywords.lv", ["expected a list, got a mapping"]),
    ("empty text",
     '      lv: "Pirmais"  #@first-title-lv', '      lv: ""  #@empty',
     "empty", "clauses[0].title.lv", ["must not be empty"]),
    ("null value",
     '      lv: "Pirmais"  #@first-title-lv', '      lv:  #@null',
     "null", "clauses[0].title.lv", ["expected text, got nothing"]),
    ("bad severity",
     "        severity: high  #@rule0-severity", "        severity: critical  #@sev",
     "sev", "clauses[0].rules[0].severity", ["'critical' is not one of: medium, high"]),
    ("bad clause id",
     "  - id: first  #@first-id", "  - id: First Clause  #@bad-id",
     "bad-id", "clauses[0].id", ["not a valid id"]),
    ("duplicate clause id",
     "  - id: second  #@second-id", "  - id: first  #@dup",
     "dup", "clauses[1].id", ["duplicate clause id 'first'", "first at line 13"]),
    ("duplicate rule id",
     "    rules: []  #@second-rules",
     "    rules:\n      - id: first-rule  #@dup-rule\n        kind: terms\n        severity: medium\n"
     "        message: {lv: a, en: b}\n        suggestion: {lv: c, en: d}",
     "dup-rule", "clauses[1].rules[0].id", ["duplicate rule id 'first-rule'"]),
    ("duplicate key",
     "    text: {lv: \"Teksts.\", en: \"Text.\"}\n    summary: {lv: \"Īsi.\", en: \"Short.\"}\n    allowed:\n",
     "    text: {lv: \"Teksts.\", en: \"Text.\"}\n    summary: {lv: \"Īsi.\", en: \"Short.\"}\n"
     "    text: {lv: \"Cits.\", en: \"Other.\"}  #@dup-key\n    allowed:\n",
     "dup-key", "clauses[0].text", ["duplicate key 'text'"]),
    ("version not semver",
     'version: "1.2.0"  #@version', 'version: "1.2"  #@version',
     "version", "version", ["not a semantic version"]),
    ("version as a number",
     'version: "1.2.0"  #@version', "version: 1.2  #@version",
     "version", "version", ["expected text, got the number 1.2"]),
    ("changelog newest entry is not the version",
     '  - version: "1.2.0"  #@log0-version', '  - version: "1.1.0"  #@log0-version',
     "log0-version", "changelog[0].version", ["newest changelog entry is '1.1.0' but version is '1.2.0'"]),
    ("changelog not newest first",
     '  - version: "1.0.0"  #@log1-version', '  - version: "1.3.0"  #@log1-version',
     "log1-version", "changelog[1].version", ["newest first"]),
    ("changelog dates backwards",
     "    date: 2026-06-01  #@log1-date", "    date: 2027-01-01  #@log1-date",
     "log1-date", "changelog[1].date", ["later than"]),
    ("impossible date",
     "effective: 2026-12-01", "effective: 2026-13-01  #@bad-date",
     "bad-date", "effective", ["'2026-13-01' is not a date"]),
    ("empty clause list",
     "clauses:", "clauses: []  #@no-clauses\nunused:",
     "no-clauses", "clauses", ["at least 1"]),
]


@pytest.mark.parametrize("case, old, new, marker, where, words", BROKEN, ids=[c[0] for c in BROKEN])
def test_broken_policy_names_file_line_and_problem(
    tmp_path: Path, case: str, old: str, new: str, marker: str, where: str, words: list[str]
) -> None:
    text = replace(MINIMAL, old, new)
    if case == "empty clause list":
        # Drop the clauses that followed, so only the emptiness is wrong.
        text = text.split("unused:")[0]
    path = write(tmp_path, text)
    with pytest.raises(PolicyError) as info:
        load_policy(path)
    e = info.value
    assert (e.file, e.line, e.where) == (str(path), line_of(text, marker), where), str(e)
    for w in words:
        assert w in e.problem, str(e)
    assert str(e).startswith(f"{path}:{e.line}: {where}: ")
    assert "\n" not in str(e)


@pytest.mark.parametrize(
    "text, line, words",
    [
        ("version: \"1.0.0\"\ntitle: {lv: x\n", 3, ["YAML syntax"]),
        ("version: \"1.0.0\"\n  bad indent: here\n", 2, ["YAML syntax"]),
        ("a: 1\n---\nb: 2\n", 2, ["YAML syntax", "single document"]),
        ("", 1, ["empty"]),
        ("# only a comment\n", 1, ["empty"]),
        ("- just\n- a list\n", 1, ["expected a mapping, got a list"]),
        ("base: &b {lv: x}\nother:\n  <<: *b\n", 3, ["merge keys"]),
        ("? [a, b]\n: 1\n", 1, ["must be text"]),
    ],
)
def test_unusable_yaml(tmp_path: Path, text: str, line: int, words: list[str]) -> None:
    path = write(tmp_path, text)
    with pytest.raises(PolicyError) as info:
        load_policy(path)
    assert info.value.line == line, str(info.value)
    for w in words:
        assert w in str(info.value)


def test_missing_top_level_key_points_at_line_1(tmp_path: Path) -> None:
    text = replace(MINIMAL, 'owner: "komunikācijas nodaļa"\n', "")
    with pytest.raises(PolicyError, match=r":1: missing key 'owner'$"):
        load_policy(write(tmp_path, text))


def test_not_utf8_and_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes(b'version: "1.0.0"\ntitle: "Vadl\xeeniijas"\n')
    with pytest.raises(PolicyError, match=r"latin1\.yaml:2: not valid UTF-8"):
        load_policy(path)
    with pytest.raises(PolicyError, match=r"nope\.yaml: cannot read the file"):
        load_policy(tmp_path / "nope.yaml")


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes("\ufeff".encode() + MINIMAL.encode())
    assert load_policy(path).version == "1.2.0"


def test_params_are_plain_data(tmp_path: Path) -> None:
    text = replace(
        MINIMAL, "        params: {lv: [alga, algas], en: [salary]}  #@rule0-params",
        "        params:\n          lv: [alga]\n          en: [salary, pay]\n          except: [salary cap]",
    )
    policy = load_policy(write(tmp_path, text))
    assert policy.clause("first").rules[0].params == {
        "lv": ["alga"], "en": ["salary", "pay"], "except": ["salary cap"],
    }


def test_rule_params_the_review_engine_refuses_are_placed_at_their_line(tmp_path: Path) -> None:
    # The loader asks policy.review.validate_rule_params (when the review engine provides it).
    pytest.importorskip("policy.review")
    from policy.review import validate_rule_params

    bad = {"lv": [], "en": []}
    assert validate_rule_params("terms", bad)  # the premise: the detector refuses it
    text = replace(MINIMAL, "        params: {lv: [alga, algas], en: [salary]}  #@rule0-params",
                   "        params: {lv: [], en: []}  #@rule0-params")
    with pytest.raises(PolicyError) as info:
        load_policy(write(tmp_path, text))
    assert info.value.line == line_of(text, "rule0-params")
    assert info.value.where == "clauses[0].rules[0].params"

    text = replace(MINIMAL, "        kind: terms", "        kind: no_such_detector  #@kind")
    with pytest.raises(PolicyError) as info:
        load_policy(write(tmp_path, text))
    assert info.value.where == "clauses[0].rules[0].params"
    assert "no_such_detector" in info.value.problem


def test_semver_precedence() -> None:
    order = ["0.9.0", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-beta", "1.0.0-rc.2", "1.0.0-rc.10",
             "1.0.0", "1.0.1", "1.2.0", "1.10.0", "2.0.0"]
    assert sorted(order, key=semver_key) == order
    assert semver_key("1.0.0+build.5") == semver_key("1.0.0")


# ---- the embedded files --------------------------------------------------------------------


def test_embedded_policy_loads() -> None:
    policy = load_policy()
    assert isinstance(policy, Policy)
    assert policy.version == policy.changelog[0].version
    assert load_policy(POLICY_PATH) == policy


def test_embedded_profile_loads() -> None:
    profile = load_profile()
    assert isinstance(profile, Profile)
    assert profile.name
    assert "maiznica.lv" in profile.domains
    assert "info@maiznica.lv" in profile.emails
    assert "+371 67 000 000" in profile.phones
    assert {"Rimi", "Latvijas Balzams"} <= set(profile.clients)
    assert {"Lāči", "Hanzas Maiznīca"} <= set(profile.competitors)
    assert "Projekts Rudzi" in profile.confidential_terms
    assert profile.contact
    assert load_profile(PROFILE_PATH) == profile


def test_embedded_policy_loads_fast() -> None:
    # The budget of a fresh `policybot review --json` is 0.5 s in all; loading the policy must
    # be a small part of it. Generous here (shared CI machines); typically ~5 ms.
    load_policy()
    start = time.perf_counter()
    load_policy()
    assert time.perf_counter() - start < 0.1


# ---- profiles --------------------------------------------------------------------------------

PROFILE = """\
name: "Baltic Bakery SIA"
domains: [maiznica.lv]
emails: [info@maiznica.lv]
phones: ["+371 67 000 000"]
clients: [Rimi]
competitors: [Lāči]
confidential_terms: [Projekts Rudzi]
contact: "komunikacija@maiznica.lv"
"""


def test_profile_loads_and_defaults(tmp_path: Path) -> None:
    profile = load_profile(write(tmp_path, PROFILE, "org.yaml"))
    assert profile == Profile(
        name="Baltic Bakery SIA", domains=("maiznica.lv",), emails=("info@maiznica.lv",),
        phones=("+371 67 000 000",), clients=("Rimi",), competitors=("Lāči",),
        confidential_terms=("Projekts Rudzi",), contact="komunikacija@maiznica.lv",
    )
    assert load_profile(write(tmp_path, 'name: "X"\n', "min.yaml")) == Profile(name="X")


@pytest.mark.parametrize(
    "old, new, line, words",
    [
        ("clients: [Rimi]", "clients: [Rimi]\nclient: [Maxima]", 6, ["unknown key 'client'", "did you mean 'clients'"]),
        ('name: "Baltic Bakery SIA"\n', "", 1, ["missing key 'name'"]),
        ('phones: ["+371 67 000 000"]', "phones: [+37167000000]", 4, ["expected text, got the number", "quotes"]),
        ("emails: [info@maiznica.lv]", "emails: [info-at-maiznica.lv]", 3, ["not an e-mail address"]),
        ("domains: [maiznica.lv]", "domains: [https://maiznica.lv/]", 2, ["not a domain name"]),
        ("competitors: [Lāči]", "competitors: Lāči", 6, ["expected a list, got the text 'Lāči'", "[Lāči]"]),
    ],
)
def test_broken_profile(tmp_path: Path, old: str, new: str, line: int, words: list[str]) -> None:
    path = write(tmp_path, replace(PROFILE, old, new), "org.yaml")
    with pytest.raises(PolicyError) as info:
        load_profile(path)
    assert info.value.line == line, str(info.value)
    for w in words:
        assert w in str(info.value)
    # The editor's view agrees: the JSON Schema refuses the same file.
    assert _jsonschema_errors(PROFILE_SCHEMA_PATH, path)


# ---- the JSON Schemas and the loader agree ----------------------------------------------------


def _as_editor_sees_it(value: object) -> object:
    """YAML data as a JSON-Schema editor sees it: dates are strings."""
    if isinstance(value, dict):
        return {k: _as_editor_sees_it(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_editor_sees_it(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def _jsonschema_errors(schema_path: Path, path: Path) -> list[str]:
    import jsonschema
    import yaml

    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    class EditorLoader(yaml.SafeLoader):
        """Dates stay text, as in an editor (and an impossible date is just a bad string)."""

    EditorLoader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_scalar)
    data = _as_editor_sees_it(yaml.load(path.read_text(encoding="utf-8"), Loader=EditorLoader))
    return [e.message for e in validator.iter_errors(data)]


@pytest.mark.parametrize("schema_path", [POLICY_SCHEMA_PATH, PROFILE_SCHEMA_PATH])
def test_schemas_are_valid_draft_2020_12_and_use_only_supported_keywords(schema_path: Path) -> None:
    import jsonschema

    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if "properties" in node:
                assert node.get("additionalProperties") is False, node.get("description")
            for key, value in node.items():
                if key in ("properties", "$defs"):
                    assert isinstance(value, dict)
                    for sub in value.values():
                        walk(sub)
                else:
                    assert key in SUPPORTED_KEYWORDS, key
                    walk(value)

    walk(schema)


def test_jsonschema_accepts_the_embedded_files() -> None:
    assert _jsonschema_errors(POLICY_SCHEMA_PATH, POLICY_PATH) == []
    assert _jsonschema_errors(PROFILE_SCHEMA_PATH, PROFILE_PATH) == []


def test_yaml_files_point_editors_at_their_schema() -> None:
    assert POLICY_PATH.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=policy.schema.json\n")
    assert PROFILE_PATH.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=profile.schema.json\n")


# Cases the schema alone can decide: jsonschema and the loader must both refuse them. (Duplicate
# ids, the changelog order and duplicate keys are beyond JSON Schema and checked by the loader.)
SCHEMA_CASES = [c for c in BROKEN if not c[0].startswith(("duplicate", "changelog", "version as a"))]


@pytest.mark.parametrize("case, old, new, marker, where, words", SCHEMA_CASES, ids=[c[0] for c in SCHEMA_CASES])
def test_jsonschema_and_loader_agree_on_broken_files(
    tmp_path: Path, case: str, old: str, new: str, marker: str, where: str, words: list[str]
) -> None:
    text = replace(MINIMAL, old, new)
    if case == "empty clause list":
        text = text.split("unused:")[0]
    path = write(tmp_path, text)
    assert _jsonschema_errors(POLICY_SCHEMA_PATH, path), "jsonschema accepted what the loader refuses"
    with pytest.raises(PolicyError):
        load_policy(path)


def test_jsonschema_and_loader_agree_on_the_minimal_file(tmp_path: Path) -> None:
    path = write(tmp_path, MINIMAL)
    assert _jsonschema_errors(POLICY_SCHEMA_PATH, path) == []
    load_policy(path)


def test_messages_read_like_file_line_where_problem(tmp_path: Path) -> None:
    path = write(tmp_path, replace(MINIMAL, "    title:  #@first-title", "    titel:"))
    with pytest.raises(PolicyError) as info:
        load_policy(path)
    assert re.fullmatch(r".*guidelines\.yaml:14: clauses\[0\]\.titel: unknown key 'titel' .*", str(info.value))
