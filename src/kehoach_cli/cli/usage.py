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


def usage_message(exc: Exception, command: str = "kehoach") -> str:
    """One or two lines: what is wrong, then where to read how the command is called.

    ``command`` is the command path when the error does not carry its context (click's parser
    raises "-f needs a value" without one)."""
    ctx = getattr(exc, "ctx", None)
    command = getattr(ctx, "command_path", command) if ctx is not None else command
    return _what(exc) + "\n" + t("usage.hint", command=command)


def _what(exc: Exception) -> str:
    kind = type(exc).__name__
    reason = str(getattr(exc, "message", exc))
    param = getattr(exc, "param", None)
    if kind == "NoSuchOption":
        option = getattr(exc, "option_name", "")
        possible = sorted(getattr(exc, "possibilities", None) or [])
        text = t("usage.no_such_option", option=option)
        if possible:
            text += " " + t("usage.did_you_mean", options=", ".join(possible))
        return text
    if kind == "MissingParameter":
        return _missing(param)
    if kind == "BadParameter":
        name = _param_name(param) or getattr(exc, "param_hint", "")
        if "valid integer" in reason:  # the words of Typer's own coercion
            return t("usage.not_integer", name=name)
        return t("usage.bad_value", name=name, reason=reason)
    if kind == "BadOptionUsage" and "requires an argument" in reason:
        return t("usage.needs_value", option=getattr(exc, "option_name", ""))
    return _by_reason(reason, ctx=getattr(exc, "ctx", None))


def _missing(param: Any) -> str:
    if getattr(param, "param_type_name", "") != "argument":
        return t("usage.missing", name=_param_name(param))
    from .helptext import argument_name

    what = str(getattr(param, "help", "") or "").strip().rstrip(".")
    what = what[:1].lower() + what[1:]
    return t("usage.missing_argument", name=argument_name(param).rstrip("."), what=what)


def _by_reason(reason: str, ctx: Any) -> str:
    """Click's other usage errors, recognised by their (English) wording."""
    unknown = re.match(r"No such command (['\"])(.*?)\1", reason)
    if unknown:
        return _no_such_command(unknown.group(2), ctx)
    no_value = re.match(r"Option (['\"])(.*?)\1 does not take a value", reason)
    if no_value:
        return t("usage.takes_no_value", option=no_value.group(2))
    extra = re.match(r"Got unexpected extra argument(?:\(s\)|s)? \((.*)\)", reason)
    if extra:
        return t("usage.extra_arguments", args=extra.group(1))
    return t("usage.generic", reason=reason)


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
            sys.stderr.write(usage_message(exc, _command_path(app, args)) + "\n")
            return int(getattr(exc, "exit_code", 2))
        if kind == "NoArgsIsHelpError":  # `kehoach` alone: the help, as click would show it
            sys.stdout.write(str(exc.format_message()) + "\n")  # type: ignore[attr-defined]
            return 0
        if kind == "Abort":
            sys.stderr.write(t("cli.interrupted") + "\n")
            return 1
        raise
    return code if isinstance(code, int) else 0


def _command_path(app: Any, args: list[str]) -> str:
    """``kehoach plan show`` for ``["plan", "show", "-f"]``: the commands named in ``args``."""
    import typer.main

    command: Any = typer.main.get_command(app)
    path = ["kehoach"]
    for word in args:
        commands = getattr(command, "commands", None) or {}
        if word in commands:
            command = commands[word]
            path.append(word)
    return " ".join(path)
