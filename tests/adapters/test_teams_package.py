"""`policybot teams package`: the app zip, validated offline against the manifest's JSON Schema."""
from __future__ import annotations

import io
import json
import runpy
import shutil
import zipfile
from argparse import Namespace
from pathlib import Path

from bot.commands import teams_cmd

APP_ID = "9a3f4b2c-5d6e-4f70-8a9b-0c1d2e3f4a5b"
DEPLOY = Path(__file__).resolve().parents[2] / "deploy" / "teams"


def package(tmp_path, folder=DEPLOY, app_id=APP_ID, env=None):
    out, err = io.StringIO(), io.StringIO()
    args = Namespace(out=tmp_path / "app.zip", dir=folder, app_id=app_id)
    code = teams_cmd.run(args, stdout=out, stderr=err, environ=env or {})
    return code, out.getvalue(), err.getvalue()


def test_the_package_is_flat_valid_and_carries_the_app_id(tmp_path):
    code, out, err = package(tmp_path)
    assert code == 0, err
    with zipfile.ZipFile(tmp_path / "app.zip") as z:
        assert sorted(z.namelist()) == ["color.png", "manifest.json", "outline.png"]
        manifest = json.loads(z.read("manifest.json"))
    assert float(manifest["manifestVersion"]) >= 1.22
    [bot] = manifest["bots"]
    assert bot["botId"] == APP_ID and "{{" not in json.dumps(manifest)
    assert set(bot["scopes"]) == {"personal", "team", "groupChat"}
    by_scope = {tuple(cl["scopes"]): [c["title"] for c in cl["commands"]] for cl in bot["commandLists"]}
    for scope in ("personal", "team", "groupChat"):
        assert by_scope[(scope,)] == ["review", "report", "policy", "help"]


def test_the_app_id_comes_from_the_environment_and_must_be_a_guid(tmp_path):
    assert package(tmp_path, app_id=None, env={"MICROSOFT_APP_ID": APP_ID})[0] == 0
    code, _, err = package(tmp_path, app_id=None)
    assert code == 2 and "MICROSOFT_APP_ID" in err
    assert package(tmp_path, app_id="28:not-a-guid")[0] == 2


def test_an_invalid_manifest_or_icon_is_refused_with_the_reason(tmp_path):
    folder = tmp_path / "teams"
    shutil.copytree(DEPLOY, folder)
    manifest = json.loads((folder / "manifest.json").read_text())
    manifest["bots"][0]["scopes"].append("everywhere")
    manifest["unknownKey"] = 1
    (folder / "manifest.json").write_text(json.dumps(manifest))
    code, _, err = package(tmp_path, folder)
    assert code == 1 and "bots/0/scopes" in err and "unknownKey" in err

    shutil.copy(DEPLOY / "manifest.json", folder / "manifest.json")
    shutil.copy(DEPLOY / "color.png", folder / "outline.png")  # 192x192 where 32x32 belongs
    code, _, err = package(tmp_path, folder)
    assert code == 1 and "outline" in err and "32x32" in err


def test_the_icons_are_drawn_reproducibly_by_make_icons(tmp_path):
    make = runpy.run_path(str(DEPLOY / "make_icons.py"))
    assert make["main"](tmp_path) == 0
    for name in ("color.png", "outline.png"):
        assert (tmp_path / name).read_bytes() == (DEPLOY / name).read_bytes(), name
    assert teams_cmd.png_info(DEPLOY / "outline.png") == (32, 32, True)
    assert teams_cmd.png_info(DEPLOY / "color.png")[:2] == (192, 192)
