// The forms for the everyday changes of the network, each calling one existing mutation through
// PNForms.open (forms.js). Pages pass what they know (an organization {id, name, kind}, a building,
// a grid) and a done(payload) to update in place; everything else is read here.
(function () {
  const F = window.PNForms;
  const gql = PN.graphql;
  const PAYLOAD = 'changeId errors { code field message }';
  const ORG = 'organization { id code name kind parent { id } }';
  const mutate = async (name, type, input, selection = ORG) =>
    (await gql(`mutation M($input: ${type}!) { ${name}(input: $input) { ${selection} ${PAYLOAD} } }`, { input }))[name];

  const CHILD = { STREET_WORKING_COMMITTEE: 'COMMUNITY_COMMITTEE', COMMUNITY_COMMITTEE: 'GRID_BRANCH', GRID_BRANCH: 'BUILDING_GROUP' };
  const PARENT = Object.fromEntries(Object.entries(CHILD).map(([p, c]) => [c, p]));
  const KIND_NAMES = { STREET_WORKING_COMMITTEE: '街道党工委', COMMUNITY_COMMITTEE: '社区党委', GRID_BRANCH: '网格党支部', BUILDING_GROUP: '楼院党小组' };
  // The areas an organization governs or covers, by its kind.
  const COVERS = { STREET_WORKING_COMMITTEE: 'STREET', COMMUNITY_COMMITTEE: 'COMMUNITY', GRID_BRANCH: 'GRID', BUILDING_GROUP: 'BUILDING' };
  const POSTS = {
    SECRETARY: '书记', DEPUTY_SECRETARY: '副书记', COMMITTEE_MEMBER: '委员', PART_TIME_MEMBER: '兼职委员', GROUP_LEADER: '党小组组长'
  };
  const postsOf = kind => kind === 'BUILDING_GROUP' ? ['GROUP_LEADER']
    : ['SECRETARY', 'DEPUTY_SECRETARY', 'COMMITTEE_MEMBER', ...(kind === 'COMMUNITY_COMMITTEE' ? ['PART_TIME_MEMBER'] : [])];
  const day = { name: 'on', label: '日期 Day', type: 'date' };

  const ORG_STATE = `query O($id: ID!) { organization(id: $id) { id code name kind version
    areas { id code name kind } children { id code name kind } parent { id name kind version children { id code name kind version } }
    posts { role title person { id name } } } }`;
  const readOrg = async id => (await gql(ORG_STATE, { id })).organization;
  const PERSON_STATE = 'query P($id: ID!) { person(id: $id) { id code name version phone gender idNumber partyStatus roles { title organization { name } area { name } } } }';
  const readPerson = async id => (await gql(PERSON_STATE, { id })).person;
  const postsLine = p => p.roles.map(r => `${r.title}${(r.organization || r.area) ? '·' + (r.organization || r.area).name : ''}`).join('，') || '–';
  const orgShown = o => ({ 名称: o.name, 上级: o.parent?.name, 班子: o.posts.map(p => `${p.title}${p.person.name}`).join('，'), 区域数: o.areas.length });

  // The community an organization works in: its own area or that of a parent above it.
  async function communityOf(id) {
    const a = 'areas { id kind }';
    const o = (await gql(`query C($id: ID!) { organization(id: $id) { ${a} parent { ${a} parent { ${a} } } } }`, { id })).organization;
    return [o, o.parent, o.parent?.parent].filter(Boolean).flatMap(x => x.areas).find(x => x.kind === 'COMMUNITY')?.id || null;
  }

  // The sample's hierarchical codes: GZ-DJ-C01 → GZ-DJ-C01-SQDW → GZ-DJ-C01-ZB01 → GZ-DJ-C01-ZB01-XZ01.
  function suggestCode(kind, parent, siblings, community) {
    if (kind === 'COMMUNITY_COMMITTEE') return community ? community.split(':')[1] + '-SQDW' : '';
    const stem = kind === 'GRID_BRANCH' ? parent.code.replace(/-SQDW$/, '') + '-ZB' : parent.code + '-XZ';
    const used = siblings.map(s => s.code.startsWith(stem) ? parseInt(s.code.slice(stem.length), 10) : 0).filter(n => n > 0);
    return stem + String(Math.max(0, ...used) + 1).padStart(2, '0');
  }

  // A person's code: the first free one of RY90001, RY90002, … (one request per ten tried).
  async function suggestPersonCode() {
    for (let start = 90001; start < 99999; start += 10) {
      const codes = Array.from({ length: 10 }, (_, i) => `RY${start + i}`);
      const data = await gql(`{ ${codes.map((c, i) => `c${i}: person(code: "${c}") { id }`).join(' ')} }`);
      const free = codes.find((c, i) => !data['c' + i]);
      if (free) return free;
    }
    return '';
  }

  // A person picked in the form, with the version read now rather than when it was picked.
  const personLoad = async values => {
    if (!values.person) return { shown: {} };
    const p = await readPerson(values.person.id);
    return { person: p, scope: p.id, shown: { [p.name]: postsLine(p) } };
  };
  const personVersion = (values, loaded) => loaded.person?.id === values.person.id ? loaded.person.version : values.person.version;

  // --- posts ----------------------------------------------------------------------------------

  function appoint(org, { role, done } = {}) {
    const roles = role ? [role] : postsOf(org.kind);
    return F.open({
      title: `任命${role ? POSTS[role] : ''} · ${org.name}`,
      fields: [
        ...(roles.length > 1 ? [{ name: 'role', label: '职务 Post', type: 'select', options: roles.map(r => [r, POSTS[r]]) }] : []),
        { name: 'person', label: '人员 Person', type: 'person', required: true },
        { name: 'title', label: '职务名称 Title', type: 'text', hint: '例如 组织委员；不填则用职务名 / e.g. 组织委员', maxLength: 100 },
        day
      ],
      load: personLoad,
      submit: (v, loaded) => mutate('assignRole', 'AssignRoleInput', {
        person: v.person.id, version: personVersion(v, loaded), organization: org.id, role: v.role || roles[0], title: v.title || null, on: v.on || null
      }, 'person { id name }'),
      done
    });
  }

  function dismiss(org, post, { done } = {}) {
    return F.open({
      title: `免职 · ${post.title} ${post.person.name}`,
      intro: `${org.name}：${post.title} ${post.person.name} 的职务于所选日期结束（历史记录保留）。`,
      fields: [day],
      load: async () => personLoad({ person: post.person }),
      submit: (v, loaded) => mutate('endRole', 'EndRoleInput', {
        person: post.person.id, version: loaded.person.version, organization: org.id, role: post.role, on: v.on || null
      }, 'person { id name }'),
      done
    });
  }

  // 党员楼长 (HEAD_OF a building), 网格员 (WORKS_FOR a grid), 党建指导员 (INSTRUCTS a commercial site).
  const LINKS = { HEAD_OF: '党员楼长', WORKS_FOR: '网格员', INSTRUCTS: '党建指导员' };
  function link(kind, place, { done, after } = {}) {
    return F.open({
      title: `任命${LINKS[kind]} · ${place.name}`,
      fields: [{ name: 'person', label: '人员 Person', type: 'person', required: true }, day],
      errorFields: { from: 'person', to: 'person' },
      load: personLoad,
      submit: (v, loaded) => mutate('addLink', 'LinkInput', { kind, from: v.person.id, version: personVersion(v, loaded), to: place.id, on: v.on || null },
        '__typename'),
      done, after
    });
  }
  function unlink(kind, place, person, { done, after } = {}) {
    return F.open({
      title: `免去${LINKS[kind]} · ${person.name}`,
      intro: `${place.name}：${person.name} 不再担任${LINKS[kind]}（历史记录保留）。`,
      fields: [day],
      load: async () => personLoad({ person }),
      submit: (v, loaded) => mutate('endLink', 'LinkInput', { kind, from: person.id, version: loaded.person.version, to: place.id, on: v.on || null },
        '__typename'),
      done, after
    });
  }

  // --- organizations --------------------------------------------------------------------------

  async function create(parent, { kind, community, done } = {}) {
    kind ||= CHILD[parent.kind];
    const p = parent.id ? await readOrg(parent.id) : null;
    // community: {id, name} of the place it is opened from, or read from the parent's areas
    community ||= parent.id && kind !== 'COMMUNITY_COMMITTEE' ? { id: await communityOf(parent.id) } : null;
    const areaKind = COVERS[kind];
    return F.open({
      title: `新建${KIND_NAMES[kind]}${p ? ' · ' + p.name : ''}`,
      fields: [
        { name: 'name', label: '名称 Name', type: 'text', maxLength: 100 },
        { name: 'code', label: '编码 Code', type: 'text', value: suggestCode(kind, p, p?.children || [], community?.id), hint: '按上级编码自动建议，可修改 / suggested from the parent' },
        { name: 'area', label: `${kind === 'COMMUNITY_COMMITTEE' ? '领导的社区' : '覆盖的区域'} Area`, type: 'area', kind: areaKind,
          scope: kind === 'COMMUNITY_COMMITTEE' ? null : community?.id, value: kind === 'COMMUNITY_COMMITTEE' && community?.name ? community : null,
          picked: kind === 'COMMUNITY_COMMITTEE' ? (a, set) => set('code', suggestCode(kind, p, [], a.id)) : null },
        day
      ],
      errorFields: { areas: 'area' },
      load: async () => ({ shown: {} }),
      submit: v => mutate('createOrganization', 'CreateOrganizationInput', {
        kind, code: v.code, name: v.name, parent: p?.id || null, areas: v.area ? [v.area.id] : [], on: v.on || null
      }),
      done
    });
  }

  // Forms against one organization's current version: the read and the conflict are the same.
  const orgForm = (org, form) => F.open({
    ...form,
    load: async () => { const o = await readOrg(org.id); return { org: o, scope: o.id, shown: orgShown(o) }; }
  });

  const rename = (org, { done } = {}) => orgForm(org, {
    title: `改名 · ${org.name}`,
    fields: [{ name: 'name', label: '新名称 New name', type: 'text', value: org.name, maxLength: 100 }],
    submit: (v, l) => mutate('updateOrganization', 'UpdateOrganizationInput', { id: org.id, version: l.org.version, name: v.name }),
    done
  });

  const election = (org, { done } = {}) => orgForm(org, {
    title: `换届日期 · ${org.name}`,
    intro: '记录本届委员会的选举日期（换届）。 / The day the committee was elected.',
    fields: [{ name: 'electedOn', label: '选举日期 Elected on', type: 'date' }],
    submit: (v, l) => mutate('updateOrganization', 'UpdateOrganizationInput', { id: org.id, version: l.org.version, electedOn: v.electedOn || null }),
    done
  });

  const dissolve = (org, { done } = {}) => orgForm(org, {
    title: `撤销 · ${org.name}`,
    intro: '撤销后其职务、覆盖和上下级关系结束；须先转出党员和下级组织。撤销后可恢复。',
    fields: [day],
    submit: (v, l) => mutate('dissolveOrganization', 'EndOrganizationInput', { id: org.id, version: l.org.version, on: v.on || null }),
    done,
    after: () => [{ label: '恢复 Restore', open: () => restore(org, { done }) }]
  });

  const restore = (org, { done } = {}) => orgForm(org, {
    title: `恢复 · ${org.name}`,
    intro: '恢复到原上级之下，连同随撤销结束的职务和覆盖。',
    fields: [day],
    submit: (v, l) => mutate('restoreOrganization', 'EndOrganizationInput', { id: org.id, version: l.org.version, on: v.on || null }),
    done
  });

  async function merge(org, { done } = {}) {
    const o = await readOrg(org.id);
    const siblings = (o.parent?.children || []).filter(s => s.id !== o.id)
      .map(s => ({ id: s.id, name: s.name, version: s.version, hint: `同级 · ${s.code}` }));
    return F.open({
      title: `合并 · ${o.name}`,
      intro: `${o.name} 并入所选组织：党员、覆盖和下级组织转入，其职务结束，本组织撤销。`,
      fields: [{ name: 'into', label: '并入 Into', type: 'organization', kind: o.kind, choices: siblings, exclude: [o.id], required: true }, day],
      load: async v => {
        const from = await readOrg(org.id), into = v.into ? await readOrg(v.into.id) : null;
        return { from, into, scope: into?.id || from.id, shown: { ...orgShown(from), ...(into ? { 并入组织: into.name, 并入组织班子: orgShown(into).班子 } : {}) } };
      },
      errorFields: { intoVersion: 'into' },
      submit: (v, l) => mutate('mergeOrganizations', 'MergeOrganizationsInput', {
        from: org.id, fromVersion: l.from.version, into: v.into.id, intoVersion: l.into?.id === v.into.id ? l.into.version : v.into.version, on: v.on || null
      }),
      done
    });
  }

  async function split(org, { done } = {}) {
    const o = await readOrg(org.id);
    const kinds = { GRID_BRANCH: 'GRID', BUILDING_GROUP: 'BUILDING' };
    return orgForm(org, {
      title: `拆分 · ${o.name}`,
      intro: '从本组织分出一个同级新组织，带走勾选的区域和下级组织。',
      fields: [
        { name: 'name', label: '新组织名称 Name', type: 'text', maxLength: 100 },
        { name: 'code', label: '编码 Code', type: 'text', value: o.parent ? suggestCode(o.kind, o.parent, o.parent.children) : '', hint: '自动建议，可修改 / suggested' },
        { name: 'areas', label: '带走的区域 Areas', type: 'checks', options: o.areas.filter(a => a.kind === kinds[o.kind]) },
        { name: 'children', label: '带走的下级组织 Children', type: 'checks', options: o.children },
        day
      ],
      submit: (v, l) => mutate('splitOrganization', 'SplitOrganizationInput', {
        id: org.id, version: l.org.version, code: v.code, name: v.name, areas: v.areas, children: v.children, on: v.on || null
      }),
      done
    });
  }

  const transfer = (org, { done } = {}) => orgForm(org, {
    title: `转移 · ${org.name}`,
    intro: '连同下级组织一起转到新的上级组织之下。',
    fields: [{ name: 'parent', label: '新上级 New parent', type: 'organization', kind: PARENT[org.kind], required: true }, day],
    submit: (v, l) => mutate('transferOrganization', 'TransferOrganizationInput', { id: org.id, version: l.org.version, parent: v.parent.id, on: v.on || null }),
    done
  });

  // 覆盖 from an organization: an area of the kind it covers, in its community.
  async function cover(org, { done } = {}) {
    const community = org.kind === 'STREET_WORKING_COMMITTEE' || org.kind === 'COMMUNITY_COMMITTEE' ? null : await communityOf(org.id);
    return orgForm(org, {
      title: `覆盖 · ${org.name}`,
      fields: [{ name: 'area', label: '区域 Area', type: 'area', kind: COVERS[org.kind], scope: community, required: true }, day],
      submit: (v, l) => mutate('addCoverage', 'CoverageInput', { organization: org.id, version: l.org.version, area: v.area.id, on: v.on || null }),
      done
    });
  }

  async function uncover(org, { done } = {}) {
    const o = await readOrg(org.id);
    return orgForm(org, {
      title: `取消覆盖 · ${o.name}`,
      fields: [{ name: 'area', label: '区域 Area', type: 'area', choices: o.areas.map(a => ({ id: a.id, name: a.name, hint: a.code })), only: true, required: true }, day],
      submit: (v, l) => mutate('endCoverage', 'CoverageInput', { organization: org.id, version: l.org.version, area: v.area.id, on: v.on || null }),
      done
    });
  }

  // 覆盖 from a place: the organization is picked (for example the branches of the grid's community).
  function coverPlace(area, { kind, scope, choices, done } = {}) {
    return F.open({
      title: `覆盖 · ${area.name}`,
      fields: [{ name: 'organization', label: `${KIND_NAMES[kind]} Organization`, type: 'organization', kind, scope, choices, required: true }, day],
      load: async v => {
        if (!v.organization) return { shown: {} };
        const o = await readOrg(v.organization.id);
        return { org: o, scope: o.id, shown: orgShown(o) };
      },
      errorFields: { version: 'organization' },
      submit: (v, l) => mutate('addCoverage', 'CoverageInput', {
        organization: v.organization.id, version: l.org?.id === v.organization.id ? l.org.version : v.organization.version, area: area.id, on: v.on || null
      }),
      done
    });
  }

  // --- people ---------------------------------------------------------------------------------

  const GENDERS = [['', '–'], ['MALE', '男 Male'], ['FEMALE', '女 Female']];
  async function createPerson({ organization, name, done } = {}) {
    return F.open({
      title: '新建人员 · New person',
      fields: [
        { name: 'name', label: '姓名 Name', type: 'text', value: name || '', maxLength: 100 },
        { name: 'code', label: '编码 Code', type: 'text', value: await suggestPersonCode(), hint: '自动建议，可修改 / suggested' },
        { name: 'gender', label: '性别 Gender', type: 'select', options: GENDERS },
        { name: 'phone', label: '电话 Phone', type: 'text', maxLength: 20 },
        { name: 'organization', label: '所在党组织（党员）Party organization', type: 'organization', value: organization || null },
        { name: 'partyStatus', label: '党员身份 Status', type: 'select', options: [['FULL', '正式党员'], ['PROBATIONARY', '预备党员']] },
        day
      ],
      load: async () => ({ shown: {} }),
      submit: v => mutate('createPerson', 'CreatePersonInput', {
        code: v.code, name: v.name, gender: v.gender || null, phone: v.phone || null,
        organization: v.organization?.id || null, partyStatus: v.organization ? v.partyStatus : null, on: v.on || null
      }, 'person { id code name version }'),
      done
    });
  }

  async function editPerson(person, { done } = {}) {
    const p = await readPerson(person.id);
    const shown = x => ({ 姓名: x.name, 性别: x.gender, 电话: x.phone, 党员身份: x.partyStatus });
    return F.open({
      title: `编辑人员 · ${p.name}`,
      fields: [
        { name: 'name', label: '姓名 Name', type: 'text', value: p.name, maxLength: 100 },
        { name: 'gender', label: '性别 Gender', type: 'select', options: GENDERS, value: p.gender || '' },
        { name: 'phone', label: '电话 Phone', type: 'text', value: p.phone || '', maxLength: 20 },
        ...(p.partyStatus ? [{ name: 'partyStatus', label: '党员身份 Status', type: 'select', options: [['FULL', '正式党员'], ['PROBATIONARY', '预备党员']], value: p.partyStatus }] : [])
      ],
      load: async () => { const x = await readPerson(p.id); return { person: x, scope: x.id, shown: shown(x) }; },
      submit: (v, l) => mutate('updatePerson', 'UpdatePersonInput', {
        id: p.id, version: l.person.version, name: v.name, gender: v.gender || null, phone: v.phone || null, partyStatus: v.partyStatus || null
      }, 'person { id name }'),
      done
    });
  }

  Object.assign(F, {
    appoint, dismiss, link, unlink, create, rename, election, dissolve, restore, merge, split, transfer, cover, uncover, coverPlace,
    createPerson, editPerson, communityOf, POSTS, KIND_NAMES
  });
})();
