#!/usr/bin/env python3
"""Writes the Flat ODT sources of the office-suite PDF fixtures and their
expected blocks; convert with
  soffice --headless --convert-to pdf --outdir . lo-*-ruled.fodt lo-*-plain.fodt
  soffice --headless --convert-to 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}' --outdir . lo-tagged-*.fodt
(LibreOffice 7.4, font WenQuanYi Micro Hei)."""
import html, json

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"')

TITLE = "清河市人民政府办公室关于印发2025年优化营商环境重点任务清单的通知"
PARAS = [
    "各县（区）人民政府，市各有关部门：",
    "《2025年优化营商环境重点任务清单》已经市政府同意，现印发给你们，请认真组织实施。各地各部门要对照“高效办成一件事”的要求，细化工作措施，压实工作责任，确保各项任务落地见效。",
    "一、推行“高效办成一件事”，年内新增重点事项10个，围绕企业和群众全生命周期，推动更多关联事项集成办理，实现一次告知、一表申请、一套材料、一次办结，与 Made in China 2025 行动同步推进。（责任单位：市政务办，完成时间：2025年12月底前）",
    "二、开展涉企收费专项检查，坚决纠治乱收费、乱罚款、乱摊派，建立健全涉企收费目录清单制度，对违规收费问题发现一起、查处一起、通报一起，切实减轻企业负担，营造公平竞争的市场环境。（责任单位：市市场监管局、市发改委、市财政局，完成时间：6月底前）",
    "三、建立企业诉求“直通车”机制，诉求办结率达到95%以上，完善企业诉求收集、交办、督办、反馈闭环工作机制，定期通报办理情况，推动解决企业反映的共性问题和突出问题。（责任单位：市工商联、市政务办、市司法局，完成时间：9月30日前）",
    "四、落实结构性减税降费政策，确保应享尽享，加强政策宣传辅导，推动政策直达快享，持续优化办税缴费服务，压缩办税时间，提高纳税人缴费人满意度。（责任单位：市税务局、市财政局，完成时间：持续推进）",
    "五、举办“政企面对面”活动，全年不少于4场，邀请企业家代表与有关部门负责同志面对面交流，现场解答企业关心关注的问题，对现场不能解决的问题建立台账、限时办结。（责任单位：市工信局、市商务局、各县（区）人民政府，完成时间：每季度）",
]
UNITS = ["市政务办", "市市场监管局", "市工商联", "市税务局", "市工信局", "市发改委", "市财政局"]
TASKS = ["推行“高效办成一件事”，年内新增重点事项10个，推动更多关联事项集成办理。",
         "开展涉企收费专项检查，坚决纠治乱收费、乱罚款、乱摊派。",
         "建立企业诉求“直通车”机制，诉求办结率达到95%以上。",
         "落实结构性减税降费政策，确保应享尽享，持续优化办税缴费服务。",
         "举办“政企面对面”活动，全年不少于4场，现场解答企业关心关注的问题。"]
DEADLINES = ["2025年12月底前", "6月底前", "9月30日前", "持续推进", "每季度"]
HEADER = ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"]
ROWS = [[str(i + 1), TASKS[i % 5], UNITS[i % 7], UNITS[(i + 3) % 7] + "、" + UNITS[(i + 5) % 7], DEADLINES[i % 5]]
        for i in range(16)]

def doc(name, body_style, footer, borders, landscape=False):
    cell = 'fo:border="0.5pt solid #000000"' if borders else 'fo:border="none"'
    size = ('fo:page-width="29.7cm" fo:page-height="21cm" style:print-orientation="landscape"' if landscape
            else 'fo:page-width="21cm" fo:page-height="29.7cm"')
    x = f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document {NS} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="WQY" svg:font-family="'WenQuanYi Micro Hei'"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:text-properties style:font-name="WQY" fo:font-size="16pt" style:font-name-asian="WQY" style:font-size-asian="16pt" style:font-name-complex="WQY"/></style:default-style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="pm1"><style:page-layout-properties {size} fo:margin-top="2.5cm" fo:margin-bottom="2cm" fo:margin-left="2.8cm" fo:margin-right="2.6cm"/><style:header-style><style:header-footer-properties fo:min-height="0.8cm"/></style:header-style><style:footer-style><style:header-footer-properties fo:min-height="0.8cm"/></style:footer-style></style:page-layout>
<style:style style:name="Body" style:family="paragraph"><style:paragraph-properties {body_style}/></style:style>
<style:style style:name="Salute" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:line-height="28pt"/></style:style>
<style:style style:name="Title" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:line-height="34pt" fo:margin-bottom="16pt"/><style:text-properties fo:font-size="22pt" style:font-size-asian="22pt"/></style:style>
<style:style style:name="Small" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="10pt" style:font-size-asian="10pt"/></style:style>
<style:style style:name="CellP" style:family="paragraph"><style:paragraph-properties fo:text-align="start" fo:line-height="18pt"/><style:text-properties fo:font-size="12pt" style:font-size-asian="12pt"/></style:style>
<style:style style:name="Tbl" style:family="table"><style:table-properties style:width="16cm" table:align="left" fo:margin-top="12pt"/></style:style>
<style:style style:name="C1" style:family="table-column"><style:table-column-properties style:column-width="1.4cm"/></style:style>
<style:style style:name="C2" style:family="table-column"><style:table-column-properties style:column-width="6.2cm"/></style:style>
<style:style style:name="C3" style:family="table-column"><style:table-column-properties style:column-width="2.6cm"/></style:style>
<style:style style:name="C4" style:family="table-column"><style:table-column-properties style:column-width="3.2cm"/></style:style>
<style:style style:name="C5" style:family="table-column"><style:table-column-properties style:column-width="2.6cm"/></style:style>
<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties {cell} fo:padding="0.1cm"/></style:style>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">
<style:header><text:p text:style-name="Small">清河市人民政府办公室</text:p></style:header>
<style:footer><text:p text:style-name="Small">{footer}</text:p></style:footer>
</style:master-page></office:master-styles>
<office:body><office:text>
'''
    e = html.escape
    x += f'<text:p text:style-name="Title">{e(TITLE)}</text:p>\n'
    x += f'<text:p text:style-name="Salute">{e(PARAS[0])}</text:p>\n'
    for p in PARAS[1:]:
        x += f'<text:p text:style-name="Body">{e(p)}</text:p>\n'
    x += '<table:table table:name="T1" table:style-name="Tbl">'
    for c in range(5):
        x += f'<table:table-column table:style-name="C{c+1}"/>'
    def row(cells):
        return '<table:table-row>' + ''.join(
            f'<table:table-cell table:style-name="Cell" office:value-type="string"><text:p text:style-name="CellP">{e(c)}</text:p></table:table-cell>'
            for c in cells) + '</table:table-row>'
    x += '<table:table-header-rows>' + row(HEADER) + '</table:table-header-rows>'
    for r in ROWS:
        x += row(r)
    x += '</table:table>\n'
    x += '<text:p text:style-name="Body">以上任务请于每季度末报送进展情况。</text:p>\n'
    x += '</office:text></office:body></office:document>\n'
    open(name + '.fodt', 'w').write(x)
    want = {"paragraphs": [TITLE] + PARAS + ["以上任务请于每季度末报送进展情况。"],
            "table": [HEADER] + ROWS}
    open(name + '.want.json', 'w').write(json.dumps(want, ensure_ascii=False, indent=1) + "\n")

PN = '<text:page-number text:select-page="current"/>'
PC = '<text:page-count/>'
# justified, first-line indent, exact line pitch, ruled table, "第 N 页 共 M 页"
doc("lo-indent-ruled", 'fo:text-align="justify" fo:text-indent="32pt" fo:line-height="28pt"',
    f'第 {PN} 页 共 {PC} 页', True)
# left aligned, no indent, space between paragraphs, "- N -"
doc("lo-spaced-ruled", 'fo:text-align="start" fo:margin-bottom="12pt" fo:line-height="26pt"',
    f'- {PN} -', True)
# justified with indent, borderless table, "— N —"
doc("lo-indent-plain", 'fo:text-align="justify" fo:text-indent="32pt" fo:line-height="28pt"',
    f'— {PN} —', False)
# landscape, tagged PDF (headers and footers marked as artifacts), "-N-"
doc("lo-tagged-landscape", 'fo:text-align="justify" fo:text-indent="32pt" fo:line-height="28pt"',
    f'-{PN}-', True, landscape=True)
