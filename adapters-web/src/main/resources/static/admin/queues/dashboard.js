// Worklane queue dashboard (SPEC §6.2). Plain browser JavaScript, no build step.
// Everything comes from the admin JSON API under /admin/queues/api/ (same-origin session cookie);
// every unsafe call sends the session's CSRF token (GET /api/v1/auth/csrf) in X-XSRF-TOKEN.
// Values from the server are only ever written with textContent or attributes, never as HTML.
'use strict';

(() => {
  const API = '/admin/queues/api';
  const CSRF_URL = '/api/v1/auth/csrf';
  const SESSION_URL = '/api/v1/auth/session';
  const STATES = ['waiting', 'delayed', 'active', 'completed', 'failed'];
  const PER_PAGE = 20;
  const REFRESH_MS = 5000;

  const view = { queue: null, state: 'failed', page: 1, jobId: null, total: 0 };
  let csrf = null;
  let refreshing = null;
  let timer = null;

  const $ = (id) => document.getElementById(id);

  /** Builds an element; attributes are set as attributes, `text` as textContent. */
  function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) {
      if (value === null || value === undefined || value === false) continue;
      if (name === 'text') node.textContent = String(value);
      else if (name === 'onclick') node.addEventListener('click', value);
      else node.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children) node.append(child);
    return node;
  }

  class ApiError extends Error {
    constructor(status, problem) {
      super((problem && (problem.detail || problem.title)) || 'HTTP ' + status);
      this.status = status;
      this.problem = problem || {};
    }
  }

  async function readJson(response) {
    const type = response.headers.get('Content-Type') || '';
    return type.includes('json') ? response.json() : null;
  }

  async function csrfToken() {
    if (!csrf) {
      const response = await fetch(CSRF_URL, {
        credentials: 'same-origin',
        cache: 'no-store',
        headers: { Accept: 'application/json' },
      });
      const body = await readJson(response);
      if (!response.ok) throw new ApiError(response.status, body);
      csrf = { header: body.data.headerName, token: body.data.token };
    }
    return csrf;
  }

  /** Calls the admin API; resolves to the parsed envelope (null for 204), rejects with ApiError. */
  async function api(method, path, retried = false) {
    const headers = { Accept: 'application/json' };
    if (method !== 'GET') {
      const token = await csrfToken();
      headers[token.header] = token.token;
    }
    const response = await fetch(API + path, {
      method,
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
    });
    const body = await readJson(response);
    if (!response.ok) {
      // A token from before a re-login is stale: fetch a fresh one and try once more.
      if (response.status === 403 && body && body.code === 'CSRF_REJECTED' && !retried) {
        csrf = null;
        return api(method, path, true);
      }
      throw new ApiError(response.status, body);
    }
    return body;
  }

  const seg = (value) => encodeURIComponent(value);
  const jobPath = (queue, id) => '/queues/' + seg(queue) + '/jobs/' + seg(id);

  function showNotice(text) {
    $('notice').textContent = text;
    $('notice').hidden = !text;
  }

  function showError(error) {
    if (!error) {
      $('error').hidden = true;
      $('error').textContent = '';
      return;
    }
    let text;
    if (error instanceof ApiError) {
      const p = error.problem;
      if (error.status === 401) {
        text = 'Not logged in (or the session ended): log in as an admin and reload this page.';
      } else if (error.status === 403 && p.code !== 'CSRF_REJECTED') {
        text = 'Access denied: the dashboard is for admins only.';
      } else {
        text = (p.title || 'Error') + ' (' + error.status + '): ' + (p.detail || '');
      }
      if (p.code) text += '\ncode ' + p.code;
      if (p.requestId) text += ', request ' + p.requestId;
    } else {
      text = 'Request failed: ' + (error.message || error);
    }
    $('error').textContent = text;
    $('error').hidden = false;
  }

  const time = (iso) => (iso ? iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '—');

  // ---- queues -------------------------------------------------------------------------------

  function renderQueues(queues) {
    const rows = queues.map((q) => {
      const counts = STATES.map((state) =>
        el(
          'td',
          { class: 'num' },
          el('button', {
            type: 'button',
            class: 'link',
            'data-testid': 'count-' + q.name + '-' + state,
            title: 'Show ' + state + ' jobs of ' + q.name,
            text: q.counts[state] ?? 0,
            onclick: () => selectList(q.name, state, 1),
          }),
        ),
      );
      const toggle = q.paused
        ? el('button', {
            type: 'button',
            'data-testid': 'resume-' + q.name,
            text: 'Resume',
            onclick: () => act('POST', '/queues/' + seg(q.name) + '/resume', 'Queue ' + q.name + ' resumed'),
          })
        : el('button', {
            type: 'button',
            'data-testid': 'pause-' + q.name,
            text: 'Pause',
            onclick: () => act('POST', '/queues/' + seg(q.name) + '/pause', 'Queue ' + q.name + ' paused'),
          });
      const actions = el(
        'div',
        { class: 'row-actions' },
        toggle,
        el('button', {
          type: 'button',
          'data-testid': 'retry-failed-' + q.name,
          text: 'Retry all failed',
          disabled: !(q.counts.failed > 0),
          onclick: () =>
            act('POST', '/queues/' + seg(q.name) + '/retry-failed', (r) =>
              'Retried ' + r.data.count + ' failed job(s) of ' + q.name),
        }),
        el('button', {
          type: 'button',
          class: 'danger',
          'data-testid': 'clean-completed-' + q.name,
          text: 'Clean completed',
          disabled: !(q.counts.completed > 0),
          onclick: () => {
            if (window.confirm('Delete every completed job of ' + q.name + '?')) {
              act('POST', '/queues/' + seg(q.name) + '/clean-completed', (r) =>
                'Removed ' + r.data.count + ' completed job(s) of ' + q.name);
            }
          },
        }),
      );
      return el(
        'tr',
        {
          'data-testid': 'queue-row',
          'data-queue': q.name,
          class: q.name === view.queue ? 'selected' : null,
        },
        el('th', { scope: 'row' }, el('button', {
          type: 'button',
          class: 'link',
          'data-testid': 'open-queue-' + q.name,
          text: q.name,
          onclick: () => selectList(q.name, view.state, 1),
        })),
        el('td', {}, el('span', {
          class: 'badge ' + (q.paused ? 'paused' : 'running'),
          'data-testid': 'status-' + q.name,
          text: q.paused ? 'paused' : 'running',
        })),
        el('td', { class: 'num', text: q.concurrency }),
        ...counts,
        el('td', {}, actions),
      );
    });
    $('queue-rows').replaceChildren(...rows);
  }

  // ---- where we are: kept in the URL's fragment, so a reload or a shared link shows the same ----

  function saveLocation() {
    const params = new URLSearchParams();
    if (view.queue) params.set('queue', view.queue);
    params.set('state', view.state);
    if (view.page > 1) params.set('page', String(view.page));
    if (view.jobId) params.set('job', view.jobId);
    history.replaceState(null, '', '#' + params.toString());
  }

  function loadLocation() {
    const params = new URLSearchParams(location.hash.slice(1));
    if (params.get('queue')) view.queue = params.get('queue');
    if (STATES.includes(params.get('state'))) view.state = params.get('state');
    const page = Number.parseInt(params.get('page') || '1', 10);
    view.page = Number.isInteger(page) && page > 0 ? page : 1;
    view.jobId = params.get('job') || null;
  }

  // ---- job list -----------------------------------------------------------------------------

  function selectList(queue, state, page) {
    view.queue = queue;
    view.state = state;
    view.page = page;
    saveLocation();
    refresh();
  }

  function renderTabs() {
    const tabs = STATES.map((state) =>
      el('button', {
        type: 'button',
        'data-testid': 'state-' + state,
        'aria-pressed': String(state === view.state),
        text: state,
        onclick: () => selectList(view.queue, state, 1),
      }),
    );
    $('state-tabs').replaceChildren(...tabs);
  }

  function renderJobs(envelope) {
    const jobs = envelope.data;
    view.total = envelope.meta.total ?? jobs.length;
    $('jobs-section').hidden = false;
    $('jobs-title').textContent = view.queue + ' · ' + view.state + ' jobs';
    renderTabs();
    const rows = jobs.map((job) =>
      el(
        'tr',
        {
          'data-testid': 'job-row',
          'data-job-id': job.id,
          'data-state': job.state,
          class: job.id === view.jobId ? 'selected' : null,
          onclick: () => openJob(job.id),
        },
        el('td', {}, el('code', { 'data-testid': 'job-id', text: job.id })),
        el('td', { text: job.type }),
        el('td', { class: 'num', text: job.attemptsMade + ' / ' + job.maxAttempts }),
        el('td', { class: 'num', text: job.progress + ' %' }),
        el('td', { text: time(job.createdAt) }),
        el('td', { text: time(job.finishedAt || job.processAt) }),
        el('td', {
          class: 'error-cell',
          'data-testid': 'job-failed-reason',
          title: job.failedReason || '',
          text: job.failedReason || '',
        }),
      ),
    );
    $('job-rows').replaceChildren(...rows);
    $('jobs-empty').hidden = jobs.length > 0;
    const pages = Math.max(1, Math.ceil(view.total / PER_PAGE));
    $('page-info').textContent = 'Page ' + view.page + ' of ' + pages + ' · ' + view.total + ' job(s)';
    $('prev-page').disabled = view.page <= 1;
    $('next-page').disabled = view.page >= pages;
  }

  // ---- job detail ---------------------------------------------------------------------------

  function openJob(id) {
    view.jobId = id;
    $('stacktrace').open = false;
    saveLocation();
    refresh();
  }

  function closeJob() {
    view.jobId = null;
    $('detail-section').hidden = true;
    saveLocation();
    refresh();
  }

  function field(label, testid, value) {
    return [el('dt', { text: label }), el('dd', { 'data-testid': testid, text: value ?? '—' })];
  }

  function renderJob(job) {
    $('detail-section').hidden = false;
    $('detail-section').setAttribute('data-job-id', job.id);
    $('detail-id').textContent = job.id;
    $('detail-fields').replaceChildren(
      ...field('State', 'detail-state', job.state),
      ...field('Queue', 'detail-queue', job.queue),
      ...field('Type', 'detail-type', job.type),
      ...field('Attempts', 'detail-attempts', job.attemptsMade + ' of ' + job.maxAttempts),
      ...field('Progress', 'detail-progress', job.progress + ' %'),
      ...field('Priority', 'detail-priority', job.priority),
      ...field('Created', 'detail-created', time(job.createdAt)),
      ...field('Runs at', 'detail-process-at', time(job.processAt)),
      ...field('Finished', 'detail-finished', time(job.finishedAt)),
      ...field('Timeout', 'detail-timeout', job.timeoutMillis / 1000 + ' s'),
      ...field('Backoff', 'detail-backoff', job.backoffMillis / 1000 + ' s'),
      ...field('Request id', 'detail-request-id', job.requestId),
      ...field('Last error', 'detail-failed-reason', job.failedReason),
    );
    $('detail-data').textContent = JSON.stringify(job.data, null, 2);
    const logs = (job.logs || []).map((line) => el('li', { text: line }));
    $('detail-logs').replaceChildren(...logs);
    $('detail-no-logs').hidden = logs.length > 0;
    // The <details> element stays in place, so an opened stack trace stays open on refresh.
    $('stacktrace').hidden = !job.stacktrace;
    $('stacktrace-text').textContent = job.stacktrace || '';
    $('action-retry').disabled = job.state !== 'failed';
    $('action-promote').disabled = job.state !== 'delayed';
    $('action-remove').disabled = job.state === 'active';
  }

  // ---- actions and refresh ------------------------------------------------------------------

  /** Runs an action, reports it, then refreshes everything (an error outlives the refresh). */
  async function act(method, path, done) {
    let failure = null;
    try {
      const result = await api(method, path);
      showNotice(typeof done === 'function' ? done(result) : done);
    } catch (error) {
      failure = error;
      showNotice('');
    }
    await refresh();
    if (failure) showError(failure);
  }

  function jobAction(method, suffix, verb) {
    if (!view.queue || !view.jobId) return;
    const id = view.jobId;
    act(method, jobPath(view.queue, id) + suffix, () => {
      if (method === 'DELETE') {
        view.jobId = null;
        $('detail-section').hidden = true;
        saveLocation();
      }
      return 'Job ' + id + ' ' + verb;
    });
  }

  async function loadAll() {
    const queues = await api('GET', '/queues');
    if (!queues.data.some((q) => q.name === view.queue)) {
      view.queue = queues.data.length > 0 ? queues.data[0].name : null;
      saveLocation();
    }
    renderQueues(queues.data);
    if (view.queue) {
      const query = '?state=' + seg(view.state) + '&page=' + view.page + '&perPage=' + PER_PAGE;
      const jobs = await api('GET', '/queues/' + seg(view.queue) + '/jobs' + query);
      if (jobs.data.length === 0 && view.page > 1) {
        view.page -= 1; // the last page emptied (jobs moved on): show the one before
        saveLocation();
        return loadAll();
      }
      renderJobs(jobs);
    }
    if (view.jobId) {
      try {
        renderJob((await api('GET', jobPath(view.queue, view.jobId))).data);
      } catch (error) {
        if (!(error instanceof ApiError) || error.status !== 404) throw error;
        showNotice('Job ' + view.jobId + ' no longer exists (removed or cleaned).');
        view.jobId = null;
        $('detail-section').hidden = true;
        saveLocation();
      }
    }
    $('updated').textContent = 'Updated ' + new Date().toLocaleTimeString();
  }

  /**
   * One refresh at a time. A request that arrives while one runs (a click during the auto-refresh)
   * is folded into a single follow-up run, so the newest selection is always loaded; the promise
   * settles after that follow-up too.
   */
  let again = false;
  function refresh() {
    if (refreshing) {
      again = true;
      return refreshing;
    }
    refreshing = (async () => {
      do {
        again = false;
        try {
          await loadAll();
          showError(null);
        } catch (error) {
          showError(error);
        }
      } while (again);
    })().finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  function schedule() {
    clearInterval(timer);
    timer = null;
    if ($('auto-refresh').checked) {
      timer = setInterval(() => {
        if (document.visibilityState === 'visible') refresh();
      }, REFRESH_MS);
    }
  }

  /** Ends the browser session (DELETE /api/v1/auth/session, CSRF-protected like any action). */
  async function logOut() {
    try {
      const token = await csrfToken();
      const response = await fetch(SESSION_URL, {
        method: 'DELETE',
        headers: { [token.header]: token.token, Accept: 'application/json' },
        credentials: 'same-origin',
      });
      if (!response.ok && response.status !== 401) {
        throw new ApiError(response.status, await readJson(response));
      }
      clearInterval(timer);
      csrf = null;
      $('auto-refresh').checked = false;
      showError(null);
      showNotice('Logged out. Log in again to use the dashboard.');
    } catch (error) {
      showError(error);
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('refresh').addEventListener('click', () => refresh());
    $('auto-refresh').addEventListener('change', schedule);
    $('prev-page').addEventListener('click', () => selectList(view.queue, view.state, view.page - 1));
    $('next-page').addEventListener('click', () => selectList(view.queue, view.state, view.page + 1));
    $('action-retry').addEventListener('click', () => jobAction('POST', '/retry', 'retried'));
    $('action-promote').addEventListener('click', () => jobAction('POST', '/promote', 'promoted'));
    $('action-remove').addEventListener('click', () => {
      if (view.jobId && window.confirm('Remove job ' + view.jobId + '?')) {
        jobAction('DELETE', '', 'removed');
      }
    });
    $('action-close').addEventListener('click', closeJob);
    $('log-out').addEventListener('click', logOut);
    loadLocation();
    renderTabs();
    refresh();
    schedule();
  });
})();
