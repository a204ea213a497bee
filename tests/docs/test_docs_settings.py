"""Docs are kept true: every setting and CLI command is documented in README."""

from __future__ import annotations

import re

import pytest

from detente.settings import SETTINGS

from ..conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.name)
def test_every_setting_is_documented_in_readme(setting):
    assert re.search(rf"^\| `{setting.name}` \|", README, flags=re.M), setting.name


def test_readme_starts_with_the_two_command_quickstart():
    quickstart = README.split("## Quickstart", 1)[1].split("```", 2)[1]
    commands = [line for line in quickstart.splitlines()[1:] if line.strip()]
    assert commands == ["make demo", "make test"]


def test_every_cli_command_is_documented_in_readme():
    from detente.cli import app

    names = {c.name or c.callback.__name__ for c in app.registered_commands}
    names |= {g.name for g in app.registered_groups}
    missing = sorted(n for n in names if f"detente {n}" not in README)
    assert not missing, f"commands missing from README: {missing}"
