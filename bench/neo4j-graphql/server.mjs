// The peer of the scale benchmark: @neo4j/graphql 7 serving type definitions equivalent to ours
// (the questions the benchmark asks) against the same Neo4j. Started by ScaleBenchmark:
//   node server.mjs <bolt uri> <port>
// Coverage, linkages and search are @cypher fields with the same Cypher as ours; the tree and the
// look-up are what the library generates from the model.
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import neo4j from 'neo4j-driver';

const [uri = 'bolt://localhost:7687', port = '4000'] = process.argv.slice(2);

const typeDefs = /* GraphQL */ `
  type Organization @node(labels: ["PartyOrganization"]) {
    code: String!
    name: String!
    children: [Organization!]! @relationship(type: "LEADS", direction: OUT)
    secretary: Person @cypher(statement: "MATCH (this)<-[:HOLDS {role: 'SECRETARY'}]-(p:Person) RETURN p LIMIT 1", columnName: "p")
    members: Int! @cypher(statement: "RETURN COUNT { (this)<-[:MEMBER_OF]-(:Person) } AS n", columnName: "n")
    buildingHeads: [Person!]! @cypher(statement: "MATCH (this)-[:COVERS]->(:Building)<-[:HEAD_OF]-(p:Person) RETURN DISTINCT p", columnName: "p")
  }

  type Person @node {
    code: String!
    name: String!
  }

  type Unit @node {
    code: String!
    name: String!
    category: String!
  }

  type Area @node {
    code: String!
    name: String!
  }

  type Query {
    "The six coverage figures of an area and everything in it, as ours counts them (the same Cypher): [grids, covered, dual, buildings, grouped, headed, sites, covered, communities, organized]."
    coverage(code: String!): [Int!]! @cypher(statement: """
      WITH date() AS asOf
      MATCH (top:Area {code: $code})
      MATCH (top)(()-[h:HAS WHERE h.since <= asOf AND (h.until IS NULL OR h.until > asOf)]->()){0,5}(a:Area)
      WITH asOf, collect(DISTINCT a) AS areas
      WITH asOf, [a IN areas WHERE a:Grid] AS grids, [a IN areas WHERE a:Building] AS buildings,
           [a IN areas WHERE a:CommercialBuilding OR a:Market] AS sites, [a IN areas WHERE a:Community] AS communities
      RETURN [size(grids),
              size([g IN grids WHERE EXISTS { (g)<-[r:COVERS]-(:GridBranch) WHERE r.since <= asOf AND (r.until IS NULL OR r.until > asOf) }]),
              size([g IN grids WHERE EXISTS { (g)<-[r:COVERS]-(:GridBranch) WHERE r.since <= asOf AND (r.until IS NULL OR r.until > asOf) }
                    AND EXISTS { (g)<-[w:WORKS_FOR]-(:Person) WHERE w.since <= asOf AND (w.until IS NULL OR w.until > asOf) }]),
              size(buildings),
              size([b IN buildings WHERE EXISTS { (b)<-[r:COVERS]-(:BuildingGroup) WHERE r.since <= asOf AND (r.until IS NULL OR r.until > asOf) }]),
              size([b IN buildings WHERE EXISTS { (b)<-[r:HEAD_OF]-(:Person) WHERE r.since <= asOf AND (r.until IS NULL OR r.until > asOf) }]),
              size(sites),
              size([s IN sites WHERE EXISTS { (s)<-[r:COVERS]-(:Alliance) WHERE r.since <= asOf AND (r.until IS NULL OR r.until > asOf) }
                    OR EXISTS { (s)<-[i:INSTRUCTS]-(:Person) WHERE i.since <= asOf AND (i.until IS NULL OR i.until > asOf) }]),
              size(communities),
              size([c IN communities WHERE EXISTS { (c)<-[r:GOVERNS]-(:CommunityCommittee) WHERE r.since <= asOf AND (r.until IS NULL OR r.until > asOf) }])] AS figures
    """, columnName: "figures")
    "Outside units linked to a community (part-time members, co-building, registration, alliances)."
    linkedUnits(code: String!): [Unit!]! @cypher(statement: """
      MATCH (c:Community {code: $code})
      CALL (c) {
        MATCH (c)<-[:GOVERNS]-(:CommunityCommittee)<-[:HOLDS {role: 'PART_TIME_MEMBER'}]-(:Person)-[:EMPLOYED_BY]->(u:Unit) RETURN u
        UNION MATCH (c)<-[:GOVERNS]-(:CommunityCommittee)<-[:CO_BUILDS]-(u:Unit) RETURN u
        UNION MATCH (c)<-[:REGISTERED_AT]-(u:Unit) RETURN u
        UNION MATCH (c)<-[:REGISTERED_AT]-(:Person)-[:EMPLOYED_BY]->(u:Unit) RETURN u
        UNION MATCH (c)-[:HAS]->(:Grid)-[:HAS]->(:CommercialBuilding|Market)<-[:COVERS]-(:Alliance)<-[:MEMBER_OF]-(u:Unit) RETURN u
      }
      RETURN u ORDER BY u.code
    """, columnName: "u")
    "People whose name matches, ranked (the same full-text index)."
    searchPeople(text: String!, first: Int!): [Person!]! @cypher(statement: """
      CALL db.index.fulltext.queryNodes('name_fulltext', $text, {limit: $first}) YIELD node
      WITH node WHERE node:Person
      RETURN node
    """, columnName: "node")
  }
`;

const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', 'neo4j'));
const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
const server = new ApolloServer({ schema });
const { url } = await startStandaloneServer(server, { listen: { port: Number(port) } });
console.log(`@neo4j/graphql ready at ${url}`);
