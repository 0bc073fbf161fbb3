package org.partynet.neo4j;

import java.util.Set;

import org.neo4j.driver.NotificationClassification;

import org.springframework.boot.neo4j.autoconfigure.ConfigBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The server is not asked for notifications of unknown labels, relationship types and
 * properties. Our statements name properties (such as a relationship's {@code until})
 * that a young network has not used yet, so nearly every statement drew one; the server
 * computed it, and Spring Data Neo4j formatted it for a log that discarded it: a quarter
 * of the CPU of a community's linkages (docs/adr/0019-speed-ii.md). Every other kind of
 * notification (performance, deprecation) still comes and is logged.
 */
@Configuration(proxyBeanMethods = false)
class DriverNotifications {

	@Bean
	ConfigBuilderCustomizer noUnrecognizedNotifications() {
		return builder -> builder
			.withDisabledNotificationClassifications(Set.of(NotificationClassification.UNRECOGNIZED));
	}

}
