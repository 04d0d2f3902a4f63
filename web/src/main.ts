// The page report writers open every day: search, read, track projects, cite.
// A small history-API router; every view is a function of the URL, so any view can be bookmarked.
import './style.css';
import { api, ApiError, type Clause, type CiteMatch, type Doc, type Hit, type SearchResult } from './api.js';

const main = document.getElementById('main')!;
const FACETS: [keyof SearchResult['facets'], string][] = [['year', '年份'], ['unit', '责任单位'], ['topic', '主题'], ['doc', '文件']];
const ROLE: Record<string, string> = { lead: '牵头', support: '配合', responsible: '责任', mentioned: '提及' };

const esc = (s: string) => s.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const h = (html: string) => { main.innerHTML = html; void applyScript(); };

function navigate(url: string) { history.pushState(null, '', url); void route(); }
document.addEventListener('click', e => {
  const a = (e.target as HTMLElement).closest('a[data-link]') as HTMLAnchorElement | null;
  if (a && a.origin === location.origin && !e.ctrlKey && !e.metaKey) { e.preventDefault(); navigate(a.pathname + a.search + a.hash); }
});
window.addEventListener('popstate', () => void route());

function status(kind: 'loading' | 'empty' | 'error', text: string) {
  return `<p class="status ${kind}" role="${kind === 'error' ? 'alert' : 'status'}">${esc(text)}</p>`;
}
const errorText = (e: unknown) => (e instanceof ApiError ? e.message : '出了点问题，请稍后再试。');

// ---- 简/繁 display switch: converts what is shown, never what is stored -------------------------
type Mode = 'orig' | 'hans' | 'hant';
let mode: Mode = (localStorage.getItem('script') as Mode) ?? 'orig';
let converters: { toHans: (s: string) => string; toHant: (s: string) => string } | null = null;
const originals = new WeakMap<Text, string>();
async function applyScript() {
  const toggle = document.getElementById('script-toggle')!;
  toggle.textContent = mode === 'orig' ? '原文' : mode === 'hans' ? '简体' : '繁體';
  toggle.setAttribute('aria-pressed', String(mode !== 'orig'));
  if (mode !== 'orig' && !converters) {
    toggle.setAttribute('aria-busy', 'true');
    const [t2cn, cn2t] = await Promise.all([import('opencc-js/t2cn'), import('opencc-js/cn2t')]);
    converters = { toHans: t2cn.Converter({ from: 't', to: 'cn' }), toHant: cn2t.Converter({ from: 'cn', to: 't' }) };
    toggle.removeAttribute('aria-busy');
  }
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    if (!originals.has(n)) originals.set(n, n.data);
    const o = originals.get(n)!;
    n.data = mode === 'orig' || !converters ? o : mode === 'hans' ? converters.toHans(o) : converters.toHant(o);
  }
}
document.getElementById('script-toggle')!.addEventListener('click', () => {
  mode = mode === 'orig' ? 'hans' : mode === 'hans' ? 'hant' : 'orig';
  localStorage.setItem('script', mode);
  void applyScript();
});

// ---- Search ---------------------------------------------------------------------------------------
function chips(c: Clause) {
  return `<span class="chip year">${c.year ?? '年份不详'}</span>` + c.units.map(u => `<a class="chip unit" data-link href="/?unit=${encodeURIComponent(u.name)}" title="${ROLE[u.role] ?? ''}单位">${esc(u.name)}</a>`).join('');
}

async function searchPage(params: URLSearchParams) {
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const filters = FACETS.flatMap(([f]) => params.getAll(f).map(v => [f, v] as const));
  h(`<form class="search" role="search" id="search-form">
      <label for="q">检索条款</label>
      <input id="q" name="q" type="search" value="${esc(q)}" placeholder="如：瑞金机场、對口支援、省发改委" autocomplete="off">
      <button type="submit">检索</button>
    </form>
    <div id="filters">${filters.map(([f, v]) => `<button type="button" class="chip filter" data-remove="${f}" data-value="${esc(v)}" aria-label="移除筛选 ${esc(v)}">${esc(FACETS.find(x => x[0] === f)![1])}：${esc(v)} ✕</button>`).join('')}</div>
    <div class="layout"><aside id="facets" aria-label="筛选"></aside><section id="results">${q || filters.length ? status('loading', '正在检索…') : status('empty', '输入关键词开始检索，可用简体或繁体，支持单位简称。')}</section></div>`);
  document.getElementById('search-form')!.addEventListener('submit', e => {
    e.preventDefault();
    const next = new URLSearchParams(params);
    next.set('q', (document.getElementById('q') as HTMLInputElement).value.trim());
    next.delete('page');
    navigate('/?' + next);
  });
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-remove]')) b.addEventListener('click', () => {
    const next = new URLSearchParams();
    for (const [k, v] of params) if (!(k === b.dataset.remove && v === b.dataset.value) && k !== 'page') next.append(k, v);
    navigate('/?' + next);
  });
  if (!q && !filters.length) return;
  const api_ = new URLSearchParams(params);
  api_.delete('page');
  api_.set('limit', '10');
  api_.set('offset', String((page - 1) * 10));
  const results = document.getElementById('results')!;
  let r: SearchResult;
  let titles: Map<string, string>;
  try {
    const [res, docs] = await Promise.all([api.search(api_), api.documents()]);
    r = res;
    titles = new Map(docs.documents.map(d => [d.id, d.title]));
  } catch (e) { results.innerHTML = status('error', errorText(e)); return; }
  const facets = document.getElementById('facets')!;
  facets.innerHTML = FACETS.map(([f, name]) => {
    const entries = Object.entries(r.facets[f]).sort((a, b) => b[1] - a[1]).slice(0, 12);
    if (!entries.length) return '';
    return `<section class="facet"><h2>${name}</h2><ul>${entries.map(([v, n]) => {
      const next = new URLSearchParams(params); next.append(f, v); next.delete('page');
      return `<li><a data-link href="/?${next}" class="facet-value" data-facet="${f}">${esc(f === 'doc' ? titles.get(v) ?? v : v)} <span class="count">${n}</span></a></li>`;
    }).join('')}</ul></section>`;
  }).join('');
  if (!r.total) { results.innerHTML = status('empty', `没有找到与“${q}”相符的条款。可以换个说法，或去掉一些筛选条件。`); await applyScript(); return; }
  const pages = Math.ceil(r.total / 10);
  const pageLink = (p: number, text: string) => { const next = new URLSearchParams(params); next.set('page', String(p)); return `<a data-link href="/?${next}">${text}</a>`; };
  results.innerHTML = `<p class="total" id="total">共 <strong>${r.total}</strong> 条结果</p>
    <ol class="hits">${r.hits.map((hit: Hit) => `<li class="hit">
      <p class="meta"><a data-link class="doc-link" href="/doc/${encodeURIComponent(hit.docId)}?q=${encodeURIComponent(q)}#${encodeURIComponent(hit.id)}">${esc(titles.get(hit.docId) ?? hit.docId)}</a>
      <span class="label">${esc(hit.label)}</span></p>
      ${hit.path.length ? `<p class="path">${esc(hit.path.join(' › '))}</p>` : ''}
      <p class="text">${hit.highlight}</p>
      <p class="chips">${chips(hit)}</p></li>`).join('')}</ol>
    <nav class="pager" aria-label="分页">${page > 1 ? pageLink(page - 1, '上一页') : ''}<span>第 ${page} / ${pages} 页</span>${page < pages ? pageLink(page + 1, '下一页') : ''}</nav>`;
  await applyScript();
}

// ---- Document reader -------------------------------------------------------------------------------
async function markTerms(text: string, q: string): Promise<string> {
  const terms = q.split(/\s+/).filter(t => t.length >= 2);
  if (!terms.length) return esc(text);
  const { Converter } = await import('opencc-js/t2cn');
  const norm = Converter({ from: 't', to: 'cn' });
  const n = norm(text).length === text.length ? norm(text) : text;
  const marks = new Array<boolean>(text.length).fill(false);
  for (const t of terms.map(norm)) for (let i = n.indexOf(t); i >= 0; i = n.indexOf(t, i + 1)) for (let k = i; k < i + t.length; k++) marks[k] = true;
  let out = '';
  for (let i = 0; i < text.length; i++) out += (marks[i] && !marks[i - 1] ? '<mark>' : '') + esc(text[i]) + (marks[i] && !marks[i + 1] ? '</mark>' : '');
  return out;
}

async function documentPage(id: string, params: URLSearchParams) {
  h(status('loading', '正在打开文件…'));
  let data: { document: Doc; clauses: Clause[] };
  try { data = await api.document(id); } catch (e) { h(status('error', errorText(e))); return; }
  const { document: d, clauses } = data;
  const q = params.get('q') ?? '';
  const headings: string[] = [];
  let prev: string[] = [];
  const body: string[] = [];
  for (const c of clauses) {
    c.path.forEach((p, i) => { if (prev[i] !== p) { body.push(`<h${Math.min(6, i + 2)} class="outline" id="h-${headings.length}">${esc(p)}</h${Math.min(6, i + 2)}>`); headings.push(p); } });
    prev = c.path;
    body.push(`<article class="clause" id="${esc(c.id)}">
      <p class="label"><a href="#${encodeURIComponent(c.id)}" class="permalink" aria-label="条款 ${esc(c.label)} 的永久链接">${esc(c.label)}</a></p>
      <p class="text">${await markTerms(c.text, q)}</p>
      <p class="chips">${chips(c)}${c.topics.map(t => `<span class="chip topic">${esc(t)}</span>`).join('')}${c.projects.map(p => `<a class="chip project" data-link href="/projects?name=${encodeURIComponent(p)}">${esc(p)}</a>`).join('')}</p></article>`);
  }
  h(`<header class="doc-head"><h1>${esc(d.title)}</h1>
      <dl><dt>发文字号</dt><dd>${esc(d.docNumber ?? '无')}</dd><dt>发文机关</dt><dd>${esc(d.issuer ?? '不详')}</dd><dt>日期</dt><dd>${esc(d.date ?? '不详')}</dd><dt>条款</dt><dd>${d.clauseCount}</dd></dl></header>
    <div class="layout"><nav class="toc" aria-label="目录"><h2>目录</h2><ol>${headings.map((t, i) => `<li><a href="#h-${i}">${esc(t)}</a></li>`).join('')}</ol></nav>
    <div class="doc-body">${body.join('')}</div></div>`);
  const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (target) { target.classList.add('target'); target.scrollIntoView(); }
}

// ---- Project tracker ---------------------------------------------------------------------------------
async function projectsPage(params: URLSearchParams) {
  const name = params.get('name') ?? '';
  h(`<form class="search" id="project-form"><label for="project">项目名称</label>
      <input id="project" name="name" list="project-list" value="${esc(name)}" placeholder="如：瑞金机场、赣深高铁" autocomplete="off">
      <datalist id="project-list"></datalist><button type="submit">跟踪</button></form>
    <section id="timeline">${name ? status('loading', '正在查找提到该项目的文件…') : status('empty', '输入或选择一个项目，查看各文件的部署与进展。')}</section>`);
  const input = document.getElementById('project') as HTMLInputElement;
  const list = document.getElementById('project-list')!;
  const suggest = async () => {
    try { const r = await api.projects(input.value.trim()); list.innerHTML = r.projects.map(p => `<option value="${esc(p.name)}">${esc(p.name)}（${p.documents} 份文件）</option>`).join(''); } catch { /* suggestions are optional */ }
  };
  input.addEventListener('input', () => void suggest());
  void suggest();
  document.getElementById('project-form')!.addEventListener('submit', e => { e.preventDefault(); navigate('/projects?' + new URLSearchParams({ name: input.value.trim() })); });
  if (!name) return;
  const box = document.getElementById('timeline')!;
  try {
    const r = await api.commitments(name);
    if (!r.documents.length) { box.innerHTML = status('empty', `语料中没有文件提到“${name}”。`); await applyScript(); return; }
    box.innerHTML = `<h2>${esc(r.project.name)}${r.project.aliases.length ? `<small>（又称 ${esc(r.project.aliases.join('、'))}）</small>` : ''}</h2>
      <ol class="timeline">${r.documents.map(d => `<li class="event"><p class="when">${esc(d.document.date ?? String(d.document.year ?? ''))}</p>
        <h3><a data-link href="/doc/${encodeURIComponent(d.document.id)}?q=${encodeURIComponent(r.project.name)}">${esc(d.document.title)}</a></h3>
        <ul>${d.clauses.map(c => `<li><p class="commit"><span class="chip kind ${c.commitment.kind}">${c.commitment.kind === 'progress' ? '进展' : '部署'}</span>
          ${c.commitment.action ? `<span class="chip action">${esc(c.commitment.action)}</span>` : ''}${c.commitment.targetYear ? `<span class="chip target">目标 ${c.commitment.targetYear} 年</span>` : ''}
          <a data-link href="/doc/${encodeURIComponent(c.docId)}?q=${encodeURIComponent(r.project.name)}#${encodeURIComponent(c.id)}">${esc(c.label)}</a></p>
          <p class="text">${esc(c.text)}</p><p class="chips">${c.units.map(u => `<span class="chip unit">${esc(u.name)}</span>`).join('') || '<span class="muted">未列责任单位</span>'}</p></li>`).join('')}</ul></li>`).join('')}</ol>`;
  } catch (e) { box.innerHTML = status('error', errorText(e)); }
  await applyScript();
}

// ---- Cite ---------------------------------------------------------------------------------------------
function diffHtml(m: CiteMatch) {
  return (m.diff ?? []).map(d => d.op === 'equal' ? esc(d.text) : d.op === 'insert' ? `<ins title="原文有、引文缺">${esc(d.text)}</ins>` : `<del title="引文有、原文无">${esc(d.text)}</del>`).join('');
}

async function citePage() {
  h(`<form class="cite" id="cite-form"><label for="quote">粘贴引文（至少 8 个字）</label>
      <textarea id="quote" rows="4" placeholder="粘贴要核对出处的句子"></textarea><button type="submit">查找出处</button></form>
    <section id="cite-results">${status('empty', '粘贴一段引文，查找它出自哪份文件的哪一条，并生成规范引文。')}</section>`);
  document.getElementById('cite-form')!.addEventListener('submit', async e => {
    e.preventDefault();
    const box = document.getElementById('cite-results')!;
    box.innerHTML = status('loading', '正在查找出处…');
    try {
      const { matches } = await api.cite((document.getElementById('quote') as HTMLTextAreaElement).value);
      if (!matches.length) { box.innerHTML = status('empty', '语料中没有找到这段话的出处。'); return; }
      box.innerHTML = matches.slice(0, 3).map((m, i) => `<article class="match">
        <p class="verdict ${m.exact ? 'exact' : 'inexact'}">${m.exact ? '引文与原文一致' : `引文与原文有出入（相似度 ${Math.round(m.score * 100)}%）`}</p>
        <p class="meta"><a data-link href="/doc/${encodeURIComponent(m.document.id)}#${encodeURIComponent(m.clause.id)}">${esc(m.document.title)}</a> <span class="label">${esc(m.clause.label)}</span></p>
        ${m.clause.path.length ? `<p class="path">${esc(m.clause.path.join(' › '))}</p>` : ''}
        <p class="text">${esc(m.clause.text).replace(esc(m.matchedText), `<mark>${esc(m.matchedText)}</mark>`)}</p>
        ${m.exact ? '' : `<p class="diff" aria-label="差异">差异：${diffHtml(m)}</p>`}
        <dl class="citations">${([['公文引用', m.citation.gongwen], ['GB/T 7714', m.citation.gbt7714], ['文内引用', m.citation.inline], ...(m.citation.firstMention ? [['首次引用', m.citation.firstMention]] : [])] as [string, string][]).map(([k, v], j) => `
          <dt>${k}</dt><dd><span id="c-${i}-${j}">${esc(v)}</span> <button type="button" class="copy" data-copy="c-${i}-${j}" aria-label="复制${k}">复制</button></dd>`).join('')}</dl></article>`).join('');
      for (const b of box.querySelectorAll<HTMLButtonElement>('[data-copy]')) b.addEventListener('click', async () => {
        const text = document.getElementById(b.dataset.copy!)!.textContent ?? '';
        try { await navigator.clipboard.writeText(text); b.textContent = '已复制'; } catch { b.textContent = '复制失败，请手动选择'; }
      });
    } catch (err) { box.innerHTML = status('error', errorText(err)); }
    await applyScript();
  });
}

async function route() {
  const params = new URLSearchParams(location.search);
  const path = location.pathname;
  for (const a of document.querySelectorAll('header nav a')) a.toggleAttribute('aria-current', (a as HTMLAnchorElement).pathname === path || (path.startsWith('/doc/') && (a as HTMLAnchorElement).pathname === '/'));
  if (path.startsWith('/doc/')) return documentPage(decodeURIComponent(path.slice(5)), params);
  if (path === '/projects') return projectsPage(params);
  if (path === '/cite') return citePage();
  return searchPage(params);
}
void route();
