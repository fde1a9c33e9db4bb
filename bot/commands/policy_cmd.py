"""`policybot policy`: check, read and compare policy files.

    policybot policy validate [FILE] [--profile FILE]   OK: policy 1.0.0, 8 clauses
    policybot policy show [CLAUSE] [--lang lv|en]       one line per clause, or one clause in full
    policybot policy diff OLD NEW                       what changed, clause by clause

Without FILE the embedded policy/guidelines.yaml (and policy/organisation.example.yaml) are used.
Exit status: 0 on success, 1 when a file is invalid (its `file:line: problem` on stderr), 2 for
usage errors such as an unknown clause. Imports of the policy package are lazy, like every command.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, TextIO

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


def add_parser(subparsers: Any) -> None:
    """Register `policy` and its sub-commands on the `policybot` sub-command parser."""
    p = subparsers.add_parser(
        "policy",
        help="check, read and compare policy files",
        description=(
            "Check, read and compare the social-media policy (guidelines YAML) and the "
            "organisation profile. Without a FILE the embedded policy/guidelines.yaml is used."
        ),
    )
    sub = p.add_subparsers(title="actions", metavar="ACTION", dest="policy_action")
    sub.required = True

    v = sub.add_parser(
        "validate",
        help="check a policy file (and an organisation profile)",
        description=(
            "Check a policy file: YAML syntax, unknown or missing keys, types, unique ids, the "
            "version and changelog, rule parameters. Prints 'OK: ...' or the first problem as "
            "file:line: problem. Exit status 1 when a file is invalid."
        ),
    )
    v.add_argument("file", nargs="?", type=Path, metavar="FILE", help="policy YAML (default: the embedded one)")
    v.add_argument("--profile", type=Path, metavar="FILE", help="also check this organisation profile")
    v.set_defaults(func=run_validate)

    s = sub.add_parser(
        "show",
        help="the clauses, one line each, or one clause in full",
        description="Print the clauses one line each, or one clause (by id or number) in full.",
    )
    s.add_argument("clause", nargs="?", metavar="CLAUSE", help="clause id (e.g. information-protection) or number (1-8)")
    s.add_argument("--lang", choices=("lv", "en"), default="en", help="language (default: en)")
    s.add_argument("--file", type=Path, metavar="FILE", help="policy YAML (default: the embedded one)")
    s.set_defaults(func=run_show)

    d = sub.add_parser(
        "diff",
        help="what changed between two policy files",
        description="Print what changed between two policy files, clause by clause.",
    )
    d.add_argument("old", type=Path, metavar="OLD", help="the older policy YAML")
    d.add_argument("new", type=Path, metavar="NEW", help="the newer policy YAML")
    d.set_defaults(func=run_diff)


# ---- validate --------------------------------------------------------------------------------


def run_validate(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Validate the policy and, with --profile, the profile; each gets one line of result."""
    from policy.loader import PolicyError, load_policy, load_profile

    out, err = out or sys.stdout, err or sys.stderr
    status = EXIT_OK
    try:
        policy = load_policy(args.file)
    except PolicyError as e:
        print(e, file=err)
        status = EXIT_INVALID
    else:
        print(f"OK: policy {policy.version}, {len(policy.clauses)} clauses", file=out)
    if args.profile is not None:
        try:
            profile = load_profile(args.profile)
        except PolicyError as e:
            print(e, file=err)
            status = EXIT_INVALID
        else:
            print(f"OK: profile {profile.name}", file=out)
    return status


# ---- show ------------------------------------------------------------------------------------


def run_show(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """All clauses one line each, or one clause in full, in --lang."""
    from policy.loader import PolicyError, load_policy

    out, err = out or sys.stdout, err or sys.stderr
    try:
        policy = load_policy(args.file)
    except PolicyError as e:
        print(f"policybot: {e}", file=err)
        return EXIT_INVALID
    lang = args.lang
    if args.clause is None:
        print(render_index(policy, lang), file=out)
        return EXIT_OK
    clause = find_clause(policy, args.clause)
    if clause is None:
        print(f"policybot: no clause {args.clause!r}; clauses: {', '.join(policy.clause_ids)}", file=err)
        return EXIT_USAGE
    print(render_clause(policy, clause, lang), file=out)
    return EXIT_OK


def find_clause(policy: Any, ref: str) -> Any | None:
    """The clause with id `ref`, or the `ref`-th clause (1-based) when `ref` is a number."""
    ref = ref.strip()
    if ref.isdigit():
        n = int(ref)
        return policy.clauses[n - 1] if 1 <= n <= len(policy.clauses) else None
    for clause in policy.clauses:
        if clause.id == ref.lower():
            return clause
    return None


def render_index(policy: Any, lang: str) -> str:
    """A header and one line per clause: number, id, title and summary."""
    width = max(len(c.id) for c in policy.clauses)
    effective = "spēkā no" if lang == "lv" else "effective"
    lines = [f"{policy.title.get(lang)} {policy.version} ({effective} {policy.effective.isoformat()})"]
    for n, c in enumerate(policy.clauses, 1):
        lines.append(f"{n:>2}. {c.id:<{width}}  {c.title.get(lang)}: {c.summary.get(lang)}")
    return "\n".join(lines)


_HEADINGS = {
    "en": {"allowed": "Allowed", "not_allowed": "Not allowed", "conditions": "It depends",
           "examples_do": "Good examples", "examples_dont": "Bad examples", "keywords": "Keywords",
           "questions": "Questions", "rules": "Rules"},
    "lv": {"allowed": "Atļauts", "not_allowed": "Nav atļauts", "conditions": "Atkarībā no apstākļiem",
           "examples_do": "Labi piemēri", "examples_dont": "Slikti piemēri", "keywords": "Atslēgvārdi",
           "questions": "Jautājumi", "rules": "Noteikumi"},
}


def render_clause(policy: Any, clause: Any, lang: str) -> str:
    """One clause in full: title, text, summary, the lists, keywords, questions and rules."""
    h = _HEADINGS[lang]
    n = policy.clause_ids.index(clause.id) + 1
    lines = [
        f"{n}. {clause.title.get(lang)} [{clause.id}, v{policy.version}]",
        "",
        clause.text.get(lang),
        "",
        clause.summary.get(lang),
    ]
    for name in ("allowed", "not_allowed", "conditions", "examples_do", "examples_dont"):
        items = getattr(clause, name)
        if items:
            lines += ["", f"{h[name]}:"] + [f"  - {t.get(lang)}" for t in items]
    if clause.keywords.get(lang):
        lines += ["", f"{h['keywords']}: {', '.join(clause.keywords.get(lang))}"]
    if clause.questions.get(lang):
        lines += ["", f"{h['questions']}:"] + [f"  - {q}" for q in clause.questions.get(lang)]
    if clause.rules:
        lines += ["", f"{h['rules']}:"]
        lines += [f"  - {r.id} ({r.kind}, {r.severity}): {r.message.get(lang)}" for r in clause.rules]
    return "\n".join(lines)


# ---- diff ------------------------------------------------------------------------------------


def run_diff(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Print the differences between two policy files, one line each."""
    from policy.diff import diff
    from policy.loader import PolicyError, load_policy

    out, err = out or sys.stdout, err or sys.stderr
    try:
        old, new = load_policy(args.old), load_policy(args.new)
    except PolicyError as e:
        print(f"policybot: {e}", file=err)
        return EXIT_INVALID
    changes = diff(old, new)
    if not changes:
        print(f"No differences (policy {old.version} and {new.version}).", file=out)
        return EXIT_OK
    print(f"policy {old.version} -> {new.version}: {len(changes)} difference(s)", file=out)
    for d in changes:
        print(d.describe(), file=out)
    return EXIT_OK
