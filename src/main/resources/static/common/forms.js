// The forms of the changes (window.PNForms): one modal <dialog> built from a short list of fields,
// pickers that find people, organizations and areas by name (nobody types a code), the service's
// user errors shown next to their fields, a version conflict shown as what changed with a way to
// reload, and after success a confirmation that links to the audit record. network-forms.js holds
// the forms themselves (which mutation, which fields); pages only say where they open.
window.PNForms = (function () {
  const { escape } = PN;
  const element = (tag, className, text) => {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  };

  // Only the organization department changes the network; every other account sees no controls.
  const editable = () => PN.me().then(account => account.role === 'ORG_DEPT', () => false);

  // --- pickers --------------------------------------------------------------------------------

  const PEOPLE = `query People($text: String!) { search(text: $text, first: 12) { node { __typename id
    ...on Person { code name version roles { kind title organization { name } area { name } unit { name } } } } } }`;
  const ORGANIZATIONS = `query Organizations($kind: OrganizationKind, $scope: ID, $name: String) {
    organizations(kind: $kind, scope: $scope, name: $name, first: 20) { nodes { id code name kindName version } } }`;
  const AREAS = `query Areas($kind: AreaKind, $scope: ID, $name: String) {
    areas(kind: $kind, scope: $scope, name: $name, first: 20) { nodes { id code name kindName version } } }`;

  // name · post · organization · code: two people called 张伟 are told apart by what they do.
  const personHint = p => {
    const role = p.roles.find(r => r.organization || r.area || r.unit);
    const where = role ? (role.organization || role.area || role.unit).name : '';
    return [role?.title, where, p.code].filter(Boolean).join(' · ');
  };
  const SOURCES = {
    person: async (text) => (await PN.graphql(PEOPLE, { text })).search.map(h => h.node)
      .filter(n => n.__typename === 'Person').map(p => ({ id: p.id, name: p.name, version: p.version, hint: personHint(p) })),
    organization: async (text, f) => (await PN.graphql(ORGANIZATIONS, { kind: f.kind || null, scope: f.scope || null, name: text || null }))
      .organizations.nodes.map(o => ({ id: o.id, name: o.name, version: o.version, hint: `${o.kindName} · ${o.code}` })),
    area: async (text, f) => (await PN.graphql(AREAS, { kind: f.kind || null, scope: f.scope || null, name: text || null }))
      .areas.nodes.map(a => ({ id: a.id, name: a.name, version: a.version, hint: `${a.kindName} · ${a.code}` }))
  };

  // A text box that lists matches as the user types; picking one keeps {id, name, version}.
  // f.choices (already known, for example the siblings) are offered first and before any typing.
  function picker(f, control) {
    const wrap = element('div', 'pn-picker');
    const input = element('input');
    input.type = 'search'; input.id = control; input.autocomplete = 'off';
    input.placeholder = f.type === 'person' ? '输入姓名查找 Type a name' : '输入名称查找 Type a name';
    const list = element('ul', 'pn-options');
    list.setAttribute('role', 'listbox');
    const chosen = element('div', 'pn-chosen');
    wrap.append(input, list, chosen);
    let value = f.value || null, timer = null, asked = 0;
    const show = value => { chosen.textContent = value ? `已选 ${value.name}${value.hint ? ' · ' + value.hint : ''}` : ''; };
    const offer = options => {
      list.innerHTML = '';
      options.forEach(o => {
        const item = element('li');
        const button = element('button', 'pn-option');
        button.type = 'button';
        button.innerHTML = `<b>${escape(o.name)}</b> <small>${escape(o.hint || '')}</small>`;
        button.addEventListener('click', () => { value = o; input.value = o.name; list.innerHTML = ''; show(o); wrap.dispatchEvent(new Event('picked')); });
        item.appendChild(button);
        list.appendChild(item);
      });
      if (!options.length && input.value.trim()) list.appendChild(element('li', 'meta', '未找到 Nothing found'));
      // someone not in the network yet: created in a form of their own, then picked here
      if (f.type === 'person' && input.value.trim() && window.PNForms.createPerson) {
        const item = element('li');
        item.appendChild(button('＋ 新建人员 New person', () => window.PNForms.createPerson({
          name: input.value.trim(),
          done: payload => { const p = payload.person; value = { id: p.id, name: p.name, version: p.version, hint: p.code }; input.value = p.name; list.innerHTML = ''; show(value); }
        }), 'pn-new-person'));
        list.appendChild(item);
      }
    };
    const find = async () => {
      const text = input.value.trim(), request = ++asked;
      const local = (f.choices || []).filter(c => !text || c.name.includes(text));
      if (f.type === 'person' && !text) return offer([]);
      try {
        const found = f.choices && f.only ? [] : await SOURCES[f.type](text, f);
        if (request === asked) offer([...local, ...found.filter(o => !local.some(c => c.id === o.id) && !(f.exclude || []).includes(o.id))]);
      } catch (error) { if (request === asked) list.textContent = error.message; }
    };
    input.addEventListener('input', () => { value = null; show(null); clearTimeout(timer); timer = setTimeout(find, 250); });
    input.addEventListener('focus', () => { if (!value && (f.choices || f.type !== 'person')) find(); });
    if (value) { input.value = value.name; show(value); }
    return { node: wrap, focus: input, get: () => value, set: v => { value = v; show(v); } };
  }

  // --- the dialog -----------------------------------------------------------------------------

  function control(f, id) {
    if (['person', 'organization', 'area'].includes(f.type)) return picker(f, id);
    if (f.type === 'checks') {
      const box = element('fieldset', 'pn-checks');
      box.id = id;
      (f.options || []).forEach(o => {
        const label = element('label');
        const check = element('input');
        check.type = 'checkbox'; check.value = o.id; check.checked = !!o.checked;
        label.append(check, ' ', o.name);
        box.appendChild(label);
      });
      if (!(f.options || []).length) box.appendChild(element('span', 'meta', '无 None'));
      return { node: box, focus: box.querySelector('input'), get: () => [...box.querySelectorAll('input:checked')].map(c => c.value) };
    }
    const input = element(f.type === 'select' ? 'select' : 'input');
    input.id = id;
    if (f.type === 'select') (f.options || []).forEach(([value, label]) => input.appendChild(new Option(label, value)));
    else input.type = f.type === 'date' ? 'date' : 'text';
    if (f.type === 'date') { input.max = PN.today(); input.min = '1921-01-01'; }
    input.value = f.value ?? (f.type === 'date' ? PN.today() : '');
    if (f.maxLength) input.maxLength = f.maxLength;
    return { node: input, focus: input, get: () => input.value.trim(), set: v => { input.value = v; } };
  }

  // form: { title, fields: [{name, label, type, value, hint, required, ...}], intro, load, submit, done, after }
  //   load(values) → { versions, shown: {label: value}, scope }: what the change is made against,
  //     read when the form opens and again to reload after a conflict;
  //   submit(values, loaded) → the mutation's payload ({changeId, errors, ...});
  //   done(payload) → the page updates in place; after(payload) → follow-up actions [{label, open}].
  async function open(form) {
    const dialog = element('dialog', 'pn-form');
    dialog.setAttribute('aria-label', form.title);
    const shell = element('form');
    shell.method = 'dialog';
    shell.noValidate = true;
    const heading = element('h2', null, form.title);
    const top = element('div', 'pn-form-error');
    top.setAttribute('role', 'alert');
    top.hidden = true;
    shell.append(heading);
    if (form.intro) shell.append(element('p', 'meta', form.intro));
    shell.append(top);
    const controls = {};
    form.fields.forEach((f, i) => {
      const id = `pn-field-${f.name}`;
      const row = element('div', 'pn-field');
      row.dataset.field = f.name;
      const label = element('label', null, f.label);
      label.htmlFor = id;
      const c = control(f, id);
      const error = element('div', 'pn-field-error');
      error.setAttribute('role', 'alert');
      row.append(label, c.node);
      if (f.hint) row.append(element('small', 'meta', f.hint));
      row.append(error);
      shell.append(row);
      controls[f.name] = { ...c, row, error, field: f, index: i };
      // a pick may fill another field (a new community committee's code from its community)
      if (f.picked) c.node.addEventListener('picked', () => f.picked(c.get(), (name, v) => controls[name]?.set?.(v)));
    });
    const buttons = element('div', 'pn-buttons');
    const ok = element('button', 'pn-ok', '确定 OK');
    ok.type = 'submit';
    const cancel = element('button', 'pn-cancel', '取消 Cancel');
    cancel.type = 'button';
    buttons.append(ok, cancel);
    shell.append(buttons);
    dialog.append(shell);
    document.body.appendChild(dialog);
    const close = () => { dialog.close(); dialog.remove(); };
    cancel.addEventListener('click', close);
    dialog.addEventListener('close', () => dialog.remove());

    const values = () => Object.fromEntries(Object.entries(controls).map(([name, c]) => [name, c.get()]));
    const clear = () => {
      top.hidden = true; top.innerHTML = '';
      Object.values(controls).forEach(c => { c.error.textContent = ''; c.row.classList.remove('invalid'); });
    };
    const fieldError = (name, message) => {
      const c = controls[name];
      if (!c) return false;
      c.error.textContent = message;
      c.row.classList.add('invalid');
      return true;
    };
    const topError = message => { top.hidden = false; top.appendChild(element('p', null, message)); };

    let loaded;
    dialog.showModal();
    // what the change is made against, read before anything can be sent (the button waits for it)
    ok.disabled = true;
    const ready = (form.load ? form.load(values()) : Promise.resolve({})).then(value => { loaded = value; ok.disabled = false; dialog.dataset.ready = 'true'; },
      error => topError(error.message));
    const first = Object.values(controls)[0];
    (first?.focus || ok).focus();

    shell.addEventListener('submit', async event => {
      event.preventDefault();
      clear();
      const typed = values();
      const missing = Object.values(controls).filter(c => c.field.required && (c.get() === null || c.get() === '' || (Array.isArray(c.get()) && !c.get().length)));
      missing.forEach(c => fieldError(c.field.name, ['person', 'organization', 'area'].includes(c.field.type)
        ? `请从列表中选择${c.field.label} / Pick one from the list` : `请填写${c.field.label} / Required`));
      if (missing.length) return (missing[0].focus || ok).focus();
      await ready;
      if (!loaded) return;
      ok.disabled = true;
      let payload;
      try { payload = await form.submit(typed, loaded); } catch (error) { return topError(error.message); } finally { ok.disabled = false; }
      const conflict = payload.errors.find(e => e.code === 'CONFLICT' && /version/i.test(e.field[e.field.length - 1] || ''));
      if (conflict) return conflicted(conflict);
      if (payload.errors.length) {
        payload.errors.forEach(e => {
          const name = [...e.field].reverse().find(part => controls[form.errorFields?.[part] || part]);
          if (!name || !fieldError(form.errorFields?.[name] || name, e.message)) topError(e.message);
        });
        return;
      }
      close();
      // written: the page redraws, and whatever happens there the confirmation and its audit link show
      let redrawn = null;
      try { if (form.done) await form.done(payload); } catch (error) { redrawn = error; }
      confirmation(form.title, payload, form.after ? form.after(payload) : [], redrawn);
    });

    // Someone else changed it since the form opened: say what changed, never overwrite.
    async function conflicted(error) {
      topError(error.message);
      let now;
      try { now = await form.load(values()); } catch (e) { return topError(e.message); }
      const changed = Object.keys(now.shown || {}).filter(k => String(now.shown[k] ?? '') !== String(loaded.shown?.[k] ?? ''));
      const list = element('ul', 'pn-changed');
      changed.forEach(k => {
        const item = element('li');
        item.innerHTML = `${escape(k)}：你看到的 <b>${escape(loaded.shown?.[k] ?? '–')}</b> → 现在的 <b>${escape(now.shown[k] ?? '–')}</b>`;
        list.appendChild(item);
      });
      if (!changed.length) list.appendChild(element('li', null, '版本已变 / The version changed'));
      top.appendChild(element('p', null, '他人刚刚修改了它 / Someone else changed it:'));
      top.appendChild(list);
      if (now.scope) {
        try {
          const record = (await PN.graphql('query Last($scope: ID) { changes(scope: $scope, first: 1) { nodes { id at user summary } } }',
            { scope: now.scope })).changes.nodes[0];
          if (record) {
            const line = element('p', 'pn-last-change');
            line.innerHTML = `最近一次修改 Last change：${escape(PN.beijing(record.at))} · ${escape(record.user)} · ${escape(record.summary)}
              · <a href="/reports/changes?change=${encodeURIComponent(record.id)}" target="_blank">查看审计记录</a>`;
            top.appendChild(line);
          }
        } catch (e) { /* the figures above are enough to decide */ }
      }
      const again = element('button', 'pn-reload', '重新载入 Reload');
      again.type = 'button';
      again.addEventListener('click', () => { loaded = now; clear(); top.appendChild(element('p', 'meta', '已载入最新版本，您填写的内容保留；请确认后再保存 / Reloaded: what you typed is kept')); top.hidden = false; ok.focus(); });
      top.appendChild(again);
    }
    return dialog;
  }

  // --- after success --------------------------------------------------------------------------

  function confirmation(title, payload, actions, failure) {
    document.getElementById('pn-done')?.remove();
    const box = element('div', 'pn-done no-print');
    box.id = 'pn-done';
    box.setAttribute('role', 'status');
    box.appendChild(element('span', null, `已保存：${title} / Saved `));
    if (payload.changeId) {
      const link = element('a', 'pn-audit', '查看审计记录 Audit record');
      link.href = `/reports/changes?change=${encodeURIComponent(payload.changeId)}`;
      box.appendChild(link);
    }
    if (failure) box.append(' ', element('span', 'error', `页面未能刷新，请重新打开 / The page could not redraw: ${failure.message}`));
    actions.forEach(a => {
      const button = element('button', 'pn-follow', a.label);
      button.type = 'button';
      button.addEventListener('click', () => { box.remove(); a.open(); });
      box.append(' ', button);
    });
    const shut = element('button', 'pn-close', '×');
    shut.type = 'button'; shut.title = '关闭 Close';
    shut.addEventListener('click', () => box.remove());
    box.append(' ', shut);
    document.body.appendChild(box);
  }

  // A small button for a page's row or panel.
  function button(label, onClick, className = '') {
    const b = element('button', `pn-action ${className}`.trim(), label);
    b.type = 'button';
    b.addEventListener('click', onClick);
    return b;
  }

  return { editable, open, confirmation, button, element };
})();
