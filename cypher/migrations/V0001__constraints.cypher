// Every node has a stable, unique, human-readable code (domain.md). One constraint per label,
// so that a look-up by label and code is an index seek and an import can upsert by code.
CREATE CONSTRAINT area_code IF NOT EXISTS FOR (n:Area) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT district_code IF NOT EXISTS FOR (n:District) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT street_code IF NOT EXISTS FOR (n:Street) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT community_code IF NOT EXISTS FOR (n:Community) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT grid_code IF NOT EXISTS FOR (n:Grid) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT building_code IF NOT EXISTS FOR (n:Building) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT commercial_building_code IF NOT EXISTS FOR (n:CommercialBuilding) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT market_code IF NOT EXISTS FOR (n:Market) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT party_organization_code IF NOT EXISTS FOR (n:PartyOrganization) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT street_working_committee_code IF NOT EXISTS FOR (n:StreetWorkingCommittee) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT community_committee_code IF NOT EXISTS FOR (n:CommunityCommittee) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT grid_branch_code IF NOT EXISTS FOR (n:GridBranch) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT building_group_code IF NOT EXISTS FOR (n:BuildingGroup) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT alliance_code IF NOT EXISTS FOR (n:Alliance) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT person_code IF NOT EXISTS FOR (n:Person) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT unit_code IF NOT EXISTS FOR (n:Unit) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT institution_code IF NOT EXISTS FOR (n:Institution) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT dataset_code IF NOT EXISTS FOR (n:Dataset) REQUIRE n.code IS UNIQUE;
