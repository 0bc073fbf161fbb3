// The one module every page loads (window.PN): the navigation, the GraphQL request with its error
// handling, who is signed in, the network model's labels, and the formatting rules. Pages keep
// only what is theirs; a rule written here is the same on every page.
window.PN = (function () {
  const $ = id => document.getElementById(id);
  const escape = s => String(s ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));

  // --- formatting ------------------------------------------------------------------------------

  // Rounds half up on the decimal digits of the number as it prints, as Java's %.1f does for the
  // CSV and PDF (and Excel's 0.0% for the workbook): 99.96 → 100.0, where toFixed would round the
  // binary value and could differ from the downloads.
  function decimal(value, digits = 1) {
    const text = String(value);
    if (/e/i.test(text)) return value.toFixed(digits); // too small or large to matter here
    return (Math.round(Number(`${text}e${digits}`)) / 10 ** digits).toFixed(digits);
  }
  // A ratio (0..1, or null when there is nothing to cover) as the downloads print it.
  const percent = ratio => ratio === null || ratio === undefined ? '–' : decimal(ratio * 100) + '%';
  // The same rounding as a number, for charts.
  const percentValue = ratio => ratio === null || ratio === undefined ? null : Number(decimal(ratio * 100));
  const number = n => n === null || n === undefined ? '–' : String(n);

  // Beijing has no daylight saving: UTC+8 all year.
  const BEIJING = 8 * 3600 * 1000;
  // Today in Beijing, as 2026-11-29 (the date pickers' maximum).
  const today = () => new Date(Date.now() + BEIJING).toISOString().slice(0, 10);
  // An instant in Beijing time, as 2026-11-29 16:30:00.
  const beijing = at => new Date(Date.parse(at) + BEIJING).toISOString().slice(0, 19).replace('T', ' ');

  // CoverageMetric keys and the coverage fields that carry them: GRID ↔ grid, DUAL_NET ↔ dualNet.
  const fieldOf = key => key.toLowerCase().replace(/_(\w)/g, (_, c) => c.toUpperCase());
  const keyOf = field => field.replace(/[A-Z]/g, c => '_' + c).toUpperCase();

  // --- the GraphQL request ----------------------------------------------------------------------

  // Without a session the API answers an ordinary client 401 with a Basic challenge, which a
  // browser would answer with its own password prompt and then hold Basic credentials for the site
  // (SecurityConfiguration keeps browsers from that). Accepting HTML as well, at a low weight, makes
  // this a browser request: it is sent to the login form instead, which the page recognises.
  // application/json, as */* got before: every GraphQL answer is a 200 with its errors in the body.
  const ACCEPT = 'application/json, text/html;q=0.1';

  // An answer that means the session is gone: refused, or sent to the login form.
  const expiredAnswer = (status, url) => status === 401 || status === 403
    || (!!url && new URL(url, location.href).pathname === '/login');

  // How long the notice of an expired session shows before the login form opens.
  const EXPIRED_NOTICE_MS = 1500;

  // The session is gone: say so, then open this page again, which goes through the login form
  // and comes back here, query and all (Spring Security keeps the page asked for; see
  // SecurityConfiguration). /login itself would land on the desk instead.
  function sessionExpired() {
    const error = new Error('登录已过期，正在转到登录页面… / Your session has expired: taking you to sign in again');
    error.expired = true;
    if (!$('session-expired')) {
      const notice = document.createElement('p');
      notice.id = 'session-expired';
      notice.className = 'session-expired';
      notice.setAttribute('role', 'alert');
      notice.textContent = error.message + ' ';
      const again = document.createElement('a');
      again.href = location.href;
      again.textContent = '立即登录 Sign in now';
      notice.appendChild(again);
      document.body.prepend(notice);
      setTimeout(() => location.assign(location.href), EXPIRED_NOTICE_MS);
    }
    return error;
  }

  async function graphql(query, variables = {}) {
    let response;
    try {
      response = await fetch('/graphql', {
        method: 'POST', headers: { 'Content-Type': 'application/json', Accept: ACCEPT },
        body: JSON.stringify({ query, variables })
      });
    } catch (e) {
      throw new Error('无法连接服务器 / The server cannot be reached');
    }
    if (expiredAnswer(response.status, response.redirected ? response.url : null)) throw sessionExpired();
    let body = null;
    try { body = await response.json(); } catch (e) { body = null; }
    if (body && body.errors && body.errors.length) {
      // the service's messages are Chinese first already ("无权查看 … / not allowed …")
      // one line per distinct message: several fields refused for one reason say it once
      throw new Error([...new Set(body.errors.map(e => e.message))].join('；'));
    }
    if (!body || !response.ok || !body.data) {
      throw new Error(`服务器错误（HTTP ${response.status}） / Server error (HTTP ${response.status})`);
    }
    return body.data;
  }

  // A page's failure: in its #error, and the flag the browser tests wait for.
  function fail(error) {
    $('error').textContent = error.message;
    $('error').hidden = false;
    document.body.dataset.loaded = 'error';
  }

  // --- the network model: labels from the API --------------------------------------------------

  const TERMS = ['labels', 'organizationKinds', 'areaKinds', 'relationships', 'roles', 'operations', 'coverageMetrics',
    'healthRules', 'severities'];
  const MODEL = `{ model { ${TERMS.map(f => `${f} { key name english label parent forward backward }`).join(' ')} } }`;
  let modelRequest = null;

  // The labels of the network, fetched once per page: each list as the API orders it, and
  // term(list, key), name(list, key) (the key itself when unknown) and both(list, key) ("错误 Error").
  function model() {
    modelRequest ||= graphql(MODEL).then(data => {
      const index = Object.fromEntries(TERMS.map(f => [f, Object.fromEntries(data.model[f].map(t => [t.key, t]))]));
      const term = (list, key) => index[list][key] || null;
      const name = (list, key) => term(list, key)?.name ?? key;
      const both = (list, key) => { const t = term(list, key); return t ? [t.name, t.english].filter(Boolean).join(' ') : key; };
      return Object.assign({ term, name, both }, data.model);
    }, error => { modelRequest = null; throw error; });
    return modelRequest;
  }

  // --- who is signed in ------------------------------------------------------------------------

  // Account roles (AccountRole), not the roles people hold in the network (the model's roles).
  const ACCOUNT_ROLES = { ORG_DEPT: '组织部 Org. dept.', SECRETARY: '书记 Secretary', VIEWER: '查看 Viewer' };
  let meRequest = null;
  const me = () => (meRequest ||= graphql('{ me { username role organization { id name } organizations { id name } } }')
    .then(data => data.me, error => { meRequest = null; throw error; }));
  const accountRole = role => ACCOUNT_ROLES[role] || role;

  // A secretary whose posts have all ended reads nothing: every page says why, at the top.
  function noPost(account) {
    if (account.role !== 'SECRETARY' || !Array.isArray(account.organizations) || account.organizations.length) return;
    if ($('no-post')) return;
    const notice = document.createElement('p');
    notice.id = 'no-post';
    notice.className = 'no-post';
    notice.setAttribute('role', 'alert');
    notice.textContent = '您目前未担任任何党组织的书记或副书记职务，因此没有可查看的数据；如有疑问，请联系区委组织部。'
      + ' / You currently hold no secretary\'s post in any organization, so there is nothing for you to read;'
      + ' ask the organization department if this is wrong.';
    document.body.prepend(notice);
  }

  // --- the navigation --------------------------------------------------------------------------

  // Every page with the account roles that may use it (AccountRole): a page whose data the API
  // refuses a role, or that the server refuses (import), is not offered to that role.
  const ALL = ['ORG_DEPT', 'SECRETARY', 'VIEWER'];
  const PAGES = [
    ['/', '工作台', 'Desk', ALL],
    ['/org-chart', '组织架构图', 'Org chart', ALL],
    ['/reports/coverage', '全覆盖', 'Coverage', ALL],
    ['/reports/health', '组织健康', 'Health', ALL],
    ['/reports/linkage', '联动', 'Linkage', ALL],
    // the audit trail names people, which a viewer never reads
    ['/reports/changes', '审计记录', 'Audit trail', ['ORG_DEPT', 'SECRETARY']],
    ['/import', '导入', 'Import', ['ORG_DEPT']],
    ['/graphiql', 'GraphQL 查询', 'explorer', ALL],
    ['/admin/accounts', '账号管理', 'Accounts', ['ORG_DEPT']],
    ['/admin/backups', '备份', 'Backups', ['ORG_DEPT']]
  ];
  // The pages a role may use, in the navigation's order.
  const pagesFor = role => PAGES.filter(p => p[3].includes(role));
  const current = path => {
    const here = location.pathname.replace(/(\/index)?\.html$/, '') || '/';
    return here === path || (path !== '/' && here.startsWith(path + '/'));
  };

  // Into <nav id="nav">: the pages the account may use, this one marked, then who is signed in
  // with a way out. Without an account (the session has gone) only the desk is offered. On a
  // phone (partynet.css) the same links fold into a menu behind one button, so that the header
  // stays one line.
  function navigation() {
    const nav = $('nav');
    if (!nav) return;
    nav.classList.add('pn-nav', 'no-print');
    nav.setAttribute('aria-label', '页面 Pages');
    const button = document.createElement('button');
    button.type = 'button';
    button.id = 'pn-menu-button';
    button.className = 'pn-menu-button';
    button.setAttribute('aria-controls', 'pn-menu');
    button.setAttribute('aria-expanded', 'false');
    button.title = '菜单 Menu';
    button.textContent = '☰ 菜单';
    const menu = document.createElement('div');
    menu.id = 'pn-menu';
    menu.className = 'pn-menu';
    const open = yes => {
      nav.classList.toggle('open', yes);
      button.setAttribute('aria-expanded', String(yes));
    };
    button.addEventListener('click', () => open(!nav.classList.contains('open')));
    // a tap anywhere else, or Escape, closes it
    document.addEventListener('click', event => { if (!nav.contains(event.target)) open(false); });
    document.addEventListener('keydown', event => { if (event.key === 'Escape') open(false); });
    nav.append(button, menu);
    const separator = () => {
      const dot = document.createElement('span');
      dot.className = 'pn-sep';
      dot.textContent = ' · ';
      return dot;
    };
    const page = ([path, chinese, english], i) => {
      if (i) menu.appendChild(separator());
      const link = document.createElement('a');
      link.href = path;
      link.textContent = `${chinese} · ${english}`;
      if (current(path)) link.setAttribute('aria-current', 'page');
      menu.appendChild(link);
    };
    me().then(account => {
      pagesFor(account.role).forEach(page);
      noPost(account);
      const badge = document.createElement('span');
      badge.id = 'account';
      badge.className = 'account';
      const who = document.createElement('span');
      who.className = 'who';
      who.textContent = `${account.username} · ${ACCOUNT_ROLES[account.role] || account.role}`
        + `${account.organization ? ' · ' + account.organization.name : ''}`;
      badge.append(who, separator());
      // signing out is a POST with the CSRF token: /logout is its form
      const out = document.createElement('a');
      out.href = '/logout';
      out.textContent = '退出 Sign out';
      badge.appendChild(out);
      // everyone changes their own password on the server's form
      badge.appendChild(separator());
      const password = document.createElement('a');
      password.id = 'change-password-link';
      password.href = '/account/password';
      password.textContent = '修改密码 Change password';
      badge.appendChild(password);
      menu.appendChild(badge);
    }, () => page(PAGES[0], 0));
  }
  // --- phones: toolbars that fold away, tables that become cards ------------------------------

  // Each <form class="pn-fold"> (a report's toolbar) gets a button before it; on a phone
  // (partynet.css) the form shows only while the button is pressed, so that the report, not its
  // filters, fills the screen. The button's text is the form's data-fold, or 筛选 Options.
  function folds() {
    document.querySelectorAll('form.pn-fold').forEach((form, i) => {
      if (form.previousElementSibling?.classList.contains('pn-fold-button')) return;
      form.id ||= `pn-fold-${i}`;
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'pn-fold-button no-print';
      button.setAttribute('aria-controls', form.id);
      button.setAttribute('aria-expanded', 'false');
      button.textContent = form.dataset.fold || '筛选 Options';
      button.addEventListener('click', () => {
        const open = !form.classList.contains('open');
        form.classList.toggle('open', open);
        button.setAttribute('aria-expanded', String(open));
      });
      form.before(button);
    });
  }

  // Each <table class="pn-cards"> is a card per row on a phone (partynet.css): every cell is
  // labelled with its column's heading, again whenever the page redraws the rows.
  function cards() {
    document.querySelectorAll('table.pn-cards').forEach(table => {
      const label = () => {
        const headings = [...(table.tHead?.rows[0]?.cells || [])].map(th => th.textContent.trim());
        [...table.tBodies].forEach(body => [...body.rows].forEach(row => [...row.cells].forEach((cell, i) => {
          if (cell.colSpan === 1 && headings[i] && !cell.dataset.label) cell.dataset.label = headings[i];
        })));
      };
      label();
      new MutationObserver(label).observe(table, { childList: true, subtree: true });
    });
  }

  function phones() {
    navigation();
    folds();
    cards();
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', phones);
  else phones();

  // --- breadcrumbs -----------------------------------------------------------------------------

  // Into <nav id="crumbs"> (made after the page's header when the page has none): the way from
  // the top down, each step [{name, href}] a link, the last one (where the page is) marked.
  function crumbs(element, items) {
    let nav = element;
    if (!nav) {
      nav = document.createElement('nav');
      nav.id = 'crumbs';
      const header = document.querySelector('header');
      if (header) header.after(nav); else document.body.prepend(nav);
    }
    nav.classList.add('pn-crumbs', 'no-print');
    nav.setAttribute('aria-label', '位置 You are here');
    nav.textContent = '';
    items.forEach((item, i) => {
      if (i) nav.appendChild(document.createTextNode(' / '));
      const last = i === items.length - 1;
      const step = document.createElement(last || !item.href ? 'span' : 'a');
      step.textContent = item.name;
      if (!last && item.href) step.href = item.href;
      if (last) step.setAttribute('aria-current', 'location');
      nav.appendChild(step);
    });
    nav.hidden = !items.length;
    return nav;
  }

  // The breadcrumbs of a report's scope (an area, or an organization), each step the same report
  // for that scope; none for the whole network.
  async function scopeCrumbs(scope) {
    if (!scope) return crumbs($('crumbs'), []);
    const data = await graphql(`query Crumbs($id: ID!) { node(id: $id) { id name
      ... on Area { ancestors { id name } } ... on Organization { ancestors { id name } } } }`, { id: scope });
    if (!data.node) return crumbs($('crumbs'), []);
    // a scope the picker does not list (an organization, from a link) is named, not shown as its id
    document.querySelectorAll('option').forEach(o => { if (o.value === scope && o.textContent === scope) o.textContent = data.node.name; });
    const href = id => `${location.pathname}?scope=${encodeURIComponent(id)}`;
    return crumbs($('crumbs'), [...(data.node.ancestors || []), data.node].map(n => ({ name: n.name, href: href(n.id) })));
  }

  // --- the scope picker of the reports ---------------------------------------------------------

  // Fills a <select> with the streets and communities; keeps a scope from the URL selectable.
  async function loadScopes(select, chosen) {
    const data = await graphql(`{ streets: areas(kind: STREET, first: 100) { nodes { id name } }
      communities: areas(kind: COMMUNITY, first: 100) { nodes { id name } } }`);
    [['街道 Streets', data.streets.nodes], ['社区 Communities', data.communities.nodes]].forEach(([label, nodes]) => {
      const group = document.createElement('optgroup');
      group.label = label;
      nodes.forEach(n => group.appendChild(new Option(n.name, n.id)));
      select.appendChild(group);
    });
    if (chosen && ![...select.options].some(o => o.value === chosen)) select.appendChild(new Option(chosen, chosen));
    select.value = chosen;
    // the report's place from the district down, again whenever another scope is shown
    const shown = () => scopeCrumbs(select.value).catch(() => crumbs($('crumbs'), []));
    if (select.form) select.form.addEventListener('submit', shown);
    shown();
  }

  return {
    $, escape, decimal, percent, percentValue, number, today, beijing, fieldOf, keyOf,
    graphql, fail, expiredAnswer, sessionExpired, model, me, accountRole, noPost, pagesFor, crumbs, loadScopes
  };
})();
