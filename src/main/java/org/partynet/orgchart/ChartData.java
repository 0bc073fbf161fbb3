package org.partynet.orgchart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.partynet.graphql.BadRequestException;
import org.partynet.graphql.ForbiddenException;
import org.partynet.graphql.NotFoundException;
import org.partynet.model.OrganizationKind;
import org.partynet.model.RoleKind;
import org.partynet.orgchart.ChartBox.Badge;
import org.partynet.orgchart.ChartBox.Kind;
import org.partynet.orgchart.ChartBox.Line;
import org.partynet.security.Access;

import org.springframework.graphql.ExecutionGraphQlResponse;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.support.DefaultExecutionGraphQlRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the chart to print the way the page reads it: the page's own GraphQL selection
 * (org-chart.js), run here through the same executor, so that the same confinement,
 * masking and limits apply (a secretary reads only their subtree, a viewer no person's
 * name) and the same errors come back. One request, batched per level by the server: a
 * fixed number of statements whatever the number of boxes. The request runs on this
 * thread, in one read transaction as every GraphQL query does.
 */
@Component
class ChartData {

	private static final String FIGURE = "covered total";

	private static final String BOX = """
			id code name kind childCount secretary { name } posts { role person { name } } members { total }
			coverage { grid { %1$s } buildingGroup { %1$s } buildingHead { %1$s } }""".formatted(FIGURE);

	private static final String BUILDINGS = "areas { id code name kind head { name partyStatus } }";

	private final ExecutionGraphQlService graphQl;

	private final TransactionTemplate readOnly;

	ChartData(ExecutionGraphQlService graphQl, PlatformTransactionManager transactionManager) {
		this.graphQl = graphQl;
		this.readOnly = new TransactionTemplate(transactionManager);
		this.readOnly.setReadOnly(true);
	}

	/**
	 * The organization and {@code levels} levels under it (buildings count as the level
	 * under their building group, as on screen).
	 * @throws BadRequestException for a malformed id
	 * @throws ForbiddenException for an organization the account may not read
	 * @throws NotFoundException for an unknown one
	 */
	@SuppressWarnings("unchecked")
	Chart read(String id, int levels) {
		String document = "query OrgChartPdf($id: ID!) { organization(id: $id) { ancestors { name } "
				+ selection(levels) + " } }";
		ExecutionGraphQlResponse response = this.readOnly.execute(status -> {
			status.setRollbackOnly();
			return this.graphQl
				.execute(new DefaultExecutionGraphQlRequest(document, null, Map.of("id", id), null,
						UUID.randomUUID().toString(), null))
				.block();
		});
		Objects.requireNonNull(response, "no GraphQL response");
		for (ResponseError error : response.getErrors()) {
			refuse(error, id);
		}
		Map<String, Object> organization = response.field("organization").getValue();
		if (organization == null) {
			throw new NotFoundException("id", id);
		}
		List<String> above = ((List<Map<String, Object>>) organization.get("ancestors")).stream()
			.map((ancestor) -> (String) ancestor.get("name"))
			.toList();
		return new Chart(organization(organization), above);
	}

	/**
	 * What was read.
	 *
	 * @param root the organization asked for, with the boxes under it
	 * @param above the names of the organizations above it, from the top
	 */
	record Chart(ChartBox root, List<String> above) {
	}

	// The page's nested selection (org-chart.js selection()).
	static String selection(int levels) {
		return (levels <= 0) ? BOX : BOX + " " + BUILDINGS + " children { " + selection(levels - 1) + " }";
	}

	// As the API refuses it: the same code, argument and message, as an HTTP status.
	private static void refuse(ResponseError error, String id) {
		Object code = error.getExtensions().get("code");
		String argument = String.valueOf(error.getExtensions().getOrDefault("argument", "id"));
		if ("FORBIDDEN".equals(code)) {
			throw new ForbiddenException(argument, id);
		}
		if ("NOT_FOUND".equals(code)) {
			throw new NotFoundException(argument, id);
		}
		if ("BAD_REQUEST".equals(code)) {
			throw new BadRequestException(argument, error.getMessage());
		}
		throw new IllegalStateException("Org chart query failed: " + error.getMessage());
	}

	@SuppressWarnings("unchecked")
	private static ChartBox organization(Map<String, Object> o) {
		OrganizationKind kind = OrganizationKind.valueOf((String) o.get("kind"));
		Map<String, Object> coverage = (Map<String, Object>) o.get("coverage");
		int members = ((Number) ((Map<String, Object>) o.get("members")).get("total")).intValue();
		List<Line> lines = new ArrayList<>();
		List<Badge> badges = new ArrayList<>();
		List<Badge> overview = new ArrayList<>();
		List<ChartBox> children = new ArrayList<>();
		Kind box = switch (kind) {
			case STREET_WORKING_COMMITTEE -> Kind.STREET;
			case COMMUNITY_COMMITTEE -> Kind.COMMUNITY;
			case GRID_BRANCH -> Kind.BRANCH;
			case BUILDING_GROUP -> Kind.GROUP;
		};
		String kindLine = kind.chinese();
		if (kind == OrganizationKind.COMMUNITY_COMMITTEE) {
			kindLine += " · " + OrganizationKind.GRID_BRANCH.chinese() + " " + o.get("childCount");
		}
		lines.add(new Line(kindLine, false));
		if (kind == OrganizationKind.BUILDING_GROUP) {
			String leader = ((List<Map<String, Object>>) o.get("posts")).stream()
				.filter((post) -> RoleKind.GROUP_LEADER.name().equals(post.get("role")))
				.map((post) -> (String) ((Map<String, Object>) post.get("person")).get("name"))
				.findFirst()
				.orElse(null);
			lines.add((leader != null) ? new Line(who("组长", leader) + " · 党员 " + members, false)
					: new Line("无组长 · 党员 " + members, true));
		}
		else {
			Map<String, Object> secretary = (Map<String, Object>) o.get("secretary");
			lines.add((secretary != null)
					? new Line(who("书记", (String) secretary.get("name")) + " · 党员 " + members, false)
					: new Line("书记空缺 · 党员 " + members, true));
		}
		switch (kind) {
			case STREET_WORKING_COMMITTEE -> badge(badges, "网格", coverage.get("grid"));
			case COMMUNITY_COMMITTEE -> {
				badge(badges, "网格", coverage.get("grid"));
				badge(badges, "楼长", coverage.get("buildingHead"));
				badge(overview, "楼院", coverage.get("buildingGroup"));
			}
			case GRID_BRANCH -> badge(badges, "楼院", coverage.get("buildingGroup"));
			case BUILDING_GROUP -> badge(badges, "楼长", coverage.get("buildingHead"));
		}
		if (kind == OrganizationKind.BUILDING_GROUP && o.get("areas") != null) {
			for (Map<String, Object> area : (List<Map<String, Object>>) o.get("areas")) {
				if ("BUILDING".equals(area.get("kind"))) {
					children.add(building(area));
				}
			}
		}
		else if (o.get("children") != null) {
			for (Map<String, Object> child : (List<Map<String, Object>>) o.get("children")) {
				children.add(organization(child));
			}
		}
		return new ChartBox((String) o.get("id"), box, (String) o.get("name"), lines, badges, overview, children);
	}

	@SuppressWarnings("unchecked")
	private static ChartBox building(Map<String, Object> area) {
		Map<String, Object> head = (Map<String, Object>) area.get("head");
		Line line;
		if (head == null) {
			line = new Line("无楼长", true);
		}
		else if (Access.HIDDEN_NAME.equals(head.get("name"))) {
			// a viewer learns that there is a head, not who, nor whether a member
			line = new Line(who("楼长", (String) head.get("name")), false);
		}
		else if (head.get("partyStatus") == null) {
			line = new Line("楼长 " + head.get("name") + " · 非党员", true);
		}
		else {
			line = new Line("楼长 " + head.get("name"), false);
		}
		return new ChartBox((String) area.get("id"), Kind.BUILDING, (String) area.get("name"), List.of(line), List.of(),
				List.of(), List.of());
	}

	// A post and its holder as the reader may see them: a viewer's masked names print as
	// 已隐藏 alone.
	private static String who(String post, String name) {
		return Access.HIDDEN_NAME.equals(name) ? post + "（已隐藏）" : post + " " + name;
	}

	@SuppressWarnings("unchecked")
	private static void badge(List<Badge> badges, String label, Object figure) {
		Map<String, Object> f = (Map<String, Object>) figure;
		int total = ((Number) f.get("total")).intValue();
		if (total > 0) {
			int covered = ((Number) f.get("covered")).intValue();
			badges.add(new Badge(label + " " + covered + "/" + total, covered == total));
		}
	}

}
