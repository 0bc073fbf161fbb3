package org.partynet.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Query;
import org.neo4j.driver.exceptions.TransientException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;

/**
 * Makes Neo4j fail as it does under load, by wrapping the driver: the next statements
 * whose Cypher contains a given text, or the next commits, throw the error given, before
 * reaching the database. The application sees what the driver would throw (and Spring
 * would translate); nothing in the application knows it is being tested.
 */
public final class FaultInjector {

	private volatile String containing;

	private final AtomicInteger toSkip = new AtomicInteger();

	private final AtomicInteger failuresLeft = new AtomicInteger();

	private final AtomicInteger commitFailuresLeft = new AtomicInteger();

	private volatile Supplier<RuntimeException> error = FaultInjector::outdated;

	private final AtomicInteger matching = new AtomicInteger();

	private final AtomicInteger transactions = new AtomicInteger();

	/** What Neo4j answers a read that saw state a concurrent write invalidated. */
	public static TransientException outdated() {
		return new TransientException("Neo.TransientError.Transaction.Outdated",
				"Transaction has seen state which has been invalidated by applied updates while transaction was active. "
						+ "Transaction may succeed if retried. (injected by a test)");
	}

	/** Clears every rule and count. */
	public void reset() {
		this.containing = null;
		this.toSkip.set(0);
		this.failuresLeft.set(0);
		this.commitFailuresLeft.set(0);
		this.matching.set(0);
		this.transactions.set(0);
		this.error = FaultInjector::outdated;
	}

	/**
	 * After {@code skip} statements containing {@code text}, the next {@code times} such
	 * statements throw {@code error}. Starts the counts afresh.
	 */
	public void failStatements(String text, int skip, int times, Supplier<RuntimeException> error) {
		reset();
		this.containing = text;
		this.error = error;
		this.toSkip.set(skip);
		this.failuresLeft.set(times);
	}

	/**
	 * The next {@code times} commits of an explicit transaction throw {@code error}.
	 * Starts the counts afresh.
	 */
	public void failCommits(int times, Supplier<RuntimeException> error) {
		reset();
		this.error = error;
		this.commitFailuresLeft.set(times);
	}

	/**
	 * Statements containing the text of {@link #failStatements} run (or failed) since it
	 * was set.
	 */
	public int matching() {
		return this.matching.get();
	}

	/** Explicit transactions begun since the last reset. */
	public int transactions() {
		return this.transactions.get();
	}

	Object wrap(Object target) {
		Class<?>[] interfaces = Arrays.stream(ClassUtils.getAllInterfacesForClass(target.getClass()))
			.filter(type -> type.getPackageName().equals("org.neo4j.driver"))
			.toArray(Class<?>[]::new);
		if (interfaces.length == 0) {
			return target;
		}
		return Proxy.newProxyInstance(getClass().getClassLoader(), interfaces, (proxy, method, args) -> {
			if (method.getName().equals("run") && args != null && args.length > 0) {
				String text = (args[0] instanceof Query query) ? query.text() : String.valueOf(args[0]);
				String wanted = this.containing;
				if (wanted != null && text.contains(wanted)) {
					this.matching.incrementAndGet();
					if (this.toSkip.getAndUpdate(left -> Math.max(0, left - 1)) == 0
							&& this.failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
						throw this.error.get();
					}
				}
			}
			if (method.getName().equals("commit")
					&& this.commitFailuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
				// as a server that refused the commit: the transaction is rolled back
				((org.neo4j.driver.Transaction) target).rollback();
				throw this.error.get();
			}
			if (method.getName().equals("beginTransaction")) {
				this.transactions.incrementAndGet();
			}
			Object result = invoke(target, method, args);
			boolean handsOutRunner = result != null && !method.getName().equals("run")
					&& (method.getName().startsWith("session") || method.getName().equals("beginTransaction"));
			return handsOutRunner ? wrap(result) : result;
		});
	}

	private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		FaultInjector faultInjector() {
			return new FaultInjector();
		}

		@Bean
		static BeanPostProcessor faultyDriver(ObjectProvider<FaultInjector> injector) {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					return (bean instanceof Driver) ? injector.getObject().wrap(bean) : bean;
				}
			};
		}

	}

}
