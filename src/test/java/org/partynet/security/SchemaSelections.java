package org.partynet.security;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;

import org.partynet.model.AreaKind;
import org.partynet.model.OrganizationKind;

import org.springframework.core.io.ClassPathResource;

/**
 * Selections generated from {@code schema.graphqls}, so that a field added to the schema
 * is selected without anyone writing it into a test.
 *
 * <p>
 * A type's full selection takes every field; a field whose type is a {@link #NODE} (an
 * organization, area, person, unit, alliance or institution) below it gets only its
 * scalar and enum fields and {@code __typename}, since the walk opens every id it is
 * handed again by {@code node(id:)} with that type's full selection, which reaches its
 * nested fields from there. Other object types (reports, figures, posts, roles, paths,
 * ...) are expanded in place; a type met for the second time on one branch
 * ({@code CoverageReport.breakdown}) is expanded once more, then only its scalar fields,
 * so every branch ends. A required enum argument ({@code gaps(metric:)}) is asked once
 * per value under aliases; {@code first} is small; other optional arguments are left out.
 * Every selection remembers the fields it selected and its complexity as the service
 * counts it ({@code QueryLimits}: a field 1, a list with {@code first} its selection
 * {@code first} times).
 */
final class SchemaSelections {

	static final String NODE = "Node";

	/**
	 * {@code first} of nested lists (coverage gaps): enough to see what a gap carries.
	 */
	static final int NESTED_FIRST = 3;

	final GraphQLSchema schema;

	SchemaSelections() {
		try (Reader reader = new InputStreamReader(new ClassPathResource("graphql/schema.graphqls").getInputStream(),
				StandardCharsets.UTF_8)) {
			this.schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(reader));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A selection set, the fields it selects ({@code Type.field}), its complexity and
	 * aliases.
	 */
	record Piece(String text, Set<String> fields, int complexity, int aliases) {
	}

	/**
	 * Every field of every object type reachable from {@code Query}, as
	 * {@code Type.field}.
	 */
	Set<String> reachableFields() {
		Set<String> fields = new TreeSet<>();
		Set<String> seen = new TreeSet<>();
		Deque<GraphQLFieldsContainer> queue = new ArrayDeque<>(List.of(this.schema.getQueryType()));
		while (!queue.isEmpty()) {
			GraphQLFieldsContainer type = queue.poll();
			if (!seen.add(type.getName())) {
				continue;
			}
			List<GraphQLFieldsContainer> concrete = new ArrayList<>();
			if (type instanceof GraphQLInterfaceType) {
				concrete.addAll(this.schema.getImplementations((GraphQLInterfaceType) type));
			}
			else {
				concrete.add(type);
			}
			for (GraphQLFieldsContainer each : concrete) {
				seen.add(each.getName());
				for (GraphQLFieldDefinition field : each.getFieldDefinitions()) {
					fields.add(each.getName() + "." + field.getName());
					if (GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLFieldsContainer next) {
						queue.add(next);
					}
				}
			}
		}
		fields.removeIf(field -> field.startsWith("Query."));
		return fields;
	}

	/**
	 * The object types reachable from {@code Query} (interfaces as their
	 * implementations).
	 */
	Set<String> reachableTypes() {
		Set<String> types = new TreeSet<>();
		reachableFields().forEach(field -> types.add(field.substring(0, field.indexOf('.'))));
		return types;
	}

	/** The root fields of {@code Query}. */
	List<GraphQLFieldDefinition> roots() {
		return this.schema.getQueryType().getFieldDefinitions();
	}

	/** The return type of a root field, unwrapped. */
	GraphQLNamedType rootType(String field) {
		return (GraphQLNamedType) GraphQLTypeUtil
			.unwrapAll(this.schema.getQueryType().getFieldDefinition(field).getType());
	}

	/** Whether a type is a node: the interface or one of its implementations. */
	boolean isNode(GraphQLType type) {
		if (type instanceof GraphQLInterfaceType i) {
			return NODE.equals(i.getName());
		}
		return type instanceof GraphQLObjectType o
				&& o.getInterfaces().stream().anyMatch(i -> NODE.equals(i.getName()));
	}

	/**
	 * The full selection of a type by name; for an interface, one inline fragment per
	 * implementation.
	 */
	Piece full(String typeName) {
		return full(typeName, Set.of());
	}

	/**
	 * The same, with the nodes of the given fields ({@code Alliance.leader}) selected in
	 * full too rather than by their scalars: how the walk goes on in place from an object
	 * it was handed but cannot open by id.
	 */
	Piece full(String typeName, Set<String> deepen) {
		this.deepen = deepen;
		try {
			return fullOf(typeName);
		}
		finally {
			this.deepen = Set.of();
		}
	}

	private Set<String> deepen = Set.of();

	private Piece fullOf(String typeName) {
		GraphQLFieldsContainer type = (GraphQLFieldsContainer) this.schema.getType(typeName);
		if (type instanceof GraphQLInterfaceType i) {
			Builder builder = new Builder();
			builder.typename();
			Set<String> conflicting = conflicting(i);
			for (GraphQLObjectType each : this.schema.getImplementations(i)) {
				builder.fragment(each.getName(), full(each, new ArrayList<>(List.of(each.getName())), conflicting));
			}
			return builder.piece();
		}
		return full(type, new ArrayList<>(List.of(typeName)), Set.of());
	}

	/**
	 * Fields that implementations of an interface share by name but not by type
	 * ({@code kind} is an {@code AreaKind} on an area, an {@code OrganizationKind} on an
	 * organization): side by side in inline fragments they cannot merge, so each is asked
	 * under an alias {@code kind_Area}.
	 */
	private Set<String> conflicting(GraphQLInterfaceType type) {
		java.util.Map<String, Set<String>> shapes = new java.util.HashMap<>();
		for (GraphQLObjectType each : this.schema.getImplementations(type)) {
			for (GraphQLFieldDefinition field : each.getFieldDefinitions()) {
				shapes.computeIfAbsent(field.getName(), n -> new TreeSet<>())
					.add(GraphQLTypeUtil.simplePrint(field.getType()));
			}
		}
		Set<String> conflicting = new TreeSet<>();
		shapes.forEach((name, printed) -> {
			if (printed.size() > 1) {
				conflicting.add(name);
			}
		});
		return conflicting;
	}

	private Piece full(GraphQLFieldsContainer type, List<String> branch, Set<String> conflicting) {
		Builder builder = new Builder();
		builder.typename();
		for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
			GraphQLType out = GraphQLTypeUtil.unwrapAll(field.getType());
			Piece child = null;
			if (out instanceof GraphQLFieldsContainer container) {
				if (isNode(container) && this.deepen.contains(type.getName() + "." + field.getName())
						&& container instanceof GraphQLObjectType) {
					Set<String> deepen = this.deepen;
					this.deepen = Set.of();
					child = full(container, new ArrayList<>(List.of(container.getName())), Set.of());
					this.deepen = deepen;
				}
				else if (isNode(container)) {
					child = shallow(container);
				}
				else if (Collections.frequency(branch, container.getName()) >= 2) {
					child = leaves(container, Set.of());
				}
				else {
					List<String> deeper = new ArrayList<>(branch);
					deeper.add(container.getName());
					child = full(container, deeper, Set.of());
				}
			}
			for (Arguments arguments : arguments(type, field)) {
				builder.field(type.getName(), field.getName(), alias(arguments, type, field, conflicting), child);
			}
		}
		return builder.piece();
	}

	private static Arguments alias(Arguments arguments, GraphQLFieldsContainer type, GraphQLFieldDefinition field,
			Set<String> conflicting) {
		if (!conflicting.contains(field.getName()) || arguments.alias() != null) {
			return arguments;
		}
		return new Arguments(field.getName() + "_" + type.getName(), arguments.text(), arguments.times());
	}

	/**
	 * {@code __typename} and the scalar and enum fields; for an interface, those of each
	 * implementation.
	 */
	Piece shallow(GraphQLFieldsContainer type) {
		if (type instanceof GraphQLInterfaceType i) {
			Builder builder = new Builder();
			builder.typename();
			Set<String> conflicting = conflicting(i);
			for (GraphQLObjectType each : this.schema.getImplementations(i)) {
				builder.fragment(each.getName(), leaves(each, conflicting));
			}
			return builder.piece();
		}
		return leaves(type, Set.of());
	}

	private Piece leaves(GraphQLFieldsContainer type, Set<String> conflicting) {
		Builder builder = new Builder();
		builder.typename();
		for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
			if (!(GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLFieldsContainer)) {
				for (Arguments arguments : arguments(type, field)) {
					builder.field(type.getName(), field.getName(), alias(arguments, type, field, conflicting), null);
				}
			}
		}
		return builder.piece();
	}

	/**
	 * The argument lists to ask a nested field with: one, or one per value of a required
	 * enum.
	 */
	private List<Arguments> arguments(GraphQLFieldsContainer type, GraphQLFieldDefinition field) {
		List<Arguments> variants = new ArrayList<>(List.of(new Arguments(null, "", 1)));
		for (GraphQLArgument argument : field.getArguments()) {
			if ("first".equals(argument.getName())) {
				variants.replaceAll(v -> v.with(null, "first: " + NESTED_FIRST, NESTED_FIRST));
			}
			else if (GraphQLTypeUtil.isNonNull(argument.getType()) && !argument.hasSetDefaultValue()) {
				if (!(GraphQLTypeUtil.unwrapAll(argument.getType()) instanceof GraphQLEnumType enumType)) {
					throw new IllegalStateException(
							"No sample value for the required argument %s.%s(%s); add one to the walk"
								.formatted(type.getName(), field.getName(), argument.getName()));
				}
				List<Arguments> each = new ArrayList<>();
				for (Arguments variant : variants) {
					for (GraphQLEnumValueDefinition value : enumType.getValues()) {
						each.add(variant.with(field.getName() + "_" + value.getName(),
								argument.getName() + ": " + value.getName(), 1));
					}
				}
				variants = each;
			}
		}
		return variants;
	}

	/**
	 * An alias (or none), the text inside the parentheses, and the times a list counts.
	 */
	private record Arguments(String alias, String text, int times) {

		Arguments with(String alias, String argument, int times) {
			return new Arguments((alias != null) ? alias : this.alias,
					this.text.isEmpty() ? argument : this.text + ", " + argument, Math.max(this.times, times));
		}

	}

	private static final class Builder {

		private final StringBuilder text = new StringBuilder("{");

		private final Set<String> fields = new TreeSet<>();

		private int complexity;

		private int aliases;

		void typename() {
			this.text.append(" __typename");
			this.complexity += 1;
		}

		void fragment(String type, Piece piece) {
			this.text.append(" ... on ").append(type).append(' ').append(piece.text());
			this.fields.addAll(piece.fields());
			this.complexity += piece.complexity();
			this.aliases += piece.aliases();
		}

		void field(String type, String name, Arguments arguments, Piece child) {
			this.fields.add(type + "." + name);
			this.text.append(' ');
			if (arguments.alias() != null) {
				this.text.append(arguments.alias()).append(": ");
				this.aliases++;
			}
			this.text.append(name);
			if (!arguments.text().isEmpty()) {
				this.text.append('(').append(arguments.text()).append(')');
			}
			this.complexity += 1;
			if (child != null) {
				this.text.append(' ').append(child.text());
				this.fields.addAll(child.fields());
				this.complexity += arguments.times() * child.complexity();
				this.aliases += child.aliases();
			}
		}

		Piece piece() {
			return new Piece(this.text.append(" }").toString(), this.fields, this.complexity, this.aliases);
		}

	}

}
