package org.partynet.graphql;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import graphql.language.DescribedNode;
import graphql.language.Description;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract in schema.graphqls describes every type, field, argument and enum value.
 */
class SchemaTests {

	@Test
	void every_type_field_argument_and_value_carries_a_description() throws IOException {
		TypeDefinitionRegistry registry = new SchemaParser().parse(Files.readString(Path.of("schema.graphqls")));
		List<String> undescribed = new ArrayList<>();
		registry.types().values().forEach(type -> {
			if (!described(((DescribedNode<?>) type).getDescription())) {
				undescribed.add(type.getName());
			}
			List<FieldDefinition> fields = List.of();
			if (type instanceof ObjectTypeDefinition object) {
				fields = object.getFieldDefinitions();
			}
			else if (type instanceof InterfaceTypeDefinition object) {
				fields = object.getFieldDefinitions();
			}
			for (FieldDefinition field : fields) {
				if (!described(field.getDescription())) {
					undescribed.add(type.getName() + "." + field.getName());
				}
				for (InputValueDefinition argument : field.getInputValueDefinitions()) {
					if (!described(argument.getDescription())) {
						undescribed.add(type.getName() + "." + field.getName() + "(" + argument.getName() + ")");
					}
				}
			}
			if (type instanceof EnumTypeDefinition enumType) {
				enumType.getEnumValueDefinitions()
					.stream()
					.filter(value -> !described(value.getDescription()))
					.forEach(value -> undescribed.add(type.getName() + "." + value.getName()));
			}
		});
		registry.scalars()
			.values()
			.stream()
			.filter(scalar -> !List.of("Int", "Float", "String", "Boolean", "ID").contains(scalar.getName()))
			.map(ScalarTypeDefinition.class::cast)
			.filter(scalar -> !described(scalar.getDescription()))
			.forEach(scalar -> undescribed.add(scalar.getName()));
		assertThat(undescribed).isEmpty();
	}

	private static boolean described(Description description) {
		return description != null && !description.getContent().isBlank();
	}

}
