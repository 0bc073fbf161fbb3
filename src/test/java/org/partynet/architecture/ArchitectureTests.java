package org.partynet.architecture;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.neo4j.driver.Driver;
import org.neo4j.driver.QueryRunner;
import org.neo4j.driver.Session;
import org.partynet.graph.Graph;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.data.neo4j.core.Neo4jTemplate;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/** Keeps the packages in their lanes. */
@AnalyzeClasses(packages = "org.partynet", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	/**
	 * The packages each package may use, from the bottom up: the model and the
	 * infrastructure know no feature; features use the layers below them and the features
	 * they show. A package not listed here fails {@link #every_package_is_listed}, so a
	 * new one is placed on purpose.
	 */
	static final Map<String, Set<String>> ALLOWED = Map.ofEntries(entry("model", Set.of()), entry("neo4j", Set.of()),
			entry("security", Set.of("model")), entry("report", Set.of()), entry("explorer", Set.of()),
			entry("orgchart", Set.of("graphql", "model", "report", "security")), entry("desk", Set.of()),
			entry("shared", Set.of("graph", "security")), entry("graphql", Set.of("model", "neo4j")),
			entry("graph", Set.of("graphql", "security")),
			entry("scope", Set.of("graph", "graphql", "model", "security")),
			entry("account",
					Set.of("audit", "change", "graph", "graphql", "model", "organization", "person", "report", "scope",
							"security")),
			entry("organization", Set.of("graph", "graphql", "model", "scope")),
			entry("area", Set.of("graph", "graphql", "model", "organization", "scope")),
			entry("unit", Set.of("area", "graph", "graphql", "organization")),
			entry("person", Set.of("area", "graph", "graphql", "model", "organization", "unit")),
			// coverage writes its gaps in the bulk import's format (the gaps workbook):
			// the
			// format stays bulk's and the gap rules coverage's; bulk knows nothing of
			// coverage
			entry("coverage", Set.of("area", "bulk", "graph", "graphql", "model", "organization", "report", "scope")),
			entry("health",
					Set.of("area", "coverage", "graph", "graphql", "organization", "person", "report", "scope")),
			entry("network",
					Set.of("area", "coverage", "graph", "graphql", "health", "model", "organization", "person", "scope",
							"security", "unit")),
			entry("linkage",
					Set.of("area", "graph", "graphql", "model", "network", "organization", "person", "report", "scope",
							"security", "unit")),
			entry("audit", Set.of("graph", "graphql", "model", "network", "scope", "security")),
			entry("change",
					Set.of("area", "graph", "graphql", "model", "neo4j", "network", "organization", "person",
							"security")),
			entry("bulk", Set.of("graph", "graphql", "model", "neo4j", "report", "scope", "security", "shared")),
			// health, metrics and logs: the database's figures through the executor, the
			// embedded store and the schema versions from neo4j; no feature
			entry("operations", Set.of("graph", "neo4j", "security")),
			entry("backup", Set.of("graph", "neo4j", "security", "shared")));

	@ArchTest
	static void every_package_uses_only_what_it_is_allowed(JavaClasses classes) {
		ALLOWED.forEach((name, allowed) -> {
			Set<String> packages = new HashSet<>();
			packages.add("org.partynet." + name + "..");
			allowed.forEach(other -> packages.add("org.partynet." + other + ".."));
			classes().that()
				.resideInAPackage("org.partynet." + name + "..")
				.should()
				.onlyDependOnClassesThat(resideOutsideOfPackage("org.partynet..")
					.or(resideInAnyPackage(packages.toArray(String[]::new))))
				.as("%s uses only %s".formatted(name, allowed))
				.check(classes);
		});
	}

	@ArchTest
	static void every_package_is_listed(JavaClasses classes) {
		Set<String> packages = new HashSet<>();
		classes.forEach(type -> {
			String name = type.getPackageName();
			if (name.startsWith("org.partynet.")) {
				packages.add(name.substring("org.partynet.".length()).split("\\.")[0]);
			}
		});
		assertThat(ALLOWED.keySet()).containsAll(packages);
	}

	@ArchTest
	static final ArchRule packages_are_free_of_cycles = slices().matching("org.partynet.(*)..")
		.should()
		.beFreeOfCycles();

	/**
	 * Every statement runs through the executor ({@code graph.Graph}), which confines and
	 * masks what it returns: nothing else reaches the database, except the database's own
	 * set-up ({@code neo4j}: the embedded server, migrations, the sample), which is the
	 * service's own work.
	 */
	@ArchTest
	static final ArchRule only_the_executor_reaches_the_database = noClasses().that()
		.resideOutsideOfPackages("org.partynet.graph..", "org.partynet.neo4j..")
		.should()
		.dependOnClassesThat()
		.areAssignableTo(Neo4jClient.class)
		.orShould()
		.dependOnClassesThat()
		.areAssignableTo(Driver.class)
		.orShould()
		.dependOnClassesThat()
		.areAssignableTo(Session.class)
		.orShould()
		.dependOnClassesThat()
		.areAssignableTo(QueryRunner.class)
		.orShould()
		.dependOnClassesThat()
		.areAssignableTo(Neo4jTemplate.class);

	@ArchTest
	static final ArchRule statements_are_declared_constants_in_query_classes = noClasses().that()
		.haveSimpleNameNotEndingWith("Queries")
		.and()
		.doNotHaveSimpleName("Scope")
		.and()
		.resideOutsideOfPackages("org.partynet.graphql..", "org.partynet.graph..")
		.should()
		.dependOnClassesThat()
		.areAssignableTo(Graph.class);

}
