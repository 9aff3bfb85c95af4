// JRQ dashboard: a single page without a framework or a build step.
//
// Safety rule: everything shown comes from user data (job names, args, errors), so the DOM is built with
// createElement and textContent only — never innerHTML — and every URL part goes through encodeURIComponent.
// The page runs under a strict CSP (script-src 'self', style-src 'self'): no inline scripts or style attributes.
(() => {
  'use strict';

  const REGISTRIES = ['queued', 'started', 'deferred', 'scheduled', 'finished', 'failed', 'canceled'];
  const PER_PAGE_CHOICES = [10, 25, 50, 100, 200];
  const LIVE_WINDOW_SECONDS = 300;
  const HISTORY_SPANS = { hour: 3600, day: 86400, week: 604800 };

  const state = {
    overview: null,      // latest /api/overview (or SSE overview event)
    workers: null,       // latest /api/workers (or SSE workers event)
    readOnly: true,      // until the first overview says otherwise, no action is offered
    clockSkewMs: 0,      // server time minus browser time
    view: null,          // {onOverview, onWorkers, onThroughput, destroy} of the page shown
    keepStatus: false,   // keep the status message across the next route change
  };

  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
  });

  // ---------------------------------------------------------------- DOM helpers

  /** Creates an element. attrs: class, text, on<Event> handlers, dataset, and plain attributes. */
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === 'class') el.className = value;
      else if (key === 'text') el.textContent = String(value);
      else if (key === 'dataset') Object.assign(el.dataset, value);
      else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
      else if (key === 'checked' || key === 'disabled' || key === 'hidden' || key === 'selected') el[key] = !!value;
      else if (key === 'value') el.value = value;
      else el.setAttribute(key, value === true ? '' : String(value));
    }
    append(el, children);
    return el;
  }

  function append(el, children) {
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      el.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return el;
  }

  function clear(el) {
    while (el.firstChild) el.removeChild(el.firstChild);
    return el;
  }

  const $ = (selector, root = document) => root.querySelector(selector);
  const numberFormat = new Intl.NumberFormat();
  const num = (n) => (typeof n === 'number' ? numberFormat.format(n) : String(n ?? ''));
  const enc = encodeURIComponent;

  function jobHref(id) {
    return `#/jobs/${enc(id)}`;
  }

  function registryHref(queue, registry, params) {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params || {})) {
      if (value === undefined || value === null || value === '') continue;
      if ((key === 'page' && String(value) === '1') || (key === 'perPage' && String(value) === '25')
        || (key === 'order' && value === 'desc')) continue; // the defaults stay out of the URL
      query.set(key, value);
    }
    const text = query.toString();
    return `#/queues/${enc(queue)}/${enc(registry)}${text ? `?${text}` : ''}`;
  }

  function badge(status) {
    const known = ['queued', 'started', 'deferred', 'scheduled', 'finished', 'failed', 'canceled', 'stopped',
      'idle', 'busy', 'suspended'];
    const name = status || 'unknown';
    const look = { successful: 'finished', retried: 'started', missing: 'canceled' }[name] || name;
    return h('span', { class: `badge badge-${known.includes(look) ? look : 'other'}`, text: name });
  }

  function pre(value, cls) {
    return h('pre', { class: `code ${cls || ''}`, text: typeof value === 'string' ? value : prettyJson(value) });
  }

  function prettyJson(value) {
    try {
      return JSON.stringify(value, null, 2) ?? 'null';
    } catch (e) {
      return String(value);
    }
  }

  /** The line of an error that says what went wrong: a Python traceback's last line, else the first. */
  function firstLine(text) {
    if (!text) return '';
    const lines = String(text).split('\n').map((l) => l.trim()).filter(Boolean);
    if (!lines.length) return '';
    return /^Traceback/.test(lines[0]) ? lines[lines.length - 1] : lines[0];
  }

  // ---------------------------------------------------------------- time

  function toDate(value) {
    if (value === null || value === undefined || value === '') return null;
    if (typeof value === 'number') return new Date(value < 1e12 ? value * 1000 : value);
    // RQ writes microseconds ("...:49.123456Z"); keep milliseconds for Date.parse.
    const text = String(value).replace(/(\.\d{3})\d+/, '$1');
    const parsed = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
    return Number.isNaN(parsed) ? null : new Date(parsed);
  }

  function serverNow() {
    return Date.now() + state.clockSkewMs;
  }

  function formatDuration(seconds) {
    if (seconds === null || seconds === undefined || Number.isNaN(seconds)) return '';
    const s = Math.abs(seconds);
    if (s < 1) return `${Math.round(s * 1000)} ms`;
    if (s < 60) return `${s < 10 ? s.toFixed(1).replace(/\.0$/, '') : Math.round(s)} s`;
    if (s < 3600) return `${Math.floor(s / 60)} min${s % 60 >= 1 ? ` ${Math.floor(s % 60)} s` : ''}`;
    if (s < 86400) return `${Math.floor(s / 3600)} h${s % 3600 >= 60 ? ` ${Math.floor((s % 3600) / 60)} min` : ''}`;
    return `${Math.floor(s / 86400)} d${s % 86400 >= 3600 ? ` ${Math.floor((s % 86400) / 3600)} h` : ''}`;
  }

  function relative(value) {
    const date = toDate(value);
    if (!date) return '';
    const seconds = (serverNow() - date.getTime()) / 1000;
    if (Math.abs(seconds) < 2) return 'just now';
    const text = formatDuration(Math.abs(seconds) < 60 ? Math.round(seconds) : seconds).replace(/ \d+ (s|min|h)$/, '');
    return seconds >= 0 ? `${text} ago` : `in ${text}`;
  }

  function absolute(value) {
    const date = toDate(value);
    return date ? date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' }) : '';
  }

  /** A <time> with relative text and the absolute time as its title. */
  function timeCell(value) {
    const date = toDate(value);
    if (!date) return h('span', { class: 'muted', text: '—' });
    return h('time', { datetime: date.toISOString(), title: absolute(value), text: relative(value) });
  }

  // ---------------------------------------------------------------- HTTP

  class ApiError extends Error {
    constructor(message, status) {
      super(message);
      this.status = status;
    }
  }

  async function api(path, options) {
    const init = { credentials: 'same-origin', headers: { Accept: 'application/json' }, cache: 'no-store' };
    if (options && options.method && options.method !== 'GET') {
      init.method = options.method;
      init.headers['X-Requested-By'] = 'jrq';
      if (options.body !== undefined) {
        init.headers['Content-Type'] = 'application/json';
        init.body = JSON.stringify(options.body);
      }
    }
    let response;
    try {
      response = await fetch(path, init);
    } catch (e) {
      throw new ApiError('The dashboard server cannot be reached.', 0);
    }
    let body = null;
    const text = await response.text();
    if (text) {
      try {
        body = JSON.parse(text);
      } catch (e) {
        body = { error: text.slice(0, 300) };
      }
    }
    if (!response.ok) {
      const message = (body && (body.error || body.message)) || `${response.status} ${response.statusText}`;
      throw new ApiError(message, response.status);
    }
    return body;
  }

  const post = (path, body) => api(path, { method: 'POST', body: body === undefined ? {} : body });

  // ---------------------------------------------------------------- status messages and confirmation

  function showStatus(message, kind) {
    const box = $('#status');
    clear(box);
    if (!message) return;
    const text = message instanceof Node ? message : document.createTextNode(message);
    box.append(h('div', { class: `status-msg ${kind || 'info'}` },
      h('span', { class: 'status-text' }, text),
      h('button', { class: 'close', type: 'button', 'aria-label': 'Dismiss', text: '×', onclick: () => clear(box) })));
  }

  function showError(error) {
    showStatus(error && error.message ? error.message : String(error), 'error');
  }

  /** Asks before a destructive action; resolves true when confirmed. */
  function confirmAction(message, okLabel) {
    const dialog = $('#confirm');
    if (typeof dialog.showModal !== 'function') return Promise.resolve(window.confirm(message));
    $('#confirm-text').textContent = message;
    $('#confirm-ok').textContent = okLabel || 'OK';
    return new Promise((resolve) => {
      dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true });
      dialog.returnValue = 'cancel';
      dialog.showModal();
      $('#confirm-cancel').focus();
    });
  }

  /** Runs an action from a button: disables it, shows the result or the error. */
  async function runAction(button, action) {
    if (button) button.disabled = true;
    try {
      const message = await action();
      if (message) showStatus(message, 'success');
      refreshOverview();
    } catch (e) {
      showError(e);
    } finally {
      if (button) button.disabled = false;
    }
  }

  function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
  }

  function bulkMessage(verb, count, errors, moreErrors) {
    let text = `${verb} ${plural(count || 0, 'job')}`;
    if (errors && errors.length) {
      const failed = errors.length + (moreErrors || 0);
      const shown = errors.slice(0, 3).map((e) => `${e.id}: ${e.error}`).join('; ');
      text += `; ${failed} could not be: ${shown}${failed > 3 ? '; …' : ''}`;
    }
    return text;
  }

  /** The server's message as a sentence ("requeued job 1" → "Requeued job 1"). */
  function sentence(text) {
    return text ? text.charAt(0).toUpperCase() + text.slice(1) : '';
  }

  // ---------------------------------------------------------------- live updates (SSE)

  let events = null;
  let reconnectTimer = null;

  function setLive(mode) {
    const el = $('#live');
    el.className = `live live-${mode}`;
    el.textContent = { live: 'live', reconnecting: 'reconnecting', offline: 'offline', connecting: 'connecting' }[mode];
  }

  function connectEvents() {
    if (!window.EventSource) {
      setLive('offline');
      setInterval(refreshOverview, 5000);
      return;
    }
    events = new EventSource('api/events');
    events.onopen = () => setLive('live');
    events.onerror = () => {
      if (events.readyState === EventSource.CLOSED) {
        setLive('offline');
        clearTimeout(reconnectTimer);
        reconnectTimer = setTimeout(connectEvents, 5000);
      } else {
        setLive('reconnecting');
      }
    };
    events.addEventListener('overview', (e) => handleOverview(parse(e.data)));
    events.addEventListener('workers', (e) => handleWorkers(parse(e.data)));
    events.addEventListener('throughput', (e) => {
      const point = parse(e.data);
      if (point && state.view && state.view.onThroughput) state.view.onThroughput(point);
    });
  }

  function parse(text) {
    try {
      return JSON.parse(text);
    } catch (e) {
      return null;
    }
  }

  async function refreshOverview() {
    try {
      handleOverview(await api('api/overview'));
    } catch (e) {
      // the SSE stream or the next action will report the problem
    }
  }

  function handleOverview(overview) {
    if (!overview) return;
    const previous = state.overview;
    state.overview = overview;
    const serverTime = toDate(overview.serverTime);
    if (serverTime) state.clockSkewMs = serverTime.getTime() - Date.now();
    const readOnly = !!overview.readOnly;
    if (readOnly !== state.readOnly) {
      state.readOnly = readOnly;
      applyReadOnly();
      route();
      return;
    }
    renderBanner();
    updateQueueList();
    if (state.view && state.view.onOverview) state.view.onOverview(overview, previous);
  }

  function handleWorkers(workers) {
    if (!workers) return;
    state.workers = workers;
    if (state.view && state.view.onWorkers) state.view.onWorkers(workers);
  }

  function applyReadOnly() {
    document.body.classList.toggle('read-only', state.readOnly);
    $('#enqueue-toggle').hidden = state.readOnly;
    if (state.readOnly) $('#enqueue-panel').hidden = true;
  }

  function renderBanner() {
    const banner = $('#banner');
    clear(banner);
    const suspended = state.overview && state.overview.suspended;
    banner.hidden = !suspended;
    if (!suspended) return;
    banner.append(h('span', { text: 'Workers are suspended: no worker takes new jobs until they are resumed.' }));
    if (!state.readOnly) {
      banner.append(h('button', {
        class: 'btn action', type: 'button', text: 'Resume workers',
        onclick: (e) => runAction(e.currentTarget, async () => {
          await post('api/workers/resume');
          return 'Workers resumed: they take new jobs again';
        }),
      }));
    }
  }

  function updateQueueList() {
    const list = $('#queue-names');
    const names = (state.overview && state.overview.queues || []).map((q) => q.name);
    if (list.dataset.names === names.join('\n')) return;
    list.dataset.names = names.join('\n');
    clear(list);
    names.forEach((name) => list.append(h('option', { value: name })));
  }

  function queueCounts(name) {
    const queue = (state.overview && state.overview.queues || []).find((q) => q.name === name);
    return queue ? queue.counts || {} : null;
  }

  // ---------------------------------------------------------------- routing

  function parseHash() {
    const raw = location.hash.replace(/^#/, '') || '/';
    const [path, query] = raw.split('?');
    const parts = path.split('/').filter(Boolean).map((p) => {
      try {
        return decodeURIComponent(p);
      } catch (e) {
        return p;
      }
    });
    return { parts, params: new URLSearchParams(query || '') };
  }

  function route() {
    if (state.view && state.view.destroy) state.view.destroy();
    state.view = null;
    if (!state.keepStatus) showStatus(null);
    state.keepStatus = false;
    const { parts, params } = parseHash();
    const main = clear($('#view'));
    let nav = null;
    if (parts.length === 0) {
      nav = 'overview';
      state.view = overviewView(main);
    } else if (parts[0] === 'queues' && parts.length >= 2) {
      state.view = registryView(main, parts[1], parts[2] || 'queued', params);
    } else if (parts[0] === 'jobs' && parts.length >= 2) {
      state.view = jobView(main, parts.slice(1).join('/'));
    } else if (parts[0] === 'workers') {
      nav = 'workers';
      state.view = workersView(main);
    } else {
      main.append(h('h1', { text: 'Page not found' }), h('p', {}, h('a', { href: '#/', text: 'Back to the overview' })));
    }
    document.querySelectorAll('.nav a').forEach((a) => {
      if (a.dataset.nav === nav) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    });
  }

  /** Navigates to a hash; re-renders even when it is the current one. */
  function go(hash) {
    if (location.hash === hash) route();
    else location.hash = hash;
  }

  // ---------------------------------------------------------------- charts

  function cssVar(name, fallback) {
    const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
    return value || fallback;
  }

  /** A time axis label: seconds for minutes of data, hours for a day, days for a week. */
  function timeLabel(t, u) {
    const span = u.scales.x.max - u.scales.x.min;
    const date = new Date(t * 1000);
    if (span <= 900) return date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
    if (span <= 2 * 86400) return date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hour12: false });
    return date.toLocaleDateString([], { weekday: 'short', day: 'numeric' });
  }

  /** Room for the y axis labels: wider for 10,000 than for 10. */
  function axisSize(values) {
    const longest = Math.max(1, ...(values || []).map((v) => String(v ?? '').length));
    return 18 + longest * 7;
  }

  /** A uPlot chart of finished/failed per step, sized to its container; null without uPlot. */
  function makeChart(container, title, bars, xRange) {
    if (!window.uPlot) {
      container.append(h('p', { class: 'muted', text: 'Chart unavailable (uPlot did not load).' }));
      return null;
    }
    const axis = { stroke: cssVar('--muted', '#5b6472'), grid: { stroke: cssVar('--grid', '#e6e9ef'), width: 1 },
      ticks: { stroke: cssVar('--grid', '#e6e9ef'), width: 1 } };
    const paths = bars && uPlot.paths && uPlot.paths.bars ? uPlot.paths.bars({ size: [0.8, 24] }) : undefined;
    const series = (label, color) => ({
      label, stroke: color, width: bars ? 1 : 2, fill: `${color}${bars ? '66' : '1f'}`, points: { show: false }, paths,
      value: (u, v) => (v === null || v === undefined ? '–' : String(v)),
    });
    const options = {
      title,
      width: Math.max(240, container.clientWidth || 600),
      height: 200,
      cursor: { drag: { x: false, y: false } },
      scales: {
        x: { time: true, range: (u, min, max) => (xRange ? xRange() : [min, max]) },
        y: { range: (u, min, max) => [0, Math.max(1, (max || 0) * 1.1)] },
      },
      axes: [Object.assign({ space: 80, values: (u, splits) => splits.map((t) => timeLabel(t, u)) }, axis),
        Object.assign({ size: (u, values) => axisSize(values) }, axis)],
      series: [{}, series('finished', cssVar('--ok', '#1a7f37')), series('failed', cssVar('--bad', '#cf222e'))],
    };
    const chart = new uPlot(options, [[], [], []], container);
    const observer = new ResizeObserver(() => {
      const width = Math.max(240, container.clientWidth);
      if (Math.abs(width - chart.width) > 2) chart.setSize({ width, height: 200 });
    });
    observer.observe(container);
    return {
      set(points) {
        chart.setData([points.map((p) => p.t), points.map((p) => p.finished ?? 0), points.map((p) => p.failed ?? 0)]);
      },
      destroy() {
        observer.disconnect();
        chart.destroy();
      },
    };
  }

  // ---------------------------------------------------------------- overview

  function overviewView(main) {
    main.append(h('h1', { text: 'Overview' }));
    const summary = h('div', { class: 'cards' });
    const queuesBody = h('tbody');
    const emptyNote = h('p', { class: 'muted', hidden: true,
      text: 'No queues yet. A queue appears here as soon as a job is enqueued to it.' });
    const liveBox = h('div', { class: 'chart', id: 'live-chart' });
    const historyBox = h('div', { class: 'chart', id: 'history-chart' });
    const windowPicker = h('div', { class: 'segmented', role: 'group', 'aria-label': 'History window' });

    main.append(
      summary,
      h('section', { class: 'panel' },
        h('h2', { text: 'Queues' }),
        h('div', { class: 'table-wrap' },
          h('table', { class: 'grid queues', id: 'queues-table' },
            h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: 'Queue' }),
              REGISTRIES.map((r) => h('th', { scope: 'col', class: 'num', text: r })))),
            queuesBody)),
        emptyNote),
      h('div', { class: 'charts' },
        h('section', { class: 'panel' },
          h('div', { class: 'panel-head' }, h('h2', { text: 'Live: jobs per second' }),
            h('span', { class: 'muted small', text: 'last 5 minutes' })),
          liveBox),
        h('section', { class: 'panel' },
          h('div', { class: 'panel-head' }, h('h2', { text: 'History' }), windowPicker),
          historyBox)));

    const rows = new Map();

    let rendered = false;
    function renderQueues(overview) {
      if (!overview) return;
      const queues = overview.queues || [];
      emptyNote.hidden = queues.length > 0;
      const names = new Set(queues.map((q) => q.name));
      for (const [name, row] of rows) {
        if (!names.has(name)) {
          row.remove();
          rows.delete(name);
        }
      }
      const sorted = [...queues].sort((a, b) => a.name.localeCompare(b.name));
      sorted.forEach((queue, index) => {
        let row = rows.get(queue.name);
        if (!row) {
          row = h('tr', { dataset: { queue: queue.name } },
            h('th', { scope: 'row' }, h('a', { href: registryHref(queue.name, 'queued'), text: queue.name })),
            REGISTRIES.map((r) => h('td', { class: 'num', dataset: { registry: r } },
              h('a', { href: registryHref(queue.name, r), 'aria-label': `${queue.name} ${r}` }))));
          rows.set(queue.name, row);
          if (rendered) row.classList.add('fresh');
        }
        if (queuesBody.children[index] !== row) queuesBody.insertBefore(row, queuesBody.children[index] || null);
        for (const registry of REGISTRIES) {
          const link = $(`td[data-registry="${registry}"] a`, row);
          const count = (queue.counts && queue.counts[registry]) || 0;
          if (link.textContent !== num(count)) link.textContent = num(count);
          link.dataset.count = String(count);
          link.className = count === 0 ? 'zero' : `count count-${registry}`;
        }
      });
      rendered = true;
    }

    function renderSummary(overview) {
      clear(summary);
      if (!overview) return;
      const total = (key) => (overview.queues || []).reduce((sum, q) => sum + ((q.counts && q.counts[key]) || 0), 0);
      const workers = overview.workers || { total: 0, byState: {} };
      const byState = Object.entries(workers.byState || {}).filter(([, n]) => n > 0)
        .map(([s, n]) => `${n} ${s}`).join(', ');
      const card = (label, value, detail, cls, href) => h(href ? 'a' : 'div', { class: `card ${cls || ''}`, href },
        h('span', { class: 'card-label', text: label }),
        h('span', { class: 'card-value', text: num(value) }),
        detail ? h('span', { class: 'card-detail', text: detail }) : null);
      const throughput = overview.throughput || {};
      summary.append(
        card('Queued', total('queued'), `${plural((overview.queues || []).length, 'queue')}`, 'card-queued'),
        card('Running', total('started'), null, 'card-started'),
        card('Failed', total('failed'), null, total('failed') > 0 ? 'card-failed' : ''),
        card('Workers', workers.total || 0, byState || 'none registered', '', '#/workers'),
        card('Processed', (throughput.finished || 0) + (throughput.failed || 0),
          `${num(throughput.finished || 0)} finished, ${num(throughput.failed || 0)} failed`, ''));
    }

    // live chart: the last five minutes, one point per second
    let livePoints = [];
    // why: a fixed five-minute axis, so a few seconds of data do not fill the chart with millisecond ticks
    const liveChart = makeChart(liveBox, '', false, () => {
      const newest = livePoints.length ? livePoints[livePoints.length - 1].t : Math.floor(serverNow() / 1000);
      return [newest - LIVE_WINDOW_SECONDS, newest];
    });
    api('api/throughput?window=live').then((data) => {
      const known = new Map(livePoints.map((p) => [p.t, p]));
      for (const p of (data && data.points) || []) if (!known.has(p.t)) known.set(p.t, p);
      livePoints = [...known.values()].sort((a, b) => a.t - b.t);
      trimLive();
      if (liveChart) liveChart.set(livePoints);
    }).catch(() => {});

    function trimLive() {
      const newest = livePoints.length ? livePoints[livePoints.length - 1].t : 0;
      livePoints = livePoints.filter((p) => p.t > newest - LIVE_WINDOW_SECONDS);
    }

    // history chart with its window picker
    let historyChart = null;
    let historyWindow = 'hour';
    let historyTimer = null;
    async function loadHistory() {
      try {
        const data = await api(`api/throughput?window=${enc(historyWindow)}`);
        if (!historyChart) {
          historyChart = makeChart(historyBox, '', true, () => {
            const now = Math.floor(serverNow() / 1000);
            return [now - HISTORY_SPANS[historyWindow], now];
          });
        }
        if (historyChart) historyChart.set((data && data.points) || []);
      } catch (e) {
        clear(historyBox).append(h('p', { class: 'muted', text: `History unavailable: ${e.message}` }));
        historyChart = null;
      }
    }
    for (const [value, label] of [['hour', 'Hour'], ['day', 'Day'], ['week', 'Week']]) {
      windowPicker.append(h('button', {
        type: 'button', class: 'seg', text: label, 'aria-pressed': String(value === historyWindow),
        dataset: { window: value },
        onclick: (e) => {
          historyWindow = value;
          windowPicker.querySelectorAll('button').forEach((b) => b.setAttribute('aria-pressed', String(b === e.currentTarget)));
          loadHistory();
        },
      }));
    }
    loadHistory();
    historyTimer = setInterval(loadHistory, 60000);

    renderSummary(state.overview);
    renderQueues(state.overview);
    refreshOverview();

    return {
      onOverview(overview) {
        renderSummary(overview);
        renderQueues(overview);
      },
      onThroughput(point) {
        if (typeof point.t !== 'number') return;
        const last = livePoints[livePoints.length - 1];
        if (last && last.t === point.t) livePoints[livePoints.length - 1] = point;
        else if (!last || point.t > last.t) livePoints.push(point);
        else return;
        trimLive();
        if (liveChart) liveChart.set(livePoints);
      },
      destroy() {
        clearInterval(historyTimer);
        if (liveChart) liveChart.destroy();
        if (historyChart) historyChart.destroy();
      },
    };
  }

  // ---------------------------------------------------------------- a queue's registry

  function registryView(main, queue, registry, params) {
    if (!REGISTRIES.includes(registry)) {
      main.append(h('h1', { text: 'Unknown registry' }),
        h('p', { text: `"${registry}" is not one of ${REGISTRIES.join(', ')}.` }));
      return null;
    }
    const opts = {
      page: Math.max(1, parseInt(params.get('page'), 10) || 1),
      perPage: PER_PAGE_CHOICES.includes(parseInt(params.get('perPage'), 10)) ? parseInt(params.get('perPage'), 10) : 25,
      order: params.get('order') === 'asc' ? 'asc' : 'desc',
      name: params.get('name') || '',
      from: params.get('from') || '',
    };
    const href = (changes) => {
      const next = Object.assign({}, opts, changes);
      if (!('page' in changes) && ('perPage' in changes || 'order' in changes || 'name' in changes)) next.page = 1;
      if (next.page === 1) delete next.page;
      return registryHref(queue, registry, next);
    };

    const tabs = h('nav', { class: 'tabs', 'aria-label': 'Registries' });
    const tools = h('div', { class: 'toolbar' });
    const actions = h('div', { class: 'toolbar actions' });
    const tableBox = h('div', { class: 'table-wrap' });
    const pagers = [h('nav', { class: 'pager', 'aria-label': 'Pages' }), h('nav', { class: 'pager', 'aria-label': 'Pages' })];
    const filterNote = h('p', { class: 'muted small filter-note', hidden: true });
    const selected = new Set();
    let lastData = null;

    main.append(
      h('div', { class: 'crumbs' }, h('a', { href: '#/', text: 'Overview' }), ' › ', h('span', { text: 'queue ' }),
        h('strong', { text: queue })),
      h('h1', { class: 'queue-title' }, h('span', { class: 'muted', text: 'Queue ' }), h('span', { text: queue })),
      tabs, tools, pagers[0], actions, filterNote, tableBox, pagers[1]);

    function renderTabs() {
      clear(tabs);
      const counts = queueCounts(queue) || {};
      for (const r of REGISTRIES) {
        tabs.append(h('a', {
          href: registryHref(queue, r, { perPage: opts.perPage, order: opts.order }),
          class: `tab${r === registry ? ' active' : ''}`, 'aria-current': r === registry ? 'page' : null,
        }, h('span', { text: r }), h('span', { class: 'tab-count', text: counts[r] === undefined ? '–' : num(counts[r]) })));
      }
    }

    function renderTools() {
      clear(tools);
      const filterInput = h('input', { type: 'search', name: 'name', id: 'job-name-filter', value: opts.name, placeholder: 'Filter by job name',
        'aria-label': 'Filter by job name', spellcheck: 'false' });
      tools.append(
        h('form', { class: 'inline-form', role: 'search', onsubmit: (e) => {
          e.preventDefault();
          go(href({ name: filterInput.value.trim(), from: '' }));
        } }, filterInput, h('button', { class: 'btn', type: 'submit', text: 'Filter' }),
        opts.name ? h('a', { class: 'btn link', href: href({ name: '', from: '' }), text: 'Clear' }) : null),
        h('a', { class: 'btn', href: href({ order: opts.order === 'desc' ? 'asc' : 'desc', from: '' }), id: 'order-toggle',
          title: 'Change the order', text: opts.order === 'desc' ? 'Newest first ↓' : 'Oldest first ↑' }),
        h('label', { class: 'inline-label' }, 'Per page ',
          h('select', { 'aria-label': 'Jobs per page', onchange: (e) => go(href({ perPage: e.target.value, from: '' })) },
            PER_PAGE_CHOICES.map((n) => h('option', { value: String(n), selected: n === opts.perPage, text: String(n) })))));
    }

    function renderActions() {
      clear(actions);
      if (state.readOnly) return;
      const base = `api/queues/${enc(queue)}/${enc(registry)}`;
      const count = (queueCounts(queue) || {})[registry] || 0;
      const selectedLabel = selected.size ? ` (${selected.size})` : '';
      const bulk = (label, cls, verb, path, body, confirmText) => h('button', {
        type: 'button', class: `btn action ${cls}`, text: label, disabled: body.ids && body.ids.length === 0,
        onclick: async (e) => {
          if (confirmText && !(await confirmAction(confirmText, label))) return;
          await runAction(e.currentTarget, async () => {
            const result = await post(path, body);
            selected.clear();
            load();
            return bulkMessage(verb, result.requeued ?? result.deleted ?? result.emptied ?? 0, result.errors,
              result.moreErrors);
          });
        },
      });
      const ids = [...selected];
      if (registry === 'failed' || registry === 'canceled') {
        actions.append(bulk(`Requeue selected${selectedLabel}`, 'primary', 'Requeued', `${base}/requeue`, { ids }, null),
          bulk('Requeue all', '', 'Requeued', `${base}/requeue`, { all: true },
            `Requeue all ${count} ${registry} jobs of queue "${queue}"?`));
      }
      if (registry !== 'started') {
        actions.append(bulk(`Delete selected${selectedLabel}`, 'danger', 'Deleted', `${base}/delete`, { ids },
          `Delete ${plural(ids.length, 'selected job')}? This cannot be undone.`));
      }
      if (registry === 'queued') {
        actions.append(bulk('Empty queue', 'danger', 'Removed', `api/queues/${enc(queue)}/empty`, {},
          `Empty queue "${queue}"? All ${count} queued jobs are deleted.`));
      } else if (registry !== 'started') {
        actions.append(bulk('Delete all', 'danger', 'Deleted', `${base}/delete`, { all: true },
          `Delete all ${count} ${registry} jobs of queue "${queue}"? This cannot be undone.`));
      }
    }

    function renderPager(data) {
      for (const pager of pagers) {
        clear(pager);
        if (!data) continue;
        if (data.filter) {
          // a name filter is a bounded scan from a position, not numbered pages
          const next = data.filter.nextFrom;
          append(pager, [
            opts.from ? h('a', { class: 'btn', href: href({ from: '' }), text: '« From the start' }) : null,
            next !== null && next !== undefined && next !== ''
              ? h('a', { class: 'btn', href: href({ from: String(next) }), text: 'Scan further ›' }) : null,
            h('span', { class: 'muted small total', text: `${num(data.total ?? 0)} jobs in this list` })]);
          continue;
        }
        const pages = Math.max(1, data.pages || 1);
        const page = data.page || opts.page;
        const link = (label, target, disabled, aria) => (disabled
          ? h('span', { class: 'btn disabled', 'aria-disabled': 'true', text: label })
          : h('a', { class: 'btn', href: href({ page: target }), 'aria-label': aria, text: label }));
        pager.append(
          link('«', 1, page <= 1, 'First page'),
          link('‹', page - 1, page <= 1, 'Previous page'),
          h('span', { class: 'page-of', text: `page ${num(page)} of ${num(pages)}` }),
          link('›', page + 1, page >= pages, 'Next page'),
          link('»', pages, page >= pages, 'Last page'),
          h('span', { class: 'muted small total', text: `${num(data.total ?? 0)} jobs` }));
      }
    }

    function renderTable(data) {
      clear(tableBox);
      const jobs = (data && data.jobs) || [];
      if (!jobs.length) {
        tableBox.append(h('p', { class: 'empty', text: opts.name
          ? `No ${registry} job named "${opts.name}" found.` : `No ${registry} jobs in this queue.` }));
        return;
      }
      const withChecks = !state.readOnly;
      const showError = registry === 'failed' || jobs.some((j) => j.error);
      const pageIds = jobs.map((j) => j.id);
      const allBox = withChecks ? h('input', { type: 'checkbox', 'aria-label': 'Select all jobs on this page',
        checked: pageIds.length > 0 && pageIds.every((id) => selected.has(id)),
        onchange: (e) => {
          pageIds.forEach((id) => (e.target.checked ? selected.add(id) : selected.delete(id)));
          tableBox.querySelectorAll('input.row-check').forEach((c) => { c.checked = e.target.checked; });
          renderActions();
        } }) : null;
      const head = h('tr', {}, withChecks ? h('th', { class: 'check' }, allBox) : null,
        ['Job id', 'Name', 'Description', 'Age', 'Status', 'Worker'].map((t) => h('th', { scope: 'col', text: t,
          class: `col-${t.toLowerCase().replace(' ', '-')}` })),
        showError ? h('th', { scope: 'col', text: 'Error' }) : null);
      const body = h('tbody');
      for (const job of jobs) {
        const check = withChecks ? h('input', { type: 'checkbox', class: 'row-check', 'aria-label': `Select job ${job.id}`,
          checked: selected.has(job.id), onchange: (e) => {
            if (e.target.checked) selected.add(job.id); else selected.delete(job.id);
            allBox.checked = pageIds.every((id) => selected.has(id));
            renderActions();
          } }) : null;
        body.append(h('tr', { class: job.missing ? 'missing' : '', dataset: { jobId: job.id } },
          withChecks ? h('td', { class: 'check' }, check) : null,
          h('td', { class: 'mono id' }, h('a', { href: jobHref(job.id), text: job.id })),
          h('td', { class: 'name', title: job.name || '' }, job.missing
            ? h('span', { class: 'muted', text: '(expired or deleted)' }) : h('span', { class: 'clip', text: job.name || '' })),
          h('td', { class: 'desc', title: job.description || '' }, h('span', { class: 'clip', text: job.description || '' })),
          h('td', { class: 'nowrap' }, timeCell(job.createdAt || job.enqueuedAt)),
          h('td', {}, badge(job.status || (job.missing ? 'missing' : registry))),
          h('td', { class: 'mono small worker' }, job.worker || ''),
          showError ? h('td', { class: 'error-line', title: job.error || '' },
            h('span', { class: 'clip', text: job.error || '' })) : null));
      }
      tableBox.append(h('table', { class: 'grid jobs', id: 'jobs-table' }, h('thead', {}, head), body));
    }

    function renderFilterNote(data) {
      const filter = data && data.filter;
      filterNote.hidden = !filter;
      clear(filterNote);
      if (!filter) return;
      const start = Number(opts.from) || 0;
      const end = start + (filter.scanned || 0);
      filterNote.append(`${plural((data.jobs || []).length, 'job')} whose name contains "${filter.name}" among jobs `
        + `${num(start + 1)}–${num(end)} of this list${filter.nextFrom === null ? ' (the end of the list)' : ''}.`);
    }

    let loading = null;
    async function load() {
      const query = new URLSearchParams({ page: opts.page, perPage: opts.perPage, order: opts.order });
      if (opts.name) query.set('name', opts.name);
      if (opts.from) query.set('from', opts.from);
      const request = api(`api/queues/${enc(queue)}/${enc(registry)}?${query}`);
      loading = request;
      try {
        const data = await request;
        if (loading !== request) return;
        if (data.pages && opts.page > data.pages) {
          opts.page = data.pages;
          load();
          return;
        }
        lastData = data;
        renderPager(data);
        renderFilterNote(data);
        renderTable(data);
        renderActions();
      } catch (e) {
        if (loading !== request) return;
        clear(tableBox).append(h('p', { class: 'empty error', text: `Could not load the jobs: ${e.message}` }));
      }
    }

    renderTabs();
    renderTools();
    renderActions();
    tableBox.append(h('p', { class: 'muted', text: 'Loading…' }));
    load();

    return {
      onOverview(overview, previous) {
        const before = previous && (previous.queues || []).find((q) => q.name === queue);
        const after = (overview.queues || []).find((q) => q.name === queue);
        renderTabs();
        if (JSON.stringify(before && before.counts) !== JSON.stringify(after && after.counts)) {
          if (!lastData || !document.querySelector('#confirm[open]')) load();
        }
      },
    };
  }

  // ---------------------------------------------------------------- one job

  function jobView(main, id) {
    main.append(h('p', { class: 'muted', text: 'Loading…' }));
    let last = null;

    async function load() {
      try {
        const job = await api(`api/jobs/${enc(id)}`);
        const text = JSON.stringify(job);
        if (text === last) return;
        last = text;
        render(job);
      } catch (e) {
        clear(main);
        if (e.status === 404) {
          main.append(h('h1', { text: 'Job not found' }),
            h('p', { class: 'empty', id: 'job-not-found', text: `No job with id ${id}.` }),
            h('p', {}, h('a', { href: '#/', text: 'Back to the overview' })));
          showStatus(`No job with id ${id}`, 'error');
        } else {
          main.append(h('h1', { text: 'Job' }), h('p', { class: 'empty error', text: `Could not load the job: ${e.message}` }));
        }
        last = null;
      }
    }

    function render(job) {
      clear(main);
      const origin = job.origin || '';
      append(main, [
        h('div', { class: 'crumbs' }, h('a', { href: '#/', text: 'Overview' }), ' › ',
          origin ? h('a', { href: registryHref(origin, registryOf(job.status)), text: `queue ${origin}` }) : 'job'),
        h('div', { class: 'job-head' },
          h('h1', { class: 'job-title' }, h('span', { class: 'job-name', text: job.name || '(no job name)' }), ' ', badge(job.status)),
          h('div', { class: 'mono small job-id', text: job.id })),
        jobActions(job),
        job.blockedBy || job.blockedReason ? h('div', { class: 'notice warn' },
          h('strong', { text: 'Blocked: ' }), job.blockedReason || '',
          job.blockedBy ? [' (by ', h('a', { href: jobHref(job.blockedBy), text: job.blockedBy }), ')'] : null) : null,
        job.callbackError ? h('div', { class: 'notice error' }, h('strong', { text: 'Callback error: ' }),
          h('span', { text: job.callbackError })) : null,
        h('div', { class: 'job-grid' },
          h('section', { class: 'panel' }, h('h2', { text: 'Details' }), details(job)),
          h('section', { class: 'panel' }, h('h2', { text: 'Timeline' }), timeline(job))),
        h('section', { class: 'panel' }, h('h2', { text: 'Arguments' }), payload(job)),
        job.excInfo ? h('section', { class: 'panel' }, h('h2', { text: 'Error' }), pre(job.excInfo, 'trace')) : null,
        job.result !== undefined && job.result !== null ? h('section', { class: 'panel' }, h('h2', { text: 'Result' }),
          pre(job.result, 'result')) : null,
        h('section', { class: 'panel' }, h('h2', { text: 'Meta' }),
          job.meta && Object.keys(job.meta).length ? pre(job.meta, 'meta') : h('p', { class: 'muted', text: 'No meta.' })),
        h('div', { class: 'job-grid' },
          h('section', { class: 'panel' }, h('h2', { text: 'Depends on' }), jobLinks(job.dependsOn, 'No dependencies.')),
          h('section', { class: 'panel' }, h('h2', { text: 'Dependents' }), jobLinks(job.dependents, 'No dependents.'))),
        h('section', { class: 'panel' }, h('h2', { text: 'Attempts' }), attempts(job.attempts))]);
    }

    function jobActions(job) {
      if (state.readOnly || !job.origin) return null;
      const base = `api/queues/${enc(job.origin)}/jobs/${enc(job.id)}`;
      const button = (label, cls, action, done, confirmText) => h('button', {
        type: 'button', class: `btn action ${cls}`, text: label, dataset: { action },
        onclick: async (e) => {
          if (confirmText && !(await confirmAction(confirmText, label))) return;
          await runAction(e.currentTarget, async () => {
            const result = await post(`${base}/${action}`);
            if (action === 'delete') {
              state.keepStatus = true;
              go(registryHref(job.origin, registryOf(job.status)));
            } else {
              last = null;
              load();
            }
            return sentence(result && result.message) || done;
          });
        },
      });
      const status = job.status;
      const bar = h('div', { class: 'toolbar actions job-actions' });
      if (status === 'failed' || status === 'stopped' || status === 'canceled') {
        bar.append(button('Requeue', 'primary', 'requeue', `Requeued job ${job.id}`,
          `Requeue job ${job.id} to queue "${job.origin}"?`));
      }
      if (status === 'queued' || status === 'deferred' || status === 'scheduled') {
        bar.append(button('Cancel', '', 'cancel', `Canceled job ${job.id}`, `Cancel job ${job.id}? It will not run.`));
      }
      if (status === 'started') {
        bar.append(button('Stop', 'danger', 'stop', `Asked the worker to stop job ${job.id}`,
          `Stop job ${job.id} while it runs? It is recorded as stopped.`));
      }
      bar.append(button('Delete', 'danger', 'delete', `Deleted job ${job.id}`,
        `Delete job ${job.id}? This cannot be undone.`));
      return bar;
    }

    function details(job) {
      const rows = [
        ['Queue', job.origin ? h('a', { href: registryHref(job.origin, 'queued'), text: job.origin }) : '—'],
        ['Status', badge(job.status)],
        ['Description', job.description ? h('span', { class: 'mono wrap', text: job.description }) : '—'],
        ['Worker', job.worker || '—'],
        ['Timeout', seconds(job.timeout)],
        ['Result TTL', seconds(job.resultTtl)],
        ['TTL', seconds(job.ttl)],
        ['Failure TTL', seconds(job.failureTtl)],
        ['Retries left', job.retriesLeft ?? '—'],
        ['Retry intervals', Array.isArray(job.retryIntervals) && job.retryIntervals.length
          ? job.retryIntervals.map((s) => formatDuration(s)).join(', ') : '—'],
        ['Last heartbeat', timeWithAbsolute(job.lastHeartbeat)],
      ];
      return h('dl', { class: 'fields' }, rows.map(([k, v]) => [h('dt', { text: k }), h('dd', {}, v)]));
    }

    function seconds(value) {
      if (value === null || value === undefined || value === '') return '—';
      if (typeof value === 'number') return value < 0 ? 'never expires' : `${formatDuration(value)} (${value} s)`;
      return String(value);
    }

    function timeWithAbsolute(value) {
      const date = toDate(value);
      return date ? h('span', {}, h('span', { text: absolute(value) }), ' ', h('span', { class: 'muted', text: `(${relative(value)})` })) : '—';
    }

    function timeline(job) {
      let items = Array.isArray(job.timeline) && job.timeline.length ? job.timeline : [
        { event: 'created', at: job.createdAt }, { event: 'enqueued', at: job.enqueuedAt },
        { event: 'started', at: job.startedAt }, { event: 'ended', at: job.endedAt },
      ];
      items = items.filter((i) => toDate(i.at)).sort((a, b) => toDate(a.at) - toDate(b.at));
      if (!items.length) return h('p', { class: 'muted', text: 'No timestamps.' });
      const list = h('ol', { class: 'timeline' });
      let previous = null;
      for (const item of items) {
        const at = toDate(item.at);
        if (previous) {
          const gap = formatDuration((at - previous.at) / 1000);
          const phase = { 'enqueued>started': `waited ${gap} in the queue`, 'started>ended': `ran ${gap}` }[
            `${previous.event}>${item.event}`];
          list.append(h('li', { class: 'gap', text: phase || `+ ${gap}` }));
        }
        list.append(h('li', { class: 'event' }, h('span', { class: 'event-name', text: item.event }),
          h('time', { datetime: at.toISOString(), text: absolute(item.at) }),
          h('span', { class: 'muted small', text: relative(item.at) })));
        previous = { at, event: item.event };
      }
      return list;
    }

    function payload(job) {
      const p = job.payload || {};
      const format = p.format || (job.args !== undefined ? 'json' : 'unknown');
      if (format !== 'json' || p.decoded === false) {
        const size = p.bytes !== undefined && p.bytes !== null ? `${p.bytes} bytes` : 'size unknown';
        return h('div', {},
          h('p', { class: 'notice warn payload-undecoded',
            text: `${format === 'pickle' ? 'pickle' : 'undecodable'} payload, ${size} (cannot be decoded in Java)` }),
          p.error ? h('p', { class: 'muted small', text: p.error }) : null,
          job.description ? h('p', {}, 'Description: ', h('span', { class: 'mono', text: job.description })) : null);
      }
      return h('div', { class: 'args' },
        h('h3', { text: 'args' }), pre(job.args ?? [], 'args'),
        h('h3', { text: 'kwargs' }), pre(job.kwargs ?? {}, 'kwargs'),
        p.bytes ? h('p', { class: 'muted small', text: `${p.bytes} bytes stored` }) : null);
    }

    function jobLinks(list, none) {
      if (!Array.isArray(list) || !list.length) return h('p', { class: 'muted', text: none });
      return h('ul', { class: 'links' }, list.map((d) => h('li', {},
        h('a', { class: 'mono', href: jobHref(d.id), text: d.id }), ' ',
        d.status ? badge(d.status) : h('span', { class: 'muted', text: '(expired)' }))));
    }

    function attempts(list) {
      if (!Array.isArray(list) || !list.length) return h('p', { class: 'muted', text: 'No results recorded.' });
      return h('div', { class: 'table-wrap' }, h('table', { class: 'grid attempts' },
        h('thead', {}, h('tr', {}, ['When', 'Outcome', 'Detail'].map((t) => h('th', { scope: 'col', text: t })))),
        h('tbody', {}, list.map((a) => h('tr', {},
          h('td', { class: 'nowrap' }, timeCell(a.createdAt)),
          h('td', {}, badge(a.type)),
          h('td', { class: 'detail' }, a.excString
            ? h('details', {}, h('summary', { text: firstLine(a.excString) }), pre(a.excString, 'trace'))
            : (a.result !== undefined && a.result !== null ? pre(a.result) : h('span', { class: 'muted', text: '—' }))))))));
    }

    load();
    return {
      onOverview(overview, previous) {
        if (!last) return;
        const origin = JSON.parse(last).origin;
        const find = (o) => o && (o.queues || []).find((q) => q.name === origin);
        if (JSON.stringify(find(previous)) !== JSON.stringify(find(overview))) load();
      },
    };
  }

  function registryOf(status) {
    if (status === 'stopped') return 'failed';
    return REGISTRIES.includes(status) ? status : 'queued';
  }

  // ---------------------------------------------------------------- workers

  function workersView(main) {
    const head = h('div', { class: 'view-head' });
    const controls = h('div', { class: 'toolbar actions' });
    const box = h('div', { class: 'table-wrap' });
    main.append(h('h1', { text: 'Workers' }), head, controls, box);

    function renderControls(suspended) {
      clear(controls);
      if (state.readOnly) return;
      if (suspended) {
        controls.append(h('button', { class: 'btn primary action', type: 'button', text: 'Resume all workers',
          onclick: (e) => runAction(e.currentTarget, async () => {
            await post('api/workers/resume');
            load();
            return 'Workers resumed';
          }) }));
        return;
      }
      const duration = h('input', { type: 'number', min: '1', step: '1', placeholder: 'forever',
        'aria-label': 'Suspend for how many seconds (empty: until resumed)', class: 'narrow' });
      controls.append(h('form', { class: 'inline-form', onsubmit: async (e) => {
        e.preventDefault();
        const seconds = parseInt(duration.value, 10);
        const text = seconds > 0 ? `Suspend all workers for ${formatDuration(seconds)}?`
          : 'Suspend all workers until resumed? Running jobs finish; no new job is taken.';
        if (!(await confirmAction(text, 'Suspend'))) return;
        await runAction(e.submitter, async () => {
          await post('api/workers/suspend', seconds > 0 ? { durationSeconds: seconds } : {});
          load();
          return seconds > 0 ? `Workers suspended for ${formatDuration(seconds)}` : 'Workers suspended';
        });
      } }, h('button', { class: 'btn action', type: 'submit', text: 'Suspend all workers' }),
      h('label', { class: 'inline-label' }, 'for ', duration, ' s')));
    }

    let shown = null;
    function render(data) {
      const key = JSON.stringify(data);
      if (key === shown) return; // why: an unchanged list keeps its DOM (and the user's focus)
      shown = key;
      const workers = (data && data.workers) || [];
      append(clear(head), [h('p', { class: 'muted', text: `${plural(workers.length, 'worker')} registered` }),
        data && data.suspended ? badge('suspended') : null]);
      renderControls(data && data.suspended);
      clear(box);
      if (!workers.length) {
        box.append(h('p', { class: 'empty', text: 'No workers are registered.' }));
        return;
      }
      const sorted = [...workers].sort((a, b) => (a.name || '').localeCompare(b.name || ''));
      box.append(h('table', { class: 'grid workers', id: 'workers-table' },
        h('thead', {}, h('tr', {}, ['Name', 'Host', 'PID', 'Queues', 'State', 'Current job', 'Successes', 'Failures',
          'Working time', 'Last heartbeat', state.readOnly ? null : ''].filter((t) => t !== null)
          .map((t) => h('th', { scope: 'col', text: t })))),
        h('tbody', {}, sorted.map((w) => h('tr', { dataset: { worker: w.name } },
          h('td', { class: 'mono small wname', text: w.name }),
          h('td', { text: w.hostname || '' }),
          h('td', { class: 'num', text: w.pid ?? '' }),
          h('td', {}, (w.queues || []).map((q, i) => [i ? ', ' : '', h('a', { href: registryHref(q, 'queued'), text: q })])),
          h('td', {}, badge(w.state)),
          h('td', {}, currentJob(w.currentJob)),
          h('td', { class: 'num', text: num(w.successfulJobCount ?? 0) }),
          h('td', { class: 'num', text: num(w.failedJobCount ?? 0) }),
          h('td', { class: 'num nowrap', text: w.totalWorkingTime ? formatDuration(w.totalWorkingTime) : '—' }),
          h('td', { class: 'nowrap' }, timeCell(w.lastHeartbeat)),
          state.readOnly ? null : h('td', {}, h('button', { class: 'btn small danger action', type: 'button',
            text: 'Shut down', onclick: async (e) => {
              const button = e.currentTarget;
              if (!(await confirmAction(`Ask worker ${w.name} to shut down after its current job?`, 'Shut down'))) return;
              await runAction(button, async () => {
                const result = await post(`api/workers/${enc(w.name)}/shutdown`);
                return sentence(result && result.message) || `Asked worker ${w.name} to shut down`;
              });
            } })))))));
    }

    function currentJob(job) {
      if (!job) return h('span', { class: 'muted', text: '—' });
      return h('div', { class: 'current' }, h('a', { href: jobHref(job.id), text: job.name || job.id }),
        job.runningSeconds !== undefined && job.runningSeconds !== null
          ? h('span', { class: 'muted small', text: ` running ${formatDuration(job.runningSeconds)}` }) : null,
        job.description ? h('div', { class: 'muted small clip', title: job.description, text: job.description }) : null);
    }

    async function load() {
      try {
        handleWorkers(await api('api/workers'));
      } catch (e) {
        clear(box).append(h('p', { class: 'empty error', text: `Could not load the workers: ${e.message}` }));
      }
    }

    if (state.workers) render(state.workers);
    else box.append(h('p', { class: 'muted', text: 'Loading…' }));
    load();
    return {
      onWorkers: render,
      onOverview(overview, previous) {
        if (previous && previous.suspended !== overview.suspended) load();
      },
    };
  }

  // ---------------------------------------------------------------- header: find a job, enqueue a job

  function setUpHeader() {
    $('#find-job').addEventListener('submit', (e) => {
      e.preventDefault();
      const id = $('#find-job-id').value.trim();
      if (id) go(jobHref(id));
    });

    const panel = $('#enqueue-panel');
    const toggle = $('#enqueue-toggle');
    const form = $('#enqueue-form');
    const setOpen = (open) => {
      panel.hidden = !open;
      toggle.setAttribute('aria-expanded', String(open));
      if (open) form.elements.queue.focus();
    };
    toggle.addEventListener('click', () => setOpen(panel.hidden));
    $('#enqueue-cancel').addEventListener('click', () => setOpen(false));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const request = readEnqueueForm(form);
      if (!request) return;
      const button = form.querySelector('button[type="submit"]');
      button.disabled = true;
      try {
        const result = await post(`api/queues/${enc(request.queue)}/jobs`, request.body);
        const link = h('span', {}, `Enqueued job `, h('a', { href: jobHref(result.id), text: result.id }),
          ` to queue ${request.queue}`);
        showStatus(link, 'success');
        refreshOverview();
      } catch (err) {
        fieldError(form, 'form', err.message);
        showError(err);
      } finally {
        button.disabled = false;
      }
    });
  }

  function fieldError(form, field, message) {
    const slot = form.querySelector(`[data-error-for="${field}"]`);
    if (slot) slot.textContent = message || '';
    const input = form.elements[field];
    if (input) {
      if (message) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    }
  }

  /** Checks the enqueue form before anything is sent; null (with messages shown) when it is invalid. */
  function readEnqueueForm(form) {
    ['args', 'kwargs', 'form'].forEach((f) => fieldError(form, f, ''));
    const value = (name) => form.elements[name].value.trim();
    let ok = true;
    const json = (name, kind) => {
      const text = value(name) || (kind === 'array' ? '[]' : '{}');
      let parsed;
      try {
        parsed = JSON.parse(text);
      } catch (err) {
        fieldError(form, name, `Not valid JSON: ${err.message}`);
        ok = false;
        return null;
      }
      const isArray = Array.isArray(parsed);
      const isObject = parsed !== null && typeof parsed === 'object' && !isArray;
      if ((kind === 'array' && !isArray) || (kind === 'object' && !isObject)) {
        fieldError(form, name, kind === 'array' ? 'Must be a JSON array, e.g. [1, "two"]' : 'Must be a JSON object, e.g. {"to": "a@b.c"}');
        ok = false;
      }
      return parsed;
    };
    const args = json('args', 'array');
    const kwargs = json('kwargs', 'object');
    if (!value('queue') || !value('name')) {
      fieldError(form, 'form', 'A queue and a job name are required.');
      ok = false;
    }
    if (!ok) {
      const invalid = form.querySelector('[aria-invalid="true"]');
      if (invalid) invalid.focus();
      return null;
    }
    const options = {};
    if (value('description')) options.description = value('description');
    if (value('timeout')) options.timeout = parseInt(value('timeout'), 10);
    if (form.elements.atFront.checked) options.atFront = true;
    return { queue: value('queue'), body: { name: value('name'), args, kwargs, options } };
  }

  // ---------------------------------------------------------------- start

  async function start() {
    setUpHeader();
    applyReadOnly();
    try {
      const overview = await api('api/overview');
      state.readOnly = !!overview.readOnly;
      applyReadOnly();
      state.overview = overview;
      const serverTime = toDate(overview.serverTime);
      if (serverTime) state.clockSkewMs = serverTime.getTime() - Date.now();
      renderBanner();
      updateQueueList();
    } catch (e) {
      showError(e);
    }
    window.addEventListener('hashchange', route);
    route();
    connectEvents();
    // relative times age even when nothing changes
    setInterval(() => {
      document.querySelectorAll('#view time[datetime]').forEach((el) => {
        if (el.closest('.timeline')) return;
        el.textContent = relative(el.getAttribute('datetime'));
      });
    }, 15000);
    document.documentElement.dataset.ready = 'true';
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
