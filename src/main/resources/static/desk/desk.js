// The desk (工作台): what the signed-in account should know first, one GraphQL query per card,
// every figure computed by the server. The scope is the account's: the whole network for the
// organization department and a viewer, each of their organizations for a secretary.
(function () {
  const { $, escape } = PN;
  const scopeParam = scope => scope ? `scope=${encodeURIComponent(scope.id)}` : '';
  const link = (path, query) => query ? `${path}?${query}` : path;
  // One query for every scope of the card: each scope's fields under its own alias.
  const aliased = (scopes, field) => scopes.map((s, i) => field(i)).join('\n');
  const scopeVariables = scopes => Object.fromEntries(scopes.map((s, i) => ['s' + i, s ? s.id : null]));
  const scopeDeclarations = scopes => scopes.map((s, i) => `$s${i}: ID`).join(', ');
  const heading = (scopes, scope) => scopes.length > 1 ? `<h3>${escape(scope.name)}</h3>` : '';

  // The same day last month, as 2026-10-31 for 2026-11-30 (a shorter month ends earlier).
  function monthBefore(day) {
    const [y, m, d] = day.split('-').map(Number);
    const first = new Date(Date.UTC(y, m - 2, 1));
    const last = new Date(Date.UTC(y, m - 1, 0)).getUTCDate();
    return `${first.getUTCFullYear()}-${String(first.getUTCMonth() + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
  }

  // The change of a percentage, in percentage points of the figures as printed.
  function delta(now, then) {
    const a = PN.percentValue(now), b = PN.percentValue(then);
    if (a === null || b === null) return '<span class="delta same">–</span>';
    const points = a - b;
    const size = PN.decimal(Math.abs(points));
    if (Number(size) === 0) return '<span class="delta same" data-points="0.0">持平 unchanged</span>';
    return points > 0
      ? `<span class="delta up" data-points="${size}">▲ ${size} 个百分点 pp</span>`
      : `<span class="delta down" data-points="-${size}">▼ ${size} 个百分点 pp</span>`;
  }

  function show(card, html) {
    $(card).querySelector('.body').innerHTML = html;
    $(card).hidden = false;
  }

  async function coverage(scopes, model) {
    const fields = model.coverageMetrics.map(m => `${PN.fieldOf(m.key)} { total covered ratio }`).join(' ');
    const today = PN.today(), then = monthBefore(today);
    const data = await PN.graphql(`query DeskCoverage($today: Date!, $then: Date!${scopes.length ? ', ' + scopeDeclarations(scopes) : ''}) {
      ${aliased(scopes, i => `now${i}: coverage(scope: $s${i}, asOf: $today) { name ${fields} }
      then${i}: coverage(scope: $s${i}, asOf: $then) { ${fields} }`)} }`, { today, then, ...scopeVariables(scopes) });
    $('card-coverage').querySelector('.then').textContent = then;
    show('card-coverage', scopes.map((scope, i) => {
      const now = data['now' + i], before = data['then' + i];
      const rows = model.coverageMetrics.map(m => {
        const f = PN.fieldOf(m.key), figure = now[f];
        const query = [scopeParam(scope), `metric=${m.key}`].filter(Boolean).join('&');
        return `<tr data-metric="${m.key}"><td><a href="${escape(link('/reports/coverage', query))}">${escape(m.name)}</a></td>
          <td class="figure ratio">${PN.percent(figure.ratio)}</td>
          <td class="figure count">${figure.covered}/${figure.total}</td>
          <td class="figure">${delta(figure.ratio, before[f].ratio)}</td></tr>`;
      }).join('');
      return `${heading(scopes, scope)}<table data-scope="${escape(scope ? scope.id : '')}">
        <thead><tr><th>指标 Figure</th><th>今天 Today</th><th>覆盖/总数 Covered</th><th>比上月 Since last month</th></tr></thead>
        <tbody>${rows}</tbody></table>`;
    }).join(''));
  }

  async function health(scopes, model) {
    const data = await PN.graphql(`query DeskHealth${scopes.length ? `(${scopeDeclarations(scopes)})` : ''} {
      ${aliased(scopes, i => `h${i}: health(scope: $s${i}) { counts { severity count } }`)} }`, scopeVariables(scopes));
    show('card-health', scopes.map((scope, i) => {
      // the per-severity totals of the server's per-rule counts
      const totals = Object.fromEntries(model.severities.map(s => [s.key, 0]));
      data['h' + i].counts.forEach(c => { totals[c.severity] = (totals[c.severity] || 0) + c.count; });
      const boxes = model.severities.map(s => {
        const query = [`severity=${s.key}`, scopeParam(scope)].filter(Boolean).join('&');
        return `<a href="${escape(link('/reports/health', query))}" data-severity="${s.key}">
          <span class="count">${totals[s.key]}</span>${escape(s.name)} ${escape(s.english || '')}</a>`;
      }).join('');
      return `${heading(scopes, scope)}<div class="severity" data-scope="${escape(scope ? scope.id : '')}">${boxes}</div>`;
    }).join(''));
  }

  const TERMS_SHOWN = 10;

  async function terms(scopes, model) {
    const data = await PN.graphql(`query DeskTerms${scopes.length ? `(${scopeDeclarations(scopes)})` : ''} {
      ${aliased(scopes, i => `t${i}: health(scope: $s${i}) { terms { organization { id name } expiresOn status } }`)} }`,
    scopeVariables(scopes));
    show('card-terms', scopes.map((scope, i) => {
      const list = data['t' + i].terms;
      if (!list.length) return `${heading(scopes, scope)}<p class="meta none">6 个月内没有届满的班子 · No term ends within 6 months</p>`;
      const items = list.slice(0, TERMS_SHOWN).map(t => `<li data-id="${escape(t.organization.id)}">
        <a href="/org-chart?id=${encodeURIComponent(t.organization.id)}">${escape(t.organization.name)}</a>
        · 届满 ${escape(t.expiresOn)} · ${escape(model.name('healthRules', t.status))}</li>`).join('');
      const more = list.length > TERMS_SHOWN
        ? `<p class="meta"><a href="${escape(link('/reports/health', scopeParam(scope)))}">共 ${list.length} 个，全部见组织健康 · all ${list.length} on the health page</a></p>` : '';
      return `${heading(scopes, scope)}<ul class="terms">${items}</ul>${more}`;
    }).join(''));
  }

  // Changes to the network: the records of sign-ins and accounts would crowd them out.
  async function changes(scopes) {
    const data = await PN.graphql(`query DeskChanges${scopes.length ? `(${scopeDeclarations(scopes)})` : ''} {
      ${aliased(scopes, i => `c${i}: changes(scope: $s${i}, network: true, first: 5) { totalCount nodes { id at user summary } }`)} }`,
    scopeVariables(scopes));
    show('card-changes', scopes.map((scope, i) => {
      const page = data['c' + i];
      if (!page.nodes.length) return `${heading(scopes, scope)}<p class="meta none">还没有变动记录 · No changes yet</p>`;
      const items = page.nodes.map(c => `<li data-id="${escape(c.id)}">
        <a href="/reports/changes?change=${encodeURIComponent(c.id)}">${escape(c.summary)}</a>
        <span class="meta">${escape(PN.beijing(c.at))} · ${escape(c.user)}</span></li>`).join('');
      return `${heading(scopes, scope)}<ul class="changes">${items}</ul>
        <p class="meta"><a href="${escape(link('/reports/changes', scopeParam(scope)))}">全部 ${page.totalCount} 条 · all ${page.totalCount} changes</a></p>`;
    }).join(''));
  }

  // What each page is for, in a line.
  const PURPOSE = {
    '/org-chart': '逐级查看各级党组织、书记和楼长 · the organizations level by level',
    '/reports/coverage': '网格、楼院、楼长等覆盖情况和缺口 · coverage and its gaps',
    '/reports/health': '按党内规定检查各组织，换届提醒 · party-rule checks and term reminders',
    '/reports/linkage': '共驻共建、双报到、联盟等联动 · links with outside units',
    '/reports/changes': '谁在何时改了什么 · who changed what, and when',
    '/import': '用 Excel 批量导入和导出 · import and export workbooks',
    '/graphiql': '直接编写查询（技术人员） · write queries (for technical staff)',
    '/admin/accounts': '创建和管理账号 · create and manage accounts'
  };

  function pages(account) {
    $('card-pages').querySelector('.body').innerHTML = PN.pagesFor(account.role).filter(([path]) => path !== '/')
      .map(([path, chinese, english]) => `<li><a href="${path}">${escape(chinese)} ${escape(english)}</a>
        <span class="meta">${escape(PURPOSE[path] || '')}</span></li>`).join('');
  }

  async function start() {
    const [account, model] = await Promise.all([PN.me(), PN.model()]);
    pages(account);
    if (account.role === 'SECRETARY' && !account.organizations.length) {
      // nothing to read: the notice says why, and no card is shown empty
      PN.noPost(account);
      document.body.dataset.loaded = 'true';
      return;
    }
    const scopes = account.role === 'SECRETARY' ? account.organizations : [null];
    $('scope').textContent = '范围 Scope：' + scopes.map(s => s ? s.name : '全网 Whole network').join('、');
    const cards = [coverage(scopes, model), health(scopes, model), terms(scopes, model)];
    // the audit trail names people: a viewer reads none of it
    if (account.role !== 'VIEWER') cards.push(changes(scopes));
    await Promise.all(cards);
    document.body.dataset.loaded = 'true';
  }

  start().catch(PN.fail);
})();
