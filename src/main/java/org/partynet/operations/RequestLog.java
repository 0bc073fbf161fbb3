package org.partynet.operations;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.partynet.graph.StatementCount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id, on every log line it causes ({@code requestId} in the MDC,
 * shown by the log pattern) and in the response's {@code X-Request-Id}, so that a user's
 * complaint, the proxy's log and this log meet. A sane id the proxy sent is kept;
 * anything else (too long, odd characters that could forge log lines) is replaced by a
 * new one.
 * <p>
 * A request slower than {@code partynet.logging.slow-request} leaves one WARN line with
 * its method, path, GraphQL operation (its top-level fields) and the statements it sent,
 * which says whether it was slow in the database or around it.
 */
class RequestLog extends OncePerRequestFilter {

	static final String HEADER = "X-Request-Id";

	static final String MDC_KEY = "requestId";

	/** The request attribute holding the GraphQL operation's name, once known. */
	static final String OPERATION = RequestLog.class.getName() + ".operation";

	private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	private static final Logger logger = LoggerFactory.getLogger(RequestLog.class);

	private final Duration slow;

	RequestLog(Duration slow) {
		this.slow = slow;
	}

	static String requestId(String given) {
		return (given != null && SANE.matcher(given).matches()) ? given : UUID.randomUUID().toString();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = requestId(request.getHeader(HEADER));
		long begin = System.nanoTime();
		AtomicReference<String> operation = new AtomicReference<>();
		request.setAttribute(OPERATION, operation);
		response.setHeader(HEADER, id);
		MDC.put(MDC_KEY, id);
		StatementCount.reset();
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (request.isAsyncStarted()) {
				// The answer is written later, on another thread: measure it when it is.
				int statements = StatementCount.current();
				request.getAsyncContext().addListener(new AsyncListener() {
					@Override
					public void onComplete(AsyncEvent event) {
						MDC.put(MDC_KEY, id);
						try {
							logIfSlow(request, operation.get(), begin, statements);
						}
						finally {
							MDC.remove(MDC_KEY);
						}
					}

					@Override
					public void onTimeout(AsyncEvent event) {
					}

					@Override
					public void onError(AsyncEvent event) {
					}

					@Override
					public void onStartAsync(AsyncEvent event) {
					}
				});
			}
			else {
				logIfSlow(request, operation.get(), begin, StatementCount.current());
			}
			MDC.remove(MDC_KEY);
		}
	}

	private void logIfSlow(HttpServletRequest request, String operation, long begin, int statements) {
		long millis = (System.nanoTime() - begin) / 1_000_000;
		if (millis >= this.slow.toMillis()) {
			logger.warn("slow request {} {}{} {} ms {} statements", request.getMethod(), request.getRequestURI(),
					(operation != null) ? " operation=" + operation : "", millis, statements);
		}
	}

}
