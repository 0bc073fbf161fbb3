package org.partynet.network;

import java.util.List;

import org.partynet.area.Area;
import org.partynet.graphql.BadRequestException;
import org.partynet.graphql.GlobalId;
import org.partynet.graphql.Paging;
import org.partynet.organization.Organization;
import org.partynet.person.Person;
import org.partynet.scope.Scope;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Counts, look-up of any node, search, and what the database holds. */
@Controller
class NetworkController {

	private final NetworkQueries queries;

	private final Scope scope;

	private final Paging paging;

	NetworkController(NetworkQueries queries, Scope scope, Paging paging) {
		this.queries = queries;
		this.scope = scope;
		this.paging = paging;
	}

	@QueryMapping
	NetworkStats networkStats(@Argument String scope) {
		return this.queries.stats(this.scope.code(scope));
	}

	@QueryMapping
	Object node(@Argument String id, @Argument String code) {
		return lookUp(id, code, null);
	}

	@QueryMapping
	Object organization(@Argument String id, @Argument String code) {
		return lookUp(id, code, "PartyOrganization");
	}

	@QueryMapping
	Object area(@Argument String id, @Argument String code) {
		return lookUp(id, code, "Area");
	}

	@QueryMapping
	Object person(@Argument String id, @Argument String code) {
		return lookUp(id, code, "Person");
	}

	@QueryMapping
	List<NetworkQueries.SearchHit> search(@Argument String text, @Argument Integer first) {
		String query = this.paging.text("text", text);
		int size = this.paging.first(first);
		if (query == null || size == 0) {
			return List.of();
		}
		return this.queries.search(query, size);
	}

	@QueryMapping
	NetworkQueries.Dataset dataset() {
		return this.queries.dataset().orElse(null);
	}

	/** By id or by code, never both; an unknown one is {@code null}, not an error. */
	private Object lookUp(String id, String code, String family) {
		if ((id == null) == (code == null)) {
			throw new BadRequestException((id == null) ? "id" : "code",
					"请只给出 id 或 code 之一 / Give exactly one of the arguments 'id' and 'code'");
		}
		if (id != null) {
			GlobalId parsed = GlobalId.parse(id, "id");
			return this.queries.byCode(parsed.code(), parsed.label(), "id", id)
				.filter(node -> family == null || isOf(node, family))
				.orElse(null);
		}
		if (!GlobalId.isWellFormedCode(code)) {
			return null;
		}
		return this.queries.byCode(code, null, "code", code)
			.filter(node -> family == null || isOf(node, family))
			.orElse(null);
	}

	private static boolean isOf(Object node, String family) {
		return switch (family) {
			case "PartyOrganization" -> node instanceof Organization;
			case "Area" -> node instanceof Area;
			case "Person" -> node instanceof Person;
			default -> true;
		};
	}

}
