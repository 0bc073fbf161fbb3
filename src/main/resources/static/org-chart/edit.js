// The organization department's changes from the org chart (window.OrgChartEdit): a row of actions
// in the details panel of an organization, 免职 beside each post and 编辑 beside each person, 任命楼长 /
// 免去楼长 for a building. After a change the chart re-reads the changed boxes and their parent, redraws
// where the user was looking and reopens the details (OrgChart.refresh). Also opens the chart at a
// box named by ?focus=<id>, which the coverage and health pages link to.
window.OrgChartEdit = (function () {
  const F = PNForms;
  const ORG = `query Edit($id: ID!) { organization(id: $id) { id code name kind parent { id }
    posts { role title person { id name } } } }`;
  const BUILDING = 'query EditBuilding($id: ID!) { area(id: $id) { id code name kind head { id name } } }';
  const actions = (...buttons) => { const row = F.element('div', 'pn-actions no-print'); row.append(...buttons); return row; };

  async function decorate(body, node) {
    if (!(await F.editable())) return;
    try {
      if (node.type === 'org') await organization(body, (await PN.graphql(ORG, { id: node.id })).organization);
      if (node.type === 'building') building(body, (await PN.graphql(BUILDING, { id: node.id })).area, node.parent);
    } catch (error) { body.appendChild(F.element('p', 'error', error.message)); } // the details stay readable
  }

  async function organization(body, o) {
    const parent = o.parent?.id;
    // the box and its parent again (its list of children), then the details of `select`
    const after = (select = o.id) => () => OrgChart.refresh([o.id, parent].filter(Boolean), select);
    const org = { id: o.id, name: o.name, kind: o.kind, code: o.code };
    const row = actions(
      F.button('任命', () => F.appoint(org, { done: after() }), 'edit-appoint'),
      ...(o.kind !== 'BUILDING_GROUP' ? [F.button('新建下级', () => F.create(org, { done: after() }), 'edit-create')] : []),
      // party members belong to branches and committees; a building group's come through IN_GROUP
      ...(o.kind !== 'BUILDING_GROUP' ? [F.button('新建党员', () => F.createPerson({ organization: { id: o.id, name: o.name }, done: after() }), 'edit-new-person')] : []),
      F.button('改名', () => F.rename(org, { done: after() }), 'edit-rename'),
      ...(o.kind !== 'BUILDING_GROUP' ? [F.button('换届日期', () => F.election(org, { done: after() }), 'edit-election')] : []),
      F.button('覆盖', () => F.cover(org, { done: after() }), 'edit-cover'),
      F.button('取消覆盖', () => F.uncover(org, { done: after() }), 'edit-uncover'),
      ...(parent ? [
        F.button('合并', () => F.merge(org, { done: p => OrgChart.refresh([p.organization.id, parent], p.organization.id) }), 'edit-merge'),
        F.button('拆分', () => F.split(org, { done: after() }), 'edit-split'),
        F.button('转移', () => F.transfer(org, { done: p => OrgChart.refresh([parent, p.organization.parent?.id].filter(Boolean), parent) }), 'edit-transfer'),
        F.button('撤销', () => F.dissolve(org, { done: () => OrgChart.refresh([parent], parent) }), 'edit-dissolve')
      ] : [])
    );
    body.querySelector('h2').after(row);
    // 免职 and 编辑 beside each post: the panel lists the posts in the order the API answers them
    const items = body.querySelectorAll('h3 + ul')[0]?.querySelectorAll('li') || [];
    o.posts.forEach((post, i) => {
      if (!items[i]) return;
      items[i].append(' ', F.button('免职', () => F.dismiss(org, post, { done: after() }), 'edit-dismiss'),
        ' ', F.button('编辑', () => F.editPerson(post.person, { done: after() }), 'edit-person'));
    });
    await ended(body, org);
  }

  // 已撤销的下级组织: ended organizations keep no place in the tree, so they are found through the
  // audit trail of their former parent (its dissolutions and merges); those still without a parent
  // are offered 恢复, which puts them back under the parent they had.
  const ENDED = `query Ended($id: ID) { changes(scope: $id, first: 50) { nodes { operation before
    affected { __typename ...on Organization { id code name kind parent { id } } } } } }`;
  const ledBy = (change, node, parent) => (JSON.parse(change.before || '{}')[node.code]?.relationships || [])
    .some(r => r.type === 'LEADS' && r.direction === 'IN' && r.other === parent.code);
  async function ended(body, org) {
    const changes = (await PN.graphql(ENDED, { id: org.id })).changes.nodes
      .filter(c => c.operation === 'dissolveOrganization' || c.operation === 'mergeOrganizations');
    const gone = new Map(changes.flatMap(c => c.affected.filter(n => n.__typename === 'Organization' && !n.parent
      && n.kind !== 'STREET_WORKING_COMMITTEE' && ledBy(c, n, org))).map(n => [n.id, n]));
    if (!gone.size) return;
    const list = F.element('ul', 'pn-ended');
    gone.forEach(n => {
      const item = F.element('li', null, `${n.name} `);
      item.appendChild(F.button('恢复', () => F.restore(n, { done: () => OrgChart.refresh([org.id], n.id) }), 'edit-restore'));
      list.appendChild(item);
    });
    body.append(F.element('h3', null, '已撤销的下级组织 Ended'), list);
  }

  function building(body, a, group) {
    const again = () => OrgChart.refresh([group], a.id);
    const place = { id: a.id, name: a.name };
    body.querySelector('h2').after(actions(...(a.head ? [
      F.button('免去楼长', () => F.unlink('HEAD_OF', place, a.head, {
        done: again, after: () => [{ label: '任命楼长 Appoint a head', open: () => F.link('HEAD_OF', place, { done: again }) }]
      }), 'edit-unhead'),
      F.button('编辑', () => F.editPerson(a.head, { done: again }), 'edit-person')
    ] : [F.button('任命楼长', () => F.link('HEAD_OF', place, { done: again }), 'edit-head')])));
  }

  // ?focus=<id>: an organization, a building or a person, opened in the chart with its details.
  const NODE = `query Focus($id: ID!) { node(id: $id) { __typename id name
    ...on Organization { ancestors { id } }
    ...on Person { roles { kind organization { id ancestors { id } } area { id kind coveredBy { id kind ancestors { id } } } } }
    ...on Area { kind coveredBy { id kind ancestors { id } } } } }`;
  const focus = new URLSearchParams(location.search).get('focus');
  if (focus) {
    OrgChart.ready.then(async () => {
      try {
        const node = (await PN.graphql(NODE, { id: focus })).node;
        if (!node || !(await OrgChart.focus(node))) PN.fail(new Error(`本图中未找到 ${focus} / Not in this chart`));
      } catch (error) { PN.fail(error); }
    });
  }

  return { decorate };
})();
