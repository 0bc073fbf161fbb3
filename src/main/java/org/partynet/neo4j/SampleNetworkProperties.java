package org.partynet.neo4j;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the sample network ({@code cypher/sample-network.cypher}) is loaded. It only ever
 * goes into an empty database (one without areas), so a restart never loads it twice.
 *
 * @param enabled load it on the embedded default's first start
 * @param external also load it into an empty external database; off, so that pointing the
 * service at a real database never fills it with sample data unasked
 */
@ConfigurationProperties("partynet.sample")
public record SampleNetworkProperties(@DefaultValue("true") boolean enabled, @DefaultValue("false") boolean external) {
}
