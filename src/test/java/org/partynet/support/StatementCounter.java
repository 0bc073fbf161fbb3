package org.partynet.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

import org.neo4j.driver.Driver;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;

/**
 * Counts the Cypher statements and transactions the application sends, by wrapping the
 * driver: every {@code run} on a session or transaction it hands out is one statement.
 */
public final class StatementCounter {

	private final AtomicInteger count = new AtomicInteger();

	private final AtomicInteger transactions = new AtomicInteger();

	public void reset() {
		this.count.set(0);
		this.transactions.set(0);
	}

	/** Statements run since the last reset. */
	public int count() {
		return this.count.get();
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
			if (method.getName().equals("run")) {
				this.count.incrementAndGet();
			}
			if (method.getName().equals("beginTransaction")) {
				this.transactions.incrementAndGet();
			}
			Object result;
			try {
				result = method.invoke(target, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
			boolean handsOutRunner = result != null && !method.getName().equals("run")
					&& (method.getName().startsWith("session") || method.getName().equals("beginTransaction"));
			return handsOutRunner ? wrap(result) : result;
		});
	}

	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		StatementCounter statementCounter() {
			return new StatementCounter();
		}

		@Bean
		static BeanPostProcessor countingDriver(
				org.springframework.beans.factory.ObjectProvider<StatementCounter> counter) {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					return (bean instanceof Driver) ? counter.getObject().wrap(bean) : bean;
				}
			};
		}

	}

}
