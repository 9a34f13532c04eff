"""Safe YAML reading that keeps line numbers, refuses duplicate keys and bounds alias expansion.

PyYAML's ``safe_load`` forgets where each value was, silently keeps the last of two equal keys,
and expands aliases without bound. Here the document is composed with the safe loader, then
turned into Python values by hand, recording the line of every mapping key and list item.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .limits import Limits
from .messages import t
from .problems import Problem

Key = tuple[str | int, ...]
_SAFE_TAGS = frozenset(
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp", "binary")
)
_AMBIGUOUS_FLOAT = re.compile(r"[+-]?[1-9]\d{0,2}\.\d{3}")


@dataclass
class YamlDocument:
    """The data of a YAML file, the line of each path in it, and problems found reading it."""

    data: Any = None
    lines: dict[Key, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    display: str | None = None

    def line_of(self, path: Key) -> int | None:
        """The line of ``path`` or of its nearest ancestor that has one."""
        key = tuple(path)
        while key:
            if key in self.lines:
                return self.lines[key]
            key = key[:-1]
        return self.lines.get((), None)


class _TooBig(Exception):
    def __init__(self, code: str, line: int | None) -> None:
        self.code = code
        self.line = line


def decode_text(raw: bytes) -> str | None:
    """UTF-8 (with or without BOM) or UTF-16 with a BOM; None when it is not text."""
    if raw.startswith(b"\xff\xfe") or raw.startswith(b"\xfe\xff"):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    if "\x00" in text:
        return None
    return text


def read_yaml(path: Path, display: str, limits: Limits) -> YamlDocument:
    """Read a YAML file into a YamlDocument; every failure becomes a problem, never an exception."""
    doc = YamlDocument(display=display)

    def fail(code: str, line: int | None = None, **params: object) -> YamlDocument:
        doc.problems.append(_problem(code, display, line, **params))
        return doc

    size = path.stat().st_size
    if size > limits.text_bytes:
        return fail("file_too_large", size=_mb(size), limit=_mb(limits.text_bytes))
    raw = path.read_bytes()
    text = decode_text(raw)
    if text is None:
        from .guards import check_text_bytes

        # The guard says which encoding it seems to be, and on which line it stops being UTF-8.
        doc.problems.extend(check_text_bytes(raw, display) or [_problem("not_text", display, None)])
        return doc
    text = unicodedata.normalize("NFC", text)
    if not text.strip():
        return fail("empty_file")
    import yaml

    try:
        node = _compose(text, limits)
    except _TooBig as exc:
        limit = limits.yaml_depth if exc.code == "yaml_too_deep" else limits.yaml_nodes
        return fail(exc.code, exc.line, limit=limit)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        reason = exc.problem or str(exc)
        if "nesting depth" in str(reason):  # libyaml's own limit (1000 levels)
            return fail("yaml_too_deep", line, limit=limits.yaml_depth)
        if _tab_indented(text, line) or "\\t" in str(reason) or "\t" in str(reason):
            return fail("yaml_tab", line)
        return fail("yaml_syntax", line, reason=reason)
    except yaml.YAMLError as exc:
        return fail("yaml_syntax", None, reason=str(exc).splitlines()[0])
    except RecursionError:  # pragma: no cover - the composer stops at yaml_depth first
        return fail("yaml_too_deep", None, limit=limits.yaml_depth)
    if node is None:
        return fail("empty_file")
    counter = [0]
    loader = yaml.SafeLoader("")
    try:
        doc.data = _convert(node, (), doc, counter, limits, 0, loader)
    except _TooBig as exc:
        doc.data = None
        if exc.code == "yaml_too_deep":
            return fail(exc.code, exc.line, limit=limits.yaml_depth)
        return fail(exc.code, exc.line, limit=limits.yaml_nodes)
    except yaml.constructor.ConstructorError as exc:
        doc.data = None
        mark = exc.problem_mark
        return fail("yaml_tag", mark.line + 1 if mark else None, reason=exc.problem or "")
    except RecursionError:
        doc.data = None
        return fail("yaml_too_deep", None, limit=limits.yaml_depth)
    doc.lines.setdefault((), node.start_mark.line + 1)
    return doc


def _compose(text: str, limits: Limits) -> Any:
    """The document's node tree, refused while it is built when too deep or too big.

    PyYAML's composer recurses once per level (10 000 levels of ``[`` end in RecursionError after
    a second's work, and take 15 s to parse in full) and builds every node before anything can
    count them (a 10 MB list of numbers takes 100 s and 3 GB). So the composer here counts levels
    and nodes as it goes, and stops at the limits. libyaml's parser feeds it when installed: it is
    three to four times faster than the pure-Python one, and iterative, so deep input costs it
    nothing.
    """
    loader = _loader_class()(text)
    loader.max_depth = limits.yaml_depth
    loader.max_nodes = limits.yaml_nodes
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


@functools.cache
def _loader_class() -> Any:
    import yaml
    from yaml.composer import Composer
    from yaml.resolver import Resolver

    class Bounded(Composer):
        max_depth = 64
        max_nodes = 200_000
        _depth = 0
        _nodes = 0

        def compose_node(self: Any, parent: Any, index: Any) -> Any:
            if not self.check_event(yaml.AliasEvent):
                self._nodes += 1
                event = self.peek_event()
                line = event.start_mark.line + 1 if event.start_mark else None
                # The root is level 0, as _convert counts.
                if self._depth > self.max_depth:
                    raise _TooBig("yaml_too_deep", line)
                if self._nodes > self.max_nodes:
                    raise _TooBig("yaml_too_many_nodes", line)
            self._depth += 1
            try:
                return super().compose_node(parent, index)
            finally:
                self._depth -= 1

    try:
        from yaml._yaml import CParser
    except ImportError:  # pragma: no cover - PyYAML built without libyaml

        class PureLoader(Bounded, yaml.SafeLoader):
            pass

        return PureLoader

    class CLoader(Bounded, CParser, Resolver):
        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            Composer.__init__(self)
            Resolver.__init__(self)

        # CParser composes in C without limits; the bounded composer takes over from its events.
        get_single_node = Composer.get_single_node
        compose_document = Composer.compose_document
        check_node = Composer.check_node
        get_node = Composer.get_node

    return CLoader


def _tab_indented(text: str, line: int | None) -> bool:
    """Whether the line of a syntax error, or the one before, is indented with a Tab."""
    if line is None or "\t" not in text:
        return False
    lines = text.splitlines()
    for number in (line, line - 1):
        if 1 <= number <= len(lines):
            current = lines[number - 1]
            indent = current[: len(current) - len(current.lstrip(" \t"))]
            if "\t" in indent:
                return True
    return False


def _convert(
    node: Any,
    path: Key,
    doc: YamlDocument,
    counter: list[int],
    limits: Limits,
    depth: int,
    loader: Any,
) -> Any:
    import yaml

    counter[0] += 1
    line = node.start_mark.line + 1
    if node.tag not in _SAFE_TAGS:
        raise yaml.constructor.ConstructorError(None, None, f"tag {node.tag!r}", node.start_mark)
    if counter[0] > limits.yaml_nodes:
        raise _TooBig("yaml_too_many_nodes", line)
    if depth > limits.yaml_depth:
        raise _TooBig("yaml_too_deep", line)
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise yaml.constructor.ConstructorError(
                    None, None, "merge keys (<<) are not allowed", key_node.start_mark
                )
            key = _scalar(key_node, loader) if isinstance(key_node, yaml.ScalarNode) else None
            key_line = key_node.start_mark.line + 1
            if key is None or isinstance(key, (list, dict)):
                doc.problems.append(_problem("yaml_bad_key", doc_file(doc), key_line))
                continue
            key = str(key) if not isinstance(key, str) else key
            child = (*path, key)
            if key in result:
                first = doc.lines.get(child)
                doc.problems.append(
                    _problem("duplicate_key", doc_file(doc), key_line, key=key, first=first)
                )
                continue
            doc.lines[child] = key_line
            result[key] = _convert(value_node, child, doc, counter, limits, depth + 1, loader)
        return result
    if isinstance(node, yaml.SequenceNode):
        items: list[Any] = []
        for i, item in enumerate(node.value):
            child_path = (*path, i)
            doc.lines[child_path] = item.start_mark.line + 1
            items.append(_convert(item, child_path, doc, counter, limits, depth + 1, loader))
        return items
    return _scalar(node, loader)


def _scalar(node: Any, loader: Any) -> Any:
    """A scalar as Python; floats as their exact text so Decimals keep "59.00"."""
    if node.tag == "tag:yaml.org,2002:float":
        if _AMBIGUOUS_FLOAT.fullmatch(node.value.strip()):
            return node.value.strip()  # "6.700": the number validator asks what was meant
        return node.value.strip().replace("_", "")
    if node.tag == "tag:yaml.org,2002:str":
        return node.value
    return loader.construct_object(node, deep=True)


def doc_file(doc: YamlDocument) -> str | None:
    return doc.display


def _mb(size: int) -> str:
    from decimal import Decimal

    from .numbers import format_number

    return format_number(Decimal(size) / (1024 * 1024), 1)


def _problem(code: str, display: str | None, line: int | None, **params: object) -> Problem:
    where = t("where.line", line=line) if line else None
    return Problem(
        severity="error",
        code=code,
        message=t(f"yaml.{code}", **params),
        file=display,
        location=where,
        line=line,
    )
