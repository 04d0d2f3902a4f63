// Any supported file → lines of text plus what the format itself says about the document.
// Markdown and HTML go through unified (remark-parse / rehype-parse → rehype-remark) to an mdast
// tree; the tree is flattened to lines so one set of Chinese-document rules applies to every format.
import path from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import { toString } from 'mdast-util-to-string';
import YAML from 'yaml';
import type { Root, RootContent } from 'mdast';
import type { Root as HastRoot, Element } from 'hast';
import { decode } from './encoding.js';

export interface ReadResult {
  lines: string[];
  encoding: string;
  format: 'txt' | 'md' | 'html';
  /** YAML front matter (md) or <meta> data (html). */
  meta: Record<string, unknown>;
  /** HTML breadcrumb text, when the page marks one up. */
  breadcrumb?: string;
}

export const SUPPORTED = new Set(['.txt', '.md', '.markdown', '.html', '.htm']);

/** mdast → lines: headings keep their # so later rules see them, tables become `a | b | c` rows. */
function mdastToLines(tree: Root, meta: Record<string, unknown>): string[] {
  const lines: string[] = [];
  const walk = (nodes: RootContent[]) => {
    for (const node of nodes) {
      switch (node.type) {
        case 'yaml':
          try { Object.assign(meta, YAML.parse(node.value) ?? {}); } catch { /* reported as warning by caller */ }
          break;
        case 'heading':
          lines.push('#'.repeat(node.depth) + ' ' + toString(node), '');
          break;
        case 'paragraph':
          lines.push(toString(node).replace(/\n+/g, '\n'), '');
          break;
        case 'list':
          node.children.forEach((item, i) => {
            const marker = node.ordered ? `${(node.start ?? 1) + i}. ` : '';
            lines.push(marker + item.children.map(c => toString(c)).join('\n'), '');
          });
          break;
        case 'table':
          for (const row of node.children) lines.push(row.children.map(c => toString(c)).join(' | ') + ' |');
          lines.push('');
          break;
        case 'blockquote':
          walk(node.children);
          break;
        case 'code':
          lines.push(node.value, '');
          break;
        default:
          if ('children' in node) walk(node.children as RootContent[]);
          else if ('value' in node && typeof node.value === 'string' && node.type !== 'html') lines.push(node.value);
      }
    }
  };
  walk(tree.children);
  return lines.join('\n').split('\n');
}

// Navigation and page furniture elements dropped before conversion.
const CHROME_TAGS = new Set(['script', 'style', 'nav', 'noscript', 'iframe', 'form', 'button', 'select', 'input', 'header', 'footer', 'aside', 'template', 'svg']);
const CHROME_CLASS = /(^|[\s_-])(nav|menu|breadcrumb|crumb|position|location|toolbar|share|footer|header|sidebar|skip|accessib|wza|counter|visit|search|topbar|banner)/i;

function className(el: Element): string {
  const c = el.properties?.className;
  return [Array.isArray(c) ? c.join(' ') : String(c ?? ''), String(el.properties?.id ?? '')].join(' ');
}

function textOf(el: Element): string {
  let s = '';
  const go = (n: Element | HastRoot | { type: string; value?: string; children?: unknown[] }) => {
    if ((n as { type: string }).type === 'text') s += (n as { value: string }).value;
    for (const c of ((n as { children?: unknown[] }).children ?? []) as Element[]) go(c);
  };
  go(el);
  return s.replace(/\s+/g, ' ').trim();
}

function stripHtmlChrome(tree: HastRoot, found: { breadcrumb?: string; meta: Record<string, unknown> }) {
  const visit = (parent: HastRoot | Element) => {
    parent.children = parent.children.filter(child => {
      if (child.type === 'comment') return false;
      if (child.type !== 'element') return true;
      const el = child as Element;
      if (el.tagName === 'meta') {
        const name = String(el.properties?.name ?? el.properties?.property ?? '');
        if (name) found.meta[name] = el.properties?.content;
        return false;
      }
      if (el.tagName === 'link' && String(el.properties?.rel ?? '').includes('canonical')) { found.meta.url = el.properties?.href; return false; }
      if (el.tagName === 'title') { found.meta.htmlTitle = textOf(el); return false; }
      const cls = className(el);
      if (/breadcrumb|crumb|position|location/i.test(cls) && !found.breadcrumb) found.breadcrumb = textOf(el);
      if (CHROME_TAGS.has(el.tagName) || CHROME_CLASS.test(cls)) return false;
      if (el.tagName === 'a' && /无障碍|跳转|skip/i.test(textOf(el))) return false;
      visit(el);
      return true;
    }) as typeof parent.children;
  };
  visit(tree);
}

export function readDocument(file: string, bytes: Uint8Array): ReadResult {
  const ext = path.extname(file).toLowerCase();
  const { text, encoding } = decode(bytes);
  const meta: Record<string, unknown> = {};
  if (ext === '.md' || ext === '.markdown') {
    const tree = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).parse(text) as Root;
    return { lines: mdastToLines(tree, meta), encoding, format: 'md', meta };
  }
  if (ext === '.html' || ext === '.htm') {
    const found: { breadcrumb?: string; meta: Record<string, unknown> } = { meta };
    const hast = unified().use(rehypeParse).parse(text) as HastRoot;
    stripHtmlChrome(hast, found);
    const mdast = unified().use(rehypeRemark).runSync(hast) as Root;
    return { lines: mdastToLines(mdast, meta), encoding, format: 'html', meta, breadcrumb: found.breadcrumb };
  }
  return { lines: text.split(/\r\n|\r|\n/), encoding, format: 'txt', meta };
}
