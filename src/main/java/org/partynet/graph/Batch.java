package org.partynet.graph;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.neo4j.driver.Record;
import org.partynet.graph.Graph;
import org.partynet.graph.Statement;

/**
 * One Cypher statement for a whole level of a GraphQL response (no N+1): the statement
 * takes the codes of all parents as {@code $codes} and returns each row with its parent's
 * {@code code}. A row the reader may not receive is withheld by the executor, so its
 * parent gets an empty list or {@code null}.
 */
public final class Batch {

	private Batch() {
	}

	/** Every parent gets a list, empty when the query returned nothing for it. */
	public static <S, V> Map<S, List<V>> lists(Graph graph, Statement statement, Collection<S> sources,
			Function<S, String> code, Function<Record, V> value) {
		Map<String, List<V>> byCode = new HashMap<>();
		rows(graph, statement, sources, code)
			.forEach(row -> byCode.computeIfAbsent(row.get("code").asString(), key -> new java.util.ArrayList<>())
				.add(value.apply(row)));
		Map<S, List<V>> result = new LinkedHashMap<>();
		sources.forEach(source -> result.put(source, byCode.getOrDefault(code.apply(source), List.of())));
		return result;
	}

	/**
	 * Parents the query returned nothing for are left out, which GraphQL answers as
	 * {@code null}.
	 */
	public static <S, V> Map<S, V> singles(Graph graph, Statement statement, Collection<S> sources,
			Function<S, String> code, Function<Record, V> value) {
		Map<String, V> byCode = new HashMap<>();
		rows(graph, statement, sources, code)
			.forEach(row -> byCode.putIfAbsent(row.get("code").asString(), value.apply(row)));
		Map<S, V> result = new LinkedHashMap<>();
		sources.forEach(source -> {
			V found = byCode.get(code.apply(source));
			if (found != null) {
				result.put(source, found);
			}
		});
		return result;
	}

	private static <S> Collection<Record> rows(Graph graph, Statement statement, Collection<S> sources,
			Function<S, String> code) {
		List<String> codes = sources.stream().map(code).distinct().toList();
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("codes", codes);
		return graph.rows(statement, parameters);
	}

}
