// The coverage page's breakdown chart (window.CoverageChart): one figure at a time, a horizontal bar
// per child scope (a street's communities, a district's streets), so that 17 or 100 of them each
// get a readable line on a phone as on a desk. Lowest first, because the page is read for what is
// missing; the value axis starts a little below the lowest value, so that 96 % and 99 % do not look
// alike; an incomplete one is red and says how many are missing ("缺 3"), not colour alone. The
// legend is the page's own (#chartLegend, above the chart), so it never covers a bar.
window.CoverageChart = (function () {
  const ROW = 26; // px per bar: a line of 12 px text with room around it
  const TOP = 28; // the value axis sits on top, where the first (lowest) bars are
  const BOTTOM = 8;
  const COLORS = { incomplete: '#c62828', complete: '#2e7d32' };

  // Each child's figure, lowest first; those with nothing to cover (no ratio) last, by name.
  function rows(children, field) {
    return children.map(c => ({ name: c.name, total: c[field].total, covered: c[field].covered, value: PN.percentValue(c[field].ratio) }))
      .sort((a, b) => (a.value ?? Infinity) - (b.value ?? Infinity) || a.name.localeCompare(b.name, 'zh-CN'));
  }

  const state = row => row.value === null ? 'none' : row.covered >= row.total ? 'complete' : 'incomplete';

  // Where the values are: from the ten below a little under the lowest (87.5 → 80, 99 → 90), never
  // under 0; always up to 100, so that a full bar reads as full.
  function start(list) {
    const values = list.map(r => r.value).filter(v => v !== null);
    return values.length ? Math.max(0, Math.floor((Math.min(...values) - 5) / 10) * 10) : 0;
  }

  // The label at a bar's end: its percentage, and for an incomplete one how many are missing.
  function label(row) {
    if (row.value === null) return '无需覆盖 n/a';
    const text = `${PN.decimal(row.value)}%`;
    return state(row) === 'incomplete' ? `${text}  缺 ${row.total - row.covered}` : text;
  }

  // The ECharts option for these children and this figure (a CoverageMetric field, "grid"),
  // titled by the figure's name; and the height the chart needs.
  function option(children, field, title, width = 390) {
    const list = rows(children, field);
    // names get about a third of the chart's width (90 to 220 px); longer ones end in "…"
    const names = Math.round(Math.min(220, Math.max(90, width * 0.3)));
    const min = start(list);
    return {
      height: TOP + list.length * ROW + BOTTOM,
      rows: list,
      option: {
        animation: false,
        aria: { enabled: true, label: { description: `${title}：${list.map(r => `${r.name} ${label(r)}`).join('；')}` } },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' },
          formatter: points => {
            const row = list[points[0].dataIndex];
            return `${PN.escape(row.name)}<br>${PN.escape(title)}：${PN.escape(label(row))}（${row.covered} / ${row.total}）`;
          } },
        grid: { left: 8, right: 84, top: TOP, bottom: BOTTOM, containLabel: true },
        xAxis: { type: 'value', position: 'top', min, max: 100, splitNumber: 4,
          axisLabel: { formatter: '{value}%', fontSize: 11 } },
        // inverse: the first row (the lowest) at the top
        yAxis: { type: 'category', inverse: true, data: list.map(r => r.name),
          axisLabel: { fontSize: 12, width: names, overflow: 'truncate', interval: 0 }, axisTick: { show: false } },
        series: [{
          type: 'bar', name: title, barMaxWidth: 16,
          data: list.map(r => ({ value: r.value, state: state(r), itemStyle: { color: COLORS[state(r)] || '#9e9e9e' } })),
          label: { show: true, position: 'right', fontSize: 11, color: '#222', formatter: p => label(list[p.dataIndex]) }
        }]
      }
    };
  }

  // Draws the chart into the element, as tall as its rows need, and returns the rows drawn.
  function draw(element, children, field, title) {
    const built = option(children, field, title, element.clientWidth);
    element.style.height = `${built.height}px`;
    const chart = echarts.getInstanceByDom(element) || echarts.init(element, null, { renderer: 'svg' });
    chart.resize();
    chart.setOption(built.option, true);
    scalable(element);
    element.dataset.field = field;
    return built.rows;
  }

  // The chart is an SVG with a viewBox of its size, so that the print stylesheet can scale it to
  // the page's width (printing does not always tell the page it is printing, so no resize is
  // relied on); again after each draw and resize, as the chart is as tall as its rows.
  function scalable(element) {
    const svg = element.querySelector('svg');
    if (svg) svg.setAttribute('viewBox', `0 0 ${svg.getAttribute('width')} ${svg.getAttribute('height')}`);
  }

  // A phone turned on its side: the chart takes the new width.
  function resize(element) {
    const chart = echarts.getInstanceByDom(element);
    if (!chart) return;
    chart.resize();
    scalable(element);
  }

  return { rows, start, label, option, draw, resize };
})();
