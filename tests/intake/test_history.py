"""`kehoach history`: every version of each figure, oldest first, with the change."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from ..conftest import PLAN, Cli
from .forms import form, journal_rows, receive


@pytest.fixture
def three_versions(cli: Cli, tmp_path: Path) -> Path:
    """dcnn's Q2 form received three times (120, then 120,5 as an estimate, then 118), and
    the health station's once."""
    results = tmp_path / "results"
    inbox = tmp_path / "inbox"
    sent = [
        form(inbox, "v1.xlsx"),
        form(inbox, "v2.xlsx", values={"rice_output": 120.5}, notes={"rice_output": "ước đạt"}),
        form(inbox, "v3.xlsx", values={"rice_output": 118}),
        form(inbox, "tyt.xlsx", unit="tram-y-te"),
    ]
    for file in sent:
        assert receive(cli, results, str(file)).exit_code == 0
    return results


def history(cli: Cli, results: Path, *args: str):  # noqa: ANN201
    return cli("history", "--plan", str(PLAN), "--results", str(results), *args)


def test_json_versions_oldest_first_with_the_previous_value(cli: Cli, three_versions: Path) -> None:
    done = history(cli, three_versions, "--indicator", "rice_output", "--format", "json")
    assert done.exit_code == 0, done.stderr
    versions = json.loads(done.stdout)["versions"]
    named = {
        "indicator", "period", "unit", "value", "estimate", "received_at", "file", "sha256",
        "previous_value",
    }  # fmt: skip
    assert all(named <= set(v) for v in versions)
    assert [(v["value"], v["previous_value"], v["estimate"]) for v in versions] == [
        (120, None, False),
        (120.5, 120, True),
        (118, 120.5, False),
    ]
    times = [datetime.fromisoformat(v["received_at"]) for v in versions]
    assert times == sorted(times)
    archive = three_versions / "_luu-tru" / "2024-q2"
    assert [Path(v["file"]).parent for v in versions] == [
        archive,
        archive,
        three_versions / "2024-q2",
    ]
    shas = [row[0] for row in journal_rows(three_versions, "SELECT sha256 FROM receipts")]
    assert [v["sha256"] for v in versions] == shas[:3]


def test_json_equals_the_library_result(cli: Cli, three_versions: Path) -> None:
    from kehoach_cli.intake.history import Filter, versions

    done = history(cli, three_versions, "--unit", "dcnn", "--format", "json")
    found = versions(three_versions, Filter(unit="dcnn"))
    assert found is not None
    assert json.loads(done.stdout) == {"versions": [v.to_dict() for v in found]}


def test_table_in_vietnamese_numbers(cli: Cli, three_versions: Path) -> None:
    done = history(cli, three_versions, "--indicator", "rice_output")
    assert done.exit_code == 0
    lines = done.stdout.splitlines()
    assert lines[0].split() == ["Chỉ", "tiêu", "Kỳ", "Đơn", "vị", "Giá", "trị", "Thay", "đổi",
                                "Nhận", "lúc", "Tệp"]  # fmt: skip
    cells = [line.split()[:6] for line in lines[1:]]
    assert cells == [
        ["rice_output", "2024Q2", "dcnn", "120", "bản", "đầu"],
        ["rice_output", "2024Q2", "dcnn", "120,5", "(ước)", "+0,5"],
        ["rice_output", "2024Q2", "dcnn", "118", "-2,5", lines[3].split()[5]],
    ]


def test_filters(cli: Cli, three_versions: Path) -> None:
    def count(*args: str) -> int:
        done = history(cli, three_versions, "--format", "json", *args)
        assert done.exit_code == 0, done.stderr
        return len(json.loads(done.stdout)["versions"])

    per_form = len(journal_rows(three_versions, "SELECT * FROM figures WHERE receipt_id = 1"))
    assert count("--unit", "dcnn") == 3 * per_form
    assert count("--unit", "tram-y-te", "--indicator", "rice_output") == 0
    assert count("--period", "q2", "--indicator", "rice_output") == 3
    assert count("--period", "q1", "--indicator", "rice_output") == 0
    empty = history(cli, three_versions, "--unit", "khong-co")
    assert empty.stdout == "Không có phiên bản nào khớp.\n"


def test_without_a_journal_it_says_how_one_is_made(cli: Cli, tmp_path: Path) -> None:
    results = tmp_path / "results"
    results.mkdir()
    done = history(cli, results)
    assert done.exit_code == 1
    journal = tmp_path / "results-nhat-ky.sqlite"
    assert done.stderr == (
        f"Chưa có nhật ký nhận tệp: {journal}. Nhật ký được tạo khi nhận tệp đầu tiên "
        f"(kehoach receive TỆP --results {results}); nếu đã từng có mà bị mất, dựng lại bằng: "
        f"kehoach receive --rebuild --results {results}\n"
    )
    assert not journal.exists()  # looking does not create it
