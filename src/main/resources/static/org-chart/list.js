// The org chart as a list (window.OrgChartList), offered beside the chart on a phone (图 | 列表):
// the same tree, opened by the same requests (the page's toggle), one row per box, indented by
// its level, saying what the box says (OrgChartDrawing.describe: the same lines, badges and red
// marks). Which of the two a device shows is remembered in its localStorage.
(function () {
  const { $, escape } = PN;
  const KEY = 'partynet.org-chart.view';

  // `page` is what the list asks of the page: media the phone's media query (OrgChartPhone),
  // text() its words, kindName(kind), nodes() the loaded boxes, root() the top one's id, hits()
  // and selected() the marked ones, toggle(id) to open or close a box (loading what is missing),
  // details(id) to open its details, and changed() to show the page again after the choice
  // between chart and list changed.
  window.OrgChartList = function (page) {
    const list = $('list'), phone = page.media;
    let mode = stored();

    function stored() {
      try { return localStorage.getItem(KEY) === 'list' ? 'list' : 'chart'; } catch { return 'chart'; }
    }

    // Whether the list is what the page shows now: chosen, and on a phone.
    const shown = () => phone.matches && mode === 'list';

    function choose(chosen) {
      mode = chosen;
      try { localStorage.setItem(KEY, chosen); } catch { /* a private window keeps no choice: the chart */ }
      page.changed();
    }

    function row(n, level, t) {
      const d = OrgChartDrawing.describe(n, t, page.kindName), id = escape(n.id);
      const classes = ['row', d.css];
      if (page.hits().includes(n.id)) classes.push('hit');
      if (page.selected() === n.id) classes.push('selected');
      const toggle = d.toggle
        ? `<button type="button" class="row-toggle" data-toggle="${id}" aria-expanded="${n.expanded}"`
          + ` aria-label="${escape(`${n.expanded ? t.collapse : t.expand} ${n.name}`)}">${n.expanded ? '▾' : '▸'}<small>${n.childCount}</small></button>`
        : '<span class="row-toggle"></span>';
      const badges = d.badges.map(b => `<span class="pill ${b.cls}">${escape(b.text)}</span>`).join('');
      return `<div class="${classes.join(' ')}" role="treeitem" aria-level="${level + 1}" data-id="${id}" style="--level:${level}">${toggle}`
        + `<button type="button" class="row-name" data-id="${id}"><b>${escape(d.name)}</b>`
        + `<span class="line">${escape(d.kind)} · <span${d.person.gap ? ' class="gap"' : ''}>${escape(d.person.text)}</span></span>`
        + (badges ? `<span class="pills">${badges}</span>` : '') + '</button></div>';
    }

    // The rows of every open box from the root down; the switch says which view is on.
    function render() {
      document.body.classList.toggle('list-view', mode === 'list');
      $('viewChart').setAttribute('aria-pressed', String(mode !== 'list'));
      $('viewList').setAttribute('aria-pressed', String(mode === 'list'));
      if (!shown()) return;
      const t = page.text(), nodes = page.nodes(), rows = [];
      const walk = (id, level) => {
        const n = nodes.get(id);
        if (!n) return;
        rows.push(row(n, level, t));
        if (n.expanded && n.children) n.children.forEach(child => walk(child, level + 1));
      };
      walk(page.root(), 0);
      // the toggle just used keeps the focus, for the keyboard
      const focused = document.activeElement?.closest?.('#list [data-toggle]')?.dataset.toggle;
      list.innerHTML = rows.join('');
      if (focused) list.querySelector(`[data-toggle="${CSS.escape(focused)}"]`)?.focus();
    }

    // Scrolls a box's row into view (a search's first hit).
    const reveal = id => list.querySelector(`.row[data-id="${CSS.escape(id)}"]`)?.scrollIntoView({ block: 'center' });

    list.addEventListener('click', e => {
      const toggle = e.target.closest('[data-toggle]');
      if (toggle) return void page.toggle(toggle.dataset.toggle);
      const name = e.target.closest('.row-name');
      if (name) page.details(name.dataset.id);
    });
    $('viewChart').addEventListener('click', () => choose('chart'));
    $('viewList').addEventListener('click', () => choose('list'));
    phone.addEventListener('change', () => page.changed());

    return { render, shown, reveal };
  };
})();
