// The audit trail page: one GraphQL request per page of changes; the diff of a change is drawn
// from its before/after JSON when its row is opened.
(function () {
  const QUERY = `query Changes($scope: ID, $since: DateTime, $first: Int, $after: String) {
    changes(scope: $scope, since: $since, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id at user operation summary input before after affected { __typename id code name } }
    }
  }`;
  // One record by id (?change=…, where the desk and the forms link): shown opened.
  const ONE = `query Change($id: ID!) {
    change(id: $id) { id at user operation summary input before after affected { __typename id code name } }
  }`;
  // The mutations, relationships, node labels and roles are named by the API (PN.model); an
  // unknown one is shown as it is.
  let model;
  const PROPERTIES = { name: '名称 name', code: '编码 code', gender: '性别 gender', title: '职务 title', category: '类别 category' };
  const { $ } = PN;
  const params = new URLSearchParams(location.search);
  // ?first= sets the page size (default 20), kept in the URL with the filters.
  const state = {
    scope: params.get('scope') || '', since: params.get('since') || '', first: params.get('first') || '', change: params.get('change') || ''
  };
  let cursor = null;

  function element(tag, text, className) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (className) e.className = className;
    return e;
  }

  function parse(json) {
    if (!json) return {};
    try { return JSON.parse(json) || {}; } catch (e) { return {}; }
  }

  const show = value => (value === undefined || value === null || value === '') ? '—'
    : (typeof value === 'object' ? JSON.stringify(value) : String(value));

  // The rows of one affected node: changed properties, relationships added, ended or removed.
  function nodeDiff(code, before, after, names) {
    const box = element('div', null, 'node');
    box.dataset.code = code;
    const node = after || before;
    const status = !before ? '新建 created' : !after ? '删除 deleted' : '修改 changed';
    const name = (after && after.properties && after.properties.name) || (before && before.properties && before.properties.name)
      || names[code] || code;
    box.appendChild(element('h4', `${node.label ? model.name('labels', node.label) : ''} ${name}（${code}）· ${status}`));

    const props = Object.assign({}, before && before.properties, after && after.properties);
    const changed = Object.keys(props).filter(key =>
      JSON.stringify((before && before.properties || {})[key]) !== JSON.stringify((after && after.properties || {})[key]));
    if (changed.length) {
      const table = element('table', null, 'properties');
      const head = table.createTHead().insertRow();
      ['属性 Property', '之前 Before', '之后 After'].forEach(t => head.appendChild(element('th', t)));
      const body = table.createTBody();
      changed.forEach(key => {
        const row = body.insertRow();
        row.dataset.property = key;
        row.insertCell().textContent = PROPERTIES[key] || key;
        // a value that was not there (or is no more) is a plain dash, not struck through
        const was = (before && before.properties || {})[key], is = (after && after.properties || {})[key];
        row.insertCell().appendChild(element(was === undefined || was === null ? 'span' : 'del', show(was)));
        row.insertCell().appendChild(element(is === undefined || is === null ? 'span' : 'ins', show(is)));
      });
      box.appendChild(table);
    }

    const id = r => [r.type, r.direction, r.other, r.since, r.role || ''].join('|');
    const was = new Map(((before && before.relationships) || []).map(r => [id(r), r]));
    const is = new Map(((after && after.relationships) || []).map(r => [id(r), r]));
    const lines = [];
    is.forEach((r, key) => {
      const old = was.get(key);
      if (!old) lines.push(['added', r.until ? `新增（至 ${r.until} 止）added, ended` : '新增 added', r]);
      else if (!old.until && r.until) lines.push(['ended', `结束于 ${r.until} ended`, r]);
      else if (old.until !== r.until) lines.push(['ended', `结束日期 ${show(old.until)} → ${show(r.until)} until changed`, r]);
    });
    was.forEach((r, key) => { if (!is.has(key)) lines.push(['ended', '删除 removed', r]); });
    if (lines.length) {
      const list = element('ul', null, 'relationships');
      lines.forEach(([kind, what, r]) => {
        const relationship = model.term('relationships', r.type);
        const verb = (relationship && (r.direction === 'IN' ? relationship.backward : relationship.forward)) || r.type;
        const role = r.role ? `（${model.name('roles', r.role)}）` : '';
        const item = element('li', `${what}：${verb} ${names[r.other] || r.other}${role}，自 ${show(r.since)} 起`, kind);
        item.dataset.kind = kind;
        list.appendChild(item);
      });
      box.appendChild(list);
    }
    if (!changed.length && !lines.length) box.appendChild(element('p', '无变化 No change', 'unchanged'));
    return box;
  }

  function diff(change) {
    const cell = element('td');
    cell.colSpan = 6;
    const before = parse(change.before), after = parse(change.after);
    const names = Object.fromEntries(change.affected.map(n => [n.code, n.name]));
    Object.values(before).concat(Object.values(after)).forEach(n => {
      const code = n && n.properties && n.properties.code, name = n && n.properties && n.properties.name;
      if (code && name && !names[code]) names[code] = name;
    });
    // the affected nodes first, in their order, then whatever else the records hold
    const codes = [...new Set(change.affected.map(n => n.code).filter(c => c in before || c in after)
      .concat(Object.keys(before), Object.keys(after)))];
    codes.forEach(code => cell.appendChild(nodeDiff(code, before[code], after[code], names)));
    if (!codes.length) cell.appendChild(element('p', '没有记录变更前后的内容 No before/after recorded', 'unchanged'));
    const raw = element('details');
    raw.appendChild(element('summary', '原始记录 Raw JSON'));
    [['输入 input', change.input], ['之前 before', change.before], ['之后 after', change.after]].forEach(([title, json]) => {
      raw.appendChild(element('h4', title));
      let text = json || '—';
      try { text = JSON.stringify(JSON.parse(json), null, 2); } catch (e) { /* shown as written */ }
      raw.appendChild(element('pre', text));
    });
    cell.appendChild(raw);
    return cell;
  }

  function append(changes) {
    const body = $('changes').tBodies[0];
    changes.forEach(change => {
      const row = body.insertRow();
      row.className = 'change';
      row.dataset.id = change.id;
      const time = element('time', PN.beijing(change.at));
      time.dateTime = change.at;
      const timeCell = row.insertCell();
      timeCell.className = 'time';
      timeCell.appendChild(time);
      row.insertCell().textContent = change.user;
      const operation = row.insertCell();
      operation.textContent = model.name('operations', change.operation);
      operation.title = change.operation;
      row.insertCell().textContent = change.summary;
      const affected = row.insertCell();
      change.affected.forEach((n, i) => {
        if (i) affected.appendChild(document.createTextNode('、'));
        const link = n.__typename === 'Organization' ? element('a', n.name) : element('span', n.name);
        if (link.tagName === 'A') link.href = `/org-chart?id=${encodeURIComponent(n.id)}`;
        link.title = n.id;
        affected.appendChild(link);
      });
      const toggle = element('button', '展开 Show');
      toggle.type = 'button';
      toggle.className = 'toggle';
      const toggleCell = row.insertCell();
      toggleCell.className = 'no-print';
      toggleCell.appendChild(toggle);
      let detail = null;
      toggle.addEventListener('click', () => {
        if (!detail) {
          detail = document.createElement('tr');
          detail.className = 'diff';
          detail.appendChild(diff(change));
          row.after(detail);
        } else {
          detail.hidden = !detail.hidden;
        }
        toggle.textContent = detail.hidden ? '展开 Show' : '收起 Hide';
      });
    });
  }

  function none() {
    const cell = $('changes').tBodies[0].insertRow().insertCell();
    cell.colSpan = 6;
    cell.textContent = '无 None';
  }

  // The one record asked for, opened; the rest of the trail is a click away.
  async function loadOne() {
    delete document.body.dataset.loaded;
    $('error').hidden = true;
    try {
      const { change } = await PN.graphql(ONE, { id: state.change });
      $('changes').tBodies[0].innerHTML = '';
      $('more').hidden = true;
      $('title').textContent = change ? `${change.summary}` : '未找到该记录 No such change';
      $('count').innerHTML = '';
      $('count').append(change ? '一条审计记录 · One audit record · 时间为北京时间 Times in Beijing time · '
        : '没有这条记录，或您无权查看 · There is no such record, or it is not yours to read · ');
      const all = element('a', '查看全部审计记录 All changes');
      all.id = 'all-changes';
      all.href = '/reports/changes';
      $('count').appendChild(all);
      if (change) {
        append([change]);
        $('changes').querySelector('tr.change button.toggle').click();
      } else {
        none();
      }
      document.body.dataset.loaded = 'true';
    } catch (e) {
      PN.fail(e);
    }
  }

  let latest = 0;
  async function load(more) {
    const request = ++latest;
    delete document.body.dataset.loaded;
    $('error').hidden = true;
    try {
      const data = await PN.graphql(QUERY, {
        scope: state.scope || null, since: state.since ? `${state.since}T00:00:00+08:00` : null,
        first: state.first ? Number(state.first) : 20, after: more ? cursor : null
      });
      if (request !== latest) return;
      const page = data.changes;
      if (!more) {
        $('changes').tBodies[0].innerHTML = '';
        const option = $('scope').selectedOptions[0];
        $('title').textContent = option ? option.textContent : '全网 Whole network';
        $('count').textContent = `共 ${page.totalCount} 条 · ${page.totalCount} changes`
          + (state.since ? ` · 自 ${state.since} 起 since ${state.since}` : '') + ' · 时间为北京时间 Times in Beijing time';
        if (!page.nodes.length) none();
        const query = new URLSearchParams();
        Object.entries(state).forEach(([key, value]) => value && query.set(key, value));
        history.replaceState(null, '', `?${query}`);
      }
      append(page.nodes);
      cursor = page.pageInfo.endCursor;
      $('more').hidden = !page.pageInfo.hasNextPage;
      document.body.dataset.loaded = 'true';
    } catch (e) {
      if (request !== latest) return;
      PN.fail(e);
    }
  }

  $('controls').addEventListener('submit', event => {
    event.preventDefault();
    ['scope', 'since'].forEach(key => state[key] = $(key).value);
    state.change = '';
    load(false);
  });
  $('more').addEventListener('click', () => load(true));
  $('since').value = state.since;
  Promise.all([PN.loadScopes($('scope'), state.scope), PN.model()])
    .then(([, loaded]) => { model = loaded; return state.change ? loadOne() : load(false); })
    .catch(PN.fail);
})();
