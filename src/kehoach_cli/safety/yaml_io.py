"""Safe YAML reading that keeps line numbers, refuses duplicate keys and bounds alias expansion.

PyYAML's ``safe_load`` forgets where each value was, silently keeps the last of two equal keys,
and expands aliases without bound. Here the Python values are built straight from libyaml's
event stream in one iterative pass that counts nodes (an alias costs the size of what it
names) and depth as it goes, allows only the standard tags and notes duplicate keys. The line
of every key and list item is only needed when a problem is shown, so it is not recorded on the
way: the first ``line_of`` re-reads the text once and indexes every path.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..messages import t
from ..problems import Problem
from .limits import Limits

Key = tuple[str | int, ...]
_TAG = "tag:yaml.org,2002:"
_STR, _INT, _FLOAT, _NULL, _MERGE = (_TAG + n for n in ("str", "int", "float", "null", "merge"))
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
    text: str | None = field(default=None, repr=False)
    limits: Limits | None = field(default=None, repr=False)
    _lines: dict[Key, int] | None = field(default=None, repr=False)

    @property
    def lines(self) -> dict[Key, int]:
        """The line of every mapping key and list item, indexed on first use (see module doc)."""
        if self._lines is None:
            self._lines = {}
            if self.text is not None and self.limits is not None:
                _build(self.text, self.limits, self._lines)
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
        found, data, notes = _build(text, limits, None)
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
    if not found:
        return fail("empty_file")
    doc.data, doc.text, doc.limits = data, text, limits
    for code, line, path_of_key in notes:
        params: dict[str, object] = {}
        if path_of_key is not None:  # a duplicate key: say where the first one is
            params = {"key": path_of_key[-1], "first": doc.lines.get(path_of_key)}
        doc.problems.append(_problem(code, display, line, **params))
    return doc


_NOKEY: Any = object()  # a mapping waiting for its next key
_DROP: Any = object()  # a mapping whose pending value is dropped (a bad or duplicate key)
# A frame per open collection: the container, its pending key (or _NOKEY/_DROP), the anchor,
# the node count and deepest level when it began, its path (line index only), its start mark,
# whether it is being dropped, for an anchored one the line its aliases' copies come from, and
# where its lines begin in the line index's log.
_C, _KEY, _ANCHOR, _COUNT0, _DEEPEST0, _PATH, _MARK, _MUTED, _ORIGIN, _LOG0 = range(10)


def _build(text: str, limits: Limits, lines: dict[Key, int] | None) -> tuple[bool, Any, list[Any]]:
    """(whether there is a document, its data, [(problem code, line, path of a duplicate key)]).

    With ``lines``, the line of every key and list item is recorded in it (the first of two
    equal keys wins). Raises _TooBig, or PyYAML's errors for syntax and tags.

    Counting follows what the values would be if every alias were copied: an alias costs the
    node count and depth of the subtree it names, so a billion laughs stops at the node limit
    after a few hundred events. The subtree under a bad or duplicate key is dropped (it is
    counted, but its tags and keys are not checked), as it was before.
    """
    import yaml
    from yaml.composer import ComposerError
    from yaml.constructor import ConstructorError
    from yaml.events import (
        AliasEvent,
        DocumentStartEvent,
        MappingEndEvent,
        MappingStartEvent,
        ScalarEvent,
        SequenceEndEvent,
        SequenceStartEvent,
        StreamEndEvent,
    )

    parser = _parser(text)
    get_event = parser.get_event
    resolve = _plain_tag
    initials = _resolved_initials()
    # Locals rather than globals in the loop below, which runs once per event (a million for a
    # plan of 50 000 indicators).
    str_tag, int_tag, float_tag, null_tag = _STR, _INT, _FLOAT, _NULL
    nokey, drop, safe_tags = _NOKEY, _DROP, _SAFE_TAGS
    indexing = lines is not None
    max_depth, max_nodes = limits.yaml_depth, limits.yaml_nodes
    count = depth = deepest = 0
    # name -> value, nodes, height, mark, origin: the line where the nodes its copies repeat
    # come from (an alias bomb is reported there, at its first anchor)
    anchors: dict[str, tuple[Any, int, int, Any, int]] = {}
    stack: list[list[Any]] = []
    # The innermost open collection: its frame, its list or dict, and whether it is a dict.
    top: list[Any] | None = None
    container: Any = None
    in_map = False
    notes: list[Any] = []
    # Each distinct mapping key kept once: libyaml gives a new string for every scalar, and a
    # plan repeats the same few keys in every row (25 MB of copies at 50 000 indicators).
    keys: dict[str, str] = {}
    root: Any = _NOKEY
    document_mark = None
    constructor: Any = None

    # Line index only: every (path, line) recorded in order, so that an alias can repeat the lines
    # of the subtree it names under its own path (the anchor's log span and path are kept).
    log: list[tuple[Key, int]] = []
    spans: dict[str, tuple[Key, int, int]] = {}

    def record(path: Key, line: int) -> None:
        if lines is not None and path not in lines:
            lines[path] = line
            log.append((path, line))

    def path_here() -> Key:
        # While a child is open its parent list's length is its index, its parent mapping's
        # pending key its key.
        path: list[str | int] = []
        for frame in stack[:-1] if stack else ():
            path.append(len(frame[_C]) if type(frame[_C]) is list else frame[_KEY])
        return tuple(path)

    def attach(value: Any, mark: Any) -> None:
        # A collection or an alias's value into the innermost open collection; a scalar's
        # attaching is written out in the loop, the same steps.
        nonlocal root
        if not stack:
            root = value
            if lines is not None:
                record((), mark.line + 1)
            return
        frame = stack[-1]
        container = frame[_C]
        if type(container) is list:
            if lines is not None:
                record((*frame[_PATH], len(container)), mark.line + 1)
            container.append(value)
            return
        key = frame[_KEY]
        if key is _NOKEY:
            if type(value) is not str and (value is None or isinstance(value, (list, dict))):
                if not frame[_MUTED]:
                    notes.append(("yaml_bad_key", mark.line + 1, None))
                key = _DROP
            else:
                key = value if type(value) is str else str(value)
                if key in container:
                    if not frame[_MUTED]:
                        notes.append(("duplicate_key", mark.line + 1, (*path_here(), key)))
                    key = _DROP
                elif lines is not None:
                    record((*frame[_PATH], key), mark.line + 1)
            frame[_KEY] = key
            return
        frame[_KEY] = _NOKEY
        if key is not _DROP:
            container[key] = value

    while True:
        event = get_event()
        kind = type(event)
        if kind is ScalarEvent:
            count += 1
            if count > max_nodes:
                raise _TooBig("yaml_too_many_nodes", event.start_mark.line + 1)
            if depth > deepest:
                deepest = depth
                if depth > max_depth:
                    raise _TooBig("yaml_too_deep", event.start_mark.line + 1)
            value = event.value
            tag = event.tag
            if tag is None or tag == "!":
                if event.implicit[0] and (initials is None or value[:1] in initials):
                    tag = resolve(value)
                else:
                    tag = str_tag
            if tag == str_tag:
                pass
            elif tag == float_tag:
                value = _float_text(value)
            elif tag == int_tag and value.isdigit() and value.isascii() and value[:1] != "0":
                # Python refuses to convert more than 4 300 digits (ValueError); such a number
                # stays text, which every reader of a figure refuses as too large, at its line.
                value = int(value) if len(value) <= _LONGEST_INT else value
            elif tag == null_tag:
                value = None
            elif top is not None and (top[_MUTED] or (in_map and top[_KEY] is drop)):
                value = None  # inside a dropped value or a key: nothing is checked there
            elif tag == _MERGE and in_map and top is not None and top[_KEY] is nokey:
                raise ConstructorError(
                    None, None, "merge keys (<<) are not allowed", event.start_mark
                )
            elif tag not in safe_tags:
                raise ConstructorError(None, None, f"tag {tag!r}", event.start_mark)
            else:
                if constructor is None:
                    constructor = yaml.SafeLoader("")
                node = yaml.ScalarNode(tag, value, event.start_mark, event.end_mark, event.style)
                try:
                    value = constructor.construct_object(node, deep=True)
                except yaml.YAMLError:
                    raise
                except Exception:  # e.g. ``!!timestamp abc``: PyYAML's constructor fails on it
                    raise ConstructorError(None, None, f"tag {tag!r}", event.start_mark) from None
            if event.anchor is not None:
                line = event.start_mark.line + 1
                _anchor(anchors, event, (value, 1, 0, event.start_mark, line))
            # attach(value, event.start_mark), written out: this runs for every scalar.
            if in_map:
                assert top is not None
                key = top[_KEY]
                if key is nokey:
                    if type(value) is str:
                        key = keys.setdefault(value, value)
                    elif value is None:  # a scalar is never a list or a dict
                        if not top[_MUTED]:
                            notes.append(("yaml_bad_key", event.start_mark.line + 1, None))
                        key = drop
                    else:
                        key = str(value)
                    if key is drop:
                        pass
                    elif key in container:
                        if not top[_MUTED]:
                            where = (*path_here(), key)
                            notes.append(("duplicate_key", event.start_mark.line + 1, where))
                        key = drop
                    elif indexing:
                        record((*top[_PATH], key), event.start_mark.line + 1)
                    top[_KEY] = key
                else:
                    top[_KEY] = nokey
                    if key is not drop:
                        container[key] = value
            elif top is not None:
                if indexing:
                    record((*top[_PATH], len(container)), event.start_mark.line + 1)
                container.append(value)
            else:
                attach(value, event.start_mark)
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            count += 1
            mark = event.start_mark
            if count > max_nodes:
                raise _TooBig("yaml_too_many_nodes", mark.line + 1)
            if depth > deepest:
                deepest = depth
                if depth > max_depth:
                    raise _TooBig("yaml_too_deep", mark.line + 1)
            tag = event.tag
            # Inside a dropped value, or a collection used as a key: nothing is checked there.
            parent_muted = top is not None and (bool(top[_MUTED]) or (in_map and top[_KEY] is drop))
            if tag is not None and tag != "!" and tag not in safe_tags and not parent_muted:
                raise ConstructorError(None, None, f"tag {tag!r}", mark)
            is_key = in_map and top is not None and top[_KEY] is nokey
            path: Key | None = None
            if indexing:
                path = _child_path(top) if top is not None else ()
            anchor = event.anchor
            if anchor is not None:
                _anchor(anchors, event, None)
            in_map = kind is MappingStartEvent
            container = {} if in_map else []
            top = [
                container,
                nokey,
                anchor,
                count - 1,
                deepest,
                path,
                mark,
                parent_muted or is_key,
                None,
                len(log),
            ]
            stack.append(top)
            if anchor is not None:
                deepest = depth  # the height of an anchored subtree is measured from here
            depth += 1
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            frame = stack.pop()
            depth -= 1
            if stack:
                top = stack[-1]
                container = top[_C]
                in_map = type(container) is dict
            else:
                top, container, in_map = None, None, False
            if frame[_ANCHOR] is not None:
                if lines is not None:
                    spans[frame[_ANCHOR]] = (frame[_PATH], frame[_LOG0], len(log))
                height = deepest - depth
                origin = frame[_ORIGIN] or frame[_MARK].line + 1
                nodes = count - frame[_COUNT0]
                anchors[frame[_ANCHOR]] = (frame[_C], nodes, height, frame[_MARK], origin)
                deepest = max(deepest, frame[_DEEPEST0])
            attach(frame[_C], frame[_MARK])
        elif kind is AliasEvent:
            name = event.anchor
            mark = event.start_mark
            if name in anchors and anchors[name][0] is _NOKEY:
                # An alias inside what it names: infinitely deep once expanded.
                raise _TooBig("yaml_too_deep", mark.line + 1)
            if name not in anchors:
                raise ComposerError(None, None, f"found undefined alias {name!r}", mark)
            value, nodes, height, anchor_mark, origin = anchors[name]
            for frame in reversed(stack):
                if frame[_ANCHOR] is not None and frame[_ORIGIN] is None:
                    frame[_ORIGIN] = origin
            count += nodes
            if count > max_nodes:
                raise _TooBig("yaml_too_many_nodes", origin)
            if depth + height > deepest:
                deepest = depth + height
                if deepest > max_depth:
                    raise _TooBig("yaml_too_deep", origin)
            span = spans.get(name) if lines is not None else None
            at = _child_path(stack[-1]) if span is not None and stack else None
            # The item's line is the anchored node's, as a node shared by two places has one.
            attach(value, anchor_mark)
            if span is not None and at is not None and at[-1:] != ("\x00",):
                anchor_path, first, last = span
                cut = len(anchor_path)
                for path_in, line_in in log[first:last]:
                    record((*at, *path_in[cut:]), line_in)
        elif kind is DocumentStartEvent:
            if document_mark is not None:
                raise ComposerError(
                    "expected a single document in the stream",
                    document_mark,
                    "but found another document",
                    event.start_mark,
                )
            document_mark = event.start_mark
        elif kind is StreamEndEvent or event is None:
            break
    return root is not _NOKEY, (None if root is _NOKEY else root), notes


def _child_path(parent: list[Any]) -> Key:
    container = parent[_C]
    if type(container) is list:
        return (*parent[_PATH], len(container))
    key = parent[_KEY]
    return (*parent[_PATH], key if key is not _NOKEY and key is not _DROP else "\x00")


_LONGEST_INT = 4300  # sys.int_info.default_max_str_digits


def _anchor(anchors: dict[str, Any], event: Any, record: Any) -> None:
    """Register an anchor (a collection's record is completed at its end); PyYAML's rule holds:
    an anchor name is defined once."""
    from yaml.composer import ComposerError

    name = event.anchor
    if name in anchors:
        raise ComposerError(
            f"found duplicate anchor {name!r}; first occurrence",
            anchors[name][3],
            "second occurrence",
            event.start_mark,
        )
    anchors[name] = record if record is not None else (_NOKEY, 0, 0, event.start_mark, 0)


def _parser(text: str) -> Any:
    """libyaml's parser when PyYAML has it (iterative, several times faster), else PyYAML's."""
    try:
        from yaml._yaml import CParser
    except ImportError:  # pragma: no cover - PyYAML built without libyaml
        import yaml

        return yaml.SafeLoader(text)
    return CParser(text)


@functools.cache
def _resolved_initials() -> frozenset[str] | None:
    """The first characters for which a plain scalar may be something other than a string
    (None: any, when a resolver was added for every first character)."""
    from yaml.resolver import Resolver

    firsts = Resolver.yaml_implicit_resolvers
    return None if None in firsts else frozenset(firsts)


@functools.lru_cache(maxsize=16384)
def _plain_tag(value: str) -> str:
    """The tag YAML 1.1 gives a plain scalar, as the safe loader's resolver decides it."""
    from yaml.resolver import Resolver

    resolvers = Resolver.yaml_implicit_resolvers
    for tag, regexp in resolvers.get(value[:1], []) + resolvers.get(None, []):
        if regexp.match(value):
            return str(tag)
    return _STR


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
