// The org chart (组织架构图): the party tree of a street or community, loaded level by level from
// the GraphQL API (one request per expand, whatever the number of boxes), with search, cross-links,
// details, export and print. This is the page: its toolbar, URL state and requests; the words are
// text.js (OrgChartText), the layout and SVG chart.js (OrgChartDrawing), zoom, pan, pinch, export
// and print view.js (OrgChartView), the details details.js (OrgChartDetails), the list of a phone
// list.js (OrgChartList) and the phone's folded toolbar phone.js (OrgChartPhone).
(function () {
  const TEXT = OrgChartText;
  const FIGURE = 'covered total';
  // A finger's toggle: a tap area of 48 drawing units, 44 screen pixels or more at a first view.
  const COARSE = matchMedia('(pointer: coarse)'), FINGER = 24;
  const BOX = `id code name kind childCount secretary { name }
    posts { role person { name } } members { total }
    coverage { grid { ${FIGURE} } buildingGroup { ${FIGURE} } buildingHead { ${FIGURE} } }`;
  const BUILDINGS = `areas { id code name kind head { name partyStatus } }`;

  const { $ } = PN;
  const params = new URLSearchParams(location.search);
  const state = {
    lang: params.get('lang') === 'en' ? 'en' : 'zh',
    root: params.get('id'),
    // levels open: as the address says, else depth() for the root
    depth: params.get('depth') ? Math.min(4, Math.max(1, parseInt(params.get('depth'), 10) || 2)) : null,
    compact: params.get('compact') !== '0',
    links: params.get('links') === '1',
    nodes: new Map(), crossLinks: null, hits: [], hitIndex: 0, selected: null
  };
  // What is on screen, shared with the view: the last drawing's boxes and bounds, and the zoom and pan.
  const shown = { view: { x: 0, y: 0, k: 1 }, positions: new Map(), bounds: null };
  const timings = {};
  const t = () => TEXT[state.lang];
  // A street opens on its communities, each with its figures (65 boxes would be unreadable at first
  // sight); below a street, two levels.
  const depth = () => state.depth ?? (state.root?.startsWith('StreetWorkingCommittee:') ? 1 : 2);
  // The kinds and coverage metrics are named by the API (PN.model), in English when there is one.
  let model = null;
  const termName = (list, key) => { const term = model.term(list, key); return !term ? key : state.lang === 'en' ? term.english || term.name : term.name; };
  const select = id => { state.selected = id; render(false); };
  const details = OrgChartDetails({ text: t, model: () => model, termName,
    node: id => state.nodes.get(id), crossLinks: () => state.crossLinks, select });
  const showDetails = details.show;
  const shell = OrgChartPhone();
  const list = OrgChartList({ media: shell.media, text: t, kindName: kind => termName('organizationKinds', kind),
    nodes: () => state.nodes, root: () => state.root, hits: () => state.hits, selected: () => state.selected,
    toggle: toggleNode, details: showDetails, changed: () => render('first') });
  const view = OrgChartView(shown, { root: () => state.nodes.get(state.root), toggle: toggleNode, details: showDetails, expandAll });

  // --- data ---------------------------------------------------------------------------------

  // Nested selection for `levels` levels under an organization; buildings come with every level
  // so that building groups open onto their buildings.
  function selection(levels) {
    return levels <= 0 ? BOX : `${BOX} ${BUILDINGS} children { ${selection(levels - 1)} }`;
  }

  function addOrganization(o, parentId) {
    const existing = state.nodes.get(o.id);
    const node = Object.assign(existing || { expanded: false, children: null }, {
      id: o.id, type: 'org', kind: o.kind, code: o.code, name: o.name, parent: parentId ?? existing?.parent ?? null,
      secretary: o.secretary?.name || null,
      leader: (o.posts || []).find(p => p.role === 'GROUP_LEADER')?.person.name || null,
      members: o.members?.total ?? 0, coverage: o.coverage,
      childCount: o.kind === 'BUILDING_GROUP' ? o.coverage.buildingHead.total : o.childCount
    });
    state.nodes.set(o.id, node);
    if (o.kind === 'BUILDING_GROUP' && o.areas) {
      node.children = o.areas.filter(a => a.kind === 'BUILDING').map(a => {
        state.nodes.set(a.id, { id: a.id, type: 'building', code: a.code, name: a.name, parent: o.id,
          head: a.head?.name || null, headStatus: a.head?.partyStatus || null, children: [], childCount: 0, expanded: false });
        return a.id;
      });
      node.expanded = true;
    } else if (o.children) {
      node.children = o.children.map(c => addOrganization(c, o.id).id);
      node.expanded = true;
    }
    return node;
  }

  // One request loads the children of several organizations (aliases, batched by the server per level).
  async function loadChildren(ids, levels = 1) {
    if (!ids.length) return;
    const fields = ids.map((id, i) => `o${i}: organization(id: ${JSON.stringify(id)}) { ${selection(levels)} }`).join('\n');
    const data = await PN.graphql(`{ ${fields} }`);
    ids.forEach((id, i) => { if (data['o' + i]) addOrganization(data['o' + i], state.nodes.get(id)?.parent); });
  }

  async function loadRoot() {
    const started = performance.now();
    state.nodes.clear(); state.crossLinks = null; state.hits = []; state.selected = null;
    const data = await PN.graphql(`query Root($id: ID!) { organization(id: $id) { ancestors { id name } ${selection(depth())} } }`, { id: state.root });
    if (!data.organization) throw new Error(`未找到组织 / No organization ${state.root}`);
    // from the top down to this organization, each step its own chart
    PN.crumbs($('crumbs'), [...data.organization.ancestors, data.organization]
      .map(o => ({ name: o.name, href: `/org-chart?id=${encodeURIComponent(o.id)}` })));
    addOrganization(data.organization, null);
    if (state.links) await loadCrossLinks();
    render('first');
    timings.load = Math.round(performance.now() - started);
  }

  async function loadCrossLinks() {
    const data = await PN.graphql(`query Links($id: ID!) { organization(id: $id) { crossLinks {
      kind from { __typename id name ...on Unit { categoryName } ...on Area { kindName } }
      to { __typename id name ...on Organization { ancestors { id } } } via { name } } } }`, { id: state.root });
    state.crossLinks = data.organization.crossLinks;
  }

  // --- drawing -------------------------------------------------------------------------------

  function render(fit) {
    const started = performance.now();
    const drawing = OrgChartDrawing.draw({
      nodes: state.nodes, root: state.root, compact: state.compact, room: view.room(), links: state.links, crossLinks: state.crossLinks,
      hits: state.hits, selected: state.selected, text: t(), kindName: kind => termName('organizationKinds', kind),
      hit: COARSE.matches ? FINGER : undefined
    });
    list.render();
    shown.positions = drawing.positions;
    if (!drawing.svg) return;
    shown.bounds = drawing.bounds;
    $('viewport').innerHTML = drawing.svg;
    legend();
    // a root's first view stays readable; fitting later (compact, expand all) shows it all
    if (fit) view.fitView(fit === 'first'); else view.applyView();
    timings.render = Math.round(performance.now() - started);
    timings.boxes = shown.positions.size;
    // The first frame painted with a chart, in ms since the page was requested.
    if (timings.painted === undefined) requestAnimationFrame(() => setTimeout(() => { timings.painted ??= Math.round(performance.now()); }));
    document.body.dataset.loaded = String(Date.now());
  }

  const legend = () => { $('legend').innerHTML = state.links && state.crossLinks ? OrgChartDrawing.legend(t()) : ''; $('legend').hidden = !(state.links && state.crossLinks); };

  // --- expand, collapse, search --------------------------------------------------------------

  async function toggleNode(id) {
    const n = state.nodes.get(id);
    if (!n || n.type !== 'org') return;
    const started = performance.now();
    if (n.expanded) { n.expanded = false; render(false); timings.expand = Math.round(performance.now() - started); return; }
    try {
      if (!n.children) await loadChildren([id]);
      n.expanded = true;
      render(false);
      timings.expand = Math.round(performance.now() - started);
    } catch (error) { showError(error); }
  }

  async function expandAll() {
    // Loads what is missing under the root down to the buildings in one request, then opens everything.
    const started = performance.now();
    try {
      const root = state.nodes.get(state.root);
      const levels = { STREET_WORKING_COMMITTEE: 4, COMMUNITY_COMMITTEE: 3, GRID_BRANCH: 2, BUILDING_GROUP: 1 }[root.kind] ?? 4;
      const complete = n => n.type !== 'org' || (n.children && n.children.every(id => complete(state.nodes.get(id))));
      if (!complete(root)) await loadChildren([state.root], levels);
      state.nodes.forEach(n => { if (n.type === 'org' && n.children) n.expanded = true; });
      render(true);
      timings.expandAll = Math.round(performance.now() - started);
    } catch (error) { showError(error); }
  }

  const collapseAll = () => { state.nodes.forEach(n => { n.expanded = n.id === state.root; }); render(true); };

  const SEARCH = `query Find($text: String!) { search(text: $text, first: 20) { node {
    __typename id name
    ...on Organization { ancestors { id } }
    ...on Person { roles { kind organization { id ancestors { id } } area { id kind coveredBy { id kind ancestors { id } } } } }
    ...on Area { kind coveredBy { id kind ancestors { id } } } } } }`;

  // For a hit, the chart box to show and the organizations to open on the way down from the root.
  function targets(node) {
    const viaGroup = area => (area?.coveredBy || []).filter(o => o.kind === 'BUILDING_GROUP')
      .map(g => ({ box: area.id, path: [...g.ancestors.map(a => a.id), g.id] }));
    if (node.__typename === 'Organization') return [{ box: node.id, path: node.ancestors.map(a => a.id) }];
    if (node.__typename === 'Area') return node.kind === 'BUILDING' ? viaGroup(node) : [];
    if (node.__typename === 'Person') {
      return node.roles.flatMap(r => r.kind === 'BUILDING_HEAD' ? viaGroup(r.area)
        : (r.organization && ['SECRETARY', 'DEPUTY_SECRETARY', 'COMMITTEE_MEMBER', 'GROUP_LEADER', 'PART_TIME_MEMBER'].includes(r.kind)
          ? [{ box: r.organization.id, path: r.organization.ancestors.map(a => a.id) }] : []));
    }
    return [];
  }

  // A search answer's boxes in this chart, each with the organizations to open on the way.
  const inChart = node => targets(node)
    .map(x => ({ box: x.box, path: x.box === state.root ? [] : x.path.slice(x.path.indexOf(state.root) + 1), inChart: x.box === state.root || x.path.includes(state.root) }))
    .filter(x => x.inChart);

  // Opens the way to every hit, one request per level still missing.
  async function openTo(found) {
    for (let depth = 0; ; depth++) {
      const missing = [...new Set(found.map(x => x.path[depth]).filter(id => id && !state.nodes.get(id)?.children))];
      const opened = found.map(x => x.path[depth]).filter(Boolean);
      if (!opened.length) break;
      if (missing.length) await loadChildren(missing);
      opened.forEach(id => { const n = state.nodes.get(id); if (n) n.expanded = true; });
    }
    state.nodes.get(state.root).expanded = true;
  }

  async function search() {
    const text = $('searchText').value.trim();
    state.hits = []; $('searchResult').textContent = '';
    if (!text) return render(false);
    try {
      const data = await PN.graphql(SEARCH, { text });
      const found = data.search.flatMap(h => inChart(h.node));
      // Outside nodes drawn for cross-links match by name too.
      const outside = [...shown.positions.values()].filter(p => p.outside && p.outside.name.includes(text)).map(p => p.outside.id);
      await openTo(found);
      state.hits = [...new Set([...found.map(x => x.box), ...outside])];
      state.hitIndex = 0;
      render(false);
      $('searchResult').textContent = state.hits.length ? t().found(state.hits.length) : t().notFound;
      if (state.hits.length) {
        shell.fold(false);
        if (list.shown()) list.reveal(state.hits[0]); else view.centerOn(state.hits[0]);
      }
    } catch (error) { showError(error); }
  }

  // Opens the chart at one node (a search answer's shape), marked, centred and detailed (edit.js's focus=).
  async function focus(node) {
    const found = inChart(node);
    if (!found.length) return false;
    await openTo(found);
    state.hits = [found[0].box]; render(false); view.centerOn(found[0].box);
    return showDetails(found[0].box).then(() => true);
  }

  // After a change: the changed boxes (with their lists of children) again, drawn where the user
  // was looking, and the details of `chosen` (default: the box open) again, or closed when gone.
  async function refresh(ids, chosen = state.selected) {
    await loadChildren([...new Set(ids)].filter(id => state.nodes.get(id)?.type === 'org'));
    select(chosen);
    if (chosen && shown.positions.has(chosen)) await showDetails(chosen);
    else details.close();
  }

  // --- page ----------------------------------------------------------------------------------

  const showError = PN.fail;

  function remember() {
    const query = new URLSearchParams();
    if (state.root) query.set('id', state.root);
    if (state.depth !== null) query.set('depth', state.depth);
    if (state.lang === 'en') query.set('lang', 'en');
    if (!state.compact) query.set('compact', '0');
    if (state.links) query.set('links', '1');
    history.replaceState(null, '', `?${query}`);
  }

  function translate() {
    document.documentElement.lang = state.lang === 'en' ? 'en' : 'zh-CN';
    document.querySelectorAll('[data-i18n]').forEach(e => { e.textContent = t()[e.dataset.i18n]; });
    document.querySelectorAll('[data-i18n-title]').forEach(e => { e.title = t()[e.dataset.i18nTitle]; e.setAttribute('aria-label', e.title); });
    $('lang').textContent = t().lang;
    const groups = $('root').querySelectorAll('optgroup');
    if (groups.length === 2) { groups[0].label = t().streets; groups[1].label = t().communities; }
  }

  async function loadRoots() {
    const data = await PN.graphql(`{ streets: organizations(kind: STREET_WORKING_COMMITTEE, first: 100) { nodes { id name } }
      communities: organizations(kind: COMMUNITY_COMMITTEE, first: 100) { nodes { id name } } }`);
    [data.streets.nodes, data.communities.nodes].forEach(nodes => {
      const group = document.createElement('optgroup');
      nodes.forEach(n => group.appendChild(new Option(n.name, n.id)));
      $('root').appendChild(group);
    });
    // a secretary sees only their own organization's subtree, so there may be no street to start from
    state.root ||= data.streets.nodes[0]?.id || data.communities.nodes[0]?.id;
    if (state.root && ![...$('root').options].some(o => o.value === state.root)) $('root').appendChild(new Option(state.root, state.root));
    $('root').value = state.root;
  }

  async function show() {
    $('error').hidden = true; details.close(false);
    remember();
    $('depth').value = String(depth());
    try { await loadRoot(); } catch (error) { showError(error); }
  }

  async function start() {
    translate();
    $('compact').checked = state.compact;
    $('crossLinks').checked = state.links;
    view.wire();
    $('root').addEventListener('change', () => { state.root = $('root').value; show(); });
    $('depth').addEventListener('change', () => { state.depth = parseInt($('depth').value, 10); show(); });
    $('compact').addEventListener('change', () => { state.compact = $('compact').checked; remember(); render(true); });
    $('crossLinks').addEventListener('change', async () => {
      state.links = $('crossLinks').checked; remember();
      try { if (state.links && !state.crossLinks) await loadCrossLinks(); render(false); } catch (error) { showError(error); }
    });
    $('lang').addEventListener('click', () => { state.lang = state.lang === 'en' ? 'zh' : 'en'; remember(); translate(); render(false); });
    $('searchButton').addEventListener('click', search);
    $('zoomIn').addEventListener('click', () => view.zoom(1.25));
    $('zoomOut').addEventListener('click', () => view.zoom(0.8));
    $('fit').addEventListener('click', view.fitView);
    $('expandAll').addEventListener('click', expandAll);
    $('collapseAll').addEventListener('click', collapseAll);
    $('exportSvg').addEventListener('click', view.exportSvg);
    $('exportPng').addEventListener('click', view.exportPng);
    $('print').addEventListener('click', () => OrgChartPrint.open());
    window.addEventListener('afterprint', view.afterPrint);
    window.addEventListener('resize', () => view.applyView());
    try { [, model] = await Promise.all([loadRoots(), PN.model()]); } catch (error) { return showError(error); }
    await show();
  }

  // For tests and benchmarks: what the page measured, and the same actions its buttons take.
  window.OrgChart = { timings, svgText: view.svgText, preparePrint: view.preparePrint, afterPrint: view.afterPrint, toggle: toggleNode,
    expandAll, search, zoom: view.zoom, pan: view.pan, centerOn: view.centerOn, view: () => ({ ...shown.view }),
    relayout: () => render(false), focus, refresh,
    boxes: () => shown.positions.size, hits: () => [...state.hits] };
  window.OrgChart.ready = start();
})();