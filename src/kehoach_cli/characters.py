"""Characters a reader cannot see or cannot trust: invisible ones, and old Vietnamese fonts.

Text typed in the 1990s–2000s Vietnamese fonts (.VnTime in TCVN3, VNI-Times in VNI) is stored
as Latin-1 letters that only the font draws as Vietnamese: "Thùc hiÖn" (TCVN3) or "Thöïc hieän"
(VNI) for "Thực hiện". No maintained library on PyPI recognises these encodings, so the test is
hand-written: letters of Latin-1 that Vietnamese never uses, inside a word. TCVN3 is told from
VNI by its use of the punctuation block (U+00A1–U+00BF: "¸", "µ", "¶"…) as letters.
"""

from __future__ import annotations

import re
import unicodedata

# Invisible characters that break a code, a year or a number without showing on screen.
HIDDEN = {
    "\u00a0": "U+00A0",  # no-break space (Excel, Word, web pages)
    "\u00ad": "U+00AD",  # soft hyphen
    "\u2007": "U+2007",  # figure space
    "\u200b": "U+200B",  # zero-width space (pasted from web pages and chat apps)
    "\u200c": "U+200C",
    "\u200d": "U+200D",
    "\u200e": "U+200E",  # left-to-right mark
    "\u200f": "U+200F",
    "\u202a": "U+202A",
    "\u202b": "U+202B",
    "\u202c": "U+202C",
    "\u202d": "U+202D",
    "\u202e": "U+202E",
    "\u202f": "U+202F",  # narrow no-break space
    "\u2060": "U+2060",  # word joiner
    "\u2066": "U+2066",
    "\u2067": "U+2067",
    "\u2068": "U+2068",
    "\u2069": "U+2069",
    "\ufeff": "U+FEFF",  # a byte-order mark inside the text (a file saved twice with one)
}
_ZERO_WIDTH = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")

# Latin-1 letters Vietnamese never writes; VNI uses them for its tone marks and letters.
_FOREIGN_LETTERS = "ÄÅÆÇËÎÏÑÖØÛÜäåæçëîïñöøûü"
# TCVN3 puts ă â ê ô ơ ư đ and the tones of a in the punctuation block (not ° ² ³ º, which
# Vietnamese text writes), and lower-case letters on Latin-1's upper-case ones: "hiÖn" (not Þ,
# which Windows-1258 text read as Latin-1 shows for its combining tilde).
_TCVN3_SIGNS = "".join(chr(c) for c in (*range(0xA1, 0xAF), *range(0xB5, 0xBA), *range(0xBB, 0xBF)))
_TCVN3_WORD = re.compile(
    f"[A-Za-z][{re.escape(_TCVN3_SIGNS)}]|[{re.escape(_TCVN3_SIGNS)}][a-z]|[a-z][ÆÇËÐÑÖ×Øß]"
)
_VNI_WORD = re.compile(f"[A-Za-z][{_FOREIGN_LETTERS}]|(?:^|\\s)Ñ[a-zô]")


def hidden_in(text: str) -> list[str]:
    """The invisible characters in ``text``, named by code point, in order of appearance.

    >>> hidden_in("rice_output\\u200b"), hidden_in("2\\u00a0024"), hidden_in("120")
    (['U+200B'], ['U+00A0'], [])
    """
    names: list[str] = []
    for ch in text:
        name = HIDDEN.get(ch)
        if name and name not in names:
            names.append(name)
    return names


def without_zero_width(text: str) -> str:
    """``text`` without the characters that take no room (a BOM, a zero-width space).

    >>> without_zero_width("\\ufeffNăm"), without_zero_width("Mã\\u200b chỉ tiêu")
    ('Năm', 'Mã chỉ tiêu')
    """
    return _ZERO_WIDTH.sub("", text) if text and not text.isascii() else text


def legacy_signs(text: str) -> tuple[str | None, int]:
    """The old font encoding ``text`` seems to be in, and how many signs of it it shows.

    >>> legacy_signs("M· chØ tiªu"), legacy_signs("Näm"), legacy_signs("Năm")
    (('TCVN3', 3), ('VNI', 1), (None, 0))
    """
    if not text or text.isascii():
        return None, 0
    text = unicodedata.normalize("NFC", text)
    tcvn3 = len(_TCVN3_WORD.findall(text))
    if tcvn3:
        return "TCVN3", tcvn3
    vni = len(_VNI_WORD.findall(text))
    return ("VNI", vni) if vni else (None, 0)


def legacy_encoding(text: str) -> str | None:
    """ "TCVN3" or "VNI" when ``text`` is Vietnamese typed in an old font, else None.

    >>> legacy_encoding("Thùc hiÖn"), legacy_encoding("M· chØ tiªu"), legacy_encoding("N¨m")
    ('TCVN3', 'TCVN3', 'TCVN3')
    >>> legacy_encoding("Thöïc hieän"), legacy_encoding("Ñòa chính - Noâng nghieäp")
    ('VNI', 'VNI')
    >>> legacy_encoding("Thực hiện"), legacy_encoding("Hồ Văn Ba"), legacy_encoding("120 m²")
    (None, None, None)
    """
    return legacy_signs(text)[0]
