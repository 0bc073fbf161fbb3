package org.partynet.change;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Mutations end to end over GraphQL, on a sample of their own. */
class MutationApiTests extends MutationTestSupport {

	static final String UPDATE_ORGANIZATION = """
			mutation($input: UpdateOrganizationInput!) {
			  updateOrganization(input: $input) {
			    organization { id name version }
			    changeId
			    errors { code field message }
			  }
			}
			""";

	@Test
	void renaming_an_organization_bumps_its_version_and_writes_an_audit_record() {
		Map<String, Object> payload = mutate("updateOrganization", UPDATE_ORGANIZATION, Map.of("input",
				Map.of("id", "GridBranch:GZ-DJ-C02-ZB01", "version", 0, "name", "东湖社区第一网格党支部（新）")));
		assertThat(errors(payload)).isEmpty();
		assertThat(payload.get("organization")).isEqualTo(Map.of("id", "GridBranch:GZ-DJ-C02-ZB01", "name",
				"东湖社区第一网格党支部（新）", "version", 1));
		assertThat(payload.get("changeId")).isNotNull();
	}

}
