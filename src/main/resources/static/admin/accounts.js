// 账号管理: the accounts kept in the graph, for the organization department only. One GraphQL
// request per page of accounts; a row's actions (disable, enable, reset the password, change the
// role) answer the account as it is now, which replaces the row. The forms for a new account and
// for the secretaries' accounts are in account-forms.js. Everyone else sees why the page is empty;
// the server refuses them the data anyway.
(function () {
  const { $ } = PN;
  const ROLES = ['ORG_DEPT', 'SECRETARY', 'VIEWER'];
  const FIELDS = `fragment ManagedAccountFields on ManagedAccount {
    username role enabled mustChangePassword createdAt lastSignInAt
    person { id code name } organizations { id name }
  }`;
  const LIST = `query Accounts($search: String, $role: AccountRole, $first: Int, $after: String) {
    accounts(search: $search, role: $role, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } nodes { ...ManagedAccountFields }
    }
  } ${FIELDS}`;
  const action = (name, input) => `mutation Action($input: ${input}!) {
    ${name}(input: $input) { account { ...ManagedAccountFields } oneTimePassword errors { code field message } }
  } ${FIELDS}`;
  const ACTIONS = {
    disable: action('disableAccount', 'AccountInput'),
    enable: action('enableAccount', 'AccountInput'),
    reset: action('resetPassword', 'AccountInput'),
    role: action('changeAccountRole', 'ChangeAccountRoleInput')
  };

  const params = new URLSearchParams(location.search);
  // ?first= sets the page size (default 20), as on the audit trail.
  const state = { search: params.get('search') || '', role: params.get('role') || '', first: Number(params.get('first')) || 20 };
  let cursors = [null]; // the `after` of each page shown so far; the last is this page's
  let pageInfo = { hasNextPage: false, endCursor: null };

  function element(tag, text, className) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (className) e.className = className;
    return e;
  }

  // --- user errors next to their fields ----------------------------------------------------------

  function clearErrors(container) {
    container.querySelectorAll('.field-error').forEach(e => { e.textContent = ''; e.hidden = true; });
    container.querySelectorAll('[aria-invalid]').forEach(e => e.removeAttribute('aria-invalid'));
  }

  // Each error next to the field its path names (["input", "username"] → data-for="username"),
  // or in the container's general place (data-for="") when the page has no such field.
  function showErrors(container, errors) {
    errors.forEach(error => {
      const path = (error.field || []).filter((part, i) => i > 0 || part !== 'input').join('.');
      const place = container.querySelector(`.field-error[data-for="${CSS.escape(path)}"]`)
        || container.querySelector('.field-error[data-for=""]');
      place.textContent = place.textContent ? `${place.textContent}；${error.message}` : error.message;
      place.hidden = false;
      const input = place.closest('label')?.querySelector('input, select');
      if (input) input.setAttribute('aria-invalid', 'true');
    });
  }

  // Editing a field takes its error away.
  document.addEventListener('input', event => {
    const label = event.target.closest('label');
    const error = label && label.querySelector('.field-error');
    if (!error) return;
    error.hidden = true;
    error.textContent = '';
    event.target.removeAttribute('aria-invalid');
  });

  // A request's failure as the error of the container's general place.
  const showFailure = (container, error) => showErrors(container, [{ field: [], message: error.message }]);

  // --- the one-time password, shown once ------------------------------------------------------------

  function showPassword(username, password) {
    $('password-for').textContent = `账号 ${username} 的一次性密码 · One-time password of ${username}`;
    $('one-time-password').value = password;
    $('copied').textContent = '';
    $('password-dialog').showModal();
    $('one-time-password').select();
  }

  async function copyPassword() {
    const input = $('one-time-password');
    try {
      await navigator.clipboard.writeText(input.value);
      $('copied').textContent = '已复制 Copied';
    } catch (e) {
      // no clipboard API outside a secure context (plain http on an intranet)
      input.select();
      $('copied').textContent = document.execCommand('copy') ? '已复制 Copied' : '请手动复制 Copy it by hand';
    }
  }

  // Closed, the password is gone from the page.
  function closePassword() {
    $('password-dialog').close();
  }

  // --- the list ------------------------------------------------------------------------------------

  const status = account => account.enabled ? '启用 Enabled' : '已停用 Disabled';
  const organizations = account => account.organizations.length ? account.organizations.map(o => o.name).join('、')
    : account.role === 'SECRETARY' ? '无（未担任书记职务）None' : '—';

  function cell(row, label, content, className) {
    const td = row.insertCell();
    td.dataset.label = label;
    if (className) td.className = className;
    if (content instanceof Node) td.appendChild(content);
    else td.textContent = content;
    return td;
  }

  function button(text, name) {
    const b = element('button', text);
    b.type = 'button';
    b.dataset.action = name;
    return b;
  }

  function accountRow(account) {
    const row = document.createElement('tr');
    row.className = 'account-row' + (account.enabled ? '' : ' disabled');
    row.dataset.username = account.username;
    cell(row, '用户名 User name', account.username, 'username');
    const person = element('span', account.person ? account.person.name : '—');
    if (account.person) person.appendChild(element('small', ` ${account.person.code}`));
    cell(row, '姓名 Name', person, 'person');
    const role = cell(row, '角色 Role', PN.accountRole(account.role), 'role');
    role.dataset.role = account.role;
    cell(row, '所辖党组织 Organizations', organizations(account), 'organizations');
    const state = cell(row, '状态 Status', status(account), 'status');
    state.dataset.enabled = String(account.enabled);
    cell(row, '需改密码 Must change', account.mustChangePassword ? '是 Yes' : '否 No', 'must-change');
    const time = element('time', account.lastSignInAt ? PN.beijing(account.lastSignInAt) : '从未 Never');
    if (account.lastSignInAt) time.dateTime = account.lastSignInAt;
    cell(row, '最近登录 Last sign-in', time, 'last-sign-in');
    const actions = element('div', null, 'actions');
    actions.appendChild(account.enabled ? button('停用 Disable', 'disable') : button('启用 Enable', 'enable'));
    actions.appendChild(button('重置密码 Reset password', 'reset'));
    actions.appendChild(button('更改角色 Change role', 'role'));
    const td = cell(row, '操作 Actions', actions, 'no-print');
    const error = element('p', null, 'field-error row-error');
    error.dataset.for = '';
    error.setAttribute('role', 'alert');
    error.hidden = true;
    td.appendChild(error);
    return row;
  }

  let latest = 0;
  async function load() {
    const request = ++latest;
    delete document.body.dataset.loaded;
    $('error').hidden = true;
    try {
      const data = await PN.graphql(LIST, {
        search: state.search || null, role: state.role || null, first: state.first, after: cursors[cursors.length - 1]
      });
      if (request !== latest) return;
      const page = data.accounts;
      const body = $('accounts').tBodies[0];
      body.innerHTML = '';
      page.nodes.forEach(account => body.appendChild(accountRow(account)));
      if (!page.nodes.length) {
        const none = body.insertRow().insertCell();
        none.colSpan = 8;
        none.className = 'none';
        none.textContent = '没有符合条件的账号 No accounts';
      }
      $('count').textContent = `共 ${page.totalCount} 个账号 · ${page.totalCount} accounts`
        + ' · 时间为北京时间 Times in Beijing time';
      pageInfo = page.pageInfo;
      $('page-number').textContent = `第 ${cursors.length} 页 · page ${cursors.length}`;
      $('previous').disabled = cursors.length === 1;
      $('next').disabled = !pageInfo.hasNextPage;
      const query = new URLSearchParams();
      if (state.search) query.set('search', state.search);
      if (state.role) query.set('role', state.role);
      if (params.get('first')) query.set('first', state.first);
      history.replaceState(null, '', `?${query}`);
      document.body.dataset.loaded = 'true';
    } catch (e) {
      if (request !== latest) return;
      PN.fail(e);
    }
  }

  // From the first page again, with the filter as it is (after a new account, for one).
  function reload() {
    cursors = [null];
    return load();
  }

  // --- a row's actions --------------------------------------------------------------------------

  // Runs an account mutation; true when it wrote. The row shows its errors, or the account after.
  async function change(row, name, input, place = row) {
    clearErrors(place);
    delete document.body.dataset.loaded;
    row.querySelectorAll('button').forEach(b => { b.disabled = true; });
    try {
      const data = await PN.graphql(ACTIONS[name], { input });
      const payload = Object.values(data)[0];
      if (payload.errors.length) {
        showErrors(place, payload.errors);
        return false;
      }
      const updated = accountRow(payload.account);
      row.replaceWith(updated);
      if (payload.oneTimePassword) showPassword(payload.account.username, payload.oneTimePassword);
      return true;
    } catch (e) {
      showFailure(place, e);
      return false;
    } finally {
      row.querySelectorAll('button').forEach(b => { b.disabled = false; });
      document.body.dataset.loaded = 'true';
    }
  }

  let roleRow = null;
  function openRole(row) {
    roleRow = row;
    clearErrors($('role-form'));
    $('role-for').textContent = `账号 ${row.dataset.username} · Account ${row.dataset.username}`;
    $('role-select').value = row.querySelector('td.role').dataset.role;
    $('role-dialog').showModal();
  }

  $('accounts').addEventListener('click', event => {
    const target = event.target.closest('button[data-action]');
    if (!target) return;
    const row = target.closest('tr');
    const username = row.dataset.username;
    if (target.dataset.action === 'role') openRole(row);
    else change(row, target.dataset.action, { username });
  });

  $('role-form').addEventListener('submit', async event => {
    event.preventDefault();
    const input = { username: roleRow.dataset.username, role: $('role-select').value };
    if (await change(roleRow, 'role', input, $('role-form'))) $('role-dialog').close();
  });
  $('role-cancel').addEventListener('click', () => $('role-dialog').close());
  $('copy-password').addEventListener('click', copyPassword);
  $('close-password').addEventListener('click', closePassword);
  $('password-dialog').addEventListener('close', () => { $('one-time-password').value = ''; });

  $('filter').addEventListener('submit', event => {
    event.preventDefault();
    state.search = $('search').value.trim();
    state.role = $('role-filter').value;
    reload();
  });
  $('previous').addEventListener('click', () => { if (cursors.length > 1) { cursors.pop(); load(); } });
  $('next').addEventListener('click', () => { if (pageInfo.hasNextPage) { cursors.push(pageInfo.endCursor); load(); } });

  // --- start --------------------------------------------------------------------------------------

  function roleOptions(select) {
    ROLES.forEach(role => select.appendChild(new Option(PN.accountRole(role), role)));
  }

  async function start() {
    let account;
    try { account = await PN.me(); } catch (e) { return PN.fail(e); }
    if (account.role !== 'ORG_DEPT') {
      $('denied').hidden = false;
      document.body.dataset.loaded = 'denied';
      return;
    }
    $('admin').hidden = false;
    [$('role-filter'), $('new-role'), $('role-select')].forEach(roleOptions);
    $('search').value = state.search;
    $('role-filter').value = state.role;
    $('new-role').value = 'SECRETARY';
    // the scopes first, so that a rendered page has everything to pick from
    await AccountForms.wire({ fields: FIELDS, clearErrors, showErrors, showFailure, showPassword, reload, element });
    await load();
  }

  start();
})();
