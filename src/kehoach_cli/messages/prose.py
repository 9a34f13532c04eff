"""Messages of the report's prose and the year's commendations: key → (Vietnamese, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # The commendation rule (report/commendations.py), as the year's report states it.
    "prose.commendation.first": ("thứ nhất", "first"),
    "prose.commendation.rule_all": (
        "Đề nghị khen thưởng các đơn vị xếp hạng {top} trong bảng xếp hạng thi đua và có tất cả "
        "các chỉ tiêu được đánh giá đạt hoặc vượt kế hoạch; hình thức: {award}.",
        "Units ranked {top} in the emulation ranking whose every assessed indicator reached or "
        "exceeded its target are proposed for commendation: {award}.",
    ),
    "prose.commendation.rule_top": (
        "Đề nghị khen thưởng các đơn vị xếp hạng từ thứ nhất đến thứ {top} trong bảng xếp hạng "
        "thi đua; hình thức: {award}.",
        "Units ranked first to {top} in the emulation ranking are proposed for commendation: "
        "{award}.",
    ),
    # A figure in a sentence: "Năng suất lúa đạt 40,68 tạ/ha, bằng 102,13% kế hoạch năm, …".
    "prose.verb_final": ("đạt", "reached"),
    "prose.verb_estimate": ("ước đạt", "reached an estimated"),
    "prose.figure": ("{name} {verb} {value}", "{name} {verb} {value}"),
    "prose.harvested": (" trên {area} ha đã thu hoạch", " over the {area} ha harvested"),
    "prose.of_target": (", bằng {pct} kế hoạch năm", ", {pct} of the annual target"),
    "prose.of_which": ("; trong đó {parts}", "; of which {parts}"),
    "prose.standing.exceeded": ("vượt kế hoạch", "above the target"),
    "prose.standing.achieved": ("đạt kế hoạch", "the target reached"),
    "prose.standing.on_track": ("đúng tiến độ", "on track"),
    "prose.standing.behind": (
        "chậm tiến độ (tiến độ đề ra {expected})",
        "behind the expected {expected}",
    ),
    "prose.standing.not_yet_achieved": ("chưa đạt kế hoạch", "not yet at the target"),
    "prose.standing.not_achieved": ("không đạt kế hoạch", "the target not reached"),
    "prose.standing.lower_exceeded": ("hoàn thành vượt kế hoạch", "better than the target"),
    "prose.standing.lower_achieved": ("hoàn thành kế hoạch", "the target met"),
    "prose.standing.to_confirm": ("số liệu cần xác nhận", "a figure to confirm"),
    "prose.standing.year_end_only": ("đánh giá vào cuối năm", "assessed at the year's end"),
    "prose.up_on_last_year": ("tăng {amount} so với cùng kỳ", "up {amount} on a year earlier"),
    "prose.down_on_last_year": (
        "giảm {amount} so với cùng kỳ",
        "down {amount} on a year earlier",
    ),
    "prose.same_as_last_year": ("bằng cùng kỳ", "the same as a year earlier"),
    "prose.item_pct": ("{pct} kế hoạch", "{pct} of the target"),
    "prose.item_expected": ("tiến độ đề ra {expected}", "{expected} expected"),
    "prose.lower": (
        "{name} ở mức {value} (kế hoạch không quá {target})",
        "{name} stands at {value} (target at most {target})",
    ),
    "prose.lower_baseline": (
        ", {change} so với {baseline} ({source})",
        ", {change} on {baseline} ({source})",
    ),
    "prose.projection": (
        "{name} khoảng {value} (kế hoạch dự báo {target}).",
        "{name} about {value} (projected at {target} in the plan).",
    ),
    "prose.year_end_only": (
        "{name} {verb} {value}; chỉ tiêu được đánh giá vào cuối năm.",
        "{name} {verb} {value}; the indicator is assessed at the year's end.",
    ),
    # The rest of a group by status: with figures, or named.
    "prose.list.exceeded": ("Vượt kế hoạch: {items}.", "Above the target: {items}."),
    "prose.list.achieved": ("Đạt kế hoạch: {items}.", "Target reached: {items}."),
    "prose.list.behind": ("Chậm tiến độ: {items}.", "Behind schedule: {items}."),
    "prose.list.not_yet_achieved": (
        "Chưa đạt kế hoạch: {items}.",
        "Not yet at the target: {items}.",
    ),
    "prose.list.not_achieved": ("Không đạt kế hoạch: {items}.", "Target not reached: {items}."),
    "prose.list.on_track": ("Đúng tiến độ: {items}.", "On track: {items}."),
    "prose.list.not_harvested": ("Chưa thu hoạch: {items}.", "Not harvested yet: {items}."),
    "prose.list.to_confirm": ("Số liệu cần xác nhận: {items}.", "Figures to confirm: {items}."),
    "prose.list.no_data": ("Chưa có số liệu: {items}.", "No figure yet: {items}."),
    "prose.total_counts": (
        "Tổng hợp chung, trong {total} chỉ tiêu có {parts}.",
        "Overall, of the {total} indicators, {parts}.",
    ),
    "prose.target_flagged": (
        "Chỉ tiêu {name} có kế hoạch {target}, một tỷ lệ không thể vượt 100%: chưa đánh giá, "
        "không tính vào bình quân và xếp hạng cho đến khi kế hoạch được đính chính.",
        "The target of {name}, {target}, is a share above 100%: not assessed, left out of "
        "averages and of the ranking until the plan is corrected.",
    ),
    # The ranking as the council writes it.
    "prose.ordinals": (
        "thứ nhất|thứ hai|thứ ba|thứ tư|thứ năm|thứ sáu|thứ bảy|thứ tám|thứ chín|thứ mười",
        "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth",
    ),
    "prose.ordinal_n": ("thứ {n}", "{n}th"),
    "prose.ranking.lead": (
        "Kết quả xếp hạng thi đua các đơn vị: {places}.",
        "Emulation ranking of the units: {places}.",
    ),
    "prose.ranking.place": ("xếp {ordinal} là {units}", "{ordinal}, {units}"),
    "prose.ranking.place_shared": ("đồng xếp {ordinal} là {units}", "{ordinal} together, {units}"),
    "prose.ranking.result": (
        "{good}/{assessed} chỉ tiêu đạt yêu cầu, đạt {score} số điểm tối đa",
        "{good} of {assessed} indicators on target, {score} of the most points",
    ),
    "prose.ranking.at": ("xếp {ordinal}", "ranked {ordinal}"),
    "prose.ranking.from_to": (
        "xếp từ {first} đến {last} theo tỷ lệ hoàn thành bình quân",
        "ranked {first} to {last} by mean completion",
    ),
    "prose.ranking.none_good": (
        "{units} ({where}) chưa có chỉ tiêu đạt yêu cầu.",
        "{units} ({where}) have no indicator on target yet.",
    ),
    "prose.ranking.few": (
        "Mỗi đơn vị này mới có {n} chỉ tiêu được đánh giá trong kỳ.",
        "Indicators judged at this period: {n} each.",
    ),
    "prose.ranking.few_one": (
        "Đơn vị này mới có {n} chỉ tiêu được đánh giá trong kỳ.",
        "Indicators judged at this period: {n}.",
    ),
    "prose.ranking.see_appendix": (
        "Bảng xếp hạng thi đua và cách tính điểm tại Phụ lục kèm theo.",
        "The emulation table and how it scores are in the appendix.",
    ),
    "prose.ranking.see_appendix_year": (
        "Bảng xếp hạng thi đua, cách tính điểm và danh sách đề nghị khen thưởng tại Phụ lục kèm "
        "theo.",
        "The emulation table, how it scores and the proposals for commendation are in the "
        "appendix.",
    ),
    "prose.ranking.unranked": (
        "{units} chưa xếp hạng do chưa có chỉ tiêu được đánh giá trong kỳ.",
        "{units} are not ranked: none of their indicators is judged at this period.",
    ),
    "prose.ranking.default_name": (
        "xã chưa ban hành bảng điểm thi đua riêng nên áp dụng cách tính chung",
        "the commune has issued no scoring table of its own, so the common rule applies",
    ),
    # The year's commendation proposals.
    "prose.commendation.proposed": (
        "Đề nghị tặng {award} cho {units}.",
        "Proposed for {award}: {units}.",
    ),
    "prose.commendation.none": (
        "Năm nay chưa có đơn vị đủ điều kiện đề nghị khen thưởng theo kết quả thực hiện chỉ tiêu.",
        "No unit qualifies for a commendation proposal on this year's results.",
    ),
    "prose.commendation.title": ("Đề nghị khen thưởng", "Commendation proposals"),
    "prose.commendation.col.unit": ("Đơn vị", "Unit"),
    "prose.commendation.col.rank": ("Xếp hạng", "Rank"),
    "prose.commendation.col.result": ("Kết quả thực hiện chỉ tiêu", "Results"),
    "prose.commendation.col.award": ("Hình thức đề nghị", "Proposed award"),
    "prose.commendation.result": (
        "{reached}/{assessed} chỉ tiêu đạt, vượt kế hoạch",
        "{reached} of {assessed} indicators reached or exceeded",
    ),
    "prose.part.ranking_only": ("Kết quả xếp hạng thi đua", "Emulation ranking"),
    "prose.part.ranking": (
        "Kết quả xếp hạng thi đua và đề nghị khen thưởng",
        "Emulation ranking and commendations",
    ),
}
