package org.partynet.graph;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.harness.Neo4j;
import org.partynet.support.ApplicationTest;
import org.partynet.support.InProcessNeo4j;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every named statement of the service, EXPLAINed against an empty database: a statement
 * that does not parse or plan fails the build here, not a user. The statements are found,
 * not listed: every static {@link Statement} of a main class, alone or in a map, list or
 * array.
 */
@ApplicationTest
class StatementsExplainTests {

	// A %s placeholder stands for a label or type, or for a bound after "..", LIMIT, SKIP
	// or "*"; %d for a bound.
	private static final Pattern PLACEHOLDER = Pattern.compile("(\\.\\.|LIMIT |SKIP |\\*)?%s|%d");

	private static Neo4j neo4j;

	private static Driver driver;

	@BeforeAll
	static void start() {
		neo4j = InProcessNeo4j.fresh();
		driver = GraphDatabase.driver(neo4j.boltURI(), AuthTokens.none());
	}

	@AfterAll
	static void stop() {
		driver.close();
		neo4j.close();
	}

	@Test
	void every_statement_plans() throws Exception {
		Map<String, Statement> statements = statements();
		assertThat(statements).hasSizeGreaterThan(40);
		List<String> broken = new ArrayList<>();
		try (Session session = driver.session()) {
			statements.forEach((name, statement) -> {
				try {
					session.run("EXPLAIN " + filled(statement.cypher())).consume();
				}
				catch (RuntimeException ex) {
					broken.add(name + ": " + ex.getMessage());
				}
			});
		}
		assertThat(broken).isEmpty();
	}

	/**
	 * The statement with its code-given placeholders filled by values of the right shape.
	 */
	static String filled(String cypher) {
		Matcher matcher = PLACEHOLDER.matcher(cypher);
		StringBuilder filled = new StringBuilder();
		while (matcher.find()) {
			String before = matcher.group(1);
			String value = matcher.group().equals("%d") ? "2" : (before == null) ? "Grid" : before + "2";
			matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(filled);
		return filled.toString();
	}

	/** Every static statement of the main classes, by its declaring class and field. */
	static Map<String, Statement> statements() throws Exception {
		Map<String, Statement> statements = new TreeMap<>();
		for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("org.partynet")) {
			Class<?> loaded = Class.forName(type.getName(), true, StatementsExplainTests.class.getClassLoader());
			for (Field field : loaded.getDeclaredFields()) {
				if (!Modifier.isStatic(field.getModifiers()) || field.isSynthetic()) {
					continue;
				}
				field.setAccessible(true);
				collect(type.getSimpleName() + "." + field.getName(), field.get(null), statements);
			}
		}
		return statements;
	}

	private static void collect(String name, Object value, Map<String, Statement> statements) {
		if (value instanceof Statement statement) {
			statements.put(name + " (" + statement.name() + ")", statement);
		}
		else if (value instanceof Map<?, ?> map) {
			map.forEach((key, entry) -> collect(name + "[" + key + "]", entry, statements));
		}
		else if (value instanceof Collection<?> collection) {
			int i = 0;
			for (Object entry : collection) {
				collect(name + "[" + i++ + "]", entry, statements);
			}
		}
		else if (value instanceof Statement[] array) {
			for (int i = 0; i < array.length; i++) {
				collect(name + "[" + i + "]", array[i], statements);
			}
		}
	}

}
