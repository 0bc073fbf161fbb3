package org.partynet.operations;

import java.time.Duration;

import org.neo4j.driver.observation.metrics.MetricsObservationProvider;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.neo4j.autoconfigure.ConfigBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * The request log's filter, first of all filters so that every line of a request carries
 * its id (Spring Security's included), and the driver's connection pool as gauges.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OperationsConfiguration.LoggingProperties.class)
class OperationsConfiguration {

	/**
	 * @param slowRequest a request that takes at least this long is logged at WARN
	 */
	@ConfigurationProperties("partynet.logging")
	record LoggingProperties(@DefaultValue("2s") Duration slowRequest) {
	}

	@Bean
	FilterRegistrationBean<RequestLog> requestLog(LoggingProperties properties) {
		FilterRegistrationBean<RequestLog> registration = new FilterRegistrationBean<>(
				new RequestLog(properties.slowRequest()));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/**
	 * Driver 6 keeps its connection pool figures out of the driver, in this observation
	 * provider: one per application, given to the driver Boot builds.
	 */
	@Bean
	MetricsObservationProvider driverMetrics() {
		return MetricsObservationProvider.newInstance();
	}

	@Bean
	ConfigBuilderCustomizer driverMetricsCustomizer(MetricsObservationProvider metrics) {
		return builder -> builder.withObservationProvider(metrics);
	}

	/**
	 * Spring Security wraps each of its filters in an observation of its own, a cost on
	 * every request (docs/adr/0019-speed-ii.md) for figures nobody reads: the HTTP and
	 * GraphQL timers, and the sign-in failure counter, say what matters.
	 */
	@Bean
	SecurityObservationSettings noSecurityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean(destroyMethod = "close")
	DriverPoolMeters driverPoolMeters(MetricsObservationProvider metrics) {
		return new DriverPoolMeters(metrics);
	}

}
