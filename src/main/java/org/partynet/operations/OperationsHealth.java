package org.partynet.operations;

import java.util.ArrayList;
import java.util.List;

import org.partynet.neo4j.EmbeddedNeo4jServer;
import org.partynet.neo4j.StoreSchema;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.health.application.DiskSpaceHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service's own readiness checks beside Boot's Neo4j check: the schema is migrated as
 * far as this jar knows, and (for the embedded store only) its volume has room.
 * application.yml puts both in the {@code readiness} group.
 */
@Configuration(proxyBeanMethods = false)
class OperationsHealth {

	/**
	 * DOWN while a migration this jar carries is not applied: the code would run on a
	 * schema it does not expect (a start whose migration failed, or another instance
	 * still migrating a shared database).
	 */
	@Bean
	HealthIndicator migrationsHealthIndicator(StoreSchema schema) {
		return () -> {
			List<String> known = StoreSchema.known();
			List<String> applied = schema.applied();
			List<String> missing = new ArrayList<>(known);
			missing.removeAll(applied);
			Health.Builder health = missing.isEmpty() ? Health.up() : Health.down().withDetail("missing", missing);
			return health.withDetail("applied", applied.isEmpty() ? "none" : applied.get(applied.size() - 1))
				.withDetail("expected", (StoreSchema.latestKnown() != null) ? StoreSchema.latestKnown() : "none")
				.build();
		};
	}

	/**
	 * The free disk of the embedded store's volume; an external server watches its own.
	 * Registered on the same condition as the embedded server itself (no
	 * {@code spring.neo4j.uri}).
	 */
	@Bean
	@ConditionalOnExpression("'${spring.neo4j.uri:}'.isBlank()")
	HealthIndicator storeDiskHealthIndicator(EmbeddedNeo4jServer server) {
		return new DiskSpaceHealthIndicator(server.storePath().toFile(), server.minFreeDisk());
	}

}
