"""Safe YAML reading that keeps line numbers, refuses duplicate keys and bounds alias expansion.

PyYAML's ``safe_load`` forgets where each value was, silently keeps the last of two equal keys,
and expands aliases without bound. Here PyYAML's composer builds the node graph, whose nodes carry
their line (``start_mark``), counting nodes and depth as it goes (an alias costs the size of what
it names); the Python values are then built from the nodes, allowing only the standard tags and
noting duplicate keys. The line of every key and list item is only needed when a problem is
shown, so it is indexed from the nodes on the first ``line_of``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..messages import t
from ..problems import Problem
from .limits import Limits

if TYPE_CHECKING:
    from yaml.nodes import Node

Key = tuple[str | int, ...]
_TAG = "tag:yaml.org,2002:"
_STR, _INT, _FLOAT, _NULL, _MERGE, _SEQ, _MAP = (
    _TAG + n for n in ("str", "int", "float", "null", "merge", "seq", "map")
)
_SAFE_TAGS = frozenset(
    _TAG + name
    for name in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp", "binary")
)
_AMBIGUOUS_FLOAT = re.compile(r"[+-]?[1-9]\d{0,2}\.\d{3}")


@dataclass
class YamlDocument:
    """The data of a YAML file, the line of each path in it, and problems found reading it."""

    data: Any = None
    problems: list[Problem] = field(default_factory=list)
    display: str | None = None
    node: Node | None = field(default=None, repr=False)
    _lines: dict[Key, int] | None = field(default=None, repr=False)

    @property
    def lines(self) -> dict[Key, int]:
        """The line of every mapping key and list item, indexed on first use (see module doc)."""
        if self._lines is None:
            self._lines = {}
            if self.node is not None:
                self._lines[()] = self.node.start_mark.line + 1
                _Builder(self._lines).value(self.node, ())
        return self._lines

    def line_of(self, path: Key) -> int | None:
        """The line of ``path`` or of its nearest ancestor that has one."""
        lines = self.lines
        key = tuple(path)
        while key:
            if key in lines:
                return lines[key]
            key = key[:-1]
        return lines.get((), None)


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
        doc.data = None
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
    del raw
    text = unicodedata.normalize("NFC", text)
    if not text or text.isspace():  # as `not text.strip()`, without copying the text
        return fail("empty_file")
    import yaml

    try:
        node = _compose(text, limits)
        builder = _Builder()
        data = builder.value(node, ()) if node is not None else None
    except _TooBig as exc:
        limit = limits.yaml_depth if exc.code == "yaml_too_deep" else limits.yaml_nodes
        return fail(exc.code, exc.line, limit=limit)
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark
        return fail("yaml_tag", mark.line + 1 if mark else None, reason=exc.problem or "")
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
    if node is None:
        return fail("empty_file")
    doc.data, doc.node = data, node
    for code, line, path_of_key in builder.notes:
        params: dict[str, object] = {}
        if path_of_key is not None:  # a duplicate key: say where the first one is
            params = {"key": path_of_key[-1], "first": doc.lines.get(path_of_key)}
        doc.problems.append(_problem(code, display, line, **params))
    return doc


class _TooBig(Exception):
    def __init__(self, code: str, line: int | None) -> None:
        self.code = code
        self.line = line


def _compose(text: str, limits: Limits) -> Node | None:
    """The document's node graph (None for no document), read by PyYAML's composer under the
    node and depth limits. Raises _TooBig, or PyYAML's errors for syntax."""
    loader = _loader_class()(text, limits)
    try:
        node: Node | None = loader.get_single_node()
        return node
    finally:
        loader.dispose()


@functools.cache
def _loader_class() -> type[Any]:
    """PyYAML's composer, counting as it composes, over libyaml's parser when PyYAML has it.

    Composing never copies an alias (it is the node it names, shared), but the values built
    from it do: each alias costs the node count and height of what it names, so a billion
    laughs stops at the node limit a few hundred nodes in, and an alias inside what it names
    (a loop) is infinitely deep.
    """
    import yaml
    from yaml.composer import Composer
    from yaml.events import AliasEvent, CollectionStartEvent, NodeEvent
    from yaml.nodes import ScalarNode

    # libyaml's parser when PyYAML has it (several times faster), with PyYAML's own composer
    # first in line, so that compose_node below is called for every node; else PyYAML's.
    fast: Any = getattr(yaml, "CSafeLoader", None)
    bases: tuple[Any, ...] = (Composer, fast) if fast is not None else (yaml.SafeLoader,)

    class Loader(*bases):  # type: ignore[misc]
        def __init__(self, text: str, limits: Limits) -> None:
            bases[-1].__init__(self, text)
            Composer.__init__(self)
            self.max_nodes, self.max_depth = limits.yaml_nodes, limits.yaml_depth
            self.count = self.depth = self.deepest = 0
            # name -> (nodes, height, origin) of each anchored node once composed; the origin
            # is the line a bomb is shown at: its first anchor's, through the aliases in it.
            self.measured: dict[str, tuple[int, int, int]] = {}
            self.open: list[list[Any]] = []  # [name, origin or 0] of each open anchored node

        def compose_node(self, parent: Node | None, index: Any) -> Node | None:
            event: Any = self.peek_event()
            line = event.start_mark.line + 1
            if isinstance(event, AliasEvent):
                self.alias(event.anchor, line)
                shared: Node | None = super().compose_node(parent, index)
                return shared
            self.count += 1
            if self.count > self.max_nodes:
                raise _TooBig("yaml_too_many_nodes", line)
            self.reach(self.depth, line)
            anchor = event.anchor if isinstance(event, NodeEvent) else None
            if anchor is None:
                return self.nested(parent, index, event)
            count0, deepest0, self.deepest = self.count - 1, self.deepest, self.depth
            self.open.append([anchor, 0])
            node = self.nested(parent, index, event)
            _, origin = self.open.pop()
            self.measured[anchor] = (self.count - count0, self.deepest - self.depth, origin or line)
            self.deepest = max(self.deepest, deepest0)
            return node

        def nested(self, parent: Node | None, index: Any, event: Any) -> Node | None:
            collection = isinstance(event, CollectionStartEvent)
            self.depth += collection
            node: Node | None = super().compose_node(parent, index)
            self.depth -= collection
            return node

        def alias(self, name: Any, line: int) -> None:
            if any(frame[0] == name for frame in self.open):
                raise _TooBig("yaml_too_deep", line)  # an alias inside what it names
            if name not in self.measured:
                return  # PyYAML's composer says it is undefined
            nodes, height, origin = self.measured[name]
            for frame in self.open:
                frame[1] = frame[1] or origin
            self.count += nodes
            if self.count > self.max_nodes:
                raise _TooBig("yaml_too_many_nodes", origin)
            self.reach(self.depth + height, origin)

        def reach(self, depth: int, line: int) -> None:
            self.deepest = max(self.deepest, depth)
            if depth > self.max_depth:
                raise _TooBig("yaml_too_deep", line)

        def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
            if kind is ScalarNode and implicit[0]:
                return _plain_tag(value)  # (the same few values, again and again)
            return super().resolve(kind, value, implicit)

    return Loader


@functools.lru_cache(maxsize=4096)
def _plain_tag(value: str) -> str:
    """The tag PyYAML's resolver gives a plain scalar: it depends on the text alone."""
    from yaml.nodes import ScalarNode
    from yaml.resolver import Resolver

    resolver: Any = Resolver()
    return str(resolver.resolve(ScalarNode, value, (True, False)))


class _Builder:
    """Python values from the node graph: the standard tags only, floats kept as their text,
    duplicate and unusable keys noted (their values dropped, unexamined). With ``lines``, the
    line of every key and list item is recorded in it instead, the first of two equal keys
    winning; an alias then repeats the lines of what it names under its own path."""

    def __init__(self, lines: dict[Key, int] | None = None) -> None:
        self.lines = lines
        self.notes: list[tuple[str, int, Key | None]] = []
        self.built: dict[int, Any] = {}  # a node shared through aliases is one value
        self.constructor: Any = None

    def value(self, node: Node, path: Key) -> Any:
        from yaml.nodes import MappingNode, SequenceNode

        if self.lines is None and id(node) in self.built:
            return self.built[id(node)]
        if isinstance(node, MappingNode):
            self.refuse_tag(node, _MAP)
            value: Any = {}
            self.built[id(node)] = value
            for key_node, value_node in node.value:
                key = self.key(key_node, value, path)
                if key is not None:
                    self.record((*path, key), key_node)
                    value[key] = self.value(value_node, (*path, key))
        elif isinstance(node, SequenceNode):
            self.refuse_tag(node, _SEQ)
            value = []
            self.built[id(node)] = value
            for item in node.value:
                self.record((*path, len(value)), item)
                value.append(self.value(item, (*path, len(value))))
        else:
            value = self.scalar(node)
        self.built[id(node)] = value
        return value

    def key(self, node: Node, mapping: dict[str, Any], path: Key) -> str | None:
        """The key's text; None, and a note, for a key that is null, a list or a mapping, or
        that the mapping already has."""
        from yaml.nodes import ScalarNode

        if node.tag == _MERGE:
            raise _tag_error("merge keys (<<) are not allowed", node)
        key = self.scalar(node) if isinstance(node, ScalarNode) else None
        if key is None:
            self.note("yaml_bad_key", node, None)
            return None
        key = key if type(key) is str else str(key)
        if key in mapping:
            self.note("duplicate_key", node, (*path, key))
            return None
        return key

    def scalar(self, node: Node) -> Any:
        tag, text = node.tag, node.value
        if tag == _STR:
            return text
        if tag == _FLOAT:
            return _float_text(text)
        if tag == _INT and text.isdigit() and text.isascii() and text[:1] != "0":
            # Python refuses to convert more than 4 300 digits (ValueError); such a number
            # stays text, which every reader of a figure refuses as too large, at its line.
            return int(text) if len(text) <= _LONGEST_INT else text
        if tag == _NULL:
            return None
        self.refuse_tag(node, None)
        import yaml

        if self.constructor is None:
            self.constructor = yaml.SafeLoader("")
        try:
            return self.constructor.construct_object(node, deep=True)
        except yaml.YAMLError:
            raise
        except Exception:  # e.g. ``!!timestamp abc``: PyYAML's constructor fails on it
            raise _tag_error(f"tag {tag!r}", node) from None

    @staticmethod
    def refuse_tag(node: Node, allowed: str | None) -> None:
        if node.tag != allowed and node.tag not in _SAFE_TAGS:
            raise _tag_error(f"tag {node.tag!r}", node)

    def record(self, path: Key, node: Node) -> None:
        if self.lines is not None:
            self.lines.setdefault(path, node.start_mark.line + 1)

    def note(self, code: str, node: Node, path: Key | None) -> None:
        if self.lines is None:
            self.notes.append((code, node.start_mark.line + 1, path))


def _tag_error(reason: str, node: Node) -> Exception:
    from yaml.constructor import ConstructorError

    return ConstructorError(None, None, reason, node.start_mark)


_LONGEST_INT = 4300  # sys.int_info.default_max_str_digits


def _float_text(text: str) -> str:
    """A float as its exact text so Decimals keep "59.00"."""
    text = text.strip()
    if _AMBIGUOUS_FLOAT.fullmatch(text):
        return text  # "6.700": the number validator asks what was meant
    return text.replace("_", "")


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


def doc_file(doc: YamlDocument) -> str | None:
    return doc.display


def _mb(size: int) -> str:
    from decimal import Decimal

    from ..numbers import format_number

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
