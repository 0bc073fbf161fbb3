// The two forms of the accounts page (accounts.js wires them once it knows the organization
// department is signed in): a new account for a person picked by name, never by code, and the
// accounts of every secretary of a scope, whose workbook of one-time passwords downloads at once.
window.AccountForms = (function () {
  const { $ } = PN;
  const FIND = `query FindPerson($text: String!) {
    search(text: $text, first: 20) {
      node { __typename id code name ... on Person { roles { kind title organization { name } } } }
    }
  }`;
  // Posts first, then membership: what tells two people of the same name apart.
  const RANK = ['SECRETARY', 'DEPUTY_SECRETARY', 'COMMITTEE_MEMBER', 'PART_TIME_MEMBER', 'GROUP_LEADER', 'PARTY_MEMBER'];
  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

  let page; // what accounts.js shares: fields, clearErrors, showErrors, showFailure, showPassword, reload, element
  let chosen = null; // the person picked: { id, code, name, context }
  let workbookUrl = null;

  // --- the person, picked by name -----------------------------------------------------------------

  // "书记 · 青年社区党委" for a person's most telling role, or "" when none names an organization.
  function context(person) {
    const roles = (person.roles || []).filter(r => r.organization && RANK.includes(r.kind))
      .sort((a, b) => RANK.indexOf(a.kind) - RANK.indexOf(b.kind));
    return roles.length ? `${roles[0].title} · ${roles[0].organization.name}` : '';
  }

  function choose(person) {
    chosen = person;
    const line = $('person-chosen');
    line.innerHTML = '';
    line.appendChild(document.createTextNode('已选择 Chosen：'));
    line.appendChild(page.element('strong', person.name));
    line.appendChild(document.createTextNode(`（${[person.context, person.code].filter(Boolean).join(' · ')}）`));
    const clear = page.element('button', '更换 Change');
    clear.type = 'button';
    clear.id = 'person-clear';
    clear.addEventListener('click', () => { unchoose(); $('person-search').focus(); });
    line.appendChild(clear);
    line.dataset.code = person.code;
    line.hidden = false;
    $('person-hits').hidden = true;
    $('person-search').value = '';
  }

  function unchoose() {
    chosen = null;
    $('person-chosen').hidden = true;
    delete $('person-chosen').dataset.code;
  }

  let latestFind = 0;
  async function find() {
    const text = $('person-search').value.trim();
    const request = ++latestFind;
    const hits = $('person-hits');
    if (!text) { hits.hidden = true; hits.innerHTML = ''; return; }
    delete hits.dataset.loaded;
    try {
      const data = await PN.graphql(FIND, { text });
      if (request !== latestFind) return;
      const people = data.search.map(hit => hit.node).filter(node => node.__typename === 'Person')
        .map(node => ({ id: node.id, code: node.code, name: node.name, context: context(node) }));
      hits.innerHTML = '';
      people.forEach(person => {
        const item = document.createElement('li');
        const pick = page.element('button', null, 'hit');
        pick.type = 'button';
        pick.dataset.code = person.code;
        pick.appendChild(page.element('strong', person.name));
        pick.appendChild(page.element('span', ` ${person.context ? person.context + ' · ' : ''}${person.code}`));
        pick.addEventListener('click', () => choose(person));
        item.appendChild(pick);
        hits.appendChild(item);
      });
      if (!people.length) hits.appendChild(page.element('li', `未找到“${text}” · No person found`, 'none'));
      hits.hidden = false;
      hits.dataset.loaded = 'true';
    } catch (e) {
      if (request !== latestFind) return;
      hits.innerHTML = '';
      hits.appendChild(page.element('li', e.message, 'field-error'));
      hits.hidden = false;
      hits.dataset.loaded = 'error';
    }
  }

  // --- a new account -----------------------------------------------------------------------------

  async function create(event) {
    event.preventDefault();
    const form = $('create');
    page.clearErrors(form);
    const input = { username: $('new-username').value.trim(), role: $('new-role').value, person: chosen ? chosen.id : null };
    // the server checks everything; these two only spare a request
    const missing = [];
    if (!input.username) missing.push({ field: ['input', 'username'], message: '请填写用户名 / Enter a user name' });
    if (input.role === 'SECRETARY' && !input.person) {
      missing.push({ field: ['input', 'person'], message: '书记账号须选择一位人员 / A secretary\'s account needs a person' });
    }
    if (missing.length) return page.showErrors(form, missing);
    delete document.body.dataset.loaded;
    $('create-account').disabled = true;
    try {
      const data = await PN.graphql(`mutation Create($input: CreateAccountInput!) {
        createAccount(input: $input) { account { ...ManagedAccountFields } oneTimePassword errors { code field message } }
      } ${page.fields}`, { input });
      const payload = data.createAccount;
      if (payload.errors.length) {
        page.showErrors(form, payload.errors);
      } else {
        form.reset();
        $('new-role').value = 'SECRETARY';
        unchoose();
        await page.reload();
        page.showPassword(payload.account.username, payload.oneTimePassword);
      }
    } catch (e) {
      page.showFailure(form, e);
    } finally {
      $('create-account').disabled = false;
      document.body.dataset.loaded = 'true';
    }
  }

  // --- the secretaries of a scope ------------------------------------------------------------------

  function download(base64, name) {
    const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
    if (workbookUrl) URL.revokeObjectURL(workbookUrl);
    workbookUrl = URL.createObjectURL(new Blob([bytes], { type: XLSX }));
    const link = $('batch-workbook');
    link.href = workbookUrl;
    link.download = name;
    $('batch-download').hidden = false;
    link.click();
  }

  function showCreated(created) {
    const body = $('batch-created').tBodies[0];
    body.innerHTML = '';
    created.forEach(({ account, oneTimePassword }) => {
      const row = body.insertRow();
      row.dataset.username = account.username;
      [['用户名 User name', account.username], ['姓名 Name', account.person ? account.person.name : '—'],
        ['党组织 Organizations', account.organizations.map(o => o.name).join('、') || '—'],
        ['一次性密码 One-time password', oneTimePassword]].forEach(([label, text], i) => {
        const td = row.insertCell();
        td.dataset.label = label;
        td.textContent = text;
        if (i === 3) td.className = 'password';
      });
    });
    $('batch-created').hidden = !created.length;
    $('batch-warning').hidden = !created.length;
  }

  async function createSecretaries(event) {
    event.preventDefault();
    const form = $('batch');
    page.clearErrors(form);
    const select = $('batch-scope');
    if (!select.value) return page.showErrors(form, [{ field: ['input', 'scope'], message: '请选择范围 / Choose a scope' }]);
    const scopeName = select.selectedOptions[0].textContent;
    delete document.body.dataset.loaded;
    $('batch-create').disabled = true;
    $('batch-result').hidden = true;
    $('batch-download').hidden = true;
    try {
      const data = await PN.graphql(`mutation Secretaries($input: SecretaryAccountsInput!) {
        createSecretaryAccounts(input: $input) {
          created { account { ...ManagedAccountFields } oneTimePassword } workbook errors { code field message }
        }
      } ${page.fields}`, { input: { scope: select.value } });
      const payload = data.createSecretaryAccounts;
      if (payload.errors.length) {
        page.showErrors(form, payload.errors);
        return;
      }
      // none to create is an error of the scope, shown beside it
      $('batch-summary').textContent =
        `已为${scopeName}创建 ${payload.created.length} 个书记账号 · ${payload.created.length} accounts created`;
      showCreated(payload.created);
      $('batch-result').hidden = false;
      if (payload.workbook) download(payload.workbook, `书记账号-${scopeName}-${PN.today()}.xlsx`);
      await page.reload();
    } catch (e) {
      page.showFailure(form, e);
    } finally {
      $('batch-create').disabled = false;
      document.body.dataset.loaded = 'true';
    }
  }

  function wire(shared) {
    page = shared;
    let timer = null;
    $('person-search').addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(find, 250); });
    $('person-search').addEventListener('keydown', event => {
      if (event.key === 'Enter') { event.preventDefault(); clearTimeout(timer); find(); }
    });
    $('create').addEventListener('submit', create);
    $('batch').addEventListener('submit', createSecretaries);
    return PN.loadScopes($('batch-scope'), '').catch(e => page.showFailure($('batch'), e));
  }

  return { wire };
})();
