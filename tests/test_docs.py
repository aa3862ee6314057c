"""Every command has help text and an entry in docs/cli.md."""

from __future__ import annotations

from pathlib import Path

import typer.core
import typer.main

from corroborator.cli import app

DOCS = Path(__file__).resolve().parent.parent / "docs" / "cli.md"


def test_every_command_is_documented_and_has_help():
    reference = DOCS.read_text(encoding="utf-8")
    group = typer.main.get_command(app)
    assert isinstance(group, typer.core.TyperGroup)
    assert group.commands, "no commands registered"
    for name, command in group.commands.items():
        assert f"## `corroborator {name}`" in reference, f"{name} missing from docs/cli.md"
        assert (command.help or "").strip(), f"{name} has no help text"
        section = reference.split(f"## `corroborator {name}`", 1)[1].split("\n## ", 1)[0]
        for option in command.params:
            if isinstance(option, typer.core.TyperOption) and not option.hidden:
                assert option.help, f"{name} {option.opts} has no help text"
                longest = max(option.opts, key=len)
                assert longest in section, f"{name} {longest} is not in its section of docs/cli.md"
