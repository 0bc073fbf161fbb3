package org.partynet.change;

import java.time.LocalDate;
import java.util.Map;

import org.neo4j.driver.types.Node;
import org.partynet.change.Inputs.LinkInput;
import org.partynet.change.UserError.UserErrorCode;
import org.partynet.graph.Graph;
import org.partynet.graph.Statement;
import org.partynet.graphql.GlobalId;
import org.partynet.model.RelationshipKind;

import org.springframework.stereotype.Component;

/**
 * The other relationships of the model, added and ended through one pair of mutations.
 */
@Component
class LinkChangeQueries {

	// %s are the from label, the kind's type and the to label, from the model and
	// GlobalId.LABELS
	private static final Statement CURRENT = Statement.write("change.link.current", """
			MATCH (:`%s` {code: $from})-[r:%s WHERE r.until IS NULL]->(:`%s` {code: $to}) RETURN r
			""");

	private static final Statement HEADED = Statement.write("change.link.headed", """
			MATCH (:Building {code: $to})<-[h:HEAD_OF WHERE h.until IS NULL]-() RETURN h
			""");

	// %s are the from label, the to label and the kind's type
	private static final Statement ADD = Statement.write("change.link.add", """
			MATCH (f:`%s` {code: $from}), (t:`%s` {code: $to})
			CREATE (f)-[r:%s {since: $on}]->(t)
			SET r.title = $title
			""");

	// %s are the from label, the kind's type and the to label
	private static final Statement END = Statement.write("change.link.end", """
			MATCH (:`%s` {code: $from})-[r:%s WHERE r.until IS NULL]->(:`%s` {code: $to})
			SET r.until = $on
			""");

	private final MutationQueries queries;

	LinkChangeQueries(MutationQueries queries) {
		this.queries = queries;
	}

	Runnable link(Work work, LinkInput input, boolean add) {
		RelationshipKind kind = input.kind();
		if (kind == null) {
			work.invalid("kind", "未知的关系类型 / Unknown kind of relationship");
			return null;
		}
		GlobalId fromId = work.id("from", input.from(), kind.from());
		Node from = work.lock(fromId, "from", "version", input.version());
		GlobalId toId = work.id("to", input.to(), kind.to());
		Node to = work.lockOther(toId, "to");
		String title = work.optionalText("title", input.title());
		LocalDate on = work.on(input.on());
		if (add && Work.ended(to)) {
			work.invalid("to", "该组织已撤销 / The organization has ended");
		}
		if (work.failed()) {
			return null;
		}
		String type = kind.type();
		Map<String, Object> parameters = Graph.parameters("from", fromId.code(), "to", toId.code(), "on", on, "title",
				title);
		boolean current = !this.queries.read(CURRENT.formatted(fromId.label(), type, toId.label()), parameters)
			.isEmpty();
		if (add && current) {
			work.error(UserErrorCode.CONFLICT, Work.path("to"), "该关系已存在 / The relationship exists already");
		}
		if (!add && !current) {
			work.invalid("to", "当前没有该关系 / There is no such current relationship");
		}
		if (add && kind == RelationshipKind.HEAD_OF && !this.queries.read(HEADED, parameters).isEmpty()) {
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
		Statement write = add ? ADD.formatted(fromId.label(), toId.label(), type)
				: END.formatted(fromId.label(), type, toId.label());
		return () -> this.queries.write(write, parameters);
	}

}
