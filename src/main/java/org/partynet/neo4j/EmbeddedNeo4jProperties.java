package org.partynet.neo4j;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The in-process Neo4j that runs when no {@code spring.neo4j.uri} is configured.
 *
 * @param dataDir where the store lives; it survives restarts
 * @param boltHost the address the Bolt connector listens on; {@code localhost} keeps it
 * private to this machine, so Neo4j Browser or cypher-shell on the same machine can open
 * the database
 * @param boltPort the Bolt port; 0 picks a free one (tests)
 * @param pageCache the page cache size (for example {@code 128MB})
 * @param minFreeDisk the free disk below which the store's volume makes the service not
 * ready ({@code /actuator/health/readiness}): Neo4j stops writing on a full disk, and an
 * import or a backup needs room
 */
@ConfigurationProperties("partynet.embedded")
public record EmbeddedNeo4jProperties(@DefaultValue("./data") Path dataDir, @DefaultValue("localhost") String boltHost,
		@DefaultValue("7687") int boltPort, @DefaultValue("128MB") DataSize pageCache,
		@DefaultValue("500MB") DataSize minFreeDisk) {
}
