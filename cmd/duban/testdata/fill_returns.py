"""Fill three returned unit sheets as units would (used by TestImportEndToEnd).

usage: fill_returns.py RETURNS_DIR OUT_DIR UNIT_A UNIT_B UNIT_C

UNIT_A: first row 已完成 with a real date, second 滞后 with progress and
        problems, rows reversed (reordered), the last row deleted, and the
        third row (if any) with a done date that is no date.
UNIT_B: first row 按时推进, second row a status outside the list.
UNIT_C: every row 未启动 (then saved again through LibreOffice by the test).
Prints one line per row written: KEY<TAB>STATUS (what should be stored).
"""
import datetime
import sys

import openpyxl

src, out, a, b, c = sys.argv[1:6]


def rows(ws):
    head = None
    for r in range(1, ws.max_row + 1):
        vals = [ws.cell(r, k).value for k in range(1, ws.max_column + 1)]
        if head is None:
            if "完成状态" in vals:
                head = {v: i + 1 for i, v in enumerate(vals) if v}
            continue
        key = ws.cell(r, head["标识（勿改）"]).value
        if key:
            yield r, head, key


def fill_a():
    wb = openpyxl.load_workbook(f"{src}/{a}.xlsx")
    ws = wb["填报表"]
    rs = list(rows(ws))
    head = rs[0][1]
    # reverse the data rows (a unit sorting its sheet)
    width = ws.max_column
    data = [[ws.cell(r, k).value for k in range(1, width + 1)] for r, _, _ in rs]
    for (r, _, _), vals in zip(rs, reversed(data)):
        for k, v in enumerate(vals, 1):
            ws.cell(r, k).value = v
    rs = list(rows(ws))
    r0, _, k0 = rs[0]
    ws.cell(r0, head["完成状态"]).value = "已完成"
    ws.cell(r0, head["具体进展"]).value = "已按期完成，形成总结报告。"
    d = ws.cell(r0, head["完成日期"])
    d.value = datetime.datetime(2024, 9, 20)
    d.number_format = "yyyy/m/d"
    print(f"{k0}\t已完成")
    r1, _, k1 = rs[1]
    ws.cell(r1, head["完成状态"]).value = "滞后"
    ws.cell(r1, head["具体进展"]).value = "已完成前期调研。"
    ws.cell(r1, head["存在问题"]).value = "资金尚未到位。"
    print(f"{k1}\t滞后")
    if len(rs) > 3:
        r2, _, _ = rs[2]
        ws.cell(r2, head["完成状态"]).value = "按时推进"
        ws.cell(r2, head["完成日期"]).value = "明年上半年"
    ws.delete_rows(rs[-1][0])
    wb.save(f"{out}/{a}.xlsx")


def fill_b():
    wb = openpyxl.load_workbook(f"{src}/{b}.xlsx")
    ws = wb["填报表"]
    rs = list(rows(ws))
    head = rs[0][1]
    ws.cell(rs[0][0], head["完成状态"]).value = "按时推进"
    ws.cell(rs[0][0], head["下步打算"]).value = "四季度完成验收。"
    print(f"{rs[0][2]}\t按时推进")
    if len(rs) > 1:
        ws.cell(rs[1][0], head["完成状态"]).value = "基本完成"
    wb.save(f"{out}/{b}.xlsx")


def fill_c():
    wb = openpyxl.load_workbook(f"{src}/{c}.xlsx")
    ws = wb["填报表"]
    for r, head, key in rows(ws):
        ws.cell(r, head["完成状态"]).value = "未启动"
        print(f"{key}\t未启动")
    wb.save(f"{out}/{c}.xlsx")


fill_a()
fill_b()
fill_c()
