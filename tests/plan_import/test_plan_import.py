"""`kehoach plan import`: the signed plan's Word table back into the plan it is."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kehoach_cli.plan.io import load_plan, read_plan

from ..conftest import PLAN, Cli
from .signed_plan import HEADER, ROWS, write_signed_plan


def _rows_of(plan_path: Path) -> list[tuple[object, ...]]:
    plan = load_plan(plan_path)
    return [(r.depth, r.tt, r.name, r.is_ref, r.breakdown_lead) for r in plan.rows]


def _facts(plan_path: Path) -> list[tuple[object, ...]]:
    """Everything an indicator is, codes included."""
    return [
        (
            i.code,
            i.name,
            i.path,
            i.tt,
            i.unit,
            i.target,
            i.kind,
            i.direction,
            i.responsible,
            i.formula,
            i.expected_progress,
            i.shown_at,
        )
        for i in load_plan(plan_path).indicators
    ]


def test_with_the_earlier_plan_the_import_is_the_shipped_plan(cli: Cli, tmp_path: Path) -> None:
    document = write_signed_plan(tmp_path / "KE_HOACH.docx")
    output = tmp_path / "plan.yaml"
    result = cli(
        "plan", "import", str(document), "--year", "2024", "--from", str(PLAN), "-o", str(output)
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(f"Đã ghi {output}: 32 chỉ tiêu, 3 chỗ đoán")
    assert _facts(output) == _facts(PLAN)
    assert _rows_of(output) == _rows_of(PLAN)
    text = output.read_text(encoding="utf-8")
    # The two parts of grain repeat rice and maize output (refs): a guess, and said so.
    assert re.search(r"ref: rice_output  # ĐOÁN: chính là chỉ tiêu Lúa › Sản lượng", text)
    assert 'target: "59,00"' in text and 'target: "39,83"' in text and "target: 6700" in text
    assert "draft: true" in text


def test_without_an_earlier_plan_names_targets_and_rules_are_the_signed_ones(
    cli: Cli, tmp_path: Path
) -> None:
    document = write_signed_plan(tmp_path / "KE_HOACH.docx")
    output = tmp_path / "plan.yaml"
    result = cli("plan", "import", str(document), "--year", "2024", "--output", str(output))
    assert result.exit_code == 0, result.stderr
    shipped, imported = load_plan(PLAN), load_plan(output)
    assert _rows_of(output) == _rows_of(PLAN)
    pairs = list(zip(shipped.indicators, imported.indicators, strict=True))
    for old, new in pairs:
        assert (new.name, new.path, new.unit, new.target) == (
            old.name,
            old.path,
            old.unit,
            old.target,
        )
        assert (new.kind, new.direction) == (old.kind, old.direction), old.code
    # Formulas are proposed for the same indicators, over the same parts.
    code_of = {old.code: new.code for old, new in pairs}
    # (The harvested areas a yield divides by are the plan's, not the signed table's: without an
    # earlier plan the import proposes the yield over the crop's area, to be corrected.)
    sown = {area.code: area.sown_area for area in shipped.harvested_areas}
    for old, new in pairs:
        expected = old.formula
        if expected is not None:
            for harvested, area in sown.items():
                expected = re.sub(rf"\b{harvested}\b", str(area), expected)
            for code in sorted(code_of, key=len, reverse=True):
                expected = re.sub(rf"\b{code}\b", code_of[code], expected)
        assert new.formula == expected, old.code
    assert imported.by_code["lua_nang_suat"].formula == "lua_san_luong * 10 / lua_dien_tich"


def test_every_proposal_is_marked_as_a_guess(cli: Cli, tmp_path: Path) -> None:
    document = write_signed_plan(tmp_path / "KE_HOACH.docx")
    output = tmp_path / "plan.yaml"
    assert cli("plan", "import", str(document), "-y", "2024", "-o", str(output)).exit_code == 0
    lines = output.read_text(encoding="utf-8").splitlines()
    lines = lines[lines.index("table:") :]
    for key in ("code", "ref", "kind", "direction", "responsible", "formula"):
        found = [line for line in lines if line.strip().startswith(f"{key}:")]
        assert found, key
        assert all("# ĐOÁN:" in line for line in found), key
    # Names and targets are read, not guessed: no comment on them.
    assert not [line for line in lines if re.match(r"\s*(name|target):.*#", line)]
    general = next(i for i, line in enumerate(lines) if "Giáo dục phổ thông công lập" in line)
    assert "ĐOÁN: ô ĐVT trống" in lines[general + 1]
    poor = next(i for i, line in enumerate(lines) if "Số hộ nghèo giảm trong năm" in line)
    assert lines[poor + 1].strip().startswith("unit: Hộ  # ĐOÁN")


def test_english_comments_with_lang_en(cli: Cli, tmp_path: Path) -> None:
    document = write_signed_plan(tmp_path / "KE_HOACH.docx")
    output = tmp_path / "plan.yaml"
    result = cli("plan", "import", str(document), "-y", "2024", "-o", str(output), "--lang", "en")
    assert result.exit_code == 0
    assert result.stdout.startswith(f"Wrote {output}: 32 indicators")
    assert "# GUESS: code made from the name" in output.read_text(encoding="utf-8")


def test_the_written_plan_validates_with_warnings_only(cli: Cli, tmp_path: Path) -> None:
    document = write_signed_plan(tmp_path / "KE_HOACH.docx")
    output = tmp_path / "plan.yaml"
    assert cli("plan", "import", str(document), "-y", "2024", "-o", str(output)).exit_code == 0
    result = cli("validate", str(output), "--format", "json")
    assert result.exit_code == 0
    codes = sorted(p["code"] for p in json.loads(result.stdout)["problems"])
    assert codes == ["draft", "share_over_100", "target_to_fill"]


def _with_targets(changes: dict[int, str]) -> list[tuple[str, str, str, str]]:
    return [(*row[:3], changes.get(i, row[3])) for i, row in enumerate(ROWS)]


def test_next_years_table_keeps_the_earlier_codes(cli: Cli, tmp_path: Path) -> None:
    # 2025: grain 330 = rice 240 + maize 90, in the breakdown and in the crops rows.
    rows = _with_targets({2: "330", 3: "240", 4: "90", 8: "240", 11: "90"})
    header = (*HEADER[:3], "Kế hoạch năm 2025")
    document = write_signed_plan(tmp_path / "KH2025.docx", rows, header)
    output = tmp_path / "plan_2025.yaml"
    result = cli(
        "plan", "import", str(document), "-y", "2025", "--from", str(PLAN), "-o", str(output)
    )
    assert result.exit_code == 0, result.stderr
    plan = load_plan(output)
    assert plan.year == 2025 and plan.plan.code == "tra-bui-2025" and plan.plan.implements == []
    assert plan.by_code["grain_output"].target == Decimal(330)
    assert plan.by_code["rice_output"].target == Decimal(240)
    assert [i.code for i in plan.indicators] == [i.code for i in load_plan(PLAN).indicators]


def test_a_breakdown_row_with_other_figures_is_its_own_indicator(cli: Cli, tmp_path: Path) -> None:
    # "Trong đó: + Lúa 240" while the crops rows say rice output 235: not the same figure, so
    # not the same indicator; the earlier plan's codes stay on everything else.
    document = write_signed_plan(tmp_path / "KH.docx", _with_targets({2: "328", 3: "240"}))
    output = tmp_path / "plan.yaml"
    result = cli(
        "plan", "import", str(document), "-y", "2024", "--from", str(PLAN), "-o", str(output)
    )
    assert result.exit_code == 0, result.stderr
    plan = load_plan(output)
    grain = plan.by_code["grain_output"]
    parts = [r for r in plan.rows if r.row_path[:-1] == grain.row_path]
    assert [(r.name, r.is_ref) for r in parts] == [("Lúa", False), ("Ngô", True)]
    assert {i.code for i in load_plan(PLAN).indicators} < {i.code for i in plan.indicators}


def test_an_unreadable_cell_is_located_and_nothing_is_written(cli: Cli, tmp_path: Path) -> None:
    rows = list(ROWS)
    rows[3] = ("", "Trong đó: + Lúa", "Tấn", "khoảng 235")
    rows[25] = ("", "+ Đàn heo", "Con", "9,00,0")
    rows[22] = ("", "+ Đàn trâu", "Con", "65,5")
    document = write_signed_plan(tmp_path / "KE_HOACH.docx", rows)
    output = tmp_path / "plan.yaml"
    result = cli("plan", "import", str(document), "-y", "2024", "-o", str(output))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert f"{document} › bảng 1, dòng 5, cột Kế hoạch năm 2024: LỖI bad_target" in result.stderr
    assert '"khoảng 235" không đọc được thành số (không phải số)' in result.stderr
    assert "bảng 1, dòng 27, cột Kế hoạch năm 2024: LỖI bad_target" in result.stderr
    assert "bảng 1, dòng 24, cột Kế hoạch năm 2024: LỖI fraction_in_count" in result.stderr
    assert "Không ghi tệp kế hoạch: bảng có 3 chỗ không đọc được" in result.stderr
    assert not output.exists()


def test_a_ditto_with_nothing_above_and_a_unitless_target_are_located(
    cli: Cli, tmp_path: Path
) -> None:
    rows = [("", "- Trồng rừng", '"', "5"), ("", "- Đường giao thông", "", "12")]
    document = write_signed_plan(tmp_path / "KE_HOACH.docx", rows)
    result = cli("plan", "import", str(document), "-y", "2024", "-o", str(tmp_path / "p.yaml"))
    assert result.exit_code == 1
    assert "bảng 1, dòng 2, cột Đơn vị tính: LỖI ditto_first" in result.stderr
    assert "bảng 1, dòng 3, cột Đơn vị tính: LỖI no_unit" in result.stderr


def test_the_table_of_another_year_is_refused(cli: Cli, tmp_path: Path) -> None:
    document = write_signed_plan(tmp_path / "KE_HOACH.docx")
    result = cli("plan", "import", str(document), "-y", "2025", "-o", str(tmp_path / "p.yaml"))
    assert result.exit_code == 1
    assert "bảng 1, dòng 1, cột Kế hoạch năm 2024: LỖI other_year" in result.stderr
    assert "là kế hoạch năm 2024, không phải năm 2025" in result.stderr


def test_a_document_without_the_table(cli: Cli, tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH")
    document.add_table(rows=2, cols=2).cell(0, 0).text = "Nơi nhận"
    path = tmp_path / "KE_HOACH.docx"
    document.save(str(path))
    result = cli("plan", "import", str(path), "-y", "2024", "-o", str(tmp_path / "p.yaml"))
    assert result.exit_code == 1
    assert "LỖI no_table" in result.stderr and "TT | Chỉ tiêu" in result.stderr


def test_not_a_docx_and_an_old_doc_are_refused_before_reading(cli: Cli, tmp_path: Path) -> None:
    text = tmp_path / "KE_HOACH.docx"
    text.write_text("không phải Word", encoding="utf-8")
    old = tmp_path / "KE_HOACH.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    for path, code in ((text, "not_docx"), (old, "old_doc")):
        result = cli("plan", "import", str(path), "-y", "2024", "-o", str(tmp_path / "p.yaml"))
        assert result.exit_code == 1
        assert f"{path}: LỖI {code}" in result.stderr


def test_an_existing_plan_is_not_overwritten_unless_forced(cli: Cli, tmp_path: Path) -> None:
    document = write_signed_plan(tmp_path / "KE_HOACH.docx")
    output = tmp_path / "plan.yaml"
    output.write_text("# the officer's plan\n", encoding="utf-8")
    result = cli("plan", "import", str(document), "-y", "2024", "-o", str(output))
    assert result.exit_code == 2
    assert "không ghi đè một kế hoạch" in result.stderr
    assert output.read_text(encoding="utf-8") == "# the officer's plan\n"
    result = cli("plan", "import", str(document), "-y", "2024", "-o", str(output), "--force")
    assert result.exit_code == 0
    assert read_plan(output)[0] is not None
    # Never over an input, even forced.
    result = cli(
        "plan", "import", str(document), "-y", "2024", "--from", str(output), "-o", str(output)
    )
    assert result.exit_code == 2
    assert read_plan(output)[0] is not None


def test_a_two_row_header_a_numbering_row_and_merged_cells(cli: Cli, tmp_path: Path) -> None:
    """As Word tables often are: "Kế hoạch" over "năm 2024", a row (1) (2) (3) (4) under the
    header, and a TT cell merged down over the rows of its breakdown."""
    import docx

    document = docx.Document()
    table = document.add_table(rows=3 + len(ROWS), cols=4)
    for column, (top, below) in enumerate(
        [("TT", ""), ("Chỉ tiêu", ""), ("ĐVT", ""), ("Kế hoạch", "năm 2024")]
    ):
        table.cell(0, column).text = top
        if below:
            table.cell(1, column).text = below
        else:
            table.cell(0, column).merge(table.cell(1, column))
        table.cell(2, column).text = f"({column + 1})"
    for index, cells in enumerate(ROWS, start=3):
        for column, text in enumerate(cells):
            table.cell(index, column).text = text
    general = 3 + next(i for i, r in enumerate(ROWS) if r[1] == "Giáo dục phổ thông công lập")
    table.cell(general, 0).merge(table.cell(general + 2, 0))  # "2" over its two rows
    path = tmp_path / "KE_HOACH.docx"
    document.save(str(path))
    output = tmp_path / "plan.yaml"
    result = cli("plan", "import", str(path), "-y", "2024", "--from", str(PLAN), "-o", str(output))
    assert result.exit_code == 0, result.stderr
    assert _facts(output) == _facts(PLAN)


def test_the_installed_command_imports_the_signed_plan(tmp_path: Path) -> None:
    import subprocess
    import sys

    document = write_signed_plan(tmp_path / "KE_HOACH.docx")
    done = subprocess.run(
        [sys.executable, "-m", "kehoach_cli", "plan", "import", str(document), "--year", "2024"]
        + ["--output", str(tmp_path / "plan.yaml"), "--from", str(PLAN)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert _facts(tmp_path / "plan.yaml") == _facts(PLAN)


def test_a_zip_bomb_named_docx_is_refused_unopened(cli: Cli, tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "KE_HOACH.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<w:document>" + b" " * 20_000_000)
    result = cli("plan", "import", str(path), "-y", "2024", "-o", str(tmp_path / "p.yaml"))
    assert result.exit_code == 1
    assert f"{path}: LỖI docx_too_large" in result.stderr
    assert not (tmp_path / "p.yaml").exists()


def test_an_invalid_earlier_plan_stops_the_import(cli: Cli, tmp_path: Path) -> None:
    document = write_signed_plan(tmp_path / "KE_HOACH.docx")
    earlier = tmp_path / "plan_2024.yaml"
    text = PLAN.read_text(encoding="utf-8").replace("target: 323", "target: abc")
    earlier.write_text(text, encoding="utf-8")
    output = tmp_path / "p.yaml"
    result = cli(
        "plan", "import", str(document), "-y", "2024", "--from", str(earlier), "-o", str(output)
    )
    assert result.exit_code == 1
    assert "LỖI number_not_a_number [grain_output]" in result.stderr
    assert f"Kế hoạch {earlier} có 1 lỗi" in result.stderr
    assert not output.exists()


def test_python_docx_is_imported_only_by_the_import() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from kehoach_cli.cli.app import create_app; create_app();"
        "from kehoach_cli.plan import importer, draft;"
        "print('docx' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "False", done.stderr


_CELLS = {
    "tt": ["", "A", "B", "I", "II", "1", "2", "1.1", "a)", "-", "+", "x?"],
    "name": [
        "",
        "Trong đó: + Lúa",
        "+ Lúa: Diện tích",
        "- Đàn bò",
        "Năng suất",
        "Sản lượng",
        "Diện tích",
        "Tỷ lệ hộ nghèo",
        "Dân số",
        "Đàn gia súc:",
        "+ Ngô",
    ],
    "unit": ["", '"', "Tấn", "Ha", "Tạ/ha", "%", "Con", "Hộ"],
    "target": ["", "0", "323", "59,00", "6.700", "12.345", "-5", "abc", "1,187,93", "30,65"],
}


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(*(st.sampled_from(_CELLS[key]) for key in ("tt", "name", "unit", "target"))),
        min_size=1,
        max_size=12,
    )
)
def test_any_table_gives_a_plan_that_loads_or_located_problems(
    tmp_path_factory: pytest.TempPathFactory, rows: list[tuple[str, str, str, str]]
) -> None:
    from kehoach_cli.plan.importer import import_plan

    folder = tmp_path_factory.mktemp("t")
    document = write_signed_plan(folder / "KE_HOACH.docx", rows)
    made, problems = import_plan(document, "KE_HOACH.docx", 2024)
    if made is None:
        assert problems.errors
        assert all(p.location and p.location.startswith("bảng 1, dòng") for p in problems)
        return
    output = folder / "plan.yaml"
    output.write_text(made.text, encoding="utf-8")
    plan, report = read_plan(output)
    assert plan is not None, report.flatten("code", "message")
