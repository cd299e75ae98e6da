#!/usr/bin/env python3
"""Lays out case notices (../cases/<name>.txt) as a clerk does in Word or WPS
and writes <name>.fodt; convert with
  soffice --headless --convert-to docx --outdir . *.fodt
  soffice --headless --convert-to pdf --outdir . *.fodt
then delete the .fodt files (see README.md).

Layout (GB/T 9704 as offices apply it): A4, margins 3.7/3.5/2.8/2.6 cm,
body 16pt 仿宋_GB2312 justified with a 2-character first-line indent and
28pt line pitch; the title centred, bold, 22pt 方正小标宋简体 (黑体 as
fallback); a red header line "…文件" centred; outline headings 一、 in 黑体;
signature and date right-aligned; numbering typed as text; tab-separated
lines become a real ruled table; "— N —" page numbers in the footer.
LibreOffice substitutes the fonts it lacks (WenQuanYi Micro Hei here).

Punctuation hangs into the right margin, as Word and WPS let it by default,
except in the notices of SIMPLE_WRAP: LibreOffice 7.4 leaves a hanging "。"
out of the PDF when an opening bracket follows it on the next line
("制度。⏎（负责部门" prints as "制度⏎（负责部门"), a loss no reader can
undo."""
import html, re, sys

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"')

HEAD = f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document {NS} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
<style:font-face style:name="FS" svg:font-family="仿宋_GB2312"/>
<style:font-face style:name="HT" svg:font-family="黑体"/>
<style:font-face style:name="XBS" svg:font-family="方正小标宋简体"/>
</office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:text-properties style:font-name="FS" fo:font-size="16pt" style:font-name-asian="FS" style:font-size-asian="16pt"/></style:default-style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="3.7cm" fo:margin-bottom="2.5cm" fo:margin-left="2.8cm" fo:margin-right="2.6cm"/><style:footer-style><style:header-footer-properties fo:min-height="1cm"/></style:footer-style></style:page-layout>
<style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:text-indent="32pt" fo:line-height="28pt"/></style:style>
<style:style style:name="Head" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:text-indent="32pt" fo:line-height="28pt"/><style:text-properties style:font-name="HT" style:font-name-asian="HT"/></style:style>
<style:style style:name="Salute" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:line-height="28pt"/></style:style>
<style:style style:name="Title" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:line-height="34pt" fo:margin-bottom="16pt"/><style:text-properties style:font-name="XBS" style:font-name-asian="XBS" fo:font-size="22pt" style:font-size-asian="22pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<style:style style:name="Red" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="20pt"/><style:text-properties fo:color="#e00000" fo:font-size="26pt" style:font-size-asian="26pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<style:style style:name="Center" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:line-height="28pt"/></style:style>
<style:style style:name="Right" style:family="paragraph"><style:paragraph-properties fo:text-align="end" fo:line-height="28pt" fo:margin-right="64pt"/></style:style>
<style:style style:name="Small" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="14pt" style:font-size-asian="14pt"/></style:style>
<style:style style:name="CellP" style:family="paragraph"><style:paragraph-properties fo:text-align="start" fo:line-height="18pt"/><style:text-properties fo:font-size="12pt" style:font-size-asian="12pt"/></style:style>
<style:style style:name="Tbl" style:family="table"><style:table-properties style:width="15.6cm" table:align="left" fo:margin-top="6pt"/></style:style>
<style:style style:name="W1" style:family="table-column"><style:table-column-properties style:column-width="1.3cm"/></style:style>
<style:style style:name="W2" style:family="table-column"><style:table-column-properties style:column-width="3cm"/></style:style>
<style:style style:name="W3" style:family="table-column"><style:table-column-properties style:column-width="5.3cm"/></style:style>
<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="0.1cm"/></style:style>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">
<style:footer><text:p text:style-name="Small">— <text:page-number text:select-page="current"/> —</text:p></style:footer>
</style:master-page></office:master-styles>
<office:body><office:text>
'''

SIMPLE_WRAP = {'inline-convention-intro'}

# notices whose task table is laid out with merged cells (see table())
MERGED = {'table-merged-cells'}

HEADING = re.compile(r'^[一二三四五六七八九十]+、')
DATE = re.compile(r'^(\d{4}年\d{1,2}月\d{1,2}日|二〇.*日)$')
SIGN = re.compile(r'(人民政府|办公室|委员会|局|厅)$')


def notice(path):
    lines, on = [], False
    for l in open(path, encoding='utf-8'):
        l = l.rstrip('\n')
        if l.startswith('=== '):
            on = l.strip() == '=== notice'
            continue
        if on:
            lines.append(l)
    return [l for l in lines if l.strip()]


def table(rows, e, merged=False):
    """A ruled table of rows; merged: the way a clerk builds a 任务分解表 in
    Word, with a narrow 序号 column, the header row repeated on each page
    and equal unit or deadline cells merged down consecutive rows."""
    n = max(len(r) for r in rows)
    rows = [r + [''] * (n - len(r)) for r in rows]
    x = '<table:table table:name="T" table:style-name="Tbl">'
    if not merged:
        x += f'<table:table-column table:number-columns-repeated="{n}"/>'
    else:
        for h in rows[0]:
            x += f'<table:table-column table:style-name="{"W1" if "序号" in h else "W3" if "任务" in h else "W2"}"/>'
    span = [[1] * n for _ in rows]  # rows spanned from here, 0 when covered
    if merged:
        for c, h in enumerate(rows[0]):
            if not any(w in h for w in ('牵头', '时限', '时间')):
                continue
            r = 1
            while r < len(rows):
                k = r + 1
                while k < len(rows) and rows[k][c] == rows[r][c]:
                    span[k][c] = 0
                    k += 1
                span[r][c] = k - r
                r = k
    def cell(c, s):
        if s == 0:
            return '<table:covered-table-cell/>'
        a = f' table:number-rows-spanned="{s}"' if s > 1 else ''
        return (f'<table:table-cell table:style-name="Cell"{a} office:value-type="string">'
                f'<text:p text:style-name="CellP">{e(c)}</text:p></table:table-cell>')
    for i, r in enumerate(rows):
        row = '<table:table-row>' + ''.join(cell(c, span[i][k]) for k, c in enumerate(r)) + '</table:table-row>'
        x += f'<table:table-header-rows>{row}</table:table-header-rows>' if merged and i == 0 else row
    return x + '</table:table>\n'


def layout(lines, merged=False):
    e = html.escape
    x, i, seen_title, body = HEAD, 0, False, False
    while i < len(lines):
        l = lines[i]
        if '\t' in l:
            rows = []
            while i < len(lines) and '\t' in lines[i]:
                rows.append(lines[i].split('\t'))
                i += 1
            x += table(rows, e, merged)
            continue
        s = l.strip()
        if not body and s.endswith('文件'):
            style = 'Red'
        elif not body and not seen_title and ('关于' in s or s.endswith('通知')):
            style = 'Title'
            # a title the notice wrapped goes on until its closing word
            while not re.search(r'(通知|意见|方案|措施|决定|要点)$', s) and i + 1 < len(lines) and not lines[i + 1].strip().endswith('：'):
                i += 1
                s += lines[i].strip()
            seen_title = True
        elif not body and re.search(r'〔\d{4}〕\d+号$|\[\d{4}\]\d+号$|\(\d{4}\)\d+号$', s):
            style = 'Center'
        elif s.endswith('：') and not body:
            style, body = 'Salute', True
        elif DATE.match(s) or (SIGN.search(s) and len(s) < 20 and not HEADING.match(s)):
            style = 'Right'
        elif HEADING.match(s) and len(s) < 30:
            style = 'Head'
        elif len(s) < 30 and not re.search(r'[。；）)]$', s) and i > 0 and ('计划' in s or '清单' in s or '方案' in s or '要点' in s) and not re.match(r'^([（(]|\d+[、.．)）]|[一二三四五六七八九十]+、)', s):
            style = 'Title'
        else:
            style = 'Body'
        x += f'<text:p text:style-name="{style}">{e(s)}</text:p>\n'
        i += 1
    return x + '</office:text></office:body></office:document>\n'


# Variants, named <case>.<variant>: "spaced" widens the characters of the
# body by 4pt (字符间距加宽), "grid" puts the body on a character grid
# wider than the glyphs (文档网格, about 15 characters a line), "ragged"
# aligns the body left without indent, with space after each paragraph,
# 1.5 line spacing and 2 cm margins (as informal office documents are).
VARIANTS = {
    'spaced': ('<style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:text-indent="32pt" fo:line-height="28pt"/>',
               '<style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:text-indent="32pt" fo:line-height="28pt"/><style:text-properties fo:letter-spacing="4pt"/>'),
    'ragged': [('<style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:text-indent="32pt" fo:line-height="28pt"/>',
                '<style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:text-align="start" fo:margin-bottom="8pt" fo:line-height="150%"/>'),
               ('<style:style style:name="Head" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:text-indent="32pt" fo:line-height="28pt"/>',
                '<style:style style:name="Head" style:family="paragraph"><style:paragraph-properties fo:text-align="start" fo:margin-bottom="8pt" fo:line-height="150%"/>'),
               ('fo:margin-left="2.8cm" fo:margin-right="2.6cm"', 'fo:margin-left="2cm" fo:margin-right="2cm"')],
    'grid': ('fo:margin-left="2.8cm" fo:margin-right="2.6cm"/>',
             'fo:margin-left="2.8cm" fo:margin-right="2.6cm" style:layout-grid-mode="both" style:layout-grid-lines="22" style:layout-grid-base-height="28pt" style:layout-grid-ruby-height="0pt" style:layout-grid-snap-to="true" style:layout-grid-display="false" style:layout-grid-print="false"/>'),
}

for arg in sys.argv[1:]:
    name, _, variant = arg.partition('.')
    x = layout(notice(f'../cases/{name}.txt'), name in MERGED)
    if variant:
        subs = VARIANTS[variant]
        for old, new in subs if isinstance(subs, list) else [subs]:
            x = x.replace(old, new, 1)
    if name in SIMPLE_WRAP:
        x = x.replace('<style:paragraph-properties fo:text-align="justify"',
                      '<style:paragraph-properties style:punctuation-wrap="simple" fo:text-align="justify"')
    open(arg + '.fodt', 'w', encoding='utf-8').write(x)
