package org.partynet.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Controller;

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

	@ArchTest
	static final ArchRule controllers_do_not_query_the_database = noClasses().that()
		.areAnnotatedWith(Controller.class)
		.should()
		.dependOnClassesThat()
		.areAssignableTo(Neo4jClient.class);

	@ArchTest
	static final ArchRule cypher_lives_in_query_classes = noClasses().that()
		.haveSimpleNameNotEndingWith("Queries")
		.and()
		.doNotHaveSimpleName("Scope")
		.and()
		.resideOutsideOfPackage("org.partynet.graphql..")
		.should()
		.dependOnClassesThat()
		.areAssignableTo(Neo4jClient.class);

}
