// Chinese names are searched by substring (“东湖” finds “东湖社区第二网格党支部”). A TEXT index
// (trigram-based in Neo4j 5) answers CONTAINS on any substring, which a word-based full-text
// analyzer does not do for Chinese without a dictionary. See docs/adr/0003-chinese-name-search.md.
CREATE TEXT INDEX area_name_text IF NOT EXISTS FOR (n:Area) ON (n.name);
CREATE TEXT INDEX party_organization_name_text IF NOT EXISTS FOR (n:PartyOrganization) ON (n.name);
CREATE TEXT INDEX person_name_text IF NOT EXISTS FOR (n:Person) ON (n.name);
CREATE TEXT INDEX unit_name_text IF NOT EXISTS FOR (n:Unit) ON (n.name);

// Ranked search across every kind of named thing, with the CJK (bigram) analyzer.
CREATE FULLTEXT INDEX name_fulltext IF NOT EXISTS
FOR (n:Area|PartyOrganization|Alliance|Person|Unit|Institution) ON EACH [n.name]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk' } };

// Roles are looked up by kind (every secretary, every part-time member).
CREATE INDEX holds_role IF NOT EXISTS FOR ()-[r:HOLDS]-() ON (r.role);
CREATE INDEX unit_category IF NOT EXISTS FOR (n:Unit) ON (n.category);
