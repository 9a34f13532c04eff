"""Behaviour kept by the speed work: the one-pass YAML reader, quiet broken pipes, JSON output,
the workbook guard's cheap first pass."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from kehoach_cli.render import json as json_renderer
from kehoach_cli.safety.guards import check_xlsx_container
from kehoach_cli.safety.limits import Limits, current_limits
from kehoach_cli.safety.yaml_io import YamlDocument, read_yaml

from .conftest import RESULTS, ROOT
from .render.test_report_renderers import q2_report


def _read(tmp_path: Path, text: str) -> YamlDocument:
    path = tmp_path / "doc.yaml"
    path.write_text(text, encoding="utf-8")
    return read_yaml(path, "doc.yaml", current_limits())


def test_values_are_what_the_safe_loader_gives_with_floats_kept_as_text(tmp_path: Path) -> None:
    doc = _read(
        tmp_path,
        "a: 1\nb: 012\nc: 1_000\nd: 59.00\ne: 6.700\nf: yes\ng: ~\nh: '12'\ni: 2024-01-02\n"
        "j: !!str 5\nk: 0x1F\n1: int key\n",
    )
    assert doc.problems == []
    data = doc.data
    assert (data["a"], data["b"], data["c"], data["k"]) == (1, 10, 1000, 31)
    assert (data["d"], data["e"], data["f"], data["g"], data["h"]) == (
        "59.00",
        "6.700",
        True,
        None,
        "12",
    )
    assert str(data["i"]) == "2024-01-02" and data["j"] == "5" and data["1"] == "int key"


def test_lines_are_found_for_every_path_only_when_asked(tmp_path: Path) -> None:
    doc = _read(tmp_path, "plan:\n  code: x\ntable:\n  - tt: A\n    children:\n      - code: y\n")
    assert doc._lines is None  # the happy path builds no line index
    assert doc.line_of(("plan", "code")) == 2
    assert doc.line_of(("table", 0, "children", 0, "code")) == 6
    assert doc.line_of(("table", 0, "children", 0, "missing")) == 6
    assert doc.line_of(()) == 1


def test_a_duplicate_key_names_both_lines_and_keeps_the_first_value(tmp_path: Path) -> None:
    doc = _read(tmp_path, "a:\n  b: 1\n  c: 2\n  b:\n    x: !!python/name:os.system\n")
    assert [(p.code, p.line) for p in doc.problems] == [("duplicate_key", 4)]
    assert "dòng 2" in doc.problems[0].message or "line 2" in doc.problems[0].message
    assert doc.data == {"a": {"b": 1, "c": 2}}  # the dropped value's tag is not even looked at


def test_an_alias_repeats_the_lines_of_what_it_names(tmp_path: Path) -> None:
    doc = _read(tmp_path, "x: &a\n  k: 1\n  m: 2\ny:\n  - *a\n")
    assert doc.data == {"x": {"k": 1, "m": 2}, "y": [{"k": 1, "m": 2}]}
    assert doc.line_of(("y", 0, "m")) == 3
    assert doc.line_of(("y",)) == 4


def test_aliases_are_counted_as_copies_and_a_bomb_is_shown_at_its_first_anchor(
    tmp_path: Path,
) -> None:
    rows = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for prev, name in zip("abcdefghi", "bcdefghij", strict=True):
        rows.append(f"{name}: &{name} [{','.join(['*' + prev] * 9)}]")
    doc = _read(tmp_path, "\n".join(rows) + "\n")
    assert [(p.code, p.line) for p in doc.problems] == [("yaml_too_many_nodes", 1)]
    assert doc.data is None


def test_an_alias_inside_what_it_names_is_too_deep(tmp_path: Path) -> None:
    doc = _read(tmp_path, "a: &a [1, *a]\n")
    assert [p.code for p in doc.problems] == ["yaml_too_deep"]


def test_depth_counts_through_aliases(tmp_path: Path) -> None:
    depth = current_limits().yaml_depth
    nested = "[" * (depth - 2) + "1" + "]" * (depth - 2)
    doc = _read(tmp_path, f"a: &a {nested}\nb: [[[*a]]]\n")
    assert [p.code for p in doc.problems] == ["yaml_too_deep"]
    assert _read(tmp_path, f"a: &a {nested}\n").problems == []


def test_bad_tags_merge_keys_undefined_aliases_and_two_documents(tmp_path: Path) -> None:
    cases = {
        "a: !!python/object:os.system x\n": "yaml_tag",
        "a: !!timestamp not-a-date\n": "yaml_tag",
        "a: &x {k: 1}\nb:\n  <<: *x\n": "yaml_tag",
        "a: *nowhere\n": "yaml_syntax",
        "a: &x 1\nb: &x 2\n": "yaml_syntax",
        "a: 1\n---\nb: 2\n": "yaml_syntax",
        "? [1, 2]\n: v\n": "yaml_bad_key",
        "# only a comment\n": "empty_file",
    }
    for text, code in cases.items():
        assert [p.code for p in _read(tmp_path, text).problems] == [code], text


@pytest.mark.parametrize(
    "args",
    [
        ("report", "--period", "q2", "--format", "json"),
        ("report", "--period", "q2"),
        ("validate", "data/results/2024-q2"),
        ("--help",),
    ],
)
def test_a_reader_that_went_away_ends_kehoach_quietly_with_141(args: tuple[str, ...]) -> None:
    # `kehoach report | head -3`: the pipe is closed before kehoach writes to it.
    read_end, write_end = os.pipe()
    os.close(read_end)
    env = {k: v for k, v in os.environ.items() if not k.startswith("KEHOACH_")}
    try:
        done = subprocess.run(
            [sys.executable, "-m", "kehoach_cli", *args],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            env={**env, "NO_COLOR": "1"},
            cwd=ROOT,
            timeout=60,
        )
    finally:
        os.close(write_end)
    assert (done.returncode, done.stderr) == (141, "")


def test_json_is_indented_for_a_commune_and_compact_past_the_threshold(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    report = q2_report()
    indented = json_renderer.render(report)
    assert indented.startswith('{\n  "plan": {')
    monkeypatch.setattr(json_renderer, "INDENT_UP_TO", len(report.indicators) - 1)
    compact = json_renderer.render(report)
    assert compact.count("\n") == 1 and compact.endswith("}\n")
    assert json.loads(compact) == json.loads(indented)


def _form_with(tmp_path: Path, offset: int, extra: bytes, after: bytes = b"") -> Path:
    """The Q2 primary-school form, its results sheet padded with a comment to put ``extra``
    ``offset`` bytes from the sheet's first byte (the guard inflates it in 64 KB pieces)."""
    source = RESULTS / "2024-q2" / "tieu-hoc.xlsx"
    target = tmp_path / "form.xlsx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                at = data.index(b"</sheetData>")
                padding = b"<!--" + b" " * (offset - at - 7) + b"-->"
                assert at + len(padding) == offset
                data = data[:at] + padding + extra + after + data[at:]
            out.writestr(info.filename, data)
    return target


def _guard(path: Path) -> list[tuple[str, str | None]]:
    return [(p.code, p.cell) for p in check_xlsx_container(path, "f.xlsx", Limits())]


@pytest.mark.parametrize(
    "cell",
    [
        b'<c r="XFD1048576"><v>1</v></c>',
        b"<c r='xfd1048576'><v>1</v></c>",
        b'<c s="1" r = "$XFD$1048576" t="n"><v>1</v></c>',
        b'<x:c r="XFD1048576"><x:v>1</x:v></x:c>',
    ],
)
def test_a_far_value_cell_is_refused_however_its_reference_is_written(
    tmp_path: Path, cell: bytes
) -> None:
    form = _form_with(tmp_path, 8000, b'<row r="1048576">' + cell + b"</row>")
    assert _guard(form) == [("sheet_too_large", "XFD1048576")]


def test_a_sheet_that_is_not_xml_is_refused_unread_at_its_line(tmp_path: Path) -> None:
    # Mismatched quotes: calamine's reader may still take the reference; expat does not.
    cell = b"<x:c r='XFD1048576\"><x:v>1</x:v></x:c>"
    problems = check_xlsx_container(
        _form_with(tmp_path, 8000, b'<row r="1048576">' + cell + b"</row>"), "f.xlsx", Limits()
    )
    assert [(p.code, p.severity) for p in problems] == [("sheet_not_xml", "error")]
    assert problems[0].line == 1 and "xl/worksheets/sheet1.xml" in problems[0].message


@pytest.mark.parametrize("split", range(13))
def test_a_far_value_cell_across_two_pieces_of_the_stream_is_refused(
    tmp_path: Path, split: int
) -> None:
    # The reference's quoted value starts ``split`` bytes before the first piece ends.
    cell = b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    lead = cell.index(b'"XFD')
    form = _form_with(tmp_path, 64 * 1024 - lead - split, cell, b" " * 70_000)
    assert _guard(form) == [("sheet_too_large", "XFD1048576")]


def test_far_cells_without_values_pass_and_the_budget_is_the_value_cells_rectangle(
    tmp_path: Path,
) -> None:
    formatted = b'<row r="1048576"><c r="XFC1048576" s="1"/><c r="XFD1048576"/></row>'
    assert _guard(_form_with(tmp_path, 8000, formatted)) == []
    # 8 columns x 250 000 rows is the budget exactly; one column more is past it
    at_budget = b'<row r="250000"><c r="H250000"><v>1</v></c></row>'
    assert _guard(_form_with(tmp_path, 8000, formatted + at_budget)) == []
    past = b'<row r="250000"><c r="I250000"><v>1</v></c></row>'
    assert _guard(_form_with(tmp_path, 8000, formatted + past)) == [("sheet_too_large", "I250000")]


def test_a_doctype_anywhere_in_a_part_is_refused_not_only_before_the_root(tmp_path: Path) -> None:
    doctype = b'<!DOCTYPE x [<!ENTITY a "b">]>'
    form = _form_with(tmp_path, 100_000, doctype)
    assert _guard(form) == [("xml_doctype", None)]


def test_main_called_in_process_does_not_freeze_the_callers_objects() -> None:
    # The console script freezes the collector's objects at the end, to spare the collections
    # at exit; a program calling main(argv) must not have its objects pinned for good.
    import gc

    from kehoach_cli.cli.app import main

    thresholds, frozen = gc.get_threshold(), gc.get_freeze_count()
    try:
        with pytest.raises(SystemExit) as done:
            main(["validate", str(ROOT / "data" / "plan_2024.yaml")])
        assert done.value.code == 0
        assert gc.get_freeze_count() == frozen
    finally:
        gc.set_threshold(*thresholds)


@pytest.mark.parametrize(
    ("part", "target"),
    [
        ("xl/worksheets/sheet1.dat", "/xl/worksheets/sheet1.dat"),  # not named .xml
        ("xl/data/s1.xml", "data/s1.xml"),  # outside xl/worksheets/
        ("XL/WORKSHEETS/SHEET1.XML", "/xl/worksheets/sheet1.xml"),  # found ignoring case
        ("xl/other/s.bin", "worksheets/../other/s.bin"),
        ("xl/other/s.bin", "xl/other/s.bin"),
    ],
)
def test_a_far_cell_is_refused_wherever_the_workbook_puts_its_sheet(
    tmp_path: Path, part: str, target: str
) -> None:
    # The guard used to look for far cells only in parts named xl/worksheets/*.xml; calamine
    # follows the workbook's relationships to any part, and a far cell there made it try to
    # allocate the whole 17-billion-cell rectangle: the process aborted without a word.
    far = b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    old = b'Target="/xl/worksheets/sheet1.xml"'
    form = _shipped_form_with(
        tmp_path, part, far, [("xl/_rels/workbook.xml.rels", old, f'Target="{target}"'.encode())]
    )
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "kehoach_cli",
            "validate",
            "--plan",
            str(ROOT / "data" / "plan_2024.yaml"),
            str(form),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
        timeout=60,
    )
    assert done.returncode == 1, done.stderr
    assert "form.xlsx › Kết quả!XFD1048576: LỖI sheet_too_large" in done.stdout


@pytest.mark.parametrize(
    ("cells", "cell"),
    [
        (b'<row r="16"><c r="B50000000"><v>1</v></c></row>', "B50000000"),  # 8 digits
        (b'<row r="16"><c r="XFD0001048576"><v>1</v></c></row>', "XFD0001048576"),
        (b'<row r="16"><c r="A99999999999"><v>1</v></c></row>', "A99999999999"),
        (b'<row r="1"><c a=">" r="XFD1048576"><v>1</v></c></row>', "XFD1048576"),
        # no reference: calamine counts the row from <row r> and the column cell by cell
        (b'<row r="1048576">' + b"<c></c>" * 16383 + b"<c><v>1</v></c></row>", "XFD1048576"),
        (b'<row r="1048576">' + b'<c x:r="A1"/>' * 16383 + b"<c><v>1</v></c></row>", "XFD1048576"),
    ],
)
def test_a_far_cell_the_reference_pattern_missed_is_refused(
    tmp_path: Path, cells: bytes, cell: str
) -> None:
    # Each of these made calamine ask for gigabytes and abort the process (134, no message).
    assert _guard(_form_with(tmp_path, 8000, cells)) == [("sheet_too_large", cell)]


@pytest.mark.parametrize(
    ("part", "old", "new"),
    [
        ("xl/_rels/workbook.xml.rels", b"http://schemas.openxmlformats.org/package", b"urn:x"),
        ("xl/workbook.xml", b"/officeDocument/2006/relationships", b"/x"),
    ],
)
def test_a_far_cell_in_a_sheet_named_through_other_namespaces_is_refused(
    tmp_path: Path, part: str, old: bytes, new: bytes
) -> None:
    # calamine reads the relationships by local name, whatever the namespaces; the guard used
    # to resolve them by namespace and so missed a sheet part not named xl/worksheets/*.xml.
    far = b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    dat = ("xl/_rels/workbook.xml.rels", b"/xl/worksheets/sheet1.xml", b"/xl/worksheets/sheet1.dat")
    form = _shipped_form_with(tmp_path, "xl/worksheets/sheet1.dat", far, [dat, (part, old, new)])
    assert _guard(form) == [("sheet_too_large", "XFD1048576")]


def _shipped_form_with(
    tmp_path: Path, sheet_part: str, far_row: bytes, edits: list[tuple[str, bytes, bytes]]
) -> Path:
    """A copy of a shipped form whose sheet is stored as ``sheet_part`` with ``far_row`` added;
    ``edits``: (part, old, new), bytes replaced in that part in order (each must be there)."""
    shipped = zipfile.ZipFile(RESULTS / "2024-q2" / "vhxh.xlsx")
    form = tmp_path / "form.xlsx"
    with zipfile.ZipFile(form, "w", zipfile.ZIP_DEFLATED) as out:
        for info in shipped.infolist():
            data, name = shipped.read(info.filename), info.filename
            for part, old, new in edits:
                if part == name:
                    assert old in data, (part, old)
                    data = data.replace(old, new)
            if name == "xl/worksheets/sheet1.xml":
                name = sheet_part
                data = data.replace(b"</sheetData>", far_row + b"</sheetData>")
            out.writestr(name, data)
    return form
