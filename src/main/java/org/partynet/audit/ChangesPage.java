package org.partynet.audit;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The audit trail page {@code /reports/changes}, which reads {@code changes} over
 * GraphQL.
 */
@Controller
class ChangesPage {

	@GetMapping("/reports/changes")
	String page() {
		return "forward:/reports/changes.html";
	}

}
