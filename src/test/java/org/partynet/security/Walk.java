package org.partynet.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.partynet.security.SchemaSelections.Piece;
import tools.jackson.databind.json.JsonMapper;

/**
 * What one account is answered to generated queries: the probes are packed into as few
 * requests as the service's limits allow (each probe under an alias of its own), and
 * every answer is taken apart into what the assertions judge: the ids it carries (with
 * the path to each), the people, the strings, the errors, and whether each id opened.
 */
final class Walk {

	/** How the label of a probe walked on in place from what it was handed starts. */
	static final String DEEPER = "deeper: ";

	/** Below the service's limits (complexity 5000, aliases 200), leaving room. */
	static final int MAX_COMPLEXITY = 4500;

	private static final int MAX_ALIASES = 190;

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	/** How a probe's answer is judged. */
	enum Expect {

		/** Inside what the account may read: no error at all. */
		INSIDE,

		/**
		 * Asked about something outside: refusing it at the root ({@code FORBIDDEN}) is
		 * right.
		 */
		OUTSIDE,

		/** An id the account was handed, opened again: it must open. */
		OPEN

	}

	/**
	 * One root field asked once: {@code label} is the field with its arguments, as
	 * failures name it.
	 */
	record Probe(String label, Piece piece, Expect expect, String openedId,
			java.util.function.Function<Set<String>, Probe> deeper) {

		/** The same probe with the nodes of these fields selected in full. */
		Probe deepen(Set<String> fields) {
			return this.deeper.apply(fields);
		}

	}

	/** An id found in an answer, where, and of what type. */
	record Found(String path, String id, String type, String via, Probe probe) {
	}

	/** A person object found in an answer. */
	record PersonSeen(String path, String via, Map<String, Object> person) {
	}

	final String account;

	private final String baseUrl;

	private final String authorization;

	/** Every id found, in order, with every path to it. */
	final List<Found> ids = new ArrayList<>();

	final Set<String> idSet = new LinkedHashSet<>();

	final List<PersonSeen> people = new ArrayList<>();

	/** Every string answered, with up to three paths where it came. */
	final Map<String, List<String>> strings = new LinkedHashMap<>();

	/** Errors that should not have been: path and message. */
	final List<String> errors = new ArrayList<>();

	/**
	 * Outside probes answered with data rather than refused (judged by the assertions
	 * too).
	 */
	final List<String> answeredOutside = new ArrayList<>();

	/** Ids opened again, and how: {@code OK}, {@code NULL} or the error code. */
	final Map<String, String> opened = new LinkedHashMap<>();

	/** Fields selected in the requests sent, {@code Type.field}. */
	final Set<String> selected = new TreeSet<>();

	/**
	 * Fields that answered something other than {@code null} or an empty list at least
	 * once.
	 */
	final Set<String> answered = new TreeSet<>();

	int requests;

	/** The probe whose answer is being taken apart. */
	private Probe current;

	/**
	 * Probes too large to send even alone, with their complexity (deepened ones only).
	 */
	final List<String> tooLarge = new ArrayList<>();

	/** The slowest requests, for the summary. */
	final List<Slow> slowest = new ArrayList<>();

	record Slow(long millis, int probes, String first) {
	}

	Walk(String account, String baseUrl, String authorization) {
		this.account = account;
		this.baseUrl = baseUrl;
		this.authorization = authorization;
	}

	void run(List<Probe> probes) {
		List<Probe> batch = new ArrayList<>();
		int complexity = 0;
		int aliases = 0;
		for (Probe probe : probes) {
			if (probe.piece().complexity() > MAX_COMPLEXITY || probe.piece().aliases() + 1 > MAX_ALIASES) {
				if (probe.label().startsWith(DEEPER)) {
					this.tooLarge.add("%s (complexity %d)".formatted(probe.label(), probe.piece().complexity()));
					continue;
				}
				throw new IllegalStateException("A single probe is over the limits (complexity %d, aliases %d): %s"
					.formatted(probe.piece().complexity(), probe.piece().aliases(), probe.label()));
			}
			if (complexity + probe.piece().complexity() > MAX_COMPLEXITY
					|| aliases + probe.piece().aliases() + 1 > MAX_ALIASES) {
				send(batch);
				batch = new ArrayList<>();
				complexity = 0;
				aliases = 0;
			}
			batch.add(probe);
			complexity += probe.piece().complexity();
			aliases += probe.piece().aliases() + 1;
		}
		if (!batch.isEmpty()) {
			send(batch);
		}
	}

	@SuppressWarnings("unchecked")
	private void send(List<Probe> batch) {
		StringBuilder query = new StringBuilder("{");
		for (int i = 0; i < batch.size(); i++) {
			query.append("\n p").append(i).append(": ").append(batch.get(i).piece().text());
			batch.get(i).piece().fields().forEach(this.selected::add);
		}
		query.append("\n}");
		long start = System.currentTimeMillis();
		Map<String, Object> response = post(query.toString());
		this.requests++;
		this.slowest.add(new Slow(System.currentTimeMillis() - start, batch.size(), batch.get(0).label()));
		this.slowest.sort(java.util.Comparator.comparingLong(Slow::millis).reversed());
		if (this.slowest.size() > 5) {
			this.slowest.remove(5);
		}
		Map<String, Object> data = (Map<String, Object>) response.get("data");
		Map<Integer, List<Map<String, Object>>> errorsByProbe = new LinkedHashMap<>();
		for (Map<String, Object> error : (List<Map<String, Object>>) response.getOrDefault("errors", List.of())) {
			List<Object> path = (List<Object>) error.get("path");
			if (path == null || path.isEmpty() || !(path.get(0) instanceof String alias) || !alias.startsWith("p")) {
				this.errors.add("%s: request of %d probes (first %s) failed: %s %s".formatted(this.account,
						batch.size(), batch.get(0).label(), code(error), error.get("message")));
				continue;
			}
			errorsByProbe.computeIfAbsent(Integer.parseInt(alias.substring(1)), i -> new ArrayList<>()).add(error);
		}
		for (int i = 0; i < batch.size(); i++) {
			Probe probe = batch.get(i);
			Object answer = (data != null) ? data.get("p" + i) : null;
			List<Map<String, Object>> errors = errorsByProbe.getOrDefault(i, List.of());
			judge(probe, answer, errors);
			this.current = probe;
			if (answer != null) {
				collect(probe.label(), null, answer, probe.label());
				this.answered.add(via(null, probe.label()));
			}
		}
	}

	private void judge(Probe probe, Object answer, List<Map<String, Object>> errors) {
		boolean refusedAtRoot = errors.stream()
			.anyMatch(e -> ((List<?>) e.get("path")).size() == 1 && "FORBIDDEN".equals(code(e)));
		if (probe.expect() == Expect.OPEN) {
			String outcome = (answer != null) ? "OK" : errors.isEmpty() ? "NULL" : String.valueOf(code(errors.get(0)));
			this.opened.put(probe.openedId(), outcome);
		}
		if (probe.expect() == Expect.OUTSIDE && refusedAtRoot) {
			return;
		}
		if (probe.expect() == Expect.OUTSIDE && answer != null) {
			this.answeredOutside.add(probe.label());
		}
		for (Map<String, Object> error : errors) {
			if (probe.expect() == Expect.OPEN && ((List<?>) error.get("path")).size() == 1) {
				continue; // judged as not opening
			}
			List<?> path = (List<?>) error.get("path");
			this.errors.add("%s at %s%s: %s %s".formatted(this.account, probe.label(), suffix(path), code(error),
					error.get("message")));
		}
	}

	private static String suffix(List<?> path) {
		StringBuilder text = new StringBuilder();
		for (Object step : path.subList(1, path.size())) {
			text.append((step instanceof Integer) ? "[" + step + "]" : "." + step);
		}
		return text.toString();
	}

	@SuppressWarnings("unchecked")
	private static Object code(Map<String, Object> error) {
		Map<String, Object> extensions = (Map<String, Object>) error.get("extensions");
		return (extensions != null) ? extensions.get("code") : null;
	}

	/**
	 * Takes an answer apart; {@code field} is {@code Type.field} of the value,
	 * {@code null} at a root.
	 */
	@SuppressWarnings("unchecked")
	private void collect(String path, String field, Object value, String root) {
		if (field != null && value != null && !(value instanceof List<?> list && list.isEmpty())) {
			this.answered.add(field);
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> object = (Map<String, Object>) map;
			String type = (String) object.get("__typename");
			if (object.get("id") instanceof String id && !"Change".equals(type)) {
				found(path + ".id", id, type, via(field, root));
			}
			if ("PathStep".equals(type)) {
				found(path + ".startId", (String) object.get("startId"), null, "PathStep.startId");
				found(path + ".endId", (String) object.get("endId"), null, "PathStep.endId");
			}
			if ("Person".equals(type)) {
				this.people.add(new PersonSeen(path, via(field, root), object));
			}
			object.forEach((key, inner) -> {
				if (!"__typename".equals(key)) {
					// aliases of one field (gaps_GRID) name the field before the
					// underscore
					String name = key.contains("_") ? key.substring(0, key.indexOf('_')) : key;
					collect(path + "." + key, (type != null) ? type + "." + name : null, inner, root);
				}
			});
		}
		else if (value instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				collect(path + "[" + i + "]", field, list.get(i), root);
			}
		}
		else if (value instanceof String text) {
			List<String> paths = this.strings.computeIfAbsent(text, t -> new ArrayList<>());
			if (paths.size() < 3) {
				paths.add(path);
			}
		}
	}

	/**
	 * The field an object came through, {@code Alliance.leader}; at a root, the root
	 * field.
	 */
	private static String via(String field, String root) {
		if (field != null) {
			return field;
		}
		int parenthesis = root.indexOf('(');
		return "Query." + ((parenthesis < 0) ? root : root.substring(0, parenthesis));
	}

	private void found(String path, String id, String type, String via) {
		if (id == null) {
			return;
		}
		this.ids.add(new Found(path, id, type, via, this.current));
		this.idSet.add(id);
	}

	/**
	 * The type each id was answered as (its {@code __typename}), for opening it again.
	 */
	Map<String, String> types() {
		Map<String, String> types = new LinkedHashMap<>();
		for (Found found : this.ids) {
			if (found.type() != null) {
				types.putIfAbsent(found.id(), found.type());
			}
		}
		return types;
	}

	/** The paths where an id was found, at most a few. */
	List<String> pathsTo(String id, int most) {
		return this.ids.stream().filter(f -> f.id().equals(id)).map(Found::path).limit(most).toList();
	}

	/** A short form of an answered object for a failure message: its scalar fields. */
	static String brief(Object value) {
		if (value instanceof Map<?, ?> map) {
			return map.entrySet()
				.stream()
				.filter(e -> !(e.getValue() instanceof Map || e.getValue() instanceof List)
						&& !"__typename".equals(e.getKey()))
				.map(e -> e.getKey() + "=" + e.getValue())
				.collect(java.util.stream.Collectors.joining(", ", "{", "}"));
		}
		return String.valueOf(value);
	}

	@SuppressWarnings("unchecked")
	Map<String, Object> post(String query) {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(this.baseUrl + "/graphql"))
				.timeout(Duration.ofSeconds(120))
				.header("Content-Type", "application/json")
				.header("Authorization", this.authorization)
				.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("query", query))))
				.build();
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(
						"HTTP %d for %s: %s".formatted(response.statusCode(), query, response.body()));
			}
			return json.readValue(response.body(), Map.class);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
