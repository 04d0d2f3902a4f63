// Heading and numbering markers of Chinese official documents, recognised one type at a time.
// Levels are not fixed here: segment.ts assigns them from the order in which types first appear.
import { normalize } from './text.js';

const CN = '[一二三四五六七八九十百千零〇两]';
const NUM = `(?:${CN}+|\\d{1,3})`;

export type MarkerType = 'bian' | 'part' | 'zhang' | 'jie' | 'tiao' | 'cn' | 'pcn' | 'arabic' | 'parabic' | 'circled' | 'zhuanlan' | 'fujian';

/** Chapter-like markers are headings whatever follows; list markers may carry body text. */
export const SECTION_TYPES = new Set<MarkerType>(['bian', 'part', 'zhang', 'jie', 'zhuanlan', 'fujian']);

// Order matters: more specific first. Matched against the normalized line (（→(, full-width digits → ASCII).
const RULES: { type: MarkerType; re: RegExp }[] = [
  { type: 'bian', re: new RegExp(`^第\\s*${NUM}\\s*[编編](?![^\\s\\p{Script=Han}])`, 'u') },
  { type: 'part', re: new RegExp(`^第\\s*${NUM}\\s*部分`, 'u') },
  { type: 'zhang', re: new RegExp(`^第\\s*${NUM}\\s*章(?!规定|的|、|和|至|第)`, 'u') },
  { type: 'jie', re: new RegExp(`^第\\s*${NUM}\\s*[节節](?!规定|的|、|和|至|第)`, 'u') },
  { type: 'tiao', re: new RegExp(`^第\\s*${NUM}\\s*[条條](?:之${CN}+)?(?=\\s|$|[^规的、和至第])`, 'u') },
  { type: 'zhuanlan', re: /^专栏\s*\d+/u },
  // An attachment starts with 附件 or 附件2 (a title may follow); 附件：1．… is the notice's list of
  // attachments, body text.
  { type: 'fujian', re: /^附件\s*(?:\d+\s*(?=[:：]|$|\s)|$)/u },
  { type: 'cn', re: new RegExp(`^${CN}{1,3}\\s*(?:、|[.．](?!\\d))`, 'u') },
  { type: 'pcn', re: new RegExp(`^\\(\\s*${CN}{1,3}\\s*\\)`, 'u') },
  // 2.完善… is a marker; 2.5亿元 and 11.5.14.2 are not.
  { type: 'arabic', re: /^\d{1,3}\s*(?:[、]|[.．](?![\d.．]))/u },
  { type: 'parabic', re: /^(?:\(\s*\d{1,3}\s*\)|\d{1,3}\))/u },
  { type: 'circled', re: /^[①-⑳]/u },
];

export interface Marker {
  type: MarkerType;
  /** The marker as printed (original script), trimmed: "第三章", "（一）", "28." */
  text: string;
  /** Length of the marker in the original line, including trailing spaces. */
  length: number;
}

export function matchMarker(line: string): Marker | null {
  // Markers sit at the start: normalize only the head (the line may be a whole paragraph).
  const n = normalize(line.slice(0, 24));
  for (const { type, re } of RULES) {
    const m = re.exec(n);
    if (!m) continue;
    let length = m[0].length;
    while (length < line.length && /\s/.test(line[length])) length++;
    return { type, text: line.slice(0, m[0].length).replace(/\s+/g, ''), length };
  }
  return null;
}

/** How a writer cites the marker: spaces removed, ASCII brackets of 一/1 items made full-width. */
export function citeForm(marker: Marker): string {
  let t = marker.text;
  if (marker.type === 'pcn' || marker.type === 'parabic') t = t.replace(/^\(/, '（').replace(/\)$/, '）');
  if (marker.type === 'arabic') t = t.replace(/[．]$/, '.');
  return t;
}
