package org.partynet.linkage;

import java.util.List;
import java.util.Map;

import org.partynet.organization.Organization;

import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/** Links outside the party tree, batched per level. */
@Controller
class LinkageController {

	private final LinkageQueries queries;

	LinkageController(LinkageQueries queries) {
		this.queries = queries;
	}

	@BatchMapping(typeName = "Organization")
	Map<Organization, List<CrossLink>> crossLinks(List<Organization> organizations) {
		return this.queries.crossLinks(organizations);
	}

}
