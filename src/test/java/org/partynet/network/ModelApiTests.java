package org.partynet.network;

import org.junit.jupiter.api.Test;
import org.partynet.support.HarnessTestSupport;

/** {@code query { model }}: the pages' labels, from the model, for any account. */
class ModelApiTests extends HarnessTestSupport {

	@Test
	void the_model_names_every_kind_in_chinese() {
		var response = graphQl().document("""
				{ model {
				    labels { key name }
				    organizationKinds { key name label parent }
				    relationships { key name forward backward }
				    roles { key name } operations { key name } coverageMetrics { key name english }
				    healthRules { key name parent } severities { key name }
				} }""").execute();
		response.path("model.labels[?(@.key == 'GridBranch')].name").entityList(String.class).containsExactly("网格党支部");
		response.path("model.organizationKinds[?(@.key == 'GRID_BRANCH')].parent")
			.entityList(String.class)
			.containsExactly("COMMUNITY_COMMITTEE");
		response.path("model.relationships[?(@.key == 'HEAD_OF')].backward")
			.entityList(String.class)
			.containsExactly("楼长为");
		response.path("model.operations[?(@.key == 'mergeOrganizations')].name")
			.entityList(String.class)
			.containsExactly("党组织合并");
		response.path("model.coverageMetrics[?(@.key == 'GRID')].name")
			.entityList(String.class)
			.containsExactly("网格覆盖");
		response.path("model.healthRules[?(@.key == 'NO_SECRETARY')].parent")
			.entityList(String.class)
			.containsExactly("ERROR");
		response.path("model.severities[*].name").entityList(String.class).containsExactly("错误", "警告", "提示");
		response.path("model.roles[0].name").entity(String.class).isEqualTo("书记");
	}

}
