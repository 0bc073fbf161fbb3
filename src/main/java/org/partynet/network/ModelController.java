package org.partynet.network;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import org.partynet.coverage.CoverageMetric;
import org.partynet.health.HealthRule;
import org.partynet.health.HealthRule.Severity;
import org.partynet.model.AreaKind;
import org.partynet.model.NodeLabel;
import org.partynet.model.Operation;
import org.partynet.model.OrganizationKind;
import org.partynet.model.RelationshipType;
import org.partynet.model.RoleKind;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code query { model }}: the network's model for the pages, so that no page keeps its
 * own copy of a label. It holds no data of the network, only of its kinds, so every
 * account may read it.
 */
@Controller
class ModelController {

	/** One entry of the model; see {@code Term} in schema.graphqls. */
	record Term(String key, String name, String english, String label, String parent, String forward, String backward) {

		static Term of(String key, String name, String english) {
			return new Term(key, name, english, null, null, null, null);
		}

	}

	/** See {@code NetworkModel} in schema.graphqls. */
	record NetworkModel(List<Term> labels, List<Term> organizationKinds, List<Term> areaKinds, List<Term> relationships,
			List<Term> roles, List<Term> operations, List<Term> coverageMetrics, List<Term> healthRules,
			List<Term> severities) {
	}

	private static final NetworkModel MODEL = new NetworkModel(
			terms(NodeLabel.values(), label -> Term.of(label.label(), label.chinese(), label.english())),
			terms(OrganizationKind.values(),
					kind -> new Term(kind.name(), kind.chinese(), kind.english(), kind.label(),
							(kind.parent() != null) ? kind.parent().name() : null, null, null)),
			terms(AreaKind.values(),
					kind -> new Term(kind.name(), kind.chinese(), kind.english(), kind.label(),
							(kind.parent() != null) ? kind.parent().name() : null, null, null)),
			terms(RelationshipType.values(),
					type -> new Term(type.name(), type.chinese(), null, null, null, type.forward(), type.backward())),
			terms(RoleKind.values(), role -> Term.of(role.name(), role.chinese(), role.english())),
			terms(Operation.values(), operation -> Term.of(operation.key(), operation.chinese(), null)),
			terms(CoverageMetric.values(), metric -> Term.of(metric.name(), metric.chinese(), metric.english())),
			terms(HealthRule.values(),
					rule -> new Term(rule.name(), rule.chinese(), rule.english(), null, rule.severity().name(), null,
							null)),
			terms(Severity.values(), severity -> Term.of(severity.name(), severity.chinese(), severity.english())));

	private static <T> List<Term> terms(T[] values, Function<T, Term> term) {
		return Arrays.stream(values).map(term).toList();
	}

	@QueryMapping
	NetworkModel model() {
		return MODEL;
	}

}
