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
  const PATHS = `query Paths($from: ID!, $to: ID!, $maxHops: Int) { connection(from: $from, to: $to, maxHops: $maxHops) { length sentence } }`;
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
    chart.setOption({
      animation: false,
      tooltip: { formatter: p => p.dataType === 'edge' ? escape(p.data.value) : escape(p.data.name) },
      legend: { data: categories.map(c => c.name), top: 0 },
      series: [{ type: 'graph', layout: 'force', roam: true, draggable: true, categories,
        data: [...nodes.values()], links: edges, force: { repulsion: 220, edgeLength: [50, 120] },
        label: { show: true, position: 'right', fontSize: 11 }, lineStyle: { color: 'source', opacity: 0.6 },
        edgeSymbol: ['none', 'arrow'], edgeSymbolSize: 6 }]
    }, true);
  }

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
    history.replaceState(null, '', scope ? `?scope=${encodeURIComponent(scope)}` : '?');
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

  async function paths(event) {
    event.preventDefault();
    try {
      const data = await PN.graphql(PATHS, { from: $('from').value.trim(), to: $('to').value.trim(), maxHops: Number($('maxHops').value) });
      $('paths').innerHTML = data.connection.length
        ? data.connection.map(p => `<li>${escape(p.sentence)} <small>(${p.length})</small></li>`).join('')
        : '<li>在该跳数内没有路径 / No path within that many hops</li>';
      $('paths').dataset.loaded = 'true';
    } catch (error) {
      $('paths').innerHTML = `<li class="error">${escape(error.message)}</li>`;
      $('paths').dataset.loaded = 'true';
    }
  }

  $('controls').addEventListener('submit', e => { e.preventDefault(); delete document.body.dataset.loaded; show(); });
  $('connectionForm').addEventListener('submit', paths);
  PN.loadScopes($('scope'), params.get('scope') || 'Community:GZ-DJ-C01').then(show).catch(PN.fail);
})();
