"""The officer's own words for a report: a small Markdown file read into two sections.

``data/notes/2024Q2.md`` (or ``report --notes FILE.md``) holds what no figure says::

    ## Đánh giá chung
    ### Kết quả nổi bật
    Sản xuất vụ Đông Xuân thắng lợi …
    ### Tồn tại, hạn chế
    - Tiến độ trồng rừng chậm do thời tiết.

    ## Phương hướng, nhiệm vụ kỳ tới
    - Chỉ đạo gieo trồng vụ Hè Thu đúng lịch thời vụ.

Only these two sections are used (``## Overall assessment`` / ``## Next period`` in English);
anything before the first of them is ignored. Inside a section a ``###`` line is a sub-heading,
a line starting with ``-`` or ``*`` a bullet, and other lines join into paragraphs. Markdown
libraries would give HTML; the report needs these few blocks as plain text for Word and the
page, so the reading is this short function rather than a dependency.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

ASSESSMENT_TITLES = ("danh gia chung", "overall assessment", "assessment")
NEXT_TITLES = ("phuong huong", "nhiem vu ky toi", "next period", "tasks for the next", "next")


@dataclass(frozen=True)
class NoteBlock:
    """A sub-heading (``kind="heading"``), a bullet or a paragraph of the officer's notes."""

    kind: str  # "heading" | "bullet" | "para"
    text: str

    def to_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "text": self.text}


@dataclass(frozen=True)
class OfficerNotes:
    """The two sections of the notes file; empty tuples where the file has no such section."""

    source: str
    assessment: tuple[NoteBlock, ...] = field(default=())
    next_tasks: tuple[NoteBlock, ...] = field(default=())

    def to_dict(self) -> dict[str, object]:
        return {
            "source": self.source,
            "assessment": [b.to_dict() for b in self.assessment],
            "next_tasks": [b.to_dict() for b in self.next_tasks],
        }


def _plain(text: str) -> str:
    """Lower case, no accents, đ as d: how a heading is recognised whatever its spelling."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower().strip()


def _section_of(heading: str) -> str | None:
    """ "assessment", "next" or None for a ``##`` heading's text.

    >>> _section_of("Đánh giá chung"), _section_of("Phương hướng, nhiệm vụ kỳ tới")
    ('assessment', 'next')
    >>> _section_of("Khác") is None
    True
    """
    plain = _plain(heading).lstrip("ivx0123456789. ")
    if plain.startswith(ASSESSMENT_TITLES):
        return "assessment"
    if plain.startswith(NEXT_TITLES):
        return "next"
    return None


def _clean(text: str) -> str:
    return " ".join(text.replace("**", "").replace("__", "").split())


def parse_notes(text: str, source: str = "") -> OfficerNotes:
    """The notes' two sections as blocks.

    >>> notes = parse_notes("## Đánh giá chung\\nMột\\nhai.\\n\\n- Ba\\n## Phương hướng\\n### Bốn")
    >>> [(b.kind, b.text) for b in notes.assessment]
    [('para', 'Một hai.'), ('bullet', 'Ba')]
    >>> [(b.kind, b.text) for b in notes.next_tasks]
    [('heading', 'Bốn')]
    """
    sections: dict[str, list[NoteBlock]] = {"assessment": [], "next": []}
    current: list[NoteBlock] | None = None
    paragraph: list[str] = []

    def flush() -> None:
        if current is not None and paragraph:
            current.append(NoteBlock("para", _clean(" ".join(paragraph))))
        paragraph.clear()

    for raw in unicodedata.normalize("NFC", text.lstrip("\ufeff")).splitlines():
        line = raw.strip()
        if line.startswith("## ") or line == "##":
            flush()
            name = _section_of(line[2:])
            current = sections[name] if name else None
        elif current is None:
            continue
        elif line.startswith("#"):
            flush()
            if _clean(line.lstrip("#")):
                current.append(NoteBlock("heading", _clean(line.lstrip("#"))))
        elif line.startswith(("- ", "* ", "+ ")):
            flush()
            current.append(NoteBlock("bullet", _clean(line[2:])))
        elif not line:
            flush()
        else:
            paragraph.append(line)
    flush()
    return OfficerNotes(source, tuple(sections["assessment"]), tuple(sections["next"]))


NOTES_LIMIT = 1024 * 1024  # a few pages of text; a larger file is not notes


def load_notes(path: Path) -> OfficerNotes:
    """Read the notes file (UTF-8, with or without BOM); ``InvalidData`` when it cannot be."""
    from ..errors import InvalidData
    from ..messages import t

    where = str(path)
    try:
        if path.stat().st_size > NOTES_LIMIT:
            raise InvalidData(t("docx.notes_unreadable", path=where, reason="> 1 MB"), file=where)
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidData(
            t("docx.notes_unreadable", path=where, reason="không phải UTF-8"), file=where
        ) from None
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise InvalidData(
            t("docx.notes_unreadable", path=where, reason=reason), file=where
        ) from None
    return parse_notes(text, source=where)
