// ============================================================================================
// The sample network: 甘州区 · 东街街道 (illustrative).
//
// SAMPLE DATA. The counts follow the source article (../shared/reference, 甘州区委编办 2020-12-29):
// 1 street working committee, 17 communities and committees, 112 grids, 47 grid branches that
// together cover all 112 grids, 106 building groups, 3 alliances, the street's 5 offices and
// 5 service institutions. Every person, unit, address and phone number is MADE UP; phone
// numbers all start with 000 so that nobody mistakes them for real ones.
//
// Not a migration: it is loaded once into an empty embedded database (partynet.sample.load).
// It is deterministic: every number below is derived from a sequence number, so the same
// people, names and links come out every time. Statements end with ';' at the end of a line.
// The temporary property `seq` carries those sequence numbers and is removed at the end.
// ============================================================================================

// -- The data says what it is --------------------------------------------------------------
CREATE (:Dataset {
  code: 'SAMPLE',
  name: '示例数据 Sample data',
  sample: true,
  description: '示例数据：机构数量取自甘州区街道管理体制改革材料（2020），人员、单位、电话均为虚构。Sample data: counts follow the source article; all people, units and phone numbers are made up.'
});

// -- District, street, street working committee, the street's offices and institutions ------
CREATE (d:District:Area {code: 'GZ', name: '甘州区'})
CREATE (s:Street:Area {code: 'GZ-DJ', name: '东街街道'})
CREATE (d)-[:HAS {since: date('2019-06-01')}]->(s)
CREATE (w:StreetWorkingCommittee:PartyOrganization {code: 'GZ-DJ-DGW', name: '东街街道党工委'})
CREATE (w)-[:GOVERNS {since: date('2019-06-01')}]->(s)
WITH s
UNWIND [
  ['GZ-DJ-JG01', '综合办公室', 'OFFICE'],
  ['GZ-DJ-JG02', '党建工作办公室', 'OFFICE'],
  ['GZ-DJ-JG03', '公共管理办公室', 'OFFICE'],
  ['GZ-DJ-JG04', '公共服务办公室', 'OFFICE'],
  ['GZ-DJ-JG05', '公共安全办公室', 'OFFICE'],
  ['GZ-DJ-SY01', '政务服务中心', 'SERVICE_INSTITUTION'],
  ['GZ-DJ-SY02', '社会治安综合治理中心', 'SERVICE_INSTITUTION'],
  ['GZ-DJ-SY03', '社区服务中心', 'SERVICE_INSTITUTION'],
  ['GZ-DJ-SY04', '公共事务中心（加挂退役军人服务站）', 'SERVICE_INSTITUTION'],
  ['GZ-DJ-SY05', '综合执法队', 'SERVICE_INSTITUTION']
] AS row
CREATE (:Institution {code: row[0], name: row[1], kind: row[2]})-[:PART_OF {since: date('2019-06-01')}]->(s);

// -- 17 communities and committees, 112 grids, 47 grid branches covering them ---------------
// Communities 1-10 have 7 grids, 11-17 have 6 (70 + 42 = 112).
// Communities 1-13 have 3 branches, 14-17 have 2 (39 + 8 = 47); a branch covers 2 or 3 grids.
MATCH (s:Street {code: 'GZ-DJ'}), (w:StreetWorkingCommittee {code: 'GZ-DJ-DGW'})
UNWIND range(0, 16) AS ci
WITH s, w, ci,
     ['青年', '东湖', '南关', '劳动', '长安', '鼓楼', '民主', '团结', '和平', '新乐', '金安', '建康', '玉水', '文化', '春光', '泰安', '丰乐'][ci] AS cname,
     CASE WHEN ci < 10 THEN 7 ELSE 6 END AS grids,
     CASE WHEN ci < 13 THEN 3 ELSE 2 END AS branches,
     CASE WHEN ci < 10 THEN ci * 7 ELSE 70 + (ci - 10) * 6 END AS gridOffset,
     CASE WHEN ci < 13 THEN ci * 3 ELSE 39 + (ci - 13) * 2 END AS branchOffset
WITH s, w, ci, cname, grids, branches, gridOffset, branchOffset,
     'GZ-DJ-C' + right('0' + toString(ci + 1), 2) AS ccode
CREATE (c:Community:Area {code: ccode, name: cname + '社区', seq: ci})
CREATE (s)-[:HAS {since: date('2019-06-01')}]->(c)
CREATE (cc:CommunityCommittee:PartyOrganization {code: ccode + '-SQDW', name: cname + '社区党委', seq: ci})
CREATE (w)-[:LEADS {since: date('2019-06-01')}]->(cc)
CREATE (cc)-[:GOVERNS {since: date('2019-06-01')}]->(c)
WITH c, cc, cname, ccode, grids, branches, gridOffset, branchOffset
UNWIND range(1, branches) AS bi
CREATE (gb:GridBranch:PartyOrganization {
  code: ccode + '-ZB0' + toString(bi),
  name: cname + '社区第' + ['一', '二', '三'][bi - 1] + '网格党支部',
  seq: branchOffset + bi})
CREATE (cc)-[:LEADS {since: date('2019-09-01')}]->(gb)
WITH c, gb, bi, cname, ccode, grids, branches, gridOffset
UNWIND range(1, grids) AS gi
WITH c, gb, bi, cname, ccode, grids, branches, gridOffset, gi
WHERE (gi - 1) * branches / grids + 1 = bi
CREATE (g:Grid:Area {code: ccode + '-G0' + toString(gi), name: cname + '社区第' + toString(gi) + '网格', seq: gridOffset + gi})
CREATE (c)-[:HAS {since: date('2019-06-01')}]->(g)
CREATE (gb)-[:COVERS {since: date('2019-09-01')}]->(g);

// -- Buildings: 3 to 7 per grid --------------------------------------------------------------
MATCH (g:Grid)
WITH g, ['幸福', '康乐', '和谐', '锦绣', '阳光', '滨河', '丽景', '金色', '怡园', '馨苑',
         '玉泉', '祁连', '丹霞', '湿地', '黑河', '润泽', '育才', '春晖', '安居', '瑞祥'] AS estates
UNWIND range(1, 3 + (g.seq * 7) % 5) AS bi
CREATE (b:Building:Area {
  code: g.code + '-B' + right('0' + toString(bi), 2),
  name: estates[g.seq % 20] + '小区' + toString((g.seq / 20) * 10 + bi) + '号楼',
  seq: g.seq * 10 + bi})
CREATE (g)-[:HAS {since: date('2019-06-01')}]->(b);

// -- 106 building groups: branches 1, 5, 9, ... 45 have 3 groups, the others 2 (12 x 3 + 35 x 2)
MATCH (gb:GridBranch)
UNWIND range(1, CASE WHEN gb.seq % 4 = 1 AND gb.seq <= 45 THEN 3 ELSE 2 END) AS xi
CREATE (bg:BuildingGroup:PartyOrganization {
  code: gb.code + '-XZ0' + toString(xi),
  name: replace(gb.name, '党支部', '') + '第' + ['一', '二', '三'][xi - 1] + '楼院党小组',
  seq: gb.seq * 10 + xi})
CREATE (gb)-[:LEADS {since: date('2019-10-01')}]->(bg);

// -- Each group covers neighbouring buildings of its branch's grids; every 23rd building is
//    not yet covered by a group (a realistic gap for the coverage reports).
MATCH (gb:GridBranch)-[:COVERS]->(:Grid)-[:HAS]->(b:Building)
WITH gb, b ORDER BY b.code
WITH gb, collect(b) AS buildings
MATCH (gb)-[:LEADS]->(bg:BuildingGroup)
WITH gb, buildings, bg ORDER BY bg.code
WITH gb, buildings, collect(bg) AS groups
UNWIND range(0, size(buildings) - 1) AS k
WITH buildings[k] AS b, groups[k * size(groups) / size(buildings)] AS bg
WHERE b.seq % 23 <> 0
CREATE (bg)-[:COVERS {since: date('2019-10-01')}]->(b);

// -- Party members of each grid branch: 8 to 45 full members, 0 to 2 probationary -------------
// Branch member number n = 10000 + branch * 100 + k. The first member is the secretary; the
// next three form the branch committee with the secretary (7 or more full members, rule 第二十条).
MATCH (gb:GridBranch)
WITH gb, 8 + (gb.seq * 13) % 38 AS full, gb.seq % 3 AS probationary,
     ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗',
      '梁', '宋', '郑', '谢', '韩', '唐', '冯', '于', '董', '萧', '程', '曹', '袁', '邓', '许', '傅', '沈', '曾', '彭', '吕'] AS sn,
     ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀', '霞', '平',
      '刚', '桂', '英', '华', '玉', '兰', '文', '红', '建', '国', '志', '海', '云', '春', '梅', '鹏', '辉', '斌', '宁', '琳'] AS gn
UNWIND range(1, full + probationary) AS k
WITH gb, k, full, sn, gn, 10000 + gb.seq * 100 + k AS n
CREATE (p:Person {
  code: 'RY' + toString(n),
  name: sn[(n * 7 + n / 13) % 40] + gn[(n * 11) % 40] + CASE WHEN n % 3 = 0 THEN '' ELSE gn[(n * 17 + 5) % 40] END,
  gender: CASE WHEN n % 2 = 0 THEN 'FEMALE' ELSE 'MALE' END,
  phone: '000-' + right('0000' + toString(n / 10000), 4) + '-' + right('0000' + toString(n % 10000), 4),
  seq: k})
CREATE (p)-[:MEMBER_OF {status: CASE WHEN k <= full THEN 'FULL' ELSE 'PROBATIONARY' END,
                        since: date('2000-07-01') + duration({days: (n * 37) % 7000})}]->(gb)
FOREACH (title IN CASE k WHEN 1 THEN ['书记'] ELSE [] END |
  CREATE (p)-[:HOLDS {role: 'SECRETARY', title: title, since: date('2021-03-15')}]->(gb))
FOREACH (title IN CASE WHEN k >= 2 AND k <= 4 THEN [['组织委员', '宣传委员', '纪检委员'][k - 2]] ELSE [] END |
  CREATE (p)-[:HOLDS {role: 'COMMITTEE_MEMBER', title: title, since: date('2021-03-15')}]->(gb));

// -- Members are split over their branch's groups; the first in each group leads it ---------
MATCH (gb:GridBranch)-[:LEADS]->(bg:BuildingGroup)
WITH gb, bg ORDER BY bg.code
WITH gb, collect(bg) AS groups
MATCH (p:Person)-[:MEMBER_OF]->(gb)
WITH gb, groups, p ORDER BY p.code
WITH gb, groups, collect(p) AS members
UNWIND range(0, size(members) - 1) AS k
WITH groups[k % size(groups)] AS bg, members[k] AS p, k < size(groups) AS leads
CREATE (p)-[:IN_GROUP {since: date('2019-10-01')}]->(bg)
FOREACH (x IN CASE WHEN leads THEN [1] ELSE [] END |
  CREATE (p)-[:HOLDS {role: 'GROUP_LEADER', title: '党小组组长', since: date('2019-10-01')}]->(bg));

// -- 党员楼长: a full member of the branch heads each building; every 17th building has none yet
MATCH (gb:GridBranch)-[:COVERS]->(:Grid)-[:HAS]->(b:Building)
WITH gb, b ORDER BY b.code
WITH gb, collect(b) AS buildings
MATCH (p:Person)-[m:MEMBER_OF {status: 'FULL'}]->(gb)
WITH gb, buildings, p ORDER BY p.code
WITH gb, buildings, collect(p) AS members
UNWIND range(0, size(buildings) - 1) AS k
WITH buildings[k] AS b, members[(k + 1) % size(members)] AS p
WHERE b.seq % 17 <> 0
CREATE (p)-[:HEAD_OF {since: date('2020-01-01')}]->(b);

// -- Community committees: secretary, deputy, three full-time members (专职委员) -------------
MATCH (cc:CommunityCommittee)
WITH cc,
     ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗',
      '梁', '宋', '郑', '谢', '韩', '唐', '冯', '于', '董', '萧', '程', '曹', '袁', '邓', '许', '傅', '沈', '曾', '彭', '吕'] AS sn,
     ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀', '霞', '平',
      '刚', '桂', '英', '华', '玉', '兰', '文', '红', '建', '国', '志', '海', '云', '春', '梅', '鹏', '辉', '斌', '宁', '琳'] AS gn
UNWIND range(1, 5) AS k
WITH cc, k, sn, gn, 20000 + cc.seq * 10 + k AS n,
     [['SECRETARY', '书记'], ['DEPUTY_SECRETARY', '副书记'], ['COMMITTEE_MEMBER', '组织委员'],
      ['COMMITTEE_MEMBER', '宣传委员'], ['COMMITTEE_MEMBER', '纪检委员']][k - 1] AS role
CREATE (p:Person {
  code: 'RY' + toString(n),
  name: sn[(n * 7 + n / 13) % 40] + gn[(n * 11) % 40] + CASE WHEN n % 3 = 0 THEN '' ELSE gn[(n * 17 + 5) % 40] END,
  gender: CASE WHEN n % 2 = 0 THEN 'FEMALE' ELSE 'MALE' END,
  phone: '000-' + right('0000' + toString(n / 10000), 4) + '-' + right('0000' + toString(n % 10000), 4)})
CREATE (p)-[:MEMBER_OF {status: 'FULL', since: date('1998-07-01') + duration({days: (n * 37) % 7000})}]->(cc)
CREATE (p)-[:HOLDS {role: role[0], title: role[1], since: date('2021-01-10')}]->(cc);

// -- Street working committee: secretary, deputies, and the members the source names --------
MATCH (w:StreetWorkingCommittee {code: 'GZ-DJ-DGW'})
UNWIND [
  [30001, '赵明远', 'MALE', 'SECRETARY', '党工委书记'],
  [30002, '钱秀兰', 'FEMALE', 'DEPUTY_SECRETARY', '党工委副书记'],
  [30003, '孙建国', 'MALE', 'DEPUTY_SECRETARY', '党工委副书记、街道办事处主任'],
  [30004, '李海燕', 'FEMALE', 'COMMITTEE_MEMBER', '纪工委书记'],
  [30005, '周志强', 'MALE', 'COMMITTEE_MEMBER', '组织委员'],
  [30006, '吴桂英', 'FEMALE', 'COMMITTEE_MEMBER', '政法委员']
] AS row
CREATE (p:Person {code: 'RY' + toString(row[0]), name: row[1], gender: row[2],
                  phone: '000-0003-' + right('0000' + toString(row[0] % 10000), 4)})
CREATE (p)-[:MEMBER_OF {status: 'FULL', since: date('1995-07-01')}]->(w)
CREATE (p)-[:HOLDS {role: row[3], title: row[4], since: date('2021-09-01')}]->(w);

// -- 专职网格员: one full-time grid worker per grid; grids 29, 58 and 87 await theirs --------
MATCH (g:Grid)
WHERE g.seq % 29 <> 0
WITH g, 50000 + g.seq AS n,
     ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗',
      '梁', '宋', '郑', '谢', '韩', '唐', '冯', '于', '董', '萧', '程', '曹', '袁', '邓', '许', '傅', '沈', '曾', '彭', '吕'] AS sn,
     ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀', '霞', '平',
      '刚', '桂', '英', '华', '玉', '兰', '文', '红', '建', '国', '志', '海', '云', '春', '梅', '鹏', '辉', '斌', '宁', '琳'] AS gn
CREATE (p:Person {
  code: 'RY' + toString(n),
  name: sn[(n * 7 + n / 13) % 40] + gn[(n * 11) % 40] + CASE WHEN n % 3 = 0 THEN '' ELSE gn[(n * 17 + 5) % 40] END,
  gender: CASE WHEN n % 2 = 0 THEN 'FEMALE' ELSE 'MALE' END,
  phone: '000-0005-' + right('0000' + toString(n % 10000), 4)})
CREATE (p)-[:WORKS_FOR {since: date('2020-03-01')}]->(g);

// -- 驻区单位: outside units of every category ------------------------------------------------
UNWIND [
  [1, '甘州区税务局东街税务所', 'AGENCY'],
  [2, '甘州区市场监督管理局东街所', 'AGENCY'],
  [3, '甘州区人民法院东街法庭', 'AGENCY'],
  [4, '东街派出所', 'AGENCY'],
  [5, '甘州区第一人民医院', 'ENTERPRISE_INSTITUTION'],
  [6, '东街小学', 'ENTERPRISE_INSTITUTION'],
  [7, '国网甘州供电公司东街营业所', 'ENTERPRISE_INSTITUTION'],
  [8, '张掖农商银行东街支行', 'ENTERPRISE_INSTITUTION'],
  [9, '安居物业服务有限公司', 'PROPERTY_MANAGEMENT'],
  [10, '祁连物业管理有限公司', 'PROPERTY_MANAGEMENT'],
  [11, '润泽物业服务有限公司', 'PROPERTY_MANAGEMENT'],
  [12, '金色家园物业有限公司', 'PROPERTY_MANAGEMENT'],
  [13, '丹霞商贸有限公司', 'NON_PUBLIC_ENTERPRISE'],
  [14, '黑河餐饮管理有限公司', 'NON_PUBLIC_ENTERPRISE'],
  [15, '湿地电子科技有限公司', 'NON_PUBLIC_ENTERPRISE'],
  [16, '丝路快递服务有限公司', 'NON_PUBLIC_ENTERPRISE'],
  [17, '东街志愿者协会', 'SOCIAL_ORGANIZATION'],
  [18, '春晖养老服务中心', 'SOCIAL_ORGANIZATION'],
  [19, '阳光社会工作服务中心', 'SOCIAL_ORGANIZATION'],
  [20, '甘州区个体劳动者协会', 'SOCIAL_ORGANIZATION']
] AS row
CREATE (:Unit {code: 'DW' + right('00' + toString(row[0]), 3), name: row[1], category: row[2], seq: row[0]});

// -- 兼职委员: heads of unit party organizations sit on community committees part-time -------
// Community i has 1 to 3 part-time members, from units of every category in turn.
MATCH (cc:CommunityCommittee)
WITH cc,
     ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗',
      '梁', '宋', '郑', '谢', '韩', '唐', '冯', '于', '董', '萧', '程', '曹', '袁', '邓', '许', '傅', '沈', '曾', '彭', '吕'] AS sn,
     ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀', '霞', '平',
      '刚', '桂', '英', '华', '玉', '兰', '文', '红', '建', '国', '志', '海', '云', '春', '梅', '鹏', '辉', '斌', '宁', '琳'] AS gn
UNWIND range(1, 1 + cc.seq % 3) AS k
WITH cc, k, sn, gn, 40000 + cc.seq * 10 + k AS n, (cc.seq * 3 + k * 7) % 20 + 1 AS unitSeq
MATCH (u:Unit {seq: unitSeq})
CREATE (p:Person {
  code: 'RY' + toString(n),
  name: sn[(n * 7 + n / 13) % 40] + gn[(n * 11) % 40] + CASE WHEN n % 3 = 0 THEN '' ELSE gn[(n * 17 + 5) % 40] END,
  gender: CASE WHEN n % 2 = 0 THEN 'FEMALE' ELSE 'MALE' END,
  phone: '000-0004-' + right('0000' + toString(n % 10000), 4)})
CREATE (p)-[:EMPLOYED_BY {since: date('2015-01-01'), title: '党组织负责人'}]->(u)
CREATE (p)-[:HOLDS {role: 'PART_TIME_MEMBER', title: '兼职委员', since: date('2021-01-10')}]->(cc);

// -- 共驻共建: each unit builds with one or two community committees ---------------------------
MATCH (u:Unit), (cc:CommunityCommittee)
WHERE cc.seq = (u.seq * 3) % 17 OR (u.seq % 2 = 0 AND cc.seq = (u.seq * 3 + 7) % 17)
CREATE (u)-[:CO_BUILDS {since: date('2020-05-01')}]->(cc);

// -- 双报到: unit party organizations register where they are; in-service members where they live
MATCH (u:Unit), (c:Community)
WHERE c.seq = (u.seq * 5) % 17
CREATE (u)-[:REGISTERED_AT {since: date('2020-06-01')}]->(c);

MATCH (u:Unit)
WITH u,
     ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗',
      '梁', '宋', '郑', '谢', '韩', '唐', '冯', '于', '董', '萧', '程', '曹', '袁', '邓', '许', '傅', '沈', '曾', '彭', '吕'] AS sn,
     ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀', '霞', '平',
      '刚', '桂', '英', '华', '玉', '兰', '文', '红', '建', '国', '志', '海', '云', '春', '梅', '鹏', '辉', '斌', '宁', '琳'] AS gn
UNWIND range(1, 2) AS k
WITH u, k, sn, gn, 70000 + u.seq * 10 + k AS n
MATCH (c:Community {seq: (u.seq * 5 + k * 4) % 17})
CREATE (p:Person {
  code: 'RY' + toString(n),
  name: sn[(n * 7 + n / 13) % 40] + gn[(n * 11) % 40] + CASE WHEN n % 3 = 0 THEN '' ELSE gn[(n * 17 + 5) % 40] END,
  gender: CASE WHEN n % 2 = 0 THEN 'FEMALE' ELSE 'MALE' END,
  phone: '000-0007-' + right('0000' + toString(n % 10000), 4)})
CREATE (p)-[:EMPLOYED_BY {since: date('2012-01-01'), title: '在职党员'}]->(u)
CREATE (p)-[:REGISTERED_AT {since: date('2020-06-01')}]->(c);

// -- Commercial buildings and markets, in grids ----------------------------------------------
UNWIND [
  ['GZ-DJ-SL01', '东街金融大厦', 'CommercialBuilding', 'GZ-DJ-C01-G02'],
  ['GZ-DJ-SL02', '鼓楼商务中心', 'CommercialBuilding', 'GZ-DJ-C06-G01'],
  ['GZ-DJ-SL03', '丝路国际大厦', 'CommercialBuilding', 'GZ-DJ-C09-G04'],
  ['GZ-DJ-SL04', '甘州科技创业园', 'CommercialBuilding', 'GZ-DJ-C12-G03'],
  ['GZ-DJ-SC01', '东街农贸市场', 'Market', 'GZ-DJ-C02-G05'],
  ['GZ-DJ-SC02', '南关商圈步行街', 'Market', 'GZ-DJ-C03-G01'],
  ['GZ-DJ-SC03', '长安小商品市场', 'Market', 'GZ-DJ-C05-G06']
] AS row
MATCH (g:Grid {code: row[3]})
CREATE (site:Area {code: row[0], name: row[1]})
CREATE (g)-[:HAS {since: date('2019-06-01')}]->(site)
FOREACH (x IN CASE WHEN row[2] = 'Market' THEN [1] ELSE [] END | SET site:Market)
FOREACH (x IN CASE WHEN row[2] = 'CommercialBuilding' THEN [1] ELSE [] END | SET site:CommercialBuilding);

// -- 党建联盟: three alliances led by the street working committee; the third market is not yet
//    covered by any alliance or instructor (a gap for the coverage reports).
MATCH (w:StreetWorkingCommittee {code: 'GZ-DJ-DGW'})
UNWIND [
  ['GZ-DJ-LM01', '东街商务楼宇党建联盟', ['GZ-DJ-SL01', 'GZ-DJ-SL02'], [5, 8, 13, 15, 19]],
  ['GZ-DJ-LM02', '丝路创业园区党建联盟', ['GZ-DJ-SL03', 'GZ-DJ-SL04'], [7, 15, 16, 20]],
  ['GZ-DJ-LM03', '东街商圈市场党建联盟', ['GZ-DJ-SC01', 'GZ-DJ-SC02'], [2, 9, 13, 14, 17, 20]]
] AS row
CREATE (a:Alliance {code: row[0], name: row[1]})
CREATE (w)-[:LEADS {since: date('2020-04-01')}]->(a)
WITH a, row
CALL (a, row) {
  UNWIND row[2] AS siteCode
  MATCH (site:Area {code: siteCode})
  CREATE (a)-[:COVERS {since: date('2020-04-01')}]->(site)
}
CALL (a, row) {
  UNWIND row[3] AS unitSeq
  MATCH (u:Unit {seq: unitSeq})
  CREATE (u)-[:MEMBER_OF {since: date('2020-04-01')}]->(a)
};

// -- 党建指导员: party cadres sent to guide commercial buildings and markets ------------------
UNWIND [
  [60001, '马文军', 'MALE', ['GZ-DJ-SL01', 'GZ-DJ-SL02']],
  [60002, '郑丽娟', 'FEMALE', ['GZ-DJ-SL03']],
  [60003, '冯志海', 'MALE', ['GZ-DJ-SC01']],
  [60004, '韩春梅', 'FEMALE', ['GZ-DJ-SL04', 'GZ-DJ-SC02']]
] AS row
CREATE (p:Person {code: 'RY' + toString(row[0]), name: row[1], gender: row[2],
                  phone: '000-0006-' + right('0000' + toString(row[0] % 10000), 4)})
WITH p, row
UNWIND row[3] AS siteCode
MATCH (site:Area {code: siteCode})
CREATE (p)-[:INSTRUCTS {since: date('2020-04-15')}]->(site);

// -- History, so that coverage can be asked as of an earlier day (changes end relationships
//    with `until` rather than delete them).
// 泰安社区 (C16) had 4 grids until it re-divided them into today's 6 on 2021-01-01.
MATCH (c:Community {code: 'GZ-DJ-C16'})
UNWIND range(1, 4) AS j
CREATE (old:Grid:Area {code: 'GZ-DJ-C16-J0' + toString(j), name: '泰安社区原第' + toString(j) + '网格'})
CREATE (c)-[:HAS {since: date('2019-06-01'), until: date('2021-01-01')}]->(old)
WITH old, j
MATCH (gb:GridBranch {code: 'GZ-DJ-C16-ZB0' + toString((j - 1) / 2 + 1)})
CREATE (gb)-[:COVERS {since: date('2019-09-01'), until: date('2021-01-01')}]->(old);

MATCH (:Community {code: 'GZ-DJ-C16'})-[h:HAS]->(g:Grid)
WHERE h.until IS NULL
SET h.since = date('2021-01-01');

MATCH (g:Grid)<-[r:COVERS|WORKS_FOR]-()
WHERE g.code STARTS WITH 'GZ-DJ-C16-G'
SET r.since = date('2021-01-01');

MATCH (g:Grid)-[h:HAS]->(b:Building)
WHERE g.code STARTS WITH 'GZ-DJ-C16-G'
SET h.since = date('2021-01-01')
WITH g, b
MATCH (old:Grid {code: 'GZ-DJ-C16-J0' + toString((toInteger(right(g.code, 1)) - 1) * 4 / 6 + 1)})
CREATE (old)-[:HAS {since: date('2019-06-01'), until: date('2021-01-01')}]->(b);

// 丰乐社区 (C17) set up its second grid branch, with its groups, only on 2021-06-01.
MATCH (gb:GridBranch {code: 'GZ-DJ-C17-ZB02'})
OPTIONAL MATCH (gb)-[r1:COVERS]->(:Grid)
OPTIONAL MATCH (:CommunityCommittee)-[r2:LEADS]->(gb)
OPTIONAL MATCH (gb)-[r3:LEADS]->(:BuildingGroup)
OPTIONAL MATCH (gb)-[:LEADS]->(:BuildingGroup)-[r4:COVERS]->(:Building)
WITH collect(DISTINCT r1) + collect(DISTINCT r2) + collect(DISTINCT r3) + collect(DISTINCT r4) AS changed
FOREACH (r IN changed | SET r.since = date('2021-06-01'));

// -- Terms (换届): community committees are elected for 5 years, other branches for 3
//    (支部工作条例第二十一条); the dates spread so that some terms run out soon and some are overdue.
MATCH (cc:CommunityCommittee)
SET cc.electedOn = date('2022-01-10') + duration({days: cc.seq * 45});

MATCH (gb:GridBranch)
SET gb.electedOn = date('2023-11-01') + duration({days: (gb.seq * 29) % 900});

// -- A few deliberate findings for the health checks (changes end posts, they are not deleted):
// a branch secretary left and the post is vacant,
MATCH (:GridBranch {code: 'GZ-DJ-C12-ZB03'})<-[h:HOLDS {role: 'SECRETARY'}]-()
SET h.until = date('2026-09-30');

// a branch committee lost its discipline member,
MATCH (:GridBranch {code: 'GZ-DJ-C10-ZB01'})<-[h:HOLDS {title: '纪检委员'}]-()
SET h.until = date('2026-06-30');

// a building group lost its leader,
MATCH (:BuildingGroup {code: 'GZ-DJ-C07-ZB02-XZ02'})<-[h:HOLDS {role: 'GROUP_LEADER'}]-()
SET h.until = date('2026-08-31');

// a community committee has let its term run out without an election,
MATCH (cc:CommunityCommittee {code: 'GZ-DJ-C15-SQDW'})
SET cc.electedOn = date('2021-09-15');

// and a grid worker who is not a party member took over as a building's head.
MATCH (b:Building {code: 'GZ-DJ-C03-G02-B01'})<-[h:HEAD_OF]-(member:Person)
MATCH (worker:Person)-[:WORKS_FOR]->(:Grid {code: 'GZ-DJ-C03-G02'})
SET h.until = date('2024-05-01')
CREATE (worker)-[:HEAD_OF {since: date('2024-05-01')}]->(b);

// -- Made-up ID numbers (身份证号), all starting with 000000 as the phone numbers start with 000 --
MATCH (p:Person)
SET p.idNumber = '000000' + right('000000000000' + substring(p.code, 2), 12);

// -- The sequence numbers were only for generating ------------------------------------------
MATCH (n) WHERE n.seq IS NOT NULL
REMOVE n.seq;
