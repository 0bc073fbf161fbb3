// Example queries a newcomer can run at once; each becomes a tab of the explorer.
window.PARTYNET_EXAMPLES = [
  {
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
    query: `# 党建联盟 Alliances and their member units
query Alliances {
  organization(code: "GZ-DJ-DGW") {
    alliances { name members { name categoryName } sites { name kindName } }
  }
}`
  },
  {
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
    query: `# 组织变动 Merge: 文化社区第二网格党支部 merges into 第一网格党支部 (members, grids and building
# groups move over; the second branch's posts end and it leaves the tree). This CHANGES the data:
# try it on the sample. Read the versions first (the first query), pass them, then run the mutation.
# Refused changes answer errors { code field message } and write nothing.
query Versions {
  from: organization(code: "GZ-DJ-C14-ZB02") { id name version members { total } areas { name } }
  into: organization(code: "GZ-DJ-C14-ZB01") { id name version members { total } areas { name } }
}

mutation Merge($input: MergeOrganizationsInput!) {
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
