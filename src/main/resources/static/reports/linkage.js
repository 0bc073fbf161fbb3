// The linkage page: a scope's outside units drawn as a network with who or what carries each link,
// the summary, and paths between two nodes. One GraphQL request per view.
(function () {
  const KINDS = ['PART_TIME_MEMBER', 'CO_BUILDING', 'UNIT_REGISTERED', 'MEMBER_REGISTERED', 'ALLIANCE_MEMBER'];
  const CATEGORIES = ['AGENCY', 'ENTERPRISE_INSTITUTION', 'PROPERTY_MANAGEMENT', 'NON_PUBLIC_ENTERPRISE', 'SOCIAL_ORGANIZATION'];
  const QUERY = `query Linkage($id: ID!, $scope: ID) {
    linkages(id: $id) { node { id name } unitCount
      groups { kind kindName links { unit { id name category categoryName } people { id name } alliances { id name } communities { id name } } } }
    linkageSummary(scope: $scope) { name units { category kind units } unitsByCategory { category categoryName units }
      partTimeMembers { community { id name } count people { name } } unlinkedCommunities { id name } }
  }`;
  const PATHS = `query Paths($from: ID!, $to: ID!, $maxHops: Int, $through: PathRelationships) {
    connection(from: $from, to: $to, maxHops: $maxHops, through: $through) { length sentence containment } }`;
  // Each hit with what tells two of one name apart: its kind and where it is.
  const SEARCH = `query Hits($text: String!) { search(text: $text, first: 8) { node { id name
    ... on Organization { kindName parent { name } } ... on Area { kindName parent { name } }
    ... on Person { roles { title organization { name } area { name } unit { name } } }
    ... on Unit { categoryName } ... on Alliance { leader { name } } ... on Institution { street { name } } } } }`;
  const NAMES = `query Names($from: ID!, $to: ID!) { from: node(id: $from) { id name } to: node(id: $to) { id name } }`;
  const { $, escape } = PN;
  const params = new URLSearchParams(location.search);
  let chart;

  function drawGraph(linkages) {
    // The scope in the middle; units around it, linked directly or through a person or an alliance.
    const nodes = new Map(), edges = [];
    const add = (id, name, category, size) => { if (!nodes.has(id)) nodes.set(id, { id, name, category, symbolSize: size }); };
    add(linkages.node.id, linkages.node.name, 0, 46);
    linkages.groups.forEach(group => group.links.forEach(link => {
      add(link.unit.id, link.unit.name, 1 + CATEGORIES.indexOf(link.unit.category), 26);
      const carriers = [...link.people.map(p => [p, 6, 12]), ...link.alliances.map(a => [a, 7, 20])];
      if (!carriers.length) edges.push({ source: link.unit.id, target: linkages.node.id, value: group.kindName });
      carriers.forEach(([c, category, size]) => {
        add(c.id, c.name, category, size);
        edges.push({ source: link.unit.id, target: c.id, value: group.kindName });
        edges.push({ source: c.id, target: linkages.node.id, value: group.kindName });
      });
    }));
    const categories = [{ name: '范围 Scope' }, ...CATEGORIES.map(c => ({ name: ({ AGENCY: '机关', ENTERPRISE_INSTITUTION: '企事业单位',
      PROPERTY_MANAGEMENT: '物业服务公司', NON_PUBLIC_ENTERPRISE: '非公企业', SOCIAL_ORGANIZATION: '社会组织' })[c] })),
      { name: '人员 People' }, { name: '党建联盟 Alliance' }];
    chart ||= echarts.init($('graph'), null, { renderer: 'svg' });
    // On a phone the legend is one line that scrolls, and the network is drawn tighter, below it:
    // the legend never lies over a node, and the network fits the narrow screen.
    narrow = $('graph').clientWidth < NARROW;
    drawn = linkages;
    chart.setOption({
      animation: false,
      tooltip: { confine: true, formatter: p => p.dataType === 'edge' ? escape(p.data.value) : escape(p.data.name) },
      legend: { data: categories.map(c => c.name), top: 0, type: narrow ? 'scroll' : 'plain', textStyle: { fontSize: 12 } },
      // on a phone a label that would lie over another is left out (the tooltip names every node)
      series: [{ type: 'graph', layout: 'force', roam: true, draggable: true, categories, top: narrow ? 36 : 48, bottom: 8,
        zoom: narrow ? 1.25 : 1, labelLayout: narrow ? { hideOverlap: true } : {},
        data: [...nodes.values()], links: edges,
        force: narrow ? { repulsion: 150, edgeLength: [35, 80], gravity: 0.12 } : { repulsion: 220, edgeLength: [50, 120] },
        label: { show: true, position: 'right', fontSize: 11 }, lineStyle: { color: 'source', opacity: 0.6 },
        edgeSymbol: ['none', 'arrow'], edgeSymbolSize: 6 }]
    }, true);
  }

  // Narrower than this (a phone), the network is drawn for a narrow screen; turning the phone
  // redraws it for the new width.
  const NARROW = 600;
  let narrow = false, drawn = null;
  window.addEventListener('resize', () => {
    if (!chart) return;
    if (($('graph').clientWidth < NARROW) !== narrow && drawn) drawGraph(drawn);
    else chart.resize();
  });

  function tables(linkages, summary) {
    $('title').textContent = linkages ? linkages.node.name : summary.name;
    $('unitCount').textContent = linkages ? `驻区单位 ${linkages.unitCount} 个 / ${linkages.unitCount} outside units linked` : '';
    $('links').tBodies[0].innerHTML = linkages ? linkages.groups.flatMap(g => g.links.map(l => `<tr><td>${escape(g.kindName)}</td>
      <td>${escape(l.unit.name)}</td><td>${escape(l.unit.categoryName)}</td>
      <td>${[...l.people, ...l.alliances].map(x => escape(x.name)).join('、')}</td>
      <td>${l.communities.map(c => escape(c.name)).join('、')}</td></tr>`)).join('')
      : '<tr><td colspan="5">请选择范围 Choose a scope</td></tr>';
    $('units').tBodies[0].innerHTML = summary.unitsByCategory.map(c => `<tr><td>${escape(c.categoryName)}</td><td>${c.units}</td>${KINDS
      .map(k => `<td>${summary.units.find(u => u.category === c.category && u.kind === k)?.units ?? 0}</td>`).join('')}</tr>`).join('');
    $('partTime').tBodies[0].innerHTML = summary.partTimeMembers.map(p => `<tr><td>${escape(p.community.name)}</td><td>${p.count}</td>
      <td>${p.people.map(x => escape(x.name)).join('、')}</td></tr>`).join('');
    $('unlinked').textContent = summary.unlinkedCommunities.length
      ? summary.unlinkedCommunities.map(c => c.name).join('、') : '无：每个社区都有驻区单位联系 / None: every community has an outside link';
  }

  async function show() {
    $('error').hidden = true;
    const scope = $('scope').value;
    const query = new URLSearchParams(location.search); // the path finder's ends stay in the address
    if (scope) query.set('scope', scope); else query.delete('scope');
    history.replaceState(null, '', '?' + query);
    $('xlsx').href = '/reports/linkage.xlsx' + (scope ? `?scope=${encodeURIComponent(scope)}` : '');
    try {
      // The whole network is its district's links.
      const id = scope || (await PN.graphql('{ areas(kind: DISTRICT, first: 1) { nodes { id } } }')).areas.nodes[0]?.id;
      if (!id) throw new Error('网络为空 / The network is empty');
      const data = await PN.graphql(QUERY, { id, scope: scope || null });
      tables(data.linkages, data.linkageSummary);
      drawGraph(data.linkages);
      document.body.dataset.loaded = 'true';
    } catch (error) {
      PN.fail(error);
    }
  }

  // --- the path finder: both ends picked by name, the chosen node's id kept in data-id ----------

  function where(node) {
    const role = node.roles?.[0];
    return node.parent?.name || node.leader?.name || node.street?.name || node.categoryName
      || (role && [role.organization?.name || role.area?.name || role.unit?.name, role.title].filter(Boolean).join(' ')) || '';
  }

  function picker(input) {
    const list = $(input.getAttribute('aria-controls'));
    let hits = [], active = -1, timer, asked = 0;
    const close = () => { list.hidden = true; input.setAttribute('aria-expanded', 'false'); active = -1; };
    const choose = hit => { input.value = hit.name; input.dataset.id = hit.id; close(); };
    const mark = () => [...list.children].forEach((li, i) => li.setAttribute('aria-selected', String(i === active)));
    async function ask(text) {
      const mine = ++asked;
      const [data, model] = await Promise.all([PN.graphql(SEARCH, { text }), PN.model()]);
      if (mine !== asked || input.value.trim() !== text) return; // a later keystroke asked again
      hits = data.search.map(h => h.node).map(n => ({ id: n.id, name: n.name,
        kind: n.kindName || model.name('labels', n.id.split(':')[0]), where: where(n) }));
      list.innerHTML = hits.length ? hits.map((h, i) => `<li role="option" id="${input.id}-hit-${i}" aria-selected="false">
        ${escape(h.name)} <small>· ${escape(h.kind)}${h.where ? ' · ' + escape(h.where) : ''}</small></li>`).join('')
        : '<li role="option" aria-disabled="true">没有这个名称 / No such name</li>';
      active = -1;
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    }
    input.addEventListener('input', () => {
      delete input.dataset.id;
      clearTimeout(timer);
      const text = input.value.trim();
      if (!text) { close(); return; }
      timer = setTimeout(() => ask(text).catch(error => { list.innerHTML = `<li class="error">${escape(error.message)}</li>`; list.hidden = false; }), 200);
    });
    input.addEventListener('keydown', event => {
      if (list.hidden || !hits.length) return;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        active = (active + (event.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length;
        mark();
        input.setAttribute('aria-activedescendant', `${input.id}-hit-${active}`);
      } else if (event.key === 'Enter') {
        event.preventDefault(); // picking a name does not yet search for paths
        choose(hits[Math.max(active, 0)]);
      } else if (event.key === 'Escape') {
        close();
      }
    });
    // mousedown, before the field's blur closes the list
    list.addEventListener('mousedown', event => {
      const li = event.target.closest('li[id]');
      if (li) { event.preventDefault(); choose(hits[[...list.children].indexOf(li)]); }
    });
    input.addEventListener('blur', close);
  }

  async function paths(event) {
    event?.preventDefault();
    const [from, to] = [$('from').dataset.id, $('to').dataset.id];
    const through = $('through').value;
    $('pathNote').hidden = true;
    try {
      if (!from || !to) throw new Error('请从列表中选择两端的名称 / Pick both ends from the names offered');
      const query = new URLSearchParams(location.search);
      Object.entries({ from, to, through, maxHops: $('maxHops').value }).forEach(([k, v]) => query.set(k, v));
      history.replaceState(null, '', '?' + query);
      const data = await PN.graphql(PATHS, { from, to, maxHops: Number($('maxHops').value), through });
      $('paths').innerHTML = data.connection.length
        ? data.connection.map(p => `<li>${escape(p.sentence)} <small>(${p.length})</small></li>`).join('')
        : '<li>在该跳数内没有路径 / No path within that many hops</li>';
      if (through === 'PREFER_LINKAGE' && data.connection.some(p => p.containment)) {
        $('pathNote').textContent = '在该跳数内没有只经党建与联动关系的路径，以下路径经过行政隶属（包含、管辖） / '
          + 'No path through party and linkage relationships alone within that many hops: these run through administrative containment.';
        $('pathNote').hidden = false;
      }
    } catch (error) {
      $('paths').innerHTML = `<li class="error">${escape(error.message)}</li>`;
    }
    $('paths').dataset.loaded = 'true';
  }

  // /reports/linkage?from=Unit:DW008&to=… opens with both ends filled in by name, and runs.
  async function prefill() {
    if (params.get('through')) $('through').value = params.get('through');
    if (params.get('maxHops')) $('maxHops').value = params.get('maxHops');
    if (!params.get('from') || !params.get('to')) return;
    const data = await PN.graphql(NAMES, { from: params.get('from'), to: params.get('to') });
    ['from', 'to'].forEach(end => {
      if (data[end]) { $(end).value = data[end].name; $(end).dataset.id = data[end].id; }
    });
    await paths();
  }

  $('controls').addEventListener('submit', e => { e.preventDefault(); delete document.body.dataset.loaded; show(); });
  $('connectionForm').addEventListener('submit', paths);
  picker($('from'));
  picker($('to'));
  PN.loadScopes($('scope'), params.get('scope') || 'Community:GZ-DJ-C01').then(show).then(prefill).catch(PN.fail);
})();
