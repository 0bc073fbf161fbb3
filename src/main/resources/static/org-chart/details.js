// The details of a box (window.OrgChartDetails): its posts, members, coverage and areas, or a
// building's head, read when the box is opened, with the query behind them for the explorer.
// On a desk a panel beside the chart; on a phone (org-chart.css) a sheet that slides up over the
// chart without shrinking it, closed by its ×, by swiping it down, or by Escape.
(function () {
  const { $, escape } = PN;
  // The queries of the details, as the explorer link shows them.
  const DETAILS = `query Details($id: ID!) {
  organization(id: $id) {
    id code name kind kindName ancestors { name } secretary { name }
    members { full probationary total }
    posts { role title person { id name } since }
    areas { id name kind kindName } alliances { id name }
    coverage {
      grid { covered total ratio } buildingGroup { covered total ratio } buildingHead { covered total ratio }
      commercial { covered total ratio } dualNet { covered total ratio } organization { covered total ratio }
    }
  }
}`;
  const AREA_DETAILS = `query Building($id: ID!) {
  area(id: $id) {
    id code name kindName ancestors { name }
    head { id name partyStatus roles { title organization { name } } }
    coveredBy { id name kindName }
  }
}`;
  const NODE_DETAILS = `query Node($id: ID!) {
  node(id: $id) { id code name __typename ...on Unit { categoryName } }
}`;

  const explorerLink = (query, id) => `/graphiql?query=${encodeURIComponent(query)}&variables=${encodeURIComponent(JSON.stringify({ id }, null, 2))}`;

  // `page` is what the details ask of the page: text() its words, model() the network's names,
  // termName(list, key) one in the page's language, node(id) a loaded box, crossLinks() those
  // loaded, and select(id) to mark the box whose details are open (null: none).
  window.OrgChartDetails = function (page) {
    const panel = $('details'), body = $('detailsBody');
    const t = page.text;

    function open() {
      panel.style.transform = '';
      panel.hidden = false;
    }

    // Hides the details; with `unselect`, the box's mark goes too (the page draws again).
    function close(unselect = true) {
      panel.hidden = true;
      if (unselect) page.select(null);
    }

    async function show(id) {
      page.select(id);
      open();
      body.innerHTML = `<p class="meta">${t().loading}</p>`;
      try {
        const node = page.node(id);
        let html;
        if (node?.type === 'org') {
          const o = (await PN.graphql(DETAILS, { id })).organization;
          html = `<h2>${escape(o.name)}</h2><table>
            <tr><th>${t().kind}</th><td>${escape(o.kindName)}</td></tr>
            <tr><th>${t().code}</th><td>${escape(o.code)}</td></tr>
            <tr><th>${t().path}</th><td>${o.ancestors.map(a => escape(a.name)).join(' / ') || '–'}</td></tr>
            <tr><th>${t().members}</th><td>${o.members.total}（${t().memberCounts(o.members.full, o.members.probationary)}）</td></tr></table>
            <h3>${t().posts}</h3><ul>${o.posts.map(p => `<li>${escape(p.title)} ${escape(p.person.name)}${p.since ? ` <small>${p.since}</small>` : ''}</li>`).join('') || `<li>${t().none}</li>`}</ul>
            <h3>${t().coverageFigures}</h3><table>${page.model().coverageMetrics.map(m => [PN.fieldOf(m.key), m.key]).filter(([f]) => o.coverage[f]?.total)
              .map(([f, key]) => `<tr><th>${escape(page.termName('coverageMetrics', key))}</th><td>${o.coverage[f].covered}/${o.coverage[f].total}</td><td>${PN.percent(o.coverage[f].ratio)}</td></tr>`).join('')}</table>
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
          const links = (page.crossLinks() || []).filter(l => l.from.id === id || l.to.id === id);
          html = `<h2>${escape(n.name)}</h2><table><tr><th>${t().code}</th><td>${escape(n.code)}</td></tr>
            ${n.categoryName ? `<tr><th>${t().kind}</th><td>${escape(n.categoryName)}</td></tr>` : ''}</table>
            <h3>${t().crossLinks}</h3><ul>${links.map(l => `<li>${escape(t().links[l.kind])}：${escape(l.from.name)} → ${escape(l.to.name)}${l.via ? `（${escape(l.via.name)}）` : ''}</li>`).join('')}</ul>
            <p><a id="explorerLink" href="${explorerLink(NODE_DETAILS, id)}" target="_blank">${t().openExplorer}</a></p>`;
        }
        body.innerHTML = html;
        body.dataset.id = id;
        // the organization department's actions (edit.js), for the box shown
        if (window.OrgChartEdit) await OrgChartEdit.decorate(body, { ...node, id });
      } catch (error) { body.innerHTML = `<p class="error">${escape(error.message)}</p>`; }
    }

    // A finger that pulls the sheet down from its top (its content not scrolled) takes it along;
    // let go further than a quarter of its height (or 80 px), it closes, otherwise it goes back.
    let pull = null;
    // the sheet is the phone's way of showing the details: fixed, over the chart
    const sheet = () => getComputedStyle(panel).position === 'fixed';
    panel.addEventListener('touchstart', e => {
      pull = e.touches.length === 1 && panel.scrollTop <= 0 && sheet() ? { y: e.touches[0].clientY, dy: 0 } : null;
    }, { passive: true });
    panel.addEventListener('touchmove', e => {
      if (!pull) return;
      // the content scrolls instead: the finger went up first
      if (panel.scrollTop > 0) { pull = null; panel.style.transform = ''; panel.style.transition = ''; return; }
      pull.dy = Math.max(0, e.touches[0].clientY - pull.y);
      panel.style.transition = 'none';
      panel.style.transform = `translateY(${pull.dy}px)`;
    }, { passive: true });
    panel.addEventListener('touchend', () => {
      if (!pull) return;
      const far = pull.dy > Math.min(80, panel.offsetHeight / 4);
      pull = null;
      panel.style.transition = '';
      if (far) close(); else panel.style.transform = '';
    });
    $('closeDetails').addEventListener('click', () => close());
    document.addEventListener('keydown', e => { if (e.key === 'Escape' && !panel.hidden && sheet()) close(); });

    return { show, close, open: () => !panel.hidden };
  };
})();
