// The org chart (组织架构图): the party tree of a street or community drawn as SVG, loaded level by
// level from the GraphQL API (one request per expand, whatever the number of boxes), with search,
// cross-links, export and print. Our own layout and drawing: the usual org-chart libraries are not
// published where the build can fetch them, and plain SVG prints as sharp vector text.
(function () {
  const W = 200, H = 64, GAP_X = 20, GAP_Y = 46, STACK_GAP = 10, INDENT = 16, ROWS = 8;
  const OW = 176, OH = 42;

  const TEXT = {
    zh: {
      title: '组织架构图', subtitle: '街道党工委 → 社区党委 → 网格党支部 → 楼院党小组 → 党员楼长',
      lang: 'English',
      root: '组织', depth: '展开层数', search: '搜索姓名或名称', find: '查找', compact: '紧凑布局',
      crossLinks: '跨界联系', fit: '适合窗口', expandAll: '全部展开', collapseAll: '全部收起', print: '打印',
      streets: '街道党工委', communities: '社区党委', secretary: '书记', leader: '组长', head: '楼长',
      noSecretary: '书记空缺', noLeader: '无组长', noHead: '无楼长', members: '党员', notMember: '非党员',
      grid: '网格', groups: '楼院', heads: '楼长', found: n => `找到 ${n} 处`, notFound: '本图中未找到',
      loading: '加载中…', details: '详情', code: '编码', kind: '类别', path: '上级', posts: '班子成员',
      areas: '区域', coverageFigures: '覆盖情况', alliances: '党建联盟', openExplorer: '在 GraphQL 查询器中打开',
      openCoverage: '打开全覆盖报告', memberCounts: (f, p) => `正式党员 ${f}，预备党员 ${p}`, building: '楼院',
      coveredBy: '覆盖组织', partyStatus: { FULL: '正式党员', PROBATIONARY: '预备党员' }, none: '无',
      links: { PART_TIME_MEMBER: '兼职委员', CO_BUILDING: '共驻共建', REGISTERED: '双报到', ALLIANCE_LEADER: '领导联盟', ALLIANCE_MEMBER: '联盟成员', ALLIANCE_SITE: '联盟覆盖', SITE: '所在网格', INSTRUCTOR: '党建指导员' },
      outside: { Unit: '驻区单位', Alliance: '党建联盟', Area: '商务楼宇/商圈', Person: '党建指导员' }
    },
    en: {
      title: 'Org chart', subtitle: 'Street committee → community committees → grid branches → building groups → building heads',
      lang: '中文',
      root: 'Organization', depth: 'Levels shown', search: 'Search a name', find: 'Find', compact: 'Compact',
      crossLinks: 'Cross-links', fit: 'Fit', expandAll: 'Expand all', collapseAll: 'Collapse all', print: 'Print',
      streets: 'Street committees', communities: 'Community committees', secretary: 'Secretary', leader: 'Leader', head: 'Head',
      noSecretary: 'No secretary', noLeader: 'No leader', noHead: 'No head', members: 'Members', notMember: 'not a member',
      grid: 'Grids', groups: 'Bldgs', heads: 'Heads', found: n => `${n} found`, notFound: 'Not in this chart',
      loading: 'Loading…', details: 'Details', code: 'Code', kind: 'Kind', path: 'Above', posts: 'Posts',
      areas: 'Areas', coverageFigures: 'Coverage', alliances: 'Alliances', openExplorer: 'Open in the GraphQL explorer',
      openCoverage: 'Open the coverage report', memberCounts: (f, p) => `${f} full, ${p} probationary`, building: 'Building',
      coveredBy: 'Covered by', partyStatus: { FULL: 'full member', PROBATIONARY: 'probationary member' }, none: 'none',
      links: { PART_TIME_MEMBER: 'Part-time member', CO_BUILDING: 'Co-building', REGISTERED: 'Dual registration', ALLIANCE_LEADER: 'Leads alliance', ALLIANCE_MEMBER: 'Alliance member', ALLIANCE_SITE: 'Alliance covers', SITE: 'Site in grid', INSTRUCTOR: 'Instructor' },
      outside: { Unit: 'Outside unit', Alliance: 'Alliance', Area: 'Commercial site', Person: 'Instructor' }
    }
  };
  const LINK_COLORS = { PART_TIME_MEMBER: '#1565c0', CO_BUILDING: '#2e7d32', REGISTERED: '#00838f', ALLIANCE_LEADER: '#6a1b9a',
    ALLIANCE_MEMBER: '#8e24aa', ALLIANCE_SITE: '#ad1457', SITE: '#5d4037', INSTRUCTOR: '#ef6c00' };
  const CSS_CLASS = { STREET_WORKING_COMMITTEE: 'street', COMMUNITY_COMMITTEE: 'community', GRID_BRANCH: 'branch', BUILDING_GROUP: 'group' };

  const FIGURE = 'covered total';
  const BOX = `id code name kind childCount secretary { name }
    posts { role person { name } } members { total }
    coverage { grid { ${FIGURE} } buildingGroup { ${FIGURE} } buildingHead { ${FIGURE} } }`;
  const BUILDINGS = `areas { id code name kind head { name partyStatus } }`;

  const { $, escape } = PN;
  const params = new URLSearchParams(location.search);
  const state = {
    lang: params.get('lang') === 'en' ? 'en' : 'zh',
    root: params.get('id'),
    depth: Math.min(4, Math.max(1, parseInt(params.get('depth') || '2', 10) || 2)),
    compact: params.get('compact') !== '0',
    links: params.get('links') === '1',
    view: { x: 0, y: 0, k: 1 },
    nodes: new Map(), crossLinks: null, hits: [], hitIndex: 0, selected: null,
    positions: new Map(), bounds: null
  };
  const timings = {};
  const t = () => TEXT[state.lang];
  // The kinds and coverage metrics are named by the API (PN.model), in English when there is one.
  let model = null;
  const termName = (list, key) => { const term = model.term(list, key); return !term ? key : state.lang === 'en' ? term.english || term.name : term.name; };
  // Rough width of a text in pixels: CJK glyphs are square, others about half as wide.
  const textWidth = (s, size) => [...String(s)].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? size : size * 0.6), 0);
  // An SVG text that is squeezed to fit its box when it would not (names can be long).
  const fitted = (s, size, room, attrs) => `<text ${attrs}${textWidth(s, size) > room ? ` textLength="${room}" lengthAdjust="spacingAndGlyphs"` : ''}>${escape(s)}</text>`;

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
    const data = await PN.graphql(`query Root($id: ID!) { organization(id: $id) { ${selection(state.depth)} } }`, { id: state.root });
    if (!data.organization) throw new Error(`未找到组织 / No organization ${state.root}`);
    addOrganization(data.organization, null);
    if (state.links) await loadCrossLinks();
    render(true);
    timings.load = Math.round(performance.now() - started);
  }

  async function loadCrossLinks() {
    const data = await PN.graphql(`query Links($id: ID!) { organization(id: $id) { crossLinks {
      kind from { __typename id name ...on Unit { categoryName } ...on Area { kindName } }
      to { __typename id name ...on Organization { ancestors { id } } } via { name } } } }`, { id: state.root });
    state.crossLinks = data.organization.crossLinks;
  }

  // --- layout --------------------------------------------------------------------------------

  const visibleChildren = n => (n.expanded && n.children ? n.children.map(id => state.nodes.get(id)).filter(Boolean) : []);

  function measure(n) {
    const kids = visibleChildren(n);
    n.stack = 0;
    if (!kids.length) return (n.width = W);
    kids.forEach(measure);
    if (state.compact && kids.length > 1 && kids.every(k => !visibleChildren(k).length)) {
      n.stack = Math.ceil(kids.length / ROWS);
      return (n.width = Math.max(W, INDENT + n.stack * (W + GAP_X) - GAP_X));
    }
    return (n.width = Math.max(W, kids.reduce((s, k) => s + k.width, 0) + GAP_X * (kids.length - 1)));
  }

  function place(n, left, top, edges) {
    const x = left + (n.width - W) / 2;
    state.positions.set(n.id, { x, y: top, w: W, h: H, node: n });
    const kids = visibleChildren(n);
    if (n.stack) {
      const blockWidth = INDENT + n.stack * (W + GAP_X) - GAP_X;
      const x0 = left + (n.width - blockWidth) / 2 + INDENT;
      kids.forEach((k, i) => {
        const kx = x0 + Math.floor(i / ROWS) * (W + GAP_X), ky = top + H + GAP_Y + (i % ROWS) * (H + STACK_GAP);
        state.positions.set(k.id, { x: kx, y: ky, w: W, h: H, node: k });
        edges.push(`M${x + W / 2},${top + H}V${top + H + GAP_Y / 2}H${kx - INDENT / 2}V${ky + H / 2}H${kx}`);
      });
      return;
    }
    let cx = left + (n.width - (kids.reduce((s, k) => s + k.width, 0) + GAP_X * (kids.length - 1))) / 2;
    kids.forEach(k => {
      place(k, cx, top + H + GAP_Y, edges);
      const p = state.positions.get(k.id);
      edges.push(`M${x + W / 2},${top + H}V${top + H + GAP_Y / 2}H${p.x + W / 2}V${p.y}`);
      cx += k.width + GAP_X;
    });
  }

  // The nearest box on screen for an organization that may lie in a collapsed subtree.
  function visibleBox(org) {
    if (state.positions.has(org.id)) return state.positions.get(org.id);
    const above = (org.ancestors || []).map(a => a.id).reverse();
    for (const id of above) if (state.positions.has(id)) return state.positions.get(id);
    return null;
  }

  // Outside nodes in three columns right of the tree: sites; alliances and instructors; units.
  function placeCrossLinks(treeRight) {
    const links = [];
    if (!state.links || !state.crossLinks) return links;
    const columns = [[], [], []];
    const outside = new Map();
    const columnOf = n => n.__typename === 'Area' ? 0 : (n.__typename === 'Unit' ? 2 : 1);
    state.crossLinks.forEach(l => [l.from, l.to].forEach(n => {
      if (n.__typename !== 'Organization' && !outside.has(n.id)) { outside.set(n.id, n); columns[columnOf(n)].push(n); }
    }));
    const top = state.positions.get(state.root)?.y ?? 0;
    columns.forEach((column, c) => column.forEach((n, i) => {
      state.positions.set(n.id, { x: treeRight + 120 + c * (OW + 110), y: top + i * (OH + 12), w: OW, h: OH, outside: n });
    }));
    state.crossLinks.forEach(l => {
      const a = l.from.__typename === 'Organization' ? visibleBox(l.from) : state.positions.get(l.from.id);
      const b = l.to.__typename === 'Organization' ? visibleBox(l.to) : state.positions.get(l.to.id);
      if (a && b) links.push({ link: l, a, b });
    });
    return links;
  }

  // --- drawing -------------------------------------------------------------------------------

  function badge(n) {
    if (n.type !== 'org' || !n.coverage) return null;
    const [metric, label] = n.kind === 'GRID_BRANCH' ? ['buildingGroup', t().groups]
      : n.kind === 'BUILDING_GROUP' ? ['buildingHead', t().heads] : ['grid', t().grid];
    const f = n.coverage[metric];
    if (!f.total) return null;
    return { text: `${label} ${f.covered}/${f.total}`, cls: f.covered === f.total ? 'full' : 'partial' };
  }

  function boxSvg(p) {
    const n = p.node;
    const classes = ['box', n.type === 'org' ? CSS_CLASS[n.kind] : 'building'];
    if (state.hits.includes(n.id)) classes.push('hit');
    if (state.selected === n.id) classes.push('selected');
    let lines;
    if (n.type === 'org') {
      const leader = n.kind === 'BUILDING_GROUP'
        ? (n.leader ? `${t().leader} ${n.leader}` : null)
        : (n.secretary ? `${t().secretary} ${n.secretary}` : null);
      lines = [fitted(n.name, 13, W - 16, 'class="name" x="8" y="18"'),
        `<text x="8" y="37">${escape(termName('organizationKinds', n.kind))}</text>`,
        leader ? `<text x="8" y="54">${escape(leader)} · ${t().members} ${n.members}</text>`
          : `<text x="8" y="54" class="gap">${n.kind === 'BUILDING_GROUP' ? t().noLeader : t().noSecretary} · ${t().members} ${n.members}</text>`];
    } else {
      lines = [fitted(n.name, 13, W - 16, 'class="name" x="8" y="18"'),
        `<text x="8" y="37">${escape(t().building)}</text>`,
        n.head ? `<text x="8" y="54" class="${n.headStatus ? '' : 'gap'}">${t().head} ${escape(n.head)}${n.headStatus ? '' : ' · ' + t().notMember}</text>`
          : `<text x="8" y="54" class="gap">${t().noHead}</text>`];
    }
    const b = badge(n);
    const bw = b ? textWidth(b.text, 11) + 12 : 0;
    const badgeSvg = b ? `<g class="badge ${b.cls}" transform="translate(${W - 6 - bw},25)">`
      + `<rect width="${bw}" height="16" rx="8"/><text x="${bw / 2}" y="12" text-anchor="middle">${escape(b.text)}</text></g>` : '';
    const canExpand = n.type === 'org' && n.childCount > 0;
    const toggle = canExpand ? `<g class="toggle" data-toggle="${escape(n.id)}" transform="translate(${W / 2},${H})">`
      + `<circle r="9"/><text y="4" text-anchor="middle">${n.expanded ? '−' : n.childCount}</text></g>` : '';
    return `<g class="${classes.join(' ')}" data-id="${escape(n.id)}" transform="translate(${p.x},${p.y})">`
      + `<title>${escape(n.name)} (${escape(n.code)})</title><rect class="frame" width="${W}" height="${H}" rx="5"/>${lines.join('')}${badgeSvg}${toggle}</g>`;
  }

  function outsideSvg(p) {
    const n = p.outside;
    const sub = n.categoryName || n.kindName || t().outside[n.__typename] || '';
    const classes = ['box', 'outside'];
    if (state.hits.includes(n.id)) classes.push('hit');
    return `<g class="${classes.join(' ')}" data-id="${escape(n.id)}" transform="translate(${p.x},${p.y})"><title>${escape(n.name)}</title>`
      + `<rect class="frame" width="${OW}" height="${OH}" rx="5"/>${fitted(n.name, 13, OW - 16, 'class="name" x="8" y="17"')}`
      + `<text x="8" y="34">${escape(t().outside[n.__typename])}${sub && sub !== t().outside[n.__typename] ? ' · ' + escape(sub) : ''}</text></g>`;
  }

  function linkSvg({ link, a, b }) {
    // From the right side of the left-hand box to the left side of the other, as a curve.
    const [l, r] = a.x <= b.x ? [a, b] : [b, a];
    const x1 = l.x + l.w, y1 = l.y + l.h / 2, x2 = r.x, y2 = r.y + r.h / 2, dx = Math.max(40, (x2 - x1) / 2);
    const color = LINK_COLORS[link.kind];
    const label = link.via ? `<text class="linkLabel" x="${(x1 + x2) / 2}" y="${(y1 + y2) / 2 - 4}" text-anchor="middle">${escape(link.via.name)} · ${escape(t().links[link.kind])}</text>` : '';
    return `<path class="link" data-kind="${link.kind}" stroke="${color}" d="M${x1},${y1}C${x1 + dx},${y1} ${x2 - dx},${y2} ${x2},${y2}"><title>${escape(t().links[link.kind])}</title></path>${label}`;
  }

  function render(fit) {
    const started = performance.now();
    const root = state.nodes.get(state.root);
    state.positions = new Map();
    if (!root) return;
    measure(root);
    const edges = [];
    place(root, 0, 0, edges);
    let right = 0, bottom = 0;
    state.positions.forEach(p => { right = Math.max(right, p.x + p.w); bottom = Math.max(bottom, p.y + p.h); });
    const links = placeCrossLinks(right);
    state.positions.forEach(p => { right = Math.max(right, p.x + p.w); bottom = Math.max(bottom, p.y + p.h); });
    state.bounds = { x: -20, y: -20, w: right + 40, h: bottom + 40 };
    const parts = [`<g class="edges">${edges.map(d => `<path class="edge" d="${d}"/>`).join('')}</g>`,
      `<g class="links">${links.map(linkSvg).join('')}</g>`, '<g class="boxes">'];
    state.positions.forEach(p => parts.push(p.outside ? outsideSvg(p) : boxSvg(p)));
    parts.push('</g>');
    $('viewport').innerHTML = parts.join('');
    legend();
    if (fit) fitView(); else applyView();
    timings.render = Math.round(performance.now() - started);
    timings.boxes = state.positions.size;
    // The first frame painted with a chart, in ms since the page was requested.
    if (timings.painted === undefined) requestAnimationFrame(() => setTimeout(() => { timings.painted ??= Math.round(performance.now()); }));
    document.body.dataset.loaded = String(Date.now());
  }

  function legend() {
    $('legend').innerHTML = state.links && state.crossLinks
      ? Object.entries(LINK_COLORS).map(([k, c]) => `<span><i style="border-color:${c};border-top-style:dashed"></i>${t().links[k]}</span>`).join('')
      : '';
    $('legend').hidden = !(state.links && state.crossLinks);
  }

  // --- view: zoom, pan, fit ------------------------------------------------------------------

  // Far out, text is too small to read and costs most of the painting: draw only the boxes.
  const FAR = 0.35;

  function applyView() {
    const v = state.view;
    $('viewport').setAttribute('transform', `translate(${v.x},${v.y}) scale(${v.k})`);
    $('chart').classList.toggle('far', v.k < FAR);
  }

  function fitView() {
    const svg = $('chart').getBoundingClientRect(), b = state.bounds;
    if (!b || !svg.width) return;
    const k = Math.min(1.2, svg.width / b.w, svg.height / b.h);
    state.view = { k, x: (svg.width - b.w * k) / 2 - b.x * k, y: Math.max(0, (svg.height - b.h * k) / 2) - b.y * k };
    applyView();
  }

  function zoom(factor, cx, cy) {
    const v = state.view, svg = $('chart').getBoundingClientRect();
    cx ??= svg.width / 2; cy ??= svg.height / 2;
    const k = Math.min(4, Math.max(0.05, v.k * factor));
    state.view = { k, x: cx - (cx - v.x) * k / v.k, y: cy - (cy - v.y) * k / v.k };
    applyView();
  }

  function pan(dx, dy) {
    state.view.x += dx; state.view.y += dy;
    applyView();
  }

  function centerOn(id) {
    const p = state.positions.get(id), svg = $('chart').getBoundingClientRect();
    if (!p) return;
    const k = Math.max(state.view.k, 0.8);
    state.view = { k, x: svg.width / 2 - (p.x + p.w / 2) * k, y: svg.height / 2 - (p.y + p.h / 2) * k };
    applyView();
  }

  function wireView() {
    const svg = $('chart');
    svg.addEventListener('wheel', e => {
      e.preventDefault();
      const r = svg.getBoundingClientRect();
      zoom(e.deltaY < 0 ? 1.15 : 1 / 1.15, e.clientX - r.left, e.clientY - r.top);
    }, { passive: false });
    let drag = null;
    svg.addEventListener('pointerdown', e => { drag = { x: e.clientX, y: e.clientY, vx: state.view.x, vy: state.view.y, moved: false }; });
    window.addEventListener('pointermove', e => {
      if (!drag) return;
      const dx = e.clientX - drag.x, dy = e.clientY - drag.y;
      if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
      drag.moved = true; svg.classList.add('dragging');
      state.view.x = drag.vx + dx; state.view.y = drag.vy + dy;
      applyView();
    });
    window.addEventListener('pointerup', () => { setTimeout(() => { drag = null; }, 0); svg.classList.remove('dragging'); });
    // The keyboard too: arrows pan, + and - zoom, 0 fits.
    svg.addEventListener('keydown', e => {
      const step = 80, keys = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
      if (keys[e.key]) pan(...keys[e.key]);
      else if (e.key === '+' || e.key === '=') zoom(1.25);
      else if (e.key === '-') zoom(0.8);
      else if (e.key === '0') fitView();
      else return;
      e.preventDefault();
    });
    svg.addEventListener('click', e => {
      if (drag && drag.moved) return;
      const toggle = e.target.closest('[data-toggle]');
      if (toggle) return void toggleNode(toggle.dataset.toggle);
      const box = e.target.closest('[data-id]');
      if (box) showDetails(box.dataset.id);
    });
  }

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

  function collapseAll() {
    state.nodes.forEach(n => { n.expanded = n.id === state.root; });
    render(true);
  }

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

  async function search() {
    const text = $('searchText').value.trim();
    state.hits = []; $('searchResult').textContent = '';
    if (!text) return render(false);
    try {
      const data = await PN.graphql(SEARCH, { text });
      const found = data.search.flatMap(h => targets(h.node))
        .map(x => ({ box: x.box, path: x.path.slice(x.path.indexOf(state.root) + 1), inChart: x.box === state.root || x.path.includes(state.root) }))
        .filter(x => x.inChart);
      // Outside nodes drawn for cross-links match by name too.
      const outside = [...state.positions.values()].filter(p => p.outside && p.outside.name.includes(text)).map(p => p.outside.id);
      // Open the way to every hit, one request per level still missing.
      for (let depth = 0; ; depth++) {
        const missing = [...new Set(found.map(x => x.path[depth]).filter(id => id && !state.nodes.get(id)?.children))];
        const opened = found.map(x => x.path[depth]).filter(Boolean);
        if (!opened.length) break;
        if (missing.length) await loadChildren(missing);
        opened.forEach(id => { const n = state.nodes.get(id); if (n) n.expanded = true; });
      }
      state.nodes.get(state.root).expanded = true;
      state.hits = [...new Set([...found.map(x => x.box), ...outside])];
      state.hitIndex = 0;
      render(false);
      $('searchResult').textContent = state.hits.length ? t().found(state.hits.length) : t().notFound;
      if (state.hits.length) centerOn(state.hits[0]);
    } catch (error) { showError(error); }
  }

  // --- details panel -------------------------------------------------------------------------

  const DETAILS = `query Details($id: ID!) {
  organization(id: $id) {
    id code name kindName
    ancestors { name }
    secretary { name }
    members { full probationary total }
    posts { title person { id name } since }
    areas { id name kindName }
    alliances { id name }
    coverage {
      grid { covered total ratio } buildingGroup { covered total ratio } buildingHead { covered total ratio }
      commercial { covered total ratio } dualNet { covered total ratio } organization { covered total ratio }
    }
  }
}`;
  const AREA_DETAILS = `query Building($id: ID!) {
  area(id: $id) {
    id code name kindName
    ancestors { name }
    head { id name partyStatus roles { title organization { name } } }
    coveredBy { id name kindName }
  }
}`;
  const NODE_DETAILS = `query Node($id: ID!) {
  node(id: $id) { id code name __typename ...on Unit { categoryName } }
}`;

  const explorerLink = (query, id) => `/graphiql?query=${encodeURIComponent(query)}&variables=${encodeURIComponent(JSON.stringify({ id }, null, 2))}`;

  async function showDetails(id) {
    state.selected = id;
    render(false);
    const panel = $('details'), body = $('detailsBody');
    panel.hidden = false;
    body.innerHTML = `<p class="meta">${t().loading}</p>`;
    try {
      const node = state.nodes.get(id);
      let html;
      if (node?.type === 'org') {
        const o = (await PN.graphql(DETAILS, { id })).organization;
        html = `<h2>${escape(o.name)}</h2><table>
          <tr><th>${t().kind}</th><td>${escape(o.kindName)}</td></tr>
          <tr><th>${t().code}</th><td>${escape(o.code)}</td></tr>
          <tr><th>${t().path}</th><td>${o.ancestors.map(a => escape(a.name)).join(' / ') || '–'}</td></tr>
          <tr><th>${t().members}</th><td>${o.members.total}（${t().memberCounts(o.members.full, o.members.probationary)}）</td></tr></table>
          <h3>${t().posts}</h3><ul>${o.posts.map(p => `<li>${escape(p.title)} ${escape(p.person.name)}${p.since ? ` <small>${p.since}</small>` : ''}</li>`).join('') || `<li>${t().none}</li>`}</ul>
          <h3>${t().coverageFigures}</h3><table>${model.coverageMetrics.map(m => [PN.fieldOf(m.key), m.key]).filter(([f]) => o.coverage[f]?.total)
            .map(([f, key]) => `<tr><th>${escape(termName('coverageMetrics', key))}</th><td>${o.coverage[f].covered}/${o.coverage[f].total}</td><td>${PN.percent(o.coverage[f].ratio)}</td></tr>`).join('')}</table>
          <h3>${t().areas}</h3><ul>${o.areas.slice(0, 30).map(a => `<li>${escape(a.name)} <small>${escape(a.kindName)}</small></li>`).join('')}${o.areas.length > 30 ? `<li>… ${o.areas.length}</li>` : ''}</ul>
          ${o.alliances.length ? `<h3>${t().alliances}</h3><ul>${o.alliances.map(a => `<li>${escape(a.name)}</li>`).join('')}</ul>` : ''}
          <p><a id="explorerLink" href="${explorerLink(DETAILS, id)}" target="_blank">${t().openExplorer}</a><br>
          <a href="/reports/coverage?scope=${encodeURIComponent(id)}" target="_blank">${t().openCoverage}</a></p>`;
      } else if (node?.type === 'building') {
        const a = (await PN.graphql(AREA_DETAILS, { id })).area;
        html = `<h2>${escape(a.name)}</h2><table>
          <tr><th>${t().kind}</th><td>${escape(a.kindName)}</td></tr>
          <tr><th>${t().code}</th><td>${escape(a.code)}</td></tr>
          <tr><th>${t().path}</th><td>${a.ancestors.map(x => escape(x.name)).join(' / ')}</td></tr>
          <tr><th>${t().head}</th><td>${a.head ? `${escape(a.head.name)}（${a.head.partyStatus ? t().partyStatus[a.head.partyStatus] : t().notMember}）` : t().noHead}</td></tr>
          <tr><th>${t().coveredBy}</th><td>${a.coveredBy.map(o => escape(o.name)).join('，') || t().none}</td></tr></table>
          ${a.head ? `<h3>${t().posts}</h3><ul>${a.head.roles.map(r => `<li>${escape(r.title)}${r.organization ? ' · ' + escape(r.organization.name) : ''}</li>`).join('')}</ul>` : ''}
          <p><a id="explorerLink" href="${explorerLink(AREA_DETAILS, id)}" target="_blank">${t().openExplorer}</a></p>`;
      } else {
        const n = (await PN.graphql(NODE_DETAILS, { id })).node;
        const links = (state.crossLinks || []).filter(l => l.from.id === id || l.to.id === id);
        html = `<h2>${escape(n.name)}</h2><table><tr><th>${t().code}</th><td>${escape(n.code)}</td></tr>
          ${n.categoryName ? `<tr><th>${t().kind}</th><td>${escape(n.categoryName)}</td></tr>` : ''}</table>
          <h3>${t().crossLinks}</h3><ul>${links.map(l => `<li>${escape(t().links[l.kind])}：${escape(l.from.name)} → ${escape(l.to.name)}${l.via ? `（${escape(l.via.name)}）` : ''}</li>`).join('')}</ul>
          <p><a id="explorerLink" href="${explorerLink(NODE_DETAILS, id)}" target="_blank">${t().openExplorer}</a></p>`;
      }
      body.innerHTML = html;
      body.dataset.id = id;
    } catch (error) { body.innerHTML = `<p class="error">${escape(error.message)}</p>`; }
  }

  // --- export and print ----------------------------------------------------------------------

  // The whole chart as it is drawn now (every open box and the cross-links), standalone: the
  // chart's style rules travel inside the file.
  function svgText() {
    const b = state.bounds;
    const rules = [...document.styleSheets].flatMap(s => { try { return [...s.cssRules]; } catch { return []; } })
      .filter(r => r.selectorText && /\.(box|badge|toggle|edge|link|linkLabel)\b|path\.|text\./.test(r.selectorText))
      .map(r => r.cssText).join('\n');
    const title = state.nodes.get(state.root)?.name || '';
    return `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="${b.x} ${b.y} ${b.w} ${b.h}" width="${b.w}" height="${b.h}">`
      + `<title>${escape(title)} 组织架构图 Org chart</title><style>svg { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; }\n${rules}</style>`
      + `<rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" fill="#fff"/>${$('viewport').innerHTML}</svg>`;
  }

  function download(blob, name) {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob); a.download = name;
    document.body.appendChild(a); a.click(); a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  }

  const fileName = ext => `org-chart-${state.nodes.get(state.root)?.code || 'network'}.${ext}`;

  function exportSvg() { download(new Blob([svgText()], { type: 'image/svg+xml' }), fileName('svg')); }

  function exportPng() {
    const b = state.bounds;
    const scale = Math.min(2, 16000 / b.w, 16000 / b.h);
    const image = new Image();
    const url = URL.createObjectURL(new Blob([svgText()], { type: 'image/svg+xml' }));
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = Math.ceil(b.w * scale); canvas.height = Math.ceil(b.h * scale);
      const context = canvas.getContext('2d');
      context.scale(scale, scale);
      context.drawImage(image, 0, 0, b.w, b.h);
      URL.revokeObjectURL(url);
      canvas.toBlob(blob => download(blob, fileName('png')), 'image/png');
    };
    image.src = url;
  }

  // Prints the whole chart of the root (for a community, down to every building) on one landscape
  // page of the chosen paper: the SVG's viewBox scales it, so text stays vector and sharp.
  async function preparePrint(paper) {
    $('pageSize').textContent = `@page { size: ${paper === 'A3' ? 'A3' : 'A4'} landscape; margin: 8mm; }`;
    await expandAll();
    const b = state.bounds, svg = $('chart');
    svg.classList.remove('far');
    svg.setAttribute('viewBox', `${b.x} ${b.y} ${b.w} ${b.h}`);
    svg.setAttribute('preserveAspectRatio', 'xMidYMin meet');
    $('viewport').removeAttribute('transform');
  }

  function afterPrint() {
    $('chart').removeAttribute('viewBox');
    applyView();
  }

  // --- page ----------------------------------------------------------------------------------

  const showError = PN.fail;

  function remember() {
    const query = new URLSearchParams();
    if (state.root) query.set('id', state.root);
    if (state.depth !== 2) query.set('depth', state.depth);
    if (state.lang === 'en') query.set('lang', 'en');
    if (!state.compact) query.set('compact', '0');
    if (state.links) query.set('links', '1');
    history.replaceState(null, '', `?${query}`);
  }

  function translate() {
    document.documentElement.lang = state.lang === 'en' ? 'en' : 'zh-CN';
    document.querySelectorAll('[data-i18n]').forEach(e => { e.textContent = t()[e.dataset.i18n]; });
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
    $('error').hidden = true;
    $('details').hidden = true;
    remember();
    try { await loadRoot(); } catch (error) { showError(error); }
  }

  async function start() {
    translate();
    $('depth').value = String(state.depth);
    $('compact').checked = state.compact;
    $('crossLinks').checked = state.links;
    wireView();
    $('root').addEventListener('change', () => { state.root = $('root').value; show(); });
    $('depth').addEventListener('change', () => { state.depth = parseInt($('depth').value, 10); show(); });
    $('compact').addEventListener('change', () => { state.compact = $('compact').checked; remember(); render(true); });
    $('crossLinks').addEventListener('change', async () => {
      state.links = $('crossLinks').checked; remember();
      try { if (state.links && !state.crossLinks) await loadCrossLinks(); render(false); } catch (error) { showError(error); }
    });
    $('lang').addEventListener('click', () => { state.lang = state.lang === 'en' ? 'zh' : 'en'; remember(); translate(); render(false); });
    $('searchButton').addEventListener('click', search);
    $('zoomIn').addEventListener('click', () => zoom(1.25));
    $('zoomOut').addEventListener('click', () => zoom(0.8));
    $('fit').addEventListener('click', fitView);
    $('expandAll').addEventListener('click', expandAll);
    $('collapseAll').addEventListener('click', collapseAll);
    $('exportSvg').addEventListener('click', exportSvg);
    $('exportPng').addEventListener('click', exportPng);
    $('print').addEventListener('click', async () => { await preparePrint($('paper').value); window.print(); });
    window.addEventListener('afterprint', afterPrint);
    $('closeDetails').addEventListener('click', () => { $('details').hidden = true; state.selected = null; render(false); });
    window.addEventListener('resize', () => applyView());
    try { [, model] = await Promise.all([loadRoots(), PN.model()]); } catch (error) { return showError(error); }
    await show();
  }

  // For tests and benchmarks: what the page measured, and the same actions its buttons take.
  window.OrgChart = { timings, svgText, preparePrint, afterPrint, toggle: toggleNode, expandAll, search, zoom, pan, centerOn, view: () => ({ ...state.view }),
    relayout: () => render(false),
    boxes: () => state.positions.size, hits: () => [...state.hits] };
  start();
})();
