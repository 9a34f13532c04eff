"""The letterhead's and the signature block's lines as documents write them: upper case in
Vietnamese; in English "PEOPLE'S COMMITTEE OF TRÀ BÙI COMMUNE", "ON BEHALF OF …". Shared by the
terminal, the .xlsx, the .docx and the .html so that one report names its issuer one way."""

from __future__ import annotations

from ..messages import t_in


def letterhead(lang: str, name: str) -> str:
    """A letterhead line: "ỦY BAN NHÂN DÂN XÃ TRÀ BÙI", or its English."""
    return english_letterhead(name) if lang == "en" else name.upper()


def signer_line(lang: str, line: str) -> str:
    """A signature block line: "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", or their English."""
    return english_signer(line) if lang == "en" else line.upper()


def english_letterhead(text: str) -> str:
    """ "ỦY BAN NHÂN DÂN HUYỆN TRÀ BỒNG" → "PEOPLE'S COMMITTEE OF TRÀ BỒNG DISTRICT"."""
    upper = text.upper().strip()
    prefix = "ỦY BAN NHÂN DÂN "
    if not upper.startswith(prefix):
        return upper
    rest = upper[len(prefix) :]
    for word, kind in (("HUYỆN ", "DISTRICT"), ("XÃ ", "COMMUNE"), ("TỈNH ", "PROVINCE")):
        if rest.startswith(word):
            rest = f"{rest[len(word) :]} {kind}"
            break
    return t_in("en", "docx.en.committee_of", place=rest)


def english_signer(text: str) -> str:
    key = {
        "TM. ỦY BAN NHÂN DÂN": "docx.en.on_behalf",
        "KT. CHỦ TỊCH": "docx.en.for_chair",
        "CHỦ TỊCH": "docx.en.chair",
        "PHÓ CHỦ TỊCH": "docx.en.vice_chair",
    }.get(" ".join(text.upper().split()))
    return t_in("en", key) if key else text.upper()
