// The org chart's words (window.OrgChartText), in Chinese and English: the page's controls, the
// boxes' lines and the details. The network's own names (kinds, coverage metrics) come from the
// API (PN.model), not from here.
window.OrgChartText = {
  zh: {
    title: '组织架构图', subtitle: '街道党工委 → 社区党委 → 网格党支部 → 楼院党小组 → 党员楼长',
    lang: 'English',
    root: '组织', depth: '展开层数', search: '搜索姓名或名称', find: '查找', compact: '紧凑布局',
    crossLinks: '跨界联系', fit: '适合窗口', expandAll: '全部展开', collapseAll: '全部收起', print: '打印',
    streets: '街道党工委', communities: '社区党委', secretary: '书记', leader: '组长', head: '楼长',
    noSecretary: '书记空缺', noLeader: '无组长', noHead: '无楼长', members: '党员', notMember: '非党员',
    grid: '网格', groups: '楼院', heads: '楼长', found: n => `找到 ${n} 处`, notFound: '本图中未找到',
    loading: '加载中…', details: '详情', code: '编码', kind: '类别', path: '上级', posts: '班子成员',
    areas: '区域', coverageFigures: '覆盖情况', alliances: '党建联盟', openExplorer: '在 GraphQL 查询器中打开',
    openCoverage: '打开全覆盖报告', memberCounts: (f, p) => `正式党员 ${f}，预备党员 ${p}`, building: '楼院',
    coveredBy: '覆盖组织', partyStatus: { FULL: '正式党员', PROBATIONARY: '预备党员' }, none: '无',
    links: { PART_TIME_MEMBER: '兼职委员', CO_BUILDING: '共驻共建', REGISTERED: '双报到', ALLIANCE_LEADER: '领导联盟', ALLIANCE_MEMBER: '联盟成员', ALLIANCE_SITE: '联盟覆盖', SITE: '所在网格', INSTRUCTOR: '党建指导员' },
    outside: { Unit: '驻区单位', Alliance: '党建联盟', Area: '商务楼宇/商圈', Person: '党建指导员' },
    chart: '图', list: '列表', views: '图或列表', options: '选项', openSearch: '搜索', expand: '展开', collapse: '收起',
    close: '关闭', listLabel: '组织列表'
  },
  en: {
    title: 'Org chart', subtitle: 'Street committee → community committees → grid branches → building groups → building heads',
    lang: '中文',
    root: 'Organization', depth: 'Levels shown', search: 'Search a name', find: 'Find', compact: 'Compact',
    crossLinks: 'Cross-links', fit: 'Fit', expandAll: 'Expand all', collapseAll: 'Collapse all', print: 'Print',
    streets: 'Street committees', communities: 'Community committees', secretary: 'Secretary', leader: 'Leader', head: 'Head',
    noSecretary: 'No secretary', noLeader: 'No leader', noHead: 'No head', members: 'Members', notMember: 'not a member',
    grid: 'Grids', groups: 'Bldgs', heads: 'Heads', found: n => `${n} found`, notFound: 'Not in this chart',
    loading: 'Loading…', details: 'Details', code: 'Code', kind: 'Kind', path: 'Above', posts: 'Posts',
    areas: 'Areas', coverageFigures: 'Coverage', alliances: 'Alliances', openExplorer: 'Open in the GraphQL explorer',
    openCoverage: 'Open the coverage report', memberCounts: (f, p) => `${f} full, ${p} probationary`, building: 'Building',
    coveredBy: 'Covered by', partyStatus: { FULL: 'full member', PROBATIONARY: 'probationary member' }, none: 'none',
    links: { PART_TIME_MEMBER: 'Part-time member', CO_BUILDING: 'Co-building', REGISTERED: 'Dual registration', ALLIANCE_LEADER: 'Leads alliance', ALLIANCE_MEMBER: 'Alliance member', ALLIANCE_SITE: 'Alliance covers', SITE: 'Site in grid', INSTRUCTOR: 'Instructor' },
    outside: { Unit: 'Outside unit', Alliance: 'Alliance', Area: 'Commercial site', Person: 'Instructor' },
    chart: 'Chart', list: 'List', views: 'Chart or list', options: 'Options', openSearch: 'Search', expand: 'Expand',
    collapse: 'Collapse', close: 'Close', listLabel: 'Organizations as a list'
  }
};
