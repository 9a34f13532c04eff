"""The Typer application: commands, the error boundary and the exit codes.

Exit codes (the README has the same table): 0 ok, 1 invalid data, 2 usage, 3 incomplete
submissions (``status --fail-on-missing``), 141 when the reader of stdout went away (as
for any program killed by SIGPIPE; nothing is printed). Errors go to stderr as one line; a
traceback only with ``--debug``.
"""

from __future__ import annotations

import functools
import gc
import sys
from collections.abc import Callable
from typing import Any, NoReturn, TypeVar

from ..errors import KehoachError
from ..messages import default_lang, normalize_lang, set_lang, t
from .console import reader_went_away, setup_streams, silence_stdout

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2
EXIT_INCOMPLETE = 3
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, what a shell shows for `yes | head -1`

DEBUG = False
F = TypeVar("F", bound=Callable[..., Any])


def boundary(func: F) -> F:
    """Turn kehoach's errors into one line on stderr and an exit code, for every command."""
    import typer

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except typer.Exit:
            raise
        except KehoachError as exc:
            if DEBUG:
                raise
            sys.stderr.write(exc.message.rstrip() + "\n")
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            sys.stderr.write(t("cli.interrupted") + "\n")
            raise typer.Exit(130) from None
        except OSError as exc:  # before Typer's own handler, which exits 1 on a closed pipe
            if reader_went_away(exc):
                silence_stdout()
                raise typer.Exit(EXIT_BROKEN_PIPE) from None
            if DEBUG:
                raise
            _unexpected(exc)
        except Exception as exc:  # the last resort: one line, never a traceback
            if DEBUG:
                raise
            _unexpected(exc)

    return wrapper  # type: ignore[return-value]


def _unexpected(exc: Exception) -> NoReturn:
    """The last resort: one line, never a traceback."""
    import typer

    detail = f"{type(exc).__name__}: {exc}".splitlines()[0][:300]
    sys.stderr.write(t("cli.unexpected", error=detail) + "\n")
    raise typer.Exit(EXIT_INVALID) from None


def create_app() -> Any:
    """Build the app; help texts are taken from the catalog in the current language."""
    import typer

    from . import root
    from .commands import docx_template as docx_template_cmd
    from .commands import plan as plan_cmd
    from .commands import report as report_cmd
    from .commands import status as status_cmd
    from .commands import template as template_cmd
    from .commands import validate as validate_cmd

    app = typer.Typer(
        name="kehoach",
        help=t("help.app"),
        no_args_is_help=True,
        add_completion=True,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"]},
    )

    root.register(app)
    validate_cmd.register(app)
    plan_cmd.register(app)
    report_cmd.register(app)
    template_cmd.register(app)
    docx_template_cmd.register(app)
    status_cmd.register(app)
    _localize_help_option(app)
    return app


def _localize_help_option(app: Any) -> None:
    """Word every command's help page from the catalog (click's is English only); see
    ``helptext.HelpMixin``. Applies to every command registered before it is called."""
    from typer.core import TyperCommand, TyperGroup

    from .helptext import HelpMixin

    def localized(base: type[Any]) -> type[Any]:
        return type(f"Localized{base.__name__}", (HelpMixin, base), {})

    command_cls, group_cls = localized(TyperCommand), localized(TyperGroup)

    def apply(typer_app: Any) -> None:
        # Typer keeps an unset class as a DefaultPlaceholder; a class someone chose stays.
        chosen = typer_app.info.cls
        if chosen is None or chosen is TyperGroup or type(chosen).__name__ == "DefaultPlaceholder":
            typer_app.info.cls = group_cls
        for info in typer_app.registered_commands:
            if info.cls in (None, TyperCommand):
                info.cls = command_cls
        for group in typer_app.registered_groups:
            apply(group.typer_instance)

    apply(app)


def _scan_lang(args: list[str]) -> str | None:
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            return normalize_lang(args[i + 1])
        if arg.startswith("--lang="):
            return normalize_lang(arg.split("=", 1)[1])
    return None


def main(argv: list[str] | None = None) -> None:
    """The console script: set the language before the app (and its help) is built."""
    global DEBUG
    # Reading a big plan builds hundreds of thousands of long-lived, acyclic objects (YAML nodes,
    # rows, Decimals); with CPython's default thresholds the cycle collector walks them again
    # and again: 45 % of `validate` at 50 000 indicators. Collections stay on, only rarer.
    gc.set_threshold(100_000, 50, 100)
    setup_streams()
    args = list(sys.argv[1:] if argv is None else argv)
    set_lang(_scan_lang(args) or default_lang())
    DEBUG = "--debug" in args
    app = create_app()
    from .usage import invoke

    try:
        code = invoke(app, args)
        sys.stdout.flush()  # here, so that a closed pipe is seen now and not at exit
    except KeyboardInterrupt:  # pragma: no cover - interactive only
        sys.stderr.write(t("cli.interrupted") + "\n")
        sys.exit(130)
    except OSError as exc:  # printing --help, or Windows' EINVAL, which click lets through
        if not reader_went_away(exc):
            raise
        silence_stdout()
        sys.exit(EXIT_BROKEN_PIPE)
    except SystemExit:
        if type(sys.stdout).__name__ != "PacifyFlushWrapper":
            raise
        # Typer met the closed pipe outside a command (printing --help) and exits 1 for it.
        sys.exit(EXIT_BROKEN_PIPE)
    # Done: every output is written, closed and renamed into place, stdout flushed. At exit
    # CPython's cycle collector walks every object still alive, all of pydantic's, Typer's and
    # openpyxl's module objects among them: ≈ 45 ms of a 250 ms report (15 ms of --help).
    # Frozen objects are left out of it; they are freed with the process as before. atexit
    # handlers and the flushing of sys.stdout/stderr still run; only finalizers of objects
    # caught in reference cycles are skipped, which Python never promises to run at exit.
    # Only as the console script (no argv given): a caller running main() again in the same
    # process would keep every frozen object for good.
    if argv is None:
        gc.freeze()
    sys.exit(code)
