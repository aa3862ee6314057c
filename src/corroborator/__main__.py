"""``python -m corroborator`` runs the command line."""

from .cli import main

main()
