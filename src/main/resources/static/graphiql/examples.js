// Example queries a newcomer can run at once; each becomes a tab of the explorer. GraphiQL names a
// tab by its operation name, which GraphQL keeps to ASCII: each example has a Chinese title as
// well, which index.html shows on its tab. One operation per tab, so that the ▶ button runs
// what the tab says; a tab that changes the data is titled and commented 【修改数据】 and holds
// nothing else.
window.PARTYNET_EXAMPLES = [
  {
    title: '全网统计',
    query: `# 全网统计 Counts of the whole network (示例数据 sample data)
query NetworkStats {
  dataset { name sample description }
  networkStats {
    streetCommittees communityCommittees gridBranches
    buildingGroups buildingHeads grids buildings
    commercialSites alliances partTimeMembers
    instructors partyMembers units
  }
}`
  },
  {
    title: '组织树',
    query: `# 组织树：街道党工委 → 社区党委 → 网格党支部 → 楼院党小组 → 党员楼长
# The org tree from the street working committee down to the building heads, in one request.
query OrgTree {
  organization(code: "GZ-DJ-DGW") {
    name secretary { name }
    members { total }
    children {
      name secretary { name } members { full probationary }
      children {
        name secretary { name }
        areas { name }
        children { name buildingHeads { name } }
      }
    }
  }
}`
  },
  {
    title: '一个社区',
    query: `# 一个社区 One community: its committee, posts (incl. part-time members), grids and breadcrumbs
query Community {
  organization(id: "CommunityCommittee:GZ-DJ-C01-SQDW") {
    name kindName
    ancestors { name }
    posts { title person { name roles { kind title unit { name categoryName } } } }
    areas { name children(kind: GRID) { name coveredBy { name } gridWorkers { name } } }
  }
  networkStats(scope: "Community:GZ-DJ-C01") { grids gridBranches buildings buildingHeads partyMembers units }
}`
  },
  {
    title: '按名称查找',
    query: `# 按名称查找 Lists by kind and Chinese name, cursor-paginated
query Search($after: String) {
  organizations(kind: GRID_BRANCH, name: "东湖", first: 5, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { id code name secretary { name } }
  }
  areas(kind: MARKET, first: 10) { nodes { name alliances { name } instructors { name } } }
  search(text: "党建联盟") { score node { __typename id name } }
}`
  },
  {
    title: '全覆盖',
    query: `# 全覆盖 Coverage of the street as of a day, by community, with the gaps
query Coverage {
  coverage(scope: "Street:GZ-DJ", asOf: "2020-06-01") {
    name asOf
    grid { total covered ratio }
    buildingHead { total covered ratio }
    dualNet { total covered ratio }
    breakdown { name grid { covered total } }
    gaps(metric: GRID) { totalCount nodes { place reason } }
  }
}`
  },
  {
    title: '组织健康',
    query: `# 组织健康 Party-rule findings and term expiries (换届提醒)
query Health {
  health {
    name asOf
    counts { ruleName count }
    findings(severity: ERROR) { ruleName source figures organization { name code } area { name } }
    terms { organization { name } electedOn expiresOn status }
  }
}`
  },
  {
    title: '党建联盟',
    query: `# 党建联盟 Alliances and their member units
query Alliances {
  organization(code: "GZ-DJ-DGW") {
    alliances { name members { name categoryName } sites { name kindName } }
  }
}`
  },
  {
    title: '联动',
    query: `# 联动 Which outside units take part in 青年社区, and through whom? Where does a unit reach?
# How are a unit and a committee connected?
query Linkage {
  linkages(id: "CommunityCommittee:GZ-DJ-C01-SQDW") {
    unitCount
    groups { kindName links { unit { name categoryName } people { name } alliances { name } } }
  }
  reach(unit: "Unit:DW008") { communities { name } places { kindName community { name } person { name } alliance { name } } }
  connection(from: "Unit:DW008", to: "CommunityCommittee:GZ-DJ-C01-SQDW", maxHops: 6) { length sentence }
  linkageSummary { unitsByCategory { categoryName units } unlinkedCommunities { name } }
}`
  },
  {
    title: '合并前：查看版本',
    query: `# 合并前：查看两个支部的版本（只读）Before a merge: read the two branches' versions (read only)
# 文化社区第二网格党支部 and 第一网格党支部: pass their ids and versions to the next tab, 【修改数据】合并支部.
query MergeVersions {
  from: organization(code: "GZ-DJ-C14-ZB02") { id name version members { total } areas { name } }
  into: organization(code: "GZ-DJ-C14-ZB01") { id name version members { total } areas { name } }
}`
  },
  {
    title: '【修改数据】合并支部',
    query: `# 【修改数据】This CHANGES the data: 文化社区第二网格党支部 merges into 第一网格党支部 (members, grids
# and building groups move over; the second branch's posts end and it leaves the tree). Try it on the
# sample network only. Take the versions from the tab 合并前：查看版本; a refused change answers
# errors { code field message } and writes nothing; a change made is in the audit trail (changeId).
mutation MergeBranches($input: MergeOrganizationsInput!) {
  mergeOrganizations(input: $input) {
    organization { name version members { total } areas { name } children { name } }
    changeId
    errors { code field message }
  }
}`,
    variables: `{
  "input": {
    "from": "GridBranch:GZ-DJ-C14-ZB02",
    "fromVersion": 0,
    "into": "GridBranch:GZ-DJ-C14-ZB01",
    "intoVersion": 0
  }
}`
  }
];

// The tab titles by operation name, for index.html.
window.PARTYNET_TAB_TITLES = Object.fromEntries(window.PARTYNET_EXAMPLES
  .map(e => [/^(?:query|mutation|subscription)\s+(\w+)/m.exec(e.query)[1], e.title]));
