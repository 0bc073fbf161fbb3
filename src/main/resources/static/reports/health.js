// The organization health page: one GraphQL request per view.
(function () {
  const QUERY = `query Health($scope: ID, $asOf: Date, $rule: HealthRule, $severity: Severity) {
    health(scope: $scope, asOf: $asOf) {
      name asOf
      counts { rule ruleName severity count }
      findings(rule: $rule, severity: $severity) {
        rule ruleName severity source figures
        organization { id code name kind } area { id code name coveredBy { id kind } } person { id name }
      }
      terms { organization { id code name kind } electedOn termYears expiresOn status }
    }
  }`;
  const { $ } = PN;
  // Severities are named by the API (PN.model): "错误 Error".
  let model, editable = false;
  const severity = key => model.both('severities', key);
  const params = new URLSearchParams(location.search);
  const state = {
    scope: params.get('scope') || '', asOf: params.get('asOf') || '',
    rule: params.get('rule') || '', severity: params.get('severity') || ''
  };

  // Each finding leads to its place in the org chart and, for the organization department, to the
  // form that fixes it; after the fix the report is read again.
  const FIXES = {
    NO_SECRETARY: ['任命书记', f => PNForms.appoint(org(f), { role: 'SECRETARY', done: show })],
    NO_GROUP_LEADER: ['任命党小组组长', f => PNForms.appoint(org(f), { role: 'GROUP_LEADER', done: show })],
    COMMITTEE_MISSING: ['任命委员', f => PNForms.appoint(org(f), { role: 'COMMITTEE_MEMBER', done: show })],
    COMMITTEE_INCOMPLETE: ['任命委员', f => PNForms.appoint(org(f), { role: 'COMMITTEE_MEMBER', done: show })],
    HEAD_NOT_MEMBER: ['免去楼长', f => PNForms.unlink('HEAD_OF', f.area, f.person, {
      done: show, after: () => [{ label: '任命另一位楼长 Appoint another head', open: () => PNForms.link('HEAD_OF', f.area, { done: show }) }]
    })],
    TERM_OVERDUE: ['换届日期', f => PNForms.election(org(f), { done: show })]
  };
  FIXES.TERM_DUE_SOON = FIXES.TERM_DUE = FIXES.TERM_OVERDUE;
  const org = f => ({ id: f.organization.id, name: f.organization.name, kind: f.organization.kind });

  function fixes(f) {
    const cell = document.createElement('td');
    cell.className = 'no-print';
    const group = f.area?.coveredBy.find(o => o.kind === 'BUILDING_GROUP');
    const [root, box] = f.organization ? [f.organization.id, f.organization.id] : group ? [group.id, f.area.id] : [];
    if (root) {
      const link = PNForms.element('a', 'pn-place', '在架构图中查看');
      link.href = `/org-chart?id=${encodeURIComponent(root)}&focus=${encodeURIComponent(box)}`;
      cell.appendChild(link);
    }
    const fix = FIXES[f.rule];
    if (editable && fix && (f.organization || f.area)) cell.appendChild(PNForms.button(fix[0], () => fix[1](f), 'fix'));
    return cell;
  }

  function rows(table, values) {
    const body = $(table).tBodies[0];
    body.innerHTML = '';
    if (values.length === 0) {
      const cell = body.insertRow().insertCell();
      cell.colSpan = $(table).tHead.rows[0].cells.length;
      cell.textContent = '无 None';
    }
    values.forEach(cells => {
      const row = body.insertRow();
      cells.forEach(text => row.insertCell().textContent = text);
    });
  }

  function links() {
    const query = new URLSearchParams();
    Object.entries(state).forEach(([key, value]) => value && query.set(key, value));
    $('xlsx').href = `/reports/health.xlsx?${query}`;
    $('pdf').href = `/reports/health.pdf?${query}`;
    history.replaceState(null, '', `?${query}`);
  }

  let latest = 0;
  async function show() {
    const request = ++latest;
    delete document.body.dataset.loaded;
    $('error').hidden = true;
    try {
      const data = await PN.graphql(QUERY, {
        scope: state.scope || null, asOf: state.asOf || null, rule: state.rule || null, severity: state.severity || null
      });
      if (request !== latest) return;
      const report = data.health;
      $('title').textContent = report.name;
      $('asOfLine').textContent = `截至 As of ${report.asOf}`;
      if ($('rule').options.length === 1) {
        report.counts.forEach(c => $('rule').appendChild(new Option(c.ruleName, c.rule)));
        $('rule').value = state.rule;
      }
      rows('counts', report.counts.filter(c => c.count > 0).map(c => [c.ruleName, severity(c.severity), String(c.count)]));
      rows('findings', report.findings.map(f => [severity(f.severity), f.ruleName,
        f.organization ? `${f.organization.name}（${f.organization.code}）` : `${f.area.name}（${f.area.code}）：${f.person.name}`,
        f.figures, f.source]));
      [...$('findings').tBodies[0].rows].forEach((row, i) => report.findings[i] && row.appendChild(fixes(report.findings[i])));
      const term = t => fixes({ rule: 'TERM_DUE', organization: t.organization });
      const ruleNames = Object.fromEntries(report.counts.map(c => [c.rule, c.ruleName]));
      rows('terms', report.terms.map(t => [`${t.organization.name}（${t.organization.code}）`, t.electedOn,
        String(t.termYears), t.expiresOn, ruleNames[t.status]]));
      [...$('terms').tBodies[0].rows].forEach((row, i) => report.terms[i] && row.appendChild(term(report.terms[i])));
      links();
      document.body.dataset.loaded = 'true';
    } catch (e) {
      if (request !== latest) return;
      PN.fail(e);
    }
  }

  $('controls').addEventListener('submit', event => {
    event.preventDefault();
    ['scope', 'asOf', 'rule', 'severity'].forEach(key => state[key] = $(key).value);
    show();
  });
  $('asOf').max = PN.today();
  $('asOf').value = state.asOf;
  Promise.all([PN.loadScopes($('scope'), state.scope), PN.model(), PNForms.editable()])
    .then(([, loaded, canEdit]) => {
      model = loaded; editable = canEdit;
      model.severities.forEach(s => $('severity').appendChild(new Option(severity(s.key), s.key)));
      $('severity').value = state.severity;
      return show();
    })
    .catch(PN.fail);
})();
