// Shared by the report pages: GraphQL over fetch, and the scope picker.
window.Reports = (function () {
  async function graphql(query, variables) {
    const response = await fetch('/graphql', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query, variables })
    });
    const body = await response.json();
    if (body.errors && body.errors.length) {
      throw new Error(body.errors.map(e => e.message).join('；'));
    }
    return body.data;
  }

  // Fills a <select> with the streets and communities; keeps a scope from the URL selectable.
  async function loadScopes(select, current) {
    const data = await graphql(`{ streets: areas(kind: STREET, first: 100) { nodes { id name } }
      communities: areas(kind: COMMUNITY, first: 100) { nodes { id name } } }`, {});
    [['街道 Streets', data.streets.nodes], ['社区 Communities', data.communities.nodes]].forEach(([label, nodes]) => {
      const group = document.createElement('optgroup');
      group.label = label;
      nodes.forEach(n => group.appendChild(new Option(n.name, n.id)));
      select.appendChild(group);
    });
    if (current && ![...select.options].some(o => o.value === current)) {
      select.appendChild(new Option(current, current));
    }
    select.value = current;
  }

  // Today in Beijing, for the date pickers' maximum.
  const today = () => new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);

  // Who is signed in, at the end of the page's navigation, with a way out (a form, for its CSRF token).
  async function showAccount() {
    try {
      const { me } = await graphql('{ me { username role organization { name } } }', {});
      const roles = { ORG_DEPT: '组织部 Org. dept.', SECRETARY: '书记 Secretary', VIEWER: '查看 Viewer' };
      const badge = document.createElement('div');
      badge.id = 'account';
      badge.className = 'account no-print';
      badge.textContent = `${me.username} · ${roles[me.role] || me.role}${me.organization ? ' · ' + me.organization.name : ''} · `;
      const out = document.createElement('a');
      out.href = '/logout';
      out.textContent = '退出 Sign out';
      badge.appendChild(out);
      const nav = document.querySelector('header nav');
      if (nav) nav.appendChild(badge);
      else { badge.classList.add('floating'); document.body.appendChild(badge); }
    } catch (error) {
      // the page works without the badge
    }
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', showAccount);
  else showAccount();

  return { graphql, loadScopes, today };
})();
