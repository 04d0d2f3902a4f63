import { toSimplified } from './text.js';

// Bytes → text. Policy files arrive as UTF-8 (with or without BOM), UTF-16, GB18030/GBK or Big5;
// the encoding is detected, never assumed, and anything undecodable is a per-file error.

export class DecodeError extends Error {}

function strict(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

// Share of characters that are common CJK / ASCII: how plausible a decoding is.
function plausibility(text: string): number {
  let good = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80 || (c >= 0x3000 && c <= 0x303f) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xff00 && c <= 0xffef) || c === 0x201c || c === 0x201d) good++;
  }
  return good / Math.max(1, [...text].length);
}

// Characters that exist only in traditional script: a GBK decoding of Big5 bytes yields
// simplified-looking garbage, a Big5 decoding of GBK bytes yields rare characters.
const COMMON = /[的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质]/;

function hasBytes(bytes: Uint8Array, ...sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/** Decode a file's bytes; throws DecodeError with a reason a user can act on. */
export function decode(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes.length === 0) throw new DecodeError('empty file');
  if (hasBytes(bytes, 0xef, 0xbb, 0xbf)) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (hasBytes(bytes, 0xff, 0xfe)) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (hasBytes(bytes, 0xfe, 0xff)) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };

  // UTF-16 without BOM: every other byte zero in ASCII-heavy text.
  const sample = bytes.subarray(0, 4096);
  let zeroEven = 0, zeroOdd = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) (i % 2 ? zeroOdd++ : zeroEven++);
  if (zeroOdd > sample.length / 8 && zeroEven < sample.length / 64) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (zeroEven > sample.length / 8 && zeroOdd < sample.length / 64) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  if (zeroEven + zeroOdd > 0) throw new DecodeError('binary file (contains NUL bytes), not a text document');

  const utf8 = strict('utf-8', bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };

  const candidates = [
    { encoding: 'gb18030', text: strict('gb18030', bytes) },
    { encoding: 'big5', text: strict('big5', bytes) },
  ].filter((c): c is { encoding: string; text: string } => c.text !== null);
  if (!candidates.length) throw new DecodeError('undecodable: not UTF-8, UTF-16, GB18030/GBK or Big5');
  let best = candidates[0], bestScore = -1;
  for (const c of candidates) {
    // Compare in simplified script so a Big5 (traditional) reading is judged fairly.
    const chars = toSimplified([...c.text].slice(0, 4000).join(''));
    let common = 0;
    for (const ch of chars) if (COMMON.test(ch)) common++;
    const score = plausibility(chars) + common / Math.max(1, chars.length);
    if (score > bestScore) { best = c; bestScore = score; }
  }
  if (plausibility(best.text.slice(0, 4000)) < 0.6) throw new DecodeError(`undecodable: bytes do not read as Chinese text in any supported encoding (best guess ${best.encoding})`);
  return best;
}
