package org.partynet.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLNamedType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.partynet.report.ReportSettings;
import org.partynet.security.SchemaSelections.Piece;
import org.partynet.security.Walk.Expect;
import org.partynet.security.Walk.Found;
import org.partynet.security.Walk.PersonSeen;
import org.partynet.security.Walk.Probe;
import org.partynet.support.HarnessTestSupport;
import org.partynet.support.InProcessNeo4j;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole schema walked as the secretary of 青年社区党委 and as the viewer, on the sample:
 * every root field of {@code Query} with arguments from the sample (inside the
 * secretary's subtree and, found in the database, outside it), every field of every type
 * reachable from there (generated from {@code schema.graphqls} by
 * {@link SchemaSelections}, not written by hand), and then every id an answer hands the
 * secretary opened again by {@code node(id:)} and walked on, until nothing new comes
 * back; what it was handed but cannot open is walked on in place, one level, through the
 * field that handed it over. The downloads are read as well ({@link Downloads}). The
 * answers are judged against the database read straight with the driver
 * ({@link Subtree}):
 * <ol>
 * <li>every id handed to the secretary opens for the secretary;</li>
 * <li>nothing handed to the secretary lies outside the subtree: no id, and no name of an
 * organization, area, unit, alliance, institution or person outside it in any
 * string;</li>
 * <li>the viewer receives no person's name, gender, phone, ID number, party status or
 * roles, no person hit from a search, and no real name, phone or ID number in any string
 * or download;</li>
 * <li>neither receives a phone or ID number in full.</li>
 * </ol>
 * A field added to the schema is walked without anyone remembering to; the walk fails
 * when a reachable field was never selected. Each failure lists every offence, grouped by
 * the field it came through, with examples (answer path, id, name).
 * <p>
 * Over 400 lines on purpose: the probes and the judgements of one walk belong together;
 * the walk itself is {@link Walk}, the selections {@link SchemaSelections}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchemaWalkTests extends HarnessTestSupport {

	static final String OWN_CODE = "GZ-DJ-C01-SQDW";

	static final String OWN = "CommunityCommittee:" + OWN_CODE;

	static final String OWN_AREA = "Community:GZ-DJ-C01";

	static final String HIDDEN = "（已隐藏 hidden）";

	/**
	 * Bounds the walk outward: more ids opened than the whole sample holds means it runs
	 * away.
	 */
	private static final int MOST_OPENED = 5000;

	private static final Map<String, String> TYPE_OF_LABEL = typeOfLabel();

	private static Driver driver;

	private final SchemaSelections selections = new SchemaSelections();

	private Subtree subtree;

	private Walk secretary;

	private Walk viewer;

	private Downloads downloads;

	/** Its issuing unit heads every PDF: configuration, not the network's data. */
	@Autowired
	private ReportSettings reportSettings;

	private long millis;

	private boolean asViewer;

	/** When each part of the walk ended, for the summary. */
	private final List<String> phases = new ArrayList<>();

	@BeforeAll
	void walk() {
		long start = System.currentTimeMillis();
		driver = GraphDatabase.driver(InProcessNeo4j.get().boltURI(), AuthTokens.none());
		AuditFixture.create(driver);
		this.subtree = Subtree.of(driver, OWN_CODE);
		this.phases.add("subtree " + (System.currentTimeMillis() - start) + " ms");
		this.secretary = new Walk("secretary", baseUrl(), basic("secretary"));
		this.viewer = new Walk("viewer", baseUrl(), basic("viewer"));
		walkAsSecretary();
		this.phases.add("secretary " + (System.currentTimeMillis() - start) + " ms");
		walkAsViewer();
		this.phases.add("viewer " + (System.currentTimeMillis() - start) + " ms");
		this.downloads = new Downloads(baseUrl(), this.reportSettings.issuer());
		this.downloads.fetch();
		this.millis = System.currentTimeMillis() - start;
		this.phases.add("downloads " + this.millis + " ms");
		System.out.println(summary());
	}

	@AfterAll
	void removeFixture() {
		if (driver != null) {
			AuditFixture.remove(driver);
			driver.close();
		}
	}

	// -- the walk
	// --------------------------------------------------------------------------------

	private void walkAsSecretary() {
		this.secretary.run(rootProbes(true));
		openUntilNothingNew(this.secretary, () -> this.secretary.idSet);
		// every organization and area of the subtree (down to grids and sites) as a
		// scope, every unit's reach and paths to the units, alliances and institutions it
		// was handed
		List<Probe> more = new ArrayList<>();
		for (String id : List.copyOf(this.secretary.idSet)) {
			String label = Subtree.label(id);
			if (!this.subtree.allowed.contains(id)) {
				continue;
			}
			if (Set
				.of("Community", "Grid", "CommercialBuilding", "Market", "CommunityCommittee", "GridBranch",
						"BuildingGroup")
				.contains(label) && !id.equals(OWN) && !id.equals(OWN_AREA)) {
				more.addAll(scopeProbes(id, Expect.INSIDE));
			}
			if ("Unit".equals(label)) {
				more.add(root("reach", "unit: " + quote(id), Expect.INSIDE));
			}
			if (Set.of("Unit", "Alliance", "Institution").contains(label)) {
				more.add(root("connection", "from: " + quote(OWN) + ", to: " + quote(id), Expect.INSIDE));
			}
		}
		this.secretary.run(more);
		openUntilNothingNew(this.secretary, () -> this.secretary.idSet);
		walkOnInPlace(this.secretary);
	}

	/**
	 * What was handed over but does not open by id (something outside, most likely) is
	 * walked on where it was found, one level: the probes that answered it are asked
	 * again with its field's nodes selected in full, so that what it leads to (an
	 * alliance leader's children, posts and people) is judged too.
	 */
	private void walkOnInPlace(Walk walk) {
		Map<String, Set<String>> fieldsByProbe = new LinkedHashMap<>();
		Map<String, Probe> probes = new LinkedHashMap<>();
		for (Found found : walk.ids) {
			if (!"OK".equals(walk.opened.get(found.id())) && found.probe() != null && found.type() != null
					&& !found.via().startsWith("Query.") && !found.probe().label().startsWith(Walk.DEEPER)) {
				fieldsByProbe.computeIfAbsent(found.probe().label(), l -> new TreeSet<>()).add(found.via());
				probes.putIfAbsent(found.probe().label(), found.probe());
			}
		}
		List<Probe> deeper = new ArrayList<>();
		fieldsByProbe.forEach((label, fields) -> deeper.add(probes.get(label).deepen(fields)));
		// what these answers hand over lies behind something that already fails both
		// checks; it is judged for ids and names, not opened again
		walk.run(deeper);
	}

	private void walkAsViewer() {
		// the audit trail names people, so a viewer is refused it (README), wherever
		// asked
		this.asViewer = true;
		this.viewer.run(rootProbes(false));
		// the viewer may read the whole network: it opens what the secretary was handed,
		// the samples from outside, and what its own answers hand it inside 青年社区
		Set<String> toOpen = new LinkedHashSet<>(this.secretary.opened.keySet());
		toOpen.addAll(outsideSamples());
		this.viewer.run(toOpen.stream().map(this::open).toList());
		openUntilNothingNew(this.viewer,
				() -> this.viewer.idSet.stream().filter(this.subtree.allowed::contains).toList());
	}

	private void openUntilNothingNew(Walk walk, java.util.function.Supplier<java.util.Collection<String>> ids) {
		while (true) {
			List<Probe> next = ids.get()
				.stream()
				.filter(id -> !walk.opened.containsKey(id))
				.distinct()
				.map(this::open)
				.toList();
			if (next.isEmpty()) {
				return;
			}
			assertThat(walk.opened.size() + next.size()).as("ids opened by %s: the walk runs away", walk.account)
				.isLessThan(MOST_OPENED);
			walk.run(next);
		}
	}

	/**
	 * Every root field of {@code Query}, with arguments inside the subtree and outside
	 * it.
	 */
	private List<Probe> rootProbes(boolean asSecretary) {
		List<Probe> probes = new ArrayList<>();
		Expect changes = asSecretary ? Expect.INSIDE : Expect.OUTSIDE;
		String ownPerson = first(this.subtree.inside("Person"));
		String outsidePerson = first(this.subtree.outside("Person"));
		String outsideCommittee = "CommunityCommittee:GZ-DJ-C02-SQDW";
		probes.add(root("networkStats", "", Expect.INSIDE));
		probes.addAll(scopeProbes(OWN, Expect.INSIDE));
		probes.addAll(scopeProbes(OWN_AREA, Expect.INSIDE));
		for (String outside : List.of("Street:GZ-DJ", "District:GZ", "Community:GZ-DJ-C02", outsideCommittee,
				"StreetWorkingCommittee:GZ-DJ-DGW")) {
			probes.addAll(scopeProbes(outside, Expect.OUTSIDE));
		}
		for (String id : List.of(OWN, OWN_AREA, ownPerson)) {
			probes.add(open(id));
		}
		probes.add(root("node", "code: " + quote(OWN_CODE), Expect.INSIDE, "Organization"));
		probes.add(root("organization", "id: " + quote(OWN), Expect.INSIDE));
		probes.add(root("organization", "code: " + quote(OWN_CODE), Expect.INSIDE));
		probes.add(root("area", "id: " + quote(OWN_AREA), Expect.INSIDE));
		probes.add(root("area", "code: " + quote(code(OWN_AREA)), Expect.INSIDE));
		probes.add(root("person", "id: " + quote(ownPerson), Expect.INSIDE));
		probes.add(root("person", "code: " + quote(code(ownPerson)), Expect.INSIDE));
		for (String outside : outsideSamples()) {
			probes
				.add(root("node", "id: " + quote(outside), Expect.OUTSIDE, TYPE_OF_LABEL.get(Subtree.label(outside))));
			probes.add(root("node", "code: " + quote(code(outside)), Expect.OUTSIDE,
					TYPE_OF_LABEL.get(Subtree.label(outside))));
		}
		probes.add(root("organization", "id: " + quote(outsideCommittee), Expect.OUTSIDE));
		probes.add(root("organization", "code: \"GZ-DJ-DGW\"", Expect.OUTSIDE));
		probes.add(root("area", "id: \"Street:GZ-DJ\"", Expect.OUTSIDE));
		probes.add(root("area", "code: \"GZ-DJ-C02\"", Expect.OUTSIDE));
		probes.add(root("person", "id: " + quote(outsidePerson), Expect.OUTSIDE));
		probes.add(root("person", "code: " + quote(code(outsidePerson)), Expect.OUTSIDE));
		for (String list : List.of("organizations", "areas")) {
			probes.add(root(list, "first: %d", Expect.INSIDE, null, 100));
			probes.add(root(list, "name: \"社区\", first: %d", Expect.INSIDE, null, 100));
		}
		probes.add(root("organizations", "kind: STREET_WORKING_COMMITTEE, first: %d", Expect.INSIDE, null, 100));
		probes.add(root("areas", "kind: STREET, first: %d", Expect.INSIDE, null, 100));
		for (String text : searchTexts()) {
			probes.add(root("search", "text: " + quote(text) + ", first: %d", Expect.INSIDE, null, 50));
		}
		probes.add(root("dataset", "", Expect.INSIDE));
		probes.add(root("model", "", Expect.INSIDE));
		probes.add(root("me", "", Expect.INSIDE));
		probes.add(root("coverage", "", Expect.INSIDE));
		probes.add(root("coverage", "scope: " + quote(OWN_AREA) + ", asOf: \"2020-06-01\"", Expect.INSIDE));
		probes.add(root("linkageSummary", "", Expect.INSIDE));
		probes.add(root("health", "", Expect.INSIDE));
		probes.add(root("changes", "first: %d", changes, null, 100));
		// one record by id: the secretary's own community's, and another's (null to them)
		probes.add(root("change", "id: " + quote(AuditFixture.IDS.get(0)), changes));
		probes.add(root("change", "id: " + quote(AuditFixture.IDS.get(1)), Expect.OUTSIDE));
		// the accounts are the organization department's alone
		probes.add(root("accounts", "first: %d", Expect.OUTSIDE, null, 100));
		for (String unit : this.subtree.inside("Unit")) {
			probes.add(root("reach", "unit: " + quote(unit), Expect.INSIDE));
		}
		for (String unit : this.subtree.outside("Unit").subList(0, 3)) {
			probes.add(root("reach", "unit: " + quote(unit), Expect.OUTSIDE));
		}
		for (String to : List.of(ownPerson, first(this.subtree.inside("Unit")), first(this.subtree.inside("Building")),
				first(this.subtree.inside("Alliance")))) {
			if (to != null) {
				probes.add(root("connection", "from: " + quote(OWN) + ", to: " + quote(to), Expect.INSIDE));
			}
		}
		probes.add(root("connection", "from: " + quote(OWN) + ", to: " + quote(outsideCommittee), Expect.OUTSIDE));
		probes.add(root("connection", "from: " + quote(OWN) + ", to: " + quote(outsidePerson), Expect.OUTSIDE));
		if (!asSecretary) {
			for (String scope : List.of("Street:GZ-DJ", "District:GZ")) {
				probes.addAll(scopeProbes(scope, Expect.INSIDE));
			}
		}
		return probes;
	}

	/**
	 * Every root field that takes a scope (or an id of an organization or area), asked
	 * about one.
	 */
	private List<Probe> scopeProbes(String scope, Expect expect) {
		String quoted = quote(scope);
		List<Probe> probes = new ArrayList<>();
		probes.add(root("networkStats", "scope: " + quoted, expect));
		probes.add(root("coverage", "scope: " + quoted, expect));
		probes.add(root("linkages", "id: " + quoted, expect));
		probes.add(root("linkageSummary", "scope: " + quoted, expect));
		probes.add(root("health", "scope: " + quoted, expect));
		probes.add(root("changes", "scope: " + quoted + ", first: %d", this.asViewer ? Expect.OUTSIDE : expect, null,
				100));
		probes.add(root("organizations", "scope: " + quoted + ", first: %d", expect, null, 100));
		probes.add(root("areas", "scope: " + quoted + ", first: %d", expect, null, 100));
		return probes;
	}

	/**
	 * Texts to search: kinds of thing, and names of real things and people inside and
	 * outside.
	 */
	private List<String> searchTexts() {
		List<String> texts = new ArrayList<>(List.of("党支部", "党委", "社区", "街道", "联盟", "小区", "网格", "东街", "办公室"));
		for (String id : List.of("CommunityCommittee:GZ-DJ-C02-SQDW", first(this.subtree.outside("Unit")),
				first(this.subtree.outside("Alliance")), first(this.subtree.inside("Person")),
				first(this.subtree.outside("Person")), first(this.subtree.inside("Unit")))) {
			if (id != null && this.subtree.names.get(id) != null) {
				texts.add(this.subtree.names.get(id));
			}
		}
		return texts;
	}

	/** One of each kind of node outside the subtree, from the database. */
	private List<String> outsideSamples() {
		List<String> samples = new ArrayList<>();
		for (String label : new TreeSet<>(TYPE_OF_LABEL.keySet())) {
			List<String> outside = this.subtree.outside(label);
			if (!outside.isEmpty()) {
				samples.add(outside.get(0));
			}
		}
		return samples;
	}

	private Probe open(String id) {
		Probe probe = root("node", "id: " + quote(id), Expect.OPEN, TYPE_OF_LABEL.get(Subtree.label(id)));
		return new Probe(probe.label(), probe.piece(), Expect.OPEN, id, probe.deeper());
	}

	private Probe root(String field, String arguments, Expect expect) {
		return root(field, arguments, expect, null, 1);
	}

	private Probe root(String field, String arguments, Expect expect, String concrete) {
		return root(field, arguments, expect, concrete, 1);
	}

	private Probe root(String field, String arguments, Expect expect, String concrete, int times) {
		return root(field, arguments, expect, concrete, times, Set.of());
	}

	/**
	 * A root field: its full selection, or for the {@code Node} interface that of the
	 * concrete type; the nodes of the fields in {@code deepen} selected in full as well.
	 */
	private Probe root(String field, String arguments, Expect expect, String concrete, int times, Set<String> deepen) {
		GraphQLNamedType type = this.selections.rootType(field);
		Piece child;
		if (type instanceof GraphQLInterfaceType && concrete != null) {
			Piece inner = this.selections.full(concrete, deepen);
			child = new Piece("{ __typename ... on " + concrete + " " + inner.text() + " }", inner.fields(),
					1 + inner.complexity(), inner.aliases());
		}
		else if (type instanceof GraphQLInterfaceType) {
			throw new IllegalArgumentException("Say which type " + field + "(" + arguments + ") is expected to answer");
		}
		else {
			child = this.selections.full(type.getName(), deepen);
		}
		String given = arguments;
		int asked = times;
		// a page as large as asked, or as fits under the complexity limit with this
		// selection
		if (arguments.contains("first: %d")) {
			times = Math.max(1, Math.min(times, (Walk.MAX_COMPLEXITY - 1) / child.complexity()));
			arguments = arguments.formatted(times);
		}
		String label = field + (arguments.isEmpty() ? "" : "(" + arguments + ")");
		Set<String> fields = new TreeSet<>(child.fields());
		fields.add("Query." + field);
		String text = label + " " + child.text();
		return new Probe(deepen.isEmpty() ? label : Walk.DEEPER + label,
				new Piece(text, fields, 1 + times * child.complexity(), child.aliases()), expect, null,
				(more) -> root(field, given, (expect == Expect.OPEN) ? Expect.INSIDE : expect, concrete, asked, more));
	}

	// -- what is asserted
	// ------------------------------------------------------------------------

	@Test
	void every_field_reachable_from_the_roots_is_walked() {
		Set<String> reachable = this.selections.reachableFields();
		Set<String> roots = this.selections.roots()
			.stream()
			.map(GraphQLFieldDefinition::getName)
			.map(name -> "Query." + name)
			.collect(Collectors.toCollection(TreeSet::new));
		for (Walk walk : List.of(this.secretary, this.viewer)) {
			Set<String> missed = new TreeSet<>(reachable);
			missed.addAll(roots);
			missed.removeAll(walk.selected);
			assertThat(missed).as("fields reachable from the roots that the %s's walk never selected", walk.account)
				.isEmpty();
		}
		assertThat(this.selections.reachableTypes()).as("types reachable from the roots").hasSizeGreaterThan(30);
		// the judges judge: the names the secretary may read are found by the scan the
		// viewer's answers pass
		assertThat(personalStrings(this.secretary.strings, true)).as("real names found in the secretary's answers")
			.isNotEmpty();
		assertThat(this.secretary.opened.values()).as("ids the secretary opened")
			.contains("OK")
			.hasSizeGreaterThan(100);
	}

	@Test
	void the_walk_answers_without_errors() {
		List<String> errors = new ArrayList<>(this.secretary.errors);
		errors.addAll(this.viewer.errors);
		assertThat(errors).as("errors other than a refusal of something asked for outside:%n%s", lines(errors))
			.isEmpty();
	}

	@Test
	void every_id_handed_to_the_secretary_opens_for_the_secretary() {
		Map<String, List<String>> failing = new TreeMap<>();
		this.secretary.opened.forEach((id, outcome) -> {
			if (!"OK".equals(outcome)) {
				failing.computeIfAbsent(outcome, o -> new ArrayList<>()).add(id);
			}
		});
		List<String> report = new ArrayList<>();
		failing.forEach((outcome, ids) -> {
			report.add("%s: %d ids".formatted(outcome, ids.size()));
			groupByVia(this.secretary, ids).forEach((via, examples) -> report.add("  through %s: %d, e.g. %s"
				.formatted(via, examples.size(), examples.subList(0, Math.min(4, examples.size())))));
		});
		assertThat(failing).as("ids handed to the secretary that do not open for the secretary:%n%s", lines(report))
			.isEmpty();
	}

	@Test
	void nothing_outside_the_subtree_reaches_the_secretary() {
		List<String> outsideIds = this.secretary.idSet.stream()
			.filter(id -> !this.subtree.allowed.contains(id))
			.toList();
		List<String> report = new ArrayList<>();
		groupByVia(this.secretary, outsideIds).forEach((via, examples) -> report.add("through %s: %d ids, e.g. %s"
			.formatted(via, examples.size(), examples.subList(0, Math.min(4, examples.size())))));
		this.secretary.answeredOutside
			.forEach(label -> report.add("asked about something outside, answered rather than refused: " + label));
		report.addAll(namesOutside(this.secretary.strings));
		report.addAll(namesOutside(this.downloads.secretaryStrings));
		report.addAll(this.downloads.secretaryStatus);
		assertThat(report).as("what reached the secretary from outside 青年社区党委's subtree:%n%s", lines(report)).isEmpty();
	}

	@Test
	void the_viewer_receives_no_personal_data() {
		List<String> report = new ArrayList<>();
		Map<String, List<String>> byField = new TreeMap<>();
		for (PersonSeen seen : this.viewer.people) {
			Map<String, Object> person = seen.person();
			List<String> shown = new ArrayList<>();
			if (person.get("name") != null && !HIDDEN.equals(person.get("name"))) {
				shown.add("name=" + person.get("name"));
			}
			for (String field : List.of("gender", "phone", "idNumber", "partyStatus")) {
				if (person.get(field) != null) {
					shown.add(field + "=" + person.get(field));
				}
			}
			if (person.get("roles") instanceof List<?> roles && !roles.isEmpty()) {
				shown.add("roles=" + roles.size() + " " + roles.stream().limit(2).map(Walk::brief).toList());
			}
			if (!shown.isEmpty()) {
				byField.computeIfAbsent(seen.via(), v -> new ArrayList<>())
					.add(seen.path() + " " + person.get("id") + " " + shown);
			}
		}
		byField.forEach((via, examples) -> report.add("person through %s: %d, e.g. %s".formatted(via, examples.size(),
				examples.subList(0, Math.min(3, examples.size())))));
		// a search for a real person's name finds nobody
		this.viewer.ids.stream()
			.filter(found -> "Person".equals(found.type()) && found.path().startsWith("search("))
			.collect(Collectors.groupingBy(found -> found.path().substring(0, found.path().indexOf(')') + 1),
					TreeMap::new, Collectors.mapping(Found::id, Collectors.toCollection(TreeSet::new))))
			.forEach((search, ids) -> report.add("%s found people %s".formatted(search, ids)));
		report.addAll(personalStrings(this.viewer.strings, true));
		report.addAll(personalStrings(this.downloads.viewerStrings, true));
		report.addAll(this.downloads.viewerStatus);
		assertThat(report).as("personal data the viewer received:%n%s", lines(report)).isEmpty();
	}

	@Test
	void the_secretary_sees_phone_and_id_numbers_masked_only() {
		List<String> report = new ArrayList<>();
		for (PersonSeen seen : this.secretary.people) {
			Object phone = seen.person().get("phone");
			Object idNumber = seen.person().get("idNumber");
			if (phone != null && !MASKED_PHONE.matcher((String) phone).matches()) {
				report.add("%s %s phone=%s".formatted(seen.path(), seen.person().get("id"), phone));
			}
			if (idNumber != null && !MASKED_ID.matcher((String) idNumber).matches()) {
				report.add("%s %s idNumber=%s".formatted(seen.path(), seen.person().get("id"), idNumber));
			}
		}
		report.addAll(personalStrings(this.secretary.strings, false));
		report.addAll(personalStrings(this.downloads.secretaryStrings, false));
		assertThat(report).as("phone or ID numbers in full for the secretary:%n%s", lines(report)).isEmpty();
	}

	// -- judging strings
	// -------------------------------------------------------------------------

	private static final Pattern MASKED_PHONE = Pattern.compile("000-\\*{4}-\\d{4}");

	private static final Pattern MASKED_ID = Pattern.compile("000\\*{11}[0-9X]{4}");

	/**
	 * Names of nodes outside the subtree in strings: the strings with every name of a
	 * node inside taken out first, so that a name outside that is part of one inside
	 * (东街街道 in a unit's name) is not counted. Names shared by a node inside and one
	 * outside say nothing and are left out.
	 */
	private List<String> namesOutside(Map<String, List<String>> strings) {
		// The dataset's description is the sample's public label (where its figures come
		// from), the same for every account, and names the district on purpose.
		strings = new LinkedHashMap<>(strings);
		strings.values().removeIf(paths -> paths.stream().allMatch(path -> path.endsWith("dataset.description")));
		// The model names kinds (街道党工委, 党员楼长), never a node of the network.
		strings.values().removeIf(paths -> paths.stream().allMatch(path -> path.matches("(deeper: )?model\\..*")));
		Set<String> inside = new TreeSet<>();
		this.subtree.allowed.forEach(id -> {
			String name = this.subtree.names.get(id);
			if (name != null) {
				inside.add(name);
			}
		});
		Map<String, String> outside = new LinkedHashMap<>();
		this.subtree.names.forEach((id, name) -> {
			if (name != null && name.length() >= 2 && !this.subtree.allowed.contains(id) && !inside.contains(name)) {
				outside.putIfAbsent(name, id);
			}
		});
		return occurrences(strings, outside, inside, "name of %s outside");
	}

	/**
	 * Phone and ID numbers in full (and for the viewer masked ones and real names too)
	 * anywhere in the strings: path sentences, audit JSON, report cells.
	 */
	private List<String> personalStrings(Map<String, List<String>> strings, boolean viewer) {
		Map<String, String> wanted = new LinkedHashMap<>();
		for (Subtree.Person person : this.subtree.people) {
			if (person.phone() != null) {
				wanted.putIfAbsent(person.phone(), person.id() + " phone");
			}
			if (person.idNumber() != null) {
				wanted.putIfAbsent(person.idNumber(), person.id() + " ID number");
			}
		}
		Set<String> names = new TreeSet<>();
		if (viewer) {
			Set<String> people = this.subtree.people.stream()
				.map(Subtree.Person::name)
				.filter(n -> n != null && n.length() >= 2)
				.collect(Collectors.toSet());
			this.subtree.names.forEach((id, name) -> {
				if (name != null && !"Person".equals(Subtree.label(id)) && !people.contains(name)) {
					names.add(name);
				}
			});
			for (Subtree.Person person : this.subtree.people) {
				if (person.name() != null && person.name().length() >= 2) {
					wanted.putIfAbsent(person.name(), person.id() + " name");
				}
			}
		}
		List<String> report = occurrences(strings, wanted, names, "%s");
		if (viewer) {
			for (Map.Entry<String, List<String>> string : strings.entrySet()) {
				Matcher phone = Pattern.compile("000-\\*{4}-\\d{4}|000\\*{11}[0-9X]{4}").matcher(string.getKey());
				if (phone.find()) {
					report.add("masked phone or ID number %s at %s".formatted(phone.group(), string.getValue()));
				}
			}
		}
		return report;
	}

	/**
	 * Where any of the wanted texts occurs in the strings (each string with the harmless
	 * texts taken out first): one line per wanted text, with up to three places.
	 */
	private static List<String> occurrences(Map<String, List<String>> strings, Map<String, String> wanted,
			Set<String> harmless, String what) {
		// one search over all distinct strings at once, then the strings of the texts
		// found
		Map<String, String> cleaned = new LinkedHashMap<>();
		StringBuilder all = new StringBuilder();
		List<String> longestFirst = harmless.stream().sorted((a, b) -> b.length() - a.length()).toList();
		for (String string : strings.keySet()) {
			String clean = string;
			for (String text : longestFirst) {
				if (clean.contains(text) && !wanted.containsKey(text)) {
					clean = clean.replace(text, "\u0000");
				}
			}
			cleaned.put(string, clean);
			all.append(clean).append('\u0001');
		}
		String text = all.toString();
		List<String> report = new ArrayList<>();
		wanted.forEach((value, whose) -> {
			if (text.contains(value)) {
				List<String> places = new ArrayList<>();
				cleaned.forEach((string, clean) -> {
					if (clean.contains(value) && places.size() < 3) {
						places.add(strings.get(string).get(0) + " = " + abbreviate(string, value));
					}
				});
				report.add("%s «%s»: %s".formatted(what.formatted(whose), value, places));
			}
		});
		return report;
	}

	private static String abbreviate(String string, String around) {
		int at = Math.max(0, string.indexOf(around));
		int from = Math.max(0, at - 40);
		int to = Math.min(string.length(), at + around.length() + 40);
		return ((from > 0) ? "…" : "") + string.substring(from, to).replace('\n', ' ')
				+ ((to < string.length()) ? "…" : "");
	}

	/** Ids grouped by the field they came through, each with a path and name. */
	private Map<String, List<String>> groupByVia(Walk walk, List<String> ids) {
		Set<String> wanted = new LinkedHashSet<>(ids);
		Map<String, List<String>> grouped = new TreeMap<>();
		Map<String, Set<String>> seen = new LinkedHashMap<>();
		for (Found found : walk.ids) {
			if (wanted.contains(found.id())
					&& seen.computeIfAbsent(found.via(), v -> new TreeSet<>()).add(found.id())) {
				grouped.computeIfAbsent(found.via(), v -> new ArrayList<>())
					.add("%s %s at %s".formatted(found.id(), this.subtree.names.get(found.id()), found.path()));
			}
		}
		return grouped;
	}

	private String summary() {
		Set<String> reachable = this.selections.reachableFields();
		Function<Walk, String> line = walk -> {
			Set<String> types = new TreeSet<>();
			walk.selected.forEach(field -> types.add(field.substring(0, field.indexOf('.'))));
			types.remove("Query");
			Set<String> empty = new TreeSet<>(reachable);
			empty.removeAll(walk.answered);
			return "%s: %d requests (slowest %s), %d ids found (%d distinct), %d opened again; types %d of %d, fields %d of %d selected; fields that never answered anything: %s"
				.formatted(walk.account, walk.requests, walk.slowest, walk.ids.size(), walk.idSet.size(),
						walk.opened.size(), types.size(), this.selections.reachableTypes().size(),
						walk.selected.stream().filter(reachable::contains).count(), reachable.size(), empty);
		};
		return "Schema walk in %d ms (%s); subtree of %s: %d nodes (%d as Access.visible has it)%n%s%n%s%n%s".formatted(
				this.millis, this.phases, OWN, this.subtree.allowed.size(), this.subtree.implemented.size(),
				line.apply(this.secretary), line.apply(this.viewer), this.downloads.summary());
	}

	private static String lines(List<String> lines) {
		return lines.stream().map(l -> "  " + l).collect(Collectors.joining("\n"));
	}

	private static String quote(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	private static String code(String id) {
		return id.substring(id.indexOf(':') + 1);
	}

	private static String first(List<String> ids) {
		return ids.isEmpty() ? null : ids.get(0);
	}

	private static Map<String, String> typeOfLabel() {
		Map<String, String> types = new TreeMap<>();
		for (String label : List.of("District", "Street", "Community", "Grid", "Building", "CommercialBuilding",
				"Market")) {
			types.put(label, "Area");
		}
		for (String label : List.of("StreetWorkingCommittee", "CommunityCommittee", "GridBranch", "BuildingGroup")) {
			types.put(label, "Organization");
		}
		for (String label : List.of("Person", "Unit", "Alliance", "Institution")) {
			types.put(label, label);
		}
		return types;
	}

}
