// The coverage report page: one GraphQL request per view (report, breakdown and a page of gaps).
(function () {
  // The figures the query asks for, in the order shown; their names come from the API (PN.model),
  // by CoverageMetric key (grid ↔ GRID).
  const METRICS = ['grid', 'buildingGroup', 'buildingHead', 'commercial', 'dualNet', 'organization'];
  const FIGURES = METRICS.map(field => `${field} { total covered ratio }`).join(' ');
  const GAPS = `gaps(metric: $metric, first: 50, after: $after) {
        totalCount pageInfo { hasNextPage endCursor }
        nodes { area { id code name kind coveredBy { id name kind } gridWorkers { id } } path { id name kind coveredBy { id name kind } } place reason }
      }`;
  const QUERY = `query Coverage($scope: ID, $asOf: Date, $metric: CoverageMetric!, $after: String) {
    coverage(scope: $scope, asOf: $asOf) { name asOf ${FIGURES} breakdown { name ${FIGURES} } ${GAPS} }
  }`;
  const GAPS_QUERY = `query Gaps($scope: ID, $asOf: Date, $metric: CoverageMetric!, $after: String) {
    coverage(scope: $scope, asOf: $asOf) { ${GAPS} }
  }`;
  const { $ } = PN;
  const params = new URLSearchParams(location.search);
  const state = { scope: params.get('scope') || '', asOf: params.get('asOf') || '', metric: params.get('metric') || 'GRID', after: null };
  let model, editable = false;
  // "网格覆盖 Grid", for the cards, the chart's legend and the buttons.
  const names = field => {
    const term = model.term('coverageMetrics', PN.keyOf(field));
    return term ? [term.name, term.english || ''] : [field, ''];
  };

  function links() {
    const query = new URLSearchParams();
    if (state.scope) query.set('scope', state.scope);
    if (state.asOf) query.set('asOf', state.asOf);
    ['xlsx', 'pdf', 'csv'].forEach(ext => $(ext).href = `/reports/coverage.${ext}?${query}`); $('gapsWorkbook').href = `/reports/coverage/gaps.xlsx?${query}`;
    const page = new URLSearchParams(query);
    if (state.metric !== 'GRID') page.set('metric', state.metric);
    history.replaceState(null, '', `?${page}`);
  }

  function summary(report) {
    $('title').textContent = report.name;
    $('asOfLine').textContent = `截至 As of ${report.asOf}`;
    $('summary').innerHTML = '';
    METRICS.forEach(field => {
      const f = report[field];
      const [chinese, english] = names(field);
      const card = document.createElement('div');
      card.className = 'card' + (f.total > 0 && f.covered === f.total ? ' full' : '');
      card.dataset.metric = field;
      card.innerHTML = `<div class="name">${PN.escape(chinese)} <small>${PN.escape(english)}</small></div>
        <div class="ratio">${PN.percent(f.ratio)}</div><div class="count">${f.covered} / ${f.total}</div>`;
      $('summary').appendChild(card);
    });
  }

  // The breakdown of the figure the page is on (the metric buttons choose it for the chart and the
  // gaps alike), drawn by coverage-chart.js.
  let children = [];
  function breakdown(list = children) {
    children = list;
    $('breakdownSection').hidden = children.length === 0;
    if (children.length === 0) return;
    const field = PN.fieldOf(state.metric);
    const [chinese, english] = names(field);
    $('chartMetric').textContent = `${chinese} ${english}`.trim();
    CoverageChart.draw($('chart'), children, field, chinese);
  }

  function metricButtons() {
    $('metrics').innerHTML = '';
    METRICS.forEach(field => {
      const metric = PN.keyOf(field);
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = names(field).join(' ').trim();
      button.className = metric === state.metric ? 'active' : '';
      button.onclick = () => { state.metric = metric; state.after = null; breakdown(); show('gaps'); };
      $('metrics').appendChild(button);
    });
  }

  function gaps(connection, append) {
    const body = $('gaps').tBodies[0];
    if (!append) body.innerHTML = '';
    $('gapCount').textContent = `共 ${connection.totalCount} 处 · ${connection.totalCount} gaps`;
    connection.nodes.forEach(gap => {
      const row = body.insertRow();
      [gap.area.code, gap.area.name, gap.place, gap.reason].forEach(text => row.insertCell().textContent = text);
      fixes(row.insertCell(), gap);
    });
    if (connection.totalCount === 0) {
      const cell = body.insertRow().insertCell();
      cell.colSpan = 5;
      cell.textContent = '无缺口 No gaps';
    }
    $('more').hidden = !connection.pageInfo.hasNextPage;
    state.after = connection.pageInfo.endCursor;
  }

  // Each gap leads to its place in the org chart and, for the organization department, to the form
  // that fixes it; after the fix the report is read again with the new figures.
  function fixes(cell, gap) {
    cell.classList.add('no-print');
    const a = gap.area, place = { id: a.id, name: a.name };
    const up = kind => gap.path.find(p => p.kind === kind);
    const org = (area, kind) => area?.coveredBy.find(o => o.kind === kind);
    const community = up('COMMUNITY') || (a.kind === 'COMMUNITY' ? a : null);
    const group = org(a, 'BUILDING_GROUP'), branch = org(up('GRID'), 'GRID_BRANCH') || org(a, 'GRID_BRANCH');
    const committee = org(community, 'COMMUNITY_COMMITTEE'), street = org(up('STREET'), 'STREET_WORKING_COMMITTEE');
    // the chart opens at the building under its group, or at the organization nearest to the place
    const [root, box] = group ? [group.id, a.id] : [(branch || committee || street)?.id, (branch || committee || street)?.id];
    if (root) {
      const link = PNForms.element('a', 'pn-place', '在架构图中查看');
      link.href = `/org-chart?id=${encodeURIComponent(root)}&focus=${encodeURIComponent(box)}`;
      cell.appendChild(link);
    }
    if (!editable) return;
    const again = () => show();
    const fix = (label, open) => cell.appendChild(PNForms.button(label, open, 'fix'));
    const metric = state.metric;
    if (metric === 'BUILDING_HEAD') fix('任命楼长', () => PNForms.link('HEAD_OF', place, { done: again }));
    if (metric === 'BUILDING_GROUP') fix('覆盖', async () => {
      const groups = branch ? (await PN.graphql('query G($id: ID!) { organization(id: $id) { children { id code name version } } }', { id: branch.id }))
        .organization.children.map(g => ({ id: g.id, name: g.name, version: g.version, hint: g.code })) : [];
      PNForms.coverPlace(place, { kind: 'BUILDING_GROUP', scope: community?.id, choices: groups, done: again });
    });
    if ((metric === 'GRID' || metric === 'DUAL_NET') && !a.coveredBy.some(o => o.kind === 'GRID_BRANCH')) {
      fix('覆盖', () => PNForms.coverPlace(place, { kind: 'GRID_BRANCH', scope: community?.id, done: again }));
    }
    if (metric === 'DUAL_NET' && !a.gridWorkers.length) fix('任命网格员', () => PNForms.link('WORKS_FOR', place, { done: again }));
    if (metric === 'COMMERCIAL') fix('任命党建指导员', () => PNForms.link('INSTRUCTS', place, { done: again }));
    if (metric === 'ORGANIZATION' && street) {
      fix('新建社区党委', () => PNForms.create({ id: street.id, name: street.name, kind: street.kind },
        { kind: 'COMMUNITY_COMMITTEE', community: place, done: again }));
    }
  }

  // what: 'all' (report, chart and gaps), 'gaps' (another metric) or 'more' (next page of gaps).
  // Only the newest request may paint: a slow older answer is dropped.
  let latest = 0;
  async function show(what = 'all') {
    const request = ++latest;
    delete document.body.dataset.loaded;
    $('error').hidden = true;
    $('more').disabled = true;
    try {
      const append = what === 'more';
      const data = await PN.graphql(what === 'all' ? QUERY : GAPS_QUERY, {
        scope: state.scope || null, asOf: state.asOf || null, metric: state.metric, after: append ? state.after : null
      });
      if (request !== latest) return;
      if (what === 'all') {
        summary(data.coverage);
        breakdown(data.coverage.breakdown);
      }
      metricButtons();
      gaps(data.coverage.gaps, append);
      links();
      document.body.dataset.loaded = 'true';
    } catch (e) {
      if (request !== latest) return;
      PN.fail(e);
    } finally {
      $('more').disabled = false;
    }
  }

  $('controls').addEventListener('submit', event => {
    event.preventDefault();
    state.scope = $('scope').value;
    state.asOf = $('asOf').value;
    state.after = null;
    show();
  });
  $('more').onclick = () => show('more');
  window.addEventListener('resize', () => CoverageChart.resize($('chart')));

  $('asOf').max = PN.today();
  $('asOf').value = state.asOf;
  Promise.all([PN.loadScopes($('scope'), state.scope), PN.model(), PNForms.editable()])
    .then(([, loaded, canEdit]) => { model = loaded; editable = canEdit; return show(); })
    .catch(PN.fail);
})();
