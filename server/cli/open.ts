// The CLIs open the same index the server uses (DATA_DIR, default ./data), ingesting CORPUS_DIR
// first when it is missing or stale — exactly like `npm start`.
import path from 'node:path';
import { prepare } from '../startup.js';

export async function openIndex() {
  return prepare({
    corpusDir: path.resolve(process.env.CORPUS_DIR ?? 'corpus'),
    dataDir: path.resolve(process.env.DATA_DIR ?? 'data'),
    engine: process.env.SEARCH_ENGINE ?? 'sqlite',
    meiliUrl: process.env.MEILI_URL,
    meiliKey: process.env.MEILI_API_KEY,
    log: m => process.stderr.write(m + '\n'),
  });
}

/** `--name value` pairs (repeatable) and the rest as positional words. */
export function parseArgs(argv: string[]): { words: string[]; opts: Record<string, string[]>; flags: Set<string> } {
  const words: string[] = [], opts: Record<string, string[]> = {}, flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') flags.add('json');
    else if (a.startsWith('--')) (opts[a.slice(2)] ??= []).push(argv[++i] ?? '');
    else words.push(a);
  }
  return { words, opts, flags };
}

export const plain = (html: string) => html.replace(/<mark>/g, '【').replace(/<\/mark>/g, '】').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
