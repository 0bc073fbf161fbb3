package org.partynet.neo4j;

import java.net.URI;

import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.SecurityException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;

/**
 * The external Neo4j refused the service's user or could not be reached at start: what
 * went wrong, with the address and the user, and which settings to fix. It never holds
 * the password. {@link DatabaseFailureAnalyzer} shows it on the console without a stack
 * trace.
 */
public class DatabaseUnreachableException extends RuntimeException {

	private final String action;

	private DatabaseUnreachableException(String description, String action, Throwable cause) {
		super(description, cause);
		this.action = action;
	}

	/** What to change so that the next start works. */
	public String action() {
		return this.action;
	}

	/**
	 * The exception for a failure of the driver during the database's setup, or null when
	 * the failure is something else (a faulty migration, say), which keeps its own
	 * message.
	 */
	static DatabaseUnreachableException of(Throwable failure, String uri, String username) {
		String where = printable(uri);
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof AuthenticationException || cause instanceof SecurityException) {
				return new DatabaseUnreachableException(
						"Neo4j %s 拒绝了用户 '%s' 的登录：用户名或密码不对。 / Neo4j at %s refused user '%s': the user name or the password is wrong."
							.formatted(where, username, where, username),
						"""
								设置环境变量 NEO4J_USERNAME 和 NEO4J_PASSWORD（或属性 spring.neo4j.authentication.username 和 password）为该服务器上的用户和密码，然后重新启动。
								Set the environment variables NEO4J_USERNAME and NEO4J_PASSWORD (or the properties spring.neo4j.authentication.username and password) to a user of that server and its password, then start again."""
							.strip(),
						failure);
			}
			if (cause instanceof ServiceUnavailableException) {
				return new DatabaseUnreachableException(
						"无法连接 Neo4j %s（用户 '%s'）：%s / Cannot reach Neo4j at %s (user '%s'): %s".formatted(where,
								username, cause.getMessage(), where, username, cause.getMessage()),
						"""
								检查环境变量 NEO4J_URI（或属性 spring.neo4j.uri）的地址和端口，以及该 Neo4j 服务器是否已启动、防火墙是否放行 Bolt 端口；不设 NEO4J_URI 则使用内嵌数据库。
								Check the address and port in the environment variable NEO4J_URI (or the property spring.neo4j.uri), that the Neo4j server runs and that its Bolt port is open to this machine; leave NEO4J_URI unset for the embedded database."""
							.strip(),
						failure);
			}
		}
		return null;
	}

	/** The address without any user information a URI may carry. */
	private static String printable(String uri) {
		try {
			URI parsed = URI.create(uri);
			if (parsed.getUserInfo() == null) {
				return uri;
			}
			return new URI(parsed.getScheme(), null, parsed.getHost(), parsed.getPort(), parsed.getPath(),
					parsed.getQuery(), parsed.getFragment())
				.toString();
		}
		catch (IllegalArgumentException | java.net.URISyntaxException ex) {
			return "(NEO4J_URI)";
		}
	}

}
