"""Plan data as YAML text with comments, for the plans kehoach writes (plan new, plan import).

Why by hand: PyYAML's ``safe_dump`` cannot write comments, and here the comments are the point:
every value kehoach proposed rather than read carries one, for the officer to confirm (ruamel's
round-trip dumper could, but it is one more dependency for what is a few lines). So only the
block structure (indentation, keys, list dashes, comments) is written here; every scalar and
every short flow collection is still spelled by PyYAML's ``safe_dump``, which knows YAML's
quoting rules. The tests read every written plan back with kehoach's own loader.

Numbers: an integer is written as a YAML integer (323); any other Decimal as Vietnamese text in
quotes ("39,83", "59,00"), which the plan reads exactly, keeps its written decimals, and can
never be misread as "6.700" would be.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

Path = tuple[str | int, ...]
Comments = Mapping[Path, str]

_NUMBER_TEXT = re.compile(r"[+-]?[\d.,]+")
_FLOW_WIDTH = 90  # a short list or mapping of plain values goes on its key's line


def plan_text(data: Mapping[str, Any], comments: Comments, header: Sequence[str] = ()) -> str:
    """``data`` as block YAML; ``comments[path]`` ends the line of that key or list item."""
    lines = [_comment_line("", text) for text in header]
    _mapping(lines, data, 0, (), comments)
    return "\n".join(lines) + "\n"


def yaml_value(value: Any) -> Any:
    """Decimals (anywhere inside) as the plan file writes them; everything else as it is."""
    if isinstance(value, Decimal):
        if value == value.to_integral_value() and value.as_tuple().exponent == 0:
            return int(value)
        return format(value, "f").replace(".", ",")
    if isinstance(value, Mapping):
        return {key: yaml_value(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [yaml_value(item) for item in value]
    return value


def _mapping(
    lines: list[str],
    mapping: Mapping[str, Any],
    indent: int,
    path: Path,
    comments: Comments,
    first_prefix: str | None = None,
) -> None:
    for i, (key, raw) in enumerate(mapping.items()):
        value = yaml_value(raw)
        prefix = first_prefix if i == 0 and first_prefix is not None else " " * indent
        head = f"{prefix}{_scalar(key)}:"
        note = comments.get((*path, key))
        inline = _inline(value)
        if inline is not None:
            lines.append(_with_note(f"{head} {inline}", note))
        elif isinstance(value, Mapping):
            lines.append(_with_note(head, note))
            _mapping(lines, value, indent + 2, (*path, key), comments)
        else:
            lines.append(_with_note(head, note))
            _sequence(lines, value, indent + 2, (*path, key), comments)


def _sequence(
    lines: list[str], items: Sequence[Any], indent: int, path: Path, comments: Comments
) -> None:
    for i, item in enumerate(items):
        note = comments.get((*path, i))
        if note:
            lines.append(_comment_line(" " * indent, note))
        if isinstance(item, Mapping) and item:
            _mapping(lines, item, indent + 2, (*path, i), comments, " " * indent + "- ")
            continue
        inline = _inline(item)
        if inline is None:  # a list in a list: no plan has one; flow style keeps it correct
            inline = _flow(item)
        lines.append(f"{' ' * indent}- {inline}")


def _inline(value: Any) -> str | None:
    """The value on its key's line, or None when it needs a block of its own."""
    if isinstance(value, Mapping) or isinstance(value, list):
        if not value:
            return "{}" if isinstance(value, Mapping) else "[]"
        scalars = value.values() if isinstance(value, Mapping) else value
        if any(isinstance(item, (Mapping, list)) for item in scalars):
            return None
        flow = _flow(value)
        return flow if len(flow) <= _FLOW_WIDTH else None
    return _scalar(value)


def _scalar(value: Any) -> str:
    import yaml

    # One line whatever the text: a line break is escaped in a double-quoted scalar. A number
    # written as Vietnamese text is quoted too, as the plan's own comments advise ("39,83").
    style = None
    if isinstance(value, str) and (not value.isprintable() or _NUMBER_TEXT.fullmatch(value)):
        style = '"'
    text: str = yaml.safe_dump(
        value, allow_unicode=True, width=2**31, default_style=style, sort_keys=False
    )
    return _strip_document_end(text)


def _flow(value: Any) -> str:
    import yaml

    text: str = yaml.safe_dump(
        value, allow_unicode=True, width=2**31, default_flow_style=True, sort_keys=False
    )
    return _strip_document_end(text)


def _strip_document_end(text: str) -> str:
    text = text.rstrip("\n")
    if text.endswith("\n..."):  # PyYAML ends a document that is a lone plain scalar so
        text = text[: -len("\n...")]
    return text


def _with_note(line: str, note: str | None) -> str:
    return f"{line}  # {_one_line(note)}" if note else line


def _comment_line(indent: str, text: str) -> str:
    return f"{indent}# {_one_line(text)}".rstrip()


def _one_line(text: str) -> str:
    """A comment's text on one line, without the control characters YAML refuses."""
    return " ".join("".join(c if c.isprintable() else " " for c in text).split())
