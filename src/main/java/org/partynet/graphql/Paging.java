package org.partynet.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Checks list arguments before they reach the database, and builds cursor connections.
 * Lists are ordered by code, so a cursor is simply the last code seen (encoded, so that
 * callers treat it as opaque).
 *
 * @param maxPageSize largest {@code first} a list accepts
 * @param maxSearchLength longest name filter or search text
 */
@ConfigurationProperties("partynet.graphql")
public record Paging(@DefaultValue("100") int maxPageSize, @DefaultValue("100") int maxSearchLength) {

	private static final String PREFIX = "code:";

	public int first(Integer first) {
		int value = (first != null) ? first : 20;
		if (value < 0 || value > this.maxPageSize) {
			throw new BadRequestException("first",
					"参数 first 必须在 0 到 %d 之间 / Argument 'first' must be between 0 and %d, was %d"
						.formatted(this.maxPageSize, this.maxPageSize, value));
		}
		return value;
	}

	/** The code after which a page starts, or {@code null} for the first page. */
	public String after(String after) {
		if (after == null) {
			return null;
		}
		try {
			String decoded = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8);
			if (decoded.startsWith(PREFIX) && GlobalId.isWellFormedCode(decoded.substring(PREFIX.length()))) {
				return decoded.substring(PREFIX.length());
			}
		}
		catch (IllegalArgumentException ex) {
			// not Base64: reported below like any other invalid cursor
		}
		throw new BadRequestException("after",
				"参数 after 不是有效的游标 / Argument 'after' is not a valid cursor: pass the endCursor of a previous page");
	}

	/** A name filter: blank means none; over the maximum length is refused. */
	public String text(String argument, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		if (text.length() > this.maxSearchLength) {
			throw new BadRequestException(argument,
					"参数 %s 最长 %d 个字符 / Argument '%s' must be at most %d characters, was %d".formatted(argument,
							this.maxSearchLength, argument, this.maxSearchLength, text.length()));
		}
		return text.strip();
	}

	public static String cursor(String code) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + code).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * A connection from one page of rows fetched with {@code first + 1} as the limit, so
	 * that the extra row tells whether another page follows.
	 */
	public static <T> Connection<T> connection(List<T> rows, int first, boolean afterGiven, int totalCount,
			Function<T, String> code) {
		List<T> page = rows.subList(0, Math.min(first, rows.size()));
		List<Edge<T>> edges = page.stream().map(node -> new Edge<>(cursor(code.apply(node)), node)).toList();
		PageInfo pageInfo = new PageInfo(rows.size() > first, afterGiven,
				edges.isEmpty() ? null : edges.get(0).cursor(),
				edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
		return new Connection<>(edges, page, pageInfo, totalCount);
	}

	public record Connection<T>(List<Edge<T>> edges, List<T> nodes, PageInfo pageInfo, int totalCount) {
	}

	public record Edge<T>(String cursor, T node) {
	}

	public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
	}

}
