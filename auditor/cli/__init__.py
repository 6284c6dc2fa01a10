"""Command line (typer): the only package that reads argv and the environment and sets exit codes."""

from auditor.cli.entry import app, main

__all__ = ["app", "main"]
