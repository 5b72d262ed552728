// Cratedigger web page: search as you type, a seed track with its similar tracks, the Camelot
// wheel, filters and playlist export. No framework, no build step, no network beyond /api.
//
// Security: every string from the catalog reaches the page through textContent, text nodes or
// attribute values (el() below), never through innerHTML; URLs from the catalog are used only
// when they are http(s). SVG is built with createElementNS.

const SEARCH_DEBOUNCE_MS = 150;
const SEARCH_LIMIT = 8;
const DEFAULTS = Object.freeze({ limit: '20', energy: 'keep', key_lock: 'true' });
const FILTER_PARAMS = [
  'min_tempo',
  'max_tempo',
  'compatible_only',
  'energy',
  'key_lock',
  'style',
  'exclude_style',
  'min_year',
  'max_year',
  'limit',
];

// Component order and words, for the score breakdown; unknown components follow in their order.
const COMPONENTS = {
  sound: 'How close the audio features are (energy, danceability, timbre…)',
  scene: 'Shared styles, genres, label or artist',
  tempo: 'How easily the BPM beat-matches',
  key: 'Harmonic compatibility on the Camelot wheel',
  energy: 'How well the energy follows the direction you asked for',
  cluster: 'Same sound cluster as the seed',
};

// Camelot code → key name (dj-rules.md: major (7k+8) mod 12, minor (7k+5) mod 12).
const KEY_NAMES = {
  '1A': 'A♭ minor', '2A': 'E♭ minor', '3A': 'B♭ minor', '4A': 'F minor',
  '5A': 'C minor', '6A': 'G minor', '7A': 'D minor', '8A': 'A minor',
  '9A': 'E minor', '10A': 'B minor', '11A': 'F♯ minor', '12A': 'D♭ minor',
  '1B': 'B major', '2B': 'F♯ major', '3B': 'D♭ major', '4B': 'A♭ major',
  '5B': 'E♭ major', '6B': 'B♭ major', '7B': 'F major', '8B': 'C major',
  '9B': 'G major', '10B': 'D major', '11B': 'A major', '12B': 'E major',
};

const RELATIONS = {
  perfect: 'same key',
  adjacent: 'adjacent key (±1)',
  relative: 'relative major/minor',
  boost2: 'energy boost (+2)',
  boost7: 'energy boost (+7, a semitone up)',
  diagonal: 'diagonal move (±1, other letter): risky',
  clash: 'clashes',
};
// the moves compatible by default, as the server's table says (GET /api/keys)
let COMPATIBLE = new Set();

// ---------------------------------------------------------------------------------------------
// DOM helpers

const $ = (sel, root = document) => root.querySelector(sel);
const SVG_NS = 'http://www.w3.org/2000/svg';

/** Builds an element; strings become text nodes, never markup. */
function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  setProps(e, props);
  for (const c of children.flat(Infinity)) {
    if (c == null || c === false || c === '') continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

/** replaceChildren without the nulls (the DOM would print them as the text "null"). */
function setChildren(parent, ...children) {
  parent.replaceChildren(...children.flat(Infinity).filter((c) => c != null && c !== false && c !== ''));
}

function svg(tag, props = {}, ...children) {
  const e = document.createElementNS(SVG_NS, tag);
  setProps(e, props);
  for (const c of children.flat(Infinity)) {
    if (c == null || c === false || c === '') continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

function setProps(e, props) {
  for (const [k, v] of Object.entries(props)) {
    if (v == null || v === false) continue;
    if (k === 'class') e.setAttribute('class', v);
    else if (k === 'text') e.textContent = String(v);
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else if (k === 'vars') for (const [p, val] of Object.entries(v)) e.style.setProperty(p, String(val));
    else if (k.startsWith('on') && typeof v === 'function') e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
}

// ---------------------------------------------------------------------------------------------
// Formatting

const isNum = (v) => typeof v === 'number' && Number.isFinite(v);
const str = (v) => (v == null ? '' : String(v));
const list = (v) => (Array.isArray(v) ? v.map(str).filter(Boolean) : v ? [str(v)] : []);
const artistsOf = (t) => list(t.artists).join(', ') || 'Unknown artist';
const titleOf = (t) => str(t.title) || str(t.id);

function fmtBpm(b) {
  if (!isNum(b) || b <= 0) return null;
  const r = Math.round(b * 10) / 10;
  return Number.isInteger(r) ? String(r) : r.toFixed(1);
}

function fmtDuration(ms) {
  if (!isNum(ms) || ms <= 0) return null;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

const pct = (v) => `${Math.round(Math.max(0, Math.min(1, v)) * 100)}`;

/** The URL if it is http(s), else null: a catalog could carry javascript: or data: URLs. */
function safeUrl(u) {
  if (typeof u !== 'string' || !u) return null;
  try {
    const url = new URL(u, location.href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Camelot

function parseCamelot(code) {
  const m = /^(\d{1,2})([AB])$/i.exec(str(code).trim());
  if (!m) return null;
  const n = Number(m[1]);
  return n >= 1 && n <= 12 ? { n, l: m[2].toUpperCase() } : null;
}

const camelotCode = (c) => (c ? `${c.n}${c.l}` : null);
const camelotHue = (n) => (n * 30 + 150) % 360;

/**
 * The move from the seed's key to another, or null when either is unknown or the table has not
 * come yet. The rules live on the server (GET /api/keys); the page only looks them up.
 */
function relation(seedCode, otherCode) {
  const row = state.keyMoves && seedCode ? state.keyMoves[seedCode] : null;
  return (row && otherCode && row[otherCode]) || null;
}

function camelotChip(code, seedCode, move) {
  const c = parseCamelot(code);
  if (!c) return null;
  const rel = move || (seedCode ? relation(seedCode, code) : null);
  const name = KEY_NAMES[camelotCode(c)];
  const title = rel ? `${name}: ${RELATIONS[rel]}` : name;
  return el('span', {
    class: `chip key-chip rel-${rel || 'none'}`,
    vars: { '--h': camelotHue(c.n) },
    title,
    text: camelotCode(c),
  });
}

// ---------------------------------------------------------------------------------------------
// API

class ApiError extends Error {
  constructor(message, status = 0) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
  }
}

async function api(path, signal) {
  let res;
  try {
    res = await fetch(path, { signal, headers: { Accept: 'application/json' } });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError('Cannot reach the Cratedigger server. Is it still running?');
  }
  const text = await res.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!res.ok) {
    const detail = body && typeof body === 'object' ? body.detail || body.error : null;
    throw new ApiError(detail ? String(detail) : `The server answered HTTP ${res.status}.`, res.status);
  }
  if (body == null || typeof body !== 'object') {
    throw new ApiError('The server answered with something that is not JSON.');
  }
  return body;
}

// ---------------------------------------------------------------------------------------------
// State

const state = {
  hits: [],
  active: -1,
  searchSeq: 0,
  searchCtl: null,
  searchTimer: 0,
  seedId: null,
  seed: null,
  results: [],
  similarSeq: 0,
  similarCtl: null,
  chain: [], // seeds picked in this session, oldest first: {id, title, artists}
  keyMoves: null, // the server's Camelot table: moves[from][to] (GET /api/keys)
};

const ui = {};

// ---------------------------------------------------------------------------------------------
// Errors and toasts

function showError(message) {
  setChildren(ui.error,
    el('span', { class: 'error-text', text: message }),
    el('button', { type: 'button', class: 'ghost small', 'aria-label': 'Dismiss', onclick: clearError, text: '×' }),
  );
  ui.error.hidden = false;
}

function clearError() {
  ui.error.hidden = true;
  ui.error.replaceChildren();
}

let toastTimer = 0;
function toast(message) {
  ui.toast.textContent = message;
  ui.toast.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (ui.toast.hidden = true), 2600);
}

// ---------------------------------------------------------------------------------------------
// Search as you type (ARIA 1.2 combobox with a listbox popup)

function onSearchInput() {
  clearTimeout(state.searchTimer);
  const q = ui.search.value.trim();
  if (q.length < 2) {
    state.searchCtl?.abort();
    state.searchSeq++;
    closeSuggestions();
    state.hits = [];
    return;
  }
  state.searchTimer = setTimeout(() => runSearch(q), SEARCH_DEBOUNCE_MS);
}

async function runSearch(q) {
  state.searchCtl?.abort();
  const ctl = new AbortController();
  state.searchCtl = ctl;
  const seq = ++state.searchSeq;
  try {
    const data = await api(`/api/tracks/search?q=${encodeURIComponent(q)}&limit=${SEARCH_LIMIT}`, ctl.signal);
    if (seq !== state.searchSeq) return;
    renderSuggestions(q, Array.isArray(data.hits) ? data.hits.filter((h) => h && h.id != null) : []);
  } catch (e) {
    if (e.name === 'AbortError' || seq !== state.searchSeq) return;
    closeSuggestions();
    showError(e.message);
  }
}

function renderSuggestions(q, hits) {
  state.hits = hits;
  state.active = -1;
  ui.search.removeAttribute('aria-activedescendant');
  const items = hits.map((h, i) => {
    const meta = [];
    const bpm = fmtBpm(h.bpm);
    if (bpm) meta.push(el('span', { class: 'bpm', text: `${bpm} BPM` }));
    const chip = camelotChip(h.camelot);
    if (chip) meta.push(chip);
    const sub = [str(h.label), str(h.year)].filter(Boolean).join(' · ');
    return el(
      'li',
      {
        role: 'option',
        id: `sugg-${i}`,
        'aria-selected': 'false',
        dataset: { index: String(i) },
        onmousedown: (ev) => ev.preventDefault(), // keep the focus in the input
        onclick: () => pick(i),
        onmousemove: () => state.active !== i && setActive(i, false),
      },
      el(
        'span',
        { class: 'sugg-main' },
        el('span', { class: 'sugg-title' }, el('span', { class: 'artist', text: artistsOf(h) }), ' — ', el('strong', { text: titleOf(h) })),
        sub ? el('span', { class: 'sugg-sub', text: sub }) : null,
      ),
      el('span', { class: 'sugg-meta' }, meta),
    );
  });
  if (!items.length) {
    items.push(el('li', { class: 'empty', 'aria-disabled': 'true', text: `No track matches “${q}”.` }));
  }
  ui.suggestions.replaceChildren(...items);
  ui.suggestions.dataset.query = q;
  openSuggestions();
}

function openSuggestions() {
  ui.suggestions.hidden = false;
  ui.search.setAttribute('aria-expanded', 'true');
}

function closeSuggestions() {
  ui.suggestions.hidden = true;
  ui.search.setAttribute('aria-expanded', 'false');
  ui.search.removeAttribute('aria-activedescendant');
  state.active = -1;
}

function setActive(i, scroll = true) {
  const options = ui.suggestions.querySelectorAll('li[role=option]');
  if (!options.length) return;
  state.active = ((i % options.length) + options.length) % options.length;
  options.forEach((o, j) => o.setAttribute('aria-selected', String(j === state.active)));
  const cur = options[state.active];
  ui.search.setAttribute('aria-activedescendant', cur.id);
  if (scroll) cur.scrollIntoView({ block: 'nearest' });
}

function onSearchKey(ev) {
  const open = !ui.suggestions.hidden && state.hits.length > 0;
  switch (ev.key) {
    case 'ArrowDown':
      ev.preventDefault();
      if (!state.hits.length) return;
      if (!open) openSuggestions();
      setActive(state.active + 1);
      break;
    case 'ArrowUp':
      ev.preventDefault();
      if (!state.hits.length) return;
      if (!open) openSuggestions();
      setActive(state.active < 0 ? -1 : state.active - 1);
      break;
    case 'Enter':
      if (open) {
        ev.preventDefault();
        pick(state.active >= 0 ? state.active : 0);
      } else if (ui.search.value.trim().length >= 2) {
        ev.preventDefault();
        clearTimeout(state.searchTimer);
        runSearch(ui.search.value.trim());
      }
      break;
    case 'Escape':
      if (!ui.suggestions.hidden) {
        ev.preventDefault();
        closeSuggestions();
      }
      break;
    case 'Tab':
      closeSuggestions();
      break;
    default:
  }
}

function pick(i) {
  const hit = state.hits[i];
  if (!hit) return;
  closeSuggestions();
  ui.search.value = `${artistsOf(hit)} — ${titleOf(hit)}`;
  loadSeed(str(hit.id), { push: true });
}

// ---------------------------------------------------------------------------------------------
// Filters

function filterValues() {
  const f = ui.filters.elements;
  const styles = (v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .join(',');
  return {
    min_tempo: f.min_tempo.value.trim(),
    max_tempo: f.max_tempo.value.trim(),
    compatible_only: f.compatible_only.checked ? 'true' : '',
    energy: f.energy.value,
    key_lock: f.key_lock.checked ? 'true' : 'false',
    style: styles(f.style.value),
    exclude_style: styles(f.exclude_style.value),
    min_year: f.min_year.value.trim(),
    max_year: f.max_year.value.trim(),
    limit: f.limit.value.trim() || DEFAULTS.limit,
  };
}

/** The API query: every filter the user set, with limit, energy and key lock always explicit. */
function apiParams() {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(filterValues())) if (v) p.set(k, v);
  return p;
}

/** The page's own URL: the seed and the filters that differ from the defaults. */
function pageParams() {
  const p = new URLSearchParams();
  if (state.seedId) p.set('track', state.seedId);
  for (const [k, v] of Object.entries(filterValues())) if (v && DEFAULTS[k] !== v) p.set(k, v);
  return p;
}

function setFilters(params) {
  const f = ui.filters.elements;
  f.min_tempo.value = params.get('min_tempo') || '';
  f.max_tempo.value = params.get('max_tempo') || '';
  f.compatible_only.checked = params.get('compatible_only') === 'true';
  const energy = params.get('energy') || DEFAULTS.energy;
  f.energy.value = [...f.energy.options].some((o) => o.value === energy) ? energy : DEFAULTS.energy;
  f.key_lock.checked = (params.get('key_lock') || DEFAULTS.key_lock) !== 'false';
  f.style.value = (params.get('style') || '').split(',').filter(Boolean).join(', ');
  f.exclude_style.value = (params.get('exclude_style') || '').split(',').filter(Boolean).join(', ');
  f.min_year.value = params.get('min_year') || '';
  f.max_year.value = params.get('max_year') || '';
  f.limit.value = params.get('limit') || DEFAULTS.limit;
  updateFilterCount();
}

function updateFilterCount() {
  const v = filterValues();
  const n = FILTER_PARAMS.filter((k) => v[k] && DEFAULTS[k] !== v[k]).length;
  ui.filterCount.hidden = n === 0;
  ui.filterCount.textContent = n ? `${n} set` : '';
}

function onFiltersChanged() {
  updateFilterCount();
  renderSeedStyles();
  if (state.seedId) loadSimilar({ push: false });
}

function toggleStyle(style) {
  const input = ui.filters.elements.style;
  const cur = input.value.split(',').map((s) => s.trim()).filter(Boolean);
  const i = cur.findIndex((s) => s.toLowerCase() === style.toLowerCase());
  if (i >= 0) cur.splice(i, 1);
  else cur.push(style);
  input.value = cur.join(', ');
  onFiltersChanged();
}

// ---------------------------------------------------------------------------------------------
// Seed and similar tracks

function loadSeed(id, { push }) {
  state.seedId = id;
  loadSimilar({ push });
}

async function loadSimilar({ push }) {
  const id = state.seedId;
  if (!id) return;
  state.similarCtl?.abort();
  const ctl = new AbortController();
  state.similarCtl = ctl;
  const seq = ++state.similarSeq;
  const params = apiParams();
  ui.results.dataset.state = 'loading';
  ui.results.setAttribute('aria-busy', 'true');
  ui.resultsPanel.classList.add('loading');
  ui.status.textContent = 'Digging…';
  const started = performance.now();
  try {
    const data = await api(`/api/tracks/${encodeURIComponent(id)}/similar?${params}`, ctl.signal);
    if (seq !== state.similarSeq) return;
    clearError();
    state.seed = data.seed && typeof data.seed === 'object' ? data.seed : { id, title: id, artists: [] };
    state.results = Array.isArray(data.results) ? data.results.filter((r) => r && r.id != null) : [];
    rememberInChain(state.seed);
    renderSeed();
    renderResults(performance.now() - started);
    renderWheel();
    ui.results.dataset.query = params.toString();
    ui.results.dataset.state = 'ready';
    updateUrl(push);
  } catch (e) {
    if (e.name === 'AbortError' || seq !== state.similarSeq) return;
    showError(e.message);
    ui.results.dataset.state = 'error';
    ui.status.textContent = state.results.length
      ? 'These results are from before the last change: fix the filters above to refresh them.'
      : 'No results.';
    ui.results.classList.toggle('stale', state.results.length > 0);
  } finally {
    if (seq === state.similarSeq) {
      ui.results.removeAttribute('aria-busy');
      ui.resultsPanel.classList.remove('loading');
    }
  }
}

function updateUrl(push) {
  const qs = pageParams().toString();
  const url = `${location.pathname}${qs ? `?${qs}` : ''}`;
  if (url === `${location.pathname}${location.search}`) return;
  if (push) history.pushState({ track: state.seedId }, '', url);
  else history.replaceState({ track: state.seedId }, '', url);
}

function rememberInChain(seed) {
  const id = str(seed.id);
  const at = state.chain.findIndex((s) => s.id === id);
  if (at >= 0) state.chain.splice(at + 1); // going back to an earlier seed cuts the chain there
  else state.chain.push({ id, title: titleOf(seed), artists: artistsOf(seed) });
  if (state.chain.length > 12) state.chain.splice(0, state.chain.length - 12);
}

function stat(label, value, extra) {
  return el('div', { class: 'stat' }, el('span', { class: 'stat-label', text: label }), el('span', { class: 'stat-value' }, value), extra);
}

function meter(value, label) {
  return el(
    'span',
    {
      class: 'meter',
      role: 'meter',
      'aria-label': label,
      'aria-valuemin': '0',
      'aria-valuemax': '1',
      'aria-valuenow': String(value),
      vars: { '--v': Math.max(0, Math.min(1, value)) },
    },
    el('span', { class: 'meter-fill' }),
  );
}

function renderSeed() {
  const t = state.seed;
  ui.seed.dataset.state = 'ready';
  const meta = [str(t.album), str(t.label), str(t.year)].filter(Boolean);
  const bpm = fmtBpm(t.bpm);
  const code = parseCamelot(t.camelot);
  const stats = [
    stat('BPM', bpm || '—'),
    stat(
      'Key',
      code ? camelotChip(t.camelot) : '—',
      el(
        'span',
        { class: 'stat-sub' },
        el('span', { text: str(t.key) || (code ? KEY_NAMES[camelotCode(code)] : '') }),
        t.openKey ? el('span', { text: `Open Key ${t.openKey}` }) : null,
      ),
    ),
  ];
  if (isNum(t.energy)) stats.push(stat('Energy', el('span', { class: 'num', text: t.energy.toFixed(2) }), meter(t.energy, 'energy')));
  const minor = [];
  if (isNum(t.danceability)) minor.push(['danceability', t.danceability]);
  if (isNum(t.valence)) minor.push(['valence', t.valence]);
  const duration = fmtDuration(t.durationMs);
  const preview = safeUrl(t.previewUrl);

  setChildren(ui.seedBody,
    el('h2', { class: 'seed-title', text: titleOf(t) }),
    el('p', { class: 'seed-artists', text: artistsOf(t) }),
    meta.length ? el('p', { class: 'seed-meta muted', text: meta.join(' · ') + (duration ? ` · ${duration}` : '') }) : null,
    el('div', { class: 'stats' }, stats),
    minor.length
      ? el(
          'div',
          { class: 'minor-meters' },
          minor.map(([k, v]) => el('div', { class: 'mini' }, el('span', { class: 'mini-label', text: k }), meter(v, k), el('span', { class: 'num', text: v.toFixed(2) }))),
        )
      : null,
    el('div', { class: 'seed-styles', id: 'seed-styles' }),
    preview ? el('audio', { class: 'seed-audio', controls: true, preload: 'none', src: preview, 'aria-label': `Preview of ${titleOf(t)}` }) : null,
    renderChain(),
  );
  renderSeedStyles();
  ui.bpmSeed.disabled = !bpm;
}

/** Styles as toggle chips (click to include them in the filter), genres as plain chips. */
function renderSeedStyles() {
  const box = document.getElementById('seed-styles');
  if (!box || !state.seed) return;
  const included = new Set(filterValues().style.toLowerCase().split(',').filter(Boolean));
  const styles = list(state.seed.styles);
  const genres = list(state.seed.genres).filter((g) => !styles.some((s) => s.toLowerCase() === g.toLowerCase()));
  setChildren(box,
    ...styles.map((s) =>
      el('button', {
        type: 'button',
        class: 'chip style-chip',
        'aria-pressed': String(included.has(s.toLowerCase())),
        title: `Only tracks with the style ${s} (click again to remove)`,
        onclick: () => toggleStyle(s),
        text: s,
      }),
    ),
    ...genres.map((g) => el('span', { class: 'chip genre-chip', title: 'genre', text: g })),
  );
}

function renderChain() {
  if (state.chain.length < 2) return null;
  return el(
    'nav',
    { class: 'chain', 'aria-label': 'Your chain of seeds' },
    el('span', { class: 'eyebrow', text: 'Your chain' }),
    el(
      'ol',
      {},
      state.chain.map((s, i) =>
        el(
          'li',
          {},
          i === state.chain.length - 1
            ? el('span', { 'aria-current': 'true', text: s.title })
            : el('button', { type: 'button', class: 'linkish', title: s.artists, onclick: () => loadSeed(s.id, { push: true }), text: s.title }),
        ),
      ),
    ),
  );
}

function componentEntries(components) {
  if (!components || typeof components !== 'object') return [];
  const entries = Object.entries(components).filter(([, v]) => isNum(v));
  const known = Object.keys(COMPONENTS);
  return entries.sort(([a], [b]) => {
    const ia = known.indexOf(a);
    const ib = known.indexOf(b);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
  });
}

function renderResults(elapsedMs) {
  ui.results.classList.remove('stale');
  const seedCode = state.seed?.camelot;
  const items = state.results.map((r, i) => {
    const preview = safeUrl(r.previewUrl);
    const bpm = fmtBpm(r.bpm);
    const score = isNum(r.score) ? r.score : 0;
    const code = camelotCode(parseCamelot(r.camelot));
    const meta = [str(r.label), str(r.year), list(r.styles).join(', ')].filter(Boolean).join(' · ');
    const reasons = list(r.reasons);
    const tags = [
      camelotChip(r.camelot, seedCode, typeof r.keyMove === 'string' ? r.keyMove : null),
      bpm ? el('span', { class: 'chip bpm-chip', text: `${bpm} BPM` }) : null,
      isNum(r.energy) ? el('span', { class: 'chip', title: 'energy', text: `energy ${r.energy.toFixed(2)}` }) : null,
      r.mixable === false
        ? el('span', { class: 'chip fill-badge', title: 'Breaks the tempo or key rule: listed only to fill the list', text: 'fill' })
        : null,
    ];
    const title = titleOf(r);
    return el(
      'li',
      {
        class: `result${r.mixable === false ? ' not-mixable' : ''}`,
        dataset: { id: str(r.id), camelot: code || '' },
        onmouseenter: () => highlightKey(code, true),
        onmouseleave: () => highlightKey(code, false),
        onfocusin: () => highlightKey(code, true),
        onfocusout: () => highlightKey(code, false),
      },
      el('span', { class: 'rank', 'aria-hidden': 'true', text: String(i + 1) }),
      el(
        'div',
        { class: 'r-body' },
        el(
          'div',
          { class: 'r-head' },
          el(
            'div',
            { class: 'r-titles' },
            el('h3', { class: 'r-title' }, el('span', { class: 'artist', text: artistsOf(r) }), el('span', { class: 'sep', text: ' — ' }), el('span', { class: 'title', text: title })),
            meta ? el('p', { class: 'r-meta muted', text: meta }) : null,
          ),
          el(
            'div',
            { class: 'r-score', title: `score ${score.toFixed(3)}` },
            el('span', { class: 'score-num' }, pct(score), el('small', { text: '%' })),
            meter(score, 'score'),
          ),
        ),
        el('div', { class: 'r-tags' }, tags),
        el(
          'dl',
          { class: 'components', 'aria-label': 'Score breakdown' },
          componentEntries(r.components).map(([k, v]) =>
            el(
              'div',
              { class: 'comp', title: COMPONENTS[k] || k },
              el('dt', { text: k }),
              el('dd', {}, meter(v, k), el('span', { class: 'num', text: pct(v) })),
            ),
          ),
        ),
        reasons.length ? el('ul', { class: 'reasons', 'aria-label': 'Reasons' }, reasons.map((x) => el('li', { text: x }))) : null,
        el(
          'div',
          { class: 'r-actions' },
          preview
            ? el('button', {
                type: 'button',
                class: 'ghost small play',
                'aria-pressed': 'false',
                'aria-label': `Play preview of ${title}`,
                dataset: { src: preview },
                onclick: (ev) => togglePreview(ev.currentTarget),
                text: '▶ Preview',
              })
            : null,
          el('button', {
            type: 'button',
            class: 'small primary seed-btn',
            'aria-label': `Use ${title} as the new seed`,
            onclick: () => {
              ui.search.value = `${artistsOf(r)} — ${title}`;
              loadSeed(str(r.id), { push: true });
              ui.seed.scrollIntoView({ behavior: 'smooth', block: 'start' });
            },
            text: 'Use as seed →',
          }),
        ),
      ),
    );
  });
  if (!items.length) {
    items.push(el('li', { class: 'no-results', text: 'No track passes these filters. Widen the BPM or year range, or remove a style.' }));
  }
  ui.results.replaceChildren(...items);
  const n = state.results.length;
  const mixable = state.results.filter((r) => r.mixable !== false).length;
  ui.status.textContent = n
    ? `${n} track${n === 1 ? '' : 's'}, ${mixable} mixable, for ${artistsOf(state.seed)} — ${titleOf(state.seed)} (${Math.round(elapsedMs)} ms)`
    : 'No results.';
  ui.copyM3u.disabled = n === 0;
  ui.copyCsv.disabled = n === 0;
  stopPreview();
}

// ---------------------------------------------------------------------------------------------
// Camelot wheel: 12 numbers, inner ring A (minor), outer ring B (major); 12 at the top.

const WHEEL = { a: [37, 76], b: [78, 117], gap: 1.2 };
const segments = new Map(); // "8A" → <g>

function polar(r, deg) {
  const rad = (deg * Math.PI) / 180;
  return [r * Math.sin(rad), -r * Math.cos(rad)].map((x) => Math.round(x * 100) / 100);
}

function arcPath(r0, r1, a0, a1) {
  const [x0, y0] = polar(r1, a0);
  const [x1, y1] = polar(r1, a1);
  const [x2, y2] = polar(r0, a1);
  const [x3, y3] = polar(r0, a0);
  return `M${x0} ${y0}A${r1} ${r1} 0 0 1 ${x1} ${y1}L${x2} ${y2}A${r0} ${r0} 0 0 0 ${x3} ${y3}Z`;
}

function buildWheel() {
  const root = svg('svg', {
    id: 'camelot-wheel',
    viewBox: '-120 -120 240 240',
    role: 'img',
    'aria-labelledby': 'wheel-title',
  });
  root.append(svg('title', { id: 'wheel-title', text: 'Camelot wheel' }));
  for (const letter of ['B', 'A']) {
    const [r0, r1] = letter === 'A' ? WHEEL.a : WHEEL.b;
    for (let n = 1; n <= 12; n++) {
      const code = `${n}${letter}`;
      const centre = (n % 12) * 30;
      const a0 = centre - 15 + WHEEL.gap / 2;
      const a1 = centre + 15 - WHEEL.gap / 2;
      // the key code towards the outer edge, the result count towards the inner edge
      const [lx, ly] = polar(r1 - 14, centre);
      const [bx, by] = polar(r0 + 9, centre);
      const tip = svg('title', { text: `${code} · ${KEY_NAMES[code]}` });
      const g = svg(
        'g',
        { class: 'segment', dataset: { code }, vars: { '--h': camelotHue(n) } },
        tip,
        svg('path', { class: 'seg-shape', d: arcPath(r0, r1, a0, a1) }),
        svg('text', { class: 'seg-label', x: lx, y: ly, 'text-anchor': 'middle', 'dominant-baseline': 'central', text: code }),
        svg(
          'g',
          { class: 'seg-count', transform: `translate(${bx} ${by})` },
          svg('circle', { r: '6' }),
          svg('text', { 'text-anchor': 'middle', 'dominant-baseline': 'central', text: '' }),
        ),
      );
      g.addEventListener('mouseenter', () => highlightResults(code, true));
      g.addEventListener('mouseleave', () => highlightResults(code, false));
      segments.set(code, g);
      root.append(g);
    }
  }
  root.append(
    svg('circle', { class: 'hub', r: String(WHEEL.a[0] - 3) }),
    svg('text', { class: 'hub-code', y: '-5', 'text-anchor': 'middle', 'dominant-baseline': 'central', text: '' }),
    svg('text', { class: 'hub-name', y: '12', 'text-anchor': 'middle', 'dominant-baseline': 'central', text: 'pick a seed' }),
  );
  ui.wheelWrap.replaceChildren(root);
  ui.wheel = root;
}

function renderWheel() {
  const seedCode = camelotCode(parseCamelot(state.seed?.camelot));
  const counts = new Map();
  for (const r of state.results) {
    const c = camelotCode(parseCamelot(r.camelot));
    if (c) counts.set(c, (counts.get(c) || 0) + 1);
  }
  for (const [code, g] of segments) {
    const rel = seedCode ? relation(seedCode, code) : null;
    g.classList.toggle('seed', rel === 'perfect');
    g.classList.toggle('compatible', COMPATIBLE.has(rel));
    g.classList.toggle('diagonal', rel === 'diagonal');
    g.classList.toggle('clash', rel === 'clash');
    const n = counts.get(code) || 0;
    g.classList.toggle('has-results', n > 0);
    g.querySelector('.seg-count text').textContent = n ? String(n) : '';
    const words = rel ? ` · ${rel === 'perfect' ? 'the seed key' : RELATIONS[rel]}` : '';
    g.querySelector('title').textContent = `${code} · ${KEY_NAMES[code]}${words}${n ? ` · ${n} result${n === 1 ? '' : 's'}` : ''}`;
  }
  const hubCode = ui.wheel.querySelector('.hub-code');
  const hubName = ui.wheel.querySelector('.hub-name');
  hubCode.textContent = seedCode || '?';
  hubName.textContent = seedCode ? KEY_NAMES[seedCode] : 'key unknown';
  ui.wheel.querySelector('#wheel-title').textContent = seedCode
    ? `Camelot wheel: the seed is in ${seedCode} (${KEY_NAMES[seedCode]}); compatible keys highlighted; numbers show how many results sit in each key`
    : 'Camelot wheel: the seed key is unknown';
}

function highlightKey(code, on) {
  const g = code && segments.get(code);
  if (g) g.classList.toggle('hover', on);
}

function highlightResults(code, on) {
  for (const li of ui.results.querySelectorAll('li.result')) {
    li.classList.toggle('key-hover', on && li.dataset.camelot === code);
  }
}

// ---------------------------------------------------------------------------------------------
// Audio: one preview at a time, seed player included

function togglePreview(btn) {
  const p = ui.player;
  if (btn.getAttribute('aria-pressed') === 'true') {
    stopPreview();
    return;
  }
  stopPreview();
  p.src = btn.dataset.src;
  p.play().then(
    () => {
      btn.setAttribute('aria-pressed', 'true');
      btn.textContent = '❚❚ Pause';
    },
    () => {
      toast('This preview cannot be played here.');
      stopPreview();
    },
  );
}

function stopPreview() {
  const p = ui.player;
  if (!p.paused) p.pause();
  for (const b of document.querySelectorAll('button.play[aria-pressed=true]')) {
    b.setAttribute('aria-pressed', 'false');
    b.textContent = '▶ Preview';
  }
}

// ---------------------------------------------------------------------------------------------
// Copy as playlist: M3U and CSV

const oneLine = (s) => str(s).replace(/[\r\n\t]+/g, ' ').trim();

function toM3u(seed, results) {
  const lines = ['#EXTM3U'];
  if (seed) lines.push(`#PLAYLIST:Cratedigger: mixes with ${oneLine(artistsOf(seed))} - ${oneLine(titleOf(seed))}`);
  for (const r of results) {
    const secs = isNum(r.durationMs) && r.durationMs > 0 ? Math.round(r.durationMs / 1000) : -1;
    lines.push(`#EXTINF:${secs},${oneLine(artistsOf(r))} - ${oneLine(titleOf(r))}`);
    const url = safeUrl(r.previewUrl);
    lines.push(url || `# ${oneLine(r.id)}`);
  }
  return `${lines.join('\n')}\n`;
}

function csvCell(v, text = false) {
  let s = str(v);
  // A text cell starting like a formula is run by spreadsheets: neutralise it.
  if (text && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function toCsv(results) {
  const rows = [['id', 'title', 'artists', 'bpm', 'camelot', 'score'].join(',')];
  for (const r of results) {
    rows.push(
      [
        csvCell(r.id, true),
        csvCell(titleOf(r), true),
        csvCell(list(r.artists).join('; '), true),
        csvCell(fmtBpm(r.bpm) || ''),
        csvCell(r.camelot || ''),
        csvCell(isNum(r.score) ? r.score.toFixed(4) : ''),
      ].join(','),
    );
  }
  return `${rows.join('\r\n')}\r\n`;
}

async function exportPlaylist(kind) {
  if (!state.results.length) return;
  const text = kind === 'm3u' ? toM3u(state.seed, state.results) : toCsv(state.results);
  const label = kind.toUpperCase();
  const n = state.results.length;
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      toast(`Copied ${n} track${n === 1 ? '' : 's'} as ${label}.`);
      return;
    } catch {
      // denied or unfocused: fall through to the dialog
    }
  }
  openExportDialog(text, kind);
}

let downloadUrl = null;
function openExportDialog(text, kind) {
  const name = `cratedigger-${str(state.seed?.id || 'playlist').replace(/[^\w.-]+/g, '_')}.${kind}`;
  const type = kind === 'm3u' ? 'audio/x-mpegurl' : 'text/csv';
  if (downloadUrl) URL.revokeObjectURL(downloadUrl);
  downloadUrl = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  $('#export-title').textContent = `Playlist as ${kind.toUpperCase()}`;
  ui.exportText.value = text;
  ui.exportDownload.href = downloadUrl;
  ui.exportDownload.download = name;
  if (typeof ui.exportDialog.showModal === 'function') {
    ui.exportDialog.showModal();
  } else {
    ui.exportDialog.setAttribute('open', '');
  }
  ui.exportText.focus();
  ui.exportText.select();
}

// ---------------------------------------------------------------------------------------------
// Start-up extras: catalog size and a few example seeds (both optional)

async function loadHealth() {
  try {
    const h = await api('/api/health');
    if (isNum(h.tracks)) ui.health.textContent = `Cratedigger · ${h.tracks.toLocaleString('en')} tracks in the crate`;
  } catch {
    // the footer keeps its plain name
  }
}

/** The Camelot rules from the server; until they come, keys are shown without a relation. */
async function loadKeys() {
  try {
    const k = await api('/api/keys');
    if (k && typeof k.moves === 'object') {
      state.keyMoves = k.moves;
      // the seed's own key is drawn as the seed, not as one of the compatible ones
      COMPATIBLE = new Set((Array.isArray(k.compatible) ? k.compatible : []).filter((m) => m !== 'perfect'));
      if (ui.wheel) renderWheel();
    }
  } catch {
    // relations stay unknown: the chips and the wheel show the keys alone
  }
}

async function loadExamples() {
  let data;
  try {
    data = await api('/api/tracks?per_page=6&sort_by=popularity&order=desc');
  } catch {
    try {
      data = await api('/api/tracks?per_page=6');
    } catch {
      return;
    }
  }
  const tracks = (Array.isArray(data) ? data : data.tracks || data.results || data.items || data.hits || []).filter(
    (t) => t && t.id != null && t.title,
  );
  if (!tracks.length || state.seed) return;
  setChildren(ui.exampleList,
    ...tracks.slice(0, 6).map((t) =>
      el(
        'li',
        {},
        el('button', {
          type: 'button',
          class: 'chip example',
          onclick: () => {
            ui.search.value = `${artistsOf(t)} — ${titleOf(t)}`;
            loadSeed(str(t.id), { push: true });
          },
          text: `${artistsOf(t)} — ${titleOf(t)}`,
        }),
      ),
    ),
  );
  ui.examples.hidden = false;
}

// ---------------------------------------------------------------------------------------------
// Wiring

function fromUrl() {
  const params = new URLSearchParams(location.search);
  setFilters(params);
  const track = params.get('track');
  if (track) {
    loadSeed(track, { push: false });
  }
  return params;
}

// ---------------------------------------------------------------------------------------------
// Discogs: recommendations for a pasted release or master URL

async function digRelease(url) {
  const basis = $('#discogs-basis');
  basis.textContent = 'Asking Discogs…';
  let res;
  try {
    res = await fetch('/api/discogs/release', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ url, limit: Number(ui.filters.elements.limit?.value) || 20 }),
    });
  } catch {
    basis.textContent = '';
    showError('Cannot reach the Cratedigger server. Is it still running?');
    return;
  }
  let body = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  if (!res.ok || !body || typeof body !== 'object') {
    basis.textContent = '';
    showError(body && body.detail ? String(body.detail) : `The server answered HTTP ${res.status}.`);
    return;
  }
  clearError();
  const release = body.release || {};
  const arr = (v) => (Array.isArray(v) ? v : []);
  const first = arr(body.matches).find((m) => m && typeof m === 'object' && m.track);
  state.seed = first
    ? first.track
    : { id: 'discogs', title: str(release.title) || 'Discogs release', artists: list(release.artists), styles: list(release.styles), genres: list(release.genres), year: release.year };
  state.seedId = null;
  state.results = arr(body.results).filter((r) => r && typeof r === 'object' && r.id != null);
  renderSeed();
  renderResults(0);
  renderWheel();
  basis.textContent = `${list(release.artists).join(', ')} — ${str(release.title)}: ${str(body.basis)}`;
}

function init() {
  Object.assign(ui, {
    search: $('#search'),
    suggestions: $('#suggestions'),
    error: $('#error'),
    seed: $('#seed'),
    seedBody: $('#seed-body'),
    results: $('#results'),
    resultsPanel: $('#results-panel'),
    status: $('#status'),
    filters: $('#filters'),
    filterCount: $('#filter-count'),
    bpmSeed: $('#f-bpm-seed'),
    copyM3u: $('#copy-m3u'),
    copyCsv: $('#copy-csv'),
    wheelWrap: $('#wheel-wrap'),
    player: $('#player'),
    exportDialog: $('#export-dialog'),
    exportText: $('#export-text'),
    exportDownload: $('#export-download'),
    toast: $('#toast'),
    health: $('#health'),
    examples: $('#examples'),
    exampleList: $('#example-list'),
  });

  buildWheel();

  ui.search.addEventListener('input', onSearchInput);
  ui.search.addEventListener('keydown', onSearchKey);
  ui.search.addEventListener('focus', () => {
    if (state.hits.length && ui.search.value.trim().length >= 2 && ui.suggestions.dataset.query === ui.search.value.trim()) {
      openSuggestions();
    }
  });
  document.addEventListener('pointerdown', (ev) => {
    if (!$('#search-wrap').contains(ev.target)) closeSuggestions();
  });

  // Filters: selects and toggles apply at once, typed fields on change (blur or Enter) or Apply.
  ui.filters.addEventListener('change', onFiltersChanged);
  ui.filters.addEventListener('input', updateFilterCount);
  $('#discogs-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const url = $('#discogs-url').value.trim();
    if (url) digRelease(url);
  });
  ui.filters.addEventListener('submit', (ev) => {
    ev.preventDefault();
    onFiltersChanged();
  });
  $('#f-reset').addEventListener('click', () => {
    setFilters(new URLSearchParams());
    onFiltersChanged();
  });
  ui.bpmSeed.addEventListener('click', () => {
    const b = state.seed?.bpm;
    if (!isNum(b) || b <= 0) return;
    ui.filters.elements.min_tempo.value = String(Math.floor(b * 0.94 * 10) / 10);
    ui.filters.elements.max_tempo.value = String(Math.ceil(b * 1.06 * 10) / 10);
    onFiltersChanged();
  });

  ui.copyM3u.addEventListener('click', () => exportPlaylist('m3u'));
  ui.copyCsv.addEventListener('click', () => exportPlaylist('csv'));
  $('#export-select').addEventListener('click', () => {
    ui.exportText.focus();
    ui.exportText.select();
  });
  ui.exportDialog.addEventListener('close', () => {
    if (downloadUrl) URL.revokeObjectURL(downloadUrl);
    downloadUrl = null;
  });

  ui.player.addEventListener('ended', stopPreview);
  // Only one thing plays at a time: starting one media element pauses the others.
  document.addEventListener(
    'play',
    (ev) => {
      for (const m of document.querySelectorAll('audio')) if (m !== ev.target && !m.paused) m.pause();
      if (ev.target !== ui.player) stopPreview();
    },
    true,
  );

  window.addEventListener('popstate', () => {
    const params = new URLSearchParams(location.search);
    setFilters(params);
    const track = params.get('track');
    if (track && track !== state.seedId) loadSeed(track, { push: false });
    else if (track) loadSimilar({ push: false });
  });

  // Phones: filters start folded so the results are one scroll away.
  if (window.matchMedia('(max-width: 860px)').matches) $('#filters-panel').open = false;

  const params = fromUrl();
  const q = params.get('q');
  if (q) {
    ui.search.value = q;
    runSearch(q.trim());
  }
  loadHealth();
  loadKeys();
  if (!params.get('track')) loadExamples();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
else init();
