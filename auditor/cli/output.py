"""The output every command shares: exit codes, --format/--output, stderr (sanitised), stdout or an atomic file."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from auditor.render import Format
from auditor.sanitize import for_terminal

EXIT_OK, EXIT_FLAGGED, EXIT_USAGE, EXIT_FAILURE = 0, 1, 2, 3

err = Console(stderr=True, highlight=False, markup=False)
#: What must never be printed or written: the token, and a password in the endpoint URL.
_secrets: list[str] = []


def say(message: object) -> None:
    """Print to stderr through the sanitising step: server messages, ids and card text shown inert, token redacted."""
    err.print(for_terminal(message, _secrets), markup=False)


FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format (default: table on a terminal, else json).")]
OutputOpt = Annotated[Optional[Path], typer.Option("--output", "-o", help="Write here (atomically) instead of stdout.")]


def _check_output(output: Path | None) -> None:
    """A usage error found before any work: `-o` a folder, or somewhere that cannot be written."""
    if output is None:
        return
    if output.is_dir():
        raise typer.BadParameter(for_terminal(f"{output} is a directory; name a file"), param_hint="--output")
    try:  # the same steps as write_atomic, now rather than after the whole audit
        output.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=output.parent, prefix=f".{output.name}.", suffix=".probe"):
            pass
    except OSError as exc:
        raise typer.BadParameter(for_terminal(f"cannot write {output}: {exc.strerror or exc}"),
                                 param_hint="--output") from None


def _emit(text: str | Iterable[str], output: Path | None) -> None:
    chunks = [text] if isinstance(text, str) else text
    if output is None:
        for chunk in chunks:
            sys.stdout.write(chunk)
        sys.stdout.flush()
        return
    write_atomic(output, chunks)
    say(f"wrote {output}")


def write_atomic(path: Path, text: str | Iterable[str]) -> None:
    """Write via a temporary file in the same folder and rename: a killed run leaves no half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600: give the feed the mode any new file gets
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            for chunk in [text] if isinstance(text, str) else text:
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask

