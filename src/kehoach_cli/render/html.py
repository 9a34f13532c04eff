"""The report as one self-contained HTML page: inline CSS, no script, no network, printable.

The same content as the indicator table (two-level header, sections and groups, Vietnamese
numbers), a bar for each completion coloured by status, the summary by group and the emulation
ranking. Printing gives A4 landscape pages with the table header repeated (``thead``). Every text
that comes from the plan or the results is escaped.
"""

from __future__ import annotations

from decimal import Decimal
from html import escape

from ..messages import t_in
from ..numbers import format_number
from ..periods import format_day
from ..report.model import Report
from .cells import ESTIMATE_MARK, expected, number, percent, ranking_rule, withheld_line
from .comparison import change_words, has_comparison, previous_text
from .letterhead import letterhead, signer_line
from .prose import period_in_sentence
from .terminal import counts_line, footnotes, row_name, unit_name
from .xlsx import STATUS_COLOURS, done_columns, done_values, place_date, title, window_line

CSS = """
@page { size: A4 landscape; margin: 15mm 15mm 15mm 20mm;
  @top-center { content: counter(page); font-family: "Times New Roman", serif; font-size: 11pt; } }
@page :first { @top-center { content: none; } }
* { box-sizing: border-box; }
body { font-family: "Times New Roman", Times, "Liberation Serif", serif; font-size: 12pt;
  color: #000; margin: 1.5em auto; max-width: 29cm; padding: 0 1em; }
table.heading { margin: 0; }
table.heading td { border: none; text-align: center; width: 50%; vertical-align: top; }
.heading p { margin: 0; }
.rule { display: inline-block; border-bottom: 1px solid #000; padding-bottom: 1px; }
h1, h2, th, td, p { font-family: "Times New Roman", Times, "Liberation Serif", serif; }
h1 { font-size: 14pt; text-align: center; margin: 1em 0 0.2em; }
h2 { font-size: 12pt; margin: 1.2em 0 0.4em; }
.sub { text-align: center; font-style: italic; margin: 0.1em 0; }
table { border-collapse: collapse; width: 100%; margin-top: 0.6em; }
th, td { border: 1px solid #000; padding: 2px 4px; vertical-align: middle; }
th { background: #d9e1f2; font-weight: bold; text-align: center; }
td.num { text-align: right; white-space: nowrap; }
td.c { text-align: center; white-space: nowrap; }
tr.heading-row td { font-weight: bold; background: #f2f2f2; }
.bar { display: inline-block; width: 60px; height: 0.7em; background: #eee;
  border: 1px solid #bbb; vertical-align: middle; margin-right: 4px; position: relative; }
.bar span { display: block; height: 100%; }
.status { white-space: nowrap; padding: 0 3px; }
.note { font-style: italic; font-size: 11pt; }
h3 { font-size: 12pt; font-style: italic; margin: 0.8em 0 0.3em; }
p.group { margin: 0.6em 0 0.2em; }
h3.section { font-style: normal; }
.dots { border-bottom: 1px dotted #000; height: 1.4em; margin: 0; }
.sign { margin: 1.5em 0 0 55%; text-align: center; }
.sign p { margin: 0; }
thead { display: table-header-group; }
.scroll { overflow-x: auto; max-width: 100%; }
table.wide { min-width: 52em; }
table.wide td:nth-child(2) { min-width: 12em; }
@media (max-width: 640px) {
  body { margin: 0.8em auto; padding: 0 0.4em; font-size: 11pt; }
  table.heading td { display: block; width: 100%; }
  h1 { font-size: 13pt; }
}
tr { page-break-inside: avoid; break-inside: avoid; }
@media print {
  body { margin: 0; padding: 0; max-width: none; font-size: 11pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .page-break { page-break-before: always; break-before: page; }
  .scroll { overflow: visible; }
}
"""


# The border and spacing attributes repeat the CSS for programs that read HTML without it
# (LibreOffice, which scripts/render_check.sh uses to print the page).
# Each table sits in a box that scrolls sideways on a narrow screen (a phone at 390 px), so the
# page itself never scrolls sideways and every column, the status included, stays reachable.
_TABLE = '<div class="scroll"><table border="1" cellspacing="0" cellpadding="3">'
_END = "</table></div>"


def _letterhead(report: Report, name: str) -> str:
    """A letterhead line as the .docx writes it: in English, "PEOPLE'S COMMITTEE OF …"."""
    return letterhead(report.lang, name)


def _signer(report: Report, line: str) -> str:
    """A signature line as the .docx writes it: in English, "ON BEHALF OF …", "CHAIR"."""
    return signer_line(report.lang, line)


def _e(text: str) -> str:
    return escape(text, quote=True)


def _num(text: str) -> str:
    return f'<td class="num" align="right">{_e(text)}</td>'


def _bar(report: Report, value: Decimal | None, status: str) -> str:
    """The completion as a bar (filled up to 100%) and the number beside it."""
    if value is None:
        return ""
    fill, colour = STATUS_COLOURS.get(status, ("EDEDED", "595959"))
    width = max(min(value, Decimal(100)), Decimal(0))
    # Only digits and a dot from a Decimal go into the style attribute.
    style = f"width:{format_number(width, 1, lang='en', grouping=False)}%;background:#{colour}"
    return f'<span class="bar"><span style="{style}"></span></span>{_e(percent(report, value))}'


def _status(report: Report, status: str, label: str) -> str:
    fill, colour = STATUS_COLOURS.get(status, ("EDEDED", "595959"))
    return f'<span class="status" style="background:#{fill};color:#{colour}">{_e(label)}</span>'


def _indicator_table(report: Report) -> list[str]:
    lang = report.lang
    done = done_columns(report)
    out = [_TABLE.replace("<table ", '<table class="wide" '), "<thead>", "<tr>"]
    for key in ("report.col.tt", "report.col.name", "report.col.unit"):
        out.append(f'<th rowspan="2">{_e(t_in(lang, key))}</th>')
    target = t_in(lang, "export.col.target", year=report.period.year)
    out.append(f'<th rowspan="2">{_e(target)}</th>')
    done_label = t_in(lang, "export.col.done", period=period_in_sentence(report))
    out.append(f'<th colspan="{len(done)}">{_e(done_label)}</th>')
    out.append(f'<th colspan="2">{_e(t_in(lang, "export.col.compare"))}</th>')
    compared = has_comparison(report)  # #16: last year's figure and the change, when known
    tail = ["export.col.remaining", "export.col.status", "export.col.responsible"]
    tail += ["report.col.previous_year", "report.col.change"] if compared else []
    for key in tail:
        out.append(f'<th rowspan="2">{_e(t_in(lang, key))}</th>')
    out += ["</tr>", "<tr>"]
    for label in done:
        out.append(f"<th>{_e(label)}</th>")
    out.append(f"<th>{_e(t_in(lang, 'export.col.vs_target'))}</th>")
    out.append(f"<th>{_e(t_in(lang, 'export.col.vs_expected'))}</th>")
    out += ["</tr>", "</thead>", "<tbody>"]
    columns = 4 + len(done) + 5 + (2 if compared else 0)
    by_code = report.by_code
    for row in report.rows:
        item = by_code.get(row.code) if row.code else None
        name = row_name(report, row.depth, row.name, row.breakdown_lead)
        indent = f' style="padding-left:{4 + 12 * row.depth}px"'
        if item is None:
            out.append(
                f'<tr class="heading-row"><td class="c" align="center">{_e(row.tt or "")}</td>'
                f'<td colspan="{columns - 1}"{indent}>{_e(name)}</td></tr>'
            )
            continue
        cells = [
            f'<td class="c" align="center">{_e(row.tt or "")}</td>',
            f"<td{indent}>{_e(name)}</td>",
            f'<td class="c" align="center">{_e(item.unit)}</td>',
            f'<td class="num" align="right">{_e(number(report, item.target, item.decimals))}</td>',
        ]
        values = done_values(report, item)
        for offset, value in enumerate(values):
            text = number(report, value, item.decimals)
            if offset == len(values) - 1 and text:  # the actual: "~" an estimate, "*" computed
                text = (ESTIMATE_MARK if item.estimate else "") + text
                text += "*" if item.derived else ""
            cells.append(f'<td class="num" align="right">{_e(text)}</td>')
        cells.append(
            f'<td class="num" align="right">{_bar(report, item.completion_pct, item.status)}</td>'
        )
        cells.append(
            f'<td class="num" align="right">{_e(expected(report, item.expected_pct))}</td>'
        )
        cells.append(_num(number(report, item.remaining, item.decimals)))
        cells.append(
            f'<td class="c" align="center">{_status(report, item.status, item.status_label)}</td>'
        )
        responsible = item.responsible_short_name or item.responsible_name
        cells.append(f"<td>{_e(responsible)}</td>")
        if compared:
            cells.append(_num(previous_text(report, item)))
            cells.append(_num(change_words(report, item)))
        out.append(f'<tr data-code="{_e(item.code)}">' + "".join(cells) + "</tr>")
    out += ["</tbody>", _END]
    return out


def _groups(report: Report) -> list[str]:
    if not report.groups:
        return []
    lang = report.lang
    out = [f"<h2>{_e(t_in(lang, 'export.groups.title'))}</h2>", _TABLE, "<thead><tr>"]
    labels = [t_in(lang, "report.groups.col.name"), t_in(lang, "report.groups.col.count")]
    statuses = report.statuses_present()
    labels += [t_in(lang, f"report.status.{s}") for s in statuses]
    labels.append(t_in(lang, "report.groups.col.mean"))
    out += [f"<th>{_e(label)}</th>" for label in labels]
    out.append("</tr></thead><tbody>")
    for group in report.groups:
        label = f"{group.tt}. {group.name}" if group.tt else group.name
        style = ' style="font-weight:bold"' if group.level == "section" else ""
        counts = dict(group.counts)
        cells = [
            f"<td{style}>{_e(label)}</td>",
            f'<td class="num" align="right">{len(group.indicators)}</td>',
        ]
        cells += [f'<td class="num" align="right">{counts.get(s, 0)}</td>' for s in statuses]
        mean = group.mean_completion_pct
        cells.append(
            f'<td class="num" align="right">{_bar(report, mean, "on_track") if mean else ""}</td>'
        )
        out.append("<tr>" + "".join(cells) + "</tr>")
    out += ["</tbody>", _END]
    return out


def _ranking(report: Report) -> list[str]:
    lang = report.lang
    out = [f"<h2>{_e(t_in(lang, 'report.units.title'))}</h2>"]
    if not report.units:
        return [*out, f"<p>{_e(t_in(lang, 'report.units.none'))}</p>"]
    if report.ranking_withheld:
        return [*out, f"<p>{_e(withheld_line(report))}</p>"]
    keys = ("rank", "unit", "assessed", "good", "share", "mean")
    out += [_TABLE, "<thead><tr>"]
    out += [f"<th>{_e(t_in(lang, f'report.units.col.{k}'))}</th>" for k in keys]
    out.append("</tr></thead><tbody>")
    for unit in report.units:
        rank = str(unit.rank) if unit.rank is not None else "-"
        cells = [
            f'<td class="c" align="center">{_e(rank)}</td>',
            f"<td>{_e(unit_name(report, unit))}</td>",
            f'<td class="num" align="right">{unit.assessed}</td>',
            f'<td class="num" align="right">{unit.good}</td>',
            f'<td class="num" align="right">{_e(percent(report, unit.score_pct))}</td>',
            _num(percent(report, unit.mean_completion_capped_pct)),
        ]
        out.append("<tr>" + "".join(cells) + "</tr>")
    out += ["</tbody>", _END, f'<p class="note">{_e(ranking_rule(report))}</p>']
    return out


def _results_prose(report: Report) -> list[str]:
    """Part I as the .docx says it: each section's counts, each group's notable figures, the
    ranking and, for the year, the proposals (render/prose.py)."""
    from .docx import results_blocks

    lang = report.lang
    out = [f"<h2>I. {_e(t_in(lang, 'docx.part.results'))}</h2>"]
    for block in results_blocks(report, appendix=False):
        if block.level == 2:
            out.append(f'<h3 class="section">{_e(block.text)}</h3>')
        elif block.level == 3:
            out.append(f'<p class="group"><b><i>{_e(block.text)}</i></b></p>')
        else:
            out.append(f"<p>{_e(block.text)}</p>")
    return out


def _commendations(report: Report) -> list[str]:
    """The year's proposals for commendation and the rule that made them."""
    if report.commendation_rule is None or report.ranking_withheld:
        return []  # withheld: the ranking's line says there is no proposal and why
    lang = report.lang
    out = [f"<h2>{_e(t_in(lang, 'prose.commendation.title').upper())}</h2>"]
    if report.commendations:
        keys = ("report.col.tt", *(f"prose.commendation.col.{k}" for k in ("unit", "rank")))
        keys += ("prose.commendation.col.result", "prose.commendation.col.award")
        out += [_TABLE, "<thead><tr>"]
        out += [f"<th>{_e(t_in(lang, key))}</th>" for key in keys]
        out.append("</tr></thead><tbody>")
        for index, item in enumerate(report.commendations, start=1):
            result = t_in(
                lang, "prose.commendation.result", reached=item.reached, assessed=item.assessed
            )
            out.append(
                f'<tr><td class="c" align="center">{index}</td><td>{_e(item.name)}</td>'
                f'<td class="c" align="center">{item.rank}</td><td>{_e(result)}</td>'
                f"<td>{_e(item.award)}</td></tr>"
            )
        out += ["</tbody>", _END]
    else:
        out.append(f"<p>{_e(t_in(lang, 'prose.commendation.none'))}</p>")
    out.append(f'<p class="note">{_e(report.commendation_rule)}</p>')
    return out


def _officer_notes(report: Report) -> list[str]:
    """The office's assessment and next tasks (``report --notes``), or their titled blanks."""
    from .docx import notes_blocks

    lang = report.lang
    out: list[str] = []
    for roman, which, key in (
        ("III", "assessment", "docx.part.assessment"),
        ("IV", "next", "docx.part.next"),
    ):
        out.append(f"<h2>{_e(roman)}. {_e(t_in(lang, key))}</h2>")
        for block in notes_blocks(report, which):
            if block.level == 3:
                out.append(f"<h3>{_e(block.text)}</h3>")
            elif block.level == "dots":
                out.append('<p class="dots"></p>')
            else:
                out.append(f"<p>{_e(block.text)}</p>")
    return out


def render(report: Report) -> str:
    """The page as text (``kehoach report --format html``)."""
    lang = report.lang
    plan = report.plan
    page_title = title(report)
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{_e(t_in(lang, "export.html.lang"))}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(page_title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        # A borderless two-column table rather than flexbox: LibreOffice and mail clients
        # that open the page lay tables out, not flex boxes.
        '<table class="heading"><tr>',
        f"<td><p>{_e(_letterhead(report, plan.parent_body))}</p>"
        f'<p><b class="rule">{_e(_letterhead(report, plan.issuer))}</b></p></td>',
        f"<td><p><b>{_e(t_in(lang, 'export.nation'))}</b></p>"
        f'<p><b class="rule">{_e(t_in(lang, "export.motto"))}</b></p></td>',
        "</tr></table>",
        f"<h1>{_e(page_title)}</h1>",
        f'<p class="sub">{_e(window_line(report))}</p>',
        f'<p class="sub">{_e(t_in(lang, "report.as_of", date=format_day(report.as_of, lang)))}</p>',
        *_results_prose(report),
        *_indicator_table(report),
        f"<p>{_e(counts_line(report))}</p>",
        *(f'<p class="note">{_e(note)}</p>' for note in footnotes(report)),
        *_groups(report),
        *_ranking(report),
        *_commendations(report),
        *_officer_notes(report),
        '<div class="sign">',
        f"<p><i>{_e(place_date(report))}</i></p>",
        f"<p><b>{_e(_signer(report, plan.signer_on_behalf))}</b></p>",
        f"<p><b>{_e(_signer(report, plan.signer_title))}</b></p>",
        "<p>&nbsp;</p><p>&nbsp;</p><p>&nbsp;</p>",
        f"<p><b>{_e(plan.signer_name)}</b></p>",
        "</div>",
        "</body>",
        "</html>",
    ]
    return "\n".join(out) + "\n"
