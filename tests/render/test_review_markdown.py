"""The Markdown table shows the plan's row markers as written (review of wave 3).

Its cells are guarded against spreadsheet formulas, and the guard turned the TT column's lone
"-" and "+" into "'-" and "'+" on every indicator row; a lone sign computes nothing.
"""

from __future__ import annotations

from kehoach_cli.render.markdown import cell

from ..conftest import Cli


def test_row_markers_are_shown_as_written(cli: Cli) -> None:
    text = cli("report", "--period", "q3", "--format", "markdown").stdout
    grain = next(line for line in text.splitlines() if "Sản lượng lương thực cây có hạt" in line)
    assert grain.startswith("| - |")
    assert "| '-" not in text and "| '+" not in text
    assert cell("-") == "-" and cell("+") == "+"
    for hostile in ("-2", "+1", "=1", "@A1", "-+", "--"):
        assert cell(hostile).startswith("'")
