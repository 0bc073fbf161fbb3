package org.partynet.change;

import java.time.LocalDate;
import java.util.Map;

import org.neo4j.driver.types.Node;
import org.partynet.change.UserError.UserErrorCode;
import org.partynet.graphql.GlobalId;
import org.partynet.model.RelationshipKind;

import org.springframework.stereotype.Component;

import static org.partynet.change.OrganizationChangeQueries.params;

/** The other relationships of the model, added and ended through one pair of mutations. */
@Component
class LinkChangeQueries {

	private final MutationQueries queries;

	LinkChangeQueries(MutationQueries queries) {
		this.queries = queries;
	}

	Runnable link(Work work, boolean add) {
		RelationshipKind kind = (work.raw("kind") instanceof String name) ? RelationshipKind.of(name) : null;
		if (kind == null) {
			work.invalid("kind", "未知的关系类型 / Unknown kind of relationship");
			return null;
		}
		GlobalId fromId = work.id("from", kind.from());
		Node from = work.lock(fromId, "from", "version");
		GlobalId toId = work.id("to", kind.to());
		Node to = work.lockOther(toId, "to");
		String title = work.optionalText("title");
		LocalDate on = work.on();
		if (add && Work.ended(to)) {
			work.invalid("to", "该组织已撤销 / The organization has ended");
		}
		if (work.failed()) {
			return null;
		}
		String type = kind.type();
		Map<String, Object> parameters = params("from", fromId.code(), "to", toId.code(), "on", on, "title", title);
		String match = "MATCH (:`%s` {code: $from})-[r:%s WHERE r.until IS NULL]->(:`%s` {code: $to})".formatted(fromId.label(),
				type, toId.label());
		boolean current = !this.queries.read(match + " RETURN r", parameters).isEmpty();
		if (add && current) {
			work.error(UserErrorCode.CONFLICT, Work.path("to"), "该关系已存在 / The relationship exists already");
		}
		if (!add && !current) {
			work.invalid("to", "当前没有该关系 / There is no such current relationship");
		}
		if (add && kind == RelationshipKind.HEAD_OF && !this.queries.read("""
				MATCH (:Building {code: $to})<-[h:HEAD_OF WHERE h.until IS NULL]-() RETURN h
				""", parameters).isEmpty()) {
			work.error(UserErrorCode.CONFLICT, Work.path("to"),
					"%s 已有党员楼长，请先结束现任楼长 / %s has a head: end that first".formatted(work.name(to), toId.code()));
		}
		if (work.failed()) {
			return null;
		}
		work.affect(toId.code());
		work.result = fromId;
		work.other = toId;
		work.summary = (add ? "%s —%s→ %s" : "结束 %s —%s→ %s").formatted(work.name(from), kind.chinese(), work.name(to));
		work.field = Work.path("to");
		return () -> this.queries.write(add ? """
				MATCH (f:`%s` {code: $from}), (t:`%s` {code: $to})
				CREATE (f)-[r:%s {since: $on}]->(t)
				SET r.title = $title
				""".formatted(fromId.label(), toId.label(), type) : match + " SET r.until = $on", parameters);
	}

}
