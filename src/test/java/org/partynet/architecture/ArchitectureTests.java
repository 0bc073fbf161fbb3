package org.partynet.architecture;

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

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Keeps the packages in their lanes. */
@AnalyzeClasses(packages = "org.partynet", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule database_infrastructure_knows_no_feature = noClasses().that()
		.resideInAPackage("org.partynet.neo4j..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.partynet.organization..", "org.partynet.area..", "org.partynet.person..",
				"org.partynet.unit..", "org.partynet.network..", "org.partynet.graphql..", "org.partynet.explorer..",
				"org.partynet.coverage..", "org.partynet.health..", "org.partynet.linkage..", "org.partynet.orgchart..",
				"org.partynet.report..", "org.partynet.audit..");

	@ArchTest
	static final ArchRule graphql_support_knows_no_feature = noClasses().that()
		.resideInAPackage("org.partynet.graphql..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.partynet.organization..", "org.partynet.area..", "org.partynet.person..",
				"org.partynet.unit..", "org.partynet.network..", "org.partynet.coverage..", "org.partynet.health..",
				"org.partynet.linkage..", "org.partynet.orgchart..", "org.partynet.report..", "org.partynet.audit..");

	/**
	 * Every statement runs through the executor ({@code graph.Graph}), which confines and masks
	 * what it returns: nothing else reaches the database, except the database's own set-up
	 * ({@code neo4j}: the embedded server, migrations, the sample), which is the service's own work.
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
