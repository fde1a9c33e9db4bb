"""`policybot teams package`: the Teams app package (the zip to sideload or upload), checked offline.

    MICROSOFT_APP_ID=<bot app id> policybot teams package [--out FILE] [--dir deploy/teams]

It fills `{{MICROSOFT_APP_ID}}` in deploy/teams/manifest.json, validates the manifest against the
JSON Schema of its manifestVersion kept in deploy/teams/schema/ (a copy of the schema the
`@microsoft/app-manifest` npm package ships: no network is needed), checks the icons (colour
192x192, outline 32x32 with transparency), and zips manifest.json, color.png and outline.png
flat, as Teams expects. Exit status: 0 written, 1 invalid, 2 bad usage (no app id).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import struct
import sys
import zipfile
from pathlib import Path
from typing import Any, TextIO

GUID = re.compile(r"^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")
PLACEHOLDER = re.compile(r"\{\{\s*([A-Z0-9_]+)\s*\}\}")
ICONS = {"color": (192, 192), "outline": (32, 32)}
DEFAULT_DIR = Path(__file__).resolve().parents[2] / "deploy" / "teams"
DEFAULT_OUT = Path("build") / "policybot-teams.zip"


class PackageError(Exception):
    """The package cannot be built as asked; the message says what to fix."""


def add_parser(subparsers: Any) -> None:
    """Register `teams` (with `teams package`) on the `policybot` sub-command parser."""
    p = subparsers.add_parser(
        "teams", help="the Microsoft Teams app package",
        description="Build the Microsoft Teams app package from deploy/teams.",
    )
    sub = p.add_subparsers(title="commands", metavar="COMMAND")
    pkg = sub.add_parser(
        "package", help="build and validate the Teams app zip (offline)",
        description="Fill MICROSOFT_APP_ID into deploy/teams/manifest.json, validate it against its JSON "
        "Schema (kept in deploy/teams/schema/, no network), check the icons and zip the package flat.",
        epilog="Sideload the zip in Teams (Apps > Manage your apps > Upload an app) or upload it in the "
        "Teams admin center. See deploy/teams/README.md.",
    )
    pkg.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"the zip to write (default: {DEFAULT_OUT})")
    pkg.add_argument("--dir", type=Path, default=DEFAULT_DIR, help="the folder with manifest.json and the icons")
    pkg.add_argument("--app-id", help="the bot's Microsoft App ID (default: $MICROSOFT_APP_ID)")
    pkg.set_defaults(func=run)
    p.set_defaults(func=lambda args: (p.print_help(), 2)[1])


def run(args: argparse.Namespace, *, stdout: TextIO | None = None, stderr: TextIO | None = None,
        environ: dict[str, str] | None = None) -> int:
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    env = os.environ if environ is None else environ
    app_id = (args.app_id or env.get("MICROSOFT_APP_ID") or "").strip()
    if not app_id:
        print("policybot teams package: MICROSOFT_APP_ID is not set (the bot's Entra app id; or pass --app-id)", file=stderr)
        return 2
    if not GUID.match(app_id):
        print("policybot teams package: MICROSOFT_APP_ID must be a GUID like 00000000-0000-0000-0000-000000000000", file=stderr)
        return 2
    try:
        manifest, files = build(Path(args.dir), {"MICROSOFT_APP_ID": app_id})
        problems = validate(manifest, Path(args.dir))
        if problems:
            print("policybot teams package: manifest.json is not valid:", file=stderr)
            for problem in problems:
                print(f"  - {problem}", file=stderr)
            return 1
        write_zip(Path(args.out), manifest, files)
    except PackageError as exc:
        print(f"policybot teams package: {exc}", file=stderr)
        return 1
    print(f"wrote {args.out} (manifest {manifest['manifestVersion']}, app {app_id})", file=stdout)
    return 0


def build(folder: Path, values: dict[str, str]) -> tuple[dict[str, Any], dict[str, bytes]]:
    """The filled-in manifest and the icon files it names."""
    path = folder / "manifest.json"
    if not path.is_file():
        raise PackageError(f"{path} not found (run from a policybot checkout, or pass --dir)")
    text = path.read_text(encoding="utf-8")
    missing = sorted({m.group(1) for m in PLACEHOLDER.finditer(text)} - set(values))
    if missing:
        raise PackageError(f"manifest.json has placeholders with no value: {', '.join(missing)}")
    text = PLACEHOLDER.sub(lambda m: values[m.group(1)], text)
    try:
        manifest = json.loads(text)
    except json.JSONDecodeError as exc:
        raise PackageError(f"manifest.json is not JSON: line {exc.lineno}: {exc.msg}") from None
    files: dict[str, bytes] = {}
    for kind in ICONS:
        name = str((manifest.get("icons") or {}).get(kind) or "")
        icon = folder / name
        if not name or "/" in name or "\\" in name or not icon.is_file():
            raise PackageError(f"icons.{kind} must name a PNG file beside manifest.json (found {name!r})")
        files[name] = icon.read_bytes()
    return manifest, files


def validate(manifest: dict[str, Any], folder: Path) -> list[str]:
    """Problems with the manifest (schema of its manifestVersion) and its icons; [] if none."""
    import jsonschema
    from jsonschema import Draft4Validator, Draft7Validator

    version = str(manifest.get("manifestVersion") or "")
    schema_path = folder / "schema" / f"MicrosoftTeams.v{version}.schema.json"
    if not schema_path.is_file():
        return [f"no schema for manifestVersion {version!r} in {folder / 'schema'} (copy it from the "
                "@microsoft/app-manifest npm package, build/json-schemas/teams/)"]
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    # The Teams schemas declare draft-04 but use `const` (draft-06): check it too.
    validator_class = jsonschema.validators.extend(Draft4Validator, {"const": Draft7Validator.VALIDATORS["const"]})
    problems = [
        f"{'/'.join(str(p) for p in error.absolute_path) or '(top)'}: {error.message[:300]}"
        for error in sorted(validator_class(schema).iter_errors(manifest), key=lambda e: list(map(str, e.absolute_path)))
    ]
    for kind, size in ICONS.items():
        name = str((manifest.get("icons") or {}).get(kind) or "")
        found = png_info(folder / name) if name and (folder / name).is_file() else None
        if found is None:
            problems.append(f"icons/{kind}: {name!r} is not a PNG file")
            continue
        width, height, alpha = found
        if (width, height) != size:
            problems.append(f"icons/{kind}: {name} is {width}x{height}, Teams needs {size[0]}x{size[1]}")
        if kind == "outline" and not alpha:
            problems.append(f"icons/{kind}: {name} needs a transparent background (a PNG with alpha)")
    return problems


def png_info(path: Path) -> tuple[int, int, bool] | None:
    """(width, height, has alpha) from a PNG's IHDR, or None if it is not a PNG."""
    head = path.read_bytes()[:33]
    if len(head) < 33 or head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        return None
    width, height, _depth, colour = struct.unpack(">IIBB", head[16:26])
    return width, height, colour in (4, 6)


def write_zip(out: Path, manifest: dict[str, Any], files: dict[str, bytes]) -> None:
    """manifest.json and the icons at the root of the zip (Teams rejects a zipped folder).
    Fixed timestamps: the same inputs give the same bytes."""
    out.parent.mkdir(parents=True, exist_ok=True)
    entries = {"manifest.json": (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode("utf-8"), **files}
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name, data in entries.items():
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data)
