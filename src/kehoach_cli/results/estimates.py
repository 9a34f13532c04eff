"""Estimate or final: the one rule intake (the journal) and the report share.

A unit reports a figure before the period has ended as an estimate ("ước thực hiện") and sends
the final figure ("số chính thức") later. A form says which for the whole file (the meta field
"Tình trạng số liệu"), and a row's "Ghi chú" may say it for one figure ("Ước đạt cả vụ",
"Số chính thức"). The note wins over the file; a file that says nothing holds final figures
unless a note says otherwise (docs/yearly-cycle.md argues it).

The words are matched on folded text (no case, no accents), word by word, by hand: they are a
handful of Vietnamese and English words, and no library knows them.
"""

from __future__ import annotations

import unicodedata

# What the form's field offers (its dropdown), in this order.
ESTIMATE_CHOICES = ("Ước thực hiện", "Chính thức")
ESTIMATE_LABEL = "Tình trạng số liệu"

_ESTIMATE_WORDS = frozenset({"uoc", "estimate", "estimated", "est", "estimates"})
_FINAL_WORDS = frozenset({"final", "official"})
_FINAL_PHRASES = ("chinh thuc",)
# "ước" inside words that are not estimates: "quy ước" (convention), "công ước", "hiệp ước",
# "giao ước", "cam ước", "ước mơ", "ước muốn", "mong ước".
_NOT_ESTIMATE_BEFORE = frozenset({"quy", "cong", "hiep", "giao", "cam", "mong"})
_NOT_ESTIMATE_AFTER = frozenset({"mo", "muon", "nguyen"})


def _words(text: str) -> tuple[str, list[str]]:
    """The text folded (lower case, no accents, đ → d) and its words."""
    folded = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    for mark in ",.:;()/-_":
        plain = plain.replace(mark, " ")
    return plain, plain.split()


def is_estimate(note: str | None) -> bool:
    """A note (or field) saying the figure is an estimate ("ước đạt", "ước thực hiện", "estimate").

    >>> is_estimate("Ước đạt cả vụ"), is_estimate("uoc tinh"), is_estimate("Thu hoạch xong")
    (True, True, False)
    >>> is_estimate("Số ước 6 tháng"), is_estimate(None)
    (True, False)
    >>> is_estimate("Tính theo quy ước của huyện"), is_estimate("Quy ước; ước đạt")
    (False, True)
    """
    if not note:
        return False
    words = _words(note)[1]
    for i, word in enumerate(words):
        if word not in _ESTIMATE_WORDS:
            continue
        before = words[i - 1] if i else ""
        after = words[i + 1] if i + 1 < len(words) else ""
        if word != "uoc" or (
            before not in _NOT_ESTIMATE_BEFORE and after not in _NOT_ESTIMATE_AFTER
        ):
            return True
    return False


def is_final(note: str | None) -> bool:
    """A note (or field) saying the figure is final ("Chính thức", "số chính thức", "final").

    >>> is_final("Số liệu chính thức"), is_final("Chinh thuc"), is_final("Đã xác nhận")
    (True, True, False)
    """
    if not note:
        return False
    plain, words = _words(note)
    joined = " ".join(words)
    return bool(set(words) & _FINAL_WORDS) or any(p in joined for p in _FINAL_PHRASES)


def read_estimate_field(text: str) -> bool | None:
    """The form's "Tình trạng số liệu" as True (estimate) or False (final); None: neither.

    >>> read_estimate_field("Ước thực hiện"), read_estimate_field("Chính thức")
    (True, False)
    >>> read_estimate_field("estimate"), read_estimate_field("Lũy kế") is None
    (True, True)
    """
    if is_estimate(text):
        return True
    if is_final(text):
        return False
    return None


def figure_is_estimate(file_estimate: bool | None, note: str | None) -> bool:
    """Whether one figure is an estimate: its note decides when it says so, else its file's
    field; a file that says nothing (None) holds final figures.

    >>> figure_is_estimate(None, "Ước đạt cả vụ"), figure_is_estimate(True, "Số chính thức")
    (True, False)
    >>> figure_is_estimate(True, None), figure_is_estimate(None, None)
    (True, False)
    """
    if is_estimate(note):
        return True
    if is_final(note):
        return False
    return bool(file_estimate)
