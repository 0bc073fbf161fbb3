// The coverage report page: one GraphQL request per view (report, breakdown and a page of gaps).
(function () {
  // The figures the query asks for, in the order shown; their names come from the API (PN.model),
  // by CoverageMetric key (grid ↔ GRID).
  const METRICS = ['grid', 'buildingGroup', 'buildingHead', 'commercial', 'dualNet', 'organization'];
  const FIGURES = METRICS.map(field => `${field} { total covered ratio }`).join(' ');
  const GAPS = `gaps(metric: $metric, first: 50, after: $after) {
        totalCount pageInfo { hasNextPage endCursor }
        nodes { area { code name } place reason }
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
  let chart, model;
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

  function breakdown(children) {
    $('breakdownSection').hidden = children.length === 0;
    if (children.length === 0) return;
    chart = chart || echarts.init($('chart'), null, { renderer: 'svg' });
    chart.setOption({
      tooltip: { trigger: 'axis', valueFormatter: v => v === null ? '–' : v + '%' },
      legend: { top: 0 },
      grid: { left: 50, right: 20, top: 60, bottom: 90 },
      xAxis: { type: 'category', data: children.map(c => c.name), axisLabel: { rotate: 40, interval: 0 } },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: METRICS.map(field => ({
        name: names(field).join(' ').trim(), type: 'bar',
        data: children.map(c => PN.percentValue(c[field].ratio))
      }))
    }, true);
    chart.resize();
    scalable();
  }

  function metricButtons() {
    $('metrics').innerHTML = '';
    METRICS.forEach(field => {
      const metric = PN.keyOf(field);
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = names(field).join(' ').trim();
      button.className = metric === state.metric ? 'active' : '';
      button.onclick = () => { state.metric = metric; state.after = null; show('gaps'); };
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
    });
    if (connection.totalCount === 0) {
      const cell = body.insertRow().insertCell();
      cell.colSpan = 4;
      cell.textContent = '无缺口 No gaps';
    }
    $('more').hidden = !connection.pageInfo.hasNextPage;
    state.after = connection.pageInfo.endCursor;
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

  // The chart is an SVG with a viewBox, so the print stylesheet can scale it to the page width
  // (printing does not always tell the page it is printing, so no resize is relied on).
  function scalable() {
    const svg = $('chart').querySelector('svg');
    if (svg && !svg.getAttribute('viewBox')) {
      svg.setAttribute('viewBox', `0 0 ${svg.getAttribute('width')} ${svg.getAttribute('height')}`);
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
  window.addEventListener('resize', () => { if (chart) { chart.resize(); scalable(); } });

  $('asOf').max = PN.today();
  $('asOf').value = state.asOf;
  Promise.all([PN.loadScopes($('scope'), state.scope), PN.model()])
    .then(([, loaded]) => { model = loaded; return show(); })
    .catch(PN.fail);
})();
