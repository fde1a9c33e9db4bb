"""policy.diff: what changed between two policies, clause by clause, on real files."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from policy.diff import Difference, diff
from policy.loader import POLICY_PATH, load_policy
from policy.model import Rule, Terms, Text

OLD = load_policy()


def test_identical_policies_have_no_differences() -> None:
    assert diff(OLD, load_policy()) == []


def test_modified_copy_on_disk(tmp_path: Path) -> None:
    """Edit a copy of the embedded file the way a policy owner would, and diff the two."""
    text = POLICY_PATH.read_text(encoding="utf-8")
    text = text.replace('version: "1.0.0"\n', 'version: "1.1.0"\n', 1)
    text = text.replace(
        "changelog:\n",
        'changelog:\n  - version: "1.1.0"\n    date: 2027-01-15\n    changes:\n      - "Precizēts kopsavilkums."\n',
        1,
    )
    old_summary = OLD.clause("goals").summary.en
    assert text.count(old_summary) == 1
    text = text.replace(old_summary, "Share the company's news; leave the official accounts to their owners.")
    path = tmp_path / "guidelines.yaml"
    path.write_text(text, encoding="utf-8")

    changes = diff(OLD, load_policy(path))
    assert Difference("changed", None, "version", "1.0.0", "1.1.0") in changes
    assert Difference("added", None, "changelog[1.1.0]", None, "Precizēts kopsavilkums.") in changes
    assert Difference(
        "changed", "goals", "summary.en", old_summary,
        "Share the company's news; leave the official accounts to their owners.",
    ) in changes
    assert len(changes) == 3
    assert [d.describe() for d in changes][0] == "~ version: '1.0.0' -> '1.1.0'"


def test_sentence_lists_are_compared_as_sequences() -> None:
    c = OLD.clause("information-protection")
    inserted = Text(lv="Tu drīksti jaunu lietu.", en="You may a new thing.")
    new_clause = replace(c, allowed=(inserted, *c.allowed), not_allowed=c.not_allowed[1:])
    new = replace(OLD, clauses=tuple(new_clause if x.id == c.id else x for x in OLD.clauses))
    changes = diff(OLD, new)
    # One sentence inserted at the top is one addition per language, not every sentence changed.
    assert Difference("added", c.id, "allowed.lv[0]", None, inserted.lv) in changes
    assert Difference("added", c.id, "allowed.en[0]", None, inserted.en) in changes
    assert Difference("removed", c.id, "not_allowed.lv[0]", c.not_allowed[0].lv, None) in changes
    assert len(changes) == 4


def test_edited_sentence_is_a_change() -> None:
    c = OLD.clause("goals")
    edited = replace(c.conditions[1], en="Edited.")
    new_clause = replace(c, conditions=(c.conditions[0], edited, *c.conditions[2:]))
    new = replace(OLD, clauses=tuple(new_clause if x.id == c.id else x for x in OLD.clauses))
    assert diff(OLD, new) == [Difference("changed", "goals", "conditions.en[1]", c.conditions[1].en, "Edited.")]


def test_keywords_are_compared_as_sets() -> None:
    c = OLD.clause("goals")
    kw = Terms(lv=tuple(reversed(c.keywords.lv)) + ("vakancēm",), en=c.keywords.en[1:])
    new_clause = replace(c, keywords=kw)
    new = replace(OLD, clauses=tuple(new_clause if x.id == c.id else x for x in OLD.clauses))
    assert diff(OLD, new) == [
        Difference("added", "goals", "keywords.lv", None, "vakancēm"),
        Difference("removed", "goals", "keywords.en", c.keywords.en[0], None),
    ]


def test_clauses_added_removed_and_moved() -> None:
    first, second, *rest = OLD.clauses
    extra = replace(first, id="new-clause", title=Text(lv="Jauns", en="New"))
    new = replace(OLD, clauses=(second, first, *rest[:-1], extra))
    changes = diff(OLD, new)
    assert Difference("moved", "internal-first", None, "2", "1") in changes
    assert Difference("moved", "personal-accounts", None, "1", "2") in changes
    assert Difference("added", "new-clause", None, None, "New") in changes
    assert Difference("removed", "trust-oversight", None, rest[-1].title.en, None) in changes
    assert [d.describe() for d in changes if d.clause == "new-clause"] == ["+ new-clause: New"]
    # A clause that is only moved has no field changes.
    assert all(d.field is None for d in changes)


def test_rules_by_id() -> None:
    rule = Rule(id="r1", kind="terms", severity="medium", message=Text("a", "b"),
                suggestion=Text("c", "d"), params={"lv": ["x"]})
    c = OLD.clause("appropriate-content")
    with_rule = replace(OLD, clauses=tuple(replace(x, rules=(rule,)) if x.id == c.id else x for x in OLD.clauses))
    stricter = replace(rule, severity="high", params={"lv": ["x", "y"]})
    with_stricter = replace(OLD, clauses=tuple(replace(x, rules=(stricter,)) if x.id == c.id else x for x in OLD.clauses))
    base = replace(OLD, clauses=tuple(replace(x, rules=()) if x.id == c.id else x for x in OLD.clauses))

    assert diff(base, with_rule) == [Difference("added", c.id, "rules[r1]", None, "terms, medium")]
    assert diff(with_rule, base) == [Difference("removed", c.id, "rules[r1]", "terms, medium", None)]
    assert diff(with_rule, with_stricter) == [
        Difference("changed", c.id, "rules[r1].severity", "medium", "high"),
        Difference("changed", c.id, "rules[r1].params", '{"lv": ["x"]}', '{"lv": ["x", "y"]}'),
    ]


def test_describe() -> None:
    assert Difference("removed", "goals", "allowed.lv[0]", "Teksts\nar rindu", None).describe() == (
        "- goals:allowed.lv[0]: Teksts ar rindu"
    )
    assert Difference("moved", "goals", None, "7", "1").describe() == "> goals: position 7 -> 1"
    assert Difference("changed", None, "owner", "a", "b").describe() == "~ owner: 'a' -> 'b'"
