package org.partynet.account;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.partynet.audit.AuditRecordQueries;
import org.partynet.model.Operation;
import org.partynet.security.Access;
import org.partynet.security.SignInRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every sign-in in the audit trail: each success through the login form or single
 * sign-on, and each failure, through those or HTTP Basic, with the client's address. An
 * API client's successful HTTP Basic requests are not sign-ins (each request carries the
 * password again) and are not recorded; attempts the throttle refused before checking the
 * password are logged, not recorded, so that a locked sprayer cannot fill the trail.
 */
@Component
class SignInAudit {

	private static final Logger logger = LoggerFactory.getLogger(SignInAudit.class);

	private static final int MAX_NAME = 100;

	private final AuditRecordQueries audit;

	private final SignInQueries store;

	private final TransactionTemplate transactions;

	SignInAudit(AuditRecordQueries audit, SignInQueries store, PlatformTransactionManager transactionManager) {
		this.audit = audit;
		this.store = store;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	@EventListener
	void succeeded(InteractiveAuthenticationSuccessEvent event) {
		Authentication authentication = event.getAuthentication();
		String username = authentication.getName();
		record(username, Operation.SIGN_IN, "登录 / signed in", authentication, null);
		Access.asService(() -> this.store.signedIn(username));
	}

	@EventListener
	void failed(AbstractAuthenticationFailureEvent event) {
		if (event.getException() instanceof SignInRefusedException) {
			return;
		}
		Authentication authentication = event.getAuthentication();
		record(name(authentication.getName()), Operation.SIGN_IN_FAILED,
				"登录失败 / sign-in failed: " + event.getException().getClass().getSimpleName(), authentication,
				event.getException().getMessage());
	}

	private void record(String username, Operation operation, String summary, Authentication authentication,
			String reason) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("username", username);
		if (authentication.getDetails() instanceof WebAuthenticationDetails details) {
			input.put("address", details.getRemoteAddress());
		}
		if (reason != null) {
			input.put("reason", reason);
		}
		try {
			// a transaction of its own, as every write of the network: it waits while a
			// backup
			// reads, so that no backup holds half of it
			Access.asService(() -> this.transactions.executeWithoutResult(
					status -> this.audit.record(username, operation, summary, input, List.of(), List.of(), List.of())));
		}
		catch (RuntimeException ex) {
			// the sign-in itself stands; the database's trouble shows elsewhere too
			logger.warn("Could not record {} of '{}' in the audit trail: {}", operation.key(), username, ex.toString());
		}
	}

	// A user name as typed: bounded, without control characters.
	private static String name(String username) {
		if (username == null) {
			return "";
		}
		String printable = username.replaceAll("\\p{Cntrl}", "?");
		return (printable.length() > MAX_NAME) ? printable.substring(0, MAX_NAME) : printable;
	}

}
