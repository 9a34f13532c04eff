"""Usage errors (unknown option, missing option, bad value) worded in the user's language.

Typer carries its own copy of click, whose messages are English only. The console script runs
the app without click's standalone handling and words these errors itself from the exception's
fields (option name, parameter, reason); the exit code stays 2. Nothing here imports click: the
exceptions are recognised by their class name and attributes.
"""

from __future__ import annotations

import re
import sys
from typing import Any

from ..messages import t

_USAGE_ERRORS = frozenset(
    {
        "UsageError",
        "NoSuchOption",
        "MissingParameter",
        "BadParameter",
        "BadOptionUsage",
        "BadArgumentUsage",
    }
)


def _param_name(param: Any) -> str:
    if param is None:
        return ""
    opts = [o for o in getattr(param, "opts", []) if o.startswith("--")] or list(
        getattr(param, "opts", [])
    )
    if opts:
        return "/".join(opts[:1])
    return str(getattr(param, "name", "") or "").upper()


def usage_message(exc: Exception) -> str:
    """One or two lines: what is wrong, then where to read how the command is called."""
    kind = type(exc).__name__
    if kind == "NoSuchOption":
        option = getattr(exc, "option_name", "")
        possible = sorted(getattr(exc, "possibilities", None) or [])
        text = t("usage.no_such_option", option=option)
        if possible:
            text += " " + t("usage.did_you_mean", options=", ".join(possible))
    elif kind == "MissingParameter":
        param = getattr(exc, "param", None)
        if getattr(param, "param_type_name", "") == "argument":
            from .helptext import argument_name

            what = str(getattr(param, "help", "") or "").strip().rstrip(".")
            what = what[:1].lower() + what[1:]
            text = t("usage.missing_argument", name=argument_name(param).rstrip("."), what=what)
        else:
            text = t("usage.missing", name=_param_name(param))
    elif kind == "BadParameter":
        text = t(
            "usage.bad_value",
            name=_param_name(getattr(exc, "param", None)) or getattr(exc, "param_hint", ""),
            reason=getattr(exc, "message", str(exc)),
        )
    elif kind == "BadOptionUsage" and "requires an argument" in str(getattr(exc, "message", "")):
        text = t("usage.needs_value", option=getattr(exc, "option_name", ""))
    else:
        reason = str(getattr(exc, "message", exc))
        unknown = re.match(r"No such command (['\"])(.*?)\1", reason)
        if unknown:
            text = _no_such_command(unknown.group(2), getattr(exc, "ctx", None))
        else:
            text = t("usage.generic", reason=reason)
    ctx = getattr(exc, "ctx", None)
    command = getattr(ctx, "command_path", "kehoach") if ctx is not None else "kehoach"
    return text + "\n" + t("usage.hint", command=command)


def _no_such_command(name: str, ctx: Any) -> str:
    """'reprot' → did you mean 'report'; else the commands there are (of `kehoach plan` too)."""
    from difflib import get_close_matches

    group: Any = getattr(ctx, "command", None)
    commands = list(group.list_commands(ctx)) if hasattr(group, "list_commands") else []
    close = get_close_matches(name, commands, n=1)
    if close:
        return t("usage.no_such_command_suggest", name=name, match=close[0])
    return t("usage.no_such_command_list", name=name, commands=", ".join(commands))


def invoke(app: Any, args: list[str]) -> int:
    """Run the Typer app; return the exit code (usage errors worded by ``usage_message``)."""
    try:
        code = app(args=args, prog_name="kehoach", standalone_mode=False)
    except Exception as exc:
        kind = type(exc).__name__
        if kind in _USAGE_ERRORS:
            sys.stderr.write(usage_message(exc) + "\n")
            return int(getattr(exc, "exit_code", 2))
        if kind == "NoArgsIsHelpError":  # `kehoach` alone: the help, as click would show it
            sys.stdout.write(str(exc.format_message()) + "\n")  # type: ignore[attr-defined]
            return 0
        if kind == "Abort":
            sys.stderr.write(t("cli.interrupted") + "\n")
            return 1
        raise
    return code if isinstance(code, int) else 0
