// Citation forms for a clause: 公文 style, a GB/T 7714 reference-list entry, and an inline
// reference naming the clause, with the drafting-practice first-mention form.
import type { Clause, PolicyDocument } from '../ingest/types.js';

export interface Citation {
  gongwen: string;
  gbt7714: string;
  inline: string;
  /** 《全称》（以下简称《简称》）…: how a draft names the document the first time. */
  firstMention: string;
}

/** A title inside 《》: nested title marks become 〈〉. */
export function titleMarks(title: string): string {
  const inner = title.replace(/[《<＜]/g, '〈').replace(/[》>＞]/g, '〉');
  return `《${inner}》`;
}

// The kind of document, from the end of its title: the short name drafting practice uses.
const KINDS = ['若干政策措施', '实施意见', '指导意见', '实施方案', '工作方案', '工作要点', '发展规划', '规划纲要', '管理办法', '实施细则', '政策措施', '意见', '方案', '规划', '办法', '要点', '通知', '决定', '纲要', '细则', '条例', '规定', '报告', '解读'];

export function shortTitle(title: string): string | null {
  const t = title.replace(/[《》〈〉<>]/g, '');
  for (const k of KINDS) if (t.endsWith(k) && t.length > k.length + 2) return k === '发展规划' ? '规划' : k;
  return null;
}

function clauseRef(label: string): string {
  const m = /^(\d+)[.、．]$/.exec(label);
  if (m) return `第${m[1]}项`; // numbered work-plan items are cited by number
  // 一、 names a part of the document: 第一部分; 一、（三） → 第一部分（三）.
  return label.replace(/^([一二三四五六七八九十]+)、/, '第$1部分');
}

export function citationFor(document: PolicyDocument, clause?: Clause | null, opts: { edition?: '2015' | '2025'; today?: string } = {}): Citation {
  const full = titleMarks(document.title);
  const gongwen = document.docNumber ? `${full}（${document.docNumber}）` : full;
  const short = shortTitle(document.title);
  const name = short ? `《${short}》` : full;
  const inline = clause ? `${name}${clauseRef(clause.label)}` : name;
  const firstMention = short ? `${full}（以下简称${name}）` : full;

  const web = document.url ?? (/^https?:\/\//.test(document.source) ? document.source : null);
  const author = document.issuer ? `${document.issuer}. ` : '';
  const title = document.title.replace(/^《(.*)》$/, '$1') + (document.docNumber ? `: ${document.docNumber}` : '');
  let gbt: string;
  if (web) {
    const accessed = document.accessed ?? opts.today ?? new Date().toISOString().slice(0, 10);
    gbt = `${author}${title}[A/OL]. ${document.date ? `(${document.date})` : ''}[${accessed}]. ${web}.`;
  } else {
    gbt = `${author}${title}[A]. ${document.year ?? document.date ?? ''}.`;
  }
  if (opts.edition === '2025') {
    // The 2025 edition lets Chinese-language entries use full-width Chinese punctuation.
    gbt = gbt.replace(/\. /g, '．').replace(/\.$/, '．').replace(/: /g, '：').replace(/\[/g, '［').replace(/\]/g, '］').replace(/\(/g, '（').replace(/\)/g, '）');
  }
  return { gongwen, gbt7714: gbt, inline, firstMention };
}
