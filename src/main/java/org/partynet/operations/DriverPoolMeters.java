package org.partynet.operations;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.neo4j.driver.observation.metrics.ConnectionPoolMetrics;
import org.neo4j.driver.observation.metrics.MetricsObservationProvider;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;

/**
 * The Neo4j driver's connection pools as meters, {@code partynet.neo4j.pool.*} tagged by
 * the pool's id (the server's address): connections in use, idle, being created, and
 * requests waiting for one; counters of connections acquired, created, closed, failed to
 * create and timed out waiting. A pool exists only from its first connection, and a
 * cluster adds pools as its members change, so pools are looked for at start and every
 * {@value #EVERY_SECONDS} seconds.
 */
class DriverPoolMeters implements MeterBinder, AutoCloseable {

	static final String PREFIX = "partynet.neo4j.pool.";

	private static final int EVERY_SECONDS = 15;

	private final MetricsObservationProvider metrics;

	private final Set<String> bound = ConcurrentHashMap.newKeySet();

	private final ScheduledExecutorService looking = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "driver-pool-meters");
		thread.setDaemon(true);
		return thread;
	});

	private volatile MeterRegistry registry;

	DriverPoolMeters(MetricsObservationProvider metrics) {
		this.metrics = metrics;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.registry = registry;
		this.looking.scheduleWithFixedDelay(this::bindNewPools, EVERY_SECONDS, EVERY_SECONDS, TimeUnit.SECONDS);
	}

	/** After the startup line's statement, which opened the first connection. */
	@EventListener(ApplicationReadyEvent.class)
	@Order(StartupLine.ORDER + 1)
	void ready() {
		bindNewPools();
	}

	/** Registers the meters of every pool not seen before. */
	void bindNewPools() {
		MeterRegistry registry = this.registry;
		if (registry == null) {
			return;
		}
		for (ConnectionPoolMetrics pool : this.metrics.metrics().connectionPoolMetrics()) {
			String id = pool.id();
			if (!this.bound.add(id)) {
				continue;
			}
			gauge(registry, id, "in.use", "connections in use", ConnectionPoolMetrics::inUse);
			gauge(registry, id, "idle", "idle connections", ConnectionPoolMetrics::idle);
			gauge(registry, id, "creating", "connections being created", ConnectionPoolMetrics::creating);
			gauge(registry, id, "acquiring", "requests waiting for a connection", ConnectionPoolMetrics::acquiring);
			counter(registry, id, "acquired", "connections handed out", ConnectionPoolMetrics::acquired);
			counter(registry, id, "created", "connections created", ConnectionPoolMetrics::created);
			counter(registry, id, "closed", "connections closed", ConnectionPoolMetrics::closed);
			counter(registry, id, "failed.to.create", "connections that could not be created",
					ConnectionPoolMetrics::failedToCreate);
			counter(registry, id, "timed.out.to.acquire", "requests that gave up waiting for a connection",
					ConnectionPoolMetrics::timedOutToAcquire);
		}
	}

	private void gauge(MeterRegistry registry, String id, String name, String description,
			ToDoubleFunction<ConnectionPoolMetrics> figure) {
		Gauge.builder(PREFIX + name, this, meters -> meters.figure(id, figure))
			.description("Neo4j driver: " + description)
			.tag("pool", id)
			.register(registry);
	}

	private void counter(MeterRegistry registry, String id, String name, String description,
			ToDoubleFunction<ConnectionPoolMetrics> figure) {
		FunctionCounter.builder(PREFIX + name, this, meters -> meters.figure(id, figure))
			.description("Neo4j driver: " + description)
			.tag("pool", id)
			.register(registry);
	}

	private double figure(String id, ToDoubleFunction<ConnectionPoolMetrics> figure) {
		for (ConnectionPoolMetrics pool : this.metrics.metrics().connectionPoolMetrics()) {
			if (pool.id().equals(id)) {
				return figure.applyAsDouble(pool);
			}
		}
		// the pool is gone (a cluster member left)
		return Double.NaN;
	}

	@Override
	public void close() {
		this.looking.shutdownNow();
	}

}
