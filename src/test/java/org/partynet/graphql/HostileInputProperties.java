package org.partynet.graphql;

import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
import graphql.parser.MultiSourceReader;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.harness.Neo4j;
import org.partynet.PartynetApplication;
import org.partynet.support.ApplicationTest;
import org.partynet.support.InProcessNeo4j;
import tools.jackson.core.StreamWriteConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random and hostile values for every argument of every query field and every field of
 * every mutation input, read from the schema itself (a field added tomorrow is covered
 * without anyone remembering to), sent over HTTP to the whole application on a Neo4j of
 * its own with the sample: no answer may carry {@code INTERNAL_ERROR} or a 5xx status,
 * every error carries a code, and a refused mutation writes nothing at all. Mutations run
 * as the organization department (the only role that may write); query fields as each of
 * the three demo accounts.
 *
 * <p>
 * The seed is fixed ({@link #SEED}) so that the build always sends the same values and a
 * failure can be run again; to explore further, change it (or remove {@code seed} for a
 * random one, which jqwik prints on failure). Tries: {@code @Property(tries = ...)}
 * below, a few hundred in all.
 */
// Over 400 lines on purpose: one generator and one check per argument of the API.
// jqwik reads its own @Tag, not Jupiter's meta-annotation: the slow tier, as
// ApplicationTest is.
@net.jqwik.api.Tag(ApplicationTest.TAG)
class HostileInputProperties {

	/**
	 * The fixed seed of every property here; jqwik also keeps a failed one in
	 * target/jqwik-database.
	 */
	static final String SEED = "20261201";

	// non-ASCII escaped, so that lone surrogates reach the server as sent; deep nesting
	// allowed, so that the server's limits are what is tried
	private static final JsonMapper json = JsonMapper
		.builder(JsonFactory.builder()
			.streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(10_000).build())
			.build())
		.enable(JsonWriteFeature.ESCAPE_NON_ASCII)
		.build();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	/**
	 * Stands for a variable or input field that is left out (unlike {@code null}, which
	 * is sent).
	 */
	private static final Object ABSENT = new Object() {
		@Override
		public String toString() {
			return "<absent>";
		}
	};

	private static Neo4j neo4j;

	private static Driver driver;

	private static ConfigurableApplicationContext application;

	private static String endpoint;

	private static TypeDefinitionRegistry schema;

	/** Codes of the sample's nodes by the label their ids carry. */
	private static Map<String, List<String>> codesByLabel;

	private static List<Target> mutations;

	private static List<Target> queries;

	@BeforeContainer
	static void start() throws Exception {
		neo4j = InProcessNeo4j.fresh();
		driver = GraphDatabase.driver(neo4j.boltURI(), AuthTokens.none());
		// command-line arguments, which outrank application.yml (default properties would
		// not)
		application = new SpringApplicationBuilder(PartynetApplication.class).run("--server.port=0",
				"--spring.neo4j.uri=" + neo4j.boltURI(), "--partynet.sample.external=true");
		endpoint = "http://localhost:" + ((WebServerApplicationContext) application).getWebServer().getPort()
				+ "/graphql";
		try (var reader = new InputStreamReader(new ClassPathResource("graphql/schema.graphqls").getInputStream(),
				StandardCharsets.UTF_8)) {
			schema = new SchemaParser()
				.parse(MultiSourceReader.newMultiSourceReader().reader(reader, "schema").build());
		}
		codesByLabel = new TreeMap<>();
		try (var session = driver.session()) {
			session.run("MATCH (n) WHERE n.code IS NOT NULL RETURN labels(n) AS labels, n.code AS code ORDER BY code")
				.forEachRemaining(record -> record.get("labels")
					.asList(value -> value.asString())
					.stream()
					.filter(GlobalId.LABELS::contains)
					.findFirst()
					.ifPresent(label -> codesByLabel.computeIfAbsent(label, key -> new ArrayList<>())
						.add(record.get("code").asString())));
		}
		assertThat(codesByLabel).as("the sample's ids").containsKeys("Person", "GridBranch", "Community", "Unit");
		mutations = targets("Mutation");
		queries = targets("Query");
	}

	@AfterContainer
	static void stop() {
		if (application != null) {
			application.close();
		}
		if (driver != null) {
			driver.close();
		}
		if (neo4j != null) {
			neo4j.close();
		}
	}

	// Edge cases off: jqwik's would send the first mutation a third of the time; the
	// hostile values below hold the edges. Shrinking off: the graph changes as accepted
	// mutations write.
	@Property(tries = 400, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.OFF)
	void no_mutation_input_reaches_an_internal_error_and_a_refused_one_writes_nothing(
			@ForAll("mutationCalls") Call call) {
		Statistics.collect(call.target().field());
		Fingerprint before = Fingerprint.now();
		Map<String, Object> response = call.send("orgdept");
		Map<String, Object> payload = payload(response, call.target().field());
		boolean written = payload != null && payload.get("changeId") != null;
		Statistics.label("outcome")
			.collect(written ? "written" : (payload != null) ? "refused in the payload" : "refused");
		if (written) {
			assertThat(errors(response)).as("errors beside a written change, %s", call).isEmpty();
			assertThat(Fingerprint.now().changes()).as("one audit record per change, %s", call)
				.isEqualTo(before.changes() + 1);
		}
		else {
			assertThat(Fingerprint.now()).as("nothing written when refused, %s", call).isEqualTo(before);
			if (payload != null) {
				assertThat(userErrors(payload)).as("a refusal says why, %s", call).isNotEmpty().allSatisfy(error -> {
					assertThat(error.get("code")).isIn("VALIDATION", "CONFLICT", "FORBIDDEN", "NOT_FOUND");
					assertThat((List<?>) error.get("field")).as("the field at fault")
						.isNotEmpty()
						.first()
						.isEqualTo("input");
				});
			}
		}
		Statistics.coverage(
				coverage -> mutations.forEach(target -> coverage.check(target.field()).count(count -> count >= 3)));
	}

	@Property(tries = 400, seed = SEED, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.OFF)
	void no_query_argument_reaches_an_internal_error(@ForAll("queryCalls") Call call,
			@ForAll("accounts") String account) {
		Statistics.collect(call.target().field());
		Fingerprint before = Fingerprint.now();
		call.send(account);
		assertThat(Fingerprint.now()).as("a query writes nothing, %s", call).isEqualTo(before);
		Statistics
			.coverage(coverage -> queries.forEach(target -> coverage.check(target.field()).count(count -> count >= 3)));
	}

	@Provide
	Arbitrary<String> accounts() {
		return Arbitraries.of("orgdept", "secretary", "viewer");
	}

	@Provide
	Arbitrary<Call> mutationCalls() {
		return calls(mutations);
	}

	@Provide
	Arbitrary<Call> queryCalls() {
		return calls(queries);
	}

	private static Arbitrary<Call> calls(List<Target> targets) {
		return Arbitraries.of(targets).flatMap(target -> {
			List<Arbitrary<Object>> arguments = target.arguments()
				.stream()
				.map(argument -> Values.argument(argument.getType()))
				.toList();
			if (arguments.isEmpty()) {
				return Arbitraries.just(new Call(target, Map.of()));
			}
			return Combinators.combine(arguments).as(values -> {
				Map<String, Object> variables = new LinkedHashMap<>();
				for (int i = 0; i < values.size(); i++) {
					if (values.get(i) != ABSENT) {
						variables.put(target.arguments().get(i).getName(), values.get(i));
					}
				}
				return new Call(target, variables);
			});
		});
	}

	// ---- the schema: one target per mutation and per field with arguments reachable
	// from Query

	/** A field to call, with the document that calls it (its arguments as variables). */
	record Target(String field, String document, List<InputValueDefinition> arguments) {

		@Override
		public String toString() {
			return this.field;
		}

	}

	/**
	 * Mutations: every field of Mutation. Queries: every field with arguments, at any
	 * depth.
	 */
	private static List<Target> targets(String root) {
		List<Target> targets = new ArrayList<>();
		ObjectTypeDefinition rootType = object(root);
		if (root.equals("Mutation")) {
			for (FieldDefinition field : rootType.getFieldDefinitions()) {
				targets.add(target(root, field, List.of()));
			}
			return targets;
		}
		// Breadth first from Query through fields callable without arguments, to every
		// type that has a field with arguments; each such field is reached by the
		// shortest path.
		Map<String, List<String>> paths = new LinkedHashMap<>();
		paths.put(root, List.of());
		Deque<String> queue = new ArrayDeque<>(List.of(root));
		while (!queue.isEmpty()) {
			String typeName = queue.remove();
			for (FieldDefinition field : fields(typeName)) {
				if (!field.getInputValueDefinitions().isEmpty()) {
					targets.add(target(typeName, field, paths.get(typeName)));
				}
				String next = name(field.getType());
				boolean optionalArguments = field.getInputValueDefinitions()
					.stream()
					.allMatch(argument -> !(argument.getType() instanceof NonNullType)
							|| argument.getDefaultValue() != null);
				if (optionalArguments && !paths.containsKey(next) && !fields(next).isEmpty()) {
					List<String> path = new ArrayList<>(paths.get(typeName));
					path.add(field.getName());
					paths.put(next, path);
					queue.add(next);
				}
			}
		}
		return targets;
	}

	private static Target target(String typeName, FieldDefinition field, List<String> path) {
		List<InputValueDefinition> arguments = field.getInputValueDefinitions();
		String operation = typeName.equals("Mutation") ? "mutation" : "query";
		StringBuilder document = new StringBuilder(operation);
		if (!arguments.isEmpty()) {
			document.append('(');
			document.append(String.join(", ",
					arguments.stream()
						.map(argument -> "$" + argument.getName() + ": " + print(argument.getType()))
						.toList()));
			document.append(')');
		}
		document.append(" { ");
		path.forEach(step -> document.append(step).append(" { "));
		document.append(field.getName());
		if (!arguments.isEmpty()) {
			document.append('(');
			document.append(String.join(", ",
					arguments.stream().map(argument -> argument.getName() + ": $" + argument.getName()).toList()));
			document.append(')');
		}
		document.append(selection(name(field.getType()), 2));
		document.append(" }".repeat(path.size() + 1));
		String name = (path.isEmpty() ? "" : typeName + ".") + field.getName();
		return new Target(name, document.toString(), arguments);
	}

	/**
	 * The scalar fields of a type, and of its object fields down to {@code depth} (no
	 * arguments needed).
	 */
	private static String selection(String typeName, int depth) {
		List<FieldDefinition> fields = fields(typeName);
		if (fields.isEmpty()) {
			return "";
		}
		List<String> selected = new ArrayList<>(List.of("__typename"));
		for (FieldDefinition field : fields) {
			boolean needsArguments = field.getInputValueDefinitions()
				.stream()
				.anyMatch(argument -> argument.getType() instanceof NonNullType && argument.getDefaultValue() == null);
			String type = name(field.getType());
			if (needsArguments) {
				continue;
			}
			if (fields(type).isEmpty()) {
				selected.add(field.getName());
			}
			else if (depth > 1) {
				selected.add(field.getName() + selection(type, depth - 1));
			}
		}
		return " { " + String.join(" ", selected) + " }";
	}

	private static ObjectTypeDefinition object(String name) {
		return schema.getType(name, ObjectTypeDefinition.class).orElseThrow();
	}

	private static List<FieldDefinition> fields(String typeName) {
		TypeDefinition<?> type = schema.getType(typeName).orElse(null);
		if (type instanceof ObjectTypeDefinition object) {
			return object.getFieldDefinitions();
		}
		if (type instanceof InterfaceTypeDefinition node) {
			return node.getFieldDefinitions();
		}
		return List.of();
	}

	private static String name(Type<?> type) {
		if (type instanceof NonNullType nonNull) {
			return name(nonNull.getType());
		}
		if (type instanceof ListType list) {
			return name(list.getType());
		}
		return ((TypeName) type).getName();
	}

	private static String print(Type<?> type) {
		if (type instanceof NonNullType nonNull) {
			return print(nonNull.getType()) + "!";
		}
		if (type instanceof ListType list) {
			return "[" + print(list.getType()) + "]";
		}
		return ((TypeName) type).getName();
	}

	// ---- values: by type, valid, invalid, of the wrong kind, of the wrong JSON type,
	// hostile

	static final class Values {

		private static final List<String> HOSTILE = List.of("", " ", "\t", "\n", "a".repeat(10_000), "网".repeat(101),
				"'; MATCH (n) DETACH DELETE n //", "\"}) DETACH DELETE n //", "`) DETACH DELETE n //", "$x", "${x}",
				"{", "}", "[", "%s", "%n", "%d%d%d", "\\", "\\u0000", "\u0000", "a\u0000b", "\u0007\u001b[31m", "\r\n",
				"\u202Eevil", "\u200F\u05D0\u05D1", "\uFEFF", "\u00A0", "🧨💥", "\uD800", "\uDFFF", "Ω≈ç√", "null",
				"undefined", "NaN", "true", "0", "-1", "<script>alert(1)</script>", "=HYPERLINK(\"http://x\")",
				"@SUM(1+1)", "../../etc/passwd", "code:", "Y29kZTo", "Y29kZTouLi94", "====", "%00", "*", "MALE ",
				"male", "FEMALE");

		private static final List<String> BAD_IDS = List.of("", ":", "::", "Person:", ":RY10101", "Person::RY10101",
				"person:RY10101", "Person: RY10101", " Person:RY10101", "Person:RY10101 ", "Person:RY10101:x",
				"Nope:GZ", "Change:GZ", "Node:GZ", "PartyOrganization:GZ-DJ-C01-SQDW", "Area:GZ-DJ-C01", "Label:code",
				"GridBranch:" + "Z".repeat(65), "GridBranch:" + "Z".repeat(10_000), "GridBranch:-x", "GridBranch:网格",
				"GridBranch:GZ-DJ-C01-ZB01\u0000", "GridBranch:GZ DJ", "GridBranch:'}) DETACH DELETE n //",
				"GridBranch:$code", "`Person`:RY10101", "Person`) DETACH DELETE n //:RY10101");

		private static final List<String> BAD_DATES = List.of("2021-02-30", "2021-02-29", "2021-13-01", "2021-00-10",
				"2021-01-32", "0000-01-01", "0001-01-01", "1900-01-01", "1920-12-31", "1921-01-01", "9999-12-31",
				"+10000-01-01", "-0001-01-01", "+999999999-12-31", "2021-3-5", "21-03-05", "2021/03/05", "", " ",
				"today", "2021-03-15T00:00:00Z", "20210315", "2021-03-15 ", "２０２１-03-15");

		private static final List<String> BAD_DATE_TIMES = List.of("2026-11-29T08:30:00Z", "2026-11-29T08:30:00+08:00",
				"2026-11-29T08:30:00.123456789-05:00", "0001-01-01T00:00:00Z", "0000-01-01T00:00:00Z",
				"9999-12-31T23:59:59Z", "+10000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z", "2026-02-30T00:00:00Z",
				"2026-11-29", "2026-11-29T25:00:00Z", "2026-11-29T08:30:00+25:00", "2026-11-29T08:30:00",
				"2026-11-29T08:30:00+18:00", "2026-11-29T08:30:00-18:00", "2026-11-29t08:30:00z", "", "now");

		private static final List<Object> BAD_INTS = List.of(Integer.MIN_VALUE, Integer.MAX_VALUE, -1, 0, 1, 8, 9, 100,
				101, 1_000_000, 2_147_483_648L, -9_223_372_036_854_775_808L, 1e20, 1.5, -0.0, "1", "", true);

		/**
		 * A value for an argument or input field of this type; {@link #ABSENT} leaves it
		 * out.
		 */
		static Arbitrary<Object> argument(Type<?> type) {
			if (type instanceof NonNullType nonNull) {
				return Arbitraries.frequencyOf(Tuple.of(18, value(nonNull.getType(), 0)),
						Tuple.of(1, Arbitraries.just(ABSENT)), Tuple.of(1, nothing()));
			}
			return Arbitraries.frequencyOf(Tuple.of(14, value(type, 0)), Tuple.of(4, Arbitraries.just(ABSENT)),
					Tuple.of(2, nothing()));
		}

		private static Arbitrary<Object> nothing() {
			return Arbitraries.just(null);
		}

		private static Arbitrary<Object> value(Type<?> type, int depth) {
			if (type instanceof NonNullType nonNull) {
				return Arbitraries.frequencyOf(Tuple.of(19, value(nonNull.getType(), depth)), Tuple.of(1, nothing()));
			}
			if (type instanceof ListType list) {
				Arbitrary<Object> item = value(list.getType(), depth + 1);
				return Arbitraries.frequencyOf(Tuple.of(10, item.list().ofMaxSize(5).map(v -> (Object) v)),
						Tuple.of(2, item), Tuple.of(1, item.list().ofMaxSize(2).map(v -> (Object) List.of(v))),
						Tuple.of(1, wrongType()));
			}
			String name = ((TypeName) type).getName();
			TypeDefinition<?> definition = schema.getType(name).orElse(null);
			Arbitrary<Object> value;
			if (definition instanceof EnumTypeDefinition enumType) {
				value = enumValue(enumType);
			}
			else if (definition instanceof InputObjectTypeDefinition input) {
				value = (depth > 3) ? wrongType() : inputObject(input, depth);
			}
			else {
				value = switch (name) {
					case "ID" -> id();
					case "Int" -> integer();
					case "Date" -> date();
					case "DateTime" -> dateTime();
					case "Boolean" -> Arbitraries.of(true, false).map(v -> (Object) v);
					default -> string();
				};
			}
			return Arbitraries.frequencyOf(Tuple.of(12, value), Tuple.of(1, wrongType()));
		}

		private static Arbitrary<Object> inputObject(InputObjectTypeDefinition input, int depth) {
			List<InputValueDefinition> fields = new ArrayList<>(input.getInputValueDefinitions());
			List<Arbitrary<Object>> values = new ArrayList<>();
			for (InputValueDefinition field : fields) {
				values.add((field.getType() instanceof NonNullType nonNull)
						? Arbitraries.frequencyOf(Tuple.of(30, value(nonNull.getType(), depth + 1)),
								Tuple.of(1, Arbitraries.just(ABSENT)), Tuple.of(1, nothing()))
						: Arbitraries.frequencyOf(Tuple.of(6, value(field.getType(), depth + 1)),
								Tuple.of(3, Arbitraries.just(ABSENT)), Tuple.of(1, nothing())));
			}
			// an unknown extra field now and then
			values.add(Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.just(ABSENT)), Tuple.of(1, string())));
			return Combinators.combine(values).as(list -> {
				Map<String, Object> object = new LinkedHashMap<>();
				for (int i = 0; i < fields.size(); i++) {
					if (list.get(i) != ABSENT) {
						object.put(fields.get(i).getName(), list.get(i));
					}
				}
				if (list.get(fields.size()) != ABSENT) {
					object.put("unknownField", list.get(fields.size()));
				}
				return (Object) object;
			});
		}

		private static Arbitrary<Object> enumValue(EnumTypeDefinition type) {
			List<String> valid = type.getEnumValueDefinitions().stream().map(EnumValueDefinition::getName).toList();
			return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.of(valid).map(v -> (Object) v)),
					Tuple.of(1, Arbitraries.of(valid).map(v -> (Object) v.toLowerCase())),
					Tuple.of(1, Arbitraries.of("FOO", "", " ", "DISTRICT ", "null", "0", "INTERNAL_ERROR")
						.map(v -> (Object) v)));
		}

		private static Arbitrary<Object> id() {
			List<String> labels = new ArrayList<>(codesByLabel.keySet());
			Arbitrary<String> label = Arbitraries.of(labels);
			Arbitrary<Object> sample = label
				.flatMap(l -> Arbitraries.of(codesByLabel.get(l)).map(code -> (Object) GlobalId.of(l, code)));
			Arbitrary<Object> plainCode = label
				.flatMap(l -> Arbitraries.of(codesByLabel.get(l)).map(code -> (Object) code));
			Arbitrary<Object> wrongLabel = Combinators
				.combine(label, label.flatMap(l -> Arbitraries.of(codesByLabel.get(l))))
				.as((l, code) -> (Object) GlobalId.of(l, code));
			Arbitrary<Object> unknown = label.map(l -> (Object) GlobalId.of(l, "ZZ-NOPE-1"));
			Arbitrary<Object> hostileCode = Combinators.combine(label, Arbitraries.of(HOSTILE))
				.as((l, code) -> (Object) (l + ":" + code));
			return Arbitraries.frequencyOf(Tuple.of(8, sample), Tuple.of(3, plainCode), Tuple.of(2, wrongLabel),
					Tuple.of(1, unknown), Tuple.of(3, Arbitraries.of(BAD_IDS).map(v -> (Object) v)),
					Tuple.of(2, hostileCode), Tuple.of(2, Arbitraries.of(HOSTILE).map(v -> (Object) v)),
					Tuple.of(1, Arbitraries.of(0, -1, Integer.MAX_VALUE).map(v -> (Object) v)));
		}

		private static Arbitrary<Object> string() {
			Arbitrary<Object> sampleCodes = Arbitraries
				.of(codesByLabel.values().stream().flatMap(List::stream).toList())
				.map(v -> (Object) v);
			return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of(HOSTILE).map(v -> (Object) v)),
					Tuple.of(2, Arbitraries.strings().all().ofMaxLength(30).map(v -> (Object) v)),
					Tuple.of(3,
							Arbitraries.strings()
								.withCharRange('一', '龥')
								.ofMinLength(1)
								.ofMaxLength(12)
								.map(v -> (Object) v)),
					Tuple.of(3, Arbitraries.integers().between(1, 99_999).map(n -> (Object) ("T-" + n))),
					Tuple.of(1, sampleCodes),
					Tuple.of(1, sampleCodes.map(code -> (Object) Paging.cursor((String) code))),
					Tuple.of(2, Arbitraries
						.of("MALE", "FEMALE", "13800138000", "0936-8212345", "62070219800101123X", "组织委员", "党组织负责人")
						.map(v -> (Object) v)));
		}

		private static Arbitrary<Object> integer() {
			return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.integers().between(-2, 9).map(v -> (Object) v)),
					Tuple.of(2, Arbitraries.of(BAD_INTS)), Tuple.of(1, Arbitraries.integers().map(v -> (Object) v)));
		}

		private static Arbitrary<Object> date() {
			LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
			Arbitrary<Object> plausible = Arbitraries.longs()
				.between(LocalDate.of(2000, 1, 1).toEpochDay(), today.toEpochDay())
				.map(day -> (Object) LocalDate.ofEpochDay(day).toString());
			Arbitrary<Object> edges = Arbitraries
				.of(today.toString(), today.plusDays(1).toString(), today.plusYears(100).toString(),
						today.minusYears(200).toString())
				.map(v -> (Object) v);
			return Arbitraries.frequencyOf(Tuple.of(4, plausible), Tuple.of(2, edges),
					Tuple.of(4, Arbitraries.of(BAD_DATES).map(v -> (Object) v)),
					Tuple.of(1, Arbitraries.of(20210315, 0, -1).map(v -> (Object) v)));
		}

		private static Arbitrary<Object> dateTime() {
			return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(BAD_DATE_TIMES).map(v -> (Object) v)),
					Tuple.of(1, Arbitraries.of(HOSTILE).map(v -> (Object) v)),
					Tuple.of(1, Arbitraries.of(0, 1_700_000_000_000L).map(v -> (Object) v)));
		}

		/**
		 * JSON of a type no argument has: numbers, booleans, lists, objects, deep
		 * nesting.
		 */
		private static Arbitrary<Object> wrongType() {
			return Arbitraries.of(42, -1.5, 1e308, true, false, "x", List.of(), List.of(1, "a"), Map.of(),
					Map.of("a", 1), Map.of("id", "Person:RY10101"), nested(64), nested(600), nestedList(64),
					nestedList(600));
		}

		private static Object nested(int depth) {
			Object value = "x";
			for (int i = 0; i < depth; i++) {
				value = Map.of("a", value);
			}
			return value;
		}

		private static Object nestedList(int depth) {
			Object value = 1;
			for (int i = 0; i < depth; i++) {
				value = List.of(value);
			}
			return value;
		}

	}

	// ---- one request and what the answer must not be

	record Call(Target target, Map<String, Object> variables) {

		/**
		 * Sends the call and checks the answer for internal errors; answers the parsed
		 * body.
		 */
		@SuppressWarnings("unchecked")
		Map<String, Object> send(String account) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("query", this.target.document());
			body.put("variables", this.variables);
			HttpResponse<String> response;
			try {
				response = http.send(HttpRequest.newBuilder(URI.create(endpoint))
					.timeout(Duration.ofSeconds(120))
					.header("Content-Type", "application/json")
					.header("Authorization", org.partynet.support.HarnessTestSupport.basic(account))
					.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
					.build(), HttpResponse.BodyHandlers.ofString());
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
			assertThat(response.statusCode())
				.as("HTTP status as %s, %s: %s", account, this, abbreviate(response.body()))
				.isLessThan(500);
			if (response.statusCode() != 200) {
				// refused before GraphQL (a body the server cannot read, nested too
				// deep): a plain 4xx is fine
				Statistics.label("codes").collect("HTTP " + response.statusCode());
				return Map.of();
			}
			Map<String, Object> result = json.readValue(response.body(), Map.class);
			Statistics.label("codes")
				.collect(errors(result).stream()
					.map(error -> String
						.valueOf(((Map<String, Object>) error.getOrDefault("extensions", Map.of())).get("code")))
					.distinct()
					.sorted()
					.toList()
					.toString());
			for (Map<String, Object> error : errors(result)) {
				Map<String, Object> extensions = (Map<String, Object>) error.get("extensions");
				assertThat(extensions).as("extensions of %s as %s, %s", error, account, this).isNotNull();
				assertThat(extensions.get("code")).as("code of %s as %s, %s", error, account, this)
					.isNotNull()
					.isNotEqualTo("INTERNAL_ERROR");
				assertThat(extensions.get("classification")).as("classification of %s as %s, %s", error, account, this)
					.isNotEqualTo("INTERNAL_ERROR");
				if ("BAD_REQUEST".equals(extensions.get("code")) || "NOT_FOUND".equals(extensions.get("code"))) {
					assertThat(extensions.get("argument")).as("the argument at fault, %s", this).isNotNull();
				}
			}
			return result;
		}

		@Override
		public String toString() {
			return this.target.field() + " " + abbreviate(json.writeValueAsString(this.variables));
		}

	}

	private static String abbreviate(String text) {
		return (text.length() > 600) ? text.substring(0, 600) + "…(" + text.length() + " characters)" : text;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> errors(Map<String, Object> response) {
		Object errors = response.get("errors");
		return (errors != null) ? (List<Map<String, Object>>) errors : List.of();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> payload(Map<String, Object> response, String field) {
		Object data = response.get("data");
		return (data instanceof Map<?, ?> map) ? (Map<String, Object>) map.get(field) : null;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> userErrors(Map<String, Object> payload) {
		return (List<Map<String, Object>>) payload.get("errors");
	}

	/**
	 * A cheap fingerprint of the whole graph: counts of nodes, relationships, audit
	 * records, ended things, and the sum of versions (every change bumps the version of
	 * what it touches).
	 */
	record Fingerprint(long nodes, long relationships, long changes, long ended, long versions) {

		static Fingerprint now() {
			try (var session = driver.session()) {
				var row = session
					.run("""
							CALL () { MATCH (n) RETURN count(n) AS nodes, count(n.until) AS endedNodes,
							          sum(CASE WHEN n.version IS :: INTEGER THEN n.version ELSE 0 END) AS versions }
							CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships, count(r.until) AS endedRelationships }
							CALL () { MATCH (c:Change) RETURN count(c) AS changes }
							RETURN nodes, relationships, changes, endedNodes + endedRelationships AS ended, versions
							""")
					.single();
				return new Fingerprint(row.get("nodes").asLong(), row.get("relationships").asLong(),
						row.get("changes").asLong(), row.get("ended").asLong(), row.get("versions").asLong());
			}
		}

	}

}
