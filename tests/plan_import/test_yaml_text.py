"""The hand-written YAML of plan new / plan import reads back, through kehoach's own reader, as
the data it was written from, whatever the text (comments included)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from kehoach_cli.plan.yaml_text import plan_text
from kehoach_cli.safety.limits import current_limits
from kehoach_cli.safety.yaml_io import read_yaml

TRICKY = [
    "Lưu: VT",
    "- Tiểu học",
    "+",
    '"',
    "# không phải ghi chú",
    "a #b",
    "yes",
    "null",
    "6.700",
    "39,83",
    "Trong đó:\n+ Lúa",
    "  khoảng trắng  ",
    "'nháy đơn'",
    "{x}",
    "[1, 2]",
    "%",
    "…",
    "",
]


def _read_back(tmp_path: Path, text: str) -> object:
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    doc = read_yaml(path, "plan.yaml", current_limits())
    assert doc.problems == []
    return doc.data


def test_tricky_texts_and_comments_read_back(tmp_path: Path) -> None:
    data = {
        "plan": {"names": TRICKY, "title": "Kế hoạch: năm 2025, #1"},
        "table": [{"name": name, "children": [{"name": name}]} for name in TRICKY],
    }
    comments = {("plan", "title"): "ĐOÁN: # và : trong ghi chú", ("table", 1): "dòng\n2"}
    back = _read_back(tmp_path, plan_text(data, comments, ["đầu tệp"]))
    assert back == data


def test_decimals_are_written_the_way_plans_read_them(tmp_path: Path) -> None:
    data = {"a": Decimal("59.00"), "b": Decimal("6700"), "c": Decimal("39.83"), "d": None}
    text = plan_text(data, {("a",): "ĐOÁN"})
    assert text == 'a: "59,00"  # ĐOÁN\nb: 6700\nc: "39,83"\nd: null\n'
    assert _read_back(tmp_path, text) == {"a": "59,00", "b": 6700, "c": "39,83", "d": None}


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(max_size=30), max_size=4), st.text(max_size=30))
def test_any_text_reads_back(tmp_path_factory, names: list[str], note: str) -> None:  # noqa: ANN001
    clean = [n for n in names if "\x00" not in n and n.isprintable()]
    data = {"names": clean, "rows": [{"name": n} for n in clean]}
    text = plan_text(data, {("names",): note})
    assert _read_back(tmp_path_factory.mktemp("y"), text) == data
