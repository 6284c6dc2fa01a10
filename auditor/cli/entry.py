"""The command line's entry point: the typer app, its root options, its commands in order, and `main`."""

from __future__ import annotations

import os
import sys
import traceback
from typing import Annotated, Optional

import typer

from auditor import __version__
from auditor.cli.audit import audit
from auditor.cli.offline import identify, merge, render_feed, schema
from auditor.cli.output import EXIT_FAILURE, say
from auditor.errors import AuditorError

app = typer.Typer(
    name="hf-license-audit",
    help="Audit the licenses of Hugging Face Hub models and flag open-washing.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,  # locals may hold the token: never print them
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"hf-license-audit {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[Optional[bool], typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")] = None,
) -> None:
    """Audit the licenses of Hugging Face Hub models and flag open-washing."""


app.command()(audit)
app.command("render")(render_feed)
app.command()(identify)
app.command()(merge)
app.command()(schema)


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except KeyboardInterrupt:
        say("interrupted: no output written")
        sys.exit(130)
    except AuditorError as exc:
        say(f"error: {exc}")
        sys.exit(EXIT_FAILURE)
    except Exception as exc:  # noqa: BLE001 - a bug must not look like exit 1 ("flagged models found")
        say(f"internal error: {type(exc).__name__}: {exc}" if os.environ.get("AUDITOR_DEBUG") is None
            else traceback.format_exc())
        say("set AUDITOR_DEBUG=1 for the traceback")
        sys.exit(EXIT_FAILURE)
