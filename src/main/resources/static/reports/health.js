// The organization health page: one GraphQL request per view.
(function () {
  const QUERY = `query Health($scope: ID, $asOf: Date, $rule: HealthRule, $severity: Severity) {
    health(scope: $scope, asOf: $asOf) {
      name asOf
      counts { rule ruleName severity count }
      findings(rule: $rule, severity: $severity) {
        rule ruleName severity source figures
        organization { code name } area { code name } person { name }
      }
      terms { organization { code name } electedOn termYears expiresOn status }
    }
  }`;
  const { $ } = PN;
  // Severities are named by the API (PN.model): "错误 Error".
  let model;
  const severity = key => model.both('severities', key);
  const params = new URLSearchParams(location.search);
  const state = {
    scope: params.get('scope') || '', asOf: params.get('asOf') || '',
    rule: params.get('rule') || '', severity: params.get('severity') || ''
  };

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
      const ruleNames = Object.fromEntries(report.counts.map(c => [c.rule, c.ruleName]));
      rows('terms', report.terms.map(t => [`${t.organization.name}（${t.organization.code}）`, t.electedOn,
        String(t.termYears), t.expiresOn, ruleNames[t.status]]));
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
  Promise.all([PN.loadScopes($('scope'), state.scope), PN.model()])
    .then(([, loaded]) => {
      model = loaded;
      model.severities.forEach(s => $('severity').appendChild(new Option(severity(s.key), s.key)));
      $('severity').value = state.severity;
      return show();
    })
    .catch(PN.fail);
})();
