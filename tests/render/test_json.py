"""The JSON report written in pieces: the same bytes as one ``json.dumps``, never half a file."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from kehoach_cli.errors import OutputError
from kehoach_cli.render import get_chunk_renderer
from kehoach_cli.render import json as json_renderer
from kehoach_cli.safety.output import write_atomic

from ..conftest import Cli
from .test_report_renderers import q2_report


def _compact(report_dict: object) -> str:
    return json.dumps(report_dict, ensure_ascii=False, separators=(",", ":")) + "\n"


def test_a_small_report_is_one_indented_piece() -> None:
    report = q2_report()
    pieces = list(json_renderer.render_chunks(report))
    assert len(pieces) == 1
    assert pieces[0] == json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
    assert pieces[0].startswith('{\n  "plan"')


@pytest.mark.parametrize("chunk_items", [1, 2, 7, 500])
def test_a_big_report_streams_the_same_bytes_as_one_dump(
    monkeypatch: pytest.MonkeyPatch, chunk_items: int
) -> None:
    monkeypatch.setattr(json_renderer, "INDENT_UP_TO", 3)  # the shipped plan counts as "big"
    monkeypatch.setattr(json_renderer, "CHUNK_ITEMS", chunk_items)
    report = q2_report(by="quarter")
    pieces = list(get_chunk_renderer("json")(report))
    indicators = len(report.indicators)
    # the small fields, then the indicators and the rows a batch at a time
    assert len(pieces) > (indicators + chunk_items - 1) // chunk_items
    text = "".join(pieces)
    assert text == _compact(report.to_dict())
    assert text == json_renderer.render(report)
    assert json.loads(text)["indicators"][0]["code"] == report.indicators[0].code


def test_cli_writes_a_big_report_in_pieces(
    cli: Cli, workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(json_renderer, "INDENT_UP_TO", 3)
    monkeypatch.setattr(json_renderer, "CHUNK_ITEMS", 4)
    out = workdir / "q2.json"
    run = cli("report", "--period", "q2", "--format", "json", "--output", str(out), "--quiet")
    assert run.exit_code == 0, run.stderr
    on_screen = cli("report", "--period", "q2", "--format", "json")
    assert on_screen.exit_code == 0
    written = out.read_text(encoding="utf-8")
    assert written == on_screen.stdout
    assert "\n" not in written.rstrip("\n")  # compact: one line
    data = json.loads(written)
    assert data["period"]["id"] == "2024Q2"
    assert len(data["indicators"]) == 32


def test_a_renderer_failing_midway_leaves_the_previous_output(tmp_path: Path) -> None:
    target = tmp_path / "2024Q2-tong-hop.json"
    write_atomic(target, '{"cũ": true}\n')

    def pieces() -> Iterator[str]:
        yield '{"mới": '
        raise OSError(28, "No space left on device")

    with pytest.raises(OutputError):
        write_atomic(target, pieces())
    assert target.read_text(encoding="utf-8") == '{"cũ": true}\n'
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_pieces_of_text_and_bytes_are_written_in_order(tmp_path: Path) -> None:
    target = tmp_path / "x.txt"
    write_atomic(target, iter(["xin ", b"ch\xc3\xa0o", "\n"]))
    assert target.read_text(encoding="utf-8") == "xin chào\n"
