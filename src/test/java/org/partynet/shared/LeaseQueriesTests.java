package org.partynet.shared;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.neo4j.harness.Neo4j;
import org.partynet.support.InProcessNeo4j;
import org.partynet.support.QueryTestSupport;

import org.springframework.data.neo4j.core.transaction.Neo4jTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

class LeaseQueriesTests extends QueryTestSupport {

	private static final Neo4j neo4j = InProcessNeo4j.withFixture();

	private final LeaseQueries leases = new LeaseQueries(graph(neo4j),
			Neo4jTransactionManager.with(InProcessNeo4j.driver(neo4j)).build());

	@Test
	void one_holder_at_a_time_until_it_releases() {
		Optional<LeaseQueries.Lease> first = this.leases.acquire("test.one", "alice", Duration.ofMinutes(1));
		assertThat(first).isPresent();
		assertThat(this.leases.acquire("test.one", "bob", Duration.ofMinutes(1))).isEmpty();
		assertThat(this.leases.current("test.one")).get()
			.satisfies(lease -> assertThat(lease).containsEntry("holder", "alice")
				.containsEntry("instance", LeaseQueries.INSTANCE));
		assertThat(first.get().renew(Map.of("phase", "writing", "done", 5L))).isTrue();
		assertThat(this.leases.current("test.one")).get()
			.satisfies(lease -> assertThat(lease).containsEntry("phase", "writing").containsEntry("done", 5L));
		first.get().close();
		assertThat(this.leases.current("test.one")).isEmpty();
		assertThat(this.leases.acquire("test.one", "bob", Duration.ofMinutes(1))).isPresent();
	}

	@Test
	void an_expired_lease_is_taken_and_its_old_holder_cannot_renew_or_release_it() throws Exception {
		LeaseQueries.Lease stale = this.leases.acquire("test.expiry", "alice", Duration.ofMillis(50)).orElseThrow();
		Thread.sleep(100);
		assertThat(this.leases.current("test.expiry")).isEmpty();
		LeaseQueries.Lease fresh = this.leases.acquire("test.expiry", "bob", Duration.ofMinutes(1)).orElseThrow();
		assertThat(stale.renew(Map.of("phase", "late"))).isFalse();
		stale.close();
		assertThat(this.leases.current("test.expiry")).get()
			.satisfies(lease -> assertThat(lease).containsEntry("holder", "bob"));
		fresh.close();
	}

}
