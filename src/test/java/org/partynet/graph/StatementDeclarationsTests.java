package org.partynet.graph;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the executor relies on, checked on every statement constant of the service: a
 * statement that others than the organization department read returns people only as
 * nodes, so that the executor can mask them; their phone and ID numbers never appear as
 * properties of their own.
 */
class StatementDeclarationsTests {

	private static final Pattern PERSONAL_PROPERTY = Pattern.compile("\\.(phone|idNumber)\\b");

	@Test
	void reads_return_personal_data_only_inside_nodes() throws Exception {
		List<Statement> statements = statements();
		assertThat(statements).hasSizeGreaterThan(40);
		List<String> offending = statements.stream()
			.filter(statement -> !statement.kind().restrictedToOrgDept())
			.filter(statement -> PERSONAL_PROPERTY.matcher(statement.cypher()).find())
			.map(Statement::name)
			.toList();
		assertThat(offending).as("reads that project phone or ID numbers outside a node").isEmpty();
	}

	@Test
	void every_statement_has_a_name_of_its_feature() throws Exception {
		assertThat(statements()).allSatisfy(statement -> assertThat(statement.name()).matches("[a-z]+\\.[A-Za-z.]+"));
	}

	static List<Statement> statements() throws Exception {
		List<Statement> statements = new ArrayList<>();
		for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("org.partynet")) {
			Class<?> loaded = Class.forName(type.getName(), false, StatementDeclarationsTests.class.getClassLoader());
			for (Field field : loaded.getDeclaredFields()) {
				if (Modifier.isStatic(field.getModifiers()) && field.getType() == Statement.class) {
					field.setAccessible(true);
					statements.add((Statement) field.get(null));
				}
			}
		}
		return statements;
	}

}
