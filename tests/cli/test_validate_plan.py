"""`kehoach validate` on plans: exit codes, streams, JSON shape, languages."""

from __future__ import annotations

import json

from ..conftest import PLAN, TESTDATA, Cli

PLANS = TESTDATA / "plans"


def test_shipped_plan_exits_0_with_one_warning_naming_the_share(cli: Cli) -> None:
    result = cli("validate", str(PLAN))
    assert result.exit_code == 0
    assert result.stderr == ""
    assert "CẢNH BÁO share_over_100" in result.stdout
    assert "Tỷ trọng bò lai" in result.stdout
    assert result.stdout.strip().endswith("Tổng cộng: 0 lỗi, 1 cảnh báo trong 1 tệp.")


def test_json_shape(cli: Cli) -> None:
    result = cli("validate", str(PLAN), "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["errors"] == 0 and data["warnings"] == 1 and data["valid"] is True
    assert data["files"] == [str(PLAN)]
    (problem,) = data["problems"]
    assert {"severity", "code", "message", "file", "location"} <= set(problem)
    assert problem["code"] == "share_over_100"
    assert problem["file"] == str(PLAN)
    assert problem["location"].startswith("dòng ")


def test_missing_file_exits_2_with_one_line_and_no_traceback(cli: Cli) -> None:
    result = cli("validate", "no-such-file.yaml")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == "Không tìm thấy tệp hoặc thư mục: no-such-file.yaml\n"


def test_broken_plan_exits_1_and_names_file_line_and_fix(cli: Cli) -> None:
    path = PLANS / "negative_target.yaml"
    result = cli("validate", str(path))
    assert result.exit_code == 1
    assert f"{path} › dòng 39: LỖI negative_target" in result.stdout
    assert "Sửa lại số" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_english_with_lang_option_and_with_environment(cli: Cli, monkeypatch) -> None:  # noqa: ANN001
    result = cli("validate", str(PLANS / "negative_target.yaml"), "--lang", "en")
    assert "line 39: ERROR negative_target" in result.stdout
    assert "Negative target (-88)" in result.stdout
    monkeypatch.setenv("KEHOACH_LANG", "en")
    from kehoach_cli.messages import default_lang, set_lang

    set_lang(default_lang())
    result = cli("validate", "no-such-file.yaml")
    assert result.stderr == "No such file or folder: no-such-file.yaml\n"


def test_unknown_format_is_a_usage_error(cli: Cli) -> None:
    result = cli("validate", str(PLAN), "--format", "xml")
    assert result.exit_code == 2
    assert "xml" in result.stderr and "table, json" in result.stderr


def test_unknown_option_is_a_usage_error(cli: Cli) -> None:
    result = cli("validate", str(PLAN), "--colour")
    assert result.exit_code == 2


def test_several_plans_at_once_count_all_problems(cli: Cli) -> None:
    result = cli(
        "validate", str(PLAN), str(PLANS / "negative_target.yaml"), str(PLANS / "minimal.yaml")
    )
    assert result.exit_code == 1
    assert "Tổng cộng: 1 lỗi, 1 cảnh báo trong 3 tệp." in result.stdout
    assert f"{PLANS / 'minimal.yaml'}: hợp lệ." in result.stdout
