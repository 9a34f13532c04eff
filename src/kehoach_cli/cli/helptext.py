"""Help pages in the user's language: headings, usage line, option and argument rows.

Click words its help (Usage, Options, [required], <list[Path]>) in English and from the
parameters' Python types. kehoach's command classes write those parts themselves through
click's public formatter (write_usage, section, write_dl) from the parameters' public fields
(opts, metavar, help, required), so every command registered with ``@app.command`` — today's
and any added later — reads the same way in Vietnamese or English.
"""

from __future__ import annotations

from typing import Any

from ..messages import catalog, t


class HelpMixin:
    """Mixed into Typer's command and group classes (see ``app._localize_help_option``)."""

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = t("help.help")
        return option

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        pieces = " ".join(self.collect_usage_pieces(ctx))
        formatter.write_usage(ctx.command_path, pieces, prefix=t("help.usage") + " ")

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [t("help.options_metavar")]
        params = self.get_params(ctx)  # type: ignore[attr-defined]
        pieces += [argument_name(p, usage=True) for p in params if _is_argument(p)]
        if hasattr(self, "list_commands"):
            pieces.append(t("help.command_metavar"))
        return pieces

    def format_options(self, ctx: Any, formatter: Any) -> None:
        params = [p for p in self.get_params(ctx) if not getattr(p, "hidden", False)]  # type: ignore[attr-defined]
        arguments = [(argument_name(p), _help(p)) for p in params if _is_argument(p)]
        options = [(_option_names(p), _help(p)) for p in params if not _is_argument(p)]
        for heading, rows in (("help.arguments", arguments), ("help.options", options)):
            if rows:
                with formatter.section(t(heading)):
                    formatter.write_dl(rows)
        if hasattr(self, "list_commands"):
            self.format_commands(ctx, formatter)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        rows = []
        for name in self.list_commands(ctx):  # type: ignore[attr-defined]
            command = self.get_command(ctx, name)  # type: ignore[attr-defined]
            if command is None or getattr(command, "hidden", False):
                continue
            # The first paragraph whole, wrapped by the formatter: never cut off with "...".
            rows.append((name, (command.help or "").strip().split("\n\n")[0]))
        if rows:
            with formatter.section(t("help.commands")):
                formatter.write_dl(rows)


def _is_argument(param: Any) -> bool:
    return getattr(param, "param_type_name", "") == "argument"


def argument_name(param: Any, usage: bool = False) -> str:
    """An argument as the user types it: its metavar (``TỆP_HOẶC_THƯ_MỤC...``)."""
    name = str(param.metavar or param.name.upper())
    if getattr(param, "nargs", 1) != 1 and not name.endswith("..."):
        name += "..."
    if usage and not param.required:
        name = f"[{name}]"
    return name


def _option_names(param: Any) -> str:
    names = sorted([*param.opts, *param.secondary_opts], key=lambda o: o.startswith("--"))
    text = ", ".join(names)
    if not getattr(param, "is_flag", False) and not getattr(param, "count", False):
        text += " " + str(param.metavar or t("help.value_metavar"))  # never a Python name
    return text


def _help(param: Any) -> str:
    """The parameter's help from the catalog, with [bắt buộc] / [mặc định: …] as needed."""
    key = f"help.param.{param.name}"  # options a library adds (shell completion)
    text = t(key) if key in catalog() else str(param.help or "")
    extra = []
    default = getattr(param, "default", None)
    shown = (
        getattr(param, "show_default", False)
        and not getattr(param, "is_flag", False)
        and isinstance(default, (str, int))
        and not isinstance(default, bool)
        and str(default) not in text
    )
    if shown:
        extra.append(t("help.default", value=default))
    if getattr(param, "required", False):
        extra.append(t("help.required"))
    return f"{text}  [{'; '.join(extra)}]" if extra else text
