// Dictionary words of a sentence with their part of speech (jieba), for rules that must know where
// a word starts and whether it is a verb, a particle or a number. Dictionary-only segmentation
// (no HMM): an unknown name falls apart into single characters instead of being glued to the verb
// in front of it (新设蓉江新区 → 新/设/蓉/江/新区, not 新/设蓉江/新区).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// The same nodejieba instance as text.ts (require caches it): user words added there count here.
type Jieba = { cut(s: string, hmm?: boolean): string[]; tag(s: string): { word: string; tag: string }[] };
let jieba: Jieba | null = null;
const getJieba = (): Jieba => (jieba ??= require('nodejieba') as Jieba);

export interface TaggedWord { word: string; tag: string; start: number; end: number }

const tagCache = new Map<string, string>();
/** The dictionary tag of one word (n, v, p, uj, m, q…); 'm' for a run of digits, 'eng' for Latin. */
export function wordTag(word: string): string {
  if (/^[0-9.]+$/.test(word)) return 'm';
  if (/^[a-z]+$/i.test(word)) return 'eng';
  let t = tagCache.get(word);
  if (t === undefined) {
    const tags = getJieba().tag(word);
    t = tags.length === 1 ? tags[0].tag : 'x';
    if (tagCache.size > 50000) tagCache.clear();
    tagCache.set(word, t);
  }
  return t;
}

/** Words of `text` in order with offsets; a run of digits or Latin letters is one word (5511, 120g). */
export function taggedWords(text: string): TaggedWord[] {
  const out: TaggedWord[] = [];
  let at = 0;
  for (const w of getJieba().cut(text, false)) {
    const start = text.indexOf(w, at);
    if (start < 0) continue;
    at = start + w.length;
    const prev = out[out.length - 1];
    const alnum = /^[0-9a-z.]+$/i;
    if (prev && prev.end === start && alnum.test(w) && alnum.test(prev.word) && /\d/.test(w) === /\d/.test(prev.word[prev.word.length - 1])) {
      prev.word += w; prev.end = at; prev.tag = wordTag(prev.word);
      continue;
    }
    out.push({ word: w, tag: wordTag(w), start, end: at });
  }
  return out;
}
