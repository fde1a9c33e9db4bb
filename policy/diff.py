"""What changed between two versions of the policy, clause by clause.

`diff(old, new)` is a pure function of two `Policy` values; it returns a flat list of
`Difference`, policy-level fields first, then the clauses in the new policy's order (removed
clauses last). Lists of sentences are compared as sequences (an inserted sentence is one
"added", not every later sentence "changed"); keyword and question lists as sets, because their
order carries no meaning.

    for d in diff(load_policy(old_path), load_policy(new_path)):
        print(d.describe())
"""
from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from typing import Literal, Sequence

from policy.model import LANGS, Clause, Policy, Rule, Terms, Text

Kind = Literal["added", "removed", "changed", "moved"]

# Clause fields that are lists of bilingual sentences, in the order they are reported.
_SENTENCE_LISTS = ("allowed", "not_allowed", "conditions", "examples_do", "examples_dont")


@dataclass(frozen=True)
class Difference:
    """One change. `clause` is None for policy-level fields (version, title, ...); `field` is
    None when a whole clause was added or removed, else a path such as `title.en`,
    `allowed.lv[2]`, `keywords.lv` or `rules[client-names].severity`. `old` / `new` hold the
    text (None for what does not exist on that side)."""

    kind: Kind
    clause: str | None
    field: str | None
    old: str | None = None
    new: str | None = None

    def describe(self) -> str:
        """One human-readable line (newlines in texts are shown as spaces)."""
        where = ":".join(p for p in (self.clause, self.field) if p) or "policy"
        old, new = _one_line(self.old), _one_line(self.new)
        if self.kind == "changed":
            return f"~ {where}: {old!r} -> {new!r}"
        if self.kind == "moved":
            return f"> {where}: position {old} -> {new}"
        if self.kind == "added":
            return f"+ {where}" + (f": {new}" if new else "")
        return f"- {where}" + (f": {old}" if old else "")


def diff(old: Policy, new: Policy) -> list[Difference]:
    """Everything that differs between `old` and `new` (empty when they say the same)."""
    out: list[Difference] = []
    _scalar(out, None, "version", old.version, new.version)
    _scalar(out, None, "effective", old.effective.isoformat(), new.effective.isoformat())
    _text(out, None, "title", old.title, new.title)
    _scalar(out, None, "owner", old.owner, new.owner)
    old_log = {c.version: c for c in old.changelog}
    for change in new.changelog:
        if change.version not in old_log:
            out.append(Difference("added", None, f"changelog[{change.version}]", None, "; ".join(change.changes)))
    new_versions = {c.version for c in new.changelog}
    for change in old.changelog:
        if change.version not in new_versions:
            out.append(Difference("removed", None, f"changelog[{change.version}]", "; ".join(change.changes), None))

    old_ids, new_ids = old.clause_ids, new.clause_ids
    common_old = [i for i in old_ids if i in new_ids]
    common_new = [i for i in new_ids if i in old_ids]
    for clause in new.clauses:
        if clause.id not in old_ids:
            out.append(Difference("added", clause.id, None, None, clause.title.en))
            continue
        if common_old.index(clause.id) != common_new.index(clause.id):
            out.append(Difference(
                "moved", clause.id, None,
                str(old_ids.index(clause.id) + 1), str(new_ids.index(clause.id) + 1),
            ))
        out.extend(_clause(old.clause(clause.id), clause))
    for clause in old.clauses:
        if clause.id not in new_ids:
            out.append(Difference("removed", clause.id, None, clause.title.en, None))
    return out


def _clause(old: Clause, new: Clause) -> list[Difference]:
    out: list[Difference] = []
    cid = new.id
    for name in ("title", "text", "summary"):
        _text(out, cid, name, getattr(old, name), getattr(new, name))
    for name in _SENTENCE_LISTS:
        _sentences(out, cid, name, getattr(old, name), getattr(new, name))
    for name in ("keywords", "questions"):
        _terms(out, cid, name, getattr(old, name), getattr(new, name))
    _rules(out, cid, old.rules, new.rules)
    return out


def _scalar(out: list[Difference], clause: str | None, field: str, old: str, new: str) -> None:
    if old != new:
        out.append(Difference("changed", clause, field, old, new))


def _text(out: list[Difference], clause: str | None, field: str, old: Text, new: Text) -> None:
    for lang in LANGS:
        _scalar(out, clause, f"{field}.{lang}", old.get(lang), new.get(lang))


def _sentences(out: list[Difference], clause: str, field: str, old: Sequence[Text], new: Sequence[Text]) -> None:
    for lang in LANGS:
        a = [t.get(lang) for t in old]
        b = [t.get(lang) for t in new]
        matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                continue
            # A replacement of as many sentences as it removes is an edit of each; otherwise the
            # old ones went and new ones came.
            if op == "replace" and i2 - i1 == j2 - j1:
                for k in range(i2 - i1):
                    out.append(Difference("changed", clause, f"{field}.{lang}[{j1 + k}]", a[i1 + k], b[j1 + k]))
                continue
            for i in range(i1, i2):
                out.append(Difference("removed", clause, f"{field}.{lang}[{i}]", a[i], None))
            for j in range(j1, j2):
                out.append(Difference("added", clause, f"{field}.{lang}[{j}]", None, b[j]))


def _terms(out: list[Difference], clause: str, field: str, old: Terms, new: Terms) -> None:
    for lang in LANGS:
        a, b = old.get(lang), new.get(lang)
        in_a, in_b = set(a), set(b)
        removed = [t for t in a if t not in in_b]
        added = [t for t in b if t not in in_a]
        if removed:
            out.append(Difference("removed", clause, f"{field}.{lang}", ", ".join(removed), None))
        if added:
            out.append(Difference("added", clause, f"{field}.{lang}", None, ", ".join(added)))


def _rules(out: list[Difference], clause: str, old: Sequence[Rule], new: Sequence[Rule]) -> None:
    before = {r.id: r for r in old}
    after = {r.id: r for r in new}
    for rule in new:
        field = f"rules[{rule.id}]"
        if rule.id not in before:
            out.append(Difference("added", clause, field, None, f"{rule.kind}, {rule.severity}"))
            continue
        prev = before[rule.id]
        _scalar(out, clause, f"{field}.kind", prev.kind, rule.kind)
        _scalar(out, clause, f"{field}.severity", prev.severity, rule.severity)
        _text(out, clause, f"{field}.message", prev.message, rule.message)
        _text(out, clause, f"{field}.suggestion", prev.suggestion, rule.suggestion)
        _scalar(out, clause, f"{field}.params", _json(prev.params), _json(rule.params))
    for rule in old:
        if rule.id not in after:
            out.append(Difference("removed", clause, f"rules[{rule.id}]", f"{rule.kind}, {rule.severity}", None))


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _one_line(text: str | None) -> str:
    return " ".join((text or "").split())
