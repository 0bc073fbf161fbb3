package org.partynet.graphql;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.language.Document;
import graphql.parser.Parser;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Parses and validates each query text once. The pages send the same few documents again
 * and again, with other variables; graphql-java would otherwise parse and validate every
 * one afresh, and {@link ReadTransaction} parse it a second time to see whether it is a
 * query. The limits ({@link QueryLimits}) still run on every execution, since they depend
 * on the variables. Only valid documents are kept, the most recently used
 * {@value #MAX_ENTRIES}, so that no client can fill the memory with texts that fail.
 */
@Configuration(proxyBeanMethods = false)
class ParsedDocuments implements PreparsedDocumentProvider {

	private static final int MAX_ENTRIES = 500;

	private final Map<String, PreparsedDocumentEntry> entries = Collections
		.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, PreparsedDocumentEntry> eldest) {
				return size() > MAX_ENTRIES;
			}
		});

	@Bean
	GraphQlSourceBuilderCustomizer parseOnce() {
		return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(this));
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		PreparsedDocumentEntry entry = this.entries.get(input.getQuery());
		if (entry == null) {
			entry = parseAndValidate.apply(input);
			if (!entry.hasErrors()) {
				this.entries.put(input.getQuery(), entry);
			}
		}
		return CompletableFuture.completedFuture(entry);
	}

	/**
	 * The document of this text: the one already parsed, or a new parse (which throws
	 * {@code InvalidSyntaxException}).
	 */
	Document document(String text) {
		PreparsedDocumentEntry entry = this.entries.get(text);
		return (entry != null) ? entry.getDocument() : Parser.parse(text);
	}

}
