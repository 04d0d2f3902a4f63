// The clause segmenter: blocks → an mdast tree whose headings get their depth from the order in
// which marker types first appear (a unified plugin), then a walk that emits one clause per
// numbered item, paragraph or table row, each with its heading path and citable label.
import { unified } from 'unified';
import type { Root, Heading, Paragraph } from 'mdast';
import type { Block } from './clean.js';
import { isPlainHeading } from './clean.js';
import { citeForm, matchMarker, SECTION_TYPES, type Marker } from './markers.js';

export interface ClauseDraft {
  path: string[];
  label: string;
  text: string;
  /** Cells of a table row under a column heading that names units (责任单位, 牵头单位…). */
  unitCells?: { text: string; header: string }[];
}

interface NodeData {
  marker?: Marker;
  /** Marker type, 'md<n>' for an unnumbered markdown heading, or 'plain' for a short title line. */
  kind?: string;
  /** Extra path element for a table row (its spanning category cell). */
  category?: string;
  /** A numbered clause's depth as the parent of the items that follow it. */
  parentDepth?: number;
  /** A table row's cells with their column headings. */
  cells?: { text: string; header: string }[];
}

/** What follows a list marker is a title (not body text) when it is short and has no sentence end. */
function isMarkerTitle(rest: string): boolean {
  const t = rest.trim();
  return !t || (t.length <= 50 && !/[。；;！？!?]/.test(t) && !/[:：，,、]$/.test(t));
}

const text = (value: string) => ({ type: 'text' as const, value });

/** Blocks → a flat mdast root: every block a paragraph (tables: a caption heading and row paragraphs). */
export function blocksToTree(blocks: Block[]): Root {
  const root: Root = { type: 'root', children: [] };
  for (const b of blocks) {
    if (b.kind === 'table') {
      if (b.caption) root.children.push({ type: 'heading', depth: 6, children: [text(b.caption)], data: { kind: 'plain' } as NodeData } as Heading);
      for (const row of b.rows) {
        // A full row's first cell names its category (指标), unless it is only a 序号.
        const category = row.category ?? (row.cells.length >= b.header.length && b.header.length && !/^\d+$/.test(row.cells[0]) ? row.cells[0] : undefined);
        const cells = row.cells.length === b.header.length ? row.cells.map((c, k) => ({ text: c, header: b.header[k] })) : undefined;
        root.children.push({ type: 'paragraph', children: [text(row.cells.join(' | '))], data: { kind: 'row', category, cells } as NodeData } as Paragraph);
      }
      continue;
    }
    const data: NodeData = { marker: matchMarker(b.text) ?? undefined };
    if (b.md && !data.marker) data.kind = `md${b.md}`;
    root.children.push({ type: 'paragraph', children: [text(b.text)], data } as Paragraph);
  }
  return root;
}

/**
 * remark-style plugin: paragraphs that are headings become heading nodes. A chapter-like marker
 * (第X章, 专栏N…) is always a heading; a list marker (一、 （一） 1.) is a heading only when what
 * follows it is a short title, otherwise the paragraph is a numbered clause. Depth comes from a
 * stack: a marker type keeps the level at which it first appeared; a higher one resets lower ones.
 */
export function remarkPolicyHeadings() {
  return (tree: Root) => {
    const levelOf = new Map<string, number>();
    const stack: string[] = [];
    tree.children = tree.children.map(node => {
      if (node.type === 'heading') return node; // table captions: transient, depth 6
      if (node.type !== 'paragraph') return node;
      const data = (node.data ?? {}) as NodeData;
      const value = (node.children[0] as { value: string }).value;
      const m = data.marker;
      let kind: string | undefined;
      if (m && (SECTION_TYPES.has(m.type) || isMarkerTitle(value.slice(m.length)))) kind = m.type;
      else if (!m && data.kind?.startsWith('md')) kind = data.kind;
      else if (!m && data.kind !== 'row' && isPlainHeading(value)) kind = 'plain';
      if (!kind) {
        if (!m) return node;
        // A numbered clause occupies its marker's level, so its siblings line up, and it is the
        // parent of the items under it: （一）加强组织领导。… → 1.… → （1）….
        if (!levelOf.has(m.type)) levelOf.set(m.type, stack.length);
        const level = levelOf.get(m.type)!;
        while (stack.length && (levelOf.get(stack[stack.length - 1]) ?? 0) >= level) stack.pop();
        stack.push(m.type);
        return { ...node, data: { ...data, parentDepth: Math.min(5, stack.length) } } as Paragraph;
      }
      if (kind === 'plain') return { type: 'heading', depth: 6, children: node.children, data: { ...data, kind } } as Heading;
      if (!levelOf.has(kind)) levelOf.set(kind, stack.length);
      const level = levelOf.get(kind)!;
      while (stack.length && (levelOf.get(stack[stack.length - 1]) ?? 0) >= level) stack.pop();
      stack.push(kind);
      return { type: 'heading', depth: Math.min(5, stack.length), children: node.children, data: { ...data, kind } } as Heading;
    });
  };
}

function headingText(value: string, marker?: Marker): string {
  if (marker && SECTION_TYPES.has(marker.type)) {
    const rest = value.slice(marker.length).trim().replace(/^[:：]/, '');
    return rest ? `${marker.text} ${rest}` : marker.text;
  }
  return value;
}

/**
 * How a numbered clause appears in the path of the items under it: its run-in heading
 * (（一）加强组织领导。… → （一）加强组织领导) when it has a short one, else its number alone (第五条).
 */
function runInHeading(value: string, marker: Marker): string {
  if (marker.type === 'tiao') return citeForm(marker);
  const head = value.slice(marker.length).split(/[。；;：:！!？?]/)[0].trim();
  return head && head.length <= 40 && !/[，,]/.test(head) ? `${marker.text}${head}` : marker.text;
}

/** Walk the tree: a heading stack gives each clause its path; labels use the document's own terms. */
export function treeToClauses(tree: Root): ClauseDraft[] {
  const out: ClauseDraft[] = [];
  const stack: { depth: number; text: string; label: string; plain: boolean; article?: boolean; item?: boolean }[] = [];
  let paragraphNo = 0;
  for (const node of tree.children) {
    const data = (node.data ?? {}) as NodeData;
    if (node.type === 'heading') {
      const value = (node.children[0] as { value: string }).value;
      // Plain title lines are transient: the next heading of any kind replaces them; two in a row merge.
      while (stack.length && stack[stack.length - 1].plain) {
        const prev = stack.pop()!;
        if (data.kind === 'plain' && out.length && out[out.length - 1].path.at(-1) !== prev.text && !stack.some(s => s.plain)) {
          // nothing emitted under prev: merge the two title lines
          if (!out.some(c => c.path.includes(prev.text))) { stack.push({ ...prev, text: `${prev.text} ${value}` }); break; }
        }
      }
      if (data.kind === 'plain') {
        if (stack.at(-1)?.plain) continue; // merged above
        stack.push({ depth: 99, text: value, label: '', plain: true });
        continue;
      }
      while (stack.length && stack[stack.length - 1].depth >= node.depth) stack.pop();
      stack.push({ depth: node.depth, text: headingText(value, data.marker), label: data.marker ? citeForm(data.marker) : '', plain: false });
      continue;
    }
    if (node.type !== 'paragraph') continue;
    const value = (node.children[0] as { value: string }).value;
    paragraphNo++;
    if (data.parentDepth) for (let k = stack.length - 1; k >= 0; k--) if (!stack[k].plain && stack[k].depth >= data.parentDepth) stack.splice(k, 1);
    // An unnumbered paragraph after an article is its 款; after a list item (（五）…) it is as often
    // the section's closing text (同志们，…) as the item's continuation: it stays under the headings.
    const parents = data.marker ? stack : stack.filter(s => !s.item);
    const path = parents.map(s => s.text);
    if (data.category) path.push(data.category);
    // Articles are numbered through the whole document: a 款 under 第二条 is cited 第二条, not 第一章第二条.
    const fromArticle = parents.findLastIndex(s => s.article);
    const sectionLabel = parents.slice(Math.max(0, fromArticle)).map(s => s.label).join('');
    const label = data.marker ? citeForm(data.marker) : sectionLabel || `第${paragraphNo}段`;
    const draft: ClauseDraft = { path, label, text: value, ...(data.cells ? { unitCells: data.cells } : {}) };
    out.push(draft);
    if (data.parentDepth && data.marker) stack.push({ depth: data.parentDepth, text: runInHeading(value, data.marker), label: citeForm(data.marker), plain: false, article: data.marker.type === 'tiao', item: data.marker.type !== 'tiao' });
  }
  return out;
}

export function segment(blocks: Block[]): ClauseDraft[] {
  const processor = unified().use(remarkPolicyHeadings);
  const tree = processor.runSync(blocksToTree(blocks)) as Root;
  return treeToClauses(tree);
}
