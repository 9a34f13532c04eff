"""The hostile corpus: what each file must give, and a runner that bounds time and memory.

The files are written by scripts/make_hostile_corpus.py. ``GUARD`` is what the checks made
before parsing say of each file (safety/guards.py); ``CLI`` is what ``kehoach validate`` says
today, as (exit code, first problem code), ``None`` for a file read without errors.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import PLAN, ROOT, TESTDATA

HOSTILE = TESTDATA / "hostile"
KEHOACH = Path(sys.executable).parent / "kehoach"
MB = 1024 * 1024

# file → code of the first problem from the guard (None: the guard lets it through)
GUARD: dict[str, str | None] = {
    "yaml/binary_garbage.yaml": "not_text",
    "yaml/invalid_utf8.yaml": "not_text",
    "yaml/nul_inside.yaml": "not_text",
    "yaml/utf16_no_bom.yaml": "encoding_utf16_no_bom",
    "yaml/windows1258.yaml": "encoding_windows_1258",
    "yaml/utf16le_bom.yaml": None,
    "yaml/utf16be_bom.yaml": None,
    "yaml/utf8_bom.yaml": None,
    "yaml/nfd_text.yaml": None,
    "yaml/crlf.yaml": None,
    "csv/binary.csv": "not_text",
    "csv/bom.csv": None,
    "csv/no_bom.csv": None,
    "csv/semicolon.csv": None,
    "csv/quoted_newline.csv": None,
    "csv/ragged_rows.csv": None,
    "csv/utf16le_bom_tab.csv": None,
    "csv/formula_injection.csv": None,
    "csv/utf16_no_bom.csv": "encoding_utf16_no_bom",
    "csv/windows1258.csv": "encoding_windows_1258",
    "csv/zip_named_csv.csv": "workbook_not_text",
    "xlsx/zip_bomb.xlsx": "zip_ratio_too_high",
    "xlsx/entity_bomb.xlsx": "xml_doctype",
    "xlsx/external_entity.xlsx": "xml_doctype",
    "xlsx/lying_sizes.xlsx": "zip_damaged",
    "xlsx/not_a_zip.xlsx": "not_xlsx",
    "xlsx/empty_zip.xlsx": "not_xlsx",
    "xlsx/docx_renamed.xlsx": "not_xlsx",
    "xlsx/truncated.xlsx": "zip_truncated",
    "xlsx/old_binary.xls": "old_xls",
    "xlsx/old_binary_named.xlsx": "old_xls",
    "xlsx/encrypted.xlsx": "encrypted_workbook",
    "xlsx/macros.xlsm": "workbook_macros",
    "xlsx/external_links.xlsx": "external_links",
    "xlsx/hidden_second_table.xlsx": "hidden_sheets",
    "xlsx/far_value_cell.xlsx": "sheet_too_large",
    "xlsx/far_value_column.xlsx": "sheet_too_large",
    "xlsx/dimension_claims_all.xlsx": None,
    "xlsx/formatted_columns.xlsx": None,
    "xlsx/formatted_rows.xlsx": None,
    "xlsx/formula_no_cache.xlsx": None,
    "xlsx/date_for_number.xlsx": None,
    "xlsx/merged_value_column.xlsx": None,
}
WARNINGS = {"workbook_macros", "external_links", "hidden_sheets"}

# file → (exit code, first problem code) from ``kehoach validate`` as it is wired today
CLI: dict[str, tuple[int, str | None]] = {
    "yaml/syntax_error.yaml": (1, "yaml_syntax"),
    "yaml/unclosed_quote.yaml": (1, "yaml_syntax"),
    "yaml/two_documents.yaml": (1, "yaml_syntax"),
    "yaml/tab_indent.yaml": (1, "yaml_tab"),
    "yaml/duplicate_key.yaml": (1, "duplicate_key"),
    "yaml/billion_laughs.yaml": (1, "yaml_too_many_nodes"),
    "yaml/deep_flow_10000.yaml": (1, "yaml_too_deep"),
    "yaml/deep_block_10000.yaml": (1, "yaml_too_deep"),
    "yaml/deep_mapping_10000.yaml": (1, "yaml_too_deep"),
    "yaml/deep_block_100.yaml": (1, "yaml_too_deep"),
    "yaml/binary_garbage.yaml": (1, "not_text"),
    "yaml/invalid_utf8.yaml": (1, "not_text"),
    "yaml/nul_inside.yaml": (1, "not_text"),
    "yaml/utf16_no_bom.yaml": (1, "encoding_utf16_no_bom"),
    "yaml/windows1258.yaml": (1, "encoding_windows_1258"),
    "yaml/python_object.yaml": (1, "yaml_tag"),
    "yaml/python_name.yaml": (1, "yaml_tag"),
    "yaml/custom_tag.yaml": (1, "yaml_tag"),
    "yaml/merge_key.yaml": (1, "yaml_tag"),
    "yaml/complex_key.yaml": (1, "yaml_bad_key"),
    "yaml/empty.yaml": (1, "empty_file"),
    "yaml/only_comments.yaml": (1, "empty_file"),
    "yaml/utf16le_bom.yaml": (0, None),
    "yaml/utf16be_bom.yaml": (0, None),
    "yaml/utf8_bom.yaml": (0, None),
    "yaml/nfd_text.yaml": (0, None),
    "yaml/crlf.yaml": (0, None),
}


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str
    seconds: float
    peak_mb: float

    @property
    def problems(self) -> list[dict[str, object]]:
        found: list[dict[str, object]] = json.loads(self.stdout)["problems"]
        return found


# Runs kehoach as its own child so that RUSAGE_CHILDREN measures this one case only.
_RUNNER = """
import resource, subprocess, sys, time, json
limit = int(sys.argv[1])
def bound():
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
start = time.perf_counter()
done = subprocess.run(sys.argv[2:], capture_output=True, preexec_fn=bound)
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({"code": done.returncode, "out": done.stdout.decode("utf-8", "replace"),
                  "err": done.stderr.decode("utf-8", "replace"), "s": seconds, "mb": peak}))
"""


def run_kehoach(*args: str, memory_mb: int = 200, cwd: Path = ROOT) -> Run:
    """``kehoach args...`` in a subprocess whose address space is capped at ``memory_mb``."""
    if sys.platform == "win32":  # the runner caps memory with POSIX resource limits
        import pytest

        pytest.skip("POSIX only: resource limits")
    done = subprocess.run(
        [sys.executable, "-c", _RUNNER, str(memory_mb * MB), str(KEHOACH), *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=_env(),
        check=True,
    )
    data = json.loads(done.stdout)
    return Run(data["code"], data["out"], data["err"], data["s"], data["mb"])


def validate(file: Path, *extra: str, memory_mb: int = 200) -> Run:
    return run_kehoach(
        "validate", "--plan", str(PLAN), "--format", "json", *extra, str(file), memory_mb=memory_mb
    )


def _env() -> dict[str, str]:
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith("KEHOACH_")}
    env["NO_COLOR"] = "1"
    return env
