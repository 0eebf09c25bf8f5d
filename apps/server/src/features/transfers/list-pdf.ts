/**
 * The printable 提前到中职学校学习学生汇总名单 (R13, R14), a pure renderer of the list's detail:
 * the campaign, the junior high (初中学校), the vocational school (中职学校) and the count; the
 * students (序号, 姓名, 性别, 中考报名号, 班级, 专业, 校区) over as many pages as it takes with the
 * header row repeated; then the seal boxes of both schools (R13: the list is sealed by both; R14:
 * the vocational school's seal accepts the students) and the district bureau's filing box with the
 * filing number, its date and the bureau's seal mark when it sealed. A withdrawn list carries a
 * red banner. The QR carries the verification page of the list's signed code (kind transfer-list).
 */
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { transferListStatusLabels, transferStatusLabels } from '@zhizhao/domain';
import type { SealView, TransferListDetail } from '@zhizhao/contracts';
import { FONT_FAMILY, renderPdf } from '../../files/pdf';
import { sealSvg } from '../visits/seal';
import { banner, genderZh, localDate, pdfStyles, pickSeal, RED, sealBox, verifyBlock, zhDate } from './form-pdf';

export const LIST_TITLE = '提前到中职学校学习学生汇总名单';

/** The district bureau's box: the filing number and date, with its seal mark when it sealed the filing. */
function districtBox(list: TransferListDetail, seal: SealView | null): TableCell {
  const head: Content = { text: '区教育局备案', bold: true, margin: [0, 0, 0, 2] };
  if (!list.filingNumber) {
    const empty = list.status === 'withdrawn' ? '未备案' : '待备案';
    const note = list.status === 'sealed' ? '双方学校已盖章，待区教育局备案' : list.status === 'open' ? '双方学校盖章后报区教育局备案' : '名单已撤回';
    return { stack: [head, { text: empty, alignment: 'center', fontSize: 16, bold: true, color: empty === '待备案' ? '#9e9e9e' : RED, margin: [0, 28, 0, 4] }, { text: note, alignment: 'center', style: 'small' }] };
  }
  const filed: Content[] = [
    { text: `备案号：${list.filingNumber}`, bold: true, alignment: 'center', margin: [0, 2, 0, 0] },
    { text: `备案日期：${list.filedOn ? zhDate(list.filedOn) : '—'}`, alignment: 'center' },
  ];
  if (seal?.valid) {
    return {
      stack: [
        head,
        { svg: sealSvg(seal.organizationName, FONT_FAMILY), width: 84, height: 84, alignment: 'center' },
        { text: seal.organizationName, alignment: 'center', bold: true, margin: [0, -40, 0, 16] },
        ...filed,
      ],
    };
  }
  return { stack: [head, { text: '已备案', alignment: 'center', fontSize: 16, bold: true, color: RED, margin: [0, 20, 0, 4] }, ...filed] };
}

const th = (text: string): TableCell => ({ text, bold: true, fillColor: '#e8e8e8', alignment: 'center' });

/** The students' table; its header row repeats on every page. */
function studentTable(list: TransferListDetail): Content {
  const rows: TableCell[][] = list.items.map((it, i) => {
    const gone = it.status === 'refused' || it.status === 'withdrawn' || it.status === 'returned';
    return [
      { text: String(i + 1), alignment: 'center' },
      gone ? { text: [it.studentName, { text: `（${transferStatusLabels[it.status].zh}）`, color: RED, fontSize: 8 }] } : { text: it.studentName },
      { text: genderZh[it.gender], alignment: 'center' },
      { text: it.examNo },
      { text: it.className || '—' },
      { text: it.majorName },
      { text: it.campusName },
    ];
  });
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: [28, 62, 28, 86, 56, '*', 82],
      body: [['序号', '姓名', '性别', '中考报名号', '班级', '专业', '校区'].map(th), ...(rows.length ? rows : [[{ text: '（名单中没有学生）', colSpan: 7, alignment: 'center' }, {}, {}, {}, {}, {}, {}] as TableCell[]])],
    },
    layout: { hLineColor: () => '#888888', vLineColor: () => '#888888', paddingTop: () => 1, paddingBottom: () => 1 },
    fontSize: 9.5,
    lineHeight: 1.1,
    margin: [0, 6, 0, 10],
  };
}

export async function renderTransferListPdf(input: { list: TransferListDetail; campaignName: string; verifyUrl: string | null; timeZone: string }): Promise<{ pdf: Buffer; filename: string }> {
  const { list, campaignName, verifyUrl, timeZone } = input;
  const withdrawn = list.status === 'withdrawn';
  const empty = withdrawn ? '未盖章' : '待盖章';
  const kv = (k: string, v: string): TableCell[] => [{ text: k, style: 'label' }, { text: v }];
  const content: Content[] = [
    ...(withdrawn ? [banner(['已撤回', ...(list.reason ? [`理由：${list.reason}`] : []), '本汇总名单已作废，名单上的学生须重新列入新的汇总名单。'])] : []),
    { text: LIST_TITLE, style: 'title' },
    { text: campaignName, style: 'subtitle' },
    {
      table: {
        widths: [60, '*', 60, '*'],
        body: [
          [...kv('初中学校', list.juniorHighName), ...kv('中职学校', list.schoolName)],
          [...kv('学生人数', `${list.count} 人`), ...kv('名单状态', transferListStatusLabels[list.status].zh)],
          [...kv('名单编号', String(list.id)), ...kv('生成日期', zhDate(localDate(list.createdAt, timeZone)))],
        ],
      },
      layout: { hLineColor: () => '#888888', vLineColor: () => '#888888' },
    },
    studentTable(list),
    {
      // The seals, the note and the QR stay together on the last page.
      unbreakable: true,
      stack: [
        {
          table: {
            widths: ['*', '*', '*'],
            body: [[
              sealBox({ heading: '初中学校（盖章）', orgName: list.juniorHighName, seal: pickSeal(list.seals, 'source'), timeZone, empty, size: 84 }),
              sealBox({ heading: '中职学校（盖章）', orgName: list.schoolName, seal: pickSeal(list.seals, 'school'), timeZone, empty, size: 84 }),
              districtBox(list, pickSeal(list.seals, 'district')),
            ]],
          },
          layout: { hLineColor: () => '#444444', vLineColor: () => '#444444', paddingTop: () => 4, paddingBottom: () => 6 },
        },
        { text: '中职学校在汇总名单上盖章，即接收名单上的学生，并须安排课程、师资和资源，使其学好初中学业水平考试科目（R14）。', style: 'small', margin: [0, 4, 0, 0] },
        await verifyBlock(verifyUrl, list.code, '本名单'),
      ],
    },
  ];
  const doc: TDocumentDefinitions = {
    info: { title: `${LIST_TITLE} ${list.juniorHighName}—${list.schoolName}`, subject: campaignName },
    pageSize: 'A4',
    pageMargins: [40, 48, 40, 44],
    content,
    ...(withdrawn ? { watermark: { text: '已撤回', color: RED, opacity: 0.08, bold: true } } : {}),
    header: (page) => (page > 1 ? { text: `${LIST_TITLE} · ${list.juniorHighName} → ${list.schoolName}`, style: 'footer', margin: [40, 22, 40, 0] } : null),
    footer: (page, pages) => ({ text: `${LIST_TITLE} · ${list.filingNumber ?? `名单 ${list.id}`} · 第 ${page} / ${pages} 页`, style: 'footer', margin: [40, 16, 40, 0] }),
    defaultStyle: { fontSize: 10, lineHeight: 1.2 },
    styles: pdfStyles,
  };
  return { pdf: await renderPdf(doc), filename: `${LIST_TITLE}-${list.juniorHighName}-${list.schoolName}.pdf` };
}
