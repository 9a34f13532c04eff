"""The report's prose (#18): estimates, last year's change, and the year's commendations."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

from docx import Document

from kehoach_cli.periods import Period
from kehoach_cli.plan.model import Plan
from kehoach_cli.render.docx import render
from kehoach_cli.render.prose import figure_sentence
from kehoach_cli.report.completion import compute

from ..conftest import Cli
from .fixtures import result_file, small_plan
from .test_xlsx import q2_report

YEAR = Period(2024, "year")


def test_estimate_and_last_year_in_the_sentence() -> None:
    report = q2_report()
    grain = report.indicator("grain_output")
    said = figure_sentence(report, grain, "Sản lượng lương thực có hạt")
    assert said.startswith("Sản lượng lương thực có hạt đạt 160 tấn, bằng 49,54% kế hoạch năm")
    assert "so với cùng kỳ" not in said  # no previous year's figure: nothing said of it
    estimated = replace(grain, estimate=True, change_pct=Decimal("10.4"))
    said = figure_sentence(report, estimated, "Sản lượng lương thực có hạt")
    assert said.startswith("Sản lượng lương thực có hạt ước đạt 160 tấn")
    assert said.endswith(", tăng 10,40% so với cùng kỳ.")
    rate = replace(report.indicator("crossbred_cattle_share"), change_points=Decimal("-0.5"))
    assert "giảm 0,5 điểm phần trăm so với cùng kỳ" in figure_sentence(report, rate, "Tỷ lệ")


def year_report(rule: dict[str, object] | None = None):  # noqa: ANN201
    rows = [
        {"code": "a", "name": "A", "kind": "flow", "target": 100},
        {"code": "b", "name": "B", "kind": "flow", "target": 100},
        {"code": "v", "name": "V", "kind": "flow", "target": 100, "responsible": "vhxh"},
    ]
    data = small_plan(rows).model_dump(mode="json", exclude_none=True)
    if rule is not None:
        data["commendation"] = rule
    plan = Plan.model_validate(data)
    files = [
        result_file("dcnn", YEAR, {"a": "120", "b": "100"}),
        result_file("vhxh", YEAR, {"v": "90"}),
    ]
    return compute(plan, files, YEAR, date(2024, 12, 20), lang="vi")


def test_the_year_proposes_the_first_with_every_target_reached() -> None:
    report = year_report()
    assert [(c.code, c.rank, c.reached, c.assessed) for c in report.commendations] == [
        ("dcnn", 1, 2, 2)
    ]
    assert report.commendations[0].award == "Giấy khen của Chủ tịch Ủy ban nhân dân xã"
    data = report.to_dict()
    assert data["commendations"][0]["code"] == "dcnn"
    assert "xếp hạng thứ nhất" in data["commendation_rule"]
    text = [p.text for p in Document(io.BytesIO(render(report))).paragraphs]
    assert (
        "Đề nghị tặng Giấy khen của Chủ tịch Ủy ban nhân dân xã cho Địa chính - Nông "
        "nghiệp." in " ".join(text)
    )
    assert any(t.endswith("Kết quả xếp hạng thi đua và đề nghị khen thưởng") for t in text)


def test_the_rule_comes_from_the_plan_and_quarters_propose_none() -> None:
    report = year_report({"award": "Bằng khen", "top": 2, "all_achieved": False})
    assert [c.code for c in report.commendations] == ["dcnn", "vhxh"]
    assert {c.award for c in report.commendations} == {"Bằng khen"}
    strict = year_report({"top": 2})
    assert [c.code for c in strict.commendations] == ["dcnn"]  # V missed its target
    quarter = q2_report()
    assert quarter.commendations == () and quarter.to_dict()["commendation_rule"] is None


def test_the_year_appendix_has_the_ranking_and_the_proposals_tables() -> None:
    report = year_report()
    document = Document(io.BytesIO(render(report)))
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]
    ranking = next(t for t in tables if t[0][:2] == ["Hạng", "Đơn vị"])
    assert ranking[1][:5] == ["1", "Địa chính - Nông nghiệp", "2", "2", "100,00%"]
    proposals = next(t for t in tables if t[0][0] == "TT" and "Hình thức đề nghị" in t[0])
    assert proposals[0] == [
        "TT",
        "Đơn vị",
        "Xếp hạng",
        "Kết quả thực hiện chỉ tiêu",
        "Hình thức đề nghị",
    ]
    assert proposals[1:] == [
        [
            "1",
            "Địa chính - Nông nghiệp",
            "1",
            "2/2 chỉ tiêu đạt, vượt kế hoạch",
            "Giấy khen của Chủ tịch Ủy ban nhân dân xã",
        ]
    ]
    lines = [p.text for p in document.paragraphs]
    assert "ĐỀ NGHỊ KHEN THƯỞNG" in lines
    assert any(
        line.startswith("Đề nghị khen thưởng các đơn vị xếp hạng thứ nhất") for line in lines
    )
    # A quarter: the ranking table, no proposals.
    quarter = Document(io.BytesIO(render(q2_report())))
    assert "ĐỀ NGHỊ KHEN THƯỞNG" not in [p.text for p in quarter.paragraphs]
    assert "BẢNG XẾP HẠNG THI ĐUA" in [p.text for p in quarter.paragraphs]


def test_the_web_page_says_the_prose_and_the_proposals() -> None:
    from kehoach_cli.render.html import render as render_html

    page = render_html(year_report())
    assert "<h2>I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU</h2>" in page
    assert "Trong 03 chỉ tiêu" in page or "Trong 03" in page
    assert "<h2>ĐỀ NGHỊ KHEN THƯỞNG</h2>" in page
    assert "<td>Giấy khen của Chủ tịch Ủy ban nhân dân xã</td>" in page
    assert "Phụ lục" not in page  # the tables are on the page itself
    quarter = render_html(q2_report())
    assert "ĐỀ NGHỊ KHEN THƯỞNG" not in quarter and "xếp thứ nhất là" in quarter


def test_english_prose_is_english() -> None:
    document = Document(io.BytesIO(render(q2_report("en"))))
    body = " ".join(p.text for p in document.paragraphs)
    for word in (" đạt ", "ước đạt", "trong đó", "chỉ tiêu", "xếp thứ", "kế hoạch năm"):
        assert word not in body
    assert "Emulation ranking of the units: first, " in body


def test_an_empty_report_name_is_refused_at_its_line(tmp_path: Path, cli: Cli) -> None:
    text = Path("data/plan_2024.yaml").read_text(encoding="utf-8")
    bad = text.replace("report_name: Diện tích gieo trồng lúa", 'report_name: ""', 1)
    line = bad.splitlines().index('                    report_name: ""') + 1
    path = tmp_path / "plan.yaml"
    path.write_text(bad, encoding="utf-8")
    run = cli("validate", str(path))
    assert run.exit_code == 1
    assert f"dòng {line}" in run.stdout + run.stderr and "[rice_area]" in run.stdout + run.stderr
    assert "report_name" in run.stdout + run.stderr
