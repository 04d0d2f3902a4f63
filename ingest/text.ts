// Text analysis shared by ingestion, the index and the query side: one normalization for
// matching, an offset map back to the original characters, and tokenization (jieba words
// plus character bigrams for recall when jieba does not know a name).
import { createRequire } from 'node:module';
import * as OpenCC from 'opencc-js';

const require = createRequire(import.meta.url);
// nodejieba is CommonJS with a native binding; load it lazily so modules that only
// normalize text do not pay for the dictionary.
type Jieba = { cutForSearch(s: string, hmm?: boolean): string[]; cut(s: string, hmm?: boolean): string[]; insertWord(w: string, tag?: string): boolean };
let jieba: Jieba | null = null;
function getJieba(): Jieba {
  if (!jieba) jieba = require('nodejieba') as Jieba;
  return jieba;
}

// `t` → `cn`, never `twp`: the Taiwan phrase table rewrites mainland terms (对口支援→对口支持).
const t2cn: (s: string) => string = OpenCC.Converter({ from: 't', to: 'cn' });

/** Traditional → simplified, guaranteed to keep the length so offsets stay valid. */
export function toSimplified(s: string): string {
  if (!s) return s;
  const whole = t2cn(s);
  if (whole.length === s.length) return whole;
  // A phrase rule changed the length somewhere: convert character by character instead.
  let out = '';
  for (const ch of s) {
    const c = t2cn(ch);
    out += c.length === ch.length ? c : ch;
  }
  return out;
}

/** Characters that look alike but differ in code point, folded one-for-one. */
function foldChar(code: number): number {
  // Kangxi radicals (⼀ U+2F00 …) → CJK unified ideographs. NFKC of this range only:
  // full NFKC would also rewrite punctuation.
  if (code >= 0x2f00 && code <= 0x2fd5) return String.fromCharCode(code).normalize('NFKC').charCodeAt(0);
  // Full-width ASCII forms (digits, letters, ％, （）：，…) → ASCII, so （责任单位： and
  // (責任單位: read the same to every rule.
  if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0;
  if (code === 0x3000) return 0x20; // ideographic space
  if (code >= 0x41 && code <= 0x5a) return code + 32; // lower-case Latin
  return code;
}

/**
 * Normalized form for matching. Same length as the input (one UTF-16 unit for one), so an
 * index into the result is an index into the original: highlights land on the right characters.
 */
export function normalize(s: string): string {
  return toSimplified(s.replace(FOLDABLE, ch => String.fromCharCode(foldChar(ch.charCodeAt(0)))));
}
/** The characters foldChar changes: only these are rewritten (most text has few or none). */
const FOLDABLE = /[\u2f00-\u2fd5\uff01-\uff5e\u3000A-Z]/g;

const IGNORABLE = /[\s\p{P}\p{S}]/u;

/** A folded string and, for each of its characters, the index of the original character. */
export interface Folded {
  text: string;
  /** map[i] = index in the original of text[i]; map[text.length] = original length. */
  map: number[];
}

/**
 * Normalize and drop whitespace and punctuation: what quotation matching compares, so
 * full/half-width punctuation, 「」/“”, spaces and line breaks never decide a match.
 * Keeps %, digits, letters and Han characters.
 */
export function fold(s: string): Folded {
  const n = normalize(s);
  let text = '';
  const map: number[] = [];
  for (let i = 0; i < n.length; i++) {
    const ch = n[i];
    if (ch === '%' || ch === '.' && /\d/.test(n[i - 1] ?? '') && /\d/.test(n[i + 1] ?? '')) { text += ch; map.push(i); continue; }
    if (IGNORABLE.test(ch)) continue;
    text += ch;
    map.push(i);
  }
  map.push(s.length);
  return { text, map };
}

/** Teach jieba names it does not know (瑞金机场, 省发展改革委, 5511): from the corpus tables. */
export function addUserWords(words: Iterable<string>): void {
  const j = getJieba();
  for (const w of words) {
    const n = normalize(w.trim());
    if (n.length >= 2) j.insertWord(n);
  }
}

const TOKEN_CHAR = /[\p{Script=Han}\p{L}\p{N}%]/u;

/** jieba search-mode words of already-normalized text, punctuation and spaces dropped. */
export function words(normalized: string): string[] {
  if (!normalized) return [];
  return getJieba().cutForSearch(normalized, true).filter(w => TOKEN_CHAR.test(w)).map(w => w.trim()).filter(Boolean);
}

const HAN = /\p{Script=Han}/u;

/**
 * Overlapping character bigrams of Han runs (a lone Han character stands alone) and whole
 * runs of digits/Latin letters: recall that does not depend on jieba's vocabulary.
 */
export function bigrams(normalized: string): string[] {
  const out: string[] = [];
  let run = '';
  let alnum = '';
  const flushRun = () => {
    if (run.length === 1) out.push(run);
    for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
    run = '';
  };
  const flushAlnum = () => { if (alnum) out.push(alnum); alnum = ''; };
  for (const ch of normalized) {
    if (HAN.test(ch)) { flushAlnum(); run += ch; }
    else if (/[\p{L}\p{N}]/u.test(ch)) { flushRun(); alnum += ch; }
    else { flushRun(); flushAlnum(); }
  }
  flushRun();
  flushAlnum();
  return out;
}
