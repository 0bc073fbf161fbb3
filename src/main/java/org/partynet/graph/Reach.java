package org.partynet.graph;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.neo4j.driver.Record;
import org.neo4j.driver.types.Node;

import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * What a secretary may read: the one place the rule is written (README, "Access
 * control"). The secretary's person currently holds posts (书记, 副书记, as configured) in
 * some organizations, the roots; none, and the reach is empty. For each root: itself and
 * the organizations it leads; the areas it governs or covers and everything inside them;
 * and the people, units, alliances and institutions with a current link into those, the
 * units employing one of those people, and the member units of alliances covering one of
 * its areas.
 *
 * <p>
 * Computed by one statement from the secretary's person outwards and kept until the next
 * write ({@link #changed()}) or for {@link #LIFETIME} at most, so that a write by another
 * instance reaches this one soon: a post that ends or starts changes what the account
 * reads on its next request, with no change to the account.
 */
final class Reach {

	static final Duration LIFETIME = Duration.ofSeconds(30);

	// Relationships of the audit trail and of bookkeeping do not make a node part of the
	// network.
	private static final String REACH = """
			OPTIONAL MATCH (person:Person {code: $person})-[:HOLDS]->(root:PartyOrganization)
			WHERE %s
			WITH DISTINCT root
			// highest level first: the pages open the first
			WITH root, COUNT { (root)(()<-[l:LEADS WHERE l.until IS NULL]-(:PartyOrganization)){1,5}(:PartyOrganization) } AS depth
			ORDER BY depth, root.code
			WITH collect(root) AS roots
			CALL (roots) {
			  UNWIND roots AS root
			  MATCH (root)(()-[l:LEADS WHERE l.until IS NULL]->(:PartyOrganization)){0,4}(o:PartyOrganization)
			  RETURN collect(DISTINCT o) AS orgs
			}
			CALL (roots) {
			  UNWIND roots AS root
			  OPTIONAL MATCH (root)-[g:GOVERNS|COVERS WHERE g.until IS NULL]->(:Area)(()-[h:HAS WHERE h.until IS NULL]->(:Area)){0,5}(a:Area)
			  RETURN collect(DISTINCT a) AS areas
			}
			CALL (orgs, areas) {
			  UNWIND orgs + areas AS x
			  MATCH (x)<-[r WHERE r.until IS NULL AND NOT type(r) IN ['LEADS', 'AFFECTED']]-(n)
			  WHERE NOT (n:Area OR n:PartyOrganization)
			  RETURN collect(DISTINCT n) AS linked
			}
			CALL (linked, areas) {
			  CALL (linked, areas) {
			    UNWIND linked AS p
			    MATCH (p:Person)-[e:EMPLOYED_BY WHERE e.until IS NULL]->(n:Unit)
			    RETURN n
			    UNION
			    UNWIND areas AS a
			    MATCH (a)<-[c:COVERS WHERE c.until IS NULL]-(:Alliance)<-[m:MEMBER_OF WHERE m.until IS NULL]-(n:Unit)
			    RETURN n
			  }
			  RETURN collect(DISTINCT n) AS units
			}
			RETURN [x IN orgs + areas + linked | elementId(x)] + [u IN units | elementId(u)] AS nodes,
			       [x IN orgs + areas | x.code] AS places,
			       [r IN roots | r.code] AS roots
			"""
		.formatted(Statement.holdsSecretaryPost("person", "root"));

	private final Neo4jClient neo4j;

	private final List<String> posts;

	private final AtomicLong writes = new AtomicLong();

	private final Map<String, Entry> cache = new ConcurrentHashMap<>();

	Reach(Neo4jClient neo4j, List<String> posts) {
		this.neo4j = neo4j;
		this.posts = List.copyOf(posts);
	}

	/** The reach of the person with this code; empty when they hold no such post. */
	Of of(String within) {
		long epoch = this.writes.get();
		long now = System.nanoTime();
		Entry entry = this.cache.get(within);
		if (entry != null && entry.epoch == epoch && now - entry.at < LIFETIME.toNanos()) {
			return entry.reach;
		}
		Of reach = compute(within);
		if (this.cache.size() > 10_000) {
			// bounded: at most one entry per organization of a secretary who signed in
			this.cache.clear();
		}
		this.cache.put(within, new Entry(reach, epoch, now));
		return reach;
	}

	/** A write began or ended: every reach may have changed. */
	void changed() {
		this.writes.incrementAndGet();
	}

	private Of compute(String within) {
		return this.neo4j.query(REACH)
			.bind(within)
			.to("person")
			.bind(this.posts)
			.to("posts")
			.fetchAs(Of.class)
			.mappedBy((types, row) -> of(row))
			.one()
			.orElse(new Of(Set.of(), Set.of(), List.of()));
	}

	private static Of of(Record row) {
		return new Of(new HashSet<>(row.get("nodes").asList(value -> value.asString())),
				new HashSet<>(row.get("places").asList(value -> value.asString())),
				row.get("roots").asList(value -> value.asString()));
	}

	/**
	 * One secretary's reach.
	 *
	 * @param nodes the element ids of every node in it
	 * @param places the codes of its areas and organizations, which scopes name
	 * @param roots the codes of the organizations in which the person holds a post
	 */
	record Of(Set<String> nodes, Set<String> places, List<String> roots) {

		boolean contains(Node node) {
			return this.nodes.contains(node.elementId());
		}

	}

	private record Entry(Of reach, long epoch, long at) {
	}

}
